//! Webhooks end to end: Intervals.icu (the sandbox) → `/webhooks/intervals` → every tenant whose
//! user is that athlete, signed (Standard Webhooks), durable and retried.

use std::time::Duration;

use crate::common::receiver::{Receiver, Reply};
use crate::common::*;
use serde_json::{json, Value};

const ATHLETE: &str = "i317960";

async fn trigger(app: &TestApp, kind: &str, fields: Value) {
    app.sandbox_post(
        "/_sandbox/webhooks/trigger",
        json!({"client_id": CLIENT_ID, "athlete_id": ATHLETE, "type": kind, "fields": fields}),
    )
    .await;
}

/// Verifies with the `standardwebhooks` crate and, where installed, Python's `standardwebhooks`
/// package: two implementations that are not ours.
pub(crate) fn verify(secret: &str, r: &crate::common::receiver::Received) {
    let mut headers = http::HeaderMap::new();
    for name in ["webhook-id", "webhook-timestamp", "webhook-signature"] {
        headers.insert(
            name,
            r.header(name)
                .unwrap_or_else(|| panic!("{name} header"))
                .parse()
                .unwrap(),
        );
    }
    standardwebhooks::Webhook::new(secret)
        .unwrap()
        .verify(&r.body, &headers)
        .expect("crate verifier accepts");
    let script = "import json,sys\nfrom standardwebhooks import Webhook\nd=json.load(sys.stdin)\nWebhook(d['secret']).verify(d['body'], d['headers'])\nprint('verified')";
    let has_python = std::process::Command::new("python3")
        .args(["-c", "import standardwebhooks"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !has_python {
        assert_ne!(
            std::env::var("BRIDGE_REQUIRE_PY_WEBHOOKS").as_deref(),
            Ok("1"),
            "python3 standardwebhooks is required"
        );
        eprintln!("skipping the Python verifier: pip install standardwebhooks");
        return;
    }
    let input = json!({
        "secret": secret,
        "body": String::from_utf8(r.body.clone()).unwrap(),
        "headers": {
            "webhook-id": r.header("webhook-id"),
            "webhook-timestamp": r.header("webhook-timestamp"),
            "webhook-signature": r.header("webhook-signature"),
        }
    });
    use std::io::Write;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "Python verifier: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[actix_web::test]
async fn a_wrong_or_missing_secret_is_refused_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    for body in [
        json!({"secret": "nope", "events": [{"athlete_id": ATHLETE, "type": "ACTIVITY_UPLOADED"}]}),
        json!({"events": [{"athlete_id": ATHLETE, "type": "ACTIVITY_UPLOADED"}]}),
        json!({"secret": "upstream-webhook-secretX", "events": []}),
    ] {
        let r = app
            .api
            .post(app.url("/webhooks/intervals"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
        assert_eq!(r.headers()["content-type"], "application/problem+json");
    }
    let r = app
        .api
        .post(app.url("/webhooks/intervals"))
        .body("not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let big = "x".repeat(3 * 1024 * 1024);
    let r = app
        .api
        .post(app.url("/webhooks/intervals"))
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    assert!(app.dump_table("inbound_events").await.is_empty());
}

#[actix_web::test]
async fn events_fan_out_signed_to_every_tenant_sharing_the_athlete_once() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let (ra, rb) = (Receiver::start().await, Receiver::start().await);
    app.set_webhook(&app.tenant.id, &ra.url).await;
    app.set_webhook(&b.id, &rb.url).await;
    connect_ok(&app, &app.tenant.api_key, "alex-a", ATHLETE).await;
    connect_ok(&app, &b.api_key, "alex-b", ATHLETE).await;
    // The sandbox sends every batch twice: each event still reaches each tenant once.
    app.sandbox_webhooks_to_bridge(json!({"duplicate_rate": 1.0}))
        .await;
    trigger(
        &app,
        "ACTIVITY_UPLOADED",
        json!({"activity": {"id": "i123", "name": "Morning ride"}}),
    )
    .await;
    trigger(&app, "SOMETHING_NEW", json!({"detail": 42})).await;
    eventually(10, "deliveries", || async {
        ra.of_type("activity.uploaded").len() == 1 && rb.of_type("activity.uploaded").len() == 1
    })
    .await;
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    for (r, user, secret) in [
        (&ra, "alex-a", &app.tenant.webhook_secret),
        (&rb, "alex-b", &b.webhook_secret),
    ] {
        let got = r.of_type("activity.uploaded");
        assert_eq!(got.len(), 1, "exactly once");
        let body = got[0].json();
        assert_eq!(body["data"]["user_id"], user);
        assert_eq!(body["data"]["athlete_id"], ATHLETE);
        assert_eq!(body["data"]["activity"]["id"], "i123");
        assert!(body["timestamp"].is_string());
        assert!(
            !String::from_utf8_lossy(&got[0].body).contains("upstream-webhook-secret"),
            "the upstream secret is never forwarded"
        );
        verify(secret, &got[0]);
        // The other tenant's secret does not verify it.
        let other = if user == "alex-a" {
            &b.webhook_secret
        } else {
            &app.tenant.webhook_secret
        };
        let mut headers = http::HeaderMap::new();
        for name in ["webhook-id", "webhook-timestamp", "webhook-signature"] {
            headers.insert(name, got[0].header(name).unwrap().parse().unwrap());
        }
        assert!(standardwebhooks::Webhook::new(other)
            .unwrap()
            .verify(&got[0].body, &headers)
            .is_err());
        assert_eq!(
            r.of_type("something.new").len(),
            0,
            "a type of no known area fails closed: these tenants do not hold every area"
        );
    }
    let inbound = app
        .strings("SELECT event_type AS v FROM inbound_events")
        .await;
    assert_eq!(inbound.len(), 2, "duplicates recorded once: {inbound:?}");
    // The connection.created events were delivered too.
    assert_eq!(ra.of_type("connection.created").len(), 1);
}

#[actix_web::test]
async fn deauthorization_end_to_end() {
    let app = TestApp::spawn().await;
    let r = Receiver::start().await;
    app.set_webhook(&app.tenant.id, &r.url).await;
    connect_ok(&app, &app.tenant.api_key, "gone", ATHLETE).await;
    app.sandbox_webhooks_to_bridge(json!({})).await;
    app.sandbox_post(
        "/_sandbox/tokens/revoke",
        json!({"client_id": CLIENT_ID, "athlete_id": ATHLETE}),
    )
    .await;
    eventually(10, "connection.revoked", || async {
        r.of_type("connection.revoked").len() == 1
    })
    .await;
    let user: Value = app
        .get(&app.tenant.api_key, "/v1/users/gone")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(user["status"], "revoked");
    verify(
        &app.tenant.webhook_secret,
        &r.of_type("connection.revoked")[0],
    );
    // A narrower grant from the athlete's settings becomes connection.updated.
    connect_ok(&app, &app.tenant.api_key, "gone", ATHLETE).await;
    app.sandbox_post(
        "/_sandbox/tokens/scope",
        json!({"client_id": CLIENT_ID, "athlete_id": ATHLETE, "scope": "ACTIVITY:READ"}),
    )
    .await;
    eventually(10, "connection.updated", || async {
        r.of_type("connection.updated")
            .iter()
            .any(|e| e.json()["data"]["scopes"] == json!(["ACTIVITY:READ"]))
    })
    .await;
    let user: Value = app
        .get(&app.tenant.api_key, "/v1/users/gone")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(user["scopes"], json!(["ACTIVITY:READ"]));
}

#[actix_web::test]
async fn a_receiver_that_fails_twice_then_succeeds_gets_the_same_webhook_id() {
    let app = TestApp::spawn().await;
    let r = Receiver::start().await;
    r.script(vec![Reply(500, vec![]), Reply(502, vec![])]);
    app.set_webhook(&app.tenant.id, &r.url).await;
    connect_ok(&app, &app.tenant.api_key, "u", ATHLETE).await;
    eventually(10, "three attempts", || async {
        r.of_type("connection.created").len() == 3
    })
    .await;
    let got = r.of_type("connection.created");
    let ids: Vec<&str> = got
        .iter()
        .map(|g| g.header("webhook-id").unwrap())
        .collect();
    assert!(ids.iter().all(|i| *i == ids[0]), "{ids:?}");
    for g in &got {
        verify(&app.tenant.webhook_secret, g);
    }
    // The receiver has the request before the bridge has recorded its answer.
    eventually(10, "the recorded success", || async {
        let v: Value = app
            .get(
                &app.tenant.api_key,
                "/v1/webhook-deliveries?status=succeeded",
            )
            .await
            .json()
            .await
            .unwrap();
        v["data"].as_array().unwrap().len() == 1
    })
    .await;
    let log: Value = app
        .get(&app.tenant.api_key, "/v1/webhook-deliveries")
        .await
        .json()
        .await
        .unwrap();
    let d = &log["data"][0];
    assert_eq!(d["status"], "succeeded");
    assert_eq!(d["webhook_id"], ids[0]);
    let codes: Vec<Value> = d["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["status_code"].clone())
        .collect();
    assert_eq!(codes, vec![json!(500), json!(502), json!(200)]);
    assert!(d["attempts"][0]["latency_ms"].is_number());
}

#[actix_web::test]
async fn retry_after_is_honoured_and_a_receiver_down_for_a_while_gets_it_later() {
    let app = TestApp::spawn().await;
    let r = Receiver::start().await;
    r.script(vec![Reply(429, vec![("retry-after", "1".into())])]);
    app.set_webhook(&app.tenant.id, &r.url).await;
    connect_ok(&app, &app.tenant.api_key, "u", ATHLETE).await;
    eventually(10, "the retry", || async {
        r.of_type("connection.created").len() == 2
    })
    .await;
    let got = r.of_type("connection.created");
    assert!(
        got[1].at.duration_since(got[0].at) >= Duration::from_millis(950),
        "waited for Retry-After"
    );

    // Down: connection refused for a while (the breaker opens), then back.
    let port = url::Url::parse(&r.url).unwrap().port().unwrap();
    r.stop().await;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let down_url = format!("http://127.0.0.1:{port}/hooks");
    app.set_webhook(&b.id, &down_url).await;
    connect_ok(&app, &b.api_key, "later", "2049151").await;
    actix_web::rt::time::sleep(Duration::from_millis(1500)).await;
    let pending: Value = app
        .get(&b.api_key, "/v1/webhook-deliveries?status=pending")
        .await
        .json()
        .await
        .unwrap();
    let d = &pending["data"][0];
    assert!(d["attempts"].as_array().unwrap().len() >= 2, "{d}");
    assert!(d["last_error"].is_string());
    // Back up on the same port.
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let s2 = seen.clone();
    let server = actix_web::HttpServer::new(move || {
        let s = s2.clone();
        actix_web::App::new().default_service(actix_web::web::to(
            move |body: actix_web::web::Bytes| {
                let s = s.clone();
                async move {
                    s.lock()
                        .unwrap()
                        .push(String::from_utf8_lossy(&body).into_owned());
                    actix_web::HttpResponse::Ok().body("ok")
                }
            },
        ))
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    actix_web::rt::spawn(server);
    eventually(30, "delivery after the outage", || async {
        seen.lock()
            .unwrap()
            .iter()
            .any(|b| b.contains("connection.created"))
    })
    .await;
    eventually(10, "the recorded success", || async {
        let v: Value = app
            .get(&b.api_key, "/v1/webhook-deliveries?status=succeeded")
            .await
            .json()
            .await
            .unwrap();
        v["data"].as_array().unwrap().len() == 1
    })
    .await;
    let done: Value = app
        .get(&b.api_key, "/v1/webhook-deliveries?status=succeeded")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(done["data"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn gone_disables_the_endpoint_and_a_new_url_reenables_it() {
    let app = TestApp::spawn().await;
    let r = Receiver::start().await;
    r.script(vec![Reply(410, vec![])]);
    app.set_webhook(&app.tenant.id, &r.url).await;
    connect_ok(&app, &app.tenant.api_key, "u", ATHLETE).await;
    eventually(10, "the 410", || async { r.received().len() == 1 }).await;
    eventually(10, "disabled", || async {
        let v: Value = app
            .get(
                &app.tenant.api_key,
                "/v1/webhook-deliveries?status=disabled",
            )
            .await
            .json()
            .await
            .unwrap();
        v["data"].as_array().unwrap().len() == 1
    })
    .await;
    let v: Value = app
        .get(&app.tenant.api_key, "/v1/webhook-deliveries")
        .await
        .json()
        .await
        .unwrap();
    let id = v["data"][0]["id"].as_str().unwrap().to_owned();
    let retry = app
        .api
        .post(app.url(&format!("/v1/webhook-deliveries/{id}/retry")))
        .bearer_auth(&app.tenant.api_key)
        .send()
        .await
        .unwrap();
    assert_eq!(retry.status(), 409);
    // Later events are not sent to a disabled endpoint.
    connect_ok(&app, &app.tenant.api_key, "u2", "2049151").await;
    actix_web::rt::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(r.received().len(), 1);
    // Updating the URL enables it again; the partner resends what it missed.
    app.set_webhook(&app.tenant.id, &r.url).await;
    let retry = app
        .api
        .post(app.url(&format!("/v1/webhook-deliveries/{id}/retry")))
        .bearer_auth(&app.tenant.api_key)
        .send()
        .await
        .unwrap();
    assert_eq!(retry.status(), 202);
    eventually(10, "the resend", || async { r.received().len() == 2 }).await;
    assert_eq!(
        r.received()[1].header("webhook-id"),
        r.received()[0].header("webhook-id")
    );
    let other = app.create_tenant("Partner B", &[]).await;
    let r404 = app
        .api
        .post(app.url(&format!("/v1/webhook-deliveries/{id}/retry")))
        .bearer_auth(&other.api_key)
        .send()
        .await
        .unwrap();
    assert_eq!(r404.status(), 409, "B has no webhook URL");
    app.set_webhook(&other.id, &r.url).await;
    let r404 = app
        .api
        .post(app.url(&format!("/v1/webhook-deliveries/{id}/retry")))
        .bearer_auth(&other.api_key)
        .send()
        .await
        .unwrap();
    assert_eq!(r404.status(), 404, "another tenant's delivery");
}

#[actix_web::test]
async fn private_targets_and_redirects_are_refused() {
    let app = TestApp::spawn_with(Options {
        env: vec![("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "false".into())],
        ..Default::default()
    })
    .await;
    let r = Receiver::start().await;
    app.set_webhook(&app.tenant.id, &r.url).await;
    connect_ok(&app, &app.tenant.api_key, "u", ATHLETE).await;
    eventually(10, "a refused attempt", || async {
        let v: Value = app
            .get(&app.tenant.api_key, "/v1/webhook-deliveries")
            .await
            .json()
            .await
            .unwrap();
        v["data"][0]["last_error"]
            .as_str()
            .is_some_and(|e| e.contains("refused"))
    })
    .await;
    assert!(
        r.received().is_empty(),
        "nothing reached the loopback receiver"
    );

    let open = TestApp::spawn().await;
    let r2 = Receiver::start().await;
    r2.script(vec![Reply(
        302,
        vec![("location", format!("{}/elsewhere", r2.url))],
    )]);
    open.set_webhook(&open.tenant.id, &r2.url).await;
    connect_ok(&open, &open.tenant.api_key, "u", ATHLETE).await;
    eventually(10, "the retry after a redirect", || async {
        r2.received().len() >= 2
    })
    .await;
    assert!(r2
        .received()
        .iter()
        .all(|x| x.headers.iter().all(|(_, v)| !v.contains("elsewhere"))));
    let v: Value = open
        .get(&open.tenant.api_key, "/v1/webhook-deliveries")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["data"][0]["attempts"][0]["status_code"], 302);
}

#[actix_web::test]
async fn signing_secret_rotation_sends_both_signatures() {
    let app = TestApp::spawn().await;
    let r = Receiver::start().await;
    app.set_webhook(&app.tenant.id, &r.url).await;
    let state = app.state.clone();
    let id = app.tenant.id.clone();
    let new_secret = actix_web::web::block(move || {
        let mut conn = state.pool.get().unwrap();
        intervals_bridge::domain::tenants::rotate_webhook_secret(
            &mut conn,
            &state.keys,
            &intervals_bridge::db::types::TenantId::new(id.clone()),
        )
        .unwrap()
    })
    .await
    .unwrap();
    connect_ok(&app, &app.tenant.api_key, "u", ATHLETE).await;
    eventually(10, "delivery", || async { r.received().len() == 1 }).await;
    let got = &r.received()[0];
    assert_eq!(
        got.header("webhook-signature").unwrap().split(' ').count(),
        2
    );
    verify(&new_secret, got);
    verify(&app.tenant.webhook_secret, got);
}

#[actix_web::test]
async fn calendar_events_show_only_this_tenants_own_external_ids() {
    let app = TestApp::spawn().await;
    let r = Receiver::start().await;
    app.set_webhook(&app.tenant.id, &r.url).await;
    connect_ok(&app, &app.tenant.api_key, "cal", ATHLETE).await;
    app.sandbox_webhooks_to_bridge(json!({})).await;
    let ours = format!("{}.plan-7", app.tenant.id);
    trigger(
        &app,
        "CALENDAR_UPDATED",
        json!({"events": [
            {"id": 1, "name": "Ours", "oauth_client_id": CLIENT_ID, "external_id": ours},
            {"id": 2, "name": "Theirs", "oauth_client_id": "other-app", "external_id": "x-1"}
        ], "deleted_events": [3]}),
    )
    .await;
    eventually(10, "calendar.updated", || async {
        r.of_type("calendar.updated").len() == 1
    })
    .await;
    let data = r.of_type("calendar.updated")[0].json()["data"].clone();
    assert_eq!(data["events"][0]["created_by_this_tenant"], true);
    assert_eq!(data["events"][0]["external_id"], "plan-7");
    assert_eq!(data["events"][1]["created_by_this_tenant"], false);
    assert_eq!(data["events"][1]["external_id"], Value::Null);
    assert_eq!(data["deleted_events"], json!([3]));
}

#[actix_web::test]
async fn tenants_without_the_scope_do_not_get_the_event() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let (ra, rb) = (Receiver::start().await, Receiver::start().await);
    app.set_webhook(&app.tenant.id, &ra.url).await;
    app.set_webhook(&b.id, &rb.url).await;
    // B asks only for wellness; A connects after it, so the athlete's token carries A's wider grant.
    let url = app
        .connect_url(
            &b.api_key,
            json!({"user_id": "b", "redirect_url": PARTNER_REDIRECT, "scopes": "WELLNESS:WRITE"}),
        )
        .await;
    let (browser, authorize) = open_consent(&url).await;
    let cb = answer_consent(&browser, &authorize, Answer::Approve(ATHLETE)).await;
    browser.get(cb).send().await.unwrap();
    connect_ok(&app, &app.tenant.api_key, "a", ATHLETE).await;
    app.sandbox_webhooks_to_bridge(json!({})).await;
    trigger(&app, "ACTIVITY_ANALYZED", json!({"activity": {"id": "i9"}})).await;
    eventually(10, "A's delivery", || async {
        ra.of_type("activity.analyzed").len() == 1
    })
    .await;
    actix_web::rt::time::sleep(Duration::from_millis(400)).await;
    assert!(
        rb.of_type("activity.analyzed").is_empty(),
        "B asked only for WELLNESS"
    );
}

#[actix_web::test]
async fn deliveries_are_listed_filtered_and_paginated() {
    let app = TestApp::spawn().await;
    let r = Receiver::start().await;
    app.set_webhook(&app.tenant.id, &r.url).await;
    for i in 0..5 {
        connect_ok(&app, &app.tenant.api_key, &format!("p{i}"), ATHLETE).await;
    }
    eventually(10, "five deliveries", || async { r.received().len() == 5 }).await;
    eventually(10, "five recorded successes", || async {
        let v: Value = app
            .get(
                &app.tenant.api_key,
                "/v1/webhook-deliveries?status=succeeded",
            )
            .await
            .json()
            .await
            .unwrap();
        v["data"].as_array().unwrap().len() == 5
    })
    .await;
    let mut seen = Vec::new();
    let mut path = "/v1/webhook-deliveries?limit=2&status=succeeded".to_owned();
    loop {
        let page: Value = app
            .get(&app.tenant.api_key, &path)
            .await
            .json()
            .await
            .unwrap();
        for d in page["data"].as_array().unwrap() {
            seen.push(d["user_id"].as_str().unwrap().to_owned());
        }
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/v1/webhook-deliveries?limit=2&status=succeeded&cursor={c}"),
            None => break,
        }
    }
    seen.sort();
    assert_eq!(seen, vec!["p0", "p1", "p2", "p3", "p4"]);
    for bad in ["status=lost", "limit=0", "cursor=%%"] {
        let resp = app
            .get(
                &app.tenant.api_key,
                &format!("/v1/webhook-deliveries?{bad}"),
            )
            .await;
        assert!(resp.status() == 422 || resp.status() == 400, "{bad}");
    }
    let other = app.create_tenant("Partner B", &[]).await;
    let v: Value = app
        .get(&other.api_key, "/v1/webhook-deliveries")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["data"], json!([]));
}

#[actix_web::test]
async fn three_instances_deliver_each_event_to_each_endpoint_once() {
    let (sandbox, sandbox_url, _h) = start_sandbox().await;
    let db = std::sync::Arc::new(TestDb::new());
    let first = TestApp::spawn_with(Options {
        db: Some(db.clone()),
        sandbox: Some((sandbox.clone(), sandbox_url.clone())),
        ..Default::default()
    })
    .await;
    let b = first.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let (ra, rb) = (Receiver::start().await, Receiver::start().await);
    first.set_webhook(&first.tenant.id, &ra.url).await;
    first.set_webhook(&b.id, &rb.url).await;
    connect_ok(&first, &first.tenant.api_key, "a", ATHLETE).await;
    connect_ok(&first, &b.api_key, "b", ATHLETE).await;
    let spawn = || {
        TestApp::spawn_with(Options {
            db: Some(db.clone()),
            sandbox: Some((sandbox.clone(), sandbox_url.clone())),
            keys_spec: Some(first.keys_spec.clone()),
            ..Default::default()
        })
    };
    let (second, third) = futures_util::join!(spawn(), spawn());
    first
        .sandbox_webhooks_to_bridge(json!({"duplicate_rate": 0.5}))
        .await;
    for i in 0..20 {
        trigger(
            &first,
            "ACTIVITY_UPDATED",
            json!({"activity": {"id": format!("i{i}")}}),
        )
        .await;
    }
    eventually(30, "40 deliveries", || async {
        ra.of_type("activity.updated").len() >= 20 && rb.of_type("activity.updated").len() >= 20
    })
    .await;
    actix_web::rt::time::sleep(Duration::from_millis(800)).await;
    for r in [&ra, &rb] {
        let got = r.of_type("activity.updated");
        let ids: std::collections::HashSet<String> = got
            .iter()
            .map(|g| g.header("webhook-id").unwrap().to_owned())
            .collect();
        let acts: std::collections::HashSet<String> = got
            .iter()
            .map(|g| {
                g.json()["data"]["activity"]["id"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(got.len(), 20, "each event once, not {}", got.len());
        assert_eq!(ids.len(), 20);
        assert_eq!(acts.len(), 20);
    }
    // Which instances ran delivery jobs (informational: the race decides).
    let runners: std::collections::HashSet<String> = first
        .strings("SELECT locked_by AS v FROM jobs WHERE kind = 'webhook.deliver' AND locked_by IS NOT NULL")
        .await
        .into_iter()
        .map(|w| w.split('/').next().unwrap_or_default().to_owned())
        .collect();
    eprintln!("delivery jobs ran on {} instance(s)", runners.len());
    drop((second, third));
}

/// An event type whose scope area the bridge does not know goes only to connections that hold
/// every area (it could carry anything); the others never see it.
#[actix_web::test]
async fn unknown_event_types_reach_only_tenants_holding_every_area() {
    let app = TestApp::spawn().await;
    let everything = app.create_tenant("Everything", &[PARTNER_REDIRECT]).await;
    let (narrow, wide) = (Receiver::start().await, Receiver::start().await);
    app.set_webhook(&app.tenant.id, &narrow.url).await;
    app.set_webhook(&everything.id, &wide.url).await;
    connect_ok(&app, &app.tenant.api_key, "narrow", ATHLETE).await;
    // A superset of the first connection's scopes, so this grant takes nothing from it.
    let all = "ACTIVITY:WRITE,WELLNESS:WRITE,CALENDAR:READ,CHATS:READ,LIBRARY:READ,SETTINGS:READ";
    let url = app
        .connect_url(
            &everything.api_key,
            json!({"user_id": "wide", "redirect_url": PARTNER_REDIRECT, "scopes": all}),
        )
        .await;
    let (browser, authorize) = open_consent(&url).await;
    let callback = answer_consent(&browser, &authorize, Answer::Approve(ATHLETE)).await;
    let done = browser.get(callback).send().await.unwrap();
    assert_eq!(query_of(&location(&done))["status"], "connected");
    app.sandbox_webhooks_to_bridge(json!({})).await;
    trigger(&app, "SOMETHING_NEW", json!({"detail": 42})).await;
    trigger(&app, "ACTIVITY_UPLOADED", json!({"activity": {"id": "i9"}})).await;
    eventually(10, "deliveries", || async {
        wide.of_type("something.new").len() == 1
            && narrow.of_type("activity.uploaded").len() == 1
            && wide.of_type("activity.uploaded").len() == 1
    })
    .await;
    actix_web::rt::time::sleep(Duration::from_millis(300)).await;
    assert!(narrow.of_type("something.new").is_empty());
    let routed = app
        .strings("SELECT event_type AS v FROM events WHERE event_type = 'something.new'")
        .await;
    assert_eq!(
        routed.len(),
        1,
        "one tenant event, for the tenant with every area"
    );
}

/// An endpoint that hangs holds at most `BRIDGE_WEBHOOK_ENDPOINT_CONCURRENCY` of the webhook
/// workers: another tenant's deliveries arrive while it is stuck, and its own arrive, once each,
/// when it answers again.
#[actix_web::test]
async fn a_stuck_endpoint_does_not_hold_back_another_tenants_deliveries() {
    let app = TestApp::spawn_with(Options {
        env: vec![
            ("BRIDGE_WEBHOOK_CONCURRENCY", "4".into()),
            ("BRIDGE_WEBHOOK_ENDPOINT_CONCURRENCY", "2".into()),
        ],
        ..Default::default()
    })
    .await;
    let other = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let (stuck, fast) = (Receiver::start().await, Receiver::start().await);
    stuck.hold();
    app.set_webhook(&app.tenant.id, &stuck.url).await;
    app.set_webhook(&other.id, &fast.url).await;
    app.sandbox_webhooks_to_bridge(json!({})).await;
    // More deliveries for the stuck endpoint than there are webhook workers, queued first.
    connect_ok(&app, &app.tenant.api_key, "stuck-user", ATHLETE).await;
    for i in 0..6 {
        trigger(
            &app,
            "ACTIVITY_UPLOADED",
            json!({"activity": {"id": format!("s{i}")}}),
        )
        .await;
    }
    eventually(10, "the stuck endpoint to hold two requests", || async {
        stuck.received().len() >= 2
    })
    .await;
    // Every one of the six is routed (an event row for the stuck tenant) before the other tenant
    // connects the same athlete, so none of them is the other tenant's too.
    let routed = format!(
        "SELECT id AS v FROM events WHERE tenant_id = '{}' AND event_type = 'activity.uploaded'",
        app.tenant.id
    );
    eventually(10, "the six events routed", || async {
        app.strings(&routed).await.len() == 6
    })
    .await;
    let stuck_since = std::time::Instant::now();
    connect_ok(&app, &other.api_key, "fast-user", ATHLETE).await;
    for i in 0..3 {
        trigger(
            &app,
            "ACTIVITY_UPLOADED",
            json!({"activity": {"id": format!("f{i}")}}),
        )
        .await;
    }
    eventually(8, "the other tenant's deliveries", || async {
        fast.of_type("connection.created").len() == 1
            && fast.of_type("activity.uploaded").len() == 3
    })
    .await;
    // They came while the stuck endpoint was still stuck, well inside its 15 s timeout, and it
    // never had more than its share in flight.
    assert_eq!(
        stuck.answered(),
        0,
        "the stuck endpoint answered nothing yet"
    );
    assert!(stuck_since.elapsed() < Duration::from_secs(12));
    assert_eq!(
        stuck.received().len(),
        2,
        "two in flight to the stuck endpoint"
    );
    stuck.release();
    // The same athlete's later events are the stuck tenant's too: 9 in all.
    eventually(20, "the stuck endpoint's deliveries", || async {
        stuck.of_type("connection.created").len() == 1
            && stuck.of_type("activity.uploaded").len() == 9
    })
    .await;
    actix_web::rt::time::sleep(Duration::from_millis(300)).await;
    for r in [&stuck, &fast] {
        let got = r.received();
        let ids: std::collections::HashSet<&str> = got
            .iter()
            .map(|g| g.header("webhook-id").unwrap())
            .collect();
        assert_eq!(ids.len(), got.len(), "each delivery once");
    }
    assert_eq!(stuck.of_type("activity.uploaded").len(), 9);
    assert_eq!(fast.of_type("activity.uploaded").len(), 3);
}

/// A delivery waiting for its next retry, resent: it goes out now, not at the old backoff time.
#[actix_web::test]
async fn a_resent_delivery_waiting_for_its_retry_goes_out_at_once() {
    // The real retry schedule: after a first failure the next attempt is minutes away.
    let app = TestApp::spawn_with(Options {
        env: vec![("BRIDGE_WEBHOOK_RETRY_SCALE", "1".into())],
        ..Default::default()
    })
    .await;
    let r = Receiver::start().await;
    r.script(vec![Reply(401, vec![])]);
    app.set_webhook(&app.tenant.id, &r.url).await;
    connect_ok(&app, &app.tenant.api_key, "u1", ATHLETE).await;
    eventually(10, "the first attempt", || async {
        r.received().len() == 1
    })
    .await;
    let key = app.tenant.api_key.clone();
    let delivery = || async {
        let v: Value = app
            .get(&key, "/v1/webhook-deliveries")
            .await
            .json()
            .await
            .unwrap();
        v["data"][0].clone()
    };
    eventually(5, "the failure recorded", || async {
        delivery().await["attempts"]
            .as_array()
            .is_some_and(|a| a.len() == 1)
    })
    .await;
    let waiting = delivery().await;
    assert_eq!(waiting["status"], "pending", "{waiting}");
    let id = waiting["id"].as_str().unwrap().to_owned();
    let retry = app
        .api
        .post(app.url(&format!("/v1/webhook-deliveries/{id}/retry")))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(retry.status(), 202);
    eventually(5, "the resend sent now", || async {
        r.received().len() == 2
    })
    .await;
    eventually(5, "delivered", || async {
        delivery().await["status"] == "succeeded"
    })
    .await;
}

/// The tenant's breaker as stored: consecutive failures counted, and how far ahead it is open.
async fn breaker(app: &TestApp, tenant_id: &str) -> (i64, Option<f64>) {
    let failures = app
        .strings(&format!(
            "SELECT CAST(webhook_failures AS TEXT) AS v FROM tenants WHERE id = '{tenant_id}'"
        ))
        .await;
    let open = app
        .strings(&format!(
            "SELECT CAST(webhook_open_until AS TEXT) AS v FROM tenants \
             WHERE id = '{tenant_id}' AND webhook_open_until IS NOT NULL"
        ))
        .await;
    let ahead = open.first().map(|s| {
        let at = chrono::NaiveDateTime::parse_from_str(&s[..19], "%Y-%m-%d %H:%M:%S").unwrap();
        (at - chrono::Utc::now().naive_utc()).num_milliseconds() as f64 / 1000.0
    });
    (failures[0].parse().unwrap(), ahead)
}

#[actix_web::test]
async fn a_burst_of_concurrent_failures_opens_the_breaker_once_and_it_doubles_per_open_period() {
    // The real schedule: the breaker opens for 30 s; the first retries come about 5 s later.
    let app = TestApp::spawn_with(Options {
        env: vec![("BRIDGE_WEBHOOK_RETRY_SCALE", "1".into())],
        ..Default::default()
    })
    .await;
    let r = Receiver::start().await;
    app.set_webhook(&app.tenant.id, &r.url).await;
    const BURST: usize = 8;
    r.script(vec![Reply(500, vec![]); BURST]);
    // Every delivery is in flight before the first failure is recorded.
    r.hold();
    for _ in 0..BURST {
        let sent = app
            .api
            .post(app.url("/v1/webhook-test"))
            .bearer_auth(&app.tenant.api_key)
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), 202);
    }
    eventually(20, "every test event in flight at once", || async {
        r.received().len() == BURST
    })
    .await;
    r.release();
    let attempts = "SELECT CAST(COUNT(*) AS TEXT) AS v FROM webhook_attempts";
    eventually(20, "every failure recorded", || async {
        app.strings(attempts).await[0] == BURST.to_string()
    })
    .await;
    // Five failures opened it for 30 s; the three that were in flight then did not push it to
    // 30 s × 2³.
    let (failures, ahead) = breaker(&app, &app.tenant.id).await;
    assert_eq!(failures, 5);
    let ahead = ahead.expect("the breaker is open");
    assert!((20.0..=31.0).contains(&ahead), "open for {ahead} s more");

    // The open period ends; the first retries fail too (all at once): it opens again, for 60 s.
    r.script(vec![Reply(500, vec![]); BURST]);
    app.exec(format!(
        "UPDATE tenants SET webhook_open_until = '2000-01-01 00:00:00' WHERE id = '{}'",
        app.tenant.id
    ))
    .await;
    eventually(30, "the first retries after the open period", || async {
        app.strings(attempts).await[0].parse::<usize>().unwrap() > BURST
    })
    .await;
    eventually(10, "the breaker open again", || async {
        breaker(&app, &app.tenant.id)
            .await
            .1
            .is_some_and(|s| s > 0.0)
    })
    .await;
    // Let the retries in flight land; they do not count while it is open.
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    let (failures, ahead) = breaker(&app, &app.tenant.id).await;
    assert_eq!(failures, 6, "one failure per open period");
    let ahead = ahead.expect("the breaker is open");
    assert!((40.0..=61.0).contains(&ahead), "open for {ahead} s more");
}
