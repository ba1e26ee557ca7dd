//! The wellness push on the job queue. The nightly slot enqueues `wellness.nightly`, which
//! enqueues one `wellness.push` per athlete with pending days; that job sends every pending day in
//! `wellness-bulk` calls (chunked), paced by the upstream client, and marks a day pushed only
//! after Intervals.icu said 200, and only at the version it sent.

use std::collections::BTreeMap;
use std::sync::Arc;

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::WellnessRow;
use crate::app::AppState;
use crate::db::models::{record_event, retire_token, token_status, Token};
use crate::db::schema::{tokens, wellness_records as wr};
use crate::db::{self, DbConn};
use crate::intervals::UpstreamError;
use crate::jobs::{self, JobError, NewJob};

pub const QUEUE: &str = "wellness";
pub const NIGHTLY: &str = "wellness.nightly";
pub const PUSH: &str = "wellness.push";
/// The daily slot's name in `job_slots`.
pub const SLOT: &str = "wellness-push";
/// Records per `wellness-bulk` call.
pub const CHUNK: usize = 200;
/// Athletes enqueued per transaction by the nightly job.
const ENQUEUE_BATCH: i64 = 1000;

#[derive(Debug, Serialize, Deserialize)]
pub struct PushJob {
    pub athlete_id: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct NightlyJob {
    pub slot: String,
}

fn push_job(athlete_id: &str) -> NewJob {
    NewJob::new(QUEUE, PUSH, serde_json::json!({ "athlete_id": athlete_id }))
        .dedupe_key(format!("{PUSH}:{athlete_id}"))
        .max_attempts(8)
}

/// Queues a push for the athlete as soon as possible (a no-op while one is already queued).
pub fn schedule_now(conn: &mut DbConn, athlete_id: &str) -> QueryResult<()> {
    jobs::enqueue(conn, &push_job(athlete_id)).map(|_| ())
}

/// Called by the winner of the day's slot, in the claim's transaction.
pub fn enqueue_nightly(conn: &mut DbConn, slot: chrono::NaiveDate) -> QueryResult<()> {
    let slot = jobs::slot_key(slot);
    jobs::enqueue(
        conn,
        &NewJob::new(QUEUE, NIGHTLY, serde_json::json!({ "slot": slot }))
            .dedupe_key(format!("{NIGHTLY}:{slot}")),
    )
    .map(|_| ())
}

/// Enqueues a push for every athlete with pending days, in batches; idempotent (dedupe keys).
pub fn enqueue_all(conn: &mut DbConn) -> QueryResult<usize> {
    let mut after = String::new();
    let mut total = 0;
    loop {
        let athletes: Vec<String> = wr::table
            .filter(wr::pushed_version.lt(wr::version))
            .filter(wr::athlete_id.gt(&after))
            .select(wr::athlete_id)
            .distinct()
            .order(wr::athlete_id.asc())
            .limit(ENQUEUE_BATCH)
            .load(conn)?;
        let Some(last) = athletes.last().cloned() else {
            break;
        };
        crate::db::write_tx(conn, |conn| {
            for a in &athletes {
                jobs::enqueue(conn, &push_job(a))?;
            }
            Ok::<_, diesel::result::Error>(())
        })?;
        total += athletes.len();
        after = last;
    }
    Ok(total)
}

/// Registers the wellness job handlers.
pub fn register(registry: &mut jobs::Registry<Arc<AppState>>) {
    registry.register_typed(
        NIGHTLY,
        |state: Arc<AppState>, job: NightlyJob| async move {
            let n = jobs::db(&state.pool, enqueue_all).await?;
            log::info!("wellness push for slot {}: {n} athlete(s) queued", job.slot);
            Ok(())
        },
    );
    registry.register_typed(PUSH, |state: Arc<AppState>, job: PushJob| async move {
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
    crate::db::write_tx(conn, |conn| {
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        diesel::update(wr::table.filter(wr::id.eq_any(&ids)))
            .set(wr::last_error.eq(Some(error)))
            .execute(conn)?;
        if announce {
            for ((tenant, user), days) in by_user(rows) {
                let athlete = &rows[0].athlete_id;
                record_event(
                    conn,
                    &tenant,
                    &user,
                    athlete,
                    "wellness.push_failed",
                    serde_json::json!({"days": days, "error": error}),
                )?;
            }
        }
        Ok(())
    })
}

fn by_user(rows: &[WellnessRow]) -> BTreeMap<(String, String), Vec<String>> {
    let mut out: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
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

/// Pushes every pending day of one athlete. Rows written while the push runs keep their newer
/// version pending and are picked up by the next round of the same job.
pub async fn push_athlete(state: &Arc<AppState>, athlete_id: &str) -> Result<(), JobError> {
    for _round in 0..3 {
        let (a, client) = (athlete_id.to_owned(), state.config.client_id.clone());
        let (token, rows): (Option<Token>, Vec<WellnessRow>) = jobs::db(&state.pool, move |conn| {
            let token = tokens::table
                .filter(tokens::client_id.eq(&client))
                .filter(tokens::athlete_id.eq(&a))
                .select(Token::as_select())
                .first(conn)
                .optional()?;
            let rows = wr::table
                .filter(wr::athlete_id.eq(&a))
                .filter(wr::pushed_version.lt(wr::version))
                .order((wr::day.asc(), wr::updated_at.asc()))
                .select(WellnessRow::as_select())
                .load(conn)?;
            Ok((token, rows))
        })
        .await?;
        if rows.is_empty() {
            return Ok(());
        }
        let token = match token {
            Some(t) if t.status == token_status::ACTIVE => t,
            other => {
                let why = match other {
                    Some(t) => format!(
                        "the athlete's authorization is {}; reconnect the user",
                        t.status
                    ),
                    None => "the athlete is not connected".to_owned(),
                };
                let r = rows.clone();
                jobs::db(&state.pool, move |conn| {
                    record_failure(conn, &r, &why, true)
                })
                .await?;
                return Ok(());
            }
        };
        let access = state
            .keys
            .decrypt(&token.key_id, &token.access_token_enc)
            .map_err(JobError::new)?;
        let mut by_day: BTreeMap<String, Vec<WellnessRow>> = BTreeMap::new();
        for r in rows {
            by_day.entry(r.day.clone()).or_default().push(r);
        }
        let days: Vec<Vec<WellnessRow>> = by_day.into_values().collect();
        for chunk in days.chunks(CHUNK) {
            let chunk_rows: Vec<WellnessRow> = chunk.iter().flatten().cloned().collect();
            let body = Value::Array(records(&chunk_rows));
            match state
                .intervals
                .put_wellness_bulk(&access, athlete_id, &body)
                .await
            {
                Ok(()) => {
                    let r = chunk_rows.clone();
                    jobs::db(&state.pool, move |conn| mark_pushed(conn, &r)).await?;
                }
                Err(UpstreamError::Unauthorized) => {
                    let (r, token_id) = (chunk_rows.clone(), token.id.clone());
                    jobs::db(&state.pool, move |conn| {
                        retire_token(conn, &token_id, token_status::INVALID, "Intervals.icu answered 401")?;
                        record_failure(conn, &r, "Intervals.icu no longer accepts the athlete's authorization; reconnect the user", true)
                    })
                    .await?;
                    return Ok(());
                }
                Err(e) if e.is_transient() => {
                    let (r, msg) = (chunk_rows.clone(), e.to_string());
                    jobs::db(&state.pool, move |conn| {
                        record_failure(conn, &r, &msg, false)
                    })
                    .await?;
                    let mut err = JobError::new(&e);
                    if let Some(after) = e.retry_after() {
                        err = err.retry_at(
                            db::now() + chrono::Duration::from_std(after).unwrap_or_default(),
                        );
                    }
                    return Err(err);
                }
                Err(e) => {
                    let (r, msg) = (chunk_rows.clone(), e.to_string());
                    jobs::db(&state.pool, move |conn| {
                        record_failure(conn, &r, &msg, true)
                    })
                    .await?;
                    return Err(JobError::permanent(e));
                }
            }
        }
    }
    Ok(())
}

/// Marks rows pushed at the version that was sent (a row changed meanwhile stays pending) and
/// records `wellness.pushed` per user.
fn mark_pushed(conn: &mut DbConn, rows: &[WellnessRow]) -> QueryResult<()> {
    crate::db::write_tx(conn, |conn| {
        let now = db::now();
        let mut done = Vec::new();
        for r in rows {
            let n = diesel::update(
                wr::table
                    .filter(wr::id.eq(&r.id))
                    .filter(wr::version.eq(r.version)),
            )
            .set((
                wr::pushed_version.eq(r.version),
                wr::push_now.eq(false),
                wr::last_error.eq(None::<String>),
                wr::pushed_at.eq(Some(now)),
            ))
            .execute(conn)?;
            if n == 1 {
                done.push(r.clone());
            }
        }
        for ((tenant, user), days) in by_user(&done) {
            record_event(
                conn,
                &tenant,
                &user,
                &done[0].athlete_id,
                "wellness.pushed",
                serde_json::json!({ "days": days }),
            )?;
        }
        Ok(())
    })
}
