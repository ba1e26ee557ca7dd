//! Dates as upstream reads and writes them. Every simulated athlete lives on UTC, so a local date
//! or date-time is a UTC one too. The parsers differ on purpose: each accepts exactly what the
//! endpoints that use it accept upstream.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

/// A local date; a date-time is cut to its date (`/events` and `/wellness` windows).
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
}

/// Local ISO date or date-time; a bare date means the start of that day (or its end for the
/// upper bound of a window). For `/activities` windows.
pub(crate) fn parse_local(s: &str, end_of_day: bool) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        let t = if end_of_day {
            NaiveTime::from_hms_milli_opt(23, 59, 59, 999)?
        } else {
            NaiveTime::MIN
        };
        return Some(d.and_time(t));
    }
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
        .ok()
        .or_else(|| {
            DateTime::parse_from_rfc3339(s)
                .ok()
                .map(|t| t.naive_local())
        })
}

/// Exactly `YYYY-MM-DD`: a date-time or an unpadded month is a client bug worth catching
/// (wellness record ids and dates).
pub(crate) fn strict_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A local date (its midnight) or a date-time to the minute or second, as a calendar UI posts an
/// event's start.
pub(crate) fn parse_event_start(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d.and_time(NaiveTime::MIN));
    }
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
        .ok()
}

/// `YYYY-MM-DD`.
pub(crate) fn fmt_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `YYYY-MM-DDTHH:MM:SS`, upstream's `*_local` fields.
pub(crate) fn fmt_local(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert!(strict_date("2024-05-01").is_some());
        for bad in [
            "2024-5-1",
            "2024-05-01T00:00:00",
            "2024-02-30",
            "",
            "01-05-2024",
        ] {
            assert!(strict_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn event_starts_are_normalised() {
        let start = |s| parse_event_start(s).map(fmt_local);
        assert_eq!(start("2024-05-01").as_deref(), Some("2024-05-01T00:00:00"));
        assert_eq!(
            start(" 2024-05-01T06:30 ").as_deref(),
            Some("2024-05-01T06:30:00")
        );
        assert_eq!(start("2024-05-01T06:30:00Z"), None);
    }
}
