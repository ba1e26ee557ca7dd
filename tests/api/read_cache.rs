//! The read cache: one upstream read answers every tenant of a shared athlete until something
//! changes; a webhook or a write through the bridge makes the next read go upstream, on any
//! instance; the tenant's own checks come before any hit; RFC 9111/9211 headers; stale answers
//! when Intervals.icu fails; a memory bound.

use std::sync::Arc;

use crate::common::*;
use serde_json::{json, Value};

const ATHLETE: &str = "i317960";
const ALL_READS: &[&str] = &[
    "ACTIVITY:READ",
    "CALENDAR:WRITE",
    "WELLNESS:READ",
    "SETTINGS:READ",
];

/// Upstream GETs of athletes' data the sandbox has answered so far.
async fn upstream_gets(app: &TestApp) -> usize {
    sandbox_json(app, "/_sandbox/requests")
        .await
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["method"] == "GET")
        .filter(|r| {
            r["path"]
                .as_str()
                .unwrap_or_default()
                .starts_with("/api/v1/")
        })
        .count()
}

async fn read(app: &TestApp, key: &str, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut req = app.api.get(app.url(path)).bearer_auth(key);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.send().await.unwrap()
}

fn cache_status(resp: &reqwest::Response) -> String {
    resp.headers()
        .get("cache-status")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// Sends Intervals.icu's webhook for the athlete to `base` and waits for its 200.
async fn webhook(base: &str, kind: &str) {
    let resp = http_client()
        .post(format!("{base}/webhooks/intervals"))
        .json(&json!({"secret": "upstream-webhook-secret", "events": [
            {"athlete_id": ATHLETE, "type": kind, "timestamp": chrono::Utc::now().to_rfc3339(),
             "nonce": uuid::Uuid::new_v4().to_string()}
        ]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "the receiver took the event");
}

fn unique() -> u32 {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(7_000);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A value this bridge's `/metrics` must report.
async fn metric_of(app: &TestApp, name: &str) -> f64 {
    metric(&metrics(app).await, name).unwrap_or_else(|| panic!("{name} in /metrics"))
}

#[actix_web::test]
async fn two_tenants_share_one_read_and_a_304_costs_nothing_upstream() {
    let app = TestApp::spawn().await;
    let a = app.tenant.api_key.clone();
    let b = app
        .create_tenant("Partner B", &[PARTNER_REDIRECT])
        .await
        .api_key;
    connect_ok(&app, &a, "ua", ATHLETE).await;
    connect_ok(&app, &b, "ub", ATHLETE).await;
    let before = upstream_gets(&app).await;

    let first = read(&app, &a, "/v1/users/ua/activities", &[]).await;
    assert_eq!(first.status(), 200);
    assert_eq!(cache_status(&first), "intervals-bridge; fwd=miss; stored");
    assert_eq!(first.headers()["age"], "0");
    let second = read(&app, &b, "/v1/users/ub/activities", &[]).await;
    assert_eq!(second.status(), 200);
    let status = cache_status(&second);
    assert!(
        status.starts_with("intervals-bridge; hit; ttl="),
        "{status}"
    );
    let ttl: i64 = status.rsplit('=').next().unwrap().parse().unwrap();
    assert!((21_590..=21_600).contains(&ttl), "{ttl}");
    assert_eq!(
        upstream_gets(&app).await,
        before + 1,
        "one upstream read for both"
    );

    let etag = second.headers()["etag"].to_str().unwrap().to_owned();
    let body = second.bytes().await.unwrap();
    let again = read(
        &app,
        &b,
        "/v1/users/ub/activities",
        &[("If-None-Match", &etag)],
    )
    .await;
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
    assert!(again.bytes().await.unwrap().is_empty());
    let other = read(
        &app,
        &b,
        "/v1/users/ub/activities",
        &[("If-None-Match", "\"nope\"")],
    )
    .await;
    assert_eq!(other.status(), 200);
    assert_eq!(other.bytes().await.unwrap(), body);
    assert_eq!(
        upstream_gets(&app).await,
        before + 1,
        "304 and hits cost nothing"
    );

    // no-cache reads upstream (and refreshes the entry).
    let fresh = read(
        &app,
        &a,
        "/v1/users/ua/activities",
        &[("Cache-Control", "no-cache")],
    )
    .await;
    assert_eq!(fresh.status(), 200);
    assert_eq!(
        cache_status(&fresh),
        "intervals-bridge; fwd=request; stored"
    );
    assert_eq!(upstream_gets(&app).await, before + 2);
    assert!(metric_of(&app, "bridge_read_cache_hits_total").await >= 3.0);
    assert!(metric_of(&app, "bridge_read_cache_calls_saved_total").await >= 3.0);
    assert_eq!(metric_of(&app, "bridge_read_cache_misses_total").await, 2.0);
}

#[actix_web::test]
async fn a_webhook_then_a_read_is_fresh_for_each_area() {
    let app = TestApp::spawn().await;
    app.sandbox_webhooks_to_bridge(json!({})).await;
    let key = app.tenant.api_key.clone();
    connect_scopes(&app, &key, "u1", ATHLETE, ALL_READS).await;
    for (path, kind) in [
        ("/v1/users/u1/activities", "ACTIVITY_UPLOADED"),
        ("/v1/users/u1/workouts", "CALENDAR_UPDATED"),
        ("/v1/users/u1/wellness", "WELLNESS_UPDATED"),
        ("/v1/users/u1/sport-settings", "SPORT_SETTINGS_UPDATED"),
        ("/v1/users/u1/activities", "FITNESS_UPDATED"),
    ] {
        let stored = read(&app, &key, path, &[]).await;
        assert_eq!(stored.status(), 200, "{path}");
        let hit = read(&app, &key, path, &[]).await;
        assert!(
            cache_status(&hit).contains("; hit;"),
            "{path}: {}",
            cache_status(&hit)
        );
        let before = upstream_gets(&app).await;
        webhook(&app.base, kind).await;
        let after = read(&app, &key, path, &[]).await;
        assert_eq!(
            cache_status(&after),
            "intervals-bridge; fwd=miss; stored",
            "{kind} invalidates {path}"
        );
        assert_eq!(upstream_gets(&app).await, before + 1, "{path} after {kind}");
    }
    // An event of another area leaves the entry alone.
    webhook(&app.base, "SPORT_SETTINGS_UPDATED").await;
    let untouched = read(&app, &key, "/v1/users/u1/workouts", &[]).await;
    assert_eq!(untouched.status(), 200, "{:?}", untouched.text().await);
    let untouched = read(&app, &key, "/v1/users/u1/workouts", &[]).await;
    assert!(
        cache_status(&untouched).contains("; hit;"),
        "{}",
        cache_status(&untouched)
    );

    // The data itself: the athlete edits the calendar on Intervals.icu (not through the
    // bridge); once its webhook was answered, the next read shows the edit.
    let date = (chrono::Utc::now().date_naive() + chrono::Duration::days(1)).to_string();
    let window = format!("/v1/users/u1/workouts?oldest={date}&newest={date}");
    let empty: Value = read(&app, &key, &window, &[]).await.json().await.unwrap();
    assert_eq!(empty["data"].as_array().unwrap().len(), 0);
    let received = app
        .strings("SELECT id AS v FROM inbound_events")
        .await
        .len();
    let edit = http_client()
        .post(format!("{}/_sandbox/calendar/{ATHLETE}", app.sandbox_url))
        .json(&json!({"upsert": [{"category": "WORKOUT", "start_date_local": format!("{date}T00:00:00"),
                                  "name": "Athlete's own plan", "type": "Ride", "moving_time": 3600}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(edit.status(), 200, "{}", edit.text().await.unwrap());
    eventually(10, "the calendar webhook reached the bridge", || async {
        app.strings("SELECT id AS v FROM inbound_events")
            .await
            .len()
            > received
    })
    .await;
    let fresh: Value = read(&app, &key, &window, &[]).await.json().await.unwrap();
    assert_eq!(fresh["data"][0]["name"], "Athlete's own plan", "{fresh}");
}

#[actix_web::test]
async fn one_tenants_write_then_anothers_read_is_fresh() {
    let app = TestApp::spawn().await;
    let a = app.tenant.api_key.clone();
    let b = app
        .create_tenant("Partner B", &[PARTNER_REDIRECT])
        .await
        .api_key;
    connect_scopes(&app, &a, "ua", ATHLETE, &["CALENDAR:WRITE"]).await;
    connect_scopes(&app, &b, "ub", ATHLETE, &["CALENDAR:WRITE"]).await;
    let date = (chrono::Utc::now().date_naive() + chrono::Duration::days(2)).to_string();
    let window = format!("/v1/users/ub/workouts?oldest={date}&newest={date}");
    let before: Value = read(&app, &b, &window, &[]).await.json().await.unwrap();
    assert_eq!(before["data"].as_array().unwrap().len(), 0);
    let hit = read(&app, &b, &window, &[]).await;
    assert!(cache_status(&hit).contains("; hit;"));
    let put = app
        .api
        .put(app.url("/v1/users/ua/workouts"))
        .bearer_auth(&a)
        .json(
            &json!([{"external_id": "plan-1", "start_date_local": format!("{date}T00:00:00"),
                        "category": "WORKOUT", "name": "Tempo", "type": "Ride",
                        "description": "- 20m 80%"}]),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 200, "{}", put.text().await.unwrap());
    let after = read(&app, &b, &window, &[]).await;
    assert_eq!(cache_status(&after), "intervals-bridge; fwd=miss; stored");
    let after: Value = after.json().await.unwrap();
    assert_eq!(after["data"][0]["name"], "Tempo", "{after}");
    assert_eq!(after["data"][0]["external_id"], Value::Null, "not B's own");
}

#[actix_web::test]
async fn a_user_without_the_scope_is_refused_although_an_entry_exists() {
    let app = TestApp::spawn().await;
    let a = app.tenant.api_key.clone();
    let b = app
        .create_tenant("Partner B", &[PARTNER_REDIRECT])
        .await
        .api_key;
    // B asks for less; A's later grant (the union) is the shared token.
    connect_scopes(&app, &b, "ub", ATHLETE, &["ACTIVITY:READ"]).await;
    connect_scopes(&app, &a, "ua", ATHLETE, &["SETTINGS:READ", "ACTIVITY:READ"]).await;
    let stored = read(&app, &a, "/v1/users/ua/sport-settings", &[]).await;
    assert_eq!(stored.status(), 200);
    let before = upstream_gets(&app).await;
    let refused = read(&app, &b, "/v1/users/ub/sport-settings", &[]).await;
    assert_eq!(refused.status(), 403);
    assert!(
        refused.headers().get("cache-status").is_none(),
        "a refusal is the bridge's own"
    );
    let p: Value = refused.json().await.unwrap();
    assert_eq!(p["type"], "urn:intervals-bridge:problem:missing-scope");
    // Another tenant's user id, or an unknown one, is as unknown as before.
    assert_eq!(
        read(&app, &b, "/v1/users/ua/sport-settings", &[])
            .await
            .status(),
        404
    );
    assert_eq!(upstream_gets(&app).await, before);
}

#[actix_web::test]
async fn concurrent_misses_of_one_key_make_one_upstream_call() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "u1", ATHLETE).await;
    app.sandbox_post("/_sandbox/faults", json!({"latency_ms": 400}))
        .await;
    let before = upstream_gets(&app).await;
    let reads = (0..6).map(|_| read(&app, &key, "/v1/users/u1/activities", &[]));
    let answers = futures_util::future::join_all(reads).await;
    let statuses: Vec<String> = answers.iter().map(cache_status).collect();
    assert!(answers.iter().all(|r| r.status() == 200), "{statuses:?}");
    assert_eq!(upstream_gets(&app).await, before + 1, "{statuses:?}");
    assert_eq!(
        statuses
            .iter()
            .filter(|s| s.ends_with("fwd=miss; stored"))
            .count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| s.ends_with("collapsed")).count(),
        5,
        "{statuses:?}"
    );
}

#[actix_web::test]
async fn eviction_holds_the_memory_bound() {
    // 20 KiB of memory: room for some windows' answers, not for all 60.
    let app = TestApp::spawn_with(Options {
        env: vec![("BRIDGE_CACHE_MB", "0.02".into())],
        ..Default::default()
    })
    .await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "u1", ATHLETE).await;
    let day = |i: i64| (chrono::Utc::now().date_naive() - chrono::Duration::days(i)).to_string();
    for i in 0..60 {
        let r = read(
            &app,
            &key,
            &format!("/v1/users/u1/activities?oldest={}&limit=7", day(i)),
            &[],
        )
        .await;
        assert_eq!(r.status(), 200);
        let held = metric_of(&app, "bridge_read_cache_bytes").await;
        assert!(
            held > 0.0 && held <= 0.02 * 1024.0 * 1024.0,
            "{held} bytes held"
        );
    }
    // The least recently used went first; the newest is still there.
    let newest = read(
        &app,
        &key,
        &format!("/v1/users/u1/activities?oldest={}&limit=7", day(59)),
        &[],
    )
    .await;
    assert!(
        cache_status(&newest).contains("; hit;"),
        "{}",
        cache_status(&newest)
    );
    let gets = upstream_gets(&app).await;
    let oldest = read(
        &app,
        &key,
        &format!("/v1/users/u1/activities?oldest={}&limit=7", day(0)),
        &[],
    )
    .await;
    if using_postgres() {
        // Gone from memory, not from the deployment's shared table.
        assert!(
            cache_status(&oldest).contains("; hit;"),
            "{}",
            cache_status(&oldest)
        );
        assert_eq!(upstream_gets(&app).await, gets);
    } else {
        assert_eq!(cache_status(&oldest), "intervals-bridge; fwd=miss; stored");
        assert_eq!(upstream_gets(&app).await, gets + 1);
    }
}

#[actix_web::test]
async fn a_stale_answer_is_marked_when_intervals_fails_or_the_budget_is_spent() {
    let app = TestApp::spawn_with(Options {
        env: vec![
            ("INTERVALS_MAX_ATTEMPTS", "2".into()),
            ("INTERVALS_ATHLETE_DAILY_BUDGET", "5".into()),
        ],
        ..Default::default()
    })
    .await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "u1", ATHLETE).await;
    let path = "/v1/users/u1/activities";
    let fresh = read(&app, &key, path, &[]).await;
    assert_eq!(fresh.status(), 200);
    let body = fresh.bytes().await.unwrap();
    webhook(&app.base, "ACTIVITY_UPDATED").await;
    app.sandbox_post("/_sandbox/outage", json!({"down": true}))
        .await;
    let stale = read(&app, &key, path, &[]).await;
    assert_eq!(stale.status(), 200);
    assert_eq!(
        cache_status(&stale),
        "intervals-bridge; fwd=stale; fwd-status=503"
    );
    assert_eq!(stale.bytes().await.unwrap(), body);
    // Not when the request said no-cache.
    let refused = read(&app, &key, path, &[("Cache-Control", "no-cache")]).await;
    assert_eq!(refused.status(), 502);
    assert!(refused.headers().get("cache-status").is_none());
    app.sandbox_post("/_sandbox/outage", json!({"down": false}))
        .await;

    // The budget (5 calls: the first read, and two attempts of each read during the outage) is spent:
    // nothing is sent, the entry answers past its freshness.
    let spent = read(&app, &key, path, &[]).await;
    assert_eq!(spent.status(), 200);
    let status = cache_status(&spent);
    assert!(
        status.starts_with("intervals-bridge; hit; ttl=-"),
        "{status}"
    );
    let refused = read(&app, &key, path, &[("Cache-Control", "no-cache")]).await;
    assert_eq!(refused.status(), 429);
}

#[actix_web::test]
async fn a_second_instance_honours_an_invalidation_made_through_the_first() {
    let first = TestApp::spawn().await;
    let key = first.tenant.api_key.clone();
    connect_ok(&first, &key, "u1", ATHLETE).await;
    let second = TestApp::spawn_with(Options {
        db: Some(Arc::clone(&first.db)),
        sandbox: Some((first.sandbox.clone(), first.sandbox_url.clone())),
        keys_spec: Some(first.keys_spec.clone()),
        ..Default::default()
    })
    .await;
    let path = "/v1/users/u1/activities";
    let before = upstream_gets(&first).await;
    assert_eq!(read(&first, &key, path, &[]).await.status(), 200);
    let on_second = read(&second, &key, path, &[]).await;
    assert_eq!(on_second.status(), 200);
    if using_postgres() {
        // The deployment shares its reads: the second instance found the first's.
        assert!(
            cache_status(&on_second).contains("; hit;"),
            "{}",
            cache_status(&on_second)
        );
        assert_eq!(upstream_gets(&first).await, before + 1);
    }
    assert!(cache_status(&read(&second, &key, path, &[]).await).contains("; hit;"));
    let counted = upstream_gets(&first).await;
    // The webhook reaches the first instance; the second's very next read goes upstream.
    webhook(&first.base, "ACTIVITY_UPLOADED").await;
    let after = read(&second, &key, path, &[]).await;
    assert_eq!(cache_status(&after), "intervals-bridge; fwd=miss; stored");
    assert_eq!(upstream_gets(&first).await, counted + 1);
    // And a write through the second is honoured by the first.
    let stored = read(&first, &key, path, &[]).await;
    if using_postgres() {
        assert!(
            cache_status(&stored).contains("; hit;"),
            "{}",
            cache_status(&stored)
        );
    }
    assert!(cache_status(&read(&first, &key, path, &[]).await).contains("; hit;"));
    let upload = first
        .api
        .post(second.url("/v1/users/u1/activities"))
        .bearer_auth(&key)
        .multipart(
            reqwest::multipart::Form::new().part(
                "file",
                reqwest::multipart::Part::bytes(files::fit(1_763_100_000, unique()))
                    .file_name("ride.fit"),
            ),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(upload.status(), 201, "{}", upload.text().await.unwrap());
    let on_first = read(&first, &key, path, &[]).await;
    assert_eq!(
        cache_status(&on_first),
        "intervals-bridge; fwd=miss; stored"
    );
}

/// One tenant's view of the athlete's activity list: the external ids it sees, by name.
async fn own_ids(app: &TestApp, key: &str, user: &str) -> (String, String, Vec<(String, Value)>) {
    let resp = read(app, key, &format!("/v1/users/{user}/activities"), &[]).await;
    assert_eq!(resp.status(), 200);
    let status = cache_status(&resp);
    let tag = resp.headers()["etag"].to_str().unwrap().to_owned();
    let body: Value = resp.json().await.unwrap();
    let mut ids: Vec<(String, Value)> = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["name"].as_str().unwrap_or_default().to_owned(),
                a["external_id"].clone(),
            )
        })
        .filter(|(name, _)| name.starts_with("ride-"))
        .collect();
    ids.sort_by(|a, b| a.0.cmp(&b.0));
    (status, tag, ids)
}

#[actix_web::test]
async fn each_tenants_view_of_a_shared_entry_stays_its_own_on_every_hit() {
    let app = TestApp::spawn().await;
    let a = app.tenant.api_key.clone();
    let b = app
        .create_tenant("Partner B", &[PARTNER_REDIRECT])
        .await
        .api_key;
    connect_scopes(&app, &a, "ua", ATHLETE, &["ACTIVITY:WRITE"]).await;
    connect_scopes(&app, &b, "ub", ATHLETE, &["ACTIVITY:WRITE"]).await;
    let now = chrono::Utc::now().timestamp();
    for (key, user, ext, at) in [
        (&a, "ua", "ride-a", now - 86_400),
        (&b, "ub", "ride-b", now - 2 * 86_400),
    ] {
        let form = reqwest::multipart::Form::new()
            .part(
                "file",
                reqwest::multipart::Part::bytes(files::fit(at, unique())).file_name("ride.fit"),
            )
            .text("external_id", ext)
            .text("name", ext);
        let resp = app
            .api
            .post(app.url(&format!("/v1/users/{user}/activities")))
            .bearer_auth(key)
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    }
    let theirs = |own: &str| -> Vec<(String, Value)> {
        ["ride-a", "ride-b"]
            .iter()
            .map(|n| {
                (
                    n.to_string(),
                    if *n == own { json!(own) } else { Value::Null },
                )
            })
            .collect()
    };
    let gets = upstream_gets(&app).await;
    let mut tags = std::collections::HashMap::new();
    // Alternating reads: the first stores, every other is a hit, and each tenant keeps seeing
    // its own external id only, with an ETag of its own bytes.
    for round in 0..3 {
        for (key, user, own) in [(&a, "ua", "ride-a"), (&b, "ub", "ride-b")] {
            let (status, tag, ids) = own_ids(&app, key, user).await;
            assert_eq!(ids, theirs(own), "round {round}, {user}");
            if round > 0 || user == "ub" {
                assert!(status.contains("; hit;"), "round {round}, {user}: {status}");
            }
            assert_eq!(
                tags.entry(user).or_insert(tag.clone()),
                &tag,
                "{user}'s ETag moved"
            );
        }
    }
    assert_ne!(tags["ua"], tags["ub"]);
    assert_eq!(
        upstream_gets(&app).await,
        gets + 1,
        "one upstream read for all"
    );
    // Another tenant's ETag is not this tenant's validator.
    let other = read(
        &app,
        &b,
        "/v1/users/ub/activities",
        &[("if-none-match", &tags["ua"])],
    )
    .await;
    assert_eq!(other.status(), 200);
    let same = read(
        &app,
        &b,
        "/v1/users/ub/activities",
        &[("if-none-match", &tags["ub"])],
    )
    .await;
    assert_eq!(same.status(), 304);
}
