//! Tokens per (OAuth app, athlete), key rotation, disconnect, migrations and operations endpoints.

use std::sync::Arc;

use crate::common::*;
use intervals_bridge::support::crypto::Keyring;
use serde_json::{json, Value};

async fn token_rows(app: &TestApp) -> Vec<String> {
    app.dump_table("tokens")
        .await
        .lines()
        .map(str::to_owned)
        .collect()
}

#[actix_web::test]
async fn two_tenants_sharing_an_athlete_share_the_newest_token() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    connect_ok(&app, &app.tenant.api_key, "a-user", "i317960").await;
    let first_token = app.sandbox_tokens().await;
    connect_ok(&app, &b.api_key, "b-user", "i317960").await;
    // Upstream replaced the first token with the second grant's.
    let tokens = app.sandbox_tokens().await;
    let active: Vec<&Value> = tokens.iter().filter(|t| t["status"] == "active").collect();
    assert_eq!(active.len(), 1);
    assert_ne!(active[0]["access_token"], first_token[0]["access_token"]);
    // We keep one row for the athlete, used by both connections.
    assert_eq!(token_rows(&app).await.len(), 1);
    for (key, user) in [(&app.tenant.api_key, "a-user"), (&b.api_key, "b-user")] {
        let u: Value = app
            .get(key, &format!("/v1/users/{user}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(u["athlete_id"], "i317960");
        assert_eq!(u["status"], "active");
    }
    // A disconnects: B still uses the athlete, so nothing is revoked upstream.
    assert_eq!(
        app.delete(&app.tenant.api_key, "/v1/users/a-user")
            .await
            .status(),
        204
    );
    assert_eq!(
        app.get(&app.tenant.api_key, "/v1/users/a-user")
            .await
            .status(),
        404
    );
    let still: Vec<Value> = app
        .sandbox_tokens()
        .await
        .into_iter()
        .filter(|t| t["status"] == "active")
        .collect();
    assert_eq!(still.len(), 1);
    assert_eq!(token_rows(&app).await.len(), 1);
    // B disconnects: the last user of the athlete, so the token is revoked upstream and forgotten.
    assert_eq!(
        app.delete(&b.api_key, "/v1/users/b-user").await.status(),
        204
    );
    let after = app.sandbox_tokens().await;
    assert!(after.iter().all(|t| t["status"] != "active"), "{after:?}");
    assert!(token_rows(&app).await.is_empty());
    assert_eq!(
        app.delete(&b.api_key, "/v1/users/b-user").await.status(),
        404
    );
}

#[actix_web::test]
async fn a_narrower_grant_by_another_tenant_narrows_everyones_scopes() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    connect_ok(&app, &app.tenant.api_key, "a", "2049151").await;
    let resp = connect(
        &app,
        &b.api_key,
        "b",
        Answer::Grant("2049151", &["CALENDAR:READ"]),
    )
    .await;
    assert_eq!(query_of(&location(&resp))["status"], "connected");
    let a: Value = app
        .get(&app.tenant.api_key, "/v1/users/a")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(a["scopes"], json!(["CALENDAR:READ"]));
}

#[actix_web::test]
async fn disconnect_revokes_upstream_and_forgets_the_token() {
    let app = TestApp::spawn().await;
    connect_ok(&app, &app.tenant.api_key, "d-1", "i555003").await;
    let resp = app.delete(&app.tenant.api_key, "/v1/users/d-1").await;
    assert_eq!(resp.status(), 204);
    let tokens = app.sandbox_tokens().await;
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0]["status"], "revoked");
    assert!(token_rows(&app).await.is_empty());
    assert_eq!(
        app.get(&app.tenant.api_key, "/v1/users/d-1").await.status(),
        404
    );
}

#[actix_web::test]
async fn disconnect_with_intervals_down_changes_nothing() {
    let app = TestApp::spawn_with(Options {
        env: vec![("INTERVALS_MAX_ATTEMPTS", "3".into())],
        ..Default::default()
    })
    .await;
    connect_ok(&app, &app.tenant.api_key, "d-2", "i555003").await;
    app.sandbox_post("/_sandbox/outage", json!({"down": true}))
        .await;
    let resp = app.delete(&app.tenant.api_key, "/v1/users/d-2").await;
    assert_eq!(resp.status(), 502);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    assert_eq!(
        app.get(&app.tenant.api_key, "/v1/users/d-2").await.status(),
        200
    );
    app.sandbox_post("/_sandbox/outage", json!({"down": false}))
        .await;
    assert_eq!(
        app.delete(&app.tenant.api_key, "/v1/users/d-2")
            .await
            .status(),
        204
    );
}

#[actix_web::test]
async fn key_rotation_old_rows_still_decrypt_and_new_rows_use_the_new_key() {
    let (sandbox, sandbox_url, _sandbox_server) = start_sandbox().await;
    let db = Arc::new(TestDb::new());
    let k1 = Keyring::generate_spec("k1");
    let mut first = TestApp::spawn_with(Options {
        keys_spec: Some(k1.clone()),
        db: Some(db.clone()),
        sandbox: Some((sandbox.clone(), sandbox_url.clone())),
        ..Default::default()
    })
    .await;
    connect_ok(&first, &first.tenant.api_key, "old", "i317960").await;
    let old_key = first.tenant.api_key.clone();
    first.stop().await;
    drop(first);

    // Restart with a new first key; the old one stays for decryption.
    let k2 = Keyring::generate_spec("k2");
    let second = TestApp::spawn_with(Options {
        keys_spec: Some(format!("{k2},{k1}")),
        db: Some(db.clone()),
        sandbox: Some((sandbox.clone(), sandbox_url.clone())),
        ..Default::default()
    })
    .await;
    connect_ok(&second, &second.tenant.api_key, "new", "2049151").await;
    let mut rows = second
        .strings("SELECT athlete_id || ':' || key_id AS v FROM tokens")
        .await;
    rows.sort();
    assert_eq!(rows, vec!["2049151:k2", "i317960:k1"]);
    // The old row decrypts: disconnecting it revokes the right token upstream.
    assert_eq!(second.delete(&old_key, "/v1/users/old").await.status(), 204);
    let tokens = second.sandbox_tokens().await;
    let alex = tokens
        .iter()
        .find(|t| t["athlete_id"] == "i317960")
        .unwrap();
    assert_eq!(alex["status"], "revoked");
    let sam = tokens
        .iter()
        .find(|t| t["athlete_id"] == "2049151")
        .unwrap();
    assert_eq!(sam["status"], "active");
}

#[actix_web::test]
async fn migrations_from_several_instances_at_once_do_not_race() {
    let db = TestDb::new();
    let url = db.url.clone();
    let handles: Vec<_> = (0..3)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || {
                let pool = intervals_bridge::db::connect(&url)?;
                intervals_bridge::db::migrate(&pool)
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap().expect("every instance starts");
    }
    let pool = intervals_bridge::db::connect(&url).unwrap();
    intervals_bridge::db::migrate(&pool).unwrap();
    let mut conn = pool.get().unwrap();
    use diesel::RunQueryDsl;
    diesel::sql_query("SELECT id FROM tenants")
        .execute(&mut *conn)
        .unwrap();
}

#[actix_web::test]
async fn operations_endpoints_answer() {
    let app = TestApp::spawn().await;
    let health: Value = app
        .api
        .get(app.url("/healthz"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok");
    let ready = app.api.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    let doc: Value = app
        .api
        .get(app.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // The document is built from the route table: every operation it lists is served (without
    // an API key a partner operation answers 401, never the 404 of an unknown route).
    let paths = doc["paths"].as_object().expect("paths");
    let mut operations = 0;
    for (path, item) in paths {
        for method in item.as_object().expect("path item").keys() {
            let concrete = path
                .split('/')
                .map(|seg| if seg.starts_with('{') { "x" } else { seg })
                .collect::<Vec<_>>()
                .join("/");
            let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let resp = app
                .api
                .request(method.clone(), app.url(&concrete))
                .send()
                .await
                .unwrap();
            let expected = if path.starts_with("/v1/") { 401 } else { 200 };
            assert_eq!(resp.status(), expected, "{method} {path}");
            operations += 1;
        }
    }
    assert_eq!(operations, 28, "{}", doc["paths"]);
    let metrics = app.api.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(metrics.status(), 200);
    let text = metrics.text().await.unwrap();
    assert!(
        text.contains("bridge_http_responses_total{class=\"2xx\"}"),
        "{text}"
    );
    assert!(
        text.contains("bridge_connections 0") && text.contains("bridge_wellness_pending_days 0"),
        "{text}"
    );
    let docs = app.api.get(app.url("/docs")).send().await.unwrap();
    assert_eq!(docs.status(), 200);
    let html = docs.text().await.unwrap();
    assert!(
        html.contains("id=\"create_connect_session\"") && html.contains("id=\"delete_user\""),
        "the reference has a section per operation"
    );
    let css = app
        .api
        .get(app.url("/assets/bridge.css"))
        .send()
        .await
        .unwrap();
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
    let missing = app.api.get(app.url("/nope")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    assert_eq!(
        missing.headers()["content-type"],
        "application/problem+json"
    );
    let p: Value = missing.json().await.unwrap();
    assert_eq!(p["status"], 404);
}

/// Two tenants deleting the last two connections of one athlete at the same moment: whichever
/// way they interleave, the upstream grant ends revoked and the token row gone (eight rounds).
#[actix_web::test]
async fn concurrent_deletes_of_an_athletes_last_two_connections_revoke_upstream() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    for round in 0..8 {
        let (ua, ub) = (format!("a-{round}"), format!("b-{round}"));
        connect_ok(&app, &app.tenant.api_key, &ua, "i317960").await;
        connect_ok(&app, &b.api_key, &ub, "i317960").await;
        let (pa, pb) = (format!("/v1/users/{ua}"), format!("/v1/users/{ub}"));
        let (ra, rb) = tokio::join!(
            app.delete(&app.tenant.api_key, &pa),
            app.delete(&b.api_key, &pb),
        );
        assert_eq!((ra.status().as_u16(), rb.status().as_u16()), (204, 204));
        let tokens = app.sandbox_tokens().await;
        assert!(
            tokens.iter().all(|t| t["status"] != "active"),
            "round {round}: {tokens:?}"
        );
        assert!(token_rows(&app).await.is_empty(), "round {round}");
    }
}

/// More of a user's events, deliveries, attempts and wellness records than one erasure batch
/// holds: erasing the user takes them all, in batches, and leaves another user's alone.
#[actix_web::test]
async fn erasing_a_user_with_more_rows_than_a_batch_erases_everything() {
    // `domain::connections::ERASE_BATCH`: rows per transaction of an erasure.
    const ERASE_BATCH: usize = 500;
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "big", "i317960").await;
    connect_ok(&app, &key, "keep", "i317960").await;
    let tenant = app.tenant.id.clone();
    let ts = "2026-12-01 00:00:00";
    let n = 2 * ERASE_BATCH + 1;
    let first = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    for user in ["big", "keep"] {
        let count = if user == "big" { n } else { 3 };
        let rows = |f: &dyn Fn(usize) -> String| (0..count).map(f).collect::<Vec<_>>().join(",");
        app.exec(format!(
            "INSERT INTO events (id, tenant_id, user_id, athlete_id, event_type, payload, created_at) VALUES {}",
            rows(&|i| format!("('ev-{user}-{i}', '{tenant}', '{user}', 'i317960', 'wellness.updated', '{{}}', '{ts}')"))
        ))
        .await;
        app.exec(format!(
            "INSERT INTO webhook_deliveries (id, event_id, tenant_id, url, status, attempts, created_at, updated_at) VALUES {}",
            rows(&|i| format!("('dl-{user}-{i}', 'ev-{user}-{i}', '{tenant}', 'https://partner.example/h', 'succeeded', 1, '{ts}', '{ts}')"))
        ))
        .await;
        app.exec(format!(
            "INSERT INTO webhook_attempts (id, delivery_id, attempt, status_code, latency_ms, created_at) VALUES {}",
            rows(&|i| format!("('at-{user}-{i}', 'dl-{user}-{i}', 1, 200, 5, '{ts}')"))
        ))
        .await;
        app.exec(format!(
            "INSERT INTO wellness_records (id, tenant_id, user_id, athlete_id, day, fields, version, pushed_version, push_now, created_at, updated_at) VALUES {}",
            rows(&|i| {
                let day = first + chrono::Days::new(i as u64);
                format!("('wr-{user}-{i}', '{tenant}', '{user}', 'i317960', '{day}', '{{}}', 1, 1, FALSE, '{ts}', '{ts}')")
            })
        ))
        .await;
    }
    let count = |sql: String| {
        let app = &app;
        async move {
            app.strings(&format!("SELECT CAST(COUNT(*) AS TEXT) AS v FROM {sql}"))
                .await[0]
                .clone()
        }
    };
    let of = |user: &str| {
        [
            format!("events WHERE user_id = '{user}'"),
            format!("webhook_deliveries WHERE id LIKE 'dl-{user}-%'"),
            format!("webhook_attempts WHERE id LIKE 'at-{user}-%'"),
            format!("wellness_records WHERE user_id = '{user}'"),
        ]
    };
    for table in of("big") {
        assert!(
            count(table.clone()).await.parse::<usize>().unwrap() >= n,
            "{table}"
        );
    }
    assert_eq!(app.delete(&key, "/v1/users/big").await.status(), 204);
    for table in of("big") {
        assert_eq!(count(table.clone()).await, "0", "{table}");
    }
    for table in of("keep") {
        assert!(
            count(table.clone()).await.parse::<usize>().unwrap() >= 3,
            "{table}"
        );
    }
    assert_eq!(app.get(&key, "/v1/users/big").await.status(), 404);
    assert_eq!(app.get(&key, "/v1/users/keep").await.status(), 200);
}
