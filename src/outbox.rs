//! The webhook outbox: recording a tenant event writes the `events` row and, when the tenant has
//! an enabled webhook URL, its delivery and the job that sends it, all in the caller's
//! transaction, so an event is either announced or never happened. Sending is
//! `webhooks::outbound`'s job.

use std::borrow::Cow;

use chrono::NaiveDateTime;
use diesel::QueryResult;
use serde_json::Value;

use crate::db::models::{Connection, Delivery, Event, Tenant};
use crate::db::types::{AthleteId, TenantId, TokenStatus, UserId};
use crate::db::{new_id, now, DbConn};
use crate::jobs::{self, NewJob};

/// The queue that sends deliveries (and routes inbound events).
pub const QUEUE: &str = "webhooks";
/// The job kind that makes one delivery attempt.
pub const DELIVER: &str = "webhook.deliver";

/// What happened, as tenants' webhooks name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventType {
    ConnectionCreated,
    ConnectionUpdated,
    ConnectionRevoked,
    ConnectionInvalid,
    WellnessPushed,
    WellnessPushFailed,
    /// An Intervals.icu event routed to the tenant: `ACTIVITY_UPLOADED` → `activity.uploaded`.
    Upstream(String),
}

impl EventType {
    /// The event of an upstream type (`ACTIVITY_UPLOADED` → `activity.uploaded`).
    pub fn from_upstream(upstream_type: &str) -> EventType {
        let lower = upstream_type.to_ascii_lowercase();
        EventType::Upstream(match lower.rsplit_once('_') {
            Some((head, tail)) => format!("{head}.{tail}"),
            None => lower,
        })
    }

    /// The event that announces a token leaving `active`.
    pub fn retired(status: TokenStatus) -> EventType {
        match status {
            TokenStatus::Revoked => EventType::ConnectionRevoked,
            _ => EventType::ConnectionInvalid,
        }
    }

    pub fn name(&self) -> Cow<'_, str> {
        Cow::Borrowed(match self {
            EventType::ConnectionCreated => "connection.created",
            EventType::ConnectionUpdated => "connection.updated",
            EventType::ConnectionRevoked => "connection.revoked",
            EventType::ConnectionInvalid => "connection.invalid",
            EventType::WellnessPushed => "wellness.pushed",
            EventType::WellnessPushFailed => "wellness.push_failed",
            EventType::Upstream(name) => return Cow::Borrowed(name),
        })
    }
}

/// Whom an event is about: a tenant's user and the athlete behind it.
#[derive(Debug, Clone, Copy)]
pub struct Recipient<'a> {
    pub tenant_id: &'a TenantId,
    pub user_id: &'a UserId,
    pub athlete_id: &'a AthleteId,
}

impl<'a> From<&'a Connection> for Recipient<'a> {
    fn from(c: &'a Connection) -> Self {
        Recipient {
            tenant_id: &c.tenant_id,
            user_id: &c.user_id,
            athlete_id: &c.athlete_id,
        }
    }
}

/// Records an event for the tenant and, when it has an enabled webhook URL, its delivery, in
/// the caller's transaction.
pub fn record_event(
    conn: &mut DbConn,
    to: Recipient<'_>,
    event_type: EventType,
    data: Value,
) -> QueryResult<()> {
    let event = Event {
        id: new_id(),
        tenant_id: to.tenant_id.clone(),
        user_id: Some(to.user_id.clone()),
        athlete_id: Some(to.athlete_id.clone()),
        event_type: event_type.name().into_owned(),
        payload: data.to_string(),
        created_at: now(),
    };
    event.insert(conn)?;
    let Some(tenant) = Tenant::find(conn, &event.tenant_id)? else {
        return Ok(());
    };
    let Some(url) = tenant.webhook_target() else {
        return Ok(());
    };
    let id = Delivery::create(conn, &event, url)?;
    jobs::enqueue(conn, &deliver_job(&id, now())).map(|_| ())
}

/// Erases the user's events, their deliveries with every attempt, and the jobs that would send
/// them (queued, running or done), in the caller's transaction.
pub fn forget_user(conn: &mut DbConn, tenant_id: &TenantId, user_id: &UserId) -> QueryResult<()> {
    let deliveries = Delivery::ids_of_user(conn, tenant_id, user_id)?;
    let keys: Vec<String> = deliveries.iter().map(|id| deliver_key(id)).collect();
    jobs::delete_by_dedupe_keys(conn, &keys)?;
    Delivery::delete_with_attempts(conn, &deliveries)?;
    Event::delete_of_user(conn, tenant_id, user_id)?;
    Ok(())
}

/// Sends a delivery again now (the partner's `retry`): back to pending at the tenant's current
/// URL, with a fresh attempt budget.
pub fn resend(conn: &mut DbConn, tenant: &Tenant, delivery_id: &str) -> QueryResult<()> {
    let url = tenant.webhook_url.clone().unwrap_or_default();
    Delivery::reset(conn, &tenant.id, delivery_id, &url)?;
    jobs::enqueue(conn, &deliver_job(delivery_id, now())).map(|_| ())
}

/// The dedupe key of a delivery's job: one queued attempt per delivery at a time.
fn deliver_key(delivery_id: &str) -> String {
    format!("{DELIVER}:{delivery_id}")
}

/// The job that attempts a delivery at `at`.
fn deliver_job(delivery_id: &str, at: NaiveDateTime) -> NewJob {
    NewJob::new(
        QUEUE,
        DELIVER,
        serde_json::json!({ "delivery_id": delivery_id }),
    )
    .run_at(at)
    .dedupe_key(deliver_key(delivery_id))
    // The delivery keeps its own attempt count and schedule; job runs include deferrals.
    .max_attempts(100)
}

#[cfg(test)]
mod tests {
    use super::EventType;

    #[test]
    fn names() {
        let name = |t: &str| EventType::from_upstream(t).name().into_owned();
        assert_eq!(name("ACTIVITY_UPLOADED"), "activity.uploaded");
        assert_eq!(name("SPORT_SETTINGS_UPDATED"), "sport_settings.updated");
        assert_eq!(name("CALENDAR_UPDATED"), "calendar.updated");
        assert_eq!(name("PING"), "ping");
        assert_eq!(EventType::WellnessPushFailed.name(), "wellness.push_failed");
    }
}
