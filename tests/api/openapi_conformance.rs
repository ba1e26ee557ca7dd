//! Every request the bridge sends to Intervals.icu matches Intervals.icu's own OpenAPI document
//! (`../shared/intervals-icu/openapi.json`): path, method, and query parameter names (all known,
//! every required one present).

use std::collections::HashSet;

use crate::common::files;
use crate::common::*;
use reqwest::multipart::{Form, Part};
use serde_json::Value;

/// Intervals.icu's OpenAPI document lives beside the repository (`../shared`), not in it: a
/// clone on its own skips these tests with a notice; CI sets `BRIDGE_REQUIRE_OPENAPI=1`.
fn openapi() -> Option<Value> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/intervals-icu/openapi.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(serde_json::from_str(&text).expect("the OpenAPI document is JSON")),
        Err(e) if std::env::var("BRIDGE_REQUIRE_OPENAPI").as_deref() == Ok("1") => {
            panic!(
                "{} is required (BRIDGE_REQUIRE_OPENAPI=1): {e}",
                path.display()
            )
        }
        Err(_) => {
            eprintln!(
                "skipping the OpenAPI conformance check: {} is absent (BRIDGE_REQUIRE_OPENAPI=1 makes it required)",
                path.display()
            );
            None
        }
    }
}

/// `/api/v1/athlete/{id}/events{format}` → a matcher where each `{param}` takes any run of
/// non-slash characters (possibly empty, as `{format}` and `{ext}` suffixes are).
fn matches(template: &str, path: &str) -> bool {
    fn go(t: &str, p: &str) -> bool {
        match t.find('{') {
            None => t == p,
            Some(open) => {
                let close = open + t[open..].find('}').unwrap();
                if !p.starts_with(&t[..open]) {
                    return false;
                }
                let (rest_t, rest_p) = (&t[close + 1..], &p[open..]);
                let max = rest_p.find('/').unwrap_or(rest_p.len());
                (0..=max).any(|n| go(rest_t, &rest_p[n..]))
            }
        }
    }
    go(template, path)
}

fn check(doc: &Value, method: &str, path: &str, query: &str) -> Result<(), String> {
    let keys: HashSet<String> = url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, _)| k.into_owned())
        .collect();
    let mut reasons = Vec::new();
    for (template, item) in doc["paths"].as_object().unwrap() {
        if !matches(template, path) {
            continue;
        }
        let Some(op) = item.get(method.to_ascii_lowercase()) else {
            reasons.push(format!("{template} has no {method}"));
            continue;
        };
        let params: Vec<&Value> = op["parameters"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let known: HashSet<&str> = params
            .iter()
            .filter(|p| p["in"] == "query")
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        let unknown: Vec<&String> = keys
            .iter()
            .filter(|k| !known.contains(k.as_str()))
            .collect();
        let missing: Vec<&str> = params
            .iter()
            .filter(|p| p["in"] == "query" && p["required"] == true)
            .map(|p| p["name"].as_str().unwrap())
            .filter(|n| !keys.contains(*n))
            .collect();
        if unknown.is_empty() && missing.is_empty() {
            return Ok(());
        }
        reasons.push(format!(
            "{template}: unknown query {unknown:?}, missing required {missing:?}"
        ));
    }
    Err(if reasons.is_empty() {
        "no path in the document matches".into()
    } else {
        reasons.join("; ")
    })
}

#[test]
fn the_matcher_itself_works() {
    assert!(matches(
        "/api/v1/athlete/{id}/events{format}",
        "/api/v1/athlete/0/events"
    ));
    assert!(matches(
        "/api/v1/athlete/{id}/events{format}",
        "/api/v1/athlete/i1/events.json"
    ));
    assert!(matches(
        "/api/v1/athlete/{id}/events/{eventId}/download{ext}",
        "/api/v1/athlete/i1/events/4/download.zwo"
    ));
    assert!(!matches(
        "/api/v1/athlete/{id}/events",
        "/api/v1/athlete/i1/wellness"
    ));
    let Some(doc) = openapi() else { return };
    assert!(check(
        &doc,
        "GET",
        "/api/v1/athlete/i1/activities",
        "oldest=2026-01-01"
    )
    .is_ok());
    assert!(
        check(&doc, "GET", "/api/v1/athlete/i1/activities", "").is_err(),
        "oldest is required"
    );
    assert!(check(
        &doc,
        "GET",
        "/api/v1/athlete/i1/activities",
        "oldest=x&colour=red"
    )
    .is_err());
    assert!(check(&doc, "PATCH", "/api/v1/athlete/i1/activities", "").is_err());
}

#[actix_web::test]
async fn every_upstream_request_matches_the_openapi_document() {
    let Some(doc) = openapi() else { return };
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_scopes(
        &app,
        &key,
        "tour",
        "i317960",
        &[
            "ACTIVITY:WRITE",
            "CALENDAR:WRITE",
            "WELLNESS:WRITE",
            "SETTINGS:READ",
        ],
    )
    .await;
    // A tour of every endpoint that calls upstream.
    let form = Form::new()
        .part(
            "file",
            Part::bytes(files::fit(1_763_600_000, 77)).file_name("a.fit"),
        )
        .text("external_id", "tour-1")
        .text("name", "Tour")
        .text("description", "All fields")
        .text("device_name", "Bridge")
        .text("paired_event_id", "12");
    let up: Value = app
        .api
        .post(app.url("/v1/users/tour/activities"))
        .bearer_auth(&key)
        .multipart(form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = up["activity_id"].as_str().expect("uploaded").to_owned();
    for path in [
        "/v1/users/tour/activities?oldest=2025-11-01&newest=2026-10-31&limit=5".to_owned(),
        "/v1/users/tour/activities".to_owned(),
        format!("/v1/users/tour/activities/{id}/file"),
        format!("/v1/users/tour/activities/{id}/fit-file"),
        "/v1/users/tour/workouts?format=fit".to_owned(),
    ] {
        let r = app.get(&key, &path).await;
        assert_eq!(r.status(), 200, "{path}");
    }
    // The sandbox seeds workouts around today; a window is at most 366 days.
    let today = chrono::Utc::now().date_naive();
    let workouts: Value = app
        .get(
            &key,
            &format!(
                "/v1/users/tour/workouts?oldest={}&newest={}",
                today - chrono::Duration::days(30),
                today + chrono::Duration::days(300)
            ),
        )
        .await
        .json()
        .await
        .unwrap();
    let event = workouts["data"][0]["id"]
        .as_i64()
        .expect("a seeded workout");
    assert_eq!(
        app.get(
            &key,
            &format!("/v1/users/tour/workouts/{event}/file?format=erg")
        )
        .await
        .status(),
        200
    );
    // Wellness: a push (a job) and a read.
    let put = app
        .api
        .put(app.url("/v1/users/tour/wellness?push=now"))
        .bearer_auth(&key)
        .json(&serde_json::json!([{"id": "2026-11-01", "weight": 70.0, "mood": 2}]))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 202);
    let start = std::time::Instant::now();
    loop {
        let pending: Value = app
            .get(&key, "/v1/users/tour/wellness/pending")
            .await
            .json()
            .await
            .unwrap();
        if pending["data"].as_array().unwrap().is_empty() {
            break;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "the push ran"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        app.get(
            &key,
            "/v1/users/tour/wellness?oldest=2026-10-01&newest=2026-11-30"
        )
        .await
        .status(),
        200
    );
    // Planned workouts written and deleted, sport settings, one activity in full and deleted.
    let written = app
        .api
        .put(app.url("/v1/users/tour/workouts"))
        .bearer_auth(&key)
        .json(&serde_json::json!([{
            "external_id": "tour-plan", "start_date_local": today.to_string(), "type": "Ride",
            "name": "Tour", "description": "- 10m 60%\n- 5m 95%", "moving_time": 900,
            "icu_training_load": 20, "indoor": true, "target": "POWER"
        }]))
        .send()
        .await
        .unwrap();
    assert_eq!(written.status(), 200);
    for path in [
        "/v1/users/tour/sport-settings".to_owned(),
        format!("/v1/users/tour/activities/{id}"),
    ] {
        assert_eq!(app.get(&key, &path).await.status(), 200, "{path}");
    }
    for (path, status) in [
        (
            "/v1/users/tour/workouts?external_id=tour-plan".to_owned(),
            200,
        ),
        (format!("/v1/users/tour/activities/{id}"), 204),
    ] {
        assert_eq!(app.delete(&key, &path).await.status(), status, "{path}");
    }
    assert_eq!(app.delete(&key, "/v1/users/tour").await.status(), 204);

    let log: Value = http_client()
        .get(format!("{}/_sandbox/requests", app.sandbox_url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut checked = 0;
    let mut failures = Vec::new();
    for r in log.as_array().unwrap() {
        let path = r["path"].as_str().unwrap();
        if !path.starts_with("/api/v1/") {
            continue; // the OAuth token endpoint is not in the document
        }
        checked += 1;
        let (method, query) = (
            r["method"].as_str().unwrap(),
            r["query"].as_str().unwrap_or(""),
        );
        if let Err(why) = check(&doc, method, path, query) {
            failures.push(format!("{method} {path}?{query}: {why}"));
        }
    }
    assert!(
        checked >= 14,
        "the tour reached upstream ({checked} requests)"
    );
    let calls: Vec<String> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["method"].as_str().unwrap(),
                r["path"].as_str().unwrap()
            )
        })
        .collect();
    for (method, suffix) in [
        ("POST", "/events/bulk"),
        ("PUT", "/events/bulk-delete"),
        ("GET", "/sport-settings"),
        ("DELETE", &format!("/activity/{id}")),
    ] {
        assert!(
            calls
                .iter()
                .any(|c| c.starts_with(method) && c.ends_with(suffix)),
            "{method} …{suffix} in {calls:#?}"
        );
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
