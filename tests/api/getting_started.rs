//! The "Getting started" guide `/docs` opens with works as written: its steps come first and in
//! order, its shell requests run against a real bridge and sandbox (every one answers 2xx), its
//! redirect check accepts a real redirect, its webhook receiver verifies a real test event, and
//! its scopes table agrees with what each operation needs.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

use crate::common::*;

const GUIDE: &str = include_str!("../../docs/getting-started.md");

/// The guide's fenced blocks: (language, text).
fn blocks() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in GUIDE.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(lang)) => current = Some((lang.trim().to_owned(), String::new())),
            (Some(_), Some(_)) => out.push(current.take().unwrap()),
            (Some((_, text)), None) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, None) => {}
        }
    }
    out
}

struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[actix_web::test]
async fn the_getting_started_guide_works_as_written() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let secret = app.tenant.webhook_secret.clone();

    // The page opens with the guide, its steps in order, written for this deployment.
    let html = app
        .api
        .get(app.url("/docs"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let start = html.find(r#"id="getting-started""#).expect("a guide");
    assert!(
        start < html.find(r#"class="op""#).unwrap(),
        "the guide comes first"
    );
    let mut at = start;
    for step in [
        "Start the sandbox",
        "A connect link",
        "Verify the redirect",
        "Webhooks",
        "Upload an activity",
        "Plan workouts",
        "Hand over wellness",
        "Scopes per feature",
    ] {
        at += html[at..]
            .find(step)
            .unwrap_or_else(|| panic!("{step} after the step before"));
    }
    assert!(html.contains(&format!("export BRIDGE={}", app.base)));
    assert!(html.contains(r#"id="scopes""#));
    assert!(html.contains("<table>"));

    let blocks = blocks();
    let python: Vec<&String> = blocks
        .iter()
        .filter(|(l, _)| l == "python")
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        python.len(),
        3,
        "the redirect check, the receiver and the client library"
    );

    // The redirect check accepts a real redirect and refuses an altered one.
    let scopes = [
        "ACTIVITY:WRITE",
        "CALENDAR:WRITE",
        "WELLNESS:WRITE",
        "SETTINGS:READ",
    ];
    assert!(GUIDE.contains(&format!("{scopes:?}")));
    let url = app
        .connect_url(
            &key,
            json!({"user_id": "alex", "redirect_url": PARTNER_REDIRECT, "scopes": scopes}),
        )
        .await;
    let (browser, authorize) = open_consent(&url).await;
    let callback = answer_consent(&browser, &authorize, Answer::Approve("i317960")).await;
    let done = browser.get(callback).send().await.unwrap();
    let query = query_of(&location(&done));
    let check = |query: &std::collections::HashMap<String, String>| {
        let script = format!(
            "{}\nimport json, sys\nprint(verify(json.load(sys.stdin), sys.argv[1]))\n",
            python[0]
        );
        let mut child = Command::new("python3")
            .args(["-c", &script, &secret])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(serde_json::to_string(query).unwrap().as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    assert_eq!(check(&query), "True", "{query:?}");
    let mut altered = query.clone();
    altered.insert("scopes".into(), "ACTIVITY:WRITE,CHATS:WRITE".into());
    assert_eq!(check(&altered), "False");

    // The receiver, as written, on a free port.
    let dir = tempfile::tempdir().unwrap();
    let port = free_port().to_string();
    std::fs::write(
        dir.path().join("receiver.py"),
        python[1].replace("9001", &port),
    )
    .unwrap();
    let printed = dir.path().join("received.txt");
    let _receiver = KillOnDrop(
        Command::new("python3")
            .args(["-u", "receiver.py"])
            .env("SECRET", &secret)
            .current_dir(dir.path())
            .stdout(std::fs::File::create(&printed).unwrap())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap(),
    );
    let addr = format!("127.0.0.1:{port}");
    eventually(10, "the receiver listening", || async {
        std::net::TcpStream::connect(&addr).is_ok()
    })
    .await;
    app.sandbox_webhooks_to_bridge(json!({})).await;

    // Every shell request of the guide, in order, as one script: each must answer 2xx. (Its
    // first block starts the bridge and the exports name what this test sets.)
    let mut script =
        String::from("set -e\ncurl() { command curl --fail-with-body \"$@\"; echo; }\n");
    for (lang, text) in blocks.iter().filter(|(l, _)| l == "sh").skip(1) {
        assert_eq!(lang, "sh");
        for line in text.lines() {
            if !line.starts_with("export ") {
                script.push_str(line);
                script.push('\n');
            }
        }
    }
    let script = script.replace("9001", &port).replace(
        "$BRIDGE/sandbox/_sandbox",
        &format!("{}/_sandbox", app.sandbox_url),
    );
    let ran = actix_web::web::block({
        let (base, key, secret, dir) = (
            app.base.clone(),
            key.clone(),
            secret.clone(),
            dir.path().to_owned(),
        );
        move || {
            Command::new("sh")
                .args(["-c", &script])
                .env("BRIDGE", base)
                .env("KEY", key)
                .env("SECRET", secret)
                .current_dir(dir)
                .output()
                .unwrap()
        }
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&ran.stdout);
    assert!(
        ran.status.success(),
        "the guide's requests failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    // What the steps did is there.
    let uploaded = sandbox_json(&app, "/_sandbox/activities/i317960").await;
    assert!(
        uploaded
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["name"] == "Morning ride"),
        "{uploaded}"
    );
    let pending: Value = app
        .get(
            &key,
            "/v1/users/alex/workouts?oldest=2026-12-20&newest=2026-12-20",
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(pending["data"][0]["external_id"], "sweet-spot-1");
    // The client library's example lists the uploaded ride through the passthrough.
    let has_client = Command::new("python3")
        .args(["-c", "import intervals_icu_client"])
        .output()
        .is_ok_and(|o| o.status.success());
    if has_client {
        let (base, key, code) = (app.base.clone(), key.clone(), python[2].clone());
        let out = actix_web::web::block(move || {
            Command::new("python3")
                .args(["-c", &code])
                .env("BRIDGE", base)
                .env("KEY", key)
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        let printed = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && printed.contains("Morning ride"),
            "{printed}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    } else {
        assert!(
            std::env::var("BRIDGE_REQUIRE_PY_CLIENT").as_deref() != Ok("1"),
            "BRIDGE_REQUIRE_PY_CLIENT=1 but python3 cannot import intervals_icu_client"
        );
        eprintln!("skipped the client library example: intervals-icu-client is not installed");
    }
    // The receiver verified the test event (and the triggered Intervals.icu event).
    eventually(20, "the receiver verified webhook.test", || async {
        std::fs::read_to_string(&printed).is_ok_and(|p| p.contains("webhook.test"))
    })
    .await;
    eventually(20, "the receiver verified wellness.updated", || async {
        std::fs::read_to_string(&printed).is_ok_and(|p| p.contains("wellness.updated"))
    })
    .await;
}

/// The scopes table names, for every operation that needs a scope, the scope it needs.
#[actix_web::test]
async fn the_scopes_table_agrees_with_the_operations() {
    let app = TestApp::spawn().await;
    let doc: Value = app
        .api
        .get(app.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let rows: Vec<&str> = GUIDE.lines().filter(|l| l.starts_with("| ")).collect();
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let text = op["description"]
                .as_str()
                .unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let Some((_, rest)) = text.split_once("Needs `") else {
                continue;
            };
            let scope = rest.split('`').next().unwrap();
            let op_name = format!("`{} {path}`", method.to_uppercase());
            let row = rows
                .iter()
                .find(|r| r.contains(&op_name))
                .unwrap_or_else(|| panic!("{op_name} is not in the scopes table"));
            assert!(
                row.ends_with(&format!("| `{scope}` |")),
                "{op_name} needs {scope}: {row}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 12, "{checked}");
}
