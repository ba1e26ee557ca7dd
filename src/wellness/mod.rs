//! Wellness intake and the nightly push: records are validated against Intervals.icu's writable
//! fields, merged per (tenant, user, day), and pushed per athlete with one `wellness-bulk` call.

pub mod fields;
pub mod push;

use chrono::{NaiveDateTime, NaiveTime};
use diesel::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::db::schema::wellness_records as wr;
use crate::db::{self, DbConn};

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
pub struct PendingRecord {
    /// The day, `YYYY-MM-DD`.
    pub id: String,
    /// Every field that will be pushed for the day (merged).
    #[schema(value_type = Object)]
    pub fields: Map<String, Value>,
    pub updated_at: String,
    /// The last push error for this day, if a push failed.
    pub last_error: Option<String>,
}

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = wr)]
pub struct WellnessRow {
    pub id: String,
    pub tenant_id: String,
    pub user_id: String,
    pub athlete_id: String,
    pub day: String,
    pub fields: String,
    pub version: i64,
    pub pushed_version: i64,
    pub push_now: bool,
    pub last_error: Option<String>,
    pub updated_at: NaiveDateTime,
}

impl WellnessRow {
    pub fn field_map(&self) -> Map<String, Value> {
        serde_json::from_str(&self.fields).unwrap_or_default()
    }

    pub fn pending(&self) -> PendingRecord {
        PendingRecord {
            id: self.day.clone(),
            fields: self.field_map(),
            updated_at: self.updated_at.and_utc().to_rfc3339(),
            last_error: self.last_error.clone(),
        }
    }
}

/// Merges validated records into the user's pending days, in one transaction: a later value for
/// a field replaces the earlier one, other fields stay. Returns the merged days.
pub fn merge(
    conn: &mut DbConn,
    tenant_id: &str,
    user_id: &str,
    athlete_id: &str,
    records: &[(String, Map<String, Value>)],
    push_now: bool,
) -> QueryResult<Vec<PendingRecord>> {
    crate::db::write_tx(conn, |conn| {
        let now = db::now();
        let mut out = Vec::with_capacity(records.len());
        for (day, new_fields) in records {
            let existing: Option<WellnessRow> = wr::table
                .filter(wr::tenant_id.eq(tenant_id))
                .filter(wr::user_id.eq(user_id))
                .filter(wr::day.eq(day))
                .select(WellnessRow::as_select())
                .first(conn)
                .optional()?;
            let row = match existing {
                Some(mut row) => {
                    let mut fields = row.field_map();
                    // A reconnect to another athlete starts the day afresh.
                    if row.athlete_id != athlete_id {
                        fields.clear();
                    }
                    for (k, v) in new_fields {
                        fields.insert(k.clone(), v.clone());
                    }
                    let was_pushed = row.pushed_version >= row.version;
                    row.fields = Value::Object(fields).to_string();
                    row.version += 1;
                    row.push_now = push_now || (row.push_now && !was_pushed);
                    row.athlete_id = athlete_id.to_owned();
                    row.updated_at = now;
                    diesel::update(wr::table.find(&row.id))
                        .set((
                            wr::fields.eq(&row.fields),
                            wr::version.eq(row.version),
                            wr::push_now.eq(row.push_now),
                            wr::athlete_id.eq(athlete_id),
                            wr::updated_at.eq(now),
                        ))
                        .execute(conn)?;
                    row
                }
                None => {
                    let row = WellnessRow {
                        id: db::new_id(),
                        tenant_id: tenant_id.to_owned(),
                        user_id: user_id.to_owned(),
                        athlete_id: athlete_id.to_owned(),
                        day: day.clone(),
                        fields: Value::Object(new_fields.clone()).to_string(),
                        version: 1,
                        pushed_version: 0,
                        push_now,
                        last_error: None,
                        updated_at: now,
                    };
                    diesel::insert_into(wr::table)
                        .values((
                            wr::id.eq(&row.id),
                            wr::tenant_id.eq(&row.tenant_id),
                            wr::user_id.eq(&row.user_id),
                            wr::athlete_id.eq(&row.athlete_id),
                            wr::day.eq(&row.day),
                            wr::fields.eq(&row.fields),
                            wr::version.eq(1i64),
                            wr::pushed_version.eq(0i64),
                            wr::push_now.eq(push_now),
                            wr::created_at.eq(now),
                            wr::updated_at.eq(now),
                        ))
                        .execute(conn)?;
                    row
                }
            };
            out.push(row.pending());
        }
        Ok(out)
    })
}

/// The user's days still waiting for a push, oldest first.
pub fn pending_for(
    conn: &mut DbConn,
    tenant_id: &str,
    user_id: &str,
) -> QueryResult<Vec<PendingRecord>> {
    let rows: Vec<WellnessRow> = wr::table
        .filter(wr::tenant_id.eq(tenant_id))
        .filter(wr::user_id.eq(user_id))
        .filter(wr::pushed_version.lt(wr::version))
        .order(wr::day.asc())
        .select(WellnessRow::as_select())
        .load(conn)?;
    Ok(rows.iter().map(WellnessRow::pending).collect())
}
