//! The passthrough, `/v1/users/{user_id}/icu/api/v1/{path}`: Intervals.icu's own client library
//! works through it unchanged; every refusal (another athlete, an unknown or kept operation, a
//! path trick, a missing scope, another tenant's event or activity) sends nothing upstream; reads
//! go through the read cache.

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;

use crate::common::*;
use serde_json::{json, Value};

const ATHLETE: &str = "i317960";
const USER: &str = "pt-user";
const ALL_WRITES: &[&str] = &[
    "ACTIVITY:WRITE",
    "CALENDAR:WRITE",
    "WELLNESS:WRITE",
    "SETTINGS:WRITE",
];

fn icu(app: &TestApp, user: &str, rest: &str) -> String {
    app.url(&format!("/v1/users/{user}/icu/api/v1/{rest}"))
}

/// Upstream requests the sandbox has answered so far.
async fn upstream_count(app: &TestApp) -> usize {
    sandbox_json(app, "/_sandbox/requests")
        .await
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["path"].as_str().unwrap_or_default().starts_with("/api/"))
        .count()
}

/// A request line sent as written (no client normalises the path), answered with its status
/// and body.
fn raw_request(base: &str, method: &str, path: &str, key: &str) -> (u16, String) {
    let addr = base.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {key}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, out)
}

fn client_installed() -> bool {
    Command::new("python3")
        .args(["-c", "import intervals_icu_client"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The PyPI package `intervals-icu-client`, as shipped, pointed at the passthrough with HTTP
/// Basic (user `API_KEY`, the tenant key): the sandbox's own client check (40 calls: athlete,
/// sport settings, activities with upload, files and delete, events with create, update and
/// delete, wellness) passes through the bridge, but for the two calendar-wide writes, which the
/// bridge refuses.
#[actix_web::test]
async fn intervals_icu_client_from_pypi_works_through_the_passthrough() {
    if !client_installed() {
        assert!(
            std::env::var("BRIDGE_REQUIRE_PY_CLIENT").as_deref() != Ok("1"),
            "BRIDGE_REQUIRE_PY_CLIENT=1 but python3 cannot import intervals_icu_client"
        );
        eprintln!(
            "skipped: the Python package intervals-icu-client is not installed \
             (pip install intervals-icu-client)"
        );
        return;
    }
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let mut scopes = ALL_WRITES.to_vec();
    scopes.push("LIBRARY:READ");
    connect_scopes(&app, &key, USER, ATHLETE, &scopes).await;
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/intervals-sandbox/tests/clients/intervals_icu_client_check.py");
    let base = app.url(&format!("/v1/users/{USER}/icu"));
    let output = tokio::task::spawn_blocking(move || {
        Command::new("python3")
            .arg(&script)
            .args([&base, ATHLETE, &key, "bridge"])
            .output()
            .expect("run python3")
    })
    .await
    .expect("join");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    let summary: Value = stdout
        .lines()
        .last()
        .and_then(|l| serde_json::from_str(l).ok())
        .unwrap_or_else(|| panic!("no summary from the script:\n{stdout}\n{stderr}"));
    let failed: Vec<&Value> = summary["calls"]
        .as_array()
        .expect("calls")
        .iter()
        .filter(|c| c["ok"] != true)
        .collect();
    assert!(failed.is_empty(), "calls failed: {failed:#?}\n{stderr}");
    assert_eq!(summary["passed"], 40, "{stdout}");
    // What the client created upstream is this tenant's: its external_ids are namespaced.
    let token = app.athlete_token(ATHLETE).await;
    let day = chrono::Utc::now().date_naive();
    let upstream: Value = http_client()
        .get(format!(
            "{}/api/v1/athlete/{ATHLETE}/events?oldest={}&newest={}",
            app.sandbox_url,
            day,
            day + chrono::Duration::days(6)
        ))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let prefix = format!("{}.", app.tenant.id);
    let exts: Vec<&str> = upstream
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["external_id"].as_str())
        .collect();
    assert!(
        !exts.is_empty() && exts.iter().all(|e| e.starts_with(&prefix)),
        "{exts:?}"
    );
}

/// Refusals: another athlete, an operation outside the document, the OAuth app's own endpoint,
/// calendar-wide writes, path tricks and a missing scope are answered by the bridge (problem
/// JSON) and nothing reaches Intervals.icu.
#[actix_web::test]
async fn refusals_send_nothing_upstream() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_scopes(&app, &key, USER, ATHLETE, &["ACTIVITY:READ"]).await;
    let before = upstream_count(&app).await;
    let cases: &[(&str, &str, u16, &str)] = &[
        ("GET", "athlete/2049151/wellness", 404, "not-found"),
        ("GET", "athlete/0/no-such-thing", 404, "not-available"),
        ("PATCH", "athlete/0", 404, "not-available"),
        ("DELETE", "disconnect-app", 404, "not-available"),
        (
            "DELETE",
            "athlete/0/events?oldest=2026-01-01",
            404,
            "not-available",
        ),
        ("GET", "athlete/0/wellness", 403, "missing-scope"),
        ("PUT", "athlete/0/sport-settings/1", 403, "missing-scope"),
    ];
    for (method, rest, status, kind) in cases {
        let resp = app
            .api
            .request(method.parse().unwrap(), icu(&app, USER, rest))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), *status, "{method} {rest}");
        assert_eq!(
            resp.headers()["content-type"],
            "application/problem+json",
            "{method} {rest}"
        );
        let body: Value = resp.json().await.unwrap();
        assert!(
            body["type"].as_str().unwrap().ends_with(kind),
            "{method} {rest}: {body}"
        );
    }
    for trick in [
        "athlete/0/../2049151/activities",
        "athlete/0/%2e%2e/2049151/activities",
        "athlete/2049151%2Factivities",
        "athlete//activities",
        "athlete/0%5C..%5C2049151/activities",
        "athlete/0;a=b/activities",
    ] {
        let (status, text) = raw_request(
            &app.base,
            "GET",
            &format!("/v1/users/{USER}/icu/api/v1/{trick}"),
            &key,
        );
        assert!(status == 400 || status == 404, "{trick}: {status}\n{text}");
        assert!(text.contains("application/problem+json"), "{trick}: {text}");
    }
    // Another tenant's key, no key, a wrong Basic user.
    let other = app
        .create_tenant("Other", &[PARTNER_REDIRECT])
        .await
        .api_key;
    let resp = app
        .api
        .get(icu(&app, USER, "athlete/0/activities?oldest=2026-01-01"))
        .bearer_auth(&other)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404, "another tenant's user is none");
    let resp = app
        .api
        .get(icu(&app, USER, "athlete/0/activities?oldest=2026-01-01"))
        .basic_auth("athlete", Some(&key))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    assert_eq!(upstream_count(&app).await, before, "nothing went upstream");
    // And the allowed read works with HTTP Basic, then is a hit for the typed API's twin.
    let resp = app
        .api
        .get(icu(&app, USER, "athlete/0/activities?oldest=2026-01-01"))
        .basic_auth("API_KEY", Some(&key))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["cache-status"]
        .to_str()
        .unwrap()
        .contains("fwd=miss; stored"));
    let resp = app
        .api
        .get(icu(
            &app,
            USER,
            "athlete/i317960/activities?oldest=2026-01-01",
        ))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["cache-status"]
        .to_str()
        .unwrap()
        .contains("hit"));
    assert_eq!(upstream_count(&app).await, before + 1, "one read for both");
}

/// Events and activities: one tenant's cannot be changed or deleted by another tenant, nor can
/// the athlete's own; a coach's token never opens another athlete's activity.
#[actix_web::test]
async fn writes_change_only_what_this_tenant_created() {
    let app = TestApp::spawn().await;
    let a = app.tenant.api_key.clone();
    let b = app
        .create_tenant("Partner B", &[PARTNER_REDIRECT])
        .await
        .api_key;
    connect_scopes(&app, &a, "ua", ATHLETE, ALL_WRITES).await;
    connect_scopes(&app, &b, "ub", ATHLETE, ALL_WRITES).await;
    let day = (chrono::Utc::now().date_naive() + chrono::Duration::days(2)).to_string();
    let made: Value = app
        .api
        .post(icu(&app, "ua", "athlete/0/events"))
        .bearer_auth(&a)
        .json(
            &json!({"category": "NOTE", "start_date_local": format!("{day}T00:00:00"),
                      "name": "A's note", "external_id": "note-1"}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(made["external_id"], "note-1", "mapped back: {made}");
    let id = made["id"].as_i64().unwrap();
    // The athlete's own event, made on Intervals.icu directly.
    let token = app.athlete_token(ATHLETE).await;
    let own: Value = http_client()
        .post(format!("{}/api/v1/athlete/{ATHLETE}/events", app.sandbox_url))
        .bearer_auth(&token)
        .json(&json!({"category": "NOTE", "start_date_local": format!("{day}T00:00:00"), "name": "Mine"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let own_id = own["id"].as_i64().unwrap();
    let before = upstream_count(&app).await;
    for (key, user, event) in [(&b, "ub", id), (&a, "ua", own_id), (&b, "ub", own_id)] {
        for method in ["PUT", "DELETE"] {
            let resp = app
                .api
                .request(
                    method.parse().unwrap(),
                    icu(&app, user, &format!("athlete/0/events/{event}")),
                )
                .bearer_auth(key)
                .json(&json!({"name": "changed"}))
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), 404, "{user} {method} {event}");
        }
    }
    // Only the events' reads went upstream (cached after the first of each).
    assert!(upstream_count(&app).await <= before + 2);
    // B sees A's event without A's external_id.
    let seen: Value = app
        .api
        .get(icu(&app, "ub", &format!("athlete/0/events/{id}")))
        .bearer_auth(&b)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(seen["external_id"], Value::Null, "{seen}");
    // A bulk delete by id, or an upsert by uid, is refused.
    let resp = app
        .api
        .put(icu(&app, "ub", "athlete/0/events/bulk-delete"))
        .bearer_auth(&b)
        .json(&json!([{"id": id}]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 422);
    let resp = app
        .api
        .post(icu(
            &app,
            "ub",
            "athlete/0/events/bulk?upsert=true&upsertOnUid=true",
        ))
        .bearer_auth(&b)
        .json(&json!([{"category": "NOTE", "start_date_local": format!("{day}T00:00:00"), "uid": "x"}]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 422);
    // B's bulk delete of A's external_id deletes nothing of A's.
    let resp: Value = app
        .api
        .put(icu(&app, "ub", "athlete/0/events/bulk-delete"))
        .bearer_auth(&b)
        .json(&json!([{"external_id": "note-1"}]))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(resp["eventsDeleted"], 0, "{resp}");
    // A may change and delete its own.
    let resp = app
        .api
        .put(icu(&app, "ua", &format!("athlete/0/events/{id}")))
        .bearer_auth(&a)
        .json(&json!({"name": "A's note, moved"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let resp = app
        .api
        .delete(icu(&app, "ua", &format!("athlete/0/events/{id}")))
        .bearer_auth(&a)
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success(), "{}", resp.status());
    let gone = http_client()
        .get(format!(
            "{}/api/v1/athlete/{ATHLETE}/events/{id}",
            app.sandbox_url
        ))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), 404);
    let still = http_client()
        .get(format!(
            "{}/api/v1/athlete/{ATHLETE}/events/{own_id}",
            app.sandbox_url
        ))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(still.status(), 200, "the athlete's own event is untouched");
}

/// A coach's token reads the activities of the athletes it coaches; through the passthrough a
/// user still opens only its own athlete's.
#[actix_web::test]
async fn a_coachs_token_never_opens_another_athletes_activity() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_scopes(&app, &key, "coach", ATHLETE, ALL_WRITES).await;
    connect_scopes(&app, &key, "coached", "2049151", ALL_WRITES).await;
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(crate::common::files::fit(1_763_700_000, 4_242))
            .file_name("c.fit"),
    );
    let resp = app
        .api
        .post(icu(&app, "coached", "athlete/0/activities?name=Theirs"))
        .bearer_auth(&key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success(), "{}", resp.text().await.unwrap());
    let theirs: Value = resp.json().await.unwrap();
    let id = theirs["id"].as_str().unwrap().to_owned();
    app.sandbox_post(
        "/_sandbox/coaches",
        json!({"coach": ATHLETE, "athlete": "2049151"}),
    )
    .await;
    for (method, rest) in [
        ("GET", format!("activity/{id}")),
        ("GET", format!("activity/{id}/file")),
        ("GET", format!("activity/{id}/streams")),
        ("PUT", format!("activity/{id}")),
        ("DELETE", format!("activity/{id}")),
    ] {
        let resp = app
            .api
            .request(method.parse().unwrap(), icu(&app, "coach", &rest))
            .bearer_auth(&key)
            .json(&json!({"name": "x"}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 404, "{method} {rest}");
        assert_eq!(resp.headers()["content-type"], "application/problem+json");
    }
    // Its own user reads it, and may delete it: it uploaded it here.
    let resp = app
        .api
        .get(icu(&app, "coached", &format!("activity/{id}")))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let resp = app
        .api
        .delete(icu(&app, "coached", &format!("activity/{id}")))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success(), "{}", resp.status());
}
