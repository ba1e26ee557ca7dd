//! Scopes as the Intervals.icu authorize endpoint reads them: `AREA:READ|WRITE`, comma-separated,
//! each area at most once.

use std::fmt;

pub(crate) const AREAS: [&str; 6] = [
    "ACTIVITY", "WELLNESS", "CALENDAR", "CHATS", "LIBRARY", "SETTINGS",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    Read,
    Write,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scope {
    pub area: &'static str,
    pub access: Access,
}

impl Scope {
    /// Case is forgiven so that a hand-typed URL still works; the canonical form is upper case.
    pub(crate) fn parse(item: &str) -> Option<Scope> {
        let (area, access) = item.trim().split_once(':')?;
        let area = AREAS
            .iter()
            .copied()
            .find(|a| a.eq_ignore_ascii_case(area.trim()))?;
        let access = match access.trim().to_ascii_uppercase().as_str() {
            "READ" => Access::Read,
            "WRITE" => Access::Write,
            _ => return None,
        };
        Some(Scope { area, access })
    }

    /// WRITE implies READ, as upstream documents.
    pub(crate) fn allows(&self, area: &str, access: Access) -> bool {
        self.area == area && (self.access == Access::Write || access == Access::Read)
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let access = match self.access {
            Access::Read => "READ",
            Access::Write => "WRITE",
        };
        write!(f, "{}:{access}", self.area)
    }
}

/// Splits on commas only: a space-separated list (what generic OAuth clients send) is one
/// malformed item, exactly the mistake the sandbox exists to catch.
pub(crate) fn parse_list(raw: &str) -> Result<Vec<Scope>, String> {
    let mut scopes: Vec<Scope> = Vec::new();
    for item in raw.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let scope = Scope::parse(item).ok_or_else(|| format!("Invalid scope {item}"))?;
        if scopes.iter().any(|s| s.area == scope.area) {
            return Err(format!("Duplicate scope {}", scope.area));
        }
        scopes.push(scope);
    }
    if scopes.is_empty() {
        return Err("No scope requested".to_owned());
    }
    Ok(scopes)
}

pub(crate) fn join(scopes: &[Scope]) -> String {
    scopes
        .iter()
        .map(Scope::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Wording for the consent page.
pub(crate) fn describe(scope: &Scope) -> String {
    let what = match scope.area {
        "ACTIVITY" => "your activities",
        "WELLNESS" => "your wellness data (weight, sleep, HRV…)",
        "CALENDAR" => "your calendar and planned workouts",
        "CHATS" => "your chats",
        "LIBRARY" => "your workout library",
        _ => "your settings",
    };
    match scope.access {
        Access::Read => format!("Read {what}"),
        Access::Write => format!("Read and change {what}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        let s = parse_list("ACTIVITY:WRITE, calendar:read,").expect("valid");
        assert_eq!(join(&s), "ACTIVITY:WRITE,CALENDAR:READ");
        assert_eq!(
            parse_list("CALENDAR:READ,CALENDAR:WRITE").unwrap_err(),
            "Duplicate scope CALENDAR"
        );
        assert!(parse_list("ACTIVITY:WRITE CALENDAR:READ").is_err());
        assert!(parse_list("FOO:READ").is_err());
        assert!(parse_list("").is_err());
        assert!(s[0].allows("ACTIVITY", Access::Read));
        assert!(!s[1].allows("CALENDAR", Access::Write));
    }
}
