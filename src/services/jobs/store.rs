//! The `jobs` table: enqueueing, leasing a due job (SKIP LOCKED on PostgreSQL, a short immediate
//! transaction on SQLite), heartbeats, and finishing under the lease holder's fence.

use std::collections::HashMap;
use std::time::Duration;

use chrono::{NaiveDateTime, SubsecRound, TimeDelta};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel::sql_types::{BigInt, Text, Timestamp};
use diesel::SqliteConnection;

use super::error::JobError;
use crate::db::schema::jobs;
use crate::db::{self, DbConn};
use crate::support::backoff::RetryPolicy;

use crate::db::types::JobStatus;

/// Attempts a job gets unless it says otherwise.
pub const DEFAULT_MAX_ATTEMPTS: i32 = 5;

/// `last_error` is for people; keep a runaway error body from bloating the row.
const MAX_ERROR_LEN: usize = 2000;

/// A row of `jobs`.
#[derive(Debug, Clone, PartialEq, Queryable, QueryableByName, Selectable, Insertable)]
#[diesel(table_name = jobs)]
pub struct JobRow {
    pub id: String,
    pub queue: String,
    pub kind: String,
    /// JSON text.
    pub payload: String,
    pub status: JobStatus,
    /// Attempts started so far, the current one included while running.
    pub attempts: i32,
    pub max_attempts: i32,
    pub run_at: NaiveDateTime,
    pub locked_until: Option<NaiveDateTime>,
    pub locked_by: Option<String>,
    pub last_error: Option<String>,
    pub dedupe_key: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
}

/// A job to enqueue.
#[derive(Debug, Clone, PartialEq)]
pub struct NewJob {
    pub queue: String,
    pub kind: String,
    pub payload: serde_json::Value,
    /// Not before this time (naive UTC).
    pub run_at: NaiveDateTime,
    pub max_attempts: i32,
    /// While a job with this key is queued or running, enqueueing another is a no-op.
    pub dedupe_key: Option<String>,
}

impl NewJob {
    /// Due now, [`DEFAULT_MAX_ATTEMPTS`], no dedupe key.
    pub fn new(queue: &str, kind: &str, payload: serde_json::Value) -> NewJob {
        NewJob {
            queue: queue.to_owned(),
            kind: kind.to_owned(),
            payload,
            run_at: db::now(),
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            dedupe_key: None,
        }
    }

    pub fn run_at(mut self, at: NaiveDateTime) -> NewJob {
        self.run_at = at;
        self
    }

    pub fn max_attempts(mut self, n: i32) -> NewJob {
        self.max_attempts = n.max(1);
        self
    }

    pub fn dedupe_key(mut self, key: impl Into<String>) -> NewJob {
        self.dedupe_key = Some(key.into());
        self
    }
}

/// What became of a finished attempt.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Done,
    /// Failed; queued again for `at`.
    Retrying {
        at: NaiveDateTime,
        error: String,
    },
    /// Failed for good (retry cap reached or a permanent error); visible as `status = 'failed'`.
    Failed {
        error: String,
    },
    /// Handed back without spending an attempt ([`JobError::defer`]); queued again for `at`.
    Deferred {
        at: NaiveDateTime,
    },
    /// Our lease had expired and another worker took the job over, so the result was dropped.
    LeaseLost,
}

fn is_unique_violation(e: &DieselError) -> bool {
    matches!(
        e,
        DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)
    )
}

/// `now + d` at the precision both backends store.
pub(crate) fn after(now: NaiveDateTime, d: Duration) -> NaiveDateTime {
    let d = TimeDelta::from_std(d).unwrap_or(TimeDelta::MAX);
    now.checked_add_signed(d)
        .unwrap_or(NaiveDateTime::MAX)
        .trunc_subsecs(6)
}

fn truncate(message: &str) -> String {
    match message.char_indices().nth(MAX_ERROR_LEN) {
        Some((cut, _)) => format!("{}…", &message[..cut]),
        None => message.to_owned(),
    }
}

/// Enqueues a job (inside the caller's transaction, if any) and returns its id, or `None` when an
/// unfinished job with the same `dedupe_key` exists.
pub fn enqueue(conn: &mut DbConn, job: &NewJob) -> QueryResult<Option<String>> {
    // On SQLite the look-first is skipped: a read before the insert would make a caller's
    // deferred transaction fail with SQLITE_BUSY (no waiting) if another writer commits between
    // them. The unique index decides alone there.
    let look_first = matches!(conn, DbConn::Postgresql(_));
    if let (Some(key), true) = (&job.dedupe_key, look_first) {
        let pending = jobs::table
            .filter(jobs::dedupe_key.eq(key))
            .filter(jobs::status.eq_any([JobStatus::Queued, JobStatus::Running]))
            .select(jobs::id)
            .first::<String>(conn)
            .optional()?;
        if pending.is_some() {
            return Ok(None);
        }
    }
    let now = db::now();
    let row = JobRow {
        id: db::new_id(),
        queue: job.queue.clone(),
        kind: job.kind.clone(),
        payload: job.payload.to_string(),
        status: JobStatus::Queued,
        attempts: 0,
        max_attempts: job.max_attempts.max(1),
        run_at: job.run_at.trunc_subsecs(6),
        locked_until: None,
        locked_by: None,
        last_error: None,
        dedupe_key: job.dedupe_key.clone(),
        created_at: now,
        updated_at: now,
        finished_at: None,
    };
    // The look-first races with other enqueuers; the partial unique index settles it. The
    // savepoint keeps a PostgreSQL caller's transaction usable after the violation.
    let inserted = conn.transaction(|c| diesel::insert_into(jobs::table).values(&row).execute(c));
    match inserted {
        Ok(_) => {
            super::worker::wake(&row.queue);
            Ok(Some(row.id))
        }
        Err(e) if job.dedupe_key.is_some() && is_unique_violation(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Takes `key` off the running job that holds it, from a job's own [`super::Finish`] (so in the
/// transaction that completes it): the job can then queue its successor under the same key, and
/// the successor is the one unfinished job with it. True when a running job held the key.
pub fn release_dedupe_key(conn: &mut DbConn, key: &str) -> QueryResult<bool> {
    diesel::update(
        jobs::table
            .filter(jobs::dedupe_key.eq(key))
            .filter(jobs::status.eq(JobStatus::Running)),
    )
    .set(jobs::dedupe_key.eq(None::<String>))
    .execute(conn)
    .map(|n| n > 0)
}

/// Rows per multi-row INSERT of [`enqueue_many`] (15 columns: well under both backends' limit
/// on bound parameters).
const ENQUEUE_ROWS: usize = 500;

/// Enqueues many jobs (inside the caller's transaction, if any) with multi-row inserts; a job
/// whose `dedupe_key` is already queued or running (or repeated in `batch`) is skipped, as
/// [`enqueue`] would. Returns how many were queued.
pub fn enqueue_many(conn: &mut DbConn, batch: &[NewJob]) -> QueryResult<usize> {
    let now = db::now();
    let rows: Vec<JobRow> = batch
        .iter()
        .map(|job| JobRow {
            id: db::new_id(),
            queue: job.queue.clone(),
            kind: job.kind.clone(),
            payload: job.payload.to_string(),
            status: JobStatus::Queued,
            attempts: 0,
            max_attempts: job.max_attempts.max(1),
            run_at: job.run_at.trunc_subsecs(6),
            locked_until: None,
            locked_by: None,
            last_error: None,
            dedupe_key: job.dedupe_key.clone(),
            created_at: now,
            updated_at: now,
            finished_at: None,
        })
        .collect();
    let mut queued = 0;
    for chunk in rows.chunks(ENQUEUE_ROWS) {
        // The partial unique index on unfinished dedupe keys is the only unique index a new row
        // can meet (ids are fresh), so "do nothing" skips exactly the duplicates.
        queued += match conn {
            DbConn::Postgresql(pg) => diesel::insert_into(jobs::table)
                .values(chunk)
                .on_conflict_do_nothing()
                .execute(pg)?,
            // Row by row: SQLite's multi-row insert takes no conflict clause in diesel, and
            // without a network round trip per statement it costs little more.
            DbConn::Sqlite(lite) => {
                let mut n = 0;
                for row in chunk {
                    n += diesel::insert_into(jobs::table)
                        .values(row)
                        .on_conflict_do_nothing()
                        .execute(lite)?;
                }
                n
            }
        };
    }
    for queue in batch
        .iter()
        .map(|j| j.queue.as_str())
        .collect::<std::collections::BTreeSet<_>>()
    {
        super::worker::wake(queue);
    }
    Ok(queued)
}

/// Makes the queued (not running) job with this dedupe key due now: a job waiting for a later
/// `run_at` (a retry's backoff) runs at the next claim. Answers how many it moved.
pub fn due_now(conn: &mut DbConn, dedupe_key: &str) -> QueryResult<usize> {
    let now = db::now();
    diesel::update(
        jobs::table
            .filter(jobs::dedupe_key.eq(dedupe_key))
            .filter(jobs::status.eq(JobStatus::Queued))
            .filter(jobs::run_at.gt(now)),
    )
    .set((jobs::run_at.eq(now), jobs::updated_at.eq(now)))
    .execute(conn)
}

/// One job by id.
pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<JobRow>> {
    jobs::table
        .find(id)
        .select(JobRow::as_select())
        .first(conn)
        .optional()
}

/// Jobs of a queue by status, for operators and tests.
pub fn counts(conn: &mut DbConn, queue: &str) -> QueryResult<HashMap<String, i64>> {
    let rows: Vec<(String, i64)> = jobs::table
        .filter(jobs::queue.eq(queue))
        .group_by(jobs::status)
        .select((jobs::status, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// Queued, running and failed jobs of a queue by status, for metrics: the ranges of those
/// statuses in `jobs_claim (queue, status, run_at)`. `done` jobs are history kept until pruned;
/// counting them would read every one.
pub fn outstanding_counts(conn: &mut DbConn, queue: &str) -> QueryResult<HashMap<String, i64>> {
    let rows: Vec<(String, i64)> = jobs::table
        .filter(jobs::queue.eq(queue))
        .filter(jobs::status.eq_any([JobStatus::Queued, JobStatus::Running, JobStatus::Failed]))
        .group_by(jobs::status)
        .select((jobs::status, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// Deletes up to `limit` `done` jobs finished before `older_than` (call again until it deletes
/// fewer, so a backlog never takes one long transaction); failed jobs stay until someone looks.
pub fn prune_done(conn: &mut DbConn, older_than: NaiveDateTime, limit: i64) -> QueryResult<usize> {
    let ids: Vec<String> = jobs::table
        .filter(jobs::status.eq(JobStatus::Done))
        .filter(jobs::finished_at.lt(older_than))
        .order(jobs::finished_at)
        .limit(limit)
        .select(jobs::id)
        .load(conn)?;
    if ids.is_empty() {
        return Ok(0);
    }
    diesel::delete(jobs::table.filter(jobs::id.eq_any(&ids))).execute(conn)
}

/// Deletes every job, whatever its status, whose dedupe key is one of `keys` (the work they
/// stood for was erased). A running one's worker loses its lease and drops its result.
pub fn delete_by_dedupe_keys(conn: &mut DbConn, keys: &[String]) -> QueryResult<usize> {
    let mut deleted = 0;
    for chunk in keys.chunks(500) {
        deleted +=
            diesel::delete(jobs::table.filter(jobs::dedupe_key.eq_any(chunk))).execute(conn)?;
    }
    Ok(deleted)
}

/// A running job whose lease expired on its last allowed attempt (its worker crashed or hung, maybe
/// because of the job itself) fails instead of being leased again forever. A macro: it runs on
/// either concrete connection inside the claim's backend-specific code.
macro_rules! fail_exhausted_leases {
    ($conn:expr, $queue:expr, $now:expr) => {
        diesel::update(
            jobs::table
                .filter(jobs::queue.eq($queue))
                .filter(jobs::status.eq(JobStatus::Running))
                .filter(jobs::locked_until.lt($now))
                .filter(jobs::attempts.ge(jobs::max_attempts)),
        )
        .set((
            jobs::status.eq(JobStatus::Failed),
            jobs::locked_until.eq(None::<NaiveDateTime>),
            jobs::last_error
                .eq("lease expired: the worker stopped without finishing the last attempt"),
            jobs::finished_at.eq($now),
            jobs::updated_at.eq($now),
        ))
        .execute($conn)
    };
}

/// Leases the oldest due job of `queue` for `lease`: a queued job whose `run_at` has come, or a
/// running job whose lease expired (its worker died or stalled). Counts the attempt.
pub fn claim(
    conn: &mut DbConn,
    queue: &str,
    worker_id: &str,
    lease: Duration,
) -> QueryResult<Option<JobRow>> {
    Ok(claim_batch(conn, queue, worker_id, lease, 1)?.pop())
}

/// Leases up to `limit` due jobs of `queue` at once, oldest first (queued ones whose `run_at`
/// has come, then running ones whose lease expired), each counting an attempt. One statement
/// per look on PostgreSQL (`FOR UPDATE SKIP LOCKED LIMIT n`); on SQLite a read decides whether
/// anything is due before one short immediate transaction takes them, so an idle poll never
/// takes the write lock.
pub fn claim_batch(
    conn: &mut DbConn,
    queue: &str,
    worker_id: &str,
    lease: Duration,
    limit: usize,
) -> QueryResult<Vec<JobRow>> {
    let limit = limit.max(1) as i64;
    let now = db::now();
    let until = after(now, lease);
    // Two narrow looks instead of one `OR`, each a range of a partial index that holds only
    // runnable rows (`jobs_runnable` for queued, `jobs_leased` for running), so a claim costs the
    // same whatever the number of finished jobs and dead row versions.
    match conn {
        DbConn::Postgresql(pg) => {
            let mut claimed: Vec<JobRow> = Vec::new();
            for due in [
                "status = 'queued' AND run_at <= $3",
                "status = 'running' AND locked_until < $3",
            ] {
                if due.starts_with("status = 'running'") {
                    fail_exhausted_leases!(pg, queue, now)?;
                }
                let want = limit - claimed.len() as i64;
                // One statement: SKIP LOCKED lets concurrent claimers pass over each other's rows
                // instead of queueing behind them, and the locks end with the statement.
                let mut batch: Vec<JobRow> = diesel::sql_query(format!(
                    "UPDATE jobs SET status = 'running', attempts = attempts + 1, \
                       locked_by = $1, locked_until = $2, updated_at = $3 \
                     WHERE id IN (SELECT id FROM jobs WHERE queue = $4 AND {due} \
                       ORDER BY run_at LIMIT $5 FOR UPDATE SKIP LOCKED) \
                     RETURNING *"
                ))
                .bind::<Text, _>(worker_id)
                .bind::<Timestamp, _>(until)
                .bind::<Timestamp, _>(now)
                .bind::<Text, _>(queue)
                .bind::<BigInt, _>(want)
                .load(pg)?;
                claimed.append(&mut batch);
                if claimed.len() as i64 >= limit {
                    break;
                }
            }
            claimed.sort_by_key(|j| j.run_at);
            Ok(claimed)
        }
        DbConn::Sqlite(lite) => {
            let queued = |c: &mut SqliteConnection, n: i64| {
                jobs::table
                    .filter(jobs::queue.eq(queue))
                    .filter(jobs::status.eq(JobStatus::Queued))
                    .filter(jobs::run_at.le(now))
                    .order(jobs::run_at)
                    .limit(n)
                    .select(jobs::id)
                    .load::<String>(c)
            };
            let expired = |c: &mut SqliteConnection, n: i64| {
                jobs::table
                    .filter(jobs::queue.eq(queue))
                    .filter(jobs::status.eq(JobStatus::Running))
                    .filter(jobs::locked_until.lt(now).assume_not_null())
                    .order(jobs::run_at)
                    .limit(n)
                    .select(jobs::id)
                    .load::<String>(c)
            };
            // A plain read first: nothing due, nothing written.
            if queued(lite, 1)?.is_empty() && expired(lite, 1)?.is_empty() {
                return Ok(Vec::new());
            }
            // SQLite has one writer at a time: `write_tx` (BEGIN IMMEDIATE) takes the write lock
            // up front, so the select and the update cannot interleave with another claimer's.
            db::write_tx(conn, |c| {
                let DbConn::Sqlite(c) = c else {
                    unreachable!("a SQLite connection stays one")
                };
                let mut ids = queued(c, limit)?;
                if (ids.len() as i64) < limit {
                    fail_exhausted_leases!(c, queue, now)?;
                    ids.extend(expired(c, limit - ids.len() as i64)?);
                }
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                diesel::update(jobs::table.filter(jobs::id.eq_any(&ids)))
                    .set((
                        jobs::status.eq(JobStatus::Running),
                        jobs::attempts.eq(jobs::attempts + 1),
                        jobs::locked_by.eq(worker_id),
                        jobs::locked_until.eq(until),
                        jobs::updated_at.eq(now),
                    ))
                    .execute(c)?;
                jobs::table
                    .filter(jobs::id.eq_any(&ids))
                    .order(jobs::run_at)
                    .select(JobRow::as_select())
                    .load(c)
            })
        }
    }
}

/// The fence: this exact lease (same holder, same attempt) is still the current one. Matching
/// the attempt too means a worker cannot finish a job it lost and later re-claimed.
macro_rules! held {
    ($job:expr) => {
        jobs::table
            .filter(jobs::id.eq(&$job.id))
            .filter(jobs::status.eq(JobStatus::Running))
            .filter(jobs::locked_by.eq($job.locked_by.as_deref().unwrap_or("")))
            .filter(jobs::attempts.eq($job.attempts))
    };
}

/// Extends a running job's lease; false when the lease is no longer ours.
pub fn heartbeat(conn: &mut DbConn, job: &JobRow, lease: Duration) -> QueryResult<bool> {
    let now = db::now();
    let n = diesel::update(held!(job))
        .set((
            jobs::locked_until.eq(after(now, lease)),
            jobs::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// Marks a leased job done; false (and nothing written) when the lease is no longer ours.
pub fn complete(conn: &mut DbConn, job: &JobRow) -> QueryResult<bool> {
    let now = db::now();
    let n = diesel::update(held!(job))
        .set((
            jobs::status.eq(JobStatus::Done),
            jobs::locked_until.eq(None::<NaiveDateTime>),
            jobs::finished_at.eq(now),
            jobs::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// Records a failed attempt: queued again after the backoff (or at the error's `retry_at`), or
/// `failed` for good once the attempts are used up or the error is permanent.
pub fn fail(
    conn: &mut DbConn,
    job: &JobRow,
    error: &JobError,
    retry: &RetryPolicy,
) -> QueryResult<Outcome> {
    let now = db::now();
    if error.deferred {
        let at = error.retry_at.unwrap_or(now).max(now).trunc_subsecs(6);
        let n = diesel::update(held!(job))
            .set((
                jobs::status.eq(JobStatus::Queued),
                jobs::run_at.eq(at),
                jobs::attempts.eq(job.attempts - 1),
                jobs::locked_until.eq(None::<NaiveDateTime>),
                jobs::updated_at.eq(now),
            ))
            .execute(conn)?;
        return Ok(if n == 0 {
            Outcome::LeaseLost
        } else {
            Outcome::Deferred { at }
        });
    }
    let message = truncate(&error.message);
    let give_up = error.permanent || job.attempts >= job.max_attempts;
    let (status, run_at, finished_at) = if give_up {
        (JobStatus::Failed, job.run_at, Some(now))
    } else {
        let at = match error.retry_at {
            Some(at) => at.max(now).trunc_subsecs(6),
            None => after(now, retry.delay(job.attempts)),
        };
        (JobStatus::Queued, at, None)
    };
    let n = diesel::update(held!(job))
        .set((
            jobs::status.eq(status),
            jobs::run_at.eq(run_at),
            jobs::locked_until.eq(None::<NaiveDateTime>),
            jobs::last_error.eq(&message),
            jobs::finished_at.eq(finished_at),
            jobs::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(match (n, give_up) {
        (0, _) => Outcome::LeaseLost,
        (_, true) => Outcome::Failed { error: message },
        (_, false) => Outcome::Retrying {
            at: run_at,
            error: message,
        },
    })
}
