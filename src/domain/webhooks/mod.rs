//! Webhooks both ways: Intervals.icu's events, once stored by the receiver, are routed to every
//! connection of the athlete (`inbound`); each tenant event the outbox recorded becomes a signed,
//! durable, retried delivery to the tenant's endpoint (`outbound`, Standard Webhooks).

pub mod catalog;
pub(crate) mod deliveries;
pub mod inbound;
pub mod outbound;
pub mod outbox;

pub use crate::domain::webhooks::outbox::QUEUE;

use crate::domain::scopes::{Access, Scope, ScopeSet, AREAS};

/// The scope area an upstream event type belongs to (a tenant without it does not get it).
pub fn area_of(upstream_type: &str) -> Option<&'static str> {
    let t = upstream_type.to_ascii_uppercase();
    if t.starts_with("ACTIVITY_") {
        Some("ACTIVITY")
    } else if t.starts_with("WELLNESS_") || t.starts_with("FITNESS_") {
        Some("WELLNESS")
    } else if t.starts_with("CALENDAR_") {
        Some("CALENDAR")
    } else if t.starts_with("SPORT_SETTINGS") {
        Some("SETTINGS")
    } else if t.starts_with("CHAT") {
        Some("CHATS")
    } else {
        None
    }
}

/// Whether a connection with `effective` scopes gets an upstream event of `upstream_type`:
/// READ (or WRITE) on the event's area. An event whose area we do not know fails closed: it
/// could carry anything, so only a connection holding every area gets it.
pub fn may_receive(effective: &ScopeSet, upstream_type: &str) -> bool {
    let reads = |area: &'static str| {
        effective.allows(&Scope {
            area,
            access: Access::Read,
        })
    };
    match area_of(upstream_type) {
        Some(area) => reads(area),
        None => AREAS.iter().all(|a| reads(a)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn areas() {
        assert_eq!(super::area_of("ACTIVITY_UPLOADED"), Some("ACTIVITY"));
        assert_eq!(super::area_of("FITNESS_UPDATED"), Some("WELLNESS"));
        assert_eq!(super::area_of("CONNECTED_SERVICE"), None);
    }

    #[test]
    fn unknown_areas_fail_closed() {
        use crate::domain::scopes::ScopeSet;
        let default = ScopeSet::parse("ACTIVITY:WRITE,CALENDAR:READ,WELLNESS:WRITE").unwrap();
        assert!(super::may_receive(&default, "ACTIVITY_UPLOADED"));
        assert!(!super::may_receive(&default, "CHAT_MESSAGE"));
        assert!(!super::may_receive(&default, "SOMETHING_NEW"));
        let every = ScopeSet::parse(
            "ACTIVITY:READ,WELLNESS:READ,CALENDAR:READ,CHATS:READ,LIBRARY:READ,SETTINGS:WRITE",
        )
        .unwrap();
        assert!(super::may_receive(&every, "SOMETHING_NEW"));
        assert!(!super::may_receive(&ScopeSet::default(), "SOMETHING_NEW"));
    }
}
