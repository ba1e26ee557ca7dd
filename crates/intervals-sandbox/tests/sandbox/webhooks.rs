//! Part 4 of the sandbox over real HTTP: webhooks to a receiver on port 0 — batching, the secret
//! in the body, scope filtering, duplicates, retries, the delayed ACTIVITY_ANALYZED, calendar
//! edits, scope changes, deauthorization and triggered events.

use std::time::{Duration, Instant};

use crate::support::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn hook(env: &Env, rx: &Receiver, client: &str, secret: &str, extra: Value) {
    let mut body = json!({"client_id": client, "url": rx.url(client), "secret": secret});
    if let (Value::Object(b), Value::Object(e)) = (&mut body, extra) {
        b.extend(e);
    }
    env.control("POST", "webhooks", body).await;
}

fn log_of(log: &Value) -> Vec<Value> {
    log.as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn uploads_are_announced_in_one_batch_then_analyzed() {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    hook(&env, &rx, CLIENT, "whs-1", json!({"batch_window_ms": 300})).await;
    let settings = env
        .control("POST", "settings", json!({"analyzed_delay_ms": 700}))
        .await;
    assert_eq!(settings["analyzed_delay_ms"], 700);
    let token = env.connect(CLIENT, ALEX, "ACTIVITY:WRITE").await;

    // A two-sport file: two activities, two ACTIVITY_UPLOADED events in one POST.
    let file = tcx(&[
        ("Biking", "2024-05-01T06:30:00Z"),
        ("Running", "2024-05-01T08:00:00Z"),
    ]);
    let uploaded_at = Instant::now();
    let res = env.upload_tcx(&token, file.clone()).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: Value = res.json().await.expect("json");
    let ids: Vec<Value> = body["activities"]
        .as_array()
        .expect("activities")
        .iter()
        .map(|a| a["id"].clone())
        .collect();
    assert_eq!(ids.len(), 2);

    let got = rx.wait_for(CLIENT, 1, 5).await;
    let first = &got[0];
    assert_eq!(
        first.body["secret"], "whs-1",
        "the secret travels in the body"
    );
    assert!(
        !first
            .header_names
            .iter()
            .any(|h| h.contains("signature") || h.starts_with("webhook-")),
        "no signature header: {:?}",
        first.header_names
    );
    assert!(first
        .content_type
        .as_deref()
        .is_some_and(|c| c.starts_with("application/json")));
    assert!(first
        .user_agent
        .as_deref()
        .is_some_and(|u| u.starts_with("intervals-bridge-sandbox/")));
    let events = first.body["events"].as_array().expect("events");
    assert_eq!(types(events), ["ACTIVITY_UPLOADED", "ACTIVITY_UPLOADED"]);
    for (e, id) in events.iter().zip(&ids) {
        assert_eq!(e["athlete_id"], ALEX);
        assert_eq!(&e["activity"]["id"], id);
        assert_eq!(e["activity"]["icu_athlete_id"], ALEX);
        assert!(e["activity"]["type"].is_string() && e["activity"]["moving_time"].is_number());
        let ts = e["timestamp"].as_str().expect("timestamp");
        assert!(ts.ends_with("+00:00") && ts.len() == 29, "{ts}");
        chrono::DateTime::parse_from_rfc3339(ts).expect("rfc3339");
    }

    // ACTIVITY_ANALYZED follows after the configured delay, batched the same way.
    let got = rx.wait_for(CLIENT, 2, 5).await;
    assert!(got[1].at.duration_since(uploaded_at) >= Duration::from_millis(700));
    let analyzed = got[1].body["events"].as_array().expect("events");
    assert_eq!(types(analyzed), ["ACTIVITY_ANALYZED", "ACTIVITY_ANALYZED"]);
    assert_eq!(analyzed[0]["activity"]["id"], ids[0]);

    // A duplicate upload (200) announces nothing.
    let res = env.upload_tcx(&token, file).await;
    assert_eq!(res.status(), StatusCode::OK);
    settle(1200).await;
    assert_eq!(rx.got(CLIENT).len(), 2);

    let log = log_of(&env.control("GET", "webhooks/log", json!({})).await);
    assert_eq!(log.len(), 2);
    assert_eq!(log[0]["client_id"], CLIENT);
    assert_eq!(log[0]["url"], rx.url(CLIENT));
    assert_eq!(log[0]["attempt"], 1);
    assert_eq!(log[0]["status"], 200);
    assert_eq!(log[0]["error"], Value::Null);
    assert_eq!(
        log[0]["event_types"],
        json!(["ACTIVITY_UPLOADED", "ACTIVITY_UPLOADED"])
    );
    assert_eq!(log[0]["body"], got[0].body, "the body as sent");
    env.control("DELETE", "webhooks/log", json!({})).await;
    assert_eq!(
        env.control("GET", "webhooks/log", json!({})).await,
        json!([])
    );
}

#[tokio::test]
async fn events_follow_the_answer_that_caused_them() {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    hook(&env, &rx, CLIENT, "s", json!({"batch_window_ms": 0})).await;
    env.control("POST", "settings", json!({"analyzed_delay_ms": 60_000}))
        .await;
    let token = env.connect(CLIENT, ALEX, "ACTIVITY:WRITE").await;
    // The answer is held 400 ms after the upload is stored: a webhook sent when the work was
    // done would arrive long before it.
    env.control(
        "POST",
        "faults",
        json!({"latency_ms": 400, "paths": "/api/v1/athlete/0/activities"}),
    )
    .await;
    let res = env
        .upload_tcx(&token, tcx(&[("Biking", "2024-05-02T06:30:00Z")]))
        .await;
    let answered = Instant::now();
    assert_eq!(res.status(), StatusCode::CREATED);
    let got = rx.wait_for(CLIENT, 1, 5).await;
    assert!(
        got[0].at + Duration::from_millis(50) >= answered,
        "webhook {:?} before the answer",
        answered.duration_since(got[0].at)
    );
}

#[tokio::test]
async fn events_reach_only_apps_whose_scope_covers_them() {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    // One app through the Rust API with default settings, one through the control endpoint.
    env.sb.set_webhook(CLIENT, &rx.url(CLIENT), "secret-a");
    hook(&env, &rx, OTHER, "secret-b", json!({"batch_window_ms": 50})).await;
    let configs = env.control("GET", "webhooks", json!({})).await;
    assert_eq!(
        configs[0],
        json!({"client_id": CLIENT, "url": rx.url(CLIENT), "secret": "secret-a",
               "batch_window_ms": 200, "duplicate_rate": 0.0, "retry_delays_ms": [200, 1000, 5000]})
    );
    let a = env
        .connect(CLIENT, ALEX, "ACTIVITY:WRITE,WELLNESS:WRITE")
        .await;
    env.connect(OTHER, ALEX, "CALENDAR:READ,WELLNESS:READ")
        .await;
    let sam = env.connect(CLIENT, SAM, "ACTIVITY:WRITE").await;

    let res = env
        .upload_tcx(&a, tcx(&[("Biking", "2024-05-03T06:30:00Z")]))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = env
        .put(
            &a,
            "/api/v1/athlete/0/wellness-bulk",
            json!([{"id": "2024-05-03", "weight": 70.1}, {"id": "2024-05-04", "hrv": 55}]),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // Sam's data is nobody's business but the app holding Sam's token.
    let res = env
        .upload_tcx(&sam, tcx(&[("Running", "2024-05-03T07:30:00Z")]))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    rx.wait_for(OTHER, 1, 5).await;
    settle(400).await;
    let other = rx.events(OTHER);
    assert_eq!(
        types(&other),
        ["WELLNESS_UPDATED"],
        "OTHER has no ACTIVITY scope"
    );
    assert!(rx.got(OTHER).iter().all(|g| g.body["secret"] == "secret-b"));
    let records = other[0]["records"].as_array().expect("records");
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["id"], "2024-05-03");
    assert_eq!(records[0]["weight"], 70.1);
    assert!(records[0]["ctl"].is_number());
    assert_eq!(records[1]["hrv"], 55.0);

    let mine = rx.events(CLIENT);
    let kinds = types(&mine);
    assert_eq!(
        kinds.iter().filter(|k| *k == "ACTIVITY_UPLOADED").count(),
        2,
        "Alex's and Sam's uploads: {kinds:?}"
    );
    assert_eq!(kinds.iter().filter(|k| *k == "WELLNESS_UPDATED").count(), 1);
    assert!(mine
        .iter()
        .filter(|e| e["type"] == "ACTIVITY_UPLOADED")
        .any(|e| e["athlete_id"] == SAM));

    // A revoked token hears nothing more (beyond its own APP_SCOPE_CHANGED).
    env.control(
        "POST",
        "tokens/revoke",
        json!({"client_id": OTHER, "athlete_id": ALEX}),
    )
    .await;
    rx.wait_for(OTHER, 2, 5).await;
    env.put(
        &a,
        "/api/v1/athlete/0/wellness-bulk",
        json!([{"id": "2024-05-05", "weight": 70.3}]),
    )
    .await;
    // CLIENT's window is the default 200 ms.
    settle(600).await;
    assert!(rx
        .events(CLIENT)
        .iter()
        .any(|e| e["records"][0]["id"] == "2024-05-05"));
    assert_eq!(
        types(&rx.events(OTHER)),
        ["WELLNESS_UPDATED", "APP_SCOPE_CHANGED"]
    );
}

#[tokio::test]
async fn faulted_writes_announce_only_applied_work() {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    hook(&env, &rx, CLIENT, "s", json!({"batch_window_ms": 50})).await;
    let token = env.connect(CLIENT, ALEX, "WELLNESS:WRITE").await;
    let bulk = "/api/v1/athlete/0/wellness-bulk";
    env.control("POST", "faults", json!({"fail_next": 1, "paths": bulk}))
        .await;
    let res = env
        .put(&token, bulk, json!([{"id": "2024-05-01", "weight": 70}]))
        .await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    env.control(
        "POST",
        "faults",
        json!({"fail_next": 1, "paths": bulk, "phase": "after"}),
    )
    .await;
    let res = env
        .put(&token, bulk, json!([{"id": "2024-05-02", "weight": 71}]))
        .await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    rx.wait_for(CLIENT, 1, 5).await;
    settle(300).await;
    let events = rx.events(CLIENT);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["records"][0]["id"], "2024-05-02");
}

#[tokio::test]
async fn retries_after_errors_then_stops() {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    hook(
        &env,
        &rx,
        CLIENT,
        "s",
        json!({"batch_window_ms": 20, "retry_delays_ms": [100, 150, 100]}),
    )
    .await;
    env.connect(CLIENT, ALEX, "ACTIVITY:READ").await;
    rx.script(&[(500, "boom"), (200, ""), (204, "")]);
    let trigger = json!({"athlete_id": ALEX, "type": "ACTIVITY_UPDATED", "fields": {"activity": {"id": "i1"}}});
    let sent = env
        .control("POST", "webhooks/trigger", trigger.clone())
        .await;
    assert_eq!(sent, json!({"sent_to": [CLIENT]}));
    let got = rx.wait_for(CLIENT, 4, 5).await;
    assert!(
        got.windows(2).all(|w| w[0].body == w[1].body),
        "the same batch every time"
    );
    assert!(got[1].at.duration_since(got[0].at) >= Duration::from_millis(100));
    assert!(got[2].at.duration_since(got[1].at) >= Duration::from_millis(150));
    settle(300).await;
    assert_eq!(rx.got(CLIENT).len(), 4, "no retry after the 200");
    let log = log_of(&env.control("GET", "webhooks/log", json!({})).await);
    let summary: Vec<(u64, Value, bool)> = log
        .iter()
        .map(|l| {
            (
                l["attempt"].as_u64().expect("attempt"),
                l["status"].clone(),
                l["error"].is_null(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (1, json!(500), false),
            (2, json!(200), false),
            (3, json!(204), false),
            (4, json!(200), true)
        ]
    );
    assert_eq!(log[1]["error"], "200 with an empty body");

    // Failing forever: the first try and one per delay, then the batch is dropped.
    env.control("DELETE", "webhooks/log", json!({})).await;
    rx.script(&[(503, "down"); 10]);
    env.control("POST", "webhooks/trigger", trigger).await;
    rx.wait_for(CLIENT, 8, 5).await;
    settle(500).await;
    assert_eq!(rx.got(CLIENT).len(), 8);
    let log = log_of(&env.control("GET", "webhooks/log", json!({})).await);
    assert_eq!(log.len(), 4);
    assert!(log
        .iter()
        .all(|l| l["status"] == 503 && l["error"] == "HTTP 503"));

    // Nobody listening: connection errors are logged with a null status, and retried too.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let dead = format!("http://{}/hook", closed.local_addr().expect("addr"));
    drop(closed);
    env.control(
        "POST",
        "webhooks",
        json!({"client_id": CLIENT, "url": dead, "secret": "s", "batch_window_ms": 0, "retry_delays_ms": [50]}),
    )
    .await;
    env.control("DELETE", "webhooks/log", json!({})).await;
    env.control(
        "POST",
        "webhooks/trigger",
        json!({"client_id": CLIENT, "athlete_id": ALEX, "type": "X"}),
    )
    .await;
    settle(800).await;
    let log = log_of(&env.control("GET", "webhooks/log", json!({})).await);
    assert_eq!(log.len(), 2, "{log:?}");
    assert!(log
        .iter()
        .all(|l| l["status"].is_null() && l["error"].is_string()));
}

#[tokio::test]
async fn duplicate_rate_one_sends_every_batch_twice() {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    hook(
        &env,
        &rx,
        CLIENT,
        "s",
        // A window wide enough that a loaded machine still gets all three triggers into it.
        json!({"batch_window_ms": 2000, "duplicate_rate": 1.0}),
    )
    .await;
    env.connect(CLIENT, ALEX, "CALENDAR:READ").await;
    for n in 0..3 {
        env.control(
            "POST",
            "webhooks/trigger",
            json!({"athlete_id": ALEX, "type": "CALENDAR_UPDATED", "fields": {"n": n}}),
        )
        .await;
    }
    let got = rx.wait_for(CLIENT, 2, 10).await;
    settle(300).await;
    let got_now = rx.got(CLIENT);
    assert_eq!(got_now.len(), 2, "one batch, sent twice");
    assert_eq!(got[0].body, got[1].body);
    assert_eq!(got[0].body["events"].as_array().map(Vec::len), Some(3));
    let log = log_of(&env.control("GET", "webhooks/log", json!({})).await);
    assert_eq!(log[0]["duplicate"], false);
    assert_eq!(log[1]["duplicate"], true);
    assert_eq!(log[1]["attempt"], 1);
}

#[tokio::test]
async fn calendar_edits_show_in_events_and_webhooks() {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    hook(&env, &rx, OTHER, "s", json!({"batch_window_ms": 50})).await;
    hook(&env, &rx, CLIENT, "s", json!({"batch_window_ms": 50})).await;
    let token = env.connect(OTHER, ALEX, "CALENDAR:READ").await;
    env.connect(CLIENT, ALEX, "ACTIVITY:WRITE").await;

    let edit = json!({
        "upsert": [
            {"id": 1002, "name": "Sweet Spot 2x20"},
            {"start_date_local": day(2), "name": "Added by athlete", "type": "Run",
             "category": "WORKOUT", "external_id": "plan-7", "oauth_client_id": OTHER},
        ],
        "delete": [1005],
    });
    let answer = env.control("POST", &format!("calendar/{ALEX}"), edit).await;
    let events = answer["events"].as_array().expect("events");
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["id"], 1002);
    assert_eq!(events[0]["name"], "Sweet Spot 2x20");
    let added_id = events[1]["id"].as_i64().expect("new id");
    assert_eq!(
        events[1]["start_date_local"],
        format!("{}T00:00:00", day(2))
    );
    assert_eq!(answer["deleted_events"], json!([1005]));

    let got = rx.wait_for(OTHER, 1, 5).await;
    let e = &got[0].body["events"][0];
    assert_eq!(e["type"], "CALENDAR_UPDATED");
    assert_eq!(e["athlete_id"], ALEX);
    assert_eq!(e["deleted_events"], json!([1005]));
    let sent = e["events"].as_array().expect("events");
    assert!(sent
        .iter()
        .all(|ev| ev.get("oauth_client_id").is_some() && ev.get("external_id").is_some()));
    assert_eq!(sent[1]["external_id"], "plan-7");
    assert_eq!(sent[1]["oauth_client_id"], OTHER);

    // The API sees the calendar as edited.
    let list: Value = env
        .get(&token, "/api/v1/athlete/0/events?ext=zwo")
        .await
        .json()
        .await
        .expect("json");
    let ids: Vec<i64> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|e| e["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids, [1002, 1003, added_id, 1004], "1005 deleted");
    assert_eq!(list[0]["name"], "Sweet Spot 2x20");
    assert!(list[0]["workout_file_base64"].is_string());
    assert!(list[2].get("workout_file_base64").is_none());
    let res = env.get(&token, "/api/v1/athlete/0/events/1005").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = env
        .get(
            &token,
            &format!("/api/v1/athlete/0/events/{added_id}/download.zwo"),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Upsert by external_id updates the same event; a bad id changes nothing.
    let answer = env
        .control(
            "POST",
            &format!("calendar/{ALEX}"),
            json!({"upsert": [{"external_id": "plan-7", "oauth_client_id": OTHER, "name": "Moved", "start_date_local": day(3)}]}),
        )
        .await;
    assert_eq!(answer["events"][0]["id"], added_id);
    let res = env
        .control_raw(
            "POST",
            &format!("calendar/{ALEX}"),
            Some(json!({"upsert": [{"id": 1001, "name": "x"}], "delete": [4242]})),
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let all = env
        .control("GET", &format!("calendar/{ALEX}"), json!({}))
        .await;
    let first = all
        .as_array()
        .expect("array")
        .iter()
        .find(|e| e["id"] == 1001)
        .cloned()
        .expect("1001");
    assert_eq!(first["name"], "Endurance 90");

    rx.wait_for(OTHER, 2, 5).await;
    settle(200).await;
    assert_eq!(rx.got(CLIENT).len(), 0, "CLIENT has no CALENDAR scope");
}

#[tokio::test]
async fn scope_changes_and_deauthorization_reach_the_app() {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    hook(&env, &rx, CLIENT, "s", json!({"batch_window_ms": 30})).await;
    hook(&env, &rx, OTHER, "s", json!({"batch_window_ms": 30})).await;
    let token = env
        .connect(CLIENT, ALEX, "ACTIVITY:WRITE,WELLNESS:WRITE")
        .await;
    env.connect(OTHER, ALEX, "CALENDAR:READ").await;

    let res = env
        .control_raw(
            "POST",
            "tokens/scope",
            Some(json!({"client_id": CLIENT, "athlete_id": ALEX, "scope": "ACTIVITY:WRITE,CALENDAR:READ"})),
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "only narrowing");
    let narrowed = env
        .control(
            "POST",
            "tokens/scope",
            json!({"client_id": CLIENT, "athlete_id": ALEX, "scope": "ACTIVITY:READ"}),
        )
        .await;
    assert_eq!(narrowed["scope"], "ACTIVITY:READ");
    let got = rx.wait_for(CLIENT, 1, 5).await;
    let e = &got[0].body["events"][0];
    assert_eq!(e["type"], "APP_SCOPE_CHANGED");
    assert_eq!(e["athlete_id"], ALEX);
    assert_eq!(e["client_id"], CLIENT);
    assert_eq!(e["client_name"], "Bridge");
    assert_eq!(e["scope"], "ACTIVITY:READ");
    assert_eq!(e["deauthorized"], false);
    // The same token now does less.
    let res = env
        .put(
            &token,
            "/api/v1/athlete/0/wellness-bulk",
            json!([{"id": "2024-05-01", "weight": 70}]),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = env
        .get(&token, "/api/v1/athlete/0/activities?oldest=2024-01-01")
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    // Deauthorization goes to the app concerned, whatever its scope.
    env.control(
        "POST",
        "tokens/revoke",
        json!({"client_id": OTHER, "athlete_id": ALEX}),
    )
    .await;
    let got = rx.wait_for(OTHER, 1, 5).await;
    let e = &got[0].body["events"][0];
    assert_eq!(e["type"], "APP_SCOPE_CHANGED");
    assert_eq!(e["client_id"], OTHER);
    assert_eq!(e["client_name"], "Other App");
    assert_eq!(e["scope"], "");
    assert_eq!(e["deauthorized"], true);
    settle(200).await;
    assert_eq!(rx.got(CLIENT).len(), 1, "CLIENT is not told about OTHER");
    let tokens = env.control("GET", "tokens", json!({})).await;
    let client = tokens
        .as_array()
        .expect("array")
        .iter()
        .find(|t| t["client_id"] == CLIENT)
        .cloned()
        .expect("token");
    assert_eq!(client["scope"], "ACTIVITY:READ");
}

#[tokio::test]
async fn triggers_send_any_event_and_configs_can_be_removed() {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    hook(&env, &rx, CLIENT, "s", json!({"batch_window_ms": 30})).await;
    hook(&env, &rx, OTHER, "s", json!({"batch_window_ms": 30})).await;
    env.connect(CLIENT, ALEX, "ACTIVITY:READ").await;
    env.connect(OTHER, ALEX, "CALENDAR:READ").await;

    // Without client_id: every configured app with an active token, scope ignored.
    let sent = env
        .control(
            "POST",
            "webhooks/trigger",
            json!({"athlete_id": ALEX, "type": "SOMETHING_NEW", "fields": {"records": [], "extra": {"a": 1}}}),
        )
        .await;
    assert_eq!(sent["sent_to"], json!([CLIENT, OTHER]));
    for app in [CLIENT, OTHER] {
        let got = rx.wait_for(app, 1, 5).await;
        let e = &got[0].body["events"][0];
        assert_eq!(e["type"], "SOMETHING_NEW");
        assert_eq!(e["athlete_id"], ALEX);
        assert_eq!(e["records"], json!([]));
        assert_eq!(e["extra"], json!({"a": 1}));
        assert!(e["timestamp"].is_string());
    }
    // With client_id: that app, token or not.
    let sent = env
        .control(
            "POST",
            "webhooks/trigger",
            json!({"client_id": OTHER, "athlete_id": SAM, "type": "FITNESS_UPDATED"}),
        )
        .await;
    assert_eq!(sent["sent_to"], json!([OTHER]));
    let got = rx.wait_for(OTHER, 2, 5).await;
    assert_eq!(got[1].body["events"][0]["athlete_id"], SAM);
    let res = env
        .control_raw(
            "POST",
            "webhooks/trigger",
            Some(json!({"client_id": "nobody", "athlete_id": ALEX, "type": "X"})),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // Bad configurations are refused.
    for bad in [
        json!({"client_id": CLIENT, "url": "not a url", "secret": "s"}),
        json!({"client_id": CLIENT, "url": rx.url(CLIENT), "secret": "s", "duplicate_rate": 2.0}),
        json!({"client_id": CLIENT, "url": rx.url(CLIENT)}),
        json!({"client_id": CLIENT, "url": rx.url(CLIENT), "secret": "s", "colour": "red"}),
    ] {
        let res = env.control_raw("POST", "webhooks", Some(bad.clone())).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{bad}");
    }

    // Removing one, then all: nothing is sent any more.
    let removed = env
        .control_raw("DELETE", "webhooks", Some(json!({"client_id": CLIENT})))
        .await;
    assert_eq!(
        removed.json::<Value>().await.expect("json"),
        json!({"removed": 1})
    );
    let configs = env.control("GET", "webhooks", json!({})).await;
    assert_eq!(configs.as_array().map(Vec::len), Some(1));
    let removed = env.control("DELETE", "webhooks", json!({})).await;
    assert_eq!(removed, json!({"removed": 1}));
    let sent = env
        .control(
            "POST",
            "webhooks/trigger",
            json!({"athlete_id": ALEX, "type": "X"}),
        )
        .await;
    assert_eq!(sent["sent_to"], json!([]));
    settle(200).await;
    assert_eq!(rx.got(CLIENT).len() + rx.got(OTHER).len(), 3);
}
