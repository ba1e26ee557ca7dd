//! Webhooks both ways: Intervals.icu's events, once stored by the receiver, are routed to every
//! connection of the athlete (`inbound`); each tenant event the outbox recorded becomes a signed,
//! durable, retried delivery to the tenant's endpoint (`outbound`, Standard Webhooks).

pub mod inbound;
pub mod outbound;

pub use crate::outbox::QUEUE;

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

#[cfg(test)]
mod tests {
    #[test]
    fn areas() {
        assert_eq!(super::area_of("ACTIVITY_UPLOADED"), Some("ACTIVITY"));
        assert_eq!(super::area_of("FITNESS_UPDATED"), Some("WELLNESS"));
        assert_eq!(super::area_of("CONNECTED_SERVICE"), None);
    }
}
