//! Intervals.icu OAuth scopes: `AREA:READ|WRITE`, comma-separated with literal colons, where
//! WRITE implies READ and an area may appear only once.

use std::fmt;

pub const AREAS: [&str; 6] = [
    "ACTIVITY", "WELLNESS", "CALENDAR", "CHATS", "LIBRARY", "SETTINGS",
];
pub const DEFAULT_SCOPES: &str = "ACTIVITY:WRITE,CALENDAR:READ,WELLNESS:WRITE";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Access {
    Read,
    Write,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub area: &'static str,
    pub access: Access,
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

impl Scope {
    pub fn parse(s: &str) -> Result<Scope, String> {
        let s = s.trim();
        let (area, access) = s
            .split_once(':')
            .ok_or_else(|| format!("'{s}' is not AREA:READ or AREA:WRITE"))?;
        let area = AREAS
            .iter()
            .find(|a| a.eq_ignore_ascii_case(area))
            .ok_or_else(|| format!("unknown area '{area}' (known: {})", AREAS.join(", ")))?;
        let access = match access.to_ascii_uppercase().as_str() {
            "READ" => Access::Read,
            "WRITE" => Access::Write,
            _ => return Err(format!("'{s}': access must be READ or WRITE")),
        };
        Ok(Scope { area, access })
    }

    /// A plain-language description for consent pages.
    pub fn describe(&self) -> String {
        let what = match self.area {
            "ACTIVITY" => "activities",
            "WELLNESS" => "wellness data (weight, sleep, HRV…)",
            "CALENDAR" => "calendar and planned workouts",
            "CHATS" => "chats",
            "LIBRARY" => "workout library",
            _ => "settings",
        };
        match self.access {
            Access::Read => format!("Read your {what}"),
            Access::Write => format!("Read and write your {what}"),
        }
    }
}

/// A validated scope list: known areas, READ/WRITE, no area twice.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScopeSet(pub Vec<Scope>);

impl ScopeSet {
    pub fn parse_list<'a>(items: impl IntoIterator<Item = &'a str>) -> Result<ScopeSet, String> {
        let mut out: Vec<Scope> = Vec::new();
        for item in items {
            if item.trim().is_empty() {
                continue;
            }
            let scope = Scope::parse(item)?;
            if out.iter().any(|s| s.area == scope.area) {
                return Err(format!(
                    "duplicate scope {} (name each area once)",
                    scope.area
                ));
            }
            out.push(scope);
        }
        Ok(ScopeSet(out))
    }

    /// Parses the comma-separated wire form.
    pub fn parse(s: &str) -> Result<ScopeSet, String> {
        Self::parse_list(s.split(','))
    }

    /// A stored or upstream list; unknown entries are dropped rather than failing.
    pub fn parse_lenient(s: &str) -> ScopeSet {
        let mut out: Vec<Scope> = Vec::new();
        for item in s.split([',', ' ']) {
            if let Ok(scope) = Scope::parse(item) {
                if let Some(existing) = out.iter_mut().find(|x| x.area == scope.area) {
                    existing.access = existing.access.max(scope.access);
                } else {
                    out.push(scope);
                }
            }
        }
        ScopeSet(out)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn access(&self, area: &str) -> Option<Access> {
        self.0.iter().find(|s| s.area == area).map(|s| s.access)
    }

    /// Whether this set allows `needed` (WRITE implies READ).
    pub fn allows(&self, needed: &Scope) -> bool {
        self.access(needed.area).is_some_and(|a| a >= needed.access)
    }

    /// What of `self` is still allowed by `granted` (a narrower grant downgrades or drops).
    pub fn effective(&self, granted: &ScopeSet) -> ScopeSet {
        ScopeSet(
            self.0
                .iter()
                .filter_map(|s| {
                    granted.access(s.area).map(|g| Scope {
                        area: s.area,
                        access: g.min(s.access),
                    })
                })
                .collect(),
        )
    }

    /// Both sets together, each area at the higher access of the two (valid upstream: no area
    /// twice).
    pub fn union(&self, other: &ScopeSet) -> ScopeSet {
        let mut out = self.clone();
        for s in &other.0 {
            match out.0.iter_mut().find(|x| x.area == s.area) {
                Some(existing) => existing.access = existing.access.max(s.access),
                None => out.0.push(s.clone()),
            }
        }
        out
    }

    /// What of `self` `granted` does not allow (an area missing, or READ where WRITE is needed).
    pub fn not_allowed_by(&self, granted: &ScopeSet) -> ScopeSet {
        ScopeSet(
            self.0
                .iter()
                .filter(|s| !granted.allows(s))
                .cloned()
                .collect(),
        )
    }

    /// Whether `self` allows everything `other` does.
    pub fn covers(&self, other: &ScopeSet) -> bool {
        other.not_allowed_by(self).is_empty()
    }

    pub fn to_vec(&self) -> Vec<String> {
        self.0.iter().map(ToString::to_string).collect()
    }
}

impl fmt::Display for ScopeSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_vec().join(","))
    }
}

#[cfg(test)]
mod set_algebra {
    use super::ScopeSet;

    #[test]
    fn union_and_what_a_grant_lacks() {
        let a = ScopeSet::parse("ACTIVITY:WRITE,CALENDAR:READ,WELLNESS:WRITE").unwrap();
        let b = ScopeSet::parse("WELLNESS:READ,CALENDAR:WRITE").unwrap();
        assert_eq!(
            a.union(&b).to_string(),
            "ACTIVITY:WRITE,CALENDAR:WRITE,WELLNESS:WRITE"
        );
        let granted = ScopeSet::parse("WELLNESS:WRITE,ACTIVITY:READ").unwrap();
        assert_eq!(
            a.not_allowed_by(&granted).to_string(),
            "ACTIVITY:WRITE,CALENDAR:READ"
        );
        assert!(a.union(&b).covers(&a));
        assert!(!granted.covers(&a));
        assert!(granted.covers(&ScopeSet::default()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_validates() {
        let s = ScopeSet::parse(DEFAULT_SCOPES).unwrap();
        assert_eq!(s.to_string(), DEFAULT_SCOPES);
        assert!(ScopeSet::parse("CALENDAR:READ,CALENDAR:WRITE")
            .unwrap_err()
            .contains("duplicate scope CALENDAR"));
        assert!(ScopeSet::parse("BIKES:READ").is_err());
        assert!(ScopeSet::parse("ACTIVITY:DELETE").is_err());
    }

    #[test]
    fn write_implies_read_and_narrowing() {
        let granted = ScopeSet::parse("ACTIVITY:READ,WELLNESS:WRITE").unwrap();
        let want = ScopeSet::parse("ACTIVITY:WRITE,CALENDAR:READ,WELLNESS:WRITE").unwrap();
        assert_eq!(
            want.effective(&granted).to_string(),
            "ACTIVITY:READ,WELLNESS:WRITE"
        );
        assert!(granted.allows(&Scope::parse("WELLNESS:READ").unwrap()));
        assert!(!granted.allows(&Scope::parse("ACTIVITY:WRITE").unwrap()));
    }
}
