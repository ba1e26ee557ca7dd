//! Event filters and the test event: a tenant's `webhook_events` decide which types become
//! deliveries (lifecycle and routed Intervals.icu events alike, without touching other tenants),
//! and `POST /v1/webhook-test` sends a signed `webhook.test` through the delivery log.

use serde_json::{json, Value};

use crate::common::receiver::Receiver;
use crate::common::*;

const ATHLETE: &str = "i317960";

async fn patch(app: &TestApp, key: &str, body: Value) -> reqwest::Response {
    app.api
        .patch(app.url("/v1/tenant"))
        .bearer_auth(key)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn set_filter(app: &TestApp, key: &str, events: Value) {
    let resp = patch(app, key, json!({ "webhook_events": events })).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
}

async fn me(app: &TestApp, key: &str) -> Value {
    let resp = app.get(key, "/v1/tenant").await;
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

async fn trigger(app: &TestApp, kind: &str, fields: Value) {
    app.sandbox_post(
        "/_sandbox/webhooks/trigger",
        json!({"client_id": CLIENT_ID, "athlete_id": ATHLETE, "type": kind, "fields": fields}),
    )
    .await;
}

/// The event types of the tenant's delivery rows, sorted.
async fn delivered_types(app: &TestApp, tenant_id: &str) -> Vec<String> {
    app.strings(&format!(
        "SELECT e.event_type AS v FROM webhook_deliveries d JOIN events e ON e.id = d.event_id \
         WHERE d.tenant_id = '{tenant_id}' ORDER BY e.event_type"
    ))
    .await
}

/// The types of the events recorded for the tenant, sorted.
async fn recorded_types(app: &TestApp, tenant_id: &str) -> Vec<String> {
    app.strings(&format!(
        "SELECT event_type AS v FROM events WHERE tenant_id = '{tenant_id}' ORDER BY event_type"
    ))
    .await
}

/// Waits until the `n` Intervals.icu events received so far are all routed and no delivery is
/// pending: from then on no further delivery can appear, and every one made has reached its
/// receiver.
async fn settled(app: &TestApp, n: usize) {
    eventually(15, "routed and delivered", || async {
        let inbound = app
            .strings("SELECT id AS v FROM inbound_events WHERE routed_at IS NOT NULL")
            .await;
        let unrouted = app
            .strings("SELECT id AS v FROM inbound_events WHERE routed_at IS NULL")
            .await;
        let pending = app
            .strings("SELECT id AS v FROM webhook_deliveries WHERE status = 'pending'")
            .await;
        inbound.len() == n && unrouted.is_empty() && pending.is_empty()
    })
    .await;
}

fn types(r: &Receiver) -> Vec<String> {
    let mut t: Vec<String> = r
        .received()
        .iter()
        .map(|x| x.json()["type"].as_str().unwrap().to_owned())
        .collect();
    t.sort();
    t
}

#[actix_web::test]
async fn filters_decide_which_events_become_deliveries_for_each_tenant() {
    let app = TestApp::spawn().await;
    let a = &app.tenant;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let c = app.create_tenant("Partner C", &[PARTNER_REDIRECT]).await;
    let (ra, rb, rc) = (
        Receiver::start().await,
        Receiver::start().await,
        Receiver::start().await,
    );
    app.set_webhook(&a.id, &ra.url).await;
    app.set_webhook(&b.id, &rb.url).await;
    app.set_webhook(&c.id, &rc.url).await;
    // A: a prefix; B: no filter (every type); C: exact types.
    set_filter(&app, &a.api_key, json!(["activity.*"])).await;
    set_filter(
        &app,
        &c.api_key,
        json!(["connection.created", "activity.analyzed"]),
    )
    .await;
    assert_eq!(me(&app, &b.api_key).await["webhook_events"], json!([]));

    // Lifecycle events: each connect records connection.created for its own tenant.
    connect_ok(&app, &a.api_key, "alex-a", ATHLETE).await;
    connect_ok(&app, &b.api_key, "alex-b", ATHLETE).await;
    connect_ok(&app, &c.api_key, "alex-c", ATHLETE).await;
    assert!(
        delivered_types(&app, &a.id).await.is_empty(),
        "A filters connection.created out"
    );
    assert!(
        recorded_types(&app, &a.id).await.is_empty(),
        "nothing is recorded for a filtered-out event"
    );
    assert_eq!(delivered_types(&app, &b.id).await, ["connection.created"]);
    assert_eq!(delivered_types(&app, &c.id).await, ["connection.created"]);

    // Routed Intervals.icu events, the athlete shared by all three.
    app.sandbox_webhooks_to_bridge(json!({})).await;
    trigger(
        &app,
        "ACTIVITY_UPLOADED",
        json!({"activity": {"id": "i501", "name": "Filtered ride"}}),
    )
    .await;
    trigger(
        &app,
        "CALENDAR_UPDATED",
        json!({"events": [], "deleted_events": [1]}),
    )
    .await;
    settled(&app, 2).await;
    assert_eq!(delivered_types(&app, &a.id).await, ["activity.uploaded"]);
    assert_eq!(recorded_types(&app, &a.id).await, ["activity.uploaded"]);
    assert_eq!(
        delivered_types(&app, &b.id).await,
        [
            "activity.uploaded",
            "calendar.updated",
            "connection.created"
        ],
        "B has no filter: every type of its granted areas, whatever A and C chose"
    );
    assert_eq!(
        delivered_types(&app, &c.id).await,
        ["connection.created"],
        "an exact filter: activity.uploaded is not activity.analyzed"
    );
    // What arrived is exactly what was recorded.
    assert_eq!(types(&ra), ["activity.uploaded"]);
    assert_eq!(
        types(&rb),
        [
            "activity.uploaded",
            "calendar.updated",
            "connection.created"
        ]
    );
    assert_eq!(types(&rc), ["connection.created"]);
    let uploaded = &ra.of_type("activity.uploaded")[0];
    assert_eq!(uploaded.json()["data"]["user_id"], "alex-a");
    crate::webhooks::verify(&a.webhook_secret, uploaded);

    // An empty list delivers every type again.
    set_filter(&app, &a.api_key, json!([])).await;
    trigger(
        &app,
        "CALENDAR_UPDATED",
        json!({"events": [], "deleted_events": [2]}),
    )
    .await;
    settled(&app, 3).await;
    assert_eq!(
        delivered_types(&app, &a.id).await,
        ["activity.uploaded", "calendar.updated"]
    );
    assert_eq!(delivered_types(&app, &c.id).await, ["connection.created"]);
    assert_eq!(types(&ra), ["activity.uploaded", "calendar.updated"]);
}

#[actix_web::test]
async fn webhook_events_are_checked_and_a_refusal_changes_nothing() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let resp = patch(
        &app,
        &key,
        json!({"webhook_events": ["activity.*", " connection.revoked ", "activity.*", "sport_settings.updated"]}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let mine: Value = resp.json().await.unwrap();
    assert_eq!(
        mine["webhook_events"],
        json!(["activity.*", "connection.revoked", "sport_settings.updated"]),
        "trimmed, repeats dropped"
    );
    assert_eq!(me(&app, &key).await, mine, "stored as answered");
    assert_eq!(me(&app, &b.api_key).await["webhook_events"], json!([]));

    let many: Vec<&str> = vec!["activity.uploaded"; 51];
    let long = format!("activity.{}", "x".repeat(80));
    for (body, field, why) in [
        (
            json!({"webhook_events": ["activity.uploaded", "activity.upload"]}),
            "webhook_events[1]",
            "not a known event type",
        ),
        (
            json!({"webhook_events": ["bikes.*"]}),
            "webhook_events[0]",
            "matches no known event type",
        ),
        (
            json!({"webhook_events": ["activity*"]}),
            "webhook_events[0]",
            "prefix followed by .*",
        ),
        (
            json!({"webhook_events": ["*"]}),
            "webhook_events[0]",
            "leave the list empty",
        ),
        (
            json!({"webhook_events": ["connection.created", ""]}),
            "webhook_events[1]",
            "not empty",
        ),
        (
            json!({"webhook_events": [long]}),
            "webhook_events[0]",
            "longer than 64",
        ),
        (
            json!({"webhook_events": ["connection.created", 7]}),
            "webhook_events[1]",
            "must be a string",
        ),
        (
            json!({"webhook_events": "activity.*"}),
            "webhook_events",
            "must be an array",
        ),
        (
            json!({"webhook_events": many}),
            "webhook_events",
            "at most 50",
        ),
        // A bad filter fails the whole request: the valid name is not applied either.
        (
            json!({"name": "Renamed", "webhook_events": ["nope"]}),
            "webhook_events[0]",
            "not a known event type",
        ),
    ] {
        let resp = patch(&app, &key, body.clone()).await;
        assert_eq!(resp.status(), 422, "{body}");
        assert_eq!(resp.headers()["content-type"], "application/problem+json");
        let problem: Value = resp.json().await.unwrap();
        assert_eq!(
            problem["type"], "urn:intervals-bridge:problem:validation",
            "{problem}"
        );
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
        assert!(
            problem["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains(why),
            "{problem}"
        );
    }
    assert_eq!(me(&app, &key).await, mine, "nothing changed");
    // null clears the filter, like [].
    let resp = patch(&app, &key, json!({"webhook_events": null})).await;
    let cleared: Value = resp.json().await.unwrap();
    assert_eq!(cleared["webhook_events"], json!([]));
    assert_eq!(cleared["name"], mine["name"]);
}

#[actix_web::test]
async fn the_test_event_is_a_signed_delivery_in_the_log() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let send = |key: String| {
        let app = &app;
        async move { app.post_json(&key, "/v1/webhook-test", json!({})).await }
    };
    // No webhook URL: a conflict, and nothing recorded.
    let resp = send(key.clone()).await;
    assert_eq!(resp.status(), 409);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    let problem: Value = resp.json().await.unwrap();
    assert_eq!(problem["type"], "urn:intervals-bridge:problem:conflict");
    assert!(problem["detail"]
        .as_str()
        .unwrap()
        .contains("no webhook URL"));
    assert!(app.dump_table("webhook_deliveries").await.is_empty());
    assert!(app.dump_table("events").await.is_empty());

    let r = Receiver::start().await;
    let rb = Receiver::start().await;
    app.set_webhook(&app.tenant.id, &r.url).await;
    app.set_webhook(&b.id, &rb.url).await;
    // A disabled endpoint (it answered 410 Gone) is a conflict too, until its URL is set again.
    app.exec(format!(
        "UPDATE tenants SET webhook_disabled_at = '2026-01-01 00:00:00' WHERE id = '{}'",
        app.tenant.id
    ))
    .await;
    let resp = send(key.clone()).await;
    assert_eq!(resp.status(), 409);
    let problem: Value = resp.json().await.unwrap();
    assert!(problem["detail"].as_str().unwrap().contains("410 Gone"));
    assert!(app.dump_table("webhook_deliveries").await.is_empty());
    let resp = patch(&app, &key, json!({"webhook_url": r.url})).await;
    assert_eq!(resp.status(), 200);

    // A filter that leaves everything else out does not hold the test event back; during a
    // secret rotation's overlap it carries both signatures.
    set_filter(&app, &key, json!(["activity.*"])).await;
    let rotated: Value = app
        .post_json(&key, "/v1/tenant/webhook-secret/rotate", json!({}))
        .await
        .json()
        .await
        .unwrap();
    let new_secret = rotated["webhook_secret"].as_str().unwrap().to_owned();
    let resp = send(key.clone()).await;
    assert_eq!(resp.status(), 202);
    let sent: Value = resp.json().await.unwrap();
    let delivery_id = sent["delivery_id"].as_str().unwrap().to_owned();
    let webhook_id = sent["webhook_id"].as_str().unwrap().to_owned();
    eventually(10, "the test event", || async {
        !r.of_type("webhook.test").is_empty()
    })
    .await;
    let got = r.of_type("webhook.test");
    assert_eq!(got.len(), 1);
    let body = got[0].json();
    assert_eq!(body["type"], "webhook.test");
    assert!(body["timestamp"].is_string());
    assert_eq!(body["data"]["user_id"], Value::Null);
    assert_eq!(body["data"]["athlete_id"], Value::Null);
    assert_eq!(got[0].header("webhook-id"), Some(webhook_id.as_str()));
    assert_eq!(
        got[0]
            .header("webhook-signature")
            .unwrap()
            .split(' ')
            .count(),
        2
    );
    crate::webhooks::verify(&new_secret, &got[0]);
    crate::webhooks::verify(&app.tenant.webhook_secret, &got[0]);

    // The delivery log has it under the id the answer gave.
    let delivery = || async {
        let log: Value = app
            .get(&key, "/v1/webhook-deliveries")
            .await
            .json()
            .await
            .unwrap();
        let data = log["data"].as_array().unwrap().clone();
        assert_eq!(data.len(), 1, "{log}");
        data[0].clone()
    };
    eventually(10, "the delivery succeeded", || async {
        delivery().await["status"] == "succeeded"
    })
    .await;
    let d = delivery().await;
    assert_eq!(d["id"], delivery_id.as_str());
    assert_eq!(d["webhook_id"], webhook_id.as_str());
    assert_eq!(d["event_type"], "webhook.test");
    assert_eq!(d["user_id"], Value::Null);
    assert_eq!(d["attempts"][0]["status_code"], 200);
    // It can be resent like any delivery: the same webhook-id again.
    let resp = app
        .post_json(
            &key,
            &format!("/v1/webhook-deliveries/{delivery_id}/retry"),
            json!({}),
        )
        .await;
    assert_eq!(resp.status(), 202);
    eventually(10, "the resent test event", || async {
        r.of_type("webhook.test").len() == 2
    })
    .await;
    assert_eq!(
        r.of_type("webhook.test")[1].header("webhook-id"),
        Some(webhook_id.as_str())
    );

    // The other tenant saw none of it.
    assert!(rb.received().is_empty());
    let log: Value = app
        .get(&b.api_key, "/v1/webhook-deliveries")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(log["data"], json!([]));
}
