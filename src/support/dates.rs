//! The one parser for the dates partners send: a calendar day `YYYY-MM-DD`, or a local day or
//! date-time (`YYYY-MM-DDTHH:MM:SS`, no zone) as Intervals.icu takes them.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

const DAY: &str = "%Y-%m-%d";
const LOCAL: &str = "%Y-%m-%dT%H:%M:%S";

/// A calendar day, `YYYY-MM-DD` as chrono reads it (an unpadded month or day is accepted). The
/// year is four digits: chrono alone reads signed years up to ±262,142, where a day's arithmetic
/// overflows.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    four_digit_year(s)
        .then(|| NaiveDate::parse_from_str(s, DAY).ok())
        .flatten()
}

fn four_digit_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() > 4 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-'
}

/// A local day (taken as its midnight) or a local date-time `YYYY-MM-DDTHH:MM:SS`.
pub fn parse_local(s: &str) -> Option<NaiveDateTime> {
    parse_day(s)
        .map(|day| day.and_time(NaiveTime::MIN))
        .or_else(|| {
            four_digit_year(s)
                .then(|| NaiveDateTime::parse_from_str(s, LOCAL).ok())
                .flatten()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn days() {
        assert_eq!(parse_day("2024-02-29"), Some(day(2024, 2, 29)));
        assert_eq!(parse_day("1900-01-01"), Some(day(1900, 1, 1)));
        assert_eq!(parse_day("2024-1-5"), Some(day(2024, 1, 5)));
        for bad in [
            "",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-01-32",
            "20240105",
            "2024/01/05",
            "05-01-2024",
            "2024-01-05T00:00:00",
            "2024-01-05 ",
            "today",
            "+262142-12-31",
            "-0001-01-01",
            "10000-01-01",
            "+2024-01-05",
        ] {
            assert_eq!(parse_day(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn local_days_and_date_times() {
        assert_eq!(
            parse_local("2024-03-10"),
            Some(day(2024, 3, 10).and_hms_opt(0, 0, 0).unwrap())
        );
        assert_eq!(
            parse_local("2024-03-10T06:30:15"),
            Some(day(2024, 3, 10).and_hms_opt(6, 30, 15).unwrap())
        );
        for bad in [
            "",
            "2024-03-10T06:30",
            "2024-03-10 06:30:15",
            "2024-03-10T06:30:15Z",
            "2024-03-10T06:30:15+01:00",
            "2024-03-10T24:00:00",
            "2024-02-30T06:30:15",
            "2024-03-10T",
            "+262142-12-31T00:00:00",
            "12024-03-10T06:30:15",
        ] {
            assert_eq!(parse_local(bad), None, "{bad:?}");
        }
    }
}
