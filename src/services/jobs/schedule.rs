//! Once-a-day work across many instances: every instance tries to insert the day's `(name, slot)`
//! row, and only the one that succeeds runs the slot, in the same transaction as the claim.

use std::sync::Arc;
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use tokio::sync::watch;

use super::worker::{pause, stopping, WorkerHandle};
use crate::db::schema::job_slots;
use crate::db::{self, DbConn, DbPool};

/// After a failed claim (database down), try again this soon.
const RETRY_CLAIM: Duration = Duration::from_secs(30);
/// Longest single sleep: tokio sleeps on a monotonic clock, so re-reading the wall clock now and
/// then keeps a suspended host or a clock step from pushing the run far off its time.
const MAX_SLEEP: Duration = Duration::from_secs(300);

/// Claims `(name, slot)` for `instance`: true for the first caller ever, false for everyone else.
/// Works inside the caller's transaction (the insert runs in a savepoint).
pub fn claim_slot(conn: &mut DbConn, name: &str, slot: &str, instance: &str) -> QueryResult<bool> {
    // Looking first spares PostgreSQL's log a unique-violation error on every restart. Not on
    // SQLite: there the insert must be the transaction's first statement so that it waits for
    // the write lock (a read first would turn a concurrent claim into an immediate SQLITE_BUSY).
    if let DbConn::Postgresql(_) = conn {
        let taken = job_slots::table
            .find((name, slot))
            .select(job_slots::claimed_by)
            .first::<String>(conn)
            .optional()?;
        if taken.is_some() {
            return Ok(false);
        }
    }
    let inserted = conn.transaction(|c| {
        diesel::insert_into(job_slots::table)
            .values((
                job_slots::name.eq(name),
                job_slots::slot.eq(slot),
                job_slots::claimed_by.eq(instance),
                job_slots::claimed_at.eq(db::now()),
            ))
            .execute(c)
    });
    match inserted {
        Ok(_) => Ok(true),
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Forgets slots claimed before `older_than`: only the latest slot is ever claimed again.
pub fn prune_slots(conn: &mut DbConn, older_than: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(job_slots::table.filter(job_slots::claimed_at.lt(older_than))).execute(conn)
}

/// The slot name of a day: `YYYY-MM-DD`.
pub fn slot_key(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Claims the day's slot and, if won, runs `on_claim` in the same transaction, so a crash cannot
/// leave a claimed slot whose work was never enqueued. True when this call ran it.
pub fn run_slot<F>(
    conn: &mut DbConn,
    name: &str,
    date: NaiveDate,
    instance: &str,
    on_claim: F,
) -> QueryResult<bool>
where
    F: FnOnce(&mut DbConn, NaiveDate) -> QueryResult<()>,
{
    conn.transaction(|c| {
        if !claim_slot(c, name, &slot_key(date), instance)? {
            return Ok(false);
        }
        on_claim(c, date)?;
        Ok(true)
    })
}

/// The day of the most recent slot at or before `now` (today once `at` has passed, else
/// yesterday): the one slot worth catching up after downtime.
pub fn latest_slot(now: NaiveDateTime, at: NaiveTime) -> NaiveDate {
    if now.time() >= at {
        now.date()
    } else {
        now.date().pred_opt().unwrap_or(now.date())
    }
}

/// The first slot time strictly after `now`.
pub fn next_slot_time(now: NaiveDateTime, at: NaiveTime) -> NaiveDateTime {
    let today = now.date().and_time(at);
    if today > now {
        today
    } else {
        now.date().succ_opt().unwrap_or(now.date()).and_time(at)
    }
}

/// Runs `on_claim` once a day at `at` (UTC) across all instances: each instance tries to claim
/// the day's slot and only the winner's `on_claim` runs (typically to enqueue jobs). On start,
/// the most recent slot is claimed if nobody did, so a run missed during downtime happens late
/// rather than never; older missed days are not replayed.
pub fn spawn_daily<F>(
    pool: DbPool,
    name: &str,
    at: NaiveTime,
    instance: &str,
    on_claim: F,
) -> WorkerHandle
where
    F: Fn(&mut DbConn, NaiveDate) -> QueryResult<()> + Send + Sync + 'static,
{
    let (stop, watch) = watch::channel(false);
    let task = tokio::spawn(daily(
        pool,
        name.to_owned(),
        at,
        instance.to_owned(),
        Arc::new(on_claim),
        watch,
    ));
    WorkerHandle {
        stop,
        tasks: vec![task],
    }
}

async fn daily<F>(
    pool: DbPool,
    name: String,
    at: NaiveTime,
    instance: String,
    on_claim: Arc<F>,
    mut stop: watch::Receiver<bool>,
) where
    F: Fn(&mut DbConn, NaiveDate) -> QueryResult<()> + Send + Sync + 'static,
{
    let mut settled: Option<NaiveDate> = None;
    while !stopping(&stop) {
        let date = latest_slot(db::now(), at);
        let mut wait = None;
        if settled != Some(date) {
            let (slot_name, instance, on_claim) =
                (name.clone(), instance.clone(), on_claim.clone());
            let claimed = crate::db::run(&pool, move |c| {
                Ok::<_, anyhow::Error>(run_slot(c, &slot_name, date, &instance, |c, d| {
                    on_claim(c, d)
                })?)
            })
            .await;
            match claimed {
                Ok(won) => {
                    if won {
                        log::info!("{name}: this instance claimed the {date} slot");
                    }
                    settled = Some(date);
                }
                Err(e) => {
                    log::warn!("{name}: claiming the {date} slot: {e:#}");
                    wait = Some(RETRY_CLAIM);
                }
            }
        }
        let now = db::now();
        let until_next = (next_slot_time(now, at) - now).to_std().unwrap_or_default();
        pause(
            &mut stop,
            wait.unwrap_or(until_next).min(until_next).min(MAX_SLEEP),
        )
        .await;
    }
}
