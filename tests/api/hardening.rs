//! Requests shaped to cost the bridge more than an answer: dates that overflow, bodies that ask
//! for endless error lists. Each gets a clear 4xx problem, and nothing changes.

use crate::common::*;
use serde_json::{json, Value};

const USER: &str = "rider";
const ATHLETE: &str = "i317960";
const SCOPES: [&str; 4] = [
    "ACTIVITY:WRITE",
    "CALENDAR:WRITE",
    "WELLNESS:WRITE",
    "SETTINGS:READ",
];

async fn connected_app() -> TestApp {
    let app = TestApp::spawn().await;
    connect_scopes(&app, &app.tenant.api_key, USER, ATHLETE, &SCOPES).await;
    app
}

async fn problem(resp: reqwest::Response, status: u16) -> Value {
    assert_eq!(resp.status(), status);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    resp.json().await.unwrap()
}

/// chrono reads years up to ±262,142; a window's default end (oldest + 6 days) or span from such
/// a year used to overflow and panic, dropping the connection. Every read answers 422 instead.
#[actix_web::test]
async fn overflowing_dates_are_a_422_not_a_dropped_connection() {
    let app = connected_app().await;
    let key = &app.tenant.api_key;
    for (path, field) in [
        ("workouts?oldest=%2B262142-12-31", "oldest"),
        ("workouts?oldest=-262143-01-01", "oldest"),
        (
            "workouts?oldest=2024-01-01&newest=%2B262142-12-31",
            "newest",
        ),
        ("activities?oldest=%2B262142-12-31", "oldest"),
        ("activities?oldest=-262143-01-01T00:00:00", "oldest"),
        (
            "wellness?oldest=%2B262142-12-31&newest=%2B262142-12-31",
            "oldest",
        ),
        ("wellness?newest=99999-01-01", "newest"),
    ] {
        let resp = app.get(key, &format!("/v1/users/{USER}/{path}")).await;
        let body = problem(resp, 422).await;
        assert_eq!(body["errors"][0]["field"], field, "{path}: {body}");
    }
    // Wellness days and workout dates from such years are refused the same way.
    let resp = app
        .api
        .put(app.url(&format!("/v1/users/{USER}/wellness")))
        .bearer_auth(key)
        .json(&json!([{"id": "+262142-12-31", "weight": 70.0}]))
        .send()
        .await
        .unwrap();
    problem(resp, 422).await;
    let resp = app
        .api
        .put(app.url(&format!("/v1/users/{USER}/workouts")))
        .bearer_auth(key)
        .json(
            &json!([{"external_id": "w1", "start_date_local": "+262142-12-31T00:00:00",
            "type": "Ride", "name": "Far"}]),
        )
        .send()
        .await
        .unwrap();
    problem(resp, 422).await;
    // The server still answers.
    assert_eq!(
        app.get(key, &format!("/v1/users/{USER}")).await.status(),
        200
    );
}

/// One record of 300,000 unknown keys (and one of a 1,000,000-element array) used to be parsed in
/// full and answered with an error per key: hundreds of megabytes to refuse a request. Error
/// lists stop at 100, and parsing stops as soon as the body holds more than a batch could need.
#[actix_web::test]
async fn error_lists_stop_at_100_and_refusing_stays_cheap() {
    let app = connected_app().await;
    let key = &app.tenant.api_key;
    let put = |path: &'static str, body: String| {
        app.api
            .put(app.url(&format!("/v1/users/{USER}/{path}")))
            .bearer_auth(key)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let mut many_keys = String::from(
        r#"[{"external_id":"w1","start_date_local":"2026-01-01","type":"Ride","name":"N""#,
    );
    for i in 0..300_000 {
        many_keys.push_str(&format!(r#","k{i}":0"#));
    }
    many_keys.push_str("}]");
    let resp = put("workouts", many_keys).await.unwrap();
    assert_eq!(resp.status(), 422);
    let bytes = resp.bytes().await.unwrap();
    assert!(bytes.len() < 32 * 1024, "{} bytes", bytes.len());
    let body: Value = serde_json::from_slice(&bytes).unwrap();
    let errors = body["errors"].as_array().unwrap();
    assert!(
        !errors.is_empty() && errors.len() <= 100,
        "{}",
        errors.len()
    );

    let mut long_array = String::from(
        r#"[{"external_id":"w1","start_date_local":"2026-01-01","type":"Ride","name":"N","target":["#,
    );
    long_array.push_str(&vec!["0"; 1_000_000].join(","));
    long_array.push_str("]}]");
    let resp = put("workouts", long_array).await.unwrap();
    let body = problem(resp, 422).await;
    assert!(body["errors"].as_array().unwrap().len() <= 100, "{body}");

    // 500 records each with a bad day and two unknown fields: 1,500 problems, 100 listed.
    let records: Vec<Value> = (0..500)
        .map(|i| json!({"id": format!("bad-{i}"), "x": 1, "y": 2}))
        .collect();
    let resp = put("wellness", serde_json::to_string(&records).unwrap())
        .await
        .unwrap();
    let body = problem(resp, 422).await;
    assert_eq!(body["errors"].as_array().unwrap().len(), 100, "{body}");
    assert!(
        body["detail"].as_str().unwrap().contains("first 100"),
        "{body}"
    );
    // Nothing was queued.
    let pending = app
        .get(key, &format!("/v1/users/{USER}/wellness/pending"))
        .await;
    let pending: Value = pending.json().await.unwrap();
    assert_eq!(
        pending["data"].as_array().map(Vec::len),
        Some(0),
        "{pending}"
    );
}

/// A zip whose central directory lists 20,000 entries (its first a real ride) used to be read
/// entry by entry into memory before anything was refused. The count in the directory's end
/// record is checked first, and such a zip is a 422 with nothing sent upstream.
#[actix_web::test]
async fn a_zip_of_many_entries_is_refused_from_its_directory_count() {
    use std::io::Write;
    let app = connected_app().await;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("ride.gpx", stored).unwrap();
    w.write_all(&crate::common::files::gpx("2026-11-17T07:00:00Z", "many"))
        .unwrap();
    for i in 0..20_000 {
        w.start_file(format!("{i}"), stored).unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name("ride.zip"),
    );
    let resp = app
        .api
        .post(app.url(&format!("/v1/users/{USER}/activities")))
        .bearer_auth(&app.tenant.api_key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let body = problem(resp, 422).await;
    assert_eq!(body["errors"][0]["field"], "file", "{body}");
    assert!(
        body["detail"].as_str().unwrap().contains("entries"),
        "{body}"
    );
    let uploads: Value = serde_json::from_str(
        &http_client()
            .get(format!("{}/_sandbox/requests", app.sandbox_url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(
        !uploads
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["method"] == "POST" && r["path"].as_str().unwrap().ends_with("/activities")),
        "{uploads}"
    );
}

/// Intervals.icu answering 408 (its proxy timing the request out) is retried like a 5xx: the
/// upload succeeds, once.
#[actix_web::test]
async fn an_upstream_408_is_retried() {
    let app = connected_app().await;
    app.sandbox_post(
        "/_sandbox/faults",
        json!({"fail_next": 2, "error_status": 408}),
    )
    .await;
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(crate::common::files::gpx("2026-11-19T07:00:00Z", "408"))
            .file_name("ride.gpx"),
    );
    let resp = app
        .api
        .post(app.url(&format!("/v1/users/{USER}/activities")))
        .bearer_auth(&app.tenant.api_key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    let stats = sandbox_json(&app, "/_sandbox/stats").await;
    assert_eq!(stats["faults_injected"], 2, "{stats}");
}

/// A method a documented path does not serve is a 405 problem with `Allow` naming the methods
/// it does; an unknown path stays a 404.
#[actix_web::test]
async fn unsupported_methods_are_405_with_allow() {
    let app = TestApp::spawn().await;
    let key = &app.tenant.api_key;
    for (method, path, allow) in [
        (reqwest::Method::POST, "/v1/users/rider", "DELETE, GET"),
        (reqwest::Method::PUT, "/v1/tenant", "GET, PATCH"),
        (reqwest::Method::DELETE, "/v1/users", "GET"),
        (reqwest::Method::GET, "/v1/connect-sessions", "POST"),
        (
            reqwest::Method::PATCH,
            "/v1/users/rider/wellness",
            "GET, PUT",
        ),
        (reqwest::Method::POST, "/healthz", "GET"),
    ] {
        let resp = app
            .api
            .request(method.clone(), app.url(path))
            .bearer_auth(key)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 405, "{method} {path}");
        assert_eq!(resp.headers()["allow"], allow, "{method} {path}");
        let body = problem_of(resp).await;
        assert_eq!(
            body["type"],
            "urn:intervals-bridge:problem:method-not-allowed"
        );
    }
    let resp = app
        .api
        .get(app.url("/v1/nothing-here"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
}

async fn problem_of(resp: reqwest::Response) -> Value {
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    resp.json().await.unwrap()
}

/// A tenant's view of its user changes only through its own connection's events: another
/// tenant connecting the same athlete (which replaces the shared token) leaves `updated_at`
/// alone, while the athlete revoking access (which this tenant hears about) moves it.
#[actix_web::test]
async fn updated_at_moves_only_with_this_tenants_connection() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, USER, ATHLETE).await;
    let updated_at = || async {
        let v: Value = app
            .get(&key, &format!("/v1/users/{USER}"))
            .await
            .json()
            .await
            .unwrap();
        v["updated_at"].as_str().unwrap().to_owned()
    };
    let before = updated_at().await;
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let other = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    connect_ok(&app, &other.api_key, "theirs", ATHLETE).await;
    assert_eq!(updated_at().await, before, "another tenant's connect");
    // The athlete withdraws access: every tenant hears connection.revoked, and A's view moves.
    app.sandbox_webhooks_to_bridge(json!({})).await;
    app.sandbox_post(
        "/_sandbox/tokens/revoke",
        json!({"client_id": CLIENT_ID, "athlete_id": ATHLETE}),
    )
    .await;
    eventually(10, "the revocation", || async {
        let v: Value = app
            .get(&key, &format!("/v1/users/{USER}"))
            .await
            .json()
            .await
            .unwrap();
        v["status"] == "revoked"
    })
    .await;
    let after = updated_at().await;
    assert!(after > before, "{after} after {before}");
}
