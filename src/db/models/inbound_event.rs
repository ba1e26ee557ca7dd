//! `inbound_events`: Intervals.icu's webhook events, stored once each (by the hash of their
//! canonical JSON) with the time they were routed.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::inbound_events as ie;
use crate::db::types::AthleteId;
use crate::db::{now, DbConn};

pub struct InboundEvent;

impl InboundEvent {
    /// Stores an event unless one with the same hash is there; the new id, or `None` for a
    /// repeat.
    pub fn insert_new(
        conn: &mut DbConn,
        dedupe_hash: &str,
        athlete_id: Option<&str>,
        event_type: &str,
        payload: &str,
    ) -> QueryResult<Option<String>> {
        let exists: i64 = ie::table
            .filter(ie::dedupe_hash.eq(dedupe_hash))
            .count()
            .get_result(conn)?;
        if exists > 0 {
            return Ok(None);
        }
        let id = crate::db::new_id();
        diesel::insert_into(ie::table)
            .values((
                ie::id.eq(&id),
                ie::dedupe_hash.eq(dedupe_hash),
                ie::athlete_id.eq(athlete_id),
                ie::event_type.eq(event_type),
                ie::payload.eq(payload),
                ie::received_at.eq(now()),
            ))
            .execute(conn)?;
        Ok(Some(id))
    }

    /// Marks the event routed and returns its payload, or `None` when it was routed already (or
    /// erased with its athlete's last connection). The mark is a conditional update, so of two
    /// concurrent routers exactly one gets it.
    pub fn take_for_routing(conn: &mut DbConn, id: &str) -> QueryResult<Option<String>> {
        let taken = diesel::update(
            ie::table
                .filter(ie::id.eq(id))
                .filter(ie::routed_at.is_null()),
        )
        .set(ie::routed_at.eq(Some(now())))
        .execute(conn)?;
        if taken == 0 {
            return Ok(None);
        }
        ie::table.find(id).select(ie::payload).first(conn).map(Some)
    }

    /// Deletes up to `limit` routed events received before `older_than`; returns how many.
    /// Unrouted ones stay whatever their age: their routing job has yet to run.
    pub fn purge_routed_before(
        conn: &mut DbConn,
        older_than: NaiveDateTime,
        limit: i64,
    ) -> QueryResult<usize> {
        let ids: Vec<String> = ie::table
            .filter(ie::routed_at.is_not_null())
            .filter(ie::received_at.lt(older_than))
            .order(ie::received_at)
            .limit(limit)
            .select(ie::id)
            .load(conn)?;
        if ids.is_empty() {
            return Ok(0);
        }
        diesel::delete(ie::table.filter(ie::id.eq_any(&ids))).execute(conn)
    }

    /// Deletes every event about the athlete; returns how many.
    pub fn delete_of_athlete(conn: &mut DbConn, athlete_id: &AthleteId) -> QueryResult<usize> {
        diesel::delete(ie::table.filter(ie::athlete_id.eq(athlete_id.as_str()))).execute(conn)
    }
}
