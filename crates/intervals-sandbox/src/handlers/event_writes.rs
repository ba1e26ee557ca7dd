//! Planned-workout writes as Intervals.icu takes them from OAuth apps (`CALENDAR:WRITE`):
//! `POST /events/bulk` (with `upsert` by the app's own `external_id`), `PUT` and `DELETE
//! /events/{eventId}`, and `PUT /events/bulk-delete`. A workout comes as Intervals.icu's workout
//! text in `description` or as a zwo/mrc/erg/fit file, and becomes the event's `workout_doc`.
//! Every write is announced as CALENDAR_UPDATED.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use base64::Engine;
use chrono::{NaiveDateTime, Utc};
use serde_json::{json, Map, Value};

use crate::athletes::thresholds;
use crate::auth::athlete_grant;
use crate::dates::{fmt_local, parse_date};
use crate::errors::{error, unprocessable};
use crate::outbox::{stage, Outgoing, Route};
use crate::request::{json_body, Params};
use crate::scope::Access;
use crate::store::calendars::Write;
use crate::store::Shared;
use crate::workouts::doc::Workout;
use crate::workouts::{import as workout_import, text as workout_text};

/// Room for a batch of events with their workout files (base64) in one request.
pub(crate) const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// Upstream refuses longer names.
const MAX_NAME_CHARS: usize = 80;

/// `EventEx.category` as the OpenAPI document lists it.
pub(crate) const CATEGORIES: [&str; 14] = [
    "WORKOUT",
    "RACE_A",
    "RACE_B",
    "RACE_C",
    "NOTE",
    "PLAN",
    "HOLIDAY",
    "SICK",
    "INJURED",
    "SET_EFTP",
    "FITNESS_DAYS",
    "SEASON_START",
    "TARGET",
    "SET_FITNESS",
];

const TARGETS: [&str; 4] = ["AUTO", "POWER", "HR", "PACE"];

/// Fields of `EventEx` the sandbox stores as given (after their type is checked); the rest are
/// computed (`workout_doc`, `moving_time` of a workout, …), taken from the token
/// (`oauth_client_id`, `athlete_id`) or ignored.
const STRINGS: [&str; 7] = [
    "type",
    "name",
    "description",
    "external_id",
    "color",
    "uid",
    "sub_type",
];
const BOOLS: [&str; 7] = [
    "indoor",
    "hide_from_athlete",
    "athlete_cannot_edit",
    "show_as_note",
    "show_on_ctl_line",
    "not_on_fitness_chart",
    "for_week",
];
const NUMBERS: [&str; 7] = [
    "moving_time",
    "icu_training_load",
    "carbs_per_hour",
    "distance",
    "load_target",
    "time_target",
    "distance_target",
];

/// The token's app as events carry it in `oauth_client_id`: a number when the client id is one
/// (as Intervals.icu's are), else the string; `null` for a personal API key (no app).
fn client_value(client_id: &str) -> Value {
    if client_id.is_empty() {
        return Value::Null;
    }
    match client_id.parse::<i64>() {
        Ok(n) if !client_id.starts_with('+') && !client_id.starts_with('0') => json!(n),
        _ => json!(client_id),
    }
}

/// A local date-time `YYYY-MM-DDTHH:MM[:SS]`; a bare date or an offset is refused, as upstream
/// does.
fn start_date(v: &Value) -> Result<String, String> {
    let s = v.as_str().unwrap_or_default().trim();
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f"))
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
        .map(fmt_local)
        .map_err(|_| {
            format!(
                "start_date_local: \"{}\" is not a local date-time (YYYY-MM-DDTHH:MM:SS)",
                v.as_str().unwrap_or(&v.to_string())
            )
        })
}

/// The file an item carries, decoded: `(filename, bytes)`.
fn file_of(item: &Map<String, Value>) -> Result<Option<(String, Vec<u8>)>, String> {
    let text = |key: &str| -> Result<Option<&str>, String> {
        match item.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(format!("{key} must be a string")),
        }
    };
    let filename = text("filename")?;
    let b64 = text("file_contents_base64")?;
    let plain = text("file_contents")?;
    if b64.is_none() && plain.is_none() {
        return match filename {
            Some(f) => Err(format!("filename {f} without file_contents_base64")),
            None => Ok(None),
        };
    }
    let filename = filename.ok_or("file contents without a filename")?;
    let ext = filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(ext.as_str(), "zwo" | "mrc" | "erg" | "fit") {
        return Err(format!(
            "Unsupported workout file {filename}: use .zwo, .mrc, .erg or .fit"
        ));
    }
    let bytes = match (b64, plain) {
        (Some(b), _) => {
            let compact: String = b.chars().filter(|c| !c.is_whitespace()).collect();
            base64::engine::general_purpose::STANDARD
                .decode(compact)
                .map_err(|e| format!("file_contents_base64 is not base64: {e}"))?
        }
        (None, Some(p)) => p.as_bytes().to_vec(),
        (None, None) => Vec::new(),
    };
    Ok(Some((filename.to_owned(), bytes)))
}

/// What is known of the event an item changes (for `PUT /events/{id}`).
#[derive(Default)]
struct Existing {
    category: Option<String>,
    sport: Option<String>,
}

/// One `EventEx` checked and turned into what the store keeps, or the 422's message.
fn prepare(v: &Value, existing: Option<&Existing>) -> Result<Write, String> {
    let Value::Object(item) = v else {
        return Err("each event must be a JSON object".into());
    };
    let creating = existing.is_none();
    if item.get("workout_doc").is_some_and(|d| !d.is_null()) {
        return Err(
            "workout_doc is not accepted: send the workout as description or as a file".into(),
        );
    }
    let mut fields = Map::new();
    let category = dates_and_category(item, existing, &mut fields)?;
    plain_fields(item, &mut fields)?;
    let target = match item.get("target") {
        None | Some(Value::Null) => None,
        Some(Value::String(t)) if TARGETS.contains(&t.as_str()) => Some(t.clone()),
        Some(other) => return Err(format!("target: unknown target {other}")),
    };
    let sport = fields
        .get("type")
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .map(str::to_owned)
        .or_else(|| existing.and_then(|e| e.sport.clone()));
    let is_workout = category.as_deref() == Some("WORKOUT");
    if is_workout && sport.is_none() {
        return Err("type is required for a WORKOUT (e.g. Ride, Run)".into());
    }
    let workout = workout_of(item, &mut fields, sport.as_deref(), is_workout, creating)?;
    if let Some(Some(w)) = &workout {
        fields.extend(w.event_fields());
    }
    if let Some(t) = target.filter(|t| t != "AUTO" || workout.as_ref().is_none_or(Option::is_none))
    {
        fields.insert("target".into(), json!(t));
    }
    fields.insert(
        "updated".into(),
        json!(Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
    );
    Ok(Write { fields, workout })
}

/// The item's dates and category into `fields` (both required to create); the category in
/// force after the write.
fn dates_and_category(
    item: &Map<String, Value>,
    existing: Option<&Existing>,
    fields: &mut Map<String, Value>,
) -> Result<Option<String>, String> {
    let creating = existing.is_none();
    match item.get("start_date_local").filter(|v| !v.is_null()) {
        Some(v) => {
            fields.insert("start_date_local".into(), json!(start_date(v)?));
        }
        None if creating => return Err("start_date_local is required".into()),
        None => {}
    }
    if let Some(v) = item.get("end_date_local").filter(|v| !v.is_null()) {
        let end = start_date(v).map_err(|m| m.replacen("start_date_local", "end_date_local", 1))?;
        fields.insert("end_date_local".into(), json!(end));
    }
    match item.get("category").filter(|v| !v.is_null()) {
        Some(Value::String(c)) if CATEGORIES.contains(&c.as_str()) => {
            fields.insert("category".into(), json!(c));
            Ok(Some(c.clone()))
        }
        Some(c) => Err(format!("category: unknown category {c}")),
        None if creating => Err("category is required".into()),
        None => Ok(existing.and_then(|e| e.category.clone())),
    }
}

/// The item's strings, flags, numbers and tags into `fields`, each checked for its type; the
/// name's length.
fn plain_fields(item: &Map<String, Value>, fields: &mut Map<String, Value>) -> Result<(), String> {
    for key in STRINGS {
        match item.get(key) {
            None => {}
            Some(v @ (Value::Null | Value::String(_))) => {
                fields.insert(key.into(), v.clone());
            }
            Some(other) => return Err(format!("{key} must be a string, not {other}")),
        }
    }
    for key in BOOLS {
        match item.get(key) {
            None | Some(Value::Null) => {}
            Some(v @ Value::Bool(_)) => {
                fields.insert(key.into(), v.clone());
            }
            Some(other) => return Err(format!("{key} must be true or false, not {other}")),
        }
    }
    for key in NUMBERS {
        match item.get(key) {
            None | Some(Value::Null) => {}
            Some(v @ Value::Number(_)) => {
                fields.insert(key.into(), v.clone());
            }
            Some(other) => return Err(format!("{key} must be a number, not {other}")),
        }
    }
    match item.get("tags") {
        None | Some(Value::Null) => {}
        Some(Value::Array(t)) if t.iter().all(Value::is_string) => {
            fields.insert("tags".into(), Value::Array(t.clone()));
        }
        Some(other) => return Err(format!("tags must be a list of strings, not {other}")),
    }
    let name = fields
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(format!(
            "name: must be at most {MAX_NAME_CHARS} characters ({} given)",
            name.chars().count()
        ));
    }
    Ok(())
}

/// The workout the write sets: `None` leaves it as it is, `Some(None)` clears it. A file wins
/// over the description's text (and names the event when the item does not).
fn workout_of(
    item: &Map<String, Value>,
    fields: &mut Map<String, Value>,
    sport: Option<&str>,
    is_workout: bool,
    creating: bool,
) -> Result<Option<Option<Workout>>, String> {
    let limits = || thresholds(sport.unwrap_or_default());
    if let Some((filename, bytes)) = file_of(item)? {
        let imported = workout_import::read(&filename, &bytes, limits())?;
        if fields.get("name").is_none_or(Value::is_null) {
            let stem = filename
                .rsplit_once('.')
                .map_or(filename.as_str(), |(s, _)| s);
            let name: String = imported
                .name
                .as_deref()
                .unwrap_or(stem)
                .chars()
                .take(MAX_NAME_CHARS)
                .collect();
            fields.insert("name".into(), json!(name));
        }
        return Ok(Some(is_workout.then_some(imported.workout)));
    }
    if let Some(d) = item.get("description").filter(|_| is_workout || creating) {
        return Ok(Some(
            d.as_str()
                .filter(|_| is_workout)
                .and_then(|d| workout_text::parse(d, limits())),
        ));
    }
    // A change of category may turn a workout into a note, never the other way.
    Ok(((creating || item.contains_key("category")) && !is_workout).then_some(None))
}

fn announce(req: &HttpRequest, athlete: &str, events: &[Value], deleted: &[i64]) {
    if events.is_empty() && deleted.is_empty() {
        return;
    }
    stage(
        req,
        Outgoing::new(
            athlete,
            "CALENDAR_UPDATED",
            Route::Area("CALENDAR"),
            json!({"events": events, "deleted_events": deleted}),
        ),
    );
}

/// `POST /api/v1/athlete/{id}/events/bulk?upsert=&upsertOnUid=&updatePlanApplied=`.
pub(crate) async fn bulk(req: HttpRequest, body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let (grant, athlete) = match athlete_grant(&req, "CALENDAR", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let p = Params::query(&req);
    let upsert = p
        .get("upsert")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let items = match json_body(&req, &body) {
        Ok(Value::Array(items)) => items,
        Ok(_) => return unprocessable("Expected a JSON array of events"),
        Err(res) => return res,
    };
    // All or nothing: every item is checked before anything is stored.
    let mut writes = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match prepare(item, None) {
            Ok(w) => writes.push(w),
            Err(msg) => return unprocessable(&format!("events[{i}]: {msg}")),
        }
    }
    let client = client_value(&grant.client_id);
    let events = sandbox.calendars.bulk(&athlete, &client, writes, upsert);
    announce(&req, &athlete, &events, &[]);
    HttpResponse::Ok().json(events)
}

/// `POST /api/v1/athlete/{id}/events?upsertOnUid=`: one `EventEx`, checked as in bulk; with
/// `upsertOnUid=true` and a `uid` that one of the athlete's events has, that event changes
/// instead. Answers the event.
pub(crate) async fn create_one(
    req: HttpRequest,
    body: web::Bytes,
    sandbox: Shared,
) -> HttpResponse {
    let (grant, athlete) = match athlete_grant(&req, "CALENDAR", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let item = match json_body(&req, &body) {
        Ok(v @ Value::Object(_)) => v,
        Ok(_) => return unprocessable("Expected an event object"),
        Err(res) => return res,
    };
    let on_uid = Params::query(&req)
        .get("upsertOnUid")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let today = Utc::now().date_naive();
    let same_uid = item["uid"].as_str().filter(|_| on_uid).and_then(|uid| {
        sandbox
            .calendars
            .entries(&athlete, today, false)
            .into_iter()
            .find(|e| e.json["uid"].as_str() == Some(uid))
    });
    let event = match same_uid {
        Some(current) => {
            let existing = Existing {
                category: current.json["category"].as_str().map(str::to_owned),
                sport: current.json["type"].as_str().map(str::to_owned),
            };
            let write = match prepare(&item, Some(&existing)) {
                Ok(w) => w,
                Err(msg) => return unprocessable(&msg),
            };
            let Some(id) = current.id() else {
                return error(StatusCode::NOT_FOUND, "Event not found");
            };
            sandbox.calendars.update(&athlete, id, write)
        }
        None => {
            let write = match prepare(&item, None) {
                Ok(w) => w,
                Err(msg) => return unprocessable(&msg),
            };
            let client = client_value(&grant.client_id);
            sandbox
                .calendars
                .bulk(&athlete, &client, vec![write], false)
                .pop()
        }
    };
    match event {
        Some(event) => {
            announce(&req, &athlete, std::slice::from_ref(&event), &[]);
            HttpResponse::Ok().json(event)
        }
        None => error(StatusCode::NOT_FOUND, "Event not found"),
    }
}

/// `DELETE /api/v1/athlete/{id}/events?oldest=&newest=&category=`: the athlete's events of
/// those categories from `oldest` to `newest` (inclusive; without it every later one) →
/// `{"eventsDeleted": n}`.
pub(crate) async fn delete_range(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let (grant, athlete) = match athlete_grant(&req, "CALENDAR", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let p = Params::query(&req);
    let Some(oldest) = p.get("oldest").filter(|s| !s.trim().is_empty()) else {
        return unprocessable("oldest is required");
    };
    let Some(oldest) = parse_date(oldest) else {
        return unprocessable(&format!("Invalid oldest date: {oldest}"));
    };
    let newest = match p.get("newest").filter(|s| !s.trim().is_empty()) {
        None => None,
        Some(raw) => match parse_date(raw) {
            Some(d) => Some(d),
            None => return unprocessable(&format!("Invalid newest date: {raw}")),
        },
    };
    let categories: Vec<String> = p
        .all("category")
        .flat_map(|c| c.split(','))
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| !c.is_empty())
        .collect();
    if categories.is_empty() {
        return unprocessable("category is required");
    }
    let ids: Vec<i64> = sandbox
        .calendars
        .entries(&athlete, Utc::now().date_naive(), false)
        .iter()
        .filter(|e| {
            e.date()
                .is_some_and(|d| d >= oldest && newest.is_none_or(|n| d <= n))
        })
        .filter(|e| categories.iter().any(|c| c == e.category()))
        .filter_map(|e| e.id())
        .collect();
    let client = client_value(&grant.client_id);
    let deleted = sandbox.calendars.delete(&athlete, &ids, &[], &client);
    announce(&req, &athlete, &[], &deleted);
    HttpResponse::Ok().json(json!({"eventsDeleted": deleted.len()}))
}

/// `PUT /api/v1/athlete/{id}/events?oldest=&newest=` (both required): the fields given change
/// on every event of the athlete dated in the window, as `PUT /events/{eventId}` changes one;
/// all are checked before any changes → the events as they now stand, and one
/// `CALENDAR_UPDATED` with them.
pub(crate) async fn update_range(
    req: HttpRequest,
    body: web::Bytes,
    sandbox: Shared,
) -> HttpResponse {
    let (_, athlete) = match athlete_grant(&req, "CALENDAR", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let p = Params::query(&req);
    let mut window = Vec::with_capacity(2);
    for key in ["oldest", "newest"] {
        let Some(raw) = p.get(key).filter(|s| !s.trim().is_empty()) else {
            return unprocessable(&format!("{key} is required"));
        };
        match parse_date(raw) {
            Some(d) => window.push(d),
            None => return unprocessable(&format!("Invalid {key} date: {raw}")),
        }
    }
    let item = match json_body(&req, &body) {
        Ok(v @ Value::Object(_)) => v,
        Ok(_) => return unprocessable("Expected an event object"),
        Err(res) => return res,
    };
    let current: Vec<_> = sandbox
        .calendars
        .entries(&athlete, Utc::now().date_naive(), false)
        .into_iter()
        .filter(|e| e.date().is_some_and(|d| d >= window[0] && d <= window[1]))
        .collect();
    let mut writes = Vec::with_capacity(current.len());
    for e in &current {
        let existing = Existing {
            category: e.json["category"].as_str().map(str::to_owned),
            sport: e.json["type"].as_str().map(str::to_owned),
        };
        match (e.id(), prepare(&item, Some(&existing))) {
            (Some(id), Ok(w)) => writes.push((id, w)),
            (None, _) => {}
            (Some(id), Err(msg)) => return unprocessable(&format!("event {id}: {msg}")),
        }
    }
    let events: Vec<Value> = writes
        .into_iter()
        .filter_map(|(id, w)| sandbox.calendars.update(&athlete, id, w))
        .collect();
    announce(&req, &athlete, &events, &[]);
    HttpResponse::Ok().json(events)
}

fn event_id(req: &HttpRequest) -> Result<i64, HttpResponse> {
    req.match_info()
        .get("event_id")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| error(StatusCode::NOT_FOUND, "Event not found"))
}

/// `PUT /api/v1/athlete/{id}/events/{eventId}`: only the fields given change.
pub(crate) async fn update(req: HttpRequest, body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let (_, athlete) = match athlete_grant(&req, "CALENDAR", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let id = match event_id(&req) {
        Ok(id) => id,
        Err(res) => return res,
    };
    let item = match json_body(&req, &body) {
        Ok(v) => v,
        Err(res) => return res,
    };
    let Some(current) = sandbox
        .calendars
        .entries(&athlete, Utc::now().date_naive(), false)
        .into_iter()
        .find(|e| e.id() == Some(id))
    else {
        return error(StatusCode::NOT_FOUND, "Event not found");
    };
    let existing = Existing {
        category: current.json["category"].as_str().map(str::to_owned),
        sport: current.json["type"].as_str().map(str::to_owned),
    };
    let write = match prepare(&item, Some(&existing)) {
        Ok(w) => w,
        Err(msg) => return unprocessable(&msg),
    };
    match sandbox.calendars.update(&athlete, id, write) {
        Some(event) => {
            announce(&req, &athlete, std::slice::from_ref(&event), &[]);
            HttpResponse::Ok().json(event)
        }
        None => error(StatusCode::NOT_FOUND, "Event not found"),
    }
}

/// `DELETE /api/v1/athlete/{id}/events/{eventId}` (`others` and `notBefore` are not simulated).
pub(crate) async fn delete_one(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let (grant, athlete) = match athlete_grant(&req, "CALENDAR", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let id = match event_id(&req) {
        Ok(id) => id,
        Err(res) => return res,
    };
    let client = client_value(&grant.client_id);
    let deleted = sandbox.calendars.delete(&athlete, &[id], &[], &client);
    if deleted.is_empty() {
        return error(StatusCode::NOT_FOUND, "Event not found");
    }
    announce(&req, &athlete, &[], &deleted);
    HttpResponse::Ok().json(json!({"eventsDeleted": deleted.len()}))
}

/// `PUT /api/v1/athlete/{id}/events/bulk-delete` with `[{"id"}|{"external_id"}]`; an
/// `external_id` (which wins over `id`) names only the calling app's events.
pub(crate) async fn bulk_delete(
    req: HttpRequest,
    body: web::Bytes,
    sandbox: Shared,
) -> HttpResponse {
    let (grant, athlete) = match athlete_grant(&req, "CALENDAR", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let items = match json_body(&req, &body) {
        Ok(Value::Array(items)) => items,
        Ok(_) => return unprocessable("Expected a JSON array of {id} or {external_id}"),
        Err(res) => return res,
    };
    let (mut ids, mut external) = (Vec::new(), Vec::new());
    for (i, item) in items.iter().enumerate() {
        let Value::Object(m) = item else {
            return unprocessable(&format!(
                "[{i}]: expected {{\"id\"}} or {{\"external_id\"}}"
            ));
        };
        match (m.get("external_id"), m.get("id")) {
            (Some(Value::String(x)), _) => external.push(x.clone()),
            (None | Some(Value::Null), Some(Value::Number(n))) if n.as_i64().is_some() => {
                ids.push(n.as_i64().unwrap_or_default());
            }
            (None | Some(Value::Null), None | Some(Value::Null)) => {}
            _ => {
                return unprocessable(&format!(
                    "[{i}]: id must be an integer, external_id a string"
                ))
            }
        }
    }
    let client = client_value(&grant.client_id);
    let deleted = sandbox.calendars.delete(&athlete, &ids, &external, &client);
    announce(&req, &athlete, &[], &deleted);
    HttpResponse::Ok().json(json!({"eventsDeleted": deleted.len()}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_ids_keep_their_kind() {
        assert_eq!(client_value("1234"), json!(1234));
        assert_eq!(client_value("bridge-app"), json!("bridge-app"));
        assert_eq!(client_value("007"), json!("007"));
        assert_eq!(client_value(""), Value::Null);
    }

    #[test]
    fn starts_must_be_local_date_times() {
        assert_eq!(
            start_date(&json!("2026-12-01T06:30")).as_deref(),
            Ok("2026-12-01T06:30:00")
        );
        for bad in ["2026-12-01", "2026-12-01T00:00:00Z", "tomorrow", ""] {
            assert!(start_date(&json!(bad)).is_err(), "{bad}");
        }
        assert!(start_date(&json!(20261201)).is_err());
    }
}
