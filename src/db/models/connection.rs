//! `connections`: (tenant, the partner's user id) → athlete and token, with the scopes the
//! tenant asked for.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Token;
use crate::db::schema::{connections, tokens};
use crate::db::types::{AthleteId, TenantId, UserId};
use crate::db::{new_id, now, DbConn};

#[diesel::declare_sql_function]
extern "SQL" {
    /// `substr(text, start, length)`, 1-based, in characters: the same on both backends.
    fn substr(
        text: diesel::sql_types::Text,
        start: diesel::sql_types::Integer,
        length: diesel::sql_types::Integer,
    ) -> diesel::sql_types::Text;
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = connections)]
pub struct Connection {
    pub id: String,
    pub tenant_id: TenantId,
    pub user_id: UserId,
    pub athlete_id: AthleteId,
    pub token_id: String,
    pub scopes: String,
    pub connected_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// What a completed connect stores for (tenant, user).
pub struct NewConnection<'a> {
    pub tenant_id: &'a TenantId,
    pub user_id: &'a UserId,
    pub athlete_id: &'a AthleteId,
    pub token_id: &'a str,
    pub scopes: &'a str,
}

impl Connection {
    /// The tenant's connection for `user_id`, with its token.
    pub fn find_with_token(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        user_id: &UserId,
    ) -> QueryResult<Option<(Connection, Token)>> {
        connections::table
            .inner_join(tokens::table)
            .filter(connections::tenant_id.eq(tenant_id))
            .filter(connections::user_id.eq(user_id))
            .select((Connection::as_select(), Token::as_select()))
            .first(conn)
            .optional()
    }

    /// One page of the tenant's connections by user id, after `after`; `limit` rows at most.
    pub fn page(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        after: Option<&UserId>,
        limit: i64,
    ) -> QueryResult<Vec<(Connection, Token)>> {
        let mut q = connections::table
            .inner_join(tokens::table)
            .filter(connections::tenant_id.eq(tenant_id))
            .order(connections::user_id.asc())
            .limit(limit)
            .select((Connection::as_select(), Token::as_select()))
            .into_boxed();
        if let Some(after) = after {
            q = q.filter(connections::user_id.gt(after.clone()));
        }
        q.load(conn)
    }

    /// Like [`Connection::page`], only user ids that start with `prefix` (exactly, case and all,
    /// on both backends: SQLite's `LIKE` ignores case).
    pub fn page_with_prefix(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        prefix: &str,
        after: Option<&UserId>,
        limit: i64,
    ) -> QueryResult<Vec<(Connection, Token)>> {
        let len = i32::try_from(prefix.chars().count()).unwrap_or(i32::MAX);
        let mut q = connections::table
            .inner_join(tokens::table)
            .filter(connections::tenant_id.eq(tenant_id))
            .filter(substr(connections::user_id, 1, len).eq(prefix))
            .order(connections::user_id.asc())
            .limit(limit)
            .select((Connection::as_select(), Token::as_select()))
            .into_boxed();
        if let Some(after) = after {
            q = q.filter(connections::user_id.gt(after.clone()));
        }
        q.load(conn)
    }

    /// Every connection that uses the token.
    pub fn of_token(conn: &mut DbConn, token_id: &str) -> QueryResult<Vec<Connection>> {
        connections::table
            .filter(connections::token_id.eq(token_id))
            .select(Connection::as_select())
            .load(conn)
    }

    /// Every connection of the athlete, across tenants.
    pub fn of_athlete(conn: &mut DbConn, athlete_id: &AthleteId) -> QueryResult<Vec<Connection>> {
        connections::table
            .filter(connections::athlete_id.eq(athlete_id))
            .select(Connection::as_select())
            .load(conn)
    }

    pub fn count_of_token(conn: &mut DbConn, token_id: &str) -> QueryResult<i64> {
        connections::table
            .filter(connections::token_id.eq(token_id))
            .count()
            .get_result(conn)
    }

    /// How many connections, across tenants, use the athlete.
    pub fn count_of_athlete(conn: &mut DbConn, athlete_id: &AthleteId) -> QueryResult<i64> {
        connections::table
            .filter(connections::athlete_id.eq(athlete_id))
            .count()
            .get_result(conn)
    }

    /// Reads every connection (an index-only scan at best): `/metrics` asks at most once a minute.
    pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
        connections::table.count().get_result(conn)
    }

    /// Creates or re-points (tenant, user) at the athlete's token with the scopes asked for;
    /// true when it was created.
    pub fn upsert(conn: &mut DbConn, c: &NewConnection<'_>) -> QueryResult<bool> {
        crate::db::auth_changed();
        let now = now();
        let existing: Option<String> = connections::table
            .filter(connections::tenant_id.eq(c.tenant_id))
            .filter(connections::user_id.eq(c.user_id))
            .select(connections::id)
            .first(conn)
            .optional()?;
        if let Some(id) = existing {
            diesel::update(connections::table.find(&id))
                .set((
                    connections::athlete_id.eq(c.athlete_id),
                    connections::token_id.eq(c.token_id),
                    connections::scopes.eq(c.scopes),
                    connections::connected_at.eq(now),
                    connections::updated_at.eq(now),
                ))
                .execute(conn)?;
            return Ok(false);
        }
        diesel::insert_into(connections::table)
            .values(&Connection {
                id: new_id(),
                tenant_id: c.tenant_id.clone(),
                user_id: c.user_id.clone(),
                athlete_id: c.athlete_id.clone(),
                token_id: c.token_id.to_owned(),
                scopes: c.scopes.to_owned(),
                connected_at: now,
                updated_at: now,
            })
            .execute(conn)?;
        Ok(true)
    }

    /// Moves the connection's `updated_at` to now: its tenant was told of a change.
    pub fn touch(conn: &mut DbConn, id: &str) -> QueryResult<()> {
        diesel::update(connections::table.find(id))
            .set(connections::updated_at.eq(now()))
            .execute(conn)
            .map(|_| ())
    }

    pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<()> {
        crate::db::auth_changed();
        diesel::delete(connections::table.find(id))
            .execute(conn)
            .map(|_| ())
    }
}
