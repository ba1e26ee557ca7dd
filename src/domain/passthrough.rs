//! The passthrough's rules: which of Intervals.icu's own operations a tenant may call for its
//! user, on what, with which scope. A request path is normalised and refused when it plays
//! tricks (`..`, encoded slashes, doubled slashes), matched against the operation table generated
//! from Intervals.icu's OpenAPI document (`intervals_sandbox::operations`), pinned to the user's
//! athlete, and given the scope its area needs. Nothing here sends anything: the HTTP layer asks
//! [`plan`] first and forwards only what it allows.

use intervals_sandbox::operations::{match_operation, Operation};

use crate::services::intervals::enc;
use crate::services::read_cache::Area;

/// Why a request may not pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The path is not a clean `/api/v1/...` path (traversal, encoded slashes, empty segments).
    Malformed(String),
    /// Not one of Intervals.icu's published operations, or one the bridge keeps to itself.
    NotAvailable(String),
    /// Another athlete than the user's.
    OtherAthlete(String),
}

/// The scope area (Intervals.icu's OAuth area) an operation's OpenAPI tag belongs to; `None`
/// for tags the passthrough does not serve.
pub fn scope_area(tag: &str) -> Option<&'static str> {
    Some(match tag {
        "Activities" => "ACTIVITY",
        "Events" | "Shared Events" => "CALENDAR",
        "Wellness" => "WELLNESS",
        "Sports" | "Athletes" | "Gear" | "Custom Items" | "Routes" | "Weather" => "SETTINGS",
        "Library" => "LIBRARY",
        "Chats" => "CHATS",
        _ => return None,
    })
}

/// The read cache's area of an operation's tag: what Intervals.icu announces changes of.
pub fn cache_area(tag: &str) -> Area {
    match tag {
        "Activities" => Area::Activities,
        "Events" => Area::Calendar,
        "Wellness" => Area::Wellness,
        "Sports" => Area::Settings,
        _ => Area::Other,
    }
}

/// Operations the bridge keeps to itself: the OAuth app's own endpoints (disconnecting would
/// end every tenant's access to the athlete) and coach-wide writes not pinned to one athlete.
const KEPT: &[&str] = &["disconnectApp", "updateAthletePlans"];

/// Writes to the calendar that would touch events this tenant did not create: a date range's
/// events, plans, copies. The ones left (create, bulk create, bulk delete by `external_id`, and
/// one event by id) are checked event by event.
const CALENDAR_WIDE: &[&str] = &[
    "deleteEvents",
    "updateEvents",
    "applyPlan",
    "applyCurrentPlanChanges",
    "duplicateEvents",
];

/// What the tenant must own for a write to go through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owned {
    /// Nothing beyond the scope.
    Nothing,
    /// The activity (the user's athlete's, uploaded by this tenant).
    Activity(String),
    /// The calendar event (created by this tenant).
    Event(String),
    /// Events or manual activities named in the JSON body by `external_id` (namespaced for this
    /// tenant before sending; one is made up when missing). A bulk delete names events only by
    /// `external_id`.
    InBody,
    /// An upload: its `external_id` query parameter is namespaced for this tenant.
    NewActivity,
}

/// A request the passthrough may forward, once the caller checked scope and ownership.
#[derive(Debug, Clone)]
pub struct Plan {
    pub operation: &'static Operation,
    /// The path to send upstream: normalised, each segment percent-encoded, the athlete pinned.
    pub path: String,
    /// The scope this call needs from the tenant's own connection (`ACTIVITY:READ`).
    pub scope: String,
    pub area: Area,
    /// For reads: an activity whose owner must be the user's athlete.
    pub activity: Option<String>,
    /// For writes: what the tenant must own.
    pub owned: Owned,
    /// A GET whose answer is a file or a CSV: streamed, not cached.
    pub download: bool,
}

impl Plan {
    pub fn is_read(&self) -> bool {
        self.operation.method == "GET"
    }
}

/// Splits `/api/v1/...` (as received, percent-encoded) into decoded segments, refusing what a
/// clean path never holds.
fn segments(raw: &str) -> Result<Vec<String>, Refusal> {
    let malformed = |why: &str| Refusal::Malformed(format!("The path {why}."));
    let rest = raw
        .strip_prefix("/api/v1/")
        .ok_or_else(|| malformed("must start with /api/v1/"))?;
    let mut out = Vec::new();
    for part in rest.split('/') {
        if part.is_empty() {
            return Err(malformed(
                "has an empty segment (a doubled or trailing slash)",
            ));
        }
        let bytes: Vec<u8> = percent_encoding::percent_decode_str(part).collect();
        let text = String::from_utf8(bytes).map_err(|_| malformed("is not UTF-8"))?;
        if text == "." || text == ".." {
            return Err(malformed("has a '.' or '..' segment"));
        }
        if text
            .chars()
            .any(|c| matches!(c, '/' | '\\' | ';' | '%') || c.is_control())
        {
            return Err(malformed(
                "has an encoded slash, a backslash, a ';', a '%' or a control character in a segment",
            ));
        }
        out.push(text);
    }
    Ok(out)
}

/// The plan for `method` on `raw_path` (`/api/v1/...`, percent-encoded as received) for a user
/// whose athlete is `athlete`; see the module's rules.
pub fn plan(method: &str, raw_path: &str, athlete: &str) -> Result<Plan, Refusal> {
    let mut parts = segments(raw_path)?;
    let decoded = format!("/api/v1/{}", parts.join("/"));
    let method = method.to_ascii_uppercase();
    let operation = match_operation(&method, &decoded).ok_or_else(|| {
        Refusal::NotAvailable(format!(
            "{method} {decoded} is not an operation of Intervals.icu's API."
        ))
    })?;
    let id = operation.operation_id;
    let area = scope_area(operation.tag).filter(|_| !KEPT.contains(&id));
    let Some(area) = area else {
        return Err(Refusal::NotAvailable(format!(
            "{id} is not available through the bridge."
        )));
    };
    if CALENDAR_WIDE.contains(&id) {
        return Err(Refusal::NotAvailable(format!(
            "{id} is not available through the bridge: it changes calendar events this tenant did not create."
        )));
    }
    let template: Vec<&str> = operation.path.split('/').skip(3).collect();
    // Pin the athlete: `/athlete/{id}/...` takes 0 or the user's athlete, sent as its id.
    if template.first() == Some(&"athlete") && parts.len() > 1 {
        if parts[1] != "0" && parts[1] != athlete {
            return Err(Refusal::OtherAthlete(format!(
                "No athlete '{}' for this user: use 0 or {athlete}.",
                parts[1]
            )));
        }
        athlete.clone_into(&mut parts[1]);
    }
    let activity = (template.first() == Some(&"activity")).then(|| parts[1].clone());
    let write = method != "GET";
    let param = |name: &str| {
        template
            .iter()
            .position(|t| *t == name)
            .and_then(|i| parts.get(i).cloned())
    };
    let owned = match (write, &activity) {
        (false, _) => Owned::Nothing,
        (true, Some(a)) => Owned::Activity(a.clone()),
        (true, None) => match id {
            "uploadActivity" => Owned::NewActivity,
            "createManualActivity"
            | "createMultipleManualActivities"
            | "createEvent"
            | "createMultipleEvents"
            | "deleteEventsBulk" => Owned::InBody,
            _ => match param("{eventId}") {
                Some(e) if operation.tag == "Events" => Owned::Event(e),
                _ => Owned::Nothing,
            },
        },
    };
    if let Some(a) = &activity {
        if !is_activity_id(a) {
            return Err(Refusal::OtherAthlete(format!("No activity '{a}'.")));
        }
    }
    let last = template.last().copied().unwrap_or_default();
    let last_sent = parts.last().map(String::as_str).unwrap_or_default();
    let download = !write
        && (last.ends_with("file")
            || last.ends_with(".zip")
            || last.ends_with(".csv")
            || ((last.contains("{ext}") || last.contains("{format}"))
                && last_sent.contains('.')
                && !last_sent.ends_with(".json")));
    let path = format!(
        "/api/v1/{}",
        parts.iter().map(|p| enc(p)).collect::<Vec<_>>().join("/")
    );
    Ok(Plan {
        operation,
        path,
        scope: format!("{area}:{}", if write { "WRITE" } else { "READ" }),
        area: cache_area(operation.tag),
        activity: if write { None } else { activity },
        owned,
        download,
    })
}

/// An Intervals.icu activity id as it can exist upstream (`i123`, or digits).
pub fn is_activity_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// The query string to send: the one received, with `external_id` namespaced for the tenant
/// (`ns(external_id)`) on uploads; refused when it repeats `external_id`.
pub fn rewrite_query(
    query: &str,
    namespace: impl Fn(&str) -> String,
    generate: impl FnOnce() -> String,
) -> Result<String, Refusal> {
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    if pairs.iter().filter(|(k, _)| k == "external_id").count() > 1 {
        return Err(Refusal::Malformed(
            "Send external_id at most once.".to_owned(),
        ));
    }
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    let mut seen = false;
    for (k, v) in &pairs {
        if k == "external_id" {
            seen = true;
            out.append_pair(k, &namespace(v));
        } else {
            out.append_pair(k, v);
        }
    }
    if !seen {
        out.append_pair("external_id", &namespace(&generate()));
    }
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use intervals_sandbox::operations::OPERATIONS;

    const ME: &str = "i42";

    fn refused(method: &str, path: &str) -> Refusal {
        plan(method, path, ME).expect_err(path)
    }

    #[test]
    fn every_operation_has_an_area_or_is_kept() {
        for op in OPERATIONS {
            assert!(
                scope_area(op.tag).is_some() || KEPT.contains(&op.operation_id),
                "{} ({}) has no scope area",
                op.operation_id,
                op.tag
            );
        }
        for id in KEPT.iter().chain(CALENDAR_WIDE) {
            assert!(
                OPERATIONS.iter().any(|o| o.operation_id == *id),
                "{id} is not in the table"
            );
        }
    }

    #[test]
    fn tricks_in_the_path_are_refused() {
        for p in [
            "/api/v1/athlete/0/../1/activities",
            "/api/v1/athlete/0/%2e%2e/activities",
            "/api/v1/athlete/0%2Factivities",
            "/api/v1/athlete//activities",
            "/api/v1/athlete/0/activities/",
            "/api/v1/athlete/0%5Cactivities",
            "/api/v1/athlete/0;x=1/activities",
            "/api/v1/athlete/0%00/activities",
            "/api/v1/athlete/%252e%252e/activities",
            "/api/v2/athlete/0",
            "/oauth/token",
        ] {
            assert!(matches!(refused("GET", p), Refusal::Malformed(_)), "{p}");
        }
    }

    #[test]
    fn the_athlete_is_pinned() {
        let p = plan("GET", "/api/v1/athlete/0/wellness", ME).unwrap();
        assert_eq!(p.path, "/api/v1/athlete/i42/wellness");
        assert_eq!(p.scope, "WELLNESS:READ");
        assert_eq!(p.area, Area::Wellness);
        let p = plan("GET", "/api/v1/athlete/i42/sport-settings", ME).unwrap();
        assert_eq!(p.scope, "SETTINGS:READ");
        assert!(matches!(
            refused("GET", "/api/v1/athlete/i43/wellness"),
            Refusal::OtherAthlete(_)
        ));
    }

    #[test]
    fn operations_outside_the_table_or_kept_are_refused() {
        for (m, p) in [
            ("GET", "/api/v1/athlete/0/nonsense"),
            ("PATCH", "/api/v1/athlete/0"),
            ("DELETE", "/api/v1/disconnect-app"),
            ("PUT", "/api/v1/athlete-plans"),
            ("DELETE", "/api/v1/athlete/0/events"),
            ("PUT", "/api/v1/athlete/0/events"),
        ] {
            assert!(matches!(refused(m, p), Refusal::NotAvailable(_)), "{m} {p}");
        }
    }

    #[test]
    fn writes_name_what_must_be_owned() {
        let p = plan("PUT", "/api/v1/activity/i9", ME).unwrap();
        assert_eq!(p.owned, Owned::Activity("i9".into()));
        assert_eq!(p.scope, "ACTIVITY:WRITE");
        let p = plan("DELETE", "/api/v1/athlete/0/events/77", ME).unwrap();
        assert_eq!(p.owned, Owned::Event("77".into()));
        let p = plan("POST", "/api/v1/athlete/0/events/bulk", ME).unwrap();
        assert_eq!(p.owned, Owned::InBody);
        let p = plan("POST", "/api/v1/athlete/0/activities", ME).unwrap();
        assert_eq!(p.owned, Owned::NewActivity);
        let p = plan("GET", "/api/v1/activity/i9/streams.csv", ME).unwrap();
        assert_eq!(p.activity.as_deref(), Some("i9"));
        assert!(p.download);
        let p = plan("GET", "/api/v1/activity/i9/streams", ME).unwrap();
        assert!(!p.download);
        assert!(
            plan("GET", "/api/v1/activity/i9/file", ME)
                .unwrap()
                .download
        );
    }

    #[test]
    fn upload_external_ids_are_namespaced() {
        let ns = |e: &str| format!("t.{e}");
        assert_eq!(
            rewrite_query("name=a%20b&external_id=x", ns, || "g".into()).unwrap(),
            "name=a+b&external_id=t.x"
        );
        assert_eq!(
            rewrite_query("", ns, || "g".into()).unwrap(),
            "external_id=t.g"
        );
        assert!(rewrite_query("external_id=a&external_id=b", ns, || "g".into()).is_err());
    }
}
