//! Webhooks both ways: Intervals.icu's events arrive once at `/webhooks/intervals` and are routed
//! to every connection of the athlete; each tenant event becomes a signed, durable, retried
//! delivery to the tenant's endpoint (Standard Webhooks).

pub mod inbound;
pub mod outbound;
pub mod ssrf;

pub use outbound::QUEUE;

/// `ACTIVITY_UPLOADED` → `activity.uploaded`.
pub fn dotted(upstream_type: &str) -> String {
    let lower = upstream_type.to_ascii_lowercase();
    match lower.rsplit_once('_') {
        Some((head, tail)) => format!("{head}.{tail}"),
        None => lower,
    }
}

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
    fn names() {
        assert_eq!(super::dotted("ACTIVITY_UPLOADED"), "activity.uploaded");
        assert_eq!(
            super::dotted("SPORT_SETTINGS_UPDATED"),
            "sport_settings.updated"
        );
        assert_eq!(super::dotted("CALENDAR_UPDATED"), "calendar.updated");
        assert_eq!(super::dotted("PING"), "ping");
        assert_eq!(super::area_of("FITNESS_UPDATED"), Some("WELLNESS"));
        assert_eq!(super::area_of("CONNECTED_SERVICE"), None);
    }
}
