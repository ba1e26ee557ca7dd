//! The data lifecycle: the daily retention job deletes only old, finished rows (rows just inside
//! and just outside the window).

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use intervals_bridge::db::schema::{
    connect_sessions as cs, events, inbound_events as ie, job_slots, jobs as jobs_table,
    webhook_attempts as wa, webhook_deliveries as wd,
};
use intervals_bridge::db::{self, DbConn};
use intervals_bridge::jobs::{self, Outcome, WorkerConfig};
use intervals_bridge::lifecycle::retention::{self, Purged};

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
            job_slots: 1,
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
    let keys = intervals_bridge::crypto::Keyring::generate_spec("k1");
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
