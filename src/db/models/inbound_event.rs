//! `inbound_events`: Intervals.icu's webhook events, stored once each (by the hash of their
//! canonical JSON) with the time they were routed.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::inbound_events as ie;
use crate::db::types::AthleteId;
use crate::db::{now, DbConn};

pub struct InboundEvent;

/// An event to store: the hash of its canonical JSON, its athlete, its type and the JSON.
pub struct NewInbound<'a> {
    pub dedupe_hash: &'a str,
    pub athlete_id: Option<&'a str>,
    pub event_type: &'a str,
    pub payload: &'a str,
}

impl InboundEvent {
    /// Stores each event unless one with the same hash is there (earlier, or earlier in
    /// `events`); the new ids, in order, `None` for a repeat. One statement per 500 events on
    /// PostgreSQL; on SQLite one insert per event (no round trips there), none of them preceded
    /// by a lookup: the unique index on the hash decides.
    pub fn insert_new(
        conn: &mut DbConn,
        events: &[NewInbound<'_>],
    ) -> QueryResult<Vec<Option<String>>> {
        let received_at = now();
        let ids: Vec<String> = events.iter().map(|_| crate::db::new_id()).collect();
        let rows: Vec<_> = events
            .iter()
            .zip(&ids)
            .map(|(e, id)| {
                (
                    ie::id.eq(id.as_str()),
                    ie::dedupe_hash.eq(e.dedupe_hash),
                    ie::athlete_id.eq(e.athlete_id),
                    ie::event_type.eq(e.event_type),
                    ie::payload.eq(e.payload),
                    ie::received_at.eq(received_at),
                )
            })
            .collect();
        match conn {
            DbConn::Postgresql(pg) => {
                let mut stored = std::collections::HashSet::new();
                for chunk in rows.chunks(500) {
                    let new: Vec<String> = diesel::insert_into(ie::table)
                        .values(chunk)
                        .on_conflict_do_nothing()
                        .returning(ie::id)
                        .get_results(pg)?;
                    stored.extend(new);
                }
                Ok(ids
                    .into_iter()
                    .map(|id| stored.contains(&id).then_some(id))
                    .collect())
            }
            DbConn::Sqlite(lite) => rows
                .into_iter()
                .zip(&ids)
                .map(|(row, id)| {
                    let n = diesel::insert_into(ie::table)
                        .values(row)
                        .on_conflict_do_nothing()
                        .execute(lite)?;
                    Ok((n == 1).then(|| id.clone()))
                })
                .collect(),
        }
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
