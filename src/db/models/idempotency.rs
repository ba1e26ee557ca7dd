//! `idempotency_keys`: per tenant, the first answer to each `Idempotency-Key` of a POST, with a
//! hash of the request it answered, for 24 hours.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::is_unique_violation;
use crate::db::schema::idempotency_keys as ik;
use crate::db::types::TenantId;
use crate::db::{write_tx, DbConn};

/// How long a key is remembered.
pub const KEEP_HOURS: i64 = 24;

/// What a key holds when a request with it arrives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdempotencyClaim {
    /// The key is new: this request runs, and its answer is kept.
    New,
    /// The first request with the key answered this.
    Replay {
        status: u16,
        content_type: Option<String>,
        body: String,
    },
    /// The key was used for another request.
    Mismatch,
    /// The first request with the key is still running.
    InProgress,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = ik)]
struct Row {
    tenant_id: TenantId,
    idempotency_key: String,
    request_hash: String,
    status: Option<i32>,
    content_type: Option<String>,
    body: Option<String>,
    created_at: NaiveDateTime,
}

pub struct IdempotencyKey;

impl IdempotencyKey {
    /// Claims `key` for the request hashing to `hash`, or tells what it already holds. A key
    /// older than [`KEEP_HOURS`] is forgotten first.
    pub fn claim(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        key: &str,
        hash: &str,
        now: NaiveDateTime,
    ) -> QueryResult<IdempotencyClaim> {
        let expired = now - chrono::Duration::hours(KEEP_HOURS);
        let found = write_tx(conn, |conn| {
            diesel::delete(
                ik::table
                    .filter(ik::tenant_id.eq(tenant_id))
                    .filter(ik::idempotency_key.eq(key))
                    .filter(ik::created_at.lt(expired)),
            )
            .execute(conn)?;
            let found: Option<Row> = ik::table
                .filter(ik::tenant_id.eq(tenant_id))
                .filter(ik::idempotency_key.eq(key))
                .select(Row::as_select())
                .first(conn)
                .optional()?;
            if found.is_none() {
                diesel::insert_into(ik::table)
                    .values(Row {
                        tenant_id: tenant_id.clone(),
                        idempotency_key: key.to_owned(),
                        request_hash: hash.to_owned(),
                        status: None,
                        content_type: None,
                        body: None,
                        created_at: now,
                    })
                    .execute(conn)?;
            }
            Ok(found)
        });
        let found = match found {
            // Another request with the key inserted it first.
            Err(e) if is_unique_violation(&e) => return Ok(IdempotencyClaim::InProgress),
            other => other?,
        };
        Ok(match found {
            None => IdempotencyClaim::New,
            Some(row) if row.request_hash != hash => IdempotencyClaim::Mismatch,
            Some(Row {
                status: Some(status),
                content_type,
                body,
                ..
            }) => IdempotencyClaim::Replay {
                status: u16::try_from(status).unwrap_or(500),
                content_type,
                body: body.unwrap_or_default(),
            },
            Some(_) => IdempotencyClaim::InProgress,
        })
    }

    /// Keeps the first request's answer.
    pub fn complete(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        key: &str,
        status: u16,
        content_type: Option<&str>,
        body: &str,
    ) -> QueryResult<()> {
        diesel::update(
            ik::table
                .filter(ik::tenant_id.eq(tenant_id))
                .filter(ik::idempotency_key.eq(key)),
        )
        .set((
            ik::status.eq(Some(i32::from(status))),
            ik::content_type.eq(content_type),
            ik::body.eq(Some(body)),
        ))
        .execute(conn)
        .map(|_| ())
    }

    /// Forgets the key (its request failed on our side, so a retry runs again).
    pub fn release(conn: &mut DbConn, tenant_id: &TenantId, key: &str) -> QueryResult<()> {
        diesel::delete(
            ik::table
                .filter(ik::tenant_id.eq(tenant_id))
                .filter(ik::idempotency_key.eq(key)),
        )
        .execute(conn)
        .map(|_| ())
    }

    /// Deletes keys older than [`KEEP_HOURS`]; returns how many went.
    pub fn purge_expired(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
        let expired = now - chrono::Duration::hours(KEEP_HOURS);
        diesel::delete(ik::table.filter(ik::created_at.lt(expired))).execute(conn)
    }
}
