//! `webhook_deliveries` and `webhook_attempts`: one delivery per tenant event and endpoint, and
//! a row for every attempt at it.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::{Event, Tenant};
use crate::db::schema::{events, tenants, webhook_attempts as wa, webhook_deliveries as wd};
use crate::db::types::DeliveryStatus;
use crate::db::types::{TenantId, UserId};
use crate::db::{new_id, now, DbConn};

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = wd)]
pub struct Delivery {
    pub id: String,
    pub event_id: String,
    pub tenant_id: TenantId,
    pub url: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub next_attempt_at: Option<NaiveDateTime>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub delivered_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = wa)]
pub struct Attempt {
    pub delivery_id: String,
    pub attempt: i32,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub latency_ms: i64,
    pub created_at: NaiveDateTime,
}

impl Delivery {
    /// A new pending delivery of the event to `url`, due now; its id.
    pub fn create(conn: &mut DbConn, event: &Event, url: &str) -> QueryResult<String> {
        let now = now();
        let id = new_id();
        diesel::insert_into(wd::table)
            .values((
                wd::id.eq(&id),
                wd::event_id.eq(&event.id),
                wd::tenant_id.eq(&event.tenant_id),
                wd::url.eq(url),
                wd::status.eq(DeliveryStatus::Pending),
                wd::attempts.eq(0),
                wd::next_attempt_at.eq(Some(now)),
                wd::created_at.eq(now),
                wd::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok(id)
    }

    /// Back to pending at `url`, due now, with a fresh attempt budget.
    pub fn reset(conn: &mut DbConn, tenant_id: &TenantId, id: &str, url: &str) -> QueryResult<()> {
        let now = now();
        diesel::update(
            wd::table
                .filter(wd::id.eq(id))
                .filter(wd::tenant_id.eq(tenant_id)),
        )
        .set((
            wd::status.eq(DeliveryStatus::Pending),
            wd::url.eq(url),
            wd::attempts.eq(0),
            wd::next_attempt_at.eq(Some(now)),
            wd::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
    }

    /// The delivery with its event and tenant, for an attempt.
    pub fn load_for_attempt(
        conn: &mut DbConn,
        id: &str,
    ) -> QueryResult<Option<(Delivery, Event, Tenant)>> {
        wd::table
            .find(id)
            .inner_join(events::table)
            .inner_join(tenants::table.on(tenants::id.eq(wd::tenant_id)))
            .select((
                Delivery::as_select(),
                Event::as_select(),
                Tenant::as_select(),
            ))
            .first(conn)
            .optional()
    }

    /// One of the tenant's deliveries with its event.
    pub fn find_with_event(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        id: &str,
    ) -> QueryResult<Option<(Delivery, Event)>> {
        wd::table
            .inner_join(events::table)
            .filter(wd::id.eq(id))
            .filter(wd::tenant_id.eq(tenant_id))
            .select((Delivery::as_select(), Event::as_select()))
            .first(conn)
            .optional()
    }

    /// The tenant's deliveries (in `status`, of `event_type`, when given), newest first, after
    /// the `(created_at, id)` cursor.
    pub fn page(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        status: Option<DeliveryStatus>,
        event_type: Option<&str>,
        after: Option<(NaiveDateTime, String)>,
        limit: i64,
    ) -> QueryResult<Vec<(Delivery, Event)>> {
        let mut query = wd::table
            .inner_join(events::table)
            .filter(wd::tenant_id.eq(tenant_id))
            .order((wd::created_at.desc(), wd::id.desc()))
            .limit(limit)
            .select((Delivery::as_select(), Event::as_select()))
            .into_boxed();
        if let Some(s) = status {
            query = query.filter(wd::status.eq(s));
        }
        if let Some(t) = event_type {
            query = query.filter(events::event_type.eq(t));
        }
        if let Some((t, id)) = after {
            query = query.filter(
                wd::created_at
                    .lt(t)
                    .or(wd::created_at.eq(t).and(wd::id.lt(id))),
            );
        }
        query.load(conn)
    }

    /// Deletes up to `limit` deliveries that succeeded before `older_than`, with their attempts;
    /// returns how many deliveries went.
    pub fn purge_succeeded_before(
        conn: &mut DbConn,
        older_than: NaiveDateTime,
        limit: i64,
    ) -> QueryResult<usize> {
        let ids: Vec<String> = wd::table
            .filter(wd::status.eq(DeliveryStatus::Succeeded))
            .filter(wd::delivered_at.lt(older_than))
            .order(wd::delivered_at)
            .limit(limit)
            .select(wd::id)
            .load(conn)?;
        Delivery::delete_with_attempts(conn, &ids)
    }

    /// The ids of every delivery of the user's events.
    pub fn ids_of_user(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        user_id: &UserId,
    ) -> QueryResult<Vec<String>> {
        wd::table
            .inner_join(events::table)
            .filter(events::tenant_id.eq(tenant_id))
            .filter(events::user_id.eq(user_id))
            .select(wd::id)
            .load(conn)
    }

    /// The deliveries of these events.
    pub fn ids_of_events(conn: &mut DbConn, event_ids: &[String]) -> QueryResult<Vec<String>> {
        let mut ids = Vec::new();
        for chunk in event_ids.chunks(super::ID_CHUNK) {
            ids.extend(
                wd::table
                    .filter(wd::event_id.eq_any(chunk))
                    .select(wd::id)
                    .load::<String>(conn)?,
            );
        }
        Ok(ids)
    }

    /// Deletes these deliveries and their attempts; returns how many deliveries went.
    pub fn delete_with_attempts(conn: &mut DbConn, ids: &[String]) -> QueryResult<usize> {
        let mut deleted = 0;
        for chunk in ids.chunks(super::ID_CHUNK) {
            diesel::delete(wa::table.filter(wa::delivery_id.eq_any(chunk))).execute(conn)?;
            deleted += diesel::delete(wd::table.filter(wd::id.eq_any(chunk))).execute(conn)?;
        }
        Ok(deleted)
    }

    /// How many deliveries are in each status but `succeeded`: the ranges of those statuses in
    /// `webhook_deliveries_delivered (status, delivered_at)`, never the succeeded history kept
    /// for the retention period.
    pub fn count_unsucceeded_by_status(
        conn: &mut DbConn,
    ) -> QueryResult<Vec<(DeliveryStatus, i64)>> {
        wd::table
            .filter(wd::status.eq_any([
                DeliveryStatus::Pending,
                DeliveryStatus::Failed,
                DeliveryStatus::Disabled,
            ]))
            .group_by(wd::status)
            .select((wd::status, diesel::dsl::count_star()))
            .order(wd::status)
            .load(conn)
    }

    /// Gives up on a delivery whose endpoint was disabled.
    pub fn disable(conn: &mut DbConn, id: &str, reason: &str) -> QueryResult<()> {
        diesel::update(wd::table.find(id))
            .set((
                wd::status.eq(DeliveryStatus::Disabled),
                wd::last_error.eq(Some(reason)),
                wd::next_attempt_at.eq(None::<NaiveDateTime>),
                wd::updated_at.eq(now()),
            ))
            .execute(conn)
            .map(|_| ())
    }

    /// Puts the next attempt off to `until` without spending one.
    pub fn defer(conn: &mut DbConn, id: &str, until: NaiveDateTime) -> QueryResult<()> {
        diesel::update(wd::table.find(id))
            .set((
                wd::next_attempt_at.eq(Some(until)),
                wd::updated_at.eq(now()),
            ))
            .execute(conn)
            .map(|_| ())
    }

    /// Records the outcome of attempt number `attempt`: `status` with the endpoint's answer,
    /// and the next attempt's time while it stays pending.
    pub fn record_outcome(
        conn: &mut DbConn,
        id: &str,
        attempt: i32,
        status: DeliveryStatus,
        code: Option<i32>,
        error: Option<&str>,
        next_attempt_at: Option<NaiveDateTime>,
    ) -> QueryResult<()> {
        let now = now();
        let delivered = (status == DeliveryStatus::Succeeded).then_some(now);
        let base = diesel::update(wd::table.find(id));
        match delivered {
            Some(at) => base
                .set((
                    wd::status.eq(status),
                    wd::attempts.eq(attempt),
                    wd::last_status_code.eq(code),
                    wd::last_error.eq(error),
                    wd::next_attempt_at.eq(next_attempt_at),
                    wd::delivered_at.eq(Some(at)),
                    wd::updated_at.eq(now),
                ))
                .execute(conn),
            None => base
                .set((
                    wd::status.eq(status),
                    wd::attempts.eq(attempt),
                    wd::last_status_code.eq(code),
                    wd::last_error.eq(error),
                    wd::next_attempt_at.eq(next_attempt_at),
                    wd::updated_at.eq(now),
                ))
                .execute(conn),
        }
        .map(|_| ())
    }
}

impl Attempt {
    pub fn insert(
        conn: &mut DbConn,
        delivery_id: &str,
        attempt: i32,
        status_code: Option<i32>,
        error: Option<&str>,
        latency_ms: i64,
    ) -> QueryResult<()> {
        diesel::insert_into(wa::table)
            .values((
                wa::id.eq(new_id()),
                wa::delivery_id.eq(delivery_id),
                wa::attempt.eq(attempt),
                wa::status_code.eq(status_code),
                wa::error.eq(error),
                wa::latency_ms.eq(latency_ms),
                wa::created_at.eq(now()),
            ))
            .execute(conn)
            .map(|_| ())
    }

    /// Every attempt of the given deliveries, in the order they were made (a resend numbers its
    /// attempts from 1 again).
    pub fn of_deliveries(conn: &mut DbConn, ids: &[&str]) -> QueryResult<Vec<Attempt>> {
        wa::table
            .filter(wa::delivery_id.eq_any(ids))
            .order((wa::delivery_id, wa::created_at, wa::attempt))
            .select(Attempt::as_select())
            .load(conn)
    }
}
