//! The wellness push on the job queue. The nightly slot enqueues `wellness.nightly`, which
//! enqueues one `wellness.push` per athlete with pending days; that job sends every pending day in
//! `wellness-bulk` calls (chunked), paced by the upstream client, and marks a day pushed only
//! after Intervals.icu said 200, and only at the version it sent.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use diesel::QueryResult;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::db::models::{Connection, Token, WellnessRow};
use crate::db::types::{AthleteId, TenantId, TokenStatus, UserId};
use crate::db::{self, write_tx, DbConn};
use crate::domain::connections::{check_access, retire_token};
use crate::domain::scopes::{Access, Scope};
use crate::domain::webhooks::outbox::{self, EventType, Recipient};
use crate::services::intervals::UpstreamError;
use crate::services::jobs::{self, Job, JobError, NewJob};
use crate::services::state::AppState;

pub const QUEUE: &str = "wellness";
pub const NIGHTLY: &str = "wellness.nightly";
pub const PUSH: &str = "wellness.push";
/// The daily slot's name in `job_slots`.
pub const SLOT: &str = "wellness-push";
/// Records per `wellness-bulk` call.
pub const CHUNK: usize = 200;
/// Athletes enqueued per transaction by the nightly job.
const ENQUEUE_BATCH: i64 = 1000;

/// Pushes one athlete's pending days (across tenants).
#[derive(Debug, Serialize, Deserialize)]
pub struct PushJob {
    pub athlete_id: AthleteId,
}

impl Job for PushJob {
    const QUEUE: &'static str = QUEUE;
    const KIND: &'static str = PUSH;
    const MAX_ATTEMPTS: i32 = 8;

    fn dedupe_key(&self) -> Option<String> {
        Some(format!("{PUSH}:{}", self.athlete_id))
    }
}

/// Queues a push per athlete with pending days: the day's slot run.
#[derive(Debug, Serialize, Deserialize)]
pub struct NightlyJob {
    pub slot: String,
}

impl Job for NightlyJob {
    const QUEUE: &'static str = QUEUE;
    const KIND: &'static str = NIGHTLY;

    fn dedupe_key(&self) -> Option<String> {
        Some(format!("{NIGHTLY}:{}", self.slot))
    }
}

fn push_job(athlete_id: &AthleteId) -> NewJob {
    NewJob::of(&PushJob {
        athlete_id: athlete_id.clone(),
    })
}

/// Queues a push for the athlete as soon as possible (a no-op while one is already queued).
pub fn schedule_now(conn: &mut DbConn, athlete_id: &AthleteId) -> QueryResult<()> {
    jobs::enqueue(conn, &push_job(athlete_id)).map(|_| ())
}

/// Called by the winner of the day's slot, in the claim's transaction.
pub fn enqueue_nightly(conn: &mut DbConn, slot: chrono::NaiveDate) -> QueryResult<()> {
    let job = NightlyJob {
        slot: jobs::slot_key(slot),
    };
    jobs::enqueue(conn, &NewJob::of(&job)).map(|_| ())
}

/// Enqueues a push for every athlete with pending days, in batches of multi-row inserts;
/// idempotent (dedupe keys).
pub fn enqueue_all(conn: &mut DbConn) -> QueryResult<usize> {
    let mut after = String::new();
    let mut total = 0;
    loop {
        let athletes = WellnessRow::athletes_pending_after(conn, &after, ENQUEUE_BATCH)?;
        let Some(last) = athletes.last().cloned() else {
            break;
        };
        let batch: Vec<NewJob> = athletes.iter().map(push_job).collect();
        // One multi-row insert per batch; an athlete whose push is already queued is skipped.
        write_tx(conn, |conn| jobs::enqueue_many(conn, &batch))?;
        // Committed: this process's workers can start on them while the next batch is read.
        jobs::wake(QUEUE);
        total += athletes.len();
        after = last.into_string();
    }
    Ok(total)
}

/// Registers the wellness job handlers.
pub fn register(registry: &mut jobs::Registry<Arc<AppState>>) {
    registry.register_job(|state: Arc<AppState>, job: NightlyJob| async move {
        let n = db::run(&state.pool, |conn| Ok::<_, JobError>(enqueue_all(conn)?)).await?;
        log::info!("wellness push for slot {}: {n} athlete(s) queued", job.slot);
        Ok(())
    });
    // Marking the days pushed is written with the job's result, many athletes per transaction.
    registry.register_finishing(|state: Arc<AppState>, job: PushJob| async move {
        push_athlete(&state, &job.athlete_id).await
    });
}

/// Sets `last_error` on the rows and, when `announce`, records `wellness.push_failed` per user.
fn record_failure(
    conn: &mut DbConn,
    rows: &[WellnessRow],
    error: &str,
    announce: bool,
) -> QueryResult<()> {
    write_tx(conn, |conn| {
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        WellnessRow::set_error(conn, &ids, error)?;
        if announce {
            for ((tenant, user), days) in by_user(rows) {
                outbox::record_event(
                    conn,
                    Recipient {
                        tenant_id: &tenant,
                        user_id: &user,
                        athlete_id: &rows[0].athlete_id,
                    },
                    EventType::WellnessPushFailed,
                    serde_json::json!({"days": days, "error": error}),
                )?;
            }
        }
        Ok(())
    })
}

fn by_user(rows: &[WellnessRow]) -> BTreeMap<(TenantId, UserId), Vec<String>> {
    let mut out: BTreeMap<(TenantId, UserId), Vec<String>> = BTreeMap::new();
    for r in rows {
        out.entry((r.tenant_id.clone(), r.user_id.clone()))
            .or_default()
            .push(r.day.clone());
    }
    out
}

/// Merges rows of several tenants for the same day in write order (later values win).
fn records(rows: &[WellnessRow]) -> Vec<Value> {
    let mut days: BTreeMap<&str, Map<String, Value>> = BTreeMap::new();
    let mut ordered: Vec<&WellnessRow> = rows.iter().collect();
    ordered.sort_by_key(|r| r.updated_at);
    for r in ordered {
        let day = days.entry(r.day.as_str()).or_default();
        for (k, v) in r.field_map() {
            day.insert(k, v);
        }
    }
    days.into_iter()
        .map(|(id, mut fields)| {
            fields.insert("id".into(), Value::String(id.to_owned()));
            Value::Object(fields)
        })
        .collect()
}

/// Pushes every pending day of one athlete. What is left to write after a full push (the days
/// marked pushed, `wellness.pushed`) is returned for the queue to write with the job's result;
/// a row written while the push ran (a new day, another tenant's, or a newer version, which
/// stays pending) gets a follow-up push queued in that same write.
pub async fn push_athlete(
    state: &Arc<AppState>,
    athlete_id: &AthleteId,
) -> Result<jobs::Finish, JobError> {
    let nothing = || -> jobs::Finish { Box::new(|_| Ok(Ok(()))) };
    let (a, client) = (athlete_id.clone(), state.config.client_id.clone());
    let (token, rows, users) = db::run(&state.pool, move |conn| {
        let token = Token::find_for(conn, &client, &a)?;
        let rows = WellnessRow::pending_of_athlete(conn, &a)?;
        let users = match &token {
            Some(t) => Connection::of_token(conn, &t.id)?,
            None => Vec::new(),
        };
        Ok::<_, JobError>((token, rows, users))
    })
    .await?;
    if rows.is_empty() {
        return Ok(nothing());
    }
    // What this run saw: a pending row it did not see (written since) needs a push of its own.
    let seen: HashSet<(String, i64)> = rows.iter().map(|r| (r.id.clone(), r.version)).collect();
    let token = match token {
        Some(t) if t.status == TokenStatus::Active => t,
        other => {
            let why = match other {
                Some(t) => format!(
                    "the athlete's authorization is {}; reconnect the user",
                    t.status
                ),
                None => "the athlete is not connected".to_owned(),
            };
            db::run(&state.pool, move |conn| {
                Ok::<_, JobError>(record_failure(conn, &rows, &why, true)?)
            })
            .await?;
            return Ok(nothing());
        }
    };
    // The token is shared: each tenant's days go only while that tenant's own connection
    // to this athlete still allows WELLNESS:WRITE (another tenant's grant is not its own).
    let (rows, refused): (Vec<WellnessRow>, Vec<WellnessRow>) =
        rows.into_iter().partition(|r| may_push(&users, &token, r));
    if !refused.is_empty() {
        db::run(&state.pool, move |conn| {
            Ok::<_, JobError>(record_failure(
                conn,
                &refused,
                "this user's connection no longer allows WELLNESS:WRITE for this athlete",
                true,
            )?)
        })
        .await?;
    }
    if rows.is_empty() {
        return Ok(nothing());
    }
    let access = state
        .keys
        .decrypt(&token.key_id, &token.access_token_enc)
        .map_err(JobError::new)?;
    let mut by_day: BTreeMap<String, Vec<WellnessRow>> = BTreeMap::new();
    for r in rows {
        by_day.entry(r.day.clone()).or_default().push(r);
    }
    let days: Vec<Vec<WellnessRow>> = by_day.into_values().collect();
    // Days Intervals.icu accepted so far: written with a failure, or with the job's result.
    let mut pushed: Vec<WellnessRow> = Vec::new();
    for chunk in days.chunks(CHUNK) {
        let chunk_rows: Vec<WellnessRow> = chunk.iter().flatten().cloned().collect();
        let body = Value::Array(records(&chunk_rows));
        let failed = match state
            .intervals
            .put_wellness_bulk(&access, athlete_id, &body)
            .await
        {
            Ok(()) => {
                pushed.extend(chunk_rows);
                continue;
            }
            Err(e) => e,
        };
        let (done, r) = (std::mem::take(&mut pushed), chunk_rows);
        return match failed {
            UpstreamError::Unauthorized => {
                let token_id = token.id.clone();
                db::run(&state.pool, move |conn| {
                    mark_pushed(conn, &done)?;
                    retire_token(conn, &token_id, TokenStatus::Invalid, "Intervals.icu answered 401")?;
                    Ok::<_, JobError>(record_failure(conn, &r, "Intervals.icu no longer accepts the athlete's authorization; reconnect the user", true)?)
                })
                .await?;
                Ok(nothing())
            }
            e if e.is_transient() => {
                let msg = e.to_string();
                db::run(&state.pool, move |conn| {
                    mark_pushed(conn, &done)?;
                    Ok::<_, JobError>(record_failure(conn, &r, &msg, false)?)
                })
                .await?;
                let mut err = JobError::new(&e);
                if let Some(after) = e.retry_after() {
                    err = err.retry_at(
                        db::now() + chrono::Duration::from_std(after).unwrap_or_default(),
                    );
                }
                Err(err)
            }
            e => {
                let msg = e.to_string();
                db::run(&state.pool, move |conn| {
                    mark_pushed(conn, &done)?;
                    Ok::<_, JobError>(record_failure(conn, &r, &msg, true)?)
                })
                .await?;
                Err(JobError::permanent(e))
            }
        };
    }
    let athlete = athlete_id.clone();
    Ok(Box::new(move |conn| {
        push_lock(conn, &athlete)?;
        mark_pushed(conn, &pushed)?;
        let written_since = WellnessRow::pending_versions_of_athlete(conn, &athlete)?
            .into_iter()
            .any(|row| !seen.contains(&row));
        if written_since {
            // Written (by any tenant) while the push ran: pushed by a job of its own. This job
            // hands the athlete's dedupe key over to it (it completes in this transaction), so
            // the follow-up is the athlete's one unfinished push and a `push=now` meanwhile adds
            // none beside it: an athlete's pushes never overlap, and the last one sent carries
            // the newest rows.
            let again = push_job(&athlete);
            if let Some(key) = &again.dedupe_key {
                jobs::release_dedupe_key(conn, key)?;
            }
            jobs::enqueue(conn, &again)?;
        }
        Ok(Ok(()))
    }))
}

/// Taken by a push's end (which looks for days written while it ran, then gives up the athlete's
/// dedupe key) and by every wellness write (which queues a push unless one is queued or running),
/// so that they take turns: a write that committed while the push ran is seen by its end, which
/// queues the follow-up; a write after the end queues a push of its own. Without it, a write
/// committing between the two found the running push (and queued none) while the push's end had
/// not seen it: the day waited for the nightly push.
pub fn push_lock(conn: &mut DbConn, athlete: &AthleteId) -> QueryResult<()> {
    db::turn_lock(conn, &format!("wellness.push:{athlete}"))
}

/// Whether the row's (tenant, user) still has a connection to this athlete, through this token,
/// that allows WELLNESS:WRITE.
fn may_push(users: &[Connection], token: &Token, row: &WellnessRow) -> bool {
    let needed = Scope {
        area: "WELLNESS",
        access: Access::Write,
    };
    users.iter().any(|c| {
        c.tenant_id == row.tenant_id
            && c.user_id == row.user_id
            && c.athlete_id == row.athlete_id
            && check_access(c, token, &needed).is_ok()
    })
}

/// Marks rows pushed at the version that was sent (a row changed meanwhile stays pending) and
/// records `wellness.pushed` per user; how many were marked.
fn mark_pushed(conn: &mut DbConn, rows: &[WellnessRow]) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    write_tx(conn, |conn| {
        let mut done = Vec::new();
        for r in rows {
            if r.mark_pushed(conn)? {
                done.push(r.clone());
            }
        }
        for ((tenant, user), days) in by_user(&done) {
            outbox::record_event(
                conn,
                Recipient {
                    tenant_id: &tenant,
                    user_id: &user,
                    athlete_id: &done[0].athlete_id,
                },
                EventType::WellnessPushed,
                serde_json::json!({ "days": days }),
            )?;
        }
        Ok(done.len())
    })
}
