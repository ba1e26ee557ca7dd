//! The date windows of the upstream reads (activities, workouts, wellness): checked and bounded
//! before anything is sent, so one partner call never asks Intervals.icu for years at once.

use chrono::{NaiveDateTime, NaiveTime};

use crate::web::errors::AppError;

/// The widest window a read may ask for, in calendar days from `oldest` to `newest` (a whole
/// leap year fits).
pub const MAX_SPAN_DAYS: i64 = 366;

/// One end of a window: when, and whether the partner said so (or it is the endpoint's default).
#[derive(Debug, Clone, Copy)]
pub struct End {
    pub at: NaiveDateTime,
    pub given: bool,
}

impl End {
    pub fn given(at: NaiveDateTime) -> End {
        End { at, given: true }
    }

    pub fn default(day: chrono::NaiveDate) -> End {
        End {
            at: day.and_time(NaiveTime::MIN),
            given: false,
        }
    }
}

/// A local ISO date or date-time as Intervals.icu takes them.
pub fn local_date(field: &str, v: &str) -> Result<NaiveDateTime, AppError> {
    crate::support::dates::parse_local(v)
        .ok_or_else(|| AppError::field(field, "must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS"))
}

/// `newest` not before `oldest` when the partner gave both, and at most [`MAX_SPAN_DAYS`] days
/// from one to the other once defaults are filled in. A too-wide window is blamed on `newest`
/// when the partner gave it, else on `oldest`.
pub fn check_span(oldest: End, newest: End) -> Result<(), AppError> {
    if oldest.given && newest.given && newest.at < oldest.at {
        return Err(AppError::field("newest", "must not be before oldest"));
    }
    let days = (newest.at.date() - oldest.at.date()).num_days();
    if days > MAX_SPAN_DAYS {
        let (field, other) = if newest.given {
            ("newest", "oldest")
        } else {
            ("oldest", "newest")
        };
        let default = if newest.given && oldest.given {
            ""
        } else {
            " (with its default)"
        };
        return Err(AppError::field(
            field,
            format!(
                "must be at most {MAX_SPAN_DAYS} days from {other}{default}: this window spans {days}; ask for it in parts"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        crate::support::dates::parse_local(s).unwrap()
    }

    fn field(r: Result<(), AppError>) -> String {
        r.unwrap_err().errors[0].field.clone()
    }

    #[test]
    fn spans() {
        let day = |s: &str| at(s).date();
        // A whole leap year and a day either side of the bound.
        assert!(check_span(End::given(at("2024-01-01")), End::given(at("2024-12-31"))).is_ok());
        assert!(check_span(End::given(at("2024-01-01")), End::given(at("2025-01-01"))).is_ok());
        assert_eq!(
            field(check_span(
                End::given(at("2024-01-01")),
                End::given(at("2025-01-02T00:00:00"))
            )),
            "newest"
        );
        // Times within the last day do not widen it.
        assert!(check_span(
            End::given(at("2024-01-01T23:00:00")),
            End::given(at("2025-01-01T23:59:59"))
        )
        .is_ok());
        // A default end: blame the end the partner gave.
        assert_eq!(
            field(check_span(
                End::given(at("2020-01-01")),
                End::default(day("2026-01-01"))
            )),
            "oldest"
        );
        assert_eq!(
            field(check_span(
                End::default(day("2026-01-01")),
                End::given(at("2030-01-01"))
            )),
            "newest"
        );
        // Reversed: refused only when the partner gave both ends.
        assert_eq!(
            field(check_span(
                End::given(at("2024-03-02")),
                End::given(at("2024-03-01"))
            )),
            "newest"
        );
        assert!(check_span(
            End::default(day("2024-03-02")),
            End::given(at("2024-03-01"))
        )
        .is_ok());
    }
}
