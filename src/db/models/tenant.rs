//! `tenants`: partner apps, their hashed API keys, encrypted webhook secrets, and the state of
//! their webhook endpoint (disabled after a 410, the breaker's failure count and open time).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Sealed;
use crate::db::schema::tenants;
use crate::db::types::TenantId;
use crate::db::{now, DbConn};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = tenants, treat_none_as_null = true)]
pub struct Tenant {
    pub id: TenantId,
    pub name: String,
    pub api_key_hash: String,
    pub api_key_prefix: String,
    pub webhook_url: Option<String>,
    pub webhook_secret_enc: String,
    pub webhook_secret_key_id: String,
    pub redirect_urls: String,
    pub activity_url_template: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub previous_webhook_secret_enc: Option<String>,
    pub previous_webhook_secret_key_id: Option<String>,
    pub previous_webhook_secret_until: Option<NaiveDateTime>,
    pub webhook_disabled_at: Option<NaiveDateTime>,
    pub webhook_failures: i32,
    pub webhook_open_until: Option<NaiveDateTime>,
    /// A rotated-out API key's hash, accepted until `previous_api_key_until`.
    pub previous_api_key_hash: Option<String>,
    pub previous_api_key_until: Option<NaiveDateTime>,
    /// The event filter: a JSON array of event types and `prefix.*` patterns; empty for all.
    pub webhook_events: String,
}

impl Tenant {
    /// The registered redirect URLs (stored as a JSON array).
    pub fn redirect_url_list(&self) -> Vec<String> {
        serde_json::from_str(&self.redirect_urls).unwrap_or_default()
    }

    /// The event filter's entries (stored as a JSON array).
    pub fn webhook_event_list(&self) -> Vec<String> {
        serde_json::from_str(&self.webhook_events).unwrap_or_default()
    }

    /// Where new deliveries go: the webhook URL unless the endpoint was disabled.
    pub fn webhook_target(&self) -> Option<&str> {
        self.webhook_url
            .as_deref()
            .filter(|_| self.webhook_disabled_at.is_none())
    }

    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(tenants::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    /// Writes every column of this row back (a `None` clears the column).
    pub fn save(&self, conn: &mut DbConn) -> QueryResult<()> {
        crate::db::auth_changed();
        diesel::update(tenants::table.find(&self.id))
            .set(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Tenant>> {
        tenants::table
            .order((tenants::created_at.asc(), tenants::id.asc()))
            .select(Tenant::as_select())
            .load(conn)
    }

    pub fn find(conn: &mut DbConn, id: &TenantId) -> QueryResult<Option<Tenant>> {
        tenants::table
            .find(id)
            .select(Tenant::as_select())
            .first(conn)
            .optional()
    }

    pub fn find_by_name(conn: &mut DbConn, name: &str) -> QueryResult<Option<Tenant>> {
        tenants::table
            .filter(tenants::name.eq(name))
            .select(Tenant::as_select())
            .first(conn)
            .optional()
    }

    /// The tenant whose API key hashes to `hash`: its current key, or its previous one while
    /// the rotation's overlap lasts.
    pub fn find_by_api_key_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<Tenant>> {
        let current = tenants::table
            .filter(tenants::api_key_hash.eq(hash))
            .select(Tenant::as_select())
            .first(conn)
            .optional()?;
        if current.is_some() {
            return Ok(current);
        }
        tenants::table
            .filter(tenants::previous_api_key_hash.eq(hash))
            .filter(tenants::previous_api_key_until.gt(now()))
            .select(Tenant::as_select())
            .first(conn)
            .optional()
    }

    /// Up to `limit` tenants after `after`, in id order: each one's sealed webhook secret and,
    /// after a rotation, the sealed previous one.
    pub fn sealed_secrets_page(
        conn: &mut DbConn,
        after: &str,
        limit: i64,
    ) -> QueryResult<Vec<(Sealed, Option<Sealed>)>> {
        type Row = (String, String, String, Option<String>, Option<String>);
        let rows: Vec<Row> = tenants::table
            .filter(tenants::id.gt(after))
            .order(tenants::id)
            .limit(limit)
            .select((
                tenants::id,
                tenants::webhook_secret_key_id,
                tenants::webhook_secret_enc,
                tenants::previous_webhook_secret_key_id,
                tenants::previous_webhook_secret_enc,
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|(id, key_id, enc, prev_key_id, prev_enc)| {
                let previous = prev_key_id
                    .zip(prev_enc)
                    .map(|(k, c)| Sealed::new((id.clone(), k, c)));
                (Sealed::new((id, key_id, enc)), previous)
            })
            .collect())
    }

    /// Stores the webhook secret sealed anew; false when it changed since `old` was read.
    pub fn reseal_webhook_secret(
        conn: &mut DbConn,
        old: &Sealed,
        key_id: &str,
        ciphertext: &str,
    ) -> QueryResult<bool> {
        crate::db::auth_changed();
        let n = diesel::update(
            tenants::table
                .filter(tenants::id.eq(&old.id))
                .filter(tenants::webhook_secret_key_id.eq(&old.key_id))
                .filter(tenants::webhook_secret_enc.eq(&old.ciphertext)),
        )
        .set((
            tenants::webhook_secret_key_id.eq(key_id),
            tenants::webhook_secret_enc.eq(ciphertext),
        ))
        .execute(conn)?;
        Ok(n == 1)
    }

    /// Stores the previous webhook secret sealed anew; false when it changed since `old` was read.
    pub fn reseal_previous_webhook_secret(
        conn: &mut DbConn,
        old: &Sealed,
        key_id: &str,
        ciphertext: &str,
    ) -> QueryResult<bool> {
        crate::db::auth_changed();
        let n = diesel::update(
            tenants::table
                .filter(tenants::id.eq(&old.id))
                .filter(tenants::previous_webhook_secret_key_id.eq(&old.key_id))
                .filter(tenants::previous_webhook_secret_enc.eq(&old.ciphertext)),
        )
        .set((
            tenants::previous_webhook_secret_key_id.eq(key_id),
            tenants::previous_webhook_secret_enc.eq(ciphertext),
        ))
        .execute(conn)?;
        Ok(n == 1)
    }

    /// The endpoint answered: failures forgotten, breaker closed.
    pub fn endpoint_succeeded(conn: &mut DbConn, id: &TenantId) -> QueryResult<()> {
        // A healthy endpoint's row is left alone: most deliveries succeed, and a write each
        // would serialise them on this row.
        diesel::update(
            tenants::table.find(id).filter(
                tenants::webhook_failures
                    .ne(0)
                    .or(tenants::webhook_open_until.is_not_null()),
            ),
        )
        .set((
            tenants::webhook_failures.eq(0),
            tenants::webhook_open_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(|_| ())
    }

    /// The endpoint answered 410 Gone: no more deliveries until the URL changes.
    pub fn endpoint_gone(conn: &mut DbConn, id: &TenantId) -> QueryResult<()> {
        crate::db::auth_changed();
        diesel::update(tenants::table.find(id))
            .set(tenants::webhook_disabled_at.eq(Some(now())))
            .execute(conn)
            .map(|_| ())
    }

    /// Counts one more consecutive failure; `open_until(failures)` says whether (and until when)
    /// the breaker opens. Returns the new count. A failure that lands while the breaker is open
    /// (a delivery that was already in flight when it opened) is not counted: the breaker
    /// escalates once per open period, when the first attempt after it fails too, so a burst of
    /// concurrent failures opens it once rather than for the longest period.
    pub fn endpoint_failed(
        conn: &mut DbConn,
        id: &TenantId,
        now: NaiveDateTime,
        open_until: impl FnOnce(i32) -> Option<NaiveDateTime>,
    ) -> QueryResult<i32> {
        // Increment in the database (the row stays locked until the transaction ends), then read
        // the count this transaction produced: concurrent failures while closed are all counted.
        let counted = diesel::update(
            tenants::table.find(id).filter(
                tenants::webhook_open_until
                    .is_null()
                    .or(tenants::webhook_open_until.le(now)),
            ),
        )
        .set(tenants::webhook_failures.eq(tenants::webhook_failures + 1))
        .execute(conn)?;
        let failures: i32 = tenants::table
            .find(id)
            .select(tenants::webhook_failures)
            .first(conn)?;
        if counted == 1 {
            diesel::update(tenants::table.find(id))
                .set(tenants::webhook_open_until.eq(open_until(failures)))
                .execute(conn)?;
        }
        Ok(failures)
    }
}
