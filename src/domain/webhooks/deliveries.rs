//! A tenant's webhook delivery log as partners see it (the REST API and the dashboard): pages of
//! deliveries, newest first, each with every attempt, and sending one again.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::NaiveDateTime;
use diesel::QueryResult;

use crate::db::models::{Attempt, Delivery, Event, Tenant};
use crate::db::types::{DeliveryStatus, TenantId};
use crate::db::{write_tx, DbConn};
use crate::domain::webhooks::outbox;

/// One delivery with its event and its attempts, in order.
pub struct Entry {
    pub delivery: Delivery,
    pub event: Event,
    pub attempts: Vec<Attempt>,
}

/// Which deliveries a page shows.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub status: Option<DeliveryStatus>,
    /// An exact event type (`connection.created`).
    pub event_type: Option<String>,
}

/// Where a page ends: the `(created_at, id)` of its last delivery, opaque to partners.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub created_at: NaiveDateTime,
    pub id: String,
}

impl Cursor {
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!(
            "{}|{}",
            self.created_at.and_utc().timestamp_micros(),
            self.id
        ))
    }

    /// `None` for anything [`Cursor::encode`] did not make.
    pub fn decode(c: &str) -> Option<Cursor> {
        let raw = String::from_utf8(URL_SAFE_NO_PAD.decode(c).ok()?).ok()?;
        let (micros, id) = raw.split_once('|')?;
        let created_at = chrono::DateTime::from_timestamp_micros(micros.parse().ok()?)?.naive_utc();
        Some(Cursor {
            created_at,
            id: id.to_owned(),
        })
    }
}

/// Up to `limit` of the tenant's deliveries after `after`, and the cursor of the next page when
/// there is one.
pub fn page(
    conn: &mut DbConn,
    tenant_id: &TenantId,
    filter: &Filter,
    after: Option<Cursor>,
    limit: i64,
) -> QueryResult<(Vec<Entry>, Option<Cursor>)> {
    let mut rows = Delivery::page(
        conn,
        tenant_id,
        filter.status,
        filter.event_type.as_deref(),
        after.map(|c| (c.created_at, c.id)),
        limit + 1,
    )?;
    let more = rows.len() as i64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(0));
    let next = more
        .then(|| {
            rows.last().map(|(d, _)| Cursor {
                created_at: d.created_at,
                id: d.id.clone(),
            })
        })
        .flatten();
    Ok((with_attempts(conn, rows)?, next))
}

/// One of the tenant's deliveries with its event and attempts (another tenant's is `None`).
pub fn find(conn: &mut DbConn, tenant_id: &TenantId, id: &str) -> QueryResult<Option<Entry>> {
    let Some(row) = Delivery::find_with_event(conn, tenant_id, id)? else {
        return Ok(None);
    };
    Ok(with_attempts(conn, vec![row])?.pop())
}

fn with_attempts(conn: &mut DbConn, rows: Vec<(Delivery, Event)>) -> QueryResult<Vec<Entry>> {
    let ids: Vec<&str> = rows.iter().map(|(d, _)| d.id.as_str()).collect();
    let mut attempts = Attempt::of_deliveries(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|(delivery, event)| {
            let (mine, rest) = attempts
                .drain(..)
                .partition(|a| a.delivery_id == delivery.id);
            attempts = rest;
            Entry {
                delivery,
                event,
                attempts: mine,
            }
        })
        .collect())
}

/// Why a delivery was not sent again.
#[derive(Debug, thiserror::Error)]
pub enum ResendError {
    #[error("the tenant has no webhook URL")]
    NoWebhookUrl,
    #[error("the webhook endpoint was disabled after it answered 410 Gone")]
    EndpointDisabled,
    /// No such delivery of this tenant (another tenant's looks the same).
    #[error("no webhook delivery '{0}'")]
    NotFound(String),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// Sends one of the tenant's deliveries again now, at its current webhook URL with a fresh
/// attempt budget; the delivery as it stands afterwards.
pub fn resend(conn: &mut DbConn, tenant: &Tenant, id: &str) -> Result<Entry, ResendError> {
    if tenant.webhook_url.is_none() {
        return Err(ResendError::NoWebhookUrl);
    }
    if tenant.webhook_disabled_at.is_some() {
        return Err(ResendError::EndpointDisabled);
    }
    let missing = || ResendError::NotFound(id.to_owned());
    write_tx(conn, |conn| {
        if Delivery::find_with_event(conn, &tenant.id, id)?.is_none() {
            return Err(missing());
        }
        Ok(outbox::resend(conn, tenant, id)?)
    })?;
    let row = Delivery::find_with_event(conn, &tenant.id, id)?.ok_or_else(missing)?;
    Ok(with_attempts(conn, vec![row])?.remove(0))
}

#[cfg(test)]
mod tests {
    use super::Cursor;

    #[test]
    fn cursors_round_trip_and_strangers_are_refused() {
        let c = Cursor {
            created_at: chrono::DateTime::from_timestamp_micros(1_764_000_000_123_456)
                .unwrap()
                .naive_utc(),
            id: "d-1".into(),
        };
        assert_eq!(Cursor::decode(&c.encode()), Some(c));
        for bad in ["", "!!", "bm90IGEgY3Vyc29y"] {
            assert_eq!(Cursor::decode(bad), None, "{bad}");
        }
    }
}
