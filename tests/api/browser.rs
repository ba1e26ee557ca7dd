//! The consent pages in a real headless Chromium (Debian's chromium + chromium-driver), at a
//! phone's width. Without chromedriver the test is skipped, unless BRIDGE_REQUIRE_BROWSER=1 (CI).
//! The dashboard's browser test starts Chromium the same way (`chromedriver`, `start_browser`).

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::common::*;
use fantoccini::{ClientBuilder, Locator};
use serde_json::{json, Value};

pub struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn chromedriver() -> Option<String> {
    let path = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    if std::path::Path::new(&path).exists() {
        return Some(path);
    }
    if std::env::var("BRIDGE_REQUIRE_BROWSER").as_deref() == Ok("1") {
        panic!("chromedriver not found at {path} and BRIDGE_REQUIRE_BROWSER=1");
    }
    eprintln!("skipping the browser test: install chromium and chromium-driver to run it");
    None
}

/// A phone's screen, 360 px wide: headless Chromium will not make a window narrower than 500 px,
/// so the phone is emulated (its viewport, touch and the page's `<meta name=viewport>`).
pub async fn start_browser(driver_path: &str) -> (Driver, fantoccini::Client) {
    start_browser_on(driver_path, Screen::Phone).await
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// 360 × 740 CSS pixels.
    Phone,
    /// A 1280 × 1000 window.
    Desktop,
}

pub async fn start_browser_on(driver_path: &str, screen: Screen) -> (Driver, fantoccini::Client) {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(driver_path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver(child);
    let profile = tempfile::tempdir().unwrap();
    let mut options = json!({
        "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-quic",
            match screen {
                Screen::Phone => "--window-size=500,740",
                Screen::Desktop => "--window-size=1280,1000",
            },
            format!("--user-data-dir={}", profile.path().display()),
        ]
    });
    if screen == Screen::Phone {
        options["mobileEmulation"] =
            json!({"deviceMetrics": {"width": 360, "height": 740, "pixelRatio": 1}});
    }
    let caps: serde_json::Map<String, Value> =
        serde_json::from_value(json!({ "goog:chromeOptions": options })).unwrap();
    std::mem::forget(profile); // removed with the machine's temp files; Chromium may still hold it
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        let http = hyper_util::client::legacy::connect::HttpConnector::new();
        if let Ok(client) = ClientBuilder::new(http)
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            return (driver, client);
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("could not start a Chromium session through chromedriver");
}

#[actix_web::test]
async fn an_athlete_connects_in_a_real_browser_on_a_phone_sized_screen() {
    let Some(driver_path) = chromedriver() else {
        return;
    };
    let app = TestApp::spawn().await;
    let (_driver, c) = start_browser(&driver_path).await;
    let result = async {
        let url = app
            .connect_url(&app.tenant.api_key, json!({"user_id": "phone-user"}))
            .await;
        c.goto(&url).await?;
        let heading = c.find(Locator::Css("h1")).await?.text().await?;
        assert!(heading.contains("Partner A"), "{heading}");
        let width = c.execute("return window.innerWidth", vec![]).await?;
        assert_eq!(width, json!(360));
        // Nothing overflows a 360 px wide screen.
        let overflow = c
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth",
                vec![],
            )
            .await?;
        assert_eq!(overflow, json!(true));
        c.find(Locator::Css("#continue")).await?.click().await?;

        // Intervals.icu's (the sandbox's) consent page: pick an athlete, untick calendar, authorize.
        c.wait().for_element(Locator::Css("#approve")).await?;
        c.find(Locator::Css("#athlete"))
            .await?
            .select_by_value("2049151")
            .await?;
        c.find(Locator::Css("#scope-CALENDAR"))
            .await?
            .click()
            .await?;
        c.find(Locator::Css("#approve")).await?.click().await?;

        let result = c
            .wait()
            .for_element(Locator::Css("#result"))
            .await?
            .text()
            .await?;
        assert_eq!(result, "Connected");
        Ok::<_, fantoccini::error::CmdError>(())
    }
    .await;
    let _ = c.close().await;
    result.expect("browser flow");
    let user: Value = app
        .get(&app.tenant.api_key, "/v1/users/phone-user")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(user["athlete_id"], "2049151");
    assert_eq!(user["scopes"], json!(["ACTIVITY:WRITE", "WELLNESS:WRITE"]));
}

#[actix_web::test]
async fn declining_in_a_real_browser_shows_a_clear_page() {
    let Some(driver_path) = chromedriver() else {
        return;
    };
    let app = TestApp::spawn().await;
    let (_driver, c) = start_browser(&driver_path).await;
    let result = async {
        let url = app
            .connect_url(&app.tenant.api_key, json!({"user_id": "decliner"}))
            .await;
        c.goto(&url).await?;
        c.find(Locator::Css("#continue")).await?.click().await?;
        c.wait()
            .for_element(Locator::Css("#decline"))
            .await?
            .click()
            .await?;
        let code = c
            .wait()
            .for_element(Locator::Css("#error-code"))
            .await?
            .text()
            .await?;
        assert_eq!(code, "access_denied");
        Ok::<_, fantoccini::error::CmdError>(())
    }
    .await;
    let _ = c.close().await;
    result.expect("browser flow");
    assert_eq!(
        app.get(&app.tenant.api_key, "/v1/users/decliner")
            .await
            .status(),
        404
    );
}
