//! Wellness intake and the nightly push: records are validated against Intervals.icu's writable
//! fields, merged per (tenant, user, day), and pushed per athlete with one `wellness-bulk` call.

pub mod fields;
pub mod push;

use chrono::{NaiveDateTime, NaiveTime};
use diesel::QueryResult;
use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::db::models::{is_deadlock_or_serialization, is_unique_violation, WellnessRow};
use crate::db::types::{AthleteId, TenantId, UserId};
use crate::db::{write_tx, DbConn};

/// The next daily push time (UTC) strictly after `now`.
pub fn next_push_at(now: NaiveDateTime, at: NaiveTime) -> NaiveDateTime {
    let today = now.date().and_time(at);
    if today > now {
        today
    } else {
        today + chrono::Duration::days(1)
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "2026-03-01",
    "fields": {"weight": 70.5, "restingHR": 48, "hrv": 62.1, "sleepSecs": 27000},
    "updated_at": "2026-03-01T07:02:49.771310+00:00",
    "last_error": null
}))]
pub struct PendingRecord {
    /// The day, `YYYY-MM-DD`.
    pub id: String,
    /// Every field that will be pushed for the day (merged).
    #[schema(value_type = Object)]
    pub fields: Map<String, Value>,
    /// When a record for the day was last accepted (UTC).
    pub updated_at: String,
    /// The last push error for this day, if a push failed.
    pub last_error: Option<String>,
}

/// The pending view of a stored row.
pub fn pending_view(row: &WellnessRow) -> PendingRecord {
    PendingRecord {
        id: row.day.clone(),
        fields: row.field_map(),
        updated_at: row.updated_at.and_utc().to_rfc3339(),
        last_error: row.last_error.clone(),
    }
}

/// Takes validated records for the user: merges them into the pending days and, with
/// `push_now`, queues the athlete's push, in one transaction. Returns the merged days.
pub fn accept(
    conn: &mut DbConn,
    tenant_id: &TenantId,
    user_id: &UserId,
    athlete_id: &AthleteId,
    records: &[(String, Map<String, Value>)],
    push_now: bool,
) -> QueryResult<Vec<PendingRecord>> {
    // Days are locked in one order (by day, as a push marks them), so two writers of the same
    // days cannot deadlock; PostgreSQL breaking one anyway (or a serialization conflict) runs
    // the transaction again. The sort is stable: a day sent twice keeps its later values.
    let mut ordered: Vec<&(String, Map<String, Value>)> = records.iter().collect();
    ordered.sort_by(|a, b| a.0.cmp(&b.0));
    let ordered: Vec<(String, Map<String, Value>)> = ordered.into_iter().cloned().collect();
    let mut tries = 0;
    loop {
        let accepted = write_tx(conn, |conn| {
            // Takes turns with the end of a push of this athlete (see `push::push_lock`).
            push::push_lock(conn, athlete_id)?;
            let merged = merge(conn, tenant_id, user_id, athlete_id, &ordered, push_now)?;
            if push_now {
                push::schedule_now(conn, athlete_id)?;
            }
            Ok(merged)
        });
        match accepted {
            Err(e) if is_deadlock_or_serialization(&e) && tries < 5 => tries += 1,
            other => return other,
        }
    }
}

/// Merges validated records into the user's pending days, in one transaction: a later value for
/// a field replaces the earlier one, other fields stay. Returns the merged days.
pub fn merge(
    conn: &mut DbConn,
    tenant_id: &TenantId,
    user_id: &UserId,
    athlete_id: &AthleteId,
    records: &[(String, Map<String, Value>)],
    push_now: bool,
) -> QueryResult<Vec<PendingRecord>> {
    // A concurrent first write of the same day wins the insert; the loser's transaction is
    // rolled back and run again, and then merges into the winner's row.
    let mut tries = 0;
    loop {
        let merged = write_tx(conn, |conn| {
            records
                .iter()
                .map(|(day, fields)| {
                    WellnessRow::merge_day(
                        conn, tenant_id, user_id, athlete_id, day, fields, push_now,
                    )
                    .map(|row| pending_view(&row))
                })
                .collect::<QueryResult<Vec<_>>>()
        });
        match merged {
            Err(e) if is_unique_violation(&e) && tries < 3 => tries += 1,
            other => return other,
        }
    }
}

/// The user's days still waiting for a push, oldest first, and whether any of them waits for a
/// `push=now` push (queued as soon as it was asked) rather than the nightly one.
pub fn pending_for(
    conn: &mut DbConn,
    tenant_id: &TenantId,
    user_id: &UserId,
) -> QueryResult<(Vec<PendingRecord>, bool)> {
    let rows = WellnessRow::pending_of_user(conn, tenant_id, user_id)?;
    let push_now = rows.iter().any(|r| r.push_now);
    Ok((rows.iter().map(pending_view).collect(), push_now))
}
