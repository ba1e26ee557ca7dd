//! `cache_generations`: one number per (athlete, area) that every change the bridge learns of
//! raises, and `read_cache` (PostgreSQL only, UNLOGGED): upstream answers shared by the
//! instances of a deployment. The read cache (`services::read_cache`) owns the rules.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Binary, Text, Timestamp};

use crate::db::schema::cache_generations;
use crate::db::DbConn;

pub struct CacheGenerations;

/// A shared answer as stored.
#[derive(Debug, QueryableByName)]
pub struct SharedAnswer {
    #[diesel(sql_type = BigInt)]
    pub generation: i64,
    #[diesel(sql_type = Timestamp)]
    pub stored_at: NaiveDateTime,
    #[diesel(sql_type = Text)]
    pub content_type: String,
    #[diesel(sql_type = Binary)]
    pub body: Vec<u8>,
}

impl CacheGenerations {
    /// The athlete's current generation of `area` (0 before any change).
    pub fn current(conn: &mut DbConn, athlete: &str, area: &str) -> QueryResult<i64> {
        Ok(cache_generations::table
            .filter(cache_generations::athlete_id.eq(athlete))
            .filter(cache_generations::area.eq(area))
            .select(cache_generations::generation)
            .first::<i64>(conn)
            .optional()?
            .unwrap_or(0))
    }

    /// Raises the generation of each (athlete, area), in a fixed order so two writers never
    /// wait on each other in a circle. Runs in the caller's transaction, if any.
    pub fn raise(
        conn: &mut DbConn,
        keys: &[(String, &'static str)],
        at: NaiveDateTime,
    ) -> QueryResult<()> {
        let mut keys: Vec<&(String, &'static str)> = keys.iter().collect();
        keys.sort();
        keys.dedup();
        for (athlete, area) in keys {
            match conn {
                DbConn::Sqlite(c) => diesel::sql_query(
                    "INSERT INTO cache_generations (athlete_id, area, generation, changed_at) \
                     VALUES (?, ?, 1, ?) ON CONFLICT (athlete_id, area) DO UPDATE \
                     SET generation = cache_generations.generation + 1, changed_at = excluded.changed_at",
                )
                .bind::<Text, _>(athlete)
                .bind::<Text, _>(*area)
                .bind::<Timestamp, _>(at)
                .execute(c)?,
                DbConn::Postgresql(c) => diesel::sql_query(
                    "INSERT INTO cache_generations (athlete_id, area, generation, changed_at) \
                     VALUES ($1, $2, 1, $3) ON CONFLICT (athlete_id, area) DO UPDATE \
                     SET generation = cache_generations.generation + 1, changed_at = excluded.changed_at",
                )
                .bind::<Text, _>(athlete)
                .bind::<Text, _>(*area)
                .bind::<Timestamp, _>(at)
                .execute(c)?,
            };
        }
        Ok(())
    }

    /// The shared answer under `key` (PostgreSQL; `None` on SQLite, where one instance's memory
    /// is the whole cache).
    pub fn load(conn: &mut DbConn, key: &str) -> QueryResult<Option<SharedAnswer>> {
        let DbConn::Postgresql(c) = conn else {
            return Ok(None);
        };
        diesel::sql_query(
            "SELECT generation, stored_at, content_type, body FROM read_cache WHERE key = $1",
        )
        .bind::<Text, _>(key)
        .get_result(c)
        .optional()
    }

    /// Stores (or replaces) the shared answer under `key`; nothing on SQLite. An answer read
    /// under an older generation never replaces one read under a newer.
    #[allow(clippy::too_many_arguments)]
    pub fn store(
        conn: &mut DbConn,
        key: &str,
        athlete: &str,
        area: &str,
        generation: i64,
        stored_at: NaiveDateTime,
        content_type: &str,
        body: &[u8],
    ) -> QueryResult<()> {
        let DbConn::Postgresql(c) = conn else {
            return Ok(());
        };
        diesel::sql_query(
            "INSERT INTO read_cache (key, athlete_id, area, generation, stored_at, content_type, body) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO UPDATE SET \
             generation = excluded.generation, stored_at = excluded.stored_at, \
             content_type = excluded.content_type, body = excluded.body \
             WHERE read_cache.generation <= excluded.generation",
        )
        .bind::<Text, _>(key)
        .bind::<Text, _>(athlete)
        .bind::<Text, _>(area)
        .bind::<BigInt, _>(generation)
        .bind::<Timestamp, _>(stored_at)
        .bind::<Text, _>(content_type)
        .bind::<Binary, _>(body)
        .execute(c)
        .map(|_| ())
    }

    /// Forgets shared answers stored before `before` (they are no use even as stale answers).
    pub fn purge_before(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
        let DbConn::Postgresql(c) = conn else {
            return Ok(0);
        };
        diesel::sql_query("DELETE FROM read_cache WHERE stored_at < $1")
            .bind::<Timestamp, _>(before)
            .execute(c)
    }
}
