//! Every event type a tenant's webhook receives, with when it is sent and example bodies, for
//! the API reference. The examples go through the code that builds real deliveries: an
//! Intervals.icu event through routing's `tenant_data`, every event through `outbound::body`.

use chrono::NaiveDateTime;
use serde_json::{json, Map, Value};

use crate::db::models::Event;
use crate::db::types::{AthleteId, TenantId, UserId};
use crate::domain::webhooks::outbox::EventType;

/// One event type as the reference shows it.
pub struct EventDoc {
    /// The `type` of the body: `connection.created`, `activity.uploaded`, …
    pub name: String,
    /// When it is sent.
    pub when: &'static str,
    /// Which connections get it.
    pub who: &'static str,
    /// (what the example shows, the body as delivered).
    pub examples: Vec<(&'static str, Value)>,
}

const TENANT: &str = "242344ac-62ba-4375-b35e-60018a91e72f";
/// The deployment's OAuth client id: a number, as Intervals.icu's are.
const CLIENT: &str = "1234";
const CLIENT_NUMBER: u64 = 1234;
const USER: &str = "alex";
const ATHLETE: &str = "i317960";
const EVERY: &str = "Every connection it is about, whatever its scopes.";

/// The bridge's own events, in the order the reference lists them.
fn own_types() -> [EventType; 7] {
    [
        EventType::ConnectionCreated,
        EventType::ConnectionUpdated,
        EventType::ConnectionRevoked,
        EventType::ConnectionInvalid,
        EventType::WellnessPushed,
        EventType::WellnessPushFailed,
        EventType::Test,
    ]
}

/// When an own event is sent and the `data` fields it carries besides `user_id` and
/// `athlete_id` (one map per shape it comes in). The match has no wildcard: a new event type
/// does not compile until it is documented here.
fn own(t: &EventType) -> Option<(&'static str, Vec<(&'static str, Value)>)> {
    let scopes = json!(["ACTIVITY:WRITE", "CALENDAR:READ", "WELLNESS:WRITE"]);
    Some(match t {
        EventType::ConnectionCreated => (
            "A user completed the connect flow for the first time. `scopes` are what this tenant may use: what it asked for, narrowed by what the athlete granted.",
            vec![("", json!({"scopes": scopes, "athlete_name": "Alex Rider"}))],
        ),
        EventType::ConnectionUpdated => (
            "A connected user's scopes changed: the user connected again (with the scopes asked for then), or the athlete changed the grant on Intervals.icu, or granted less when connecting another partner (the bridge asks Intervals.icu for the union, and the athlete may decline).",
            vec![
                (
                    "after connecting again",
                    json!({"scopes": scopes, "athlete_name": "Alex Rider"}),
                ),
                (
                    "after the athlete's grant changed",
                    json!({"scopes": ["ACTIVITY:READ"], "status": "active"}),
                ),
            ],
        ),
        EventType::ConnectionRevoked => (
            "The athlete withdrew access on Intervals.icu. Calls for the user answer 409 `connection-revoked` until the user connects again.",
            vec![("", json!({"reason": "the athlete withdrew access on Intervals.icu"}))],
        ),
        EventType::ConnectionInvalid => (
            "Intervals.icu stopped accepting the user's authorization (it answered 401). Calls for the user answer 409 `connection-invalid` until the user connects again.",
            vec![("", json!({"reason": "Intervals.icu answered 401"}))],
        ),
        EventType::WellnessPushed => (
            "Wellness days this tenant handed over for the user were pushed to Intervals.icu.",
            vec![("", json!({"days": ["2026-03-01", "2026-03-02"]}))],
        ),
        EventType::WellnessPushFailed => (
            "Wellness days could not be pushed for a reason waiting will not fix: `error` says why (the user must connect again, no longer grants WELLNESS:WRITE, or Intervals.icu rejected the records). The days stay pending, with `last_error`. Passing failures (Intervals.icu unreachable or rate limiting) are retried without an event.",
            vec![(
                "",
                json!({
                    "days": ["2026-03-01"],
                    "error": "Intervals.icu no longer accepts the athlete's authorization; reconnect the user"
                }),
            )],
        ),
        EventType::Test => (
            "The tenant asked for it (`POST /v1/webhook-test`) to check its endpoint. It is about no user (`user_id` and `athlete_id` are null) and no event filter holds it back.",
            vec![("", crate::domain::webhooks::outbox::test_payload())],
        ),
        EventType::Upstream(_) => return None,
    })
}

/// Intervals.icu's event types the reference lists: (upstream type, when, its fields as
/// Intervals.icu sends them besides `athlete_id`, `type` and `timestamp`).
fn upstream_types() -> Vec<(&'static str, &'static str, Value)> {
    let activity = json!({
        "id": "i70000008",
        "icu_athlete_id": ATHLETE,
        "start_date_local": "2026-03-01T07:30:00",
        "type": "Ride",
        "name": "Morning ride",
        "source": "UPLOAD",
        "external_id": format!("{TENANT}.ride-2026-03-01"),
        "distance": 30000.0,
        "moving_time": 3600,
        "icu_training_load": 56
    });
    let records = json!([{
        "id": "2026-03-01", "weight": 70.5, "restingHR": 48, "hrv": 62.1, "sleepSecs": 27000,
        "ctl": 61.81, "atl": 71.68, "rampRate": 1.32, "updated": "2026-03-01T07:03:15.436Z"
    }]);
    vec![
        (
            "ACTIVITY_UPLOADED",
            "An activity was added to the athlete's account (by this tenant or any other way). `external_id` is this tenant's own id when it uploaded the activity, else null.",
            json!({"activity": activity}),
        ),
        (
            "ACTIVITY_ANALYZED",
            "Intervals.icu finished analysing an activity (it holds this event about a minute to consolidate).",
            json!({"activity": activity}),
        ),
        (
            "ACTIVITY_UPDATED",
            "An activity was changed, e.g. edited by the athlete.",
            json!({"activity": activity}),
        ),
        (
            "ACTIVITY_DELETED",
            "An activity was deleted; `activity` is a minimal one.",
            json!({"activity": {
                "id": "i70000008", "icu_athlete_id": ATHLETE,
                "start_date_local": "2026-03-01T07:30:00", "type": "Ride", "deleted": true
            }}),
        ),
        (
            "ACTIVITY_ACHIEVEMENTS",
            "Intervals.icu recorded achievements for an activity.",
            json!({"activity": activity}),
        ),
        (
            "WELLNESS_UPDATED",
            "Wellness days changed on Intervals.icu (a push from this bridge included).",
            json!({"records": records}),
        ),
        (
            "FITNESS_UPDATED",
            "Intervals.icu recomputed fitness (`ctl`, `atl`, …) for some days.",
            json!({"records": records}),
        ),
        (
            "CALENDAR_UPDATED",
            "Calendar events were written or deleted. Each event shows `external_id` and `created_by_this_tenant` as the workouts list does; `deleted_events` are the ids of deleted ones.",
            json!({
                "events": [{
                    "id": 100001, "category": "WORKOUT", "type": "Ride", "name": "Sweet spot 3x12",
                    "start_date_local": "2026-03-03T00:00:00", "moving_time": 4080,
                    "icu_training_load": 65, "oauth_client_id": CLIENT_NUMBER,
                    "external_id": format!("{TENANT}.plan-42")
                }],
                "deleted_events": [100002]
            }),
        ),
        (
            "CALENDAR_EVENT_UPDATED",
            "Intervals.icu's older form of `calendar.updated` for one event (deprecated by Intervals.icu), with the fields it sends.",
            json!({}),
        ),
        (
            "CALENDAR_EVENT_DELETED",
            "Intervals.icu's older form of a calendar deletion (deprecated by Intervals.icu), with the fields it sends.",
            json!({}),
        ),
        (
            "SPORT_SETTINGS_UPDATED",
            "The athlete changed thresholds or zones.",
            json!({"sportSettings": [{
                "id": 1, "types": ["Ride", "VirtualRide"], "ftp": 255, "lthr": 170, "max_hr": 190
            }]}),
        ),
        (
            "CONNECTED_SERVICE",
            "The athlete connected or disconnected another service on Intervals.icu, with the fields Intervals.icu sends. Of no scope area, so only for connections granted every area.",
            json!({}),
        ),
        (
            "CHAT_UPDATE",
            "A chat of the athlete changed on Intervals.icu, with the fields Intervals.icu sends.",
            json!({}),
        ),
    ]
}

fn at() -> NaiveDateTime {
    chrono::DateTime::parse_from_rfc3339("2026-03-01T07:03:16.584Z")
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

/// The body a tenant receives for an event with `data` (what `outbox::record_event` stores),
/// about the example user or, for the test event, about none.
fn delivered(event_type: &str, data: &Value) -> Value {
    let about_user = event_type != crate::domain::webhooks::outbox::TEST_TYPE;
    let event = Event {
        id: "600f4b7e-485a-469b-acfc-7bcde8e6582d".into(),
        tenant_id: TenantId::new(TENANT),
        user_id: about_user.then(|| UserId::new(USER)),
        athlete_id: about_user.then(|| AthleteId::new(ATHLETE)),
        event_type: event_type.to_owned(),
        payload: data.to_string(),
        created_at: at(),
    };
    super::outbound::body(&event)
}

/// Every event type, the bridge's own first, then Intervals.icu's.
pub fn events() -> Vec<EventDoc> {
    let mut out = Vec::new();
    for t in own_types() {
        if let Some((when, shapes)) = own(&t) {
            let name = t.name().into_owned();
            out.push(EventDoc {
                examples: shapes
                    .into_iter()
                    .map(|(what, data)| (what, delivered(&name, &data)))
                    .collect(),
                who: if t == EventType::Test {
                    "The tenant's webhook URL, whatever its event filter."
                } else {
                    EVERY
                },
                name,
                when,
            });
        }
    }
    for (kind, when, fields) in upstream_types() {
        let mut ev: Map<String, Value> = fields.as_object().cloned().unwrap_or_default();
        ev.insert("athlete_id".into(), json!(ATHLETE));
        ev.insert("type".into(), json!(kind));
        ev.insert("timestamp".into(), json!("2026-03-01T07:03:15.377+00:00"));
        let data = super::inbound::tenant_data(&ev, &TENANT.into(), CLIENT);
        let name = EventType::from_upstream(kind).name().into_owned();
        out.push(EventDoc {
            examples: vec![("", delivered(&name, &data))],
            name,
            when,
            who: match super::area_of(kind) {
                Some("ACTIVITY") => "Connections granted ACTIVITY:READ (or WRITE).",
                Some("WELLNESS") => "Connections granted WELLNESS:READ (or WRITE).",
                Some("CALENDAR") => "Connections granted CALENDAR:READ (or WRITE).",
                Some("SETTINGS") => "Connections granted SETTINGS:READ (or WRITE).",
                Some("CHATS") => "Connections granted CHATS:READ (or WRITE).",
                _ => "Connections granted every area.",
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_is_documented_with_a_real_envelope() {
        let events = events();
        for t in own_types() {
            assert!(own(&t).is_some(), "{t:?}");
        }
        let mut names: Vec<&str> = events.iter().map(|e| e.name.as_str()).collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n, "each type once");
        for e in &events {
            assert!(!e.examples.is_empty() && !e.when.is_empty(), "{}", e.name);
            let user = if e.name == crate::domain::webhooks::outbox::TEST_TYPE {
                (Value::Null, Value::Null)
            } else {
                (json!(USER), json!(ATHLETE))
            };
            for (_, body) in &e.examples {
                assert_eq!(body["type"], e.name.as_str());
                assert_eq!(
                    (&body["data"]["user_id"], &body["data"]["athlete_id"]),
                    (&user.0, &user.1)
                );
                assert_eq!(body["timestamp"], "2026-03-01T07:03:16.584Z");
            }
        }
        // Exactly the types the event filter knows.
        let mut known = crate::domain::webhooks::outbox::KNOWN_TYPES.to_vec();
        known.sort_unstable();
        assert_eq!(names, known);
        // Routing shows each tenant its own ids, in the examples too.
        let uploaded = events
            .iter()
            .find(|e| e.name == "activity.uploaded")
            .unwrap();
        let data = &uploaded.examples[0].1["data"];
        assert_eq!(data["activity"]["external_id"], "ride-2026-03-01");
        assert_eq!(data["upstream_type"], "ACTIVITY_UPLOADED");
        let calendar = events
            .iter()
            .find(|e| e.name == "calendar.updated")
            .unwrap();
        let event = &calendar.examples[0].1["data"]["events"][0];
        assert_eq!(event["external_id"], "plan-42");
        assert_eq!(event["created_by_this_tenant"], true);
        assert_eq!(CLIENT, CLIENT_NUMBER.to_string());
    }
}
