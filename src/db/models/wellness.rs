//! `wellness_records`: what tenants handed us per (tenant, user, day), merged, with the version
//! last pushed to Intervals.icu (`pushed_version < version` means pending).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::{Map, Value};

use crate::db::schema::wellness_records as wr;
use crate::db::types::{AthleteId, TenantId, UserId};
use crate::db::{new_id, now, DbConn};

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = wr)]
pub struct WellnessRow {
    pub id: String,
    pub tenant_id: TenantId,
    pub user_id: UserId,
    pub athlete_id: AthleteId,
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

    /// Merges `fields` into the (tenant, user, day) row, creating it when new: a later value for
    /// a field replaces the earlier one, other fields stay; a reconnect to another athlete starts
    /// the day afresh. Call inside a write transaction.
    pub fn merge_day(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        user_id: &UserId,
        athlete_id: &AthleteId,
        day: &str,
        new_fields: &Map<String, Value>,
        push_now: bool,
    ) -> QueryResult<WellnessRow> {
        let now = now();
        let query = || {
            wr::table
                .filter(wr::tenant_id.eq(tenant_id))
                .filter(wr::user_id.eq(user_id))
                .filter(wr::day.eq(day))
        };
        // Read-modify-write: on PostgreSQL (READ COMMITTED) the row is locked until the
        // transaction ends, so a concurrent merge of other fields waits and then sees this one;
        // SQLite write transactions already hold the database's write lock. Two first writes
        // of a new day meet at the unique (tenant, user, day) index instead (the caller retries).
        let existing: Option<WellnessRow> = match conn {
            DbConn::Postgresql(pg) => query()
                .select(WellnessRow::as_select())
                .for_update()
                .first(pg)
                .optional()?,
            DbConn::Sqlite(lite) => query()
                .select(WellnessRow::as_select())
                .first(lite)
                .optional()?,
        };
        if let Some(mut row) = existing {
            let mut fields = row.field_map();
            if &row.athlete_id != athlete_id {
                fields.clear();
            }
            for (k, v) in new_fields {
                fields.insert(k.clone(), v.clone());
            }
            let was_pushed = row.pushed_version >= row.version;
            row.fields = Value::Object(fields).to_string();
            row.version += 1;
            row.push_now = push_now || (row.push_now && !was_pushed);
            row.athlete_id = athlete_id.clone();
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
            return Ok(row);
        }
        let row = WellnessRow {
            id: new_id(),
            tenant_id: tenant_id.clone(),
            user_id: user_id.clone(),
            athlete_id: athlete_id.clone(),
            day: day.to_owned(),
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
        Ok(row)
    }

    /// The user's days still waiting for a push, oldest first.
    pub fn pending_of_user(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        user_id: &UserId,
    ) -> QueryResult<Vec<WellnessRow>> {
        wr::table
            .filter(wr::tenant_id.eq(tenant_id))
            .filter(wr::user_id.eq(user_id))
            .filter(wr::pushed_version.lt(wr::version))
            .order(wr::day.asc())
            .select(WellnessRow::as_select())
            .load(conn)
    }

    /// The athlete's pending rows across tenants, by day and then write order.
    pub fn pending_of_athlete(
        conn: &mut DbConn,
        athlete_id: &AthleteId,
    ) -> QueryResult<Vec<WellnessRow>> {
        wr::table
            .filter(wr::athlete_id.eq(athlete_id))
            .filter(wr::pushed_version.lt(wr::version))
            .order((wr::day.asc(), wr::updated_at.asc()))
            .select(WellnessRow::as_select())
            .load(conn)
    }

    /// The ids and versions of the athlete's pending rows.
    pub fn pending_versions_of_athlete(
        conn: &mut DbConn,
        athlete_id: &AthleteId,
    ) -> QueryResult<Vec<(String, i64)>> {
        wr::table
            .filter(wr::athlete_id.eq(athlete_id))
            .filter(wr::pushed_version.lt(wr::version))
            .select((wr::id, wr::version))
            .load(conn)
    }

    /// Up to `limit` athletes with pending days, in id order after `after`.
    pub fn athletes_pending_after(
        conn: &mut DbConn,
        after: &str,
        limit: i64,
    ) -> QueryResult<Vec<AthleteId>> {
        wr::table
            .filter(wr::pushed_version.lt(wr::version))
            .filter(wr::athlete_id.gt(after))
            .select(wr::athlete_id)
            .distinct()
            .order(wr::athlete_id.asc())
            .limit(limit)
            .load(conn)
    }

    /// Pending rows only: the partial index `wellness_records_pending` has the same predicate.
    pub fn count_pending(conn: &mut DbConn) -> QueryResult<i64> {
        wr::table
            .filter(wr::pushed_version.lt(wr::version))
            .count()
            .get_result(conn)
    }

    pub fn set_error(conn: &mut DbConn, ids: &[&str], error: &str) -> QueryResult<()> {
        diesel::update(wr::table.filter(wr::id.eq_any(ids)))
            .set(wr::last_error.eq(Some(error)))
            .execute(conn)
            .map(|_| ())
    }

    /// Marks the row pushed at the version that was sent; false when it changed meanwhile (it
    /// stays pending).
    pub fn mark_pushed(&self, conn: &mut DbConn) -> QueryResult<bool> {
        let n = diesel::update(
            wr::table
                .filter(wr::id.eq(&self.id))
                .filter(wr::version.eq(self.version)),
        )
        .set((
            wr::pushed_version.eq(self.version),
            wr::push_now.eq(false),
            wr::last_error.eq(None::<String>),
            wr::pushed_at.eq(Some(now())),
        ))
        .execute(conn)?;
        Ok(n == 1)
    }

    /// Deletes every day of the user, pending (it must not be pushed after a disconnect) and
    /// pushed alike; returns how many.
    /// Deletes up to `limit` of the user's records (a batch of an erasure); returns how many.
    pub fn delete_batch_of_user(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        user_id: &UserId,
        limit: i64,
    ) -> QueryResult<usize> {
        let ids: Vec<String> = wr::table
            .filter(wr::tenant_id.eq(tenant_id))
            .filter(wr::user_id.eq(user_id))
            .select(wr::id)
            .limit(limit)
            .load(conn)?;
        diesel::delete(wr::table.filter(wr::id.eq_any(&ids))).execute(conn)
    }

    pub fn delete_of_user(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        user_id: &UserId,
    ) -> QueryResult<usize> {
        diesel::delete(
            wr::table
                .filter(wr::tenant_id.eq(tenant_id))
                .filter(wr::user_id.eq(user_id)),
        )
        .execute(conn)
    }
}
