//! Retention: once a day (a `job_slots` slot, so one instance of many runs it) a job deletes what
//! has served its purpose for longer than `BRIDGE_RETENTION_DAYS`, in short batches so a large
//! backlog never holds one long transaction. What is unfinished stays whatever its age.

use std::ops::AddAssign;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use diesel::QueryResult;
use serde::{Deserialize, Serialize};

use crate::db::models::{ConnectSession, DashboardSession, Delivery, Event, InboundEvent};
use crate::db::{self, write_tx, DbConn, DbError, DbPool};
use crate::services::jobs::{self, Job, NewJob};
use crate::services::state::AppState;

/// The queue of housekeeping jobs (one worker per instance).
pub const QUEUE: &str = "maintenance";
/// The job kind that deletes what is past retention.
pub const PURGE: &str = "retention.purge";
/// The daily slot's name in `job_slots`.
pub const SLOT: &str = "retention";
/// Rows of one kind deleted per transaction.
pub const BATCH: i64 = 500;

/// When the daily run starts (UTC): after the default wellness push, at a quiet hour.
pub fn daily_at() -> NaiveTime {
    NaiveTime::from_hms_opt(4, 0, 0).expect("valid time")
}

/// Rows deleted, by kind.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Purged {
    /// `done` jobs (failed ones stay for operators to see).
    pub jobs: usize,
    /// Succeeded webhook deliveries, each with its attempts.
    pub deliveries: usize,
    /// Tenant events no delivery refers to any more.
    pub events: usize,
    /// Routed Intervals.icu webhook events.
    pub inbound_events: usize,
    /// Spent connect sessions.
    pub connect_sessions: usize,
    /// Expired partner dashboard sessions (whatever their age: they let no one in any more).
    pub dashboard_sessions: usize,
    /// Claimed daily slots.
    pub job_slots: usize,
    /// `Idempotency-Key`s older than 24 hours (whatever the retention).
    pub idempotency_keys: usize,
}

impl AddAssign for Purged {
    fn add_assign(&mut self, o: Purged) {
        self.jobs += o.jobs;
        self.deliveries += o.deliveries;
        self.events += o.events;
        self.inbound_events += o.inbound_events;
        self.connect_sessions += o.connect_sessions;
        self.dashboard_sessions += o.dashboard_sessions;
        self.job_slots += o.job_slots;
        self.idempotency_keys += o.idempotency_keys;
    }
}

impl std::fmt::Display for Purged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} job(s), {} webhook delivery(ies), {} event(s), {} inbound event(s), {} connect session(s), {} dashboard session(s), {} slot(s), {} idempotency key(s)",
            self.jobs,
            self.deliveries,
            self.events,
            self.inbound_events,
            self.connect_sessions,
            self.dashboard_sessions,
            self.job_slots,
            self.idempotency_keys
        )
    }
}

/// Deletes what is past retention: the day's slot run.
#[derive(Debug, Serialize, Deserialize)]
pub struct PurgeJob {
    pub slot: String,
}

impl Job for PurgeJob {
    const QUEUE: &'static str = QUEUE;
    const KIND: &'static str = PURGE;

    fn dedupe_key(&self) -> Option<String> {
        Some(format!("{PURGE}:{}", self.slot))
    }
}

/// What is older than this is past retention.
pub fn cutoff(now: NaiveDateTime, days: u32) -> NaiveDateTime {
    now - TimeDelta::days(i64::from(days))
}

/// Called by the winner of the day's slot, in the claim's transaction.
pub fn enqueue_daily(conn: &mut DbConn, slot: NaiveDate) -> QueryResult<()> {
    let job = PurgeJob {
        slot: jobs::slot_key(slot),
    };
    jobs::enqueue(conn, &NewJob::of(&job)).map(|_| ())
}

pub fn register(registry: &mut jobs::Registry<Arc<AppState>>) {
    registry.register_job(|state: Arc<AppState>, job: PurgeJob| async move {
        let before = cutoff(db::now(), state.config.retention_days);
        let purged = purge(&state.pool, before, BATCH).await?;
        log::info!(
            "retention ({}): deleted {purged} older than {before}",
            job.slot
        );
        Ok(())
    });
}

/// One batch of each kind, each in its own short transaction. Deliveries go before events, so
/// an event whose last delivery went can follow in the next pass.
pub fn purge_step(conn: &mut DbConn, before: NaiveDateTime, batch: i64) -> QueryResult<Purged> {
    Ok(Purged {
        deliveries: write_tx(conn, |c| Delivery::purge_succeeded_before(c, before, batch))?,
        events: write_tx(conn, |c| Event::purge_undelivered_before(c, before, batch))?,
        jobs: write_tx(conn, |c| jobs::prune_done(c, before, batch))?,
        inbound_events: write_tx(conn, |c| {
            InboundEvent::purge_routed_before(c, before, batch)
        })?,
        connect_sessions: write_tx(conn, |c| {
            ConnectSession::purge_spent_before(c, before, batch)
        })?,
        dashboard_sessions: write_tx(conn, |c| {
            DashboardSession::purge_expired(c, db::now(), batch)
        })?,
        job_slots: write_tx(conn, |c| jobs::prune_slots(c, before))?,
        idempotency_keys: write_tx(conn, |c| {
            crate::db::models::IdempotencyKey::purge_expired(c, db::now())
        })?,
    })
}

/// Deletes everything past retention (`before`), `batch` rows of a kind at a time, until a pass
/// finds less than a full batch of every kind. Returns the totals.
pub async fn purge(pool: &DbPool, before: NaiveDateTime, batch: i64) -> Result<Purged, DbError> {
    let batch = batch.max(1);
    let mut total = Purged::default();
    loop {
        let step = db::run(pool, move |c| {
            Ok::<_, DbError>(purge_step(c, before, batch)?)
        })
        .await?;
        total += step;
        let full = [
            step.jobs,
            step.deliveries,
            step.events,
            step.inbound_events,
            step.connect_sessions,
            step.dashboard_sessions,
        ]
        .iter()
        .any(|&n| n as i64 >= batch);
        if !full {
            return Ok(total);
        }
    }
}
