//! What instances share about Intervals.icu: each athlete's calls per UTC day (counted,
//! reported, capped by `INTERVALS_ATHLETE_DAILY_BUDGET`), the per-IP rate split between
//! instances, and the cache of API keys and connections, which must follow every change.

use std::process::Command;

use crate::common::*;
use serde_json::{json, Value};

const ATHLETE: &str = "i317960";

async fn calls_today(app: &TestApp, key: &str, user: &str) -> i64 {
    let user: Value = app
        .get(key, &format!("/v1/users/{user}"))
        .await
        .json()
        .await
        .unwrap();
    user["upstream_calls_today"].as_i64().expect("a count")
}

/// A read that goes upstream every time (`no-cache`): these tests count upstream calls.
async fn list(app: &TestApp, key: &str, user: &str) -> reqwest::Response {
    app.api
        .get(app.url(&format!("/v1/users/{user}/activities")))
        .bearer_auth(key)
        .header("Cache-Control", "no-cache")
        .send()
        .await
        .unwrap()
}

async fn upstream_requests(app: &TestApp) -> usize {
    http_client()
        .get(format!("{}/_sandbox/requests", app.sandbox_url))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["path"].as_str().unwrap_or_default().starts_with("/api/"))
        .count()
}

fn seconds_to_midnight() -> i64 {
    let now = chrono::Utc::now();
    let midnight = (now.date_naive() + chrono::Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc();
    (midnight - now).num_seconds()
}

#[actix_web::test]
async fn calls_are_counted_per_athlete_across_tenants_and_reported() {
    let app = TestApp::spawn().await;
    let a = app.tenant.api_key.clone();
    let b = app
        .create_tenant("Partner B", &[PARTNER_REDIRECT])
        .await
        .api_key;
    connect_ok(&app, &a, "ua", ATHLETE).await;
    connect_ok(&app, &b, "ub", ATHLETE).await;
    let start = calls_today(&app, &a, "ua").await;
    let sent = upstream_requests(&app).await;
    for key_user in [(&a, "ua"), (&a, "ua"), (&b, "ub")] {
        assert_eq!(list(&app, key_user.0, key_user.1).await.status(), 200);
    }
    assert_eq!(upstream_requests(&app).await - sent, 3);
    // One athlete, whichever tenant asked; this instance's count before it is written too.
    assert_eq!(calls_today(&app, &a, "ua").await, start + 3);
    assert_eq!(calls_today(&app, &b, "ub").await, start + 3);
    let page: Value = app.get(&a, "/v1/users").await.json().await.unwrap();
    assert_eq!(page["data"][0]["upstream_calls_today"], json!(start + 3));
    // Written to the database within a second or so, where every instance reads it.
    let day = chrono::Utc::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    eventually(5, "the counts written", || async {
        app.strings("SELECT CAST(calls AS TEXT) AS v FROM upstream_usage")
            .await
            .first()
            .is_some_and(|n| n.parse::<i64>().unwrap() == start + 3)
    })
    .await;
    let rows = app
        .strings("SELECT day || ' ' || athlete_id AS v FROM upstream_usage")
        .await;
    assert_eq!(rows, vec![format!("{day} {ATHLETE}")]);
    let m = metrics(&app).await;
    assert_eq!(
        metric(&m, "bridge_upstream_calls_today"),
        Some((start + 3) as f64)
    );
    assert_eq!(metric(&m, "bridge_upstream_athletes_today"), Some(1.0));
    assert_eq!(
        metric(&m, "bridge_upstream_athlete_calls_today_max"),
        Some((start + 3) as f64)
    );
    assert_eq!(metric(&m, "bridge_upstream_athletes_at_budget"), Some(0.0));
}

#[actix_web::test]
async fn a_spent_daily_budget_answers_429_without_calling_upstream() {
    let app = TestApp::spawn_with(Options {
        env: vec![("INTERVALS_ATHLETE_DAILY_BUDGET", "4".into())],
        ..Default::default()
    })
    .await;
    let a = app.tenant.api_key.clone();
    let b = app
        .create_tenant("Partner B", &[PARTNER_REDIRECT])
        .await
        .api_key;
    connect_ok(&app, &a, "ua", ATHLETE).await;
    connect_ok(&app, &b, "ub", ATHLETE).await;
    let start = calls_today(&app, &a, "ua").await;
    assert!(start < 4, "{start}");
    for _ in start..4 {
        assert_eq!(list(&app, &a, "ua").await.status(), 200);
    }
    let sent = upstream_requests(&app).await;
    let refused = list(&app, &a, "ua").await;
    assert_eq!(refused.status(), 429);
    assert_eq!(
        refused.headers()["content-type"],
        "application/problem+json"
    );
    let retry_after: i64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (retry_after - seconds_to_midnight()).abs() <= 5,
        "{retry_after}"
    );
    let p: Value = refused.json().await.unwrap();
    assert_eq!(
        p["type"],
        "urn:intervals-bridge:problem:athlete-budget-spent"
    );
    assert_eq!(p["status"], 429);
    // The budget is the athlete's: the other tenant's user is refused too.
    assert_eq!(list(&app, &b, "ub").await.status(), 429);
    assert_eq!(upstream_requests(&app).await, sent, "nothing sent upstream");
    assert_eq!(calls_today(&app, &a, "ua").await, 4);
    // Calls that do not reach Intervals.icu are not refused.
    assert_eq!(app.get(&a, "/v1/users/ua").await.status(), 200);
    eventually(5, "the refusals reported", || async {
        let m = metrics(&app).await;
        metric(&m, "bridge_upstream_athletes_at_budget") == Some(1.0)
            && metric(&m, "bridge_upstream_budget_refusals_total") == Some(2.0)
    })
    .await;
}

#[actix_web::test]
async fn cached_keys_and_connections_follow_changes_made_here_at_once() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "u1", ATHLETE).await;
    connect_ok(&app, &key, "u2", "i555003").await;
    // Warm, then served from memory: two lookups a call (key, connection), none from the
    // database. (Writes anywhere in this process drop the cache, and tests run side by side:
    // a quiet round is enough.)
    let counts = |m: &str| {
        (
            metric(m, "bridge_auth_cache_hits_total").unwrap_or(0.0),
            metric(m, "bridge_auth_cache_misses_total").unwrap_or(0.0),
        )
    };
    let mut quiet = false;
    for _ in 0..10 {
        assert_eq!(list(&app, &key, "u1").await.status(), 200);
        assert_eq!(list(&app, &key, "u2").await.status(), 200);
        let before = counts(&metrics(&app).await);
        for _ in 0..3 {
            assert_eq!(list(&app, &key, "u1").await.status(), 200);
            assert_eq!(list(&app, &key, "u2").await.status(), 200);
        }
        let after = counts(&metrics(&app).await);
        if after.0 - before.0 == 12.0 && after.1 == before.1 {
            quiet = true;
            break;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(quiet, "repeated lookups are answered from memory");

    // A token Intervals.icu refuses: the call that learns it answers 409, and so does the
    // next one, from memory, without calling upstream.
    app.sandbox_post(
        "/_sandbox/tokens/revoke",
        json!({"client_id": CLIENT_ID, "athlete_id": ATHLETE}),
    )
    .await;
    let resp = list(&app, &key, "u1").await;
    assert_eq!(resp.status(), 409);
    let sent = upstream_requests(&app).await;
    let resp = list(&app, &key, "u1").await;
    assert_eq!(resp.status(), 409);
    let p: Value = resp.json().await.unwrap();
    assert_eq!(p["type"], "urn:intervals-bridge:problem:connection-invalid");
    assert_eq!(upstream_requests(&app).await, sent);

    // A disconnected user is gone at once.
    assert_eq!(app.delete(&key, "/v1/users/u2").await.status(), 204);
    assert_eq!(list(&app, &key, "u2").await.status(), 404);
    assert_eq!(app.get(&key, "/v1/users/u2").await.status(), 404);

    // A rotated key: the new one works at once, the old one for its overlap; a second rotation
    // retires the first key at once.
    let rotate = || {
        let state = app.state.clone();
        let tenant_id = app.tenant.id.to_string();
        actix_web::web::block(move || {
            let mut conn = state.pool.get().unwrap();
            intervals_bridge::domain::tenants::rotate_key(
                &mut conn,
                &intervals_bridge::db::types::TenantId::new(tenant_id.clone()),
            )
            .unwrap()
        })
    };
    let second = rotate().await.unwrap();
    assert_eq!(app.get(&second, "/v1/users").await.status(), 200);
    assert_eq!(app.get(&key, "/v1/users").await.status(), 200, "overlap");
    let third = rotate().await.unwrap();
    assert_eq!(app.get(&key, "/v1/users").await.status(), 401);
    assert_eq!(app.get(&second, "/v1/users").await.status(), 200, "overlap");
    assert_eq!(app.get(&third, "/v1/users").await.status(), 200);
}

#[actix_web::test]
async fn a_key_rotated_by_another_process_stops_working_within_a_second() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "u1", ATHLETE).await;
    for _ in 0..3 {
        assert_eq!(app.get(&key, "/v1/users/u1").await.status(), 200);
    }
    // Rotated twice by the CLI: the first key is past its overlap.
    for _ in 0..2 {
        let out = Command::new(env!("CARGO_BIN_EXE_intervals-bridge"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("RUST_LOG", "warn")
            .env("BRIDGE_DATABASE_URL", &app.db.url)
            .env("BRIDGE_ENCRYPTION_KEYS", &app.keys_spec)
            .current_dir(std::env::temp_dir())
            .args(["tenant", "rotate-key", &app.tenant.id.to_string()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let rotated = std::time::Instant::now();
    eventually(3, "the old key refused", || async {
        app.get(&key, "/v1/users/u1").await.status() == 401
    })
    .await;
    assert!(
        rotated.elapsed() < std::time::Duration::from_millis(1500),
        "{:?}",
        rotated.elapsed()
    );
}

#[actix_web::test]
async fn instances_on_one_database_share_the_upstream_rate() {
    let one = TestApp::spawn_with(Options {
        env: vec![("INTERVALS_RATE_LIMIT", "12".into())],
        ..Default::default()
    })
    .await;
    let rate = |m: &str| metric(m, "bridge_upstream_rate");
    assert_eq!(rate(&metrics(&one).await), Some(12.0));
    let two = TestApp::spawn_with(Options {
        env: vec![("INTERVALS_RATE_LIMIT", "12".into())],
        db: Some(one.db.clone()),
        ..Default::default()
    })
    .await;
    for app in [&one, &two] {
        eventually(5, "both instances counted", || async {
            let m = metrics(app).await;
            metric(&m, "bridge_upstream_instances") == Some(2.0) && rate(&m) == Some(6.0)
        })
        .await;
    }
    // One leaving gives its share back.
    two.state.leave();
    eventually(5, "one instance left", || async {
        rate(&metrics(&one).await) == Some(12.0)
    })
    .await;
}
