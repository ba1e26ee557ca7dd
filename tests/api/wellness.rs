//! Wellness intake, merge, pushes (now, nightly, under faults, racing instances) and failures,
//! against the sandbox on SQLite or PostgreSQL.

use std::sync::Arc;
use std::time::Duration;

use crate::common::*;
use serde_json::{json, Value};

const ATHLETES: [&str; 3] = ["i317960", "2049151", "i555003"];

async fn put(app: &TestApp, key: &str, user: &str, query: &str, body: Value) -> reqwest::Response {
    app.api
        .put(app.url(&format!("/v1/users/{user}/wellness{query}")))
        .bearer_auth(key)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn sandbox_get(app_sandbox: &str, path: &str) -> Value {
    http_client()
        .get(format!("{app_sandbox}{path}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn pending(app: &TestApp, key: &str, user: &str) -> Vec<Value> {
    let v: Value = app
        .get(key, &format!("/v1/users/{user}/wellness/pending"))
        .await
        .json()
        .await
        .unwrap();
    v["data"].as_array().unwrap().clone()
}

fn days_pushed(pushes: &Value, athlete: &str) -> Vec<String> {
    let mut out = Vec::new();
    for p in pushes.as_array().unwrap() {
        if p["athlete_id"] == athlete {
            for r in p["records"].as_array().unwrap() {
                out.push(r["id"].as_str().unwrap().to_owned());
            }
        }
    }
    out
}

#[actix_web::test]
async fn invalid_records_are_refused_whole_and_queue_nothing() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "w", ATHLETES[0]).await;
    let cases = [
        (json!({"id": "2026-11-20", "weight": 70}), vec![""]),
        (json!([]), vec![""]),
        (json!([{"id": "2026-02-30", "weight": 70}]), vec!["[0].id"]),
        (json!([{"id": "20-11-2026", "weight": 70}]), vec!["[0].id"]),
        (json!([{"weight": 70}]), vec!["[0].id"]),
        (
            json!([{"id": "2026-11-20", "weight": "heavy"}]),
            vec!["[0].weight"],
        ),
        (
            json!([{"id": "2026-11-20", "restingHR": 48.5}]),
            vec!["[0].restingHR"],
        ),
        (
            json!([{"id": "2026-11-20", "sleepQuality": 5}]),
            vec!["[0].sleepQuality"],
        ),
        (
            json!([{"id": "2026-11-20", "weight": 9000}]),
            vec!["[0].weight"],
        ),
        (json!([{"id": "2026-11-20", "ctl": 40}]), vec!["[0].ctl"]),
        (
            json!([{"id": "2026-11-20", "shoeSize": 44}]),
            vec!["[0].shoeSize"],
        ),
        (
            json!([{"id": "2026-11-20", "menstrualPhase": "SPRING"}]),
            vec!["[0].menstrualPhase"],
        ),
        (
            json!([{"id": "2026-11-20", "weight": 70}, {"id": "2026-11-21", "mood": 0, "stress": "x"}]),
            vec!["[1].mood", "[1].stress"],
        ),
        (json!(["2026-11-20"]), vec!["[0]"]),
    ];
    for (body, fields) in cases {
        let resp = put(&app, &key, "w", "", body.clone()).await;
        assert_eq!(resp.status(), 422, "{body}");
        assert_eq!(resp.headers()["content-type"], "application/problem+json");
        let p: Value = resp.json().await.unwrap();
        let got: Vec<&str> = p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        for f in fields {
            assert!(got.contains(&f), "{body}: expected {f} in {got:?}");
        }
    }
    let resp = put(
        &app,
        &key,
        "w",
        "?push=later",
        json!([{"id": "2026-11-20", "weight": 70}]),
    )
    .await;
    assert_eq!(resp.status(), 422);
    let resp = app
        .api
        .put(app.url("/v1/users/w/wellness"))
        .bearer_auth(&key)
        .header("content-type", "application/json")
        .body("[{broken")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert!(pending(&app, &key, "w").await.is_empty());
    assert!(app.dump_table("wellness_records").await.is_empty());
    assert!(
        !app.dump_table("jobs").await.contains("wellness.push:"),
        "no push was queued"
    );
}

#[actix_web::test]
async fn records_merge_per_day_and_wait_for_the_nightly_push() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "w", ATHLETES[0]).await;
    let resp = put(&app, &key, "w", "", json!([{"id": "2026-11-20", "weight": 70.5, "restingHR": 50}, {"id": "2026-11-21", "sleepSecs": 28000}])).await;
    assert_eq!(resp.status(), 202);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["queued"].as_array().unwrap().len(), 2);
    let push_at = chrono::DateTime::parse_from_rfc3339(body["push_at"].as_str().unwrap()).unwrap();
    assert!(
        push_at > chrono::Utc::now(),
        "the nightly push is in the future"
    );
    let resp = put(
        &app,
        &key,
        "w",
        "",
        json!([{"id": "2026-11-20", "weight": 71.0, "mood": 2}]),
    )
    .await;
    assert_eq!(resp.status(), 202);
    let days = pending(&app, &key, "w").await;
    assert_eq!(days.len(), 2);
    assert_eq!(days[0]["id"], "2026-11-20");
    assert_eq!(
        days[0]["fields"],
        json!({"weight": 71.0, "restingHR": 50, "mood": 2})
    );
    assert_eq!(days[1]["fields"], json!({"sleepSecs": 28000}));
    // Not pushed: nothing reached Intervals.icu.
    actix_web::rt::time::sleep(Duration::from_millis(300)).await;
    let pushes = sandbox_get(&app.sandbox_url, "/_sandbox/wellness-pushes").await;
    assert_eq!(pushes, json!([]));
    // Disconnecting the user forgets what waited for it.
    assert_eq!(app.delete(&key, "/v1/users/w").await.status(), 204);
    assert_eq!(
        app.get(&key, "/v1/users/w/wellness/pending").await.status(),
        404
    );
    assert!(app.dump_table("wellness_records").await.is_empty());
}

#[actix_web::test]
async fn push_now_reaches_intervals_and_reads_back() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "w", ATHLETES[1]).await;
    put(
        &app,
        &key,
        "w",
        "",
        json!([{"id": "2026-11-19", "hrv": 65.0, "weight": 70}]),
    )
    .await;
    let resp = put(&app, &key, "w", "?push=now", json!([{"id": "2026-11-20", "weight": 70.2, "comments": "felt good"}, {"id": "2026-11-19", "weight": -1}])).await;
    assert_eq!(resp.status(), 202);
    eventually(10, "the push", || async {
        pending(&app, &key, "w").await.is_empty()
    })
    .await;
    let stored = sandbox_get(
        &app.sandbox_url,
        &format!("/_sandbox/wellness/{}", ATHLETES[1]),
    )
    .await;
    let by_day = |d: &str| {
        stored
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == d)
            .cloned()
            .unwrap()
    };
    assert_eq!(by_day("2026-11-20")["weight"], 70.2);
    assert_eq!(by_day("2026-11-20")["comments"], "felt good");
    assert_eq!(by_day("2026-11-19")["hrv"], 65.0);
    assert!(
        by_day("2026-11-19").get("weight").is_none(),
        "-1 unset the weight upstream"
    );
    assert!(app.dump_table("events").await.contains("wellness.pushed"));
    let read: Value = app
        .get(
            &key,
            "/v1/users/w/wellness?oldest=2026-11-18&newest=2026-11-21",
        )
        .await
        .json()
        .await
        .unwrap();
    let days: Vec<&str> = read["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(days, vec!["2026-11-19", "2026-11-20"]);
    assert_eq!(
        app.get(&key, "/v1/users/w/wellness?oldest=soon")
            .await
            .status(),
        422
    );
}

#[actix_web::test]
async fn wellness_needs_its_scopes() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let resp = connect(
        &app,
        &key,
        "nowell",
        Answer::Grant(ATHLETES[0], &["ACTIVITY:WRITE"]),
    )
    .await;
    assert_eq!(query_of(&location(&resp))["status"], "connected");
    let resp = put(
        &app,
        &key,
        "nowell",
        "",
        json!([{"id": "2026-11-20", "weight": 70}]),
    )
    .await;
    assert_eq!(resp.status(), 403);
    let p: Value = resp.json().await.unwrap();
    assert!(p["detail"].as_str().unwrap().contains("WELLNESS:WRITE"));
    assert_eq!(
        app.get(&key, "/v1/users/nowell/wellness").await.status(),
        403
    );
    assert!(app.dump_table("wellness_records").await.is_empty());
    // Another tenant cannot see or write this user's wellness.
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    assert_eq!(
        put(
            &app,
            &b.api_key,
            "nowell",
            "",
            json!([{"id": "2026-11-20", "weight": 70}])
        )
        .await
        .status(),
        404
    );
    assert_eq!(
        app.get(&b.api_key, "/v1/users/nowell/wellness/pending")
            .await
            .status(),
        404
    );
}

#[actix_web::test]
async fn a_revoked_token_keeps_records_pending_with_the_error() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "w", ATHLETES[2]).await;
    app.sandbox_post(
        "/_sandbox/tokens/revoke",
        json!({"client_id": CLIENT_ID, "athlete_id": ATHLETES[2]}),
    )
    .await;
    let resp = put(
        &app,
        &key,
        "w",
        "?push=now",
        json!([{"id": "2026-11-20", "weight": 70}]),
    )
    .await;
    assert_eq!(resp.status(), 202);
    eventually(10, "the failed push", || async {
        pending(&app, &key, "w")
            .await
            .first()
            .is_some_and(|d| d["last_error"].is_string())
    })
    .await;
    let days = pending(&app, &key, "w").await;
    assert_eq!(days.len(), 1, "still pending");
    assert!(
        days[0]["last_error"]
            .as_str()
            .unwrap()
            .contains("reconnect"),
        "{days:?}"
    );
    let events = app.dump_table("events").await;
    assert!(
        events.contains("wellness.push_failed") && events.contains("connection.invalid"),
        "{events}"
    );
    let user: Value = app.get(&key, "/v1/users/w").await.json().await.unwrap();
    assert_eq!(user["status"], "invalid");
    // After reconnecting, the next push delivers what waited.
    connect_ok(&app, &key, "w", ATHLETES[2]).await;
    put(
        &app,
        &key,
        "w",
        "?push=now",
        json!([{"id": "2026-11-21", "mood": 1}]),
    )
    .await;
    eventually(10, "the push after reconnecting", || async {
        pending(&app, &key, "w").await.is_empty()
    })
    .await;
    let stored = sandbox_get(
        &app.sandbox_url,
        &format!("/_sandbox/wellness/{}", ATHLETES[2]),
    )
    .await;
    assert_eq!(stored.as_array().unwrap().len(), 2);
}

#[actix_web::test]
async fn pushes_under_injected_503s_reach_intervals_once_per_record_version() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    for (i, athlete) in ATHLETES.iter().enumerate() {
        connect_ok(&app, &key, &format!("u{i}"), athlete).await;
    }
    app.sandbox_post("/_sandbox/faults", json!({"fail_next": 2, "error_rate": 0.5, "error_status": 503, "phase": "before", "paths": ["/api/v1/athlete"]})).await;
    for i in 0..3 {
        let records: Vec<Value> = (1..=10)
            .map(|d| json!({"id": format!("2026-10-{d:02}"), "weight": 70 + i, "steps": 1000 * d}))
            .collect();
        assert_eq!(
            put(
                &app,
                &key,
                &format!("u{i}"),
                "?push=now",
                Value::Array(records)
            )
            .await
            .status(),
            202
        );
    }
    for i in 0..3 {
        let user = format!("u{i}");
        eventually(30, "every push", || async {
            pending(&app, &key, &user).await.is_empty()
        })
        .await;
    }
    let stats = sandbox_get(&app.sandbox_url, "/_sandbox/stats").await;
    assert!(stats["faults_injected"].as_u64().unwrap() > 0, "{stats}");
    let pushes = sandbox_get(&app.sandbox_url, "/_sandbox/wellness-pushes").await;
    for athlete in ATHLETES {
        let mut days = days_pushed(&pushes, athlete);
        days.sort();
        let expected: Vec<String> = (1..=10).map(|d| format!("2026-10-{d:02}")).collect();
        assert_eq!(
            days, expected,
            "{athlete}: each day reached Intervals.icu exactly once"
        );
    }
}

#[actix_web::test]
async fn three_instances_racing_for_the_nightly_slot_push_each_athlete_once() {
    let (sandbox, sandbox_url, _h) = start_sandbox().await;
    let db = Arc::new(TestDb::new());
    let setup = TestApp::spawn_with(Options {
        db: Some(db.clone()),
        sandbox: Some((sandbox.clone(), sandbox_url.clone())),
        no_background: true,
        ..Default::default()
    })
    .await;
    let key = setup.tenant.api_key.clone();
    for (i, athlete) in ATHLETES.iter().enumerate() {
        connect_ok(&setup, &key, &format!("n{i}"), athlete).await;
        let records: Vec<Value> = (1..=5)
            .map(|d| json!({"id": format!("2026-09-{d:02}"), "restingHR": 45 + d}))
            .collect();
        assert_eq!(
            put(&setup, &key, &format!("n{i}"), "", Value::Array(records))
                .await
                .status(),
            202
        );
    }
    // The push time has just passed: every instance catches up today's slot on start.
    let at = (chrono::Utc::now() - chrono::Duration::minutes(1))
        .format("%H:%M")
        .to_string();
    let spawn = || {
        TestApp::spawn_with(Options {
            db: Some(db.clone()),
            sandbox: Some((sandbox.clone(), sandbox_url.clone())),
            env: vec![("BRIDGE_WELLNESS_PUSH_AT", at.clone())],
            keys_spec: Some(setup.keys_spec.clone()),
            ..Default::default()
        })
    };
    let (a, b, c) = futures_util::join!(spawn(), spawn(), spawn());
    for i in 0..3 {
        let user = format!("n{i}");
        eventually(30, "the nightly push", || async {
            pending(&setup, &key, &user).await.is_empty()
        })
        .await;
    }
    let slots = a
        .strings(
            "SELECT slot || ' ' || claimed_by AS v FROM job_slots WHERE name = 'wellness-push'",
        )
        .await;
    assert_eq!(slots.len(), 1, "one instance claimed the slot: {slots:?}");
    let pushes = sandbox_get(&sandbox_url, "/_sandbox/wellness-pushes").await;
    for athlete in ATHLETES {
        assert_eq!(
            days_pushed(&pushes, athlete).len(),
            5,
            "{athlete} pushed once"
        );
        let calls = pushes
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["athlete_id"] == athlete)
            .count();
        assert_eq!(calls, 1, "one wellness-bulk call per athlete");
    }
    drop((a, b, c));
}

#[actix_web::test]
async fn push_wellness_runs_from_the_cli() {
    let app = TestApp::spawn_with(Options {
        no_background: true,
        ..Default::default()
    })
    .await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "cli", ATHLETES[0]).await;
    let body = json!([{"id": "2026-07-01", "steps": 9000}, {"id": "2026-07-02", "vo2max": 55.0}]);
    assert_eq!(put(&app, &key, "cli", "", body).await.status(), 202);
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_intervals-bridge"))
            .arg("push-wellness")
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("RUST_LOG", "warn")
            .env("BRIDGE_DATABASE_URL", &app.db.url)
            .env("BRIDGE_ENCRYPTION_KEYS", &app.keys_spec)
            .env("INTERVALS_BASE_URL", &app.sandbox_url)
            .env("INTERVALS_CLIENT_ID", CLIENT_ID)
            .env("INTERVALS_CLIENT_SECRET", CLIENT_SECRET)
            .env("INTERVALS_WEBHOOK_SECRET", "upstream-webhook-secret")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{:?}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let out = run(&["--now"]);
    assert!(
        out.contains("1 athlete(s) with pending wellness queued"),
        "{out}"
    );
    assert!(pending(&app, &key, "cli").await.is_empty());
    let stored = sandbox_get(
        &app.sandbox_url,
        &format!("/_sandbox/wellness/{}", ATHLETES[0]),
    )
    .await;
    assert_eq!(stored.as_array().unwrap().len(), 2);
    // Without --now it claims today's slot, once.
    let first = run(&[]);
    let second = run(&[]);
    assert!(first.contains("claimed the"), "{first}");
    assert!(second.contains("already claimed"), "{second}");
}

/// Twenty partners' requests for one day, each with a different field, at the same time: the
/// merge is a read-modify-write, and every field must survive it (row lock on PostgreSQL, the
/// write lock on SQLite, and a retried first insert).
#[actix_web::test]
async fn concurrent_puts_of_different_fields_for_one_day_keep_every_field() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "racer", ATHLETES[0]).await;
    let fields: [(&str, Value); 20] = [
        ("weight", json!(71.5)),
        ("restingHR", json!(48)),
        ("hrv", json!(65.0)),
        ("hrvSDNN", json!(70.0)),
        ("kcalConsumed", json!(2500)),
        ("sleepSecs", json!(28_000)),
        ("sleepScore", json!(81.0)),
        ("sleepQuality", json!(2)),
        ("avgSleepingHR", json!(52.0)),
        ("soreness", json!(3)),
        ("fatigue", json!(2)),
        ("stress", json!(1)),
        ("mood", json!(2)),
        ("motivation", json!(1)),
        ("spO2", json!(97.0)),
        ("systolic", json!(118)),
        ("diastolic", json!(76)),
        ("readiness", json!(77.0)),
        ("steps", json!(12_345)),
        ("vo2max", json!(55.0)),
    ];
    let puts = fields.iter().map(|(field, value)| {
        let mut record = serde_json::Map::new();
        record.insert("id".into(), json!("2026-10-20"));
        record.insert((*field).into(), value.clone());
        put(&app, &key, "racer", "", json!([record]))
    });
    for resp in futures_util::future::join_all(puts).await {
        assert_eq!(resp.status(), 202);
    }
    let days = pending(&app, &key, "racer").await;
    assert_eq!(days.len(), 1, "{days:?}");
    let merged = days[0]["fields"].as_object().unwrap();
    for (field, value) in &fields {
        assert_eq!(merged.get(*field), Some(value), "{field} lost: {merged:?}");
    }
    assert_eq!(merged.len(), fields.len(), "{merged:?}");
}

/// A field of a day as the sandbox holds it for the athlete.
async fn upstream_field(app: &TestApp, athlete: &str, day: &str, field: &str) -> Option<Value> {
    let stored = sandbox_get(&app.sandbox_url, &format!("/_sandbox/wellness/{athlete}")).await;
    stored
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == day)
        .map(|r| r[field].clone())
}

/// Rows written while an athlete's push is on the wire (Intervals.icu has stored what was sent
/// and not yet answered) are pushed by a follow-up, though `push=now` found that push still
/// running: first another tenant's new day for the same athlete, then a newer version of a day
/// being pushed (which stays pending at its new version meanwhile).
#[actix_web::test]
async fn rows_written_while_a_push_runs_are_pushed_by_a_follow_up() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let athlete = ATHLETES[2];
    connect_ok(&app, &key, "w", athlete).await;
    let other = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    connect_ok(&app, &other.api_key, "wb", athlete).await;
    let hold =
        json!({"latency_ms": 3000, "paths": [format!("/api/v1/athlete/{athlete}/wellness-bulk")]});
    let (day, next_day) = ("2026-11-05", "2026-11-06");
    let (app, key, other_key) = (&app, key.as_str(), other.api_key.as_str());
    let all_pushed = || async move {
        pending(app, key, "w").await.is_empty() && pending(app, other_key, "wb").await.is_empty()
    };

    // 1. Another tenant's new day while A's day is on the wire.
    app.sandbox_post("/_sandbox/faults", hold.clone()).await;
    let r = put(
        app,
        key,
        "w",
        "?push=now",
        json!([{"id": day, "weight": 70}]),
    )
    .await;
    assert_eq!(r.status(), 202);
    eventually(10, "the day stored upstream", || async {
        upstream_field(app, athlete, day, "weight").await == Some(json!(70.0))
    })
    .await;
    let r = put(
        app,
        other_key,
        "wb",
        "?push=now",
        json!([{"id": next_day, "restingHR": 48}]),
    )
    .await;
    assert_eq!(r.status(), 202);
    app.exec_sandbox_delete("/_sandbox/faults").await;
    eventually(20, "the other tenant's day pushed", || async {
        all_pushed().await
            && upstream_field(app, athlete, next_day, "restingHR").await == Some(json!(48))
    })
    .await;

    // 2. A newer version of the day while that day is on the wire.
    app.sandbox_post("/_sandbox/faults", hold.clone()).await;
    let r = put(
        app,
        key,
        "w",
        "?push=now",
        json!([{"id": day, "weight": 71}]),
    )
    .await;
    assert_eq!(r.status(), 202);
    eventually(10, "the second version stored upstream", || async {
        upstream_field(app, athlete, day, "weight").await == Some(json!(71.0))
    })
    .await;
    let r = put(
        app,
        key,
        "w",
        "?push=now",
        json!([{"id": day, "weight": 72}]),
    )
    .await;
    assert_eq!(r.status(), 202);
    app.exec_sandbox_delete("/_sandbox/faults").await;
    eventually(20, "the third version pushed", || async {
        all_pushed().await && upstream_field(app, athlete, day, "weight").await == Some(json!(72.0))
    })
    .await;

    let pushes = sandbox_get(&app.sandbox_url, "/_sandbox/wellness-pushes").await;
    assert_eq!(
        days_pushed(&pushes, athlete),
        vec![day, next_day, day, day],
        "each version of each day was pushed once"
    );
}

/// Unfinished push jobs of one athlete (queued or running).
async fn unfinished_pushes(app: &TestApp, athlete: &str) -> usize {
    app.strings(&format!(
        "SELECT id AS v FROM jobs WHERE kind = 'wellness.push' AND status IN ('queued', 'running') \
         AND payload LIKE '%\"{athlete}\"%'"
    ))
    .await
    .len()
}

/// Pushes of one athlete never overlap: the follow-up a push queues for rows written while it
/// ran is the athlete's one queued push (it holds the dedupe key), so a `push=now` arriving
/// while the follow-up runs adds no second push beside it, and the last values written are the
/// ones Intervals.icu keeps.
#[actix_web::test]
async fn an_athletes_pushes_never_overlap() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let athlete = ATHLETES[1];
    connect_ok(&app, &key, "w", athlete).await;
    let day = "2026-11-07";
    let hold =
        json!({"latency_ms": 1500, "paths": [format!("/api/v1/athlete/{athlete}/wellness-bulk")]});
    app.sandbox_post("/_sandbox/faults", hold).await;
    let r = put(
        &app,
        &key,
        "w",
        "?push=now",
        json!([{"id": day, "hrv": 60.0}]),
    )
    .await;
    assert_eq!(r.status(), 202);
    eventually(10, "the first push on the wire", || async {
        app.strings("SELECT id AS v FROM jobs WHERE kind = 'wellness.push' AND status = 'running'")
            .await
            .len()
            == 1
    })
    .await;
    // Written while the first push runs: left to a follow-up.
    let r = put(
        &app,
        &key,
        "w",
        "?push=now",
        json!([{"id": day, "hrv": 61.0}]),
    )
    .await;
    assert_eq!(r.status(), 202);
    eventually(10, "the first push done", || async {
        app.strings("SELECT id AS v FROM jobs WHERE kind = 'wellness.push' AND status = 'done'")
            .await
            .len()
            == 1
    })
    .await;
    // The follow-up is queued or on the wire; another push=now must not start a second push.
    let r = put(
        &app,
        &key,
        "w",
        "?push=now",
        json!([{"id": day, "hrv": 62.0}]),
    )
    .await;
    assert_eq!(r.status(), 202);
    assert_eq!(unfinished_pushes(&app, athlete).await, 1);
    app.exec_sandbox_delete("/_sandbox/faults").await;
    eventually(20, "everything pushed", || async {
        pending(&app, &key, "w").await.is_empty()
            && upstream_field(&app, athlete, day, "hrv").await == Some(json!(62.0))
    })
    .await;
    assert_eq!(unfinished_pushes(&app, athlete).await, 0);
}

/// Writes to one user's days lock them in one order (by day), whatever order the records came
/// in, so concurrent PUTs (and pushes marking days) never deadlock: every PUT answers 202, and
/// each day holds one of the values written.
#[actix_web::test]
async fn concurrent_writes_of_the_same_days_in_opposite_orders_never_fail() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "w", ATHLETES[0]).await;
    let days: Vec<String> = (1..=28).map(|d| format!("2026-10-{d:02}")).collect();
    let mut tasks = Vec::new();
    for writer in 0..6u32 {
        let (app_url, key, days) = (
            app.url("/v1/users/w/wellness?push=now"),
            key.clone(),
            days.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let client = http_client();
            let mut statuses = Vec::new();
            for round in 0..8u32 {
                let mut order: Vec<&String> = days.iter().collect();
                if (writer + round) % 2 == 1 {
                    order.reverse();
                }
                let body: Vec<Value> = order
                    .iter()
                    .map(|d| json!({"id": d, "restingHR": 40 + writer, "steps": round}))
                    .collect();
                let resp = client
                    .put(&app_url)
                    .bearer_auth(&key)
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
                statuses.push(resp.status().as_u16());
            }
            statuses
        }));
    }
    for t in tasks {
        let statuses = t.await.unwrap();
        assert!(statuses.iter().all(|s| *s == 202), "{statuses:?}");
    }
    eventually(30, "everything pushed", || async {
        pending(&app, &key, "w").await.is_empty()
    })
    .await;
}

#[actix_web::test]
async fn a_write_committing_as_a_push_ends_is_pushed_by_a_follow_up() {
    use intervals_bridge::db::types::{AthleteId, TenantId, UserId};
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "race", ATHLETES[0]).await;
    // Intervals.icu takes 1.5 s to answer the athlete's wellness writes: the push is running
    // while the second write happens.
    app.sandbox_post(
        "/_sandbox/faults",
        json!({"latency_ms": 1500, "paths": [format!("/api/v1/athlete/{}/wellness", ATHLETES[0])], "methods": ["PUT"]}),
    )
    .await;
    let day = chrono::Utc::now().date_naive().to_string();
    let first = put(
        &app,
        &key,
        "race",
        "?push=now",
        json!([{"id": day, "weight": 70}]),
    )
    .await;
    assert_eq!(first.status(), 202);
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The second write (with `push=now`) runs in a transaction that stays open until well after
    // the push got its answer: the running push is why it queues none, and the push's end must
    // not miss it.
    let (pool, tenant) = (app.state.pool.clone(), app.tenant.id.clone());
    // Another day: no row of it is locked by the push's end.
    let day2 = (chrono::Utc::now().date_naive() - chrono::Duration::days(1)).to_string();
    let other = day2.clone();
    let held = actix_web::web::block(move || {
        use diesel::Connection;
        let mut conn = pool.get().unwrap();
        conn.transaction::<_, diesel::result::Error, _>(|c| {
            let mut fields = serde_json::Map::new();
            fields.insert("weight".into(), json!(71));
            intervals_bridge::domain::wellness::accept(
                c,
                &TenantId::new(tenant),
                &UserId::new("race"),
                &AthleteId::new(ATHLETES[0]),
                &[(day2, fields)],
                true,
            )?;
            std::thread::sleep(Duration::from_millis(2500));
            Ok(())
        })
    });
    held.await.unwrap().unwrap();
    eventually(
        15,
        "the second write pushed without waiting for the night",
        || async { pending(&app, &key, "race").await.is_empty() },
    )
    .await;
    let held = sandbox_get(
        &app.sandbox_url,
        &format!("/_sandbox/wellness/{}", ATHLETES[0]),
    )
    .await;
    let record = held
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == other.as_str())
        .cloned()
        .unwrap();
    assert_eq!(record["weight"], 71.0, "{record}");
}
