//! `events`: every tenant event, lifecycle and routed upstream ones alike (the webhook outbox).

use chrono::NaiveDateTime;
use diesel::dsl::{exists, not};
use diesel::prelude::*;

use crate::db::schema::{events, webhook_deliveries};
use crate::db::types::{AthleteId, TenantId, UserId};
use crate::db::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = events)]
pub struct Event {
    pub id: String,
    pub tenant_id: TenantId,
    pub user_id: Option<UserId>,
    pub athlete_id: Option<AthleteId>,
    pub event_type: String,
    pub payload: String,
    pub created_at: NaiveDateTime,
}

impl Event {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(events::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    /// Deletes up to `limit` events created before `older_than` that no delivery refers to
    /// (delivered and purged, or never sent: the tenant had no webhook URL); returns how many.
    pub fn purge_undelivered_before(
        conn: &mut DbConn,
        older_than: NaiveDateTime,
        limit: i64,
    ) -> QueryResult<usize> {
        let ids: Vec<String> = events::table
            .filter(events::created_at.lt(older_than))
            .filter(not(exists(
                webhook_deliveries::table.filter(webhook_deliveries::event_id.eq(events::id)),
            )))
            .order(events::created_at)
            .limit(limit)
            .select(events::id)
            .load(conn)?;
        if ids.is_empty() {
            return Ok(0);
        }
        diesel::delete(events::table.filter(events::id.eq_any(&ids))).execute(conn)
    }

    /// Deletes every event of the tenant's user (their deliveries first: see
    /// `Delivery::ids_of_user`); returns how many.
    /// Up to `limit` of the user's event ids (a batch of an erasure).
    pub fn ids_of_user(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        user_id: &UserId,
        limit: i64,
    ) -> QueryResult<Vec<String>> {
        events::table
            .filter(events::tenant_id.eq(tenant_id))
            .filter(events::user_id.eq(user_id))
            .select(events::id)
            .limit(limit)
            .load(conn)
    }

    /// Deletes these events; returns how many went.
    pub fn delete_ids(conn: &mut DbConn, ids: &[String]) -> QueryResult<usize> {
        let mut deleted = 0;
        for chunk in ids.chunks(super::ID_CHUNK) {
            deleted +=
                diesel::delete(events::table.filter(events::id.eq_any(chunk))).execute(conn)?;
        }
        Ok(deleted)
    }

    pub fn delete_of_user(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        user_id: &UserId,
    ) -> QueryResult<usize> {
        diesel::delete(
            events::table
                .filter(events::tenant_id.eq(tenant_id))
                .filter(events::user_id.eq(user_id)),
        )
        .execute(conn)
    }
}
