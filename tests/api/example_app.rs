//! `examples/partner_app.py` runs against a live bridge and the sandbox, with the committed
//! Python client: it registers its endpoints, connects a user through the consent pages, checks
//! the signed redirect, verifies the signed webhook and uploads an activity. Skipped with a
//! notice without the Python packages it needs (examples/requirements.txt), unless
//! `BRIDGE_REQUIRE_CLIENTS=1` (CI).

use std::path::Path;
use std::process::Command;

use crate::common::*;
use serde_json::Value;

fn packages_present() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import httpx, attrs, standardwebhooks"])
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return true;
    }
    let msg = "httpx, attrs and standardwebhooks (pip install -r examples/requirements.txt)";
    if std::env::var("BRIDGE_REQUIRE_CLIENTS").as_deref() == Ok("1") {
        panic!("{msg} are required with BRIDGE_REQUIRE_CLIENTS=1");
    }
    eprintln!("skipping the example app's test: {msg} not installed");
    false
}

#[actix_web::test]
async fn the_example_partner_app_connects_verifies_a_webhook_and_uploads() {
    if !packages_present() {
        return;
    }
    let app = TestApp::spawn().await;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).to_owned();
    let (url, key, secret) = (
        app.url("").trim_end_matches('/').to_owned(),
        app.tenant.api_key.clone(),
        app.tenant.webhook_secret.clone(),
    );
    let out = actix_web::rt::task::spawn_blocking(move || {
        Command::new("python3")
            .arg(root.join("examples/partner_app.py"))
            .env("PYTHONPATH", root.join("clients/python"))
            .env("BRIDGE_URL", url)
            .env("BRIDGE_API_KEY", key)
            .env("BRIDGE_WEBHOOK_SECRET", secret)
            .env("SANDBOX_ATHLETE", "i555003")
            .output()
            .expect("python3 starts")
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let steps: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let names: Vec<&str> = steps.iter().map(|s| s["step"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["tenant", "connect_link", "redirect", "webhook", "upload"]
    );
    assert_eq!(steps[2]["status"], "connected");
    assert_eq!(steps[2]["scopes"], "ACTIVITY:WRITE,WELLNESS:WRITE");
    assert_eq!(steps[3]["type"], "connection.created");
    assert_eq!(steps[3]["athlete_id"], "i555003");
    assert!(steps[3]["webhook_id"].as_str().unwrap().starts_with("msg_"));
    assert_eq!(steps[4]["status"], 201);
    assert_eq!(steps[4]["duplicate"], false);
    // The bridge agrees: the user is connected and the activity is listed with the app's id.
    let user: Value = app
        .get(&app.tenant.api_key, "/v1/users/example-user")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(user["status"], "active");
    let listed: Value = app
        .get(
            &app.tenant.api_key,
            "/v1/users/example-user/activities?limit=10",
        )
        .await
        .json()
        .await
        .unwrap();
    let list = listed
        .as_array()
        .or_else(|| listed["data"].as_array())
        .unwrap_or_else(|| panic!("a list: {listed}"));
    assert!(
        list.iter()
            .any(|a| a["id"] == steps[4]["activity_id"]
                && a["external_id"] == steps[4]["external_id"]),
        "{listed}"
    );
}
