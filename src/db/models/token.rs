//! `tokens`: one per (OAuth client id, athlete): the encrypted access token, the scopes the
//! athlete granted, and whether Intervals.icu still takes it.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Sealed;
use crate::db::schema::tokens;
use crate::db::types::AthleteId;
use crate::db::types::TokenStatus;
use crate::db::{new_id, now, DbConn};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = tokens)]
pub struct Token {
    pub id: String,
    pub client_id: String,
    pub athlete_id: AthleteId,
    pub athlete_name: Option<String>,
    pub access_token_enc: String,
    pub key_id: String,
    pub scopes: String,
    pub status: TokenStatus,
    pub status_reason: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A completed grant, its token already encrypted.
pub struct NewGrant<'a> {
    pub client_id: &'a str,
    pub athlete_id: &'a AthleteId,
    pub athlete_name: Option<&'a str>,
    pub key_id: &'a str,
    pub access_token_enc: &'a str,
    /// Normalised scope text.
    pub scopes: &'a str,
}

impl Token {
    pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Token>> {
        tokens::table
            .find(id)
            .select(Token::as_select())
            .first(conn)
            .optional()
    }

    pub fn find_for(
        conn: &mut DbConn,
        client_id: &str,
        athlete_id: &AthleteId,
    ) -> QueryResult<Option<Token>> {
        tokens::table
            .filter(tokens::client_id.eq(client_id))
            .filter(tokens::athlete_id.eq(athlete_id))
            .select(Token::as_select())
            .first(conn)
            .optional()
    }

    /// Stores a grant: Intervals.icu keeps one token per app and athlete, so a new grant
    /// replaces the old row's token, scopes and status. Returns the token id. A concurrent
    /// insert for the same pair fails with a unique violation (the caller retries).
    pub fn save_grant(conn: &mut DbConn, g: &NewGrant<'_>) -> QueryResult<String> {
        crate::db::auth_changed();
        let now = now();
        if let Some(t) = Token::find_for(conn, g.client_id, g.athlete_id)? {
            diesel::update(tokens::table.find(&t.id))
                .set((
                    tokens::access_token_enc.eq(g.access_token_enc),
                    tokens::key_id.eq(g.key_id),
                    tokens::scopes.eq(g.scopes),
                    tokens::athlete_name.eq(g.athlete_name),
                    tokens::status.eq(TokenStatus::Active),
                    tokens::status_reason.eq(None::<String>),
                    tokens::updated_at.eq(now),
                ))
                .execute(conn)?;
            return Ok(t.id);
        }
        let row = Token {
            id: new_id(),
            client_id: g.client_id.to_owned(),
            athlete_id: g.athlete_id.clone(),
            athlete_name: g.athlete_name.map(str::to_owned),
            access_token_enc: g.access_token_enc.to_owned(),
            key_id: g.key_id.to_owned(),
            scopes: g.scopes.to_owned(),
            status: TokenStatus::Active,
            status_reason: None,
            created_at: now,
            updated_at: now,
        };
        diesel::insert_into(tokens::table)
            .values(&row)
            .execute(conn)?;
        Ok(row.id)
    }

    /// Moves an active token to `status`; false when it was not active (someone else did).
    pub fn retire(
        conn: &mut DbConn,
        id: &str,
        status: TokenStatus,
        reason: &str,
    ) -> QueryResult<bool> {
        crate::db::auth_changed();
        let n = diesel::update(
            tokens::table
                .filter(tokens::id.eq(id))
                .filter(tokens::status.eq(TokenStatus::Active)),
        )
        .set((
            tokens::status.eq(status),
            tokens::status_reason.eq(Some(reason)),
            tokens::updated_at.eq(now()),
        ))
        .execute(conn)?;
        Ok(n == 1)
    }

    /// The athlete changed what the app may do (`APP_SCOPE_CHANGED`).
    pub fn set_scopes(conn: &mut DbConn, id: &str, scopes: &str) -> QueryResult<()> {
        crate::db::auth_changed();
        diesel::update(tokens::table.find(id))
            .set((tokens::scopes.eq(scopes), tokens::updated_at.eq(now())))
            .execute(conn)
            .map(|_| ())
    }

    /// Up to `limit` sealed access tokens after `after`, in id order.
    pub fn sealed_page(conn: &mut DbConn, after: &str, limit: i64) -> QueryResult<Vec<Sealed>> {
        let rows: Vec<(String, String, String)> = tokens::table
            .filter(tokens::id.gt(after))
            .order(tokens::id)
            .limit(limit)
            .select((tokens::id, tokens::key_id, tokens::access_token_enc))
            .load(conn)?;
        Ok(rows.into_iter().map(Sealed::new).collect())
    }

    /// Stores the access token sealed anew (same token, another key); false when the row changed
    /// since `old` was read (a new grant wrote it meanwhile).
    pub fn reseal(
        conn: &mut DbConn,
        old: &Sealed,
        key_id: &str,
        ciphertext: &str,
    ) -> QueryResult<bool> {
        crate::db::auth_changed();
        let n = diesel::update(
            tokens::table
                .filter(tokens::id.eq(&old.id))
                .filter(tokens::key_id.eq(&old.key_id))
                .filter(tokens::access_token_enc.eq(&old.ciphertext)),
        )
        .set((
            tokens::key_id.eq(key_id),
            tokens::access_token_enc.eq(ciphertext),
        ))
        .execute(conn)?;
        Ok(n == 1)
    }

    /// Locks the token's row until the transaction ends (PostgreSQL; a SQLite write transaction
    /// already holds the database), so writers deciding on the athlete's last connection take
    /// turns.
    pub fn lock(conn: &mut DbConn, id: &str) -> QueryResult<()> {
        if let DbConn::Postgresql(pg) = conn {
            tokens::table
                .find(id)
                .select(tokens::id)
                .for_update()
                .first::<String>(pg)
                .optional()?;
        }
        Ok(())
    }

    pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<()> {
        crate::db::auth_changed();
        diesel::delete(tokens::table.find(id))
            .execute(conn)
            .map(|_| ())
    }
}
