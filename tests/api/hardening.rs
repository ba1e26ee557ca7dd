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
