//! Row types for the tables in `schema.rs`, and the few queries more than one module needs.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{connect_sessions, connections, events, tenants, tokens};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = tenants, treat_none_as_null = true)]
pub struct Tenant {
    pub id: String,
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
}

impl Tenant {
    /// The registered redirect URLs (stored as a JSON array).
    pub fn redirect_url_list(&self) -> Vec<String> {
        serde_json::from_str(&self.redirect_urls).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = connect_sessions)]
pub struct ConnectSession {
    pub id: String,
    pub tenant_id: String,
    pub user_id: String,
    pub redirect_url: Option<String>,
    pub scopes: String,
    pub status: String,
    pub error: Option<String>,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
    pub completed_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = tokens)]
pub struct Token {
    pub id: String,
    pub client_id: String,
    pub athlete_id: String,
    pub athlete_name: Option<String>,
    pub access_token_enc: String,
    pub key_id: String,
    pub scopes: String,
    pub status: String,
    pub status_reason: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = connections)]
pub struct Connection {
    pub id: String,
    pub tenant_id: String,
    pub user_id: String,
    pub athlete_id: String,
    pub token_id: String,
    pub scopes: String,
    pub connected_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = events)]
pub struct Event {
    pub id: String,
    pub tenant_id: String,
    pub user_id: Option<String>,
    pub athlete_id: Option<String>,
    pub event_type: String,
    pub payload: String,
    pub created_at: NaiveDateTime,
}

/// Token statuses. A connection's status is its token's.
pub mod token_status {
    pub const ACTIVE: &str = "active";
    pub const REVOKED: &str = "revoked";
    pub const INVALID: &str = "invalid";
}

/// Records an event for the tenant (the webhook outbox) and, when the tenant has a webhook URL,
/// its delivery, in the caller's transaction.
pub fn record_event(
    conn: &mut super::DbConn,
    tenant_id: &str,
    user_id: &str,
    athlete_id: &str,
    event_type: &str,
    data: serde_json::Value,
) -> QueryResult<()> {
    let row = Event {
        id: super::new_id(),
        tenant_id: tenant_id.to_owned(),
        user_id: Some(user_id.to_owned()),
        athlete_id: Some(athlete_id.to_owned()),
        event_type: event_type.to_owned(),
        payload: data.to_string(),
        created_at: super::now(),
    };
    diesel::insert_into(events::table)
        .values(&row)
        .execute(conn)?;
    crate::webhooks::outbound::create_delivery(conn, &row)
}

/// Moves an active token to `revoked` or `invalid` and records one event per connection that
/// uses it (`connection.revoked` / `connection.invalid`). Does nothing if it was not active, so
/// concurrent callers announce it once.
pub fn retire_token(
    conn: &mut super::DbConn,
    token_id: &str,
    status: &str,
    reason: &str,
) -> QueryResult<usize> {
    crate::db::write_tx(conn, |conn| {
        let n = diesel::update(
            tokens::table
                .filter(tokens::id.eq(token_id))
                .filter(tokens::status.eq(token_status::ACTIVE)),
        )
        .set((
            tokens::status.eq(status),
            tokens::status_reason.eq(Some(reason)),
            tokens::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
        if n == 0 {
            return Ok(0);
        }
        let affected: Vec<Connection> = connections::table
            .filter(connections::token_id.eq(token_id))
            .select(Connection::as_select())
            .load(conn)?;
        for c in &affected {
            record_event(
                conn,
                &c.tenant_id,
                &c.user_id,
                &c.athlete_id,
                &format!("connection.{status}"),
                serde_json::json!({ "reason": reason }),
            )?;
        }
        Ok(affected.len())
    })
}
