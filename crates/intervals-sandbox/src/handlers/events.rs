//! Planned workouts: seeded calendar events per athlete with `workout_doc` (plus the athlete's
//! own edits and what apps wrote), listed and downloaded the way Intervals.icu's `/events` endpoints do
//! (`ext`, `resolve`, `category`, date window).

use actix_web::http::header::CONTENT_DISPOSITION;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use base64::Engine;
use chrono::{Duration as Days, Utc};
use serde_json::{json, Value};

use crate::auth::athlete_grant;
use crate::dates::parse_date;
use crate::errors::{error, unprocessable};
use crate::request::{csv_response, Params};
use crate::scope::Access;
use crate::sport_settings;
use crate::store::calendars::Entry;
use crate::store::Shared;
use crate::workouts::files::{self as workout_files, Format, Source};

/// What `ext=` adds to a workout; a format that cannot express it (ERG for a pace workout)
/// adds nothing.
fn attach_file(v: &mut Value, src: &Source<'_>, format: Format) {
    if let Ok(bytes) = workout_files::render(src, format) {
        v["workout_filename"] = json!(workout_files::filename(src.name, format));
        v["workout_file_base64"] = json!(base64::engine::general_purpose::STANDARD.encode(bytes));
    }
}

fn flag(p: &Params, key: &str) -> bool {
    p.get(key)
        .is_some_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

fn ext_param(p: &Params) -> Result<Option<Format>, HttpResponse> {
    match p.get("ext").map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(ext) => Format::parse(ext).map(Some).ok_or_else(|| {
            unprocessable(&format!("Unsupported ext {ext}: use zwo, mrc, erg or fit"))
        }),
    }
}

pub(crate) async fn list(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let athlete = match athlete_grant(&req, "CALENDAR", Access::Read) {
        Ok((_, a)) => a,
        Err(res) => return res,
    };
    let p = Params::query(&req);
    let today = Utc::now().date_naive();
    let oldest = match p.get("oldest").filter(|s| !s.trim().is_empty()) {
        None => today,
        Some(raw) => match parse_date(raw) {
            Some(d) => d,
            None => return unprocessable(&format!("Invalid oldest date: {raw}")),
        },
    };
    let newest = match p.get("newest").filter(|s| !s.trim().is_empty()) {
        None => oldest + Days::days(6),
        Some(raw) => match parse_date(raw) {
            Some(d) => d,
            None => return unprocessable(&format!("Invalid newest date: {raw}")),
        },
    };
    let categories: Vec<String> = p
        .all("category")
        .flat_map(|c| c.split(','))
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| !c.is_empty())
        .collect();
    let limit = match p.get("limit").map(|l| l.trim().parse::<usize>()) {
        None => usize::MAX,
        Some(Ok(l)) => l,
        Some(Err(_)) => return unprocessable("limit must be a non-negative integer"),
    };
    let ext = match ext_param(&p) {
        Ok(e) => e,
        Err(res) => return res,
    };
    let resolve = flag(&p, "resolve");
    let body: Vec<Value> = sandbox
        .calendars
        .entries(&athlete, today, resolve)
        .into_iter()
        .map(|e| for_athlete(&sandbox, &athlete, e, resolve))
        .filter(|e| e.date().is_some_and(|d| d >= oldest && d <= newest))
        .filter(|e| categories.is_empty() || categories.iter().any(|c| c == e.category()))
        .take(limit)
        .map(|e| with_file(e, ext))
        .collect();
    if req.path().ends_with(".csv") {
        let columns: Vec<String> = CSV_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
        return csv_response(&columns, &body);
    }
    HttpResponse::Ok().json(body)
}

/// The columns of `/events.csv`.
const CSV_COLUMNS: [&str; 11] = [
    "id",
    "start_date_local",
    "end_date_local",
    "category",
    "type",
    "name",
    "description",
    "moving_time",
    "icu_training_load",
    "external_id",
    "oauth_client_id",
];

/// The athlete's own sport settings, when they changed them, for what the workout resolves and
/// renders with (`resolve` re-renders `workout_doc`).
fn for_athlete(sandbox: &Shared, athlete: &str, mut e: Entry, resolve: bool) -> Entry {
    if let Some(w) = e.workout.as_mut() {
        let sport = e.json["type"].as_str().unwrap_or_default().to_owned();
        let t = sport_settings::thresholds(sandbox, athlete, &sport);
        if t != w.thresholds {
            w.thresholds = t;
            let has_doc = e.json.get("workout_doc").is_some_and(|d| !d.is_null());
            if resolve && has_doc {
                e.json["workout_doc"] = w.doc(true);
            }
        }
    }
    e
}

fn with_file(e: Entry, ext: Option<Format>) -> Value {
    let mut v = e.json.clone();
    if let (Some(src), Some(format), "WORKOUT") = (e.source(), ext, e.category()) {
        attach_file(&mut v, &src, format);
    }
    v
}

/// The athlete's event as it now stands, calendar edits included.
fn find_event(
    req: &HttpRequest,
    sandbox: &Shared,
    athlete: &str,
    resolve: bool,
) -> Result<Entry, HttpResponse> {
    let not_found = || error(StatusCode::NOT_FOUND, "Event not found");
    let id: i64 = req
        .match_info()
        .get("event_id")
        .and_then(|v| v.parse().ok())
        .ok_or_else(not_found)?;
    sandbox
        .calendars
        .entries(athlete, Utc::now().date_naive(), resolve)
        .into_iter()
        .find(|e| e.id() == Some(id))
        .map(|e| for_athlete(sandbox, athlete, e, resolve))
        .ok_or_else(not_found)
}

pub(crate) async fn get_one(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let athlete = match athlete_grant(&req, "CALENDAR", Access::Read) {
        Ok((_, a)) => a,
        Err(res) => return res,
    };
    let p = Params::query(&req);
    let ext = match ext_param(&p) {
        Ok(e) => e,
        Err(res) => return res,
    };
    match find_event(&req, &sandbox, &athlete, flag(&p, "resolve")) {
        Ok(e) => HttpResponse::Ok().json(with_file(e, ext)),
        Err(res) => res,
    }
}

pub(crate) async fn download(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let athlete = match athlete_grant(&req, "CALENDAR", Access::Read) {
        Ok((_, a)) => a,
        Err(res) => return res,
    };
    let entry = match find_event(&req, &sandbox, &athlete, false) {
        Ok(e) => e,
        Err(res) => return res,
    };
    let raw = req.match_info().get("ext").unwrap_or_default();
    let Some(format) = Format::parse(raw.trim_start_matches('.')) else {
        return unprocessable(&format!(
            "Unsupported format {raw}: use .zwo, .mrc, .erg or .fit"
        ));
    };
    if entry.category() != "WORKOUT" {
        return unprocessable("Event is not a workout");
    }
    // Events added in the calendar UI, and text that is no workout, have nothing to render.
    let Some(src) = entry.source() else {
        return unprocessable("Event has no structured workout");
    };
    match workout_files::render(&src, format) {
        Ok(bytes) => HttpResponse::Ok()
            .content_type("application/octet-stream")
            .insert_header((
                CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{}\"",
                    workout_files::filename(src.name, format)
                ),
            ))
            .body(bytes),
        Err(msg) => unprocessable(&msg),
    }
}

/// `GET /api/v1/athlete/{id}/workouts.zip?ext=&oldest=&newest=`: the files of the athlete's
/// structured workouts in the window, one per event, in a zip (`application/zip`).
pub(crate) async fn workouts_zip(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let athlete = match athlete_grant(&req, "CALENDAR", Access::Read) {
        Ok((_, a)) => a,
        Err(res) => return res,
    };
    let p = Params::query(&req);
    let format = match ext_param(&p) {
        Ok(Some(f)) => f,
        Ok(None) => return unprocessable("ext is required: zwo, mrc, erg or fit"),
        Err(res) => return res,
    };
    let mut window = [None, None];
    for (slot, key) in window.iter_mut().zip(["oldest", "newest"]) {
        let Some(raw) = p.get(key).filter(|s| !s.trim().is_empty()) else {
            return unprocessable(&format!("{key} is required"));
        };
        match parse_date(raw) {
            Some(d) => *slot = Some(d),
            None => return unprocessable(&format!("Invalid {key} date: {raw}")),
        }
    }
    let (Some(oldest), Some(newest)) = (window[0], window[1]) else {
        return unprocessable("oldest and newest are required");
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut names: Vec<String> = Vec::new();
    for e in sandbox
        .calendars
        .entries(&athlete, Utc::now().date_naive(), false)
    {
        if e.category() != "WORKOUT" || !e.date().is_some_and(|d| d >= oldest && d <= newest) {
            continue;
        }
        let Some(src) = e.source() else { continue };
        let Ok(bytes) = workout_files::render(&src, format) else {
            continue;
        };
        let date = e.date().map(|d| d.to_string()).unwrap_or_default();
        let mut name = format!("{date} {}", workout_files::filename(src.name, format));
        if names.contains(&name) {
            name = format!(
                "{date} {} {}",
                src.id,
                workout_files::filename(src.name, format)
            );
        }
        let written = zip
            .start_file(name.as_str(), options)
            .and_then(|()| std::io::Write::write_all(&mut zip, &bytes).map_err(Into::into));
        if let Err(e) = written {
            return error(StatusCode::INTERNAL_SERVER_ERROR, &format!("zip: {e}"));
        }
        names.push(name);
    }
    match zip.finish() {
        Ok(cursor) => HttpResponse::Ok()
            .content_type("application/zip")
            .insert_header((CONTENT_DISPOSITION, "attachment; filename=\"workouts.zip\""))
            .body(cursor.into_inner()),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &format!("zip: {e}")),
    }
}

/// `GET /api/v1/athlete/{id}/event-tags`: every tag on the athlete's events, sorted, once each.
pub(crate) async fn tags(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let athlete = match athlete_grant(&req, "CALENDAR", Access::Read) {
        Ok((_, a)) => a,
        Err(res) => return res,
    };
    let mut tags: Vec<String> = sandbox
        .calendars
        .entries(&athlete, Utc::now().date_naive(), false)
        .iter()
        .flat_map(|e| e.json["tags"].as_array().cloned().unwrap_or_default())
        .filter_map(|t| t.as_str().map(str::to_owned))
        .collect();
    tags.sort();
    tags.dedup();
    HttpResponse::Ok().json(tags)
}
