//! The data lifecycle: the daily retention job deletes only old, finished rows (rows just inside
//! and just outside the window), and deleting a user erases everything held for it, the
//! athlete's token and inbound events going with the athlete's last connection.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use intervals_bridge::db::schema::{
    connect_sessions as cs, events, inbound_events as ie, job_slots, jobs as jobs_table,
    webhook_attempts as wa, webhook_deliveries as wd,
};
use intervals_bridge::db::{self, DbConn};
use intervals_bridge::domain::lifecycle::retention::{self, Purged};
use intervals_bridge::services::jobs::{self, Outcome, WorkerConfig};
use reqwest::multipart::{Form, Part};
use serde_json::{json, Value};

use crate::common::receiver::Receiver;
use crate::common::*;

/// Runs `f` on a pooled connection of the app's database.
async fn on<T, F>(app: &TestApp, f: F) -> T
where
    T: Send + 'static,
    F: FnOnce(&mut DbConn) -> T + Send + 'static,
{
    let pool = app.state.pool.clone();
    actix_web::web::block(move || f(&mut pool.get().unwrap()))
        .await
        .unwrap()
}

/// A one-column query's values, sorted.
async fn set(app: &TestApp, sql: &str) -> BTreeSet<String> {
    app.strings(sql).await.into_iter().collect()
}

fn names(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

const DAYS: u32 = 10;

/// Rows around the retention window: ids ending in `-out` are finished and just older than it
/// (they must go), `-in` ones just inside it, `-old` ones far older but unfinished (or kept by
/// design: failed jobs and deliveries). Two minutes either side of the edge.
async fn seed(app: &TestApp) {
    let tenant = app.tenant.id.clone();
    on(app, move |c| {
        let now = db::now();
        let edge = retention::cutoff(now, DAYS);
        let out = edge - TimeDelta::minutes(2);
        let inside = edge + TimeDelta::minutes(2);
        let old = now - TimeDelta::days(60);
        let job = |c: &mut DbConn, id: &str, status: &str, queue: &str, t: NaiveDateTime| {
            let finished = matches!(status, "done" | "failed").then_some(t);
            let locked = (status == "running").then_some(t);
            diesel::insert_into(jobs_table::table)
                .values((
                    jobs_table::id.eq(id),
                    jobs_table::queue.eq(queue),
                    jobs_table::kind.eq("test.kind"),
                    jobs_table::payload.eq("{}"),
                    jobs_table::status.eq(status),
                    jobs_table::attempts.eq(1),
                    jobs_table::max_attempts.eq(5),
                    jobs_table::run_at.eq(t),
                    jobs_table::locked_until.eq(locked),
                    jobs_table::created_at.eq(t),
                    jobs_table::updated_at.eq(t),
                    jobs_table::finished_at.eq(finished),
                ))
                .execute(c)
                .unwrap();
        };
        job(c, "job-done-out", "done", "idle", out);
        job(
            c,
            "job-done-out2",
            "done",
            "idle",
            out - TimeDelta::hours(5),
        );
        job(c, "job-done-out3", "done", "idle", old);
        job(c, "job-done-in", "done", "idle", inside);
        job(c, "job-failed-old", "failed", "idle", old);
        job(c, "job-queued-old", "queued", "idle", old);
        job(c, "job-running-old", "running", "idle", old);

        let event = |c: &mut DbConn, id: &str, t: NaiveDateTime| {
            diesel::insert_into(events::table)
                .values((
                    events::id.eq(id),
                    events::tenant_id.eq(tenant.as_str()),
                    events::user_id.eq(Some("seeded-user")),
                    events::athlete_id.eq(Some("i1")),
                    events::event_type.eq("activity.uploaded"),
                    events::payload.eq("{}"),
                    events::created_at.eq(t),
                ))
                .execute(c)
                .unwrap();
        };
        let delivery = |c: &mut DbConn, id: &str, status: &str, t: NaiveDateTime| {
            event(c, &format!("ev-{id}"), t);
            let delivered = (status == "succeeded").then_some(t);
            diesel::insert_into(wd::table)
                .values((
                    wd::id.eq(id),
                    wd::event_id.eq(format!("ev-{id}")),
                    wd::tenant_id.eq(tenant.as_str()),
                    wd::url.eq("https://partner.example/hooks"),
                    wd::status.eq(status),
                    wd::attempts.eq(2),
                    wd::created_at.eq(t),
                    wd::updated_at.eq(t),
                    wd::delivered_at.eq(delivered),
                ))
                .execute(c)
                .unwrap();
            for n in 1..=2 {
                diesel::insert_into(wa::table)
                    .values((
                        wa::id.eq(format!("att-{id}-{n}")),
                        wa::delivery_id.eq(id),
                        wa::attempt.eq(n),
                        wa::status_code.eq(Some(if n == 1 { 500 } else { 200 })),
                        wa::latency_ms.eq(12i64),
                        wa::created_at.eq(t),
                    ))
                    .execute(c)
                    .unwrap();
            }
        };
        delivery(c, "del-sent-out", "succeeded", out);
        delivery(c, "del-sent-out2", "succeeded", out - TimeDelta::days(3));
        delivery(c, "del-sent-out3", "succeeded", old);
        delivery(c, "del-sent-in", "succeeded", inside);
        delivery(c, "del-pending-old", "pending", old);
        delivery(c, "del-failed-old", "failed", old);
        delivery(c, "del-disabled-old", "disabled", old);
        // An old event whose delivery is recent stays with it.
        diesel::update(events::table.find("ev-del-sent-in"))
            .set(events::created_at.eq(old))
            .execute(c)
            .unwrap();
        event(c, "ev-bare-out", out);
        event(c, "ev-bare-in", inside);

        let inbound = |c: &mut DbConn, id: &str, received: NaiveDateTime, routed: bool| {
            diesel::insert_into(ie::table)
                .values((
                    ie::id.eq(id),
                    ie::dedupe_hash.eq(format!("hash-{id}")),
                    ie::athlete_id.eq(Some("i1")),
                    ie::event_type.eq("ACTIVITY_UPLOADED"),
                    ie::payload.eq("{}"),
                    ie::received_at.eq(received),
                    ie::routed_at.eq(routed.then_some(received)),
                ))
                .execute(c)
                .unwrap();
        };
        inbound(c, "in-routed-out", out, true);
        inbound(c, "in-routed-out2", old, true);
        inbound(c, "in-routed-in", inside, true);
        inbound(c, "in-unrouted-old", old, false);

        let session = |c: &mut DbConn, id: &str, status: &str, created: NaiveDateTime| {
            diesel::insert_into(cs::table)
                .values((
                    cs::id.eq(id),
                    cs::tenant_id.eq(tenant.as_str()),
                    cs::user_id.eq("seeded-user"),
                    cs::scopes.eq("ACTIVITY:WRITE"),
                    cs::status.eq(status),
                    cs::created_at.eq(created),
                    cs::expires_at.eq(created + TimeDelta::minutes(30)),
                    cs::used_at.eq((status != "pending").then_some(created)),
                    cs::completed_at
                        .eq(matches!(status, "completed" | "failed").then_some(created)),
                ))
                .execute(c)
                .unwrap();
        };
        session(c, "cs-completed-out", "completed", out);
        session(c, "cs-failed-out", "failed", out);
        session(
            c,
            "cs-authorizing-out",
            "authorizing",
            out - TimeDelta::days(1),
        );
        session(c, "cs-completed-in", "completed", inside);
        // Pending links are judged by their expiry: expired just before the edge, just after it,
        // and one (created long ago) that is still valid.
        session(c, "cs-pending-out", "pending", out - TimeDelta::minutes(30));
        session(
            c,
            "cs-pending-in",
            "pending",
            inside - TimeDelta::minutes(30),
        );
        session(c, "cs-pending-old", "pending", old);
        diesel::update(cs::table.find("cs-pending-old"))
            .set(cs::expires_at.eq(now + TimeDelta::minutes(10)))
            .execute(c)
            .unwrap();

        diesel::insert_into(job_slots::table)
            .values((
                job_slots::name.eq("test-slot"),
                job_slots::slot.eq("2000-01-01"),
                job_slots::claimed_by.eq("test"),
                job_slots::claimed_at.eq(old),
            ))
            .execute(c)
            .unwrap();
    })
    .await;
}

/// Only the `-out` rows are gone: everything inside the window, and everything unfinished (or
/// kept by design) whatever its age, is still there.
async fn assert_only_old_finished_rows_went(app: &TestApp) {
    assert_eq!(
        set(app, "SELECT id AS v FROM jobs WHERE id LIKE 'job-%'").await,
        names(&[
            "job-done-in",
            "job-failed-old",
            "job-queued-old",
            "job-running-old"
        ])
    );
    assert_eq!(
        set(app, "SELECT id AS v FROM webhook_deliveries").await,
        names(&[
            "del-sent-in",
            "del-pending-old",
            "del-failed-old",
            "del-disabled-old"
        ])
    );
    assert_eq!(
        set(app, "SELECT delivery_id AS v FROM webhook_attempts").await,
        names(&[
            "del-sent-in",
            "del-pending-old",
            "del-failed-old",
            "del-disabled-old"
        ]),
        "the attempts of a purged delivery go with it"
    );
    assert_eq!(
        set(app, "SELECT id AS v FROM events").await,
        names(&[
            "ev-del-sent-in",
            "ev-del-pending-old",
            "ev-del-failed-old",
            "ev-del-disabled-old",
            "ev-bare-in"
        ])
    );
    assert_eq!(
        set(app, "SELECT id AS v FROM inbound_events").await,
        names(&["in-routed-in", "in-unrouted-old"])
    );
    assert_eq!(
        set(app, "SELECT id AS v FROM connect_sessions").await,
        names(&["cs-completed-in", "cs-pending-in", "cs-pending-old"])
    );
    assert!(set(
        app,
        "SELECT slot AS v FROM job_slots WHERE name = 'test-slot'"
    )
    .await
    .is_empty());
}

fn retention_env() -> Vec<(&'static str, String)> {
    vec![("BRIDGE_RETENTION_DAYS", DAYS.to_string())]
}

/// The daily slot enqueues the purge once (however many instances claim it), and the registered
/// job deletes only what is finished and older than `BRIDGE_RETENTION_DAYS`.
#[actix_web::test]
async fn the_daily_retention_job_deletes_only_old_finished_rows() {
    let app = TestApp::spawn_with(Options {
        no_background: true,
        env: retention_env(),
        ..Default::default()
    })
    .await;
    seed(&app).await;
    let today = db::now().date();
    let claims = on(&app, move |c| {
        ["instance-1", "instance-2"].map(|who| {
            jobs::run_slot(c, retention::SLOT, today, who, retention::enqueue_daily).unwrap()
        })
    })
    .await;
    assert_eq!(claims, [true, false], "one instance wins the day's slot");
    let registry = intervals_bridge::app::registry();
    let config = WorkerConfig::new(retention::QUEUE);
    let report = jobs::run_one(&app.state.pool, &registry, &app.state, &config)
        .await
        .unwrap()
        .expect("the slot queued the purge");
    assert_eq!(report.kind, retention::PURGE);
    assert_eq!(report.outcome, Outcome::Done);
    assert!(
        jobs::run_one(&app.state.pool, &registry, &app.state, &config)
            .await
            .unwrap()
            .is_none()
    );
    assert_only_old_finished_rows_went(&app).await;
}

/// In small batches the purge takes several passes and still stops at the same rows.
#[actix_web::test]
async fn purging_in_small_batches_deletes_the_same_rows() {
    let app = TestApp::spawn_with(Options {
        no_background: true,
        env: retention_env(),
        ..Default::default()
    })
    .await;
    seed(&app).await;
    let before = retention::cutoff(db::now(), DAYS);
    let purged = retention::purge(&app.state.pool, before, 2).await.unwrap();
    assert_eq!(
        purged,
        Purged {
            jobs: 3,
            deliveries: 3,
            events: 4,
            inbound_events: 2,
            connect_sessions: 4,
            dashboard_sessions: 0,
            job_slots: 1,
            idempotency_keys: 0,
        }
    );
    assert_only_old_finished_rows_went(&app).await;
    let again = retention::purge(&app.state.pool, before, 2).await.unwrap();
    assert_eq!(again, Purged::default(), "a second run finds nothing");
}

/// `serve` runs it by itself: an instance that starts claims the day's retention slot (a run
/// missed while nothing was running is caught up) and its maintenance worker does the purge.
#[actix_web::test]
async fn a_starting_instance_runs_the_days_retention() {
    let (sandbox, sandbox_url, _sandbox_server) = start_sandbox().await;
    let db = Arc::new(TestDb::new());
    let keys = intervals_bridge::support::crypto::Keyring::generate_spec("k1");
    let mut seeding = TestApp::spawn_with(Options {
        no_background: true,
        env: retention_env(),
        keys_spec: Some(keys.clone()),
        db: Some(db.clone()),
        sandbox: Some((sandbox.clone(), sandbox_url.clone())),
    })
    .await;
    seed(&seeding).await;
    seeding.stop().await;
    drop(seeding);
    let app = TestApp::spawn_with(Options {
        env: retention_env(),
        keys_spec: Some(keys),
        db: Some(db),
        sandbox: Some((sandbox, sandbox_url)),
        ..Default::default()
    })
    .await;
    eventually(20, "the retention job", || async {
        app.strings("SELECT status AS v FROM jobs WHERE kind = 'retention.purge'")
            .await
            == ["done"]
    })
    .await;
    assert_only_old_finished_rows_went(&app).await;
}

const ATHLETE: &str = "i317960";
/// Distinctive values, so a dump of the database shows whether anything of them is left.
const USER_A: &str = "erase-me-5d1c0a";
const USER_B: &str = "keep-me-9e2f7b";
const A_PUSHED_WEIGHT: &str = "73.91";
const A_PENDING_HRV: &str = "87.64";
const B_PUSHED_WEIGHT: &str = "66.18";

/// Every row of every table, as text.
async fn dump(app: &TestApp) -> String {
    let tables = if using_postgres() {
        app.strings(
            "SELECT CAST(table_name AS TEXT) AS v FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
        )
        .await
    } else {
        app.strings(
            "SELECT name AS v FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .await
    };
    assert!(tables.len() >= 12, "{tables:?}");
    let mut out = String::new();
    for t in tables {
        // dump_table takes a 'static name; a few leaked table names are fine in a test.
        let rows = app.dump_table(Box::leak(t.clone().into_boxed_str())).await;
        out.push_str(&format!("== {t}\n{rows}\n"));
    }
    out
}

async fn put_wellness(app: &TestApp, key: &str, user: &str, query: &str, body: Value) {
    let resp = app
        .api
        .put(app.url(&format!("/v1/users/{user}/wellness{query}")))
        .bearer_auth(key)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202, "{}", resp.text().await.unwrap());
}

async fn pending_days(app: &TestApp, key: &str, user: &str) -> usize {
    let v: Value = app
        .get(key, &format!("/v1/users/{user}/wellness/pending"))
        .await
        .json()
        .await
        .unwrap();
    v["data"].as_array().unwrap().len()
}

async fn upload(app: &TestApp, key: &str, user: &str, external_id: &str, serial: u32) {
    let form = Form::new()
        .part(
            "file",
            Part::bytes(crate::common::files::fit(1_763_600_000, serial)).file_name("ride.fit"),
        )
        .text("external_id", external_id.to_owned());
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

/// The user's delivery ids and event ids, and whether every delivery succeeded.
async fn outbox_of(app: &TestApp, user: &str) -> (Vec<String>, Vec<String>, bool) {
    let deliveries = app
        .strings(&format!(
            "SELECT d.id || ':' || d.status AS v FROM webhook_deliveries d \
             JOIN events e ON e.id = d.event_id WHERE e.user_id = '{user}'"
        ))
        .await;
    let events = app
        .strings(&format!(
            "SELECT id AS v FROM events WHERE user_id = '{user}'"
        ))
        .await;
    let all_sent = deliveries.iter().all(|d| d.ends_with(":succeeded"));
    let ids = deliveries
        .iter()
        .map(|d| d.split(':').next().unwrap().to_owned())
        .collect();
    (ids, events, all_sent)
}

async fn count(app: &TestApp, sql: &str) -> usize {
    app.strings(sql).await.len()
}

#[actix_web::test]
async fn deleting_a_user_erases_it_and_the_athlete_goes_with_its_last_connection() {
    let app = TestApp::spawn().await;
    let key_a = app.tenant.api_key.clone();
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    // ACTIVITY_ANALYZED at once: the sandbox only sends webhooks once they are configured below,
    // so the uploads' own events are not sent and the test decides which events exist.
    app.sandbox_post("/_sandbox/settings", json!({"analyzed_delay_ms": 0}))
        .await;
    let (ra, rb) = (Receiver::start().await, Receiver::start().await);
    app.set_webhook(&app.tenant.id, &ra.url).await;
    app.set_webhook(&b.id, &rb.url).await;
    connect_ok(&app, &key_a, USER_A, ATHLETE).await;
    connect_ok(&app, &b.api_key, USER_B, ATHLETE).await;

    // Wellness: pushed and pending for A, pushed for B; an upload record each.
    put_wellness(
        &app,
        &key_a,
        USER_A,
        "?push=now",
        json!([{"id": "2026-11-02", "weight": 73.91}]),
    )
    .await;
    put_wellness(
        &app,
        &b.api_key,
        USER_B,
        "?push=now",
        json!([{"id": "2026-11-04", "weight": 66.18}]),
    )
    .await;
    eventually(20, "the wellness pushes", || async {
        pending_days(&app, &key_a, USER_A).await == 0
            && pending_days(&app, &b.api_key, USER_B).await == 0
    })
    .await;
    put_wellness(
        &app,
        &key_a,
        USER_A,
        "",
        json!([{"id": "2026-11-03", "hrv": 87.64}]),
    )
    .await;
    upload(&app, &key_a, USER_A, "ride-of-a", 71_001).await;
    upload(&app, &b.api_key, USER_B, "ride-of-b", 71_002).await;
    // A link A's user has not used yet is held for it too.
    app.connect_url(&key_a, json!({"user_id": USER_A})).await;

    // Intervals.icu events about the athlete, routed to both users.
    app.sandbox_webhooks_to_bridge(json!({})).await;
    app.sandbox_post(
        "/_sandbox/webhooks/trigger",
        json!({"client_id": CLIENT_ID, "athlete_id": ATHLETE, "type": "ACTIVITY_UPLOADED",
               "fields": {"activity": {"id": "i9001", "name": "Erasure ride"}}}),
    )
    .await;
    eventually(20, "every delivery", || async {
        let (a, _, a_sent) = outbox_of(&app, USER_A).await;
        let (b, _, b_sent) = outbox_of(&app, USER_B).await;
        // connection.created, wellness.pushed, activity.uploaded each.
        a.len() == 3 && b.len() == 3 && a_sent && b_sent
    })
    .await;
    let (a_deliveries, a_events, _) = outbox_of(&app, USER_A).await;
    let mut needles: Vec<&str> = vec![USER_A, A_PUSHED_WEIGHT, A_PENDING_HRV, "ride-of-a"];
    needles.extend(a_deliveries.iter().map(String::as_str));
    needles.extend(a_events.iter().map(String::as_str));
    let before = dump(&app).await;
    for needle in &needles {
        assert!(before.contains(needle), "the dump shows {needle} before");
    }
    assert_eq!(count(&app, "SELECT id AS v FROM inbound_events").await, 1);

    assert_eq!(
        app.delete(&key_a, &format!("/v1/users/{USER_A}"))
            .await
            .status(),
        204
    );
    // Nothing of A's user is left anywhere: not its id, its wellness values, its upload record,
    // its events, deliveries (or the jobs that sent them) or their attempts.
    let after = dump(&app).await;
    for needle in &needles {
        assert!(!after.contains(needle), "{needle} is still held:\n{after}");
    }
    // B's user of the same athlete keeps everything, the shared token and the athlete's
    // inbound events included, and still works.
    assert_eq!(count(&app, "SELECT id AS v FROM tokens").await, 1);
    assert_eq!(count(&app, "SELECT id AS v FROM inbound_events").await, 1);
    assert!(after.contains(USER_B) && after.contains(B_PUSHED_WEIGHT));
    assert_eq!(
        count(
            &app,
            "SELECT external_id AS v FROM uploads WHERE external_id = 'ride-of-b'"
        )
        .await,
        1
    );
    let (b_deliveries, _, _) = outbox_of(&app, USER_B).await;
    assert_eq!(b_deliveries.len(), 3);
    let user: Value = app
        .get(&b.api_key, &format!("/v1/users/{USER_B}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(user["status"], "active");
    let listed = app
        .get(&b.api_key, &format!("/v1/users/{USER_B}/activities"))
        .await;
    assert_eq!(listed.status(), 200, "the shared token still works");
    let upstream = app.sandbox_tokens().await;
    assert!(upstream.iter().any(|t| t["status"] == "active"));

    // The athlete's last connection: the token (revoked upstream) and its inbound events go.
    assert_eq!(
        app.delete(&b.api_key, &format!("/v1/users/{USER_B}"))
            .await
            .status(),
        204
    );
    let last = dump(&app).await;
    for needle in [USER_B, B_PUSHED_WEIGHT, "Erasure ride", "i9001"]
        .into_iter()
        .chain(b_deliveries.iter().map(String::as_str))
    {
        assert!(!last.contains(needle), "{needle} is still held:\n{last}");
    }
    for table in [
        "tokens",
        "connections",
        "connect_sessions",
        "inbound_events",
        "events",
        "webhook_deliveries",
        "webhook_attempts",
        "wellness_records",
        "uploads",
    ] {
        assert_eq!(
            count(&app, &format!("SELECT id AS v FROM {table}")).await,
            0,
            "{table} is empty"
        );
    }
    assert!(app
        .sandbox_tokens()
        .await
        .iter()
        .all(|t| t["status"] != "active"));
    // Nothing else arrives for the deleted users later.
    actix_web::rt::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(count(&app, "SELECT id AS v FROM events").await, 0);
}
