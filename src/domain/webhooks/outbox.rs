//! The webhook outbox: recording a tenant event writes the `events` row and, when the tenant has
//! an enabled webhook URL, its delivery and the job that sends it, all in the caller's
//! transaction, so an event is either announced or never happened. A tenant's event filter
//! (`webhook_events`) is applied here: an event it filters out is not recorded at all. Sending
//! is `webhooks::outbound`'s job.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::QueryResult;
use serde_json::Value;

use crate::db::models::{Connection, Delivery, Event, Tenant};
use crate::db::types::{AthleteId, TenantId, TokenStatus, UserId};
use crate::db::{new_id, now, write_tx, DbConn};
use crate::services::jobs::{self, Job, NewJob};

/// The queue that sends deliveries (and routes inbound events).
pub const QUEUE: &str = "webhooks";
/// The job kind that makes one delivery attempt.
pub const DELIVER: &str = "webhook.deliver";

/// One attempt at a delivery (`webhooks::outbound` makes it).
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct DeliverJob {
    pub delivery_id: String,
}

impl Job for DeliverJob {
    const QUEUE: &'static str = QUEUE;
    const KIND: &'static str = DELIVER;
    // The delivery keeps its own attempt count and schedule; job runs include deferrals.
    const MAX_ATTEMPTS: i32 = 100;

    /// One queued attempt per delivery at a time.
    fn dedupe_key(&self) -> Option<String> {
        Some(deliver_key(&self.delivery_id))
    }
}

/// What happened, as tenants' webhooks name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventType {
    ConnectionCreated,
    ConnectionUpdated,
    ConnectionRevoked,
    ConnectionInvalid,
    WellnessPushed,
    WellnessPushFailed,
    /// Sent at the tenant's request to check its endpoint; never filtered out.
    Test,
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
            EventType::Test => TEST_TYPE,
            EventType::Upstream(name) => return Cow::Borrowed(name),
        })
    }
}

/// The type of the test event a tenant asks for (`POST /v1/webhook-test`).
pub const TEST_TYPE: &str = "webhook.test";

/// Every event type a tenant can receive, as its webhooks (and its event filter) name them: the
/// bridge's own, and Intervals.icu's documented ones as [`EventType::from_upstream`] names them
/// (types Intervals.icu adds later are delivered too, and `prefix.*` filters match them).
pub const KNOWN_TYPES: &[&str] = &[
    "connection.created",
    "connection.updated",
    "connection.revoked",
    "connection.invalid",
    "wellness.pushed",
    "wellness.push_failed",
    "activity.uploaded",
    "activity.analyzed",
    "activity.updated",
    "activity.deleted",
    "activity.achievements",
    "wellness.updated",
    "fitness.updated",
    "calendar.updated",
    "calendar_event.updated",
    "calendar_event.deleted",
    "sport_settings.updated",
    "connected.service",
    "chat.update",
    TEST_TYPE,
];

/// At most this many entries in a tenant's event filter.
pub const MAX_FILTER_ENTRIES: usize = 50;
/// At most this many characters in one entry.
pub const MAX_FILTER_ENTRY_LEN: usize = 64;

/// Which event types a tenant's webhooks carry: exact types and `prefix.*` patterns (`activity.*`
/// is every type starting with `activity.`). Empty means every type (of the areas the tenant was
/// granted). The test event always passes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter(Vec<String>);

/// An entry refused: its index in the list (`None`: the list as a whole), and why; `more`: every
/// later entry refused too, with its index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterError {
    pub index: Option<usize>,
    pub message: String,
    pub more: Vec<(usize, String)>,
}

impl EventFilter {
    /// Checks every entry (trimmed; repeats dropped): a known type, or `prefix.*` where some
    /// known type starts with `prefix.`.
    pub fn parse(entries: &[String]) -> Result<EventFilter, FilterError> {
        if entries.len() > MAX_FILTER_ENTRIES {
            return Err(FilterError {
                index: None,
                message: format!("at most {MAX_FILTER_ENTRIES} event types or patterns"),
                more: Vec::new(),
            });
        }
        let mut out: Vec<String> = Vec::new();
        let mut refused: Vec<(usize, String)> = Vec::new();
        for (i, raw) in entries.iter().enumerate() {
            let entry = raw.trim();
            match check_entry(entry) {
                Err(message) => refused.push((i, message)),
                Ok(()) if !out.iter().any(|e| e == entry) => out.push(entry.to_owned()),
                Ok(()) => {}
            }
        }
        if refused.is_empty() {
            return Ok(EventFilter(out));
        }
        let (index, message) = refused.remove(0);
        Err(FilterError {
            index: Some(index),
            message,
            more: refused,
        })
    }

    /// A filter as stored (checked when it was written).
    pub fn stored(entries: Vec<String>) -> EventFilter {
        EventFilter(entries)
    }

    pub fn entries(&self) -> &[String] {
        &self.0
    }

    pub fn into_entries(self) -> Vec<String> {
        self.0
    }

    /// Whether events of `event_type` are delivered.
    pub fn allows(&self, event_type: &str) -> bool {
        event_type == TEST_TYPE
            || self.0.is_empty()
            || self.0.iter().any(|e| match e.strip_suffix('*') {
                Some(prefix) => event_type.starts_with(prefix),
                None => e == event_type,
            })
    }
}

/// Why `entry` is not a known type or a `prefix.*` pattern that matches one.
fn check_entry(entry: &str) -> Result<(), String> {
    let known = || KNOWN_TYPES.join(", ");
    if entry.is_empty() {
        return Err("must be an event type or a prefix.* pattern, not empty".into());
    }
    if entry.chars().count() > MAX_FILTER_ENTRY_LEN {
        return Err(format!("is longer than {MAX_FILTER_ENTRY_LEN} characters"));
    }
    if entry == "*" {
        return Err("'*': leave the list empty to receive every event type".into());
    }
    match entry.strip_suffix(".*") {
        Some(prefix) if !prefix.is_empty() && !prefix.contains('*') => {
            let dotted = format!("{prefix}.");
            if KNOWN_TYPES.iter().any(|t| t.starts_with(&dotted)) {
                Ok(())
            } else {
                Err(format!(
                    "'{entry}' matches no known event type (known: {})",
                    known()
                ))
            }
        }
        _ if entry.contains('*') => Err(format!(
            "'{entry}': a pattern is a prefix followed by .* (e.g. activity.*)"
        )),
        _ if KNOWN_TYPES.contains(&entry) => Ok(()),
        _ => Err(format!(
            "'{entry}' is not a known event type (known: {}; or a prefix.* pattern)",
            known()
        )),
    }
}

/// Tenants' webhook settings, each read once per unit of work (a routed batch of Intervals.icu
/// events): where new deliveries go and which event types they carry.
#[derive(Debug, Default)]
pub struct Targets(HashMap<TenantId, Option<Target>>);

#[derive(Debug)]
struct Target {
    url: Option<String>,
    filter: EventFilter,
}

impl Targets {
    fn get(&mut self, conn: &mut DbConn, tenant_id: &TenantId) -> QueryResult<Option<&Target>> {
        if !self.0.contains_key(tenant_id) {
            let target = Tenant::find(conn, tenant_id)?.map(|t| Target {
                url: t.webhook_target().map(str::to_owned),
                filter: EventFilter::stored(t.webhook_event_list()),
            });
            self.0.insert(tenant_id.clone(), target);
        }
        Ok(self.0.get(tenant_id).and_then(Option::as_ref))
    }

    /// Whether the tenant (still there) takes events of this type.
    pub fn wants(
        &mut self,
        conn: &mut DbConn,
        tenant_id: &TenantId,
        event_type: &EventType,
    ) -> QueryResult<bool> {
        Ok(self
            .get(conn, tenant_id)?
            .is_some_and(|t| t.filter.allows(&event_type.name())))
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
/// the caller's transaction; nothing when the tenant's event filter leaves its type out.
pub fn record_event(
    conn: &mut DbConn,
    to: Recipient<'_>,
    event_type: EventType,
    data: Value,
) -> QueryResult<()> {
    record_event_with(conn, &mut Targets::default(), to, event_type, data)
}

/// [`record_event`] with tenants' settings read once for many events.
pub fn record_event_with(
    conn: &mut DbConn,
    targets: &mut Targets,
    to: Recipient<'_>,
    event_type: EventType,
    data: Value,
) -> QueryResult<()> {
    if !targets.wants(conn, to.tenant_id, &event_type)? {
        return Ok(());
    }
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
    let Some(url) = targets
        .get(conn, to.tenant_id)?
        .and_then(|t| t.url.as_deref())
    else {
        return Ok(());
    };
    let id = Delivery::create(conn, &event, url)?;
    jobs::enqueue(conn, &deliver_job(&id, now())).map(|_| ())
}

/// Why a test event cannot be sent.
#[derive(Debug, thiserror::Error)]
pub enum TestEventError {
    #[error("the tenant has no webhook URL")]
    NoWebhookUrl,
    #[error("the webhook endpoint was disabled after it answered 410 Gone")]
    EndpointDisabled,
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
}

/// A test event on its way.
#[derive(Debug, Clone)]
pub struct TestEvent {
    pub event_id: String,
    pub delivery_id: String,
}

/// What a `webhook.test` event carries.
pub fn test_payload() -> Value {
    serde_json::json!({
        "message": "A test event: your endpoint receives and can verify this bridge's webhooks."
    })
}

/// Sends a `webhook.test` event (about no user) to the tenant's endpoint now, as a delivery like
/// any other: durable, signed, retried and in the delivery log. Its own transaction.
pub fn send_test_event(
    conn: &mut DbConn,
    tenant_id: &TenantId,
) -> Result<TestEvent, TestEventError> {
    write_tx(conn, |conn| {
        let tenant = Tenant::find(conn, tenant_id)?.ok_or(diesel::result::Error::NotFound)?;
        let url = tenant
            .webhook_url
            .clone()
            .ok_or(TestEventError::NoWebhookUrl)?;
        if tenant.webhook_disabled_at.is_some() {
            return Err(TestEventError::EndpointDisabled);
        }
        let event = Event {
            id: new_id(),
            tenant_id: tenant.id.clone(),
            user_id: None,
            athlete_id: None,
            event_type: TEST_TYPE.to_owned(),
            payload: test_payload().to_string(),
            created_at: now(),
        };
        event.insert(conn)?;
        let delivery_id = Delivery::create(conn, &event, &url)?;
        jobs::enqueue(conn, &deliver_job(&delivery_id, now()))?;
        Ok(TestEvent {
            event_id: event.id,
            delivery_id,
        })
    })
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

/// Erases up to `limit` of the user's events with their deliveries, attempts and delivery jobs,
/// in the caller's transaction; returns how many events went (fewer than `limit`: the last batch).
pub fn forget_user_batch(
    conn: &mut DbConn,
    tenant_id: &TenantId,
    user_id: &UserId,
    limit: i64,
) -> QueryResult<usize> {
    let events = Event::ids_of_user(conn, tenant_id, user_id, limit)?;
    let deliveries = Delivery::ids_of_events(conn, &events)?;
    let keys: Vec<String> = deliveries.iter().map(|id| deliver_key(id)).collect();
    jobs::delete_by_dedupe_keys(conn, &keys)?;
    Delivery::delete_with_attempts(conn, &deliveries)?;
    Event::delete_ids(conn, &events)
}

/// Sends a delivery again now (the partner's `retry`): back to pending at the tenant's current
/// URL, with a fresh attempt budget.
pub fn resend(conn: &mut DbConn, tenant: &Tenant, delivery_id: &str) -> QueryResult<()> {
    let url = tenant.webhook_url.clone().unwrap_or_default();
    Delivery::reset(conn, &tenant.id, delivery_id, &url)?;
    // A delivery waiting for its next retry already has its job, queued for later: enqueueing
    // is a no-op then, so that job is made due now instead.
    if jobs::enqueue(conn, &deliver_job(delivery_id, now()))?.is_none() {
        jobs::due_now(conn, &deliver_key(delivery_id))?;
    }
    Ok(())
}

/// The dedupe key of a delivery's job: one queued attempt per delivery at a time.
fn deliver_key(delivery_id: &str) -> String {
    format!("{DELIVER}:{delivery_id}")
}

/// The job that attempts a delivery at `at`.
fn deliver_job(delivery_id: &str, at: NaiveDateTime) -> NewJob {
    NewJob::of(&DeliverJob {
        delivery_id: delivery_id.to_owned(),
    })
    .run_at(at)
}

#[cfg(test)]
mod tests {
    use super::{EventFilter, EventType, KNOWN_TYPES, TEST_TYPE};

    fn filter(entries: &[&str]) -> Result<EventFilter, (Option<usize>, String)> {
        let entries: Vec<String> = entries.iter().map(|s| s.to_string()).collect();
        EventFilter::parse(&entries).map_err(|e| (e.index, e.message))
    }

    #[test]
    fn every_documented_upstream_type_is_known() {
        for upstream in [
            "ACTIVITY_UPLOADED",
            "ACTIVITY_ANALYZED",
            "ACTIVITY_UPDATED",
            "ACTIVITY_DELETED",
            "ACTIVITY_ACHIEVEMENTS",
            "WELLNESS_UPDATED",
            "FITNESS_UPDATED",
            "CALENDAR_UPDATED",
            "CALENDAR_EVENT_UPDATED",
            "CALENDAR_EVENT_DELETED",
            "SPORT_SETTINGS_UPDATED",
            "CONNECTED_SERVICE",
            "CHAT_UPDATE",
        ] {
            let name = EventType::from_upstream(upstream).name().into_owned();
            assert!(KNOWN_TYPES.contains(&name.as_str()), "{name}");
        }
        for own in [
            EventType::ConnectionCreated,
            EventType::ConnectionUpdated,
            EventType::ConnectionRevoked,
            EventType::ConnectionInvalid,
            EventType::WellnessPushed,
            EventType::WellnessPushFailed,
            EventType::Test,
        ] {
            assert!(KNOWN_TYPES.contains(&own.name().as_ref()), "{own:?}");
        }
    }

    #[test]
    fn filters_match_exact_types_and_prefixes() {
        let f = filter(&["activity.*", "connection.revoked", " activity.* "]).unwrap();
        assert_eq!(f.entries(), ["activity.*", "connection.revoked"]);
        assert!(f.allows("activity.uploaded"));
        assert!(f.allows("activity.something_new"));
        assert!(f.allows("connection.revoked"));
        assert!(!f.allows("connection.created"));
        assert!(!f.allows("activityx.uploaded"));
        assert!(!f.allows("wellness.pushed"));
        assert!(f.allows(TEST_TYPE), "the test event always passes");
        let all = filter(&[]).unwrap();
        assert!(all.allows("connection.created") && all.allows("anything.at_all"));
        assert!(filter(&["sport_settings.*", "webhook.test", "chat.update"]).is_ok());
    }

    #[test]
    fn filters_name_the_entry_at_fault() {
        let refused = |entries: &[&str], index: Option<usize>, why: &str| {
            let (i, message) = filter(entries).expect_err(&format!("{entries:?}"));
            assert_eq!(i, index, "{entries:?}: {message}");
            assert!(message.contains(why), "{entries:?}: {message}");
            assert!(!message.contains('\n'));
        };
        refused(
            &["activity.uploaded", "activity.upload"],
            Some(1),
            "not a known event type",
        );
        refused(&["bikes.*"], Some(0), "matches no known event type");
        refused(&["activity*"], Some(0), "a prefix followed by .*");
        refused(&["activity.*.x"], Some(0), "a prefix followed by .*");
        refused(&["*.uploaded"], Some(0), "a prefix followed by .*");
        refused(&[".*"], Some(0), "a prefix followed by .*");
        refused(&["*"], Some(0), "leave the list empty");
        refused(&["", "activity.*"], Some(0), "not empty");
        refused(&["Activity.Uploaded"], Some(0), "not a known event type");
        let long = format!("activity.{}", "x".repeat(60));
        refused(&[long.as_str()], Some(0), "longer than 64");
        let many = vec!["activity.*"; 51];
        refused(&many, None, "at most 50");
    }

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
