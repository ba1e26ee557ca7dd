//! `upstream_usage`: each athlete's calls to Intervals.icu per UTC day, across instances (which
//! add their counts in batches), and `bridge_instances`: the instances alive, by heartbeat, so
//! each takes its share of the upstream rate.

use chrono::NaiveDateTime;
use diesel::dsl::{count_star, max, sql};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable};

use super::is_unique_violation;
use crate::db::schema::{auth_epoch, bridge_instances, upstream_usage};
use crate::db::{write_tx, DbConn};

pub struct UpstreamUsage;

/// Today's calls across athletes, for `/metrics`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DaySummary {
    pub athletes: i64,
    pub calls: i64,
    pub max_calls: i64,
    /// Athletes whose count reached the cap (0 without one).
    pub at_cap: i64,
}

impl UpstreamUsage {
    /// Makes sure the (day, athlete) row exists; a concurrent insert is as good as ours.
    fn ensure(conn: &mut DbConn, day: &str, athlete: &str) -> QueryResult<()> {
        let inserted = conn.transaction(|c| {
            diesel::insert_into(upstream_usage::table)
                .values((
                    upstream_usage::day.eq(day),
                    upstream_usage::athlete_id.eq(athlete),
                    upstream_usage::calls.eq(0i64),
                ))
                .execute(c)
        });
        match inserted {
            Err(e) if !is_unique_violation(&e) => Err(e),
            _ => Ok(()),
        }
    }

    fn total(conn: &mut DbConn, day: &str, athlete: &str) -> QueryResult<Option<i64>> {
        upstream_usage::table
            .filter(upstream_usage::day.eq(day))
            .filter(upstream_usage::athlete_id.eq(athlete))
            .select(upstream_usage::calls)
            .first(conn)
            .optional()
    }

    /// Adds `n` calls for each (athlete, n) of `day`; returns each athlete's new total.
    pub fn add(
        conn: &mut DbConn,
        day: &str,
        counts: &[(String, i64)],
    ) -> QueryResult<Vec<(String, i64)>> {
        write_tx(conn, |conn| {
            let mut totals = Vec::with_capacity(counts.len());
            for (athlete, n) in counts {
                Self::ensure(conn, day, athlete)?;
                let target = upstream_usage::table
                    .filter(upstream_usage::day.eq(day))
                    .filter(upstream_usage::athlete_id.eq(athlete));
                diesel::update(target)
                    .set(upstream_usage::calls.eq(upstream_usage::calls + *n))
                    .execute(conn)?;
                let total = Self::total(conn, day, athlete)?.unwrap_or(0);
                totals.push((athlete.clone(), total));
            }
            Ok(totals)
        })
    }

    /// Adds one call when the athlete has fewer than `cap` today: the new total, or `None` (the
    /// budget is spent, nothing added).
    pub fn take_below(
        conn: &mut DbConn,
        day: &str,
        athlete: &str,
        cap: i64,
    ) -> QueryResult<Option<i64>> {
        write_tx(conn, |conn| {
            Self::ensure(conn, day, athlete)?;
            let target = upstream_usage::table
                .filter(upstream_usage::day.eq(day))
                .filter(upstream_usage::athlete_id.eq(athlete))
                .filter(upstream_usage::calls.lt(cap));
            let n = diesel::update(target)
                .set(upstream_usage::calls.eq(upstream_usage::calls + 1))
                .execute(conn)?;
            if n == 0 {
                return Ok(None);
            }
            Self::total(conn, day, athlete)
        })
    }

    /// The athlete's calls on `day` (0 when none).
    pub fn calls(conn: &mut DbConn, day: &str, athlete: &str) -> QueryResult<i64> {
        Ok(Self::total(conn, day, athlete)?.unwrap_or(0))
    }

    /// Calls on `day` of each athlete named that has any.
    pub fn calls_of(
        conn: &mut DbConn,
        day: &str,
        athletes: &[String],
    ) -> QueryResult<Vec<(String, i64)>> {
        if athletes.is_empty() {
            return Ok(Vec::new());
        }
        upstream_usage::table
            .filter(upstream_usage::day.eq(day))
            .filter(upstream_usage::athlete_id.eq_any(athletes))
            .select((upstream_usage::athlete_id, upstream_usage::calls))
            .load(conn)
    }

    /// One index range (the primary key starts with `day`).
    pub fn summary(conn: &mut DbConn, day: &str, cap: Option<i64>) -> QueryResult<DaySummary> {
        let (athletes, calls, max_calls): (i64, Option<i64>, Option<i64>) = upstream_usage::table
            .filter(upstream_usage::day.eq(day))
            .select((
                count_star(),
                // SUM of a BIGINT is NUMERIC on PostgreSQL.
                sql::<Nullable<BigInt>>("CAST(SUM(calls) AS BIGINT)"),
                max(upstream_usage::calls),
            ))
            .first(conn)?;
        let at_cap = match cap {
            Some(cap) => upstream_usage::table
                .filter(upstream_usage::day.eq(day))
                .filter(upstream_usage::calls.ge(cap))
                .count()
                .get_result(conn)?,
            None => 0,
        };
        Ok(DaySummary {
            athletes,
            calls: calls.unwrap_or(0),
            max_calls: max_calls.unwrap_or(0),
            at_cap,
        })
    }

    /// Forgets days before `day`.
    pub fn purge_before(conn: &mut DbConn, day: &str) -> QueryResult<usize> {
        diesel::delete(upstream_usage::table.filter(upstream_usage::day.lt(day))).execute(conn)
    }
}

pub struct Instance;

impl Instance {
    /// Records that instance `id` is alive now.
    pub fn beat(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<()> {
        let n = diesel::update(bridge_instances::table.find(id))
            .set(bridge_instances::last_seen.eq(now))
            .execute(conn)?;
        if n == 0 {
            diesel::insert_into(bridge_instances::table)
                .values((
                    bridge_instances::id.eq(id),
                    bridge_instances::started_at.eq(now),
                    bridge_instances::last_seen.eq(now),
                ))
                .execute(conn)?;
        }
        Ok(())
    }

    /// Instances seen since `since`.
    pub fn alive(conn: &mut DbConn, since: NaiveDateTime) -> QueryResult<i64> {
        bridge_instances::table
            .filter(bridge_instances::last_seen.ge(since))
            .count()
            .get_result(conn)
    }

    /// Forgets instances not seen since `before`.
    pub fn purge(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
        diesel::delete(bridge_instances::table.filter(bridge_instances::last_seen.lt(before)))
            .execute(conn)
    }

    pub fn leave(conn: &mut DbConn, id: &str) -> QueryResult<()> {
        diesel::delete(bridge_instances::table.find(id))
            .execute(conn)
            .map(|_| ())
    }

    /// SQLite's version of what instances cache (bumped by triggers); `None` on PostgreSQL, which
    /// notifies instead.
    pub fn auth_epoch(conn: &mut DbConn) -> QueryResult<Option<i64>> {
        match conn {
            DbConn::Sqlite(_) => auth_epoch::table
                .find(1)
                .select(auth_epoch::version)
                .first(conn)
                .map(Some),
            DbConn::Postgresql(_) => Ok(None),
        }
    }
}
