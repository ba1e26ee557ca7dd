//! Activities as Intervals.icu serves them: multipart uploads deduplicated by file hash (201 new,
//! 200 all duplicates), multisport splitting, date-window listing with Strava stubs, the original
//! file (gzip-compressed when it was uploaded plain) and a generated FIT file.

use std::io::Write;

use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_LENGTH};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde_json::{json, Value};

use crate::analysis;
use crate::auth::{athlete_grant, grant, TokenGrant};
use crate::dates::{fmt_local, parse_local};
use crate::errors::not_simulated;
use crate::errors::{error, unprocessable};
use crate::files::activity::{self as activity_file, Packing, Rejection};
use crate::files::track;
use crate::operations::match_operation;
use crate::outbox::{stage, Outgoing, Route};
use crate::request::{
    csv_response, json_body, read_form, select, upstream_path, Params, MULTIPART_SLACK,
};
use crate::scope::Access;
use crate::store::activities::{Activity, Removal, Uploaded};
use crate::store::Shared;
use crate::uploads::{self, summary, Details, Outcome, STRAVA_NOTE};

/// Decompressed files may be this many times larger than the upload cap before they are refused.
const INFLATE_FACTOR: u64 = 8;

fn too_large() -> HttpResponse {
    error(
        StatusCode::PAYLOAD_TOO_LARGE,
        "Maximum upload size exceeded",
    )
}

pub(crate) async fn upload(
    req: HttpRequest,
    payload: web::Payload,
    sandbox: Shared,
) -> HttpResponse {
    let (grant, athlete_id) = match athlete_grant(&req, "ACTIVITY", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let max = sandbox.activities.max_upload_bytes();
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max + MULTIPART_SLACK) {
        return too_large();
    }
    let form = match read_form(&req, payload, max, too_large).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    // Like Spring's request parameters: the query string first, then multipart text fields.
    let query = Params::query(&req);
    let param = |key: &str| {
        query
            .get(key)
            .map(str::to_owned)
            .or_else(|| {
                form.fields
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
            })
            .filter(|v| !v.is_empty())
    };
    let paired_event_id = match param("paired_event_id").map(|v| v.trim().parse::<i64>()) {
        None => None,
        Some(Ok(v)) => Some(v),
        Some(Err(_)) => return unprocessable("paired_event_id must be an integer"),
    };
    let Some(bytes) = form.file else {
        return unprocessable("Required part 'file' is not present");
    };
    let details = Details {
        name: param("name"),
        description: param("description"),
        external_id: param("external_id"),
        device_name: param("device_name"),
        paired_event_id,
        client_name: sandbox.grants.client_name(&grant.client_id),
    };
    let inspected = match activity_file::inspect(&bytes, max.saturating_mul(INFLATE_FACTOR)) {
        Ok(i) => i,
        Err(Rejection::TooLarge) => return too_large(),
        Err(Rejection::Invalid(msg)) => return unprocessable(&msg),
    };
    sandbox.gate.count_upload();
    let new = match uploads::keep(&sandbox, &athlete_id, bytes, inspected, details) {
        Outcome::Duplicate(ids) => return HttpResponse::Ok().json(upload_body(&athlete_id, &ids)),
        Outcome::New(new) => new,
    };
    let ids: Vec<String> = new.iter().map(|a| a.id.clone()).collect();
    for out in uploads::announce_new(&sandbox, &athlete_id, &new) {
        stage(&req, out);
    }
    HttpResponse::Created().json(upload_body(&athlete_id, &ids))
}

fn upload_body(athlete_id: &str, ids: &[String]) -> Value {
    json!({
        "icu_athlete_id": athlete_id,
        "id": ids.first(),
        "activities": ids
            .iter()
            .map(|id| json!({"icu_athlete_id": athlete_id, "id": id}))
            .collect::<Vec<_>>(),
    })
}

pub(crate) async fn list(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let (_, athlete_id) = match athlete_grant(&req, "ACTIVITY", Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let p = Params::query(&req);
    let Some(raw_oldest) = p.get("oldest").filter(|s| !s.trim().is_empty()) else {
        return unprocessable("oldest is required");
    };
    let Some(oldest) = parse_local(raw_oldest, false) else {
        return unprocessable(&format!("Invalid oldest date: {raw_oldest}"));
    };
    let newest = match p.get("newest").filter(|s| !s.trim().is_empty()) {
        None => Utc::now().naive_utc(),
        Some(raw) => match parse_local(raw, true) {
            Some(t) => t,
            None => return unprocessable(&format!("Invalid newest date: {raw}")),
        },
    };
    let limit = match p.get("limit").map(|l| l.trim().parse::<usize>()) {
        None => None,
        Some(Ok(l)) => Some(l),
        Some(Err(_)) => return unprocessable("limit must be a non-negative integer"),
    };
    let fields = p.fields();
    let mut found = sandbox.activities.between(&athlete_id, oldest, newest);
    // Newest first; uploads of the same instant keep their upload order reversed as well.
    found.sort_by(|a, b| {
        b.start
            .cmp(&a.start)
            .then_with(|| id_num(b).cmp(&id_num(a)))
    });
    let body: Vec<Value> = found
        .iter()
        .take(limit.unwrap_or(usize::MAX))
        .map(|a| select(summary(a), &fields, &[]))
        .collect();
    HttpResponse::Ok().json(body)
}

fn id_num(a: &Activity) -> u64 {
    a.id.trim_start_matches('i').parse().unwrap_or(0)
}

/// The activity with the `{id}` of the path that the caller may read (its own, or an athlete's
/// it coaches), or the 404/422 Intervals.icu answers instead.
fn own_activity(
    req: &HttpRequest,
    sandbox: &Shared,
    grant: &TokenGrant,
) -> Result<(Activity, Uploaded), HttpResponse> {
    let id = req.match_info().get("id").unwrap_or_default();
    let a = sandbox
        .activities
        .readable(id, &grant.athlete_id)
        .ok_or_else(|| error(StatusCode::NOT_FOUND, "Activity not found"))?;
    let u = a.upload.clone().ok_or_else(|| unprocessable(STRAVA_NOTE))?;
    Ok((a, u))
}

pub(crate) async fn get_one(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let grant = match grant(&req, "ACTIVITY", Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let with_intervals = Params::query(&req)
        .get("intervals")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    match own_activity(&req, &sandbox, &grant) {
        Ok((a, u)) => {
            let mut body = summary(&a);
            if with_intervals {
                body["icu_intervals"] = json!(analysis::intervals(&uploads::track(&u), u.elapsed));
                body["icu_groups"] = json!([]);
            }
            HttpResponse::Ok().json(body)
        }
        Err(res) => res,
    }
}

/// `DELETE /api/v1/activity/{id}` (`ACTIVITY:WRITE`): only the athlete's own; answers
/// `{"icu_athlete_id","id"}` and announces ACTIVITY_DELETED.
pub(crate) async fn delete(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let grant = match grant(&req, "ACTIVITY", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let id = req.match_info().get("id").unwrap_or_default();
    let a = match sandbox.activities.remove(id, &grant.athlete_id) {
        Removal::Removed(a) => *a,
        Removal::Stub => return unprocessable(STRAVA_NOTE),
        Removal::NotFound => return error(StatusCode::NOT_FOUND, "Activity not found"),
    };
    let minimal = json!({
        "id": a.id,
        "icu_athlete_id": a.athlete_id,
        "start_date_local": fmt_local(a.start),
        "type": a.upload.as_ref().map(|u| u.sport),
        "deleted": true,
    });
    stage(
        &req,
        Outgoing::new(
            &a.athlete_id,
            "ACTIVITY_DELETED",
            Route::Area("ACTIVITY"),
            json!({ "activity": minimal }),
        ),
    );
    HttpResponse::Ok().json(json!({"icu_athlete_id": a.athlete_id, "id": a.id}))
}

fn attachment(bytes: Vec<u8>, filename: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/octet-stream")
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .body(bytes)
}

pub(crate) async fn original_file(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let grant = match grant(&req, "ACTIVITY", Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let (id, file) = match own_activity(&req, &sandbox, &grant) {
        Ok((a, Uploaded { file: Some(f), .. })) => (a.id, f),
        Ok(_) => return error(StatusCode::NOT_FOUND, "A manual activity has no file"),
        Err(res) => return res,
    };
    let ext = file.file_type.ext();
    match file.packing {
        Packing::Gzip => attachment(file.bytes.clone(), &format!("{id}.{ext}.gz")),
        Packing::Zip => attachment(file.bytes.clone(), &format!("{id}.zip")),
        // Intervals.icu stores and serves plain uploads gzip-compressed.
        Packing::Plain => match gzip(&file.bytes) {
            Ok(gz) => attachment(gz, &format!("{id}.{ext}.gz")),
            Err(e) => error(
                StatusCode::INTERNAL_SERVER_ERROR,
                &format!("Could not compress file: {e}"),
            ),
        },
    }
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes)?;
    enc.finish()
}

pub(crate) async fn fit_file(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let grant = match grant(&req, "ACTIVITY", Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    match own_activity(&req, &sandbox, &grant) {
        Ok((a, u)) => {
            // The file's recording, at the time and in the sport the activity now has.
            let mut track = uploads::track(&u);
            track.start = Some(a.start.and_utc());
            track.sport = Some(u.sport);
            track.elapsed = Some(f64::from(u.elapsed));
            track.distance = Some(u.distance);
            let serial = u32::try_from(id_num(&a) % u64::from(u32::MAX)).unwrap_or(1);
            attachment(track::to_fit(&track, serial), &format!("{}.fit", a.id))
        }
        Err(res) => res,
    }
}

/// `GET /api/v1/activity/{id}/intervals`: `{"id","analyzed","icu_intervals","icu_groups"}`.
pub(crate) async fn intervals(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let grant = match grant(&req, "ACTIVITY", Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    match own_activity(&req, &sandbox, &grant) {
        Ok((a, u)) => HttpResponse::Ok().json(json!({
            "id": a.id,
            "analyzed": u.created.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "icu_intervals": analysis::intervals(&uploads::track(&u), u.elapsed),
            "icu_groups": [],
        })),
        Err(res) => res,
    }
}

/// `GET /api/v1/activity/{id}/streams{ext}`: JSON without a suffix or with `.json`, CSV with
/// `.csv`; `types` (repeated or comma-separated) picks streams.
pub(crate) async fn streams(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let grant = match grant(&req, "ACTIVITY", Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let (_, u) = match own_activity(&req, &sandbox, &grant) {
        Ok(found) => found,
        Err(res) => return res,
    };
    let p = Params::query(&req);
    let types: Vec<String> = p
        .all("types")
        .flat_map(|t| t.split(','))
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    let track = uploads::track(&u);
    if req.path().ends_with(".csv") {
        HttpResponse::Ok()
            .content_type("text/csv")
            .body(analysis::streams_csv(&track, &types))
    } else {
        HttpResponse::Ok().json(analysis::streams(&track, &types))
    }
}

const EDIT_BOOLS: [&str; 3] = ["trainer", "commute", "race"];
const EDIT_NUMBERS: [&str; 4] = ["perceived_exertion", "feel", "icu_rpe", "session_rpe"];

/// The changes a `PUT /activity/{id}` body asks for, checked before any is made.
struct ActivityEdit {
    name: Option<String>,
    description: Option<Option<String>>,
    sport: Option<&'static str>,
    others: serde_json::Map<String, Value>,
}

fn activity_edit(body: &serde_json::Map<String, Value>) -> Result<ActivityEdit, String> {
    let name = match body.get("name") {
        None | Some(Value::Null) => None,
        Some(Value::String(n)) if !n.trim().is_empty() => Some(n.clone()),
        Some(other) => return Err(format!("name must be a non-empty string, not {other}")),
    };
    let description = match body.get("description") {
        None => None,
        Some(Value::Null) => Some(None),
        Some(Value::String(d)) => Some(Some(d.clone())),
        Some(other) => return Err(format!("description must be a string, not {other}")),
    };
    let sport = match body.get("type") {
        None | Some(Value::Null) => None,
        Some(Value::String(t)) => Some(
            uploads::SPORTS
                .iter()
                .copied()
                .find(|s| s == t)
                .ok_or_else(|| format!("type: unknown sport {t}"))?,
        ),
        Some(other) => return Err(format!("type must be a string, not {other}")),
    };
    let mut others = serde_json::Map::new();
    for key in EDIT_BOOLS {
        match body.get(key) {
            None | Some(Value::Null) => {}
            Some(v @ Value::Bool(_)) => {
                others.insert(key.into(), v.clone());
            }
            Some(other) => return Err(format!("{key} must be true or false, not {other}")),
        }
    }
    for key in EDIT_NUMBERS {
        match body.get(key) {
            None | Some(Value::Null) => {}
            Some(v @ Value::Number(_)) => {
                others.insert(key.into(), v.clone());
            }
            Some(other) => return Err(format!("{key} must be a number, not {other}")),
        }
    }
    match body.get("tags") {
        None | Some(Value::Null) => {}
        Some(Value::Array(t)) if t.iter().all(Value::is_string) => {
            others.insert("tags".into(), Value::Array(t.clone()));
        }
        Some(other) => return Err(format!("tags must be a list of strings, not {other}")),
    }
    Ok(ActivityEdit {
        name,
        description,
        sport,
        others,
    })
}

/// `PUT /api/v1/activity/{id}` (`ACTIVITY:WRITE`): the athlete's own upload; `name`,
/// `description`, `type`, `trainer`, `commute`, `race`, `perceived_exertion`, `feel`,
/// `icu_rpe`, `session_rpe` and `tags` change when given (other fields are ignored). Answers the
/// activity and sends ACTIVITY_UPDATED.
pub(crate) async fn update(req: HttpRequest, body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let grant = match grant(&req, "ACTIVITY", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let edit = match json_body(&req, &body) {
        Ok(Value::Object(m)) => match activity_edit(&m) {
            Ok(e) => e,
            Err(msg) => return unprocessable(&msg),
        },
        Ok(_) => return unprocessable("Expected an activity object"),
        Err(res) => return res,
    };
    let id = req.match_info().get("id").unwrap_or_default();
    let changed = sandbox.activities.edit(id, &grant.athlete_id, |u| {
        if let Some(name) = edit.name {
            u.name = name;
        }
        if let Some(description) = edit.description {
            u.description = description;
        }
        if let Some(sport) = edit.sport {
            u.sport = sport;
        }
        u.edits.extend(edit.others);
    });
    let a = match changed {
        Ok(a) => a,
        Err(Removal::Stub) => return unprocessable(STRAVA_NOTE),
        Err(_) => return error(StatusCode::NOT_FOUND, "Activity not found"),
    };
    let body = summary(&a);
    stage(
        &req,
        Outgoing::new(
            &a.athlete_id,
            "ACTIVITY_UPDATED",
            Route::Area("ACTIVITY"),
            json!({ "activity": body.clone() }),
        ),
    );
    HttpResponse::Ok().json(body)
}

const CSV_COLUMNS: [&str; 21] = [
    "id",
    "start_date_local",
    "type",
    "name",
    "description",
    "distance",
    "moving_time",
    "elapsed_time",
    "average_speed",
    "max_speed",
    "average_heartrate",
    "max_heartrate",
    "icu_average_watts",
    "icu_weighted_avg_watts",
    "average_cadence",
    "calories",
    "total_elevation_gain",
    "icu_training_load",
    "external_id",
    "device_name",
    "file_type",
];

/// `GET /api/v1/athlete/{id}/activities.csv`: every activity the athlete uploaded, newest first,
/// one row each.
pub(crate) async fn csv(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let (_, athlete_id) = match athlete_grant(&req, "ACTIVITY", Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let mut found = sandbox.activities.uploads(&athlete_id);
    found.sort_by(|a, b| {
        b.start
            .cmp(&a.start)
            .then_with(|| id_num(b).cmp(&id_num(a)))
    });
    let rows: Vec<Value> = found.iter().map(summary).collect();
    let columns: Vec<String> = CSV_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    csv_response(&columns, &rows)
}

/// `GET /api/v1/athlete/{athleteId}/activities/{ids}` (comma-separated ids; `intervals=true`
/// adds them): those of the athlete's activities that exist, in the order asked. The path also
/// matches other operations under `/activities/`, which answer 501.
pub(crate) async fn by_ids(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let path = upstream_path(&req);
    if let Some(op) = match_operation("GET", &path).filter(|o| o.operation_id != "getActivities") {
        return not_simulated(op);
    }
    let (_, athlete_id) = match athlete_grant(&req, "ACTIVITY", Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let with_intervals = Params::query(&req)
        .get("intervals")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let ids = req.match_info().get("ids").unwrap_or_default();
    let body: Vec<Value> = ids
        .split(',')
        .map(str::trim)
        .filter_map(|id| sandbox.activities.readable(id, &athlete_id))
        .filter(|a| a.athlete_id == athlete_id)
        .map(|a| {
            let mut v = summary(&a);
            if let (true, Some(u)) = (with_intervals, &a.upload) {
                v["icu_intervals"] = json!(analysis::intervals(&uploads::track(u), u.elapsed));
                v["icu_groups"] = json!([]);
            }
            v
        })
        .collect();
    HttpResponse::Ok().json(body)
}

/// `GET /api/v1/athlete/{id}/activity-tags`: every tag on the athlete's activities, sorted,
/// once each.
pub(crate) async fn tags(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let (_, athlete_id) = match athlete_grant(&req, "ACTIVITY", Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let mut tags: Vec<String> = sandbox
        .activities
        .uploads(&athlete_id)
        .iter()
        .filter_map(|a| a.upload.as_ref())
        .flat_map(|u| {
            u.edits
                .get("tags")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|t| t.as_str().map(str::to_owned))
        .collect();
    tags.sort();
    tags.dedup();
    HttpResponse::Ok().json(tags)
}

/// Text safe inside an XML element or attribute.
fn xml_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `GET /api/v1/activity/{id}/gpx-file?power=&hr=` (ACTIVITY:READ): the recording's positioned
/// samples as GPX 1.1 with elevation, time, and (unless `power=false` / `hr=false`) power, heart
/// rate and cadence extensions; `422` for an activity without GPS data.
pub(crate) async fn gpx_file(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let grant = match grant(&req, "ACTIVITY", Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let (a, u) = match own_activity(&req, &sandbox, &grant) {
        Ok(found) => found,
        Err(res) => return res,
    };
    let p = Params::query(&req);
    let on = |key: &str| p.get(key).is_none_or(|v| !v.eq_ignore_ascii_case("false"));
    let (power, hr) = (on("power"), on("hr"));
    let track = uploads::track(&u);
    let start = a.start.and_utc();
    let mut points = String::new();
    for s in &track.samples {
        let (Some(lat), Some(lng)) = (s.lat, s.lng) else {
            continue;
        };
        let time = (start + chrono::Duration::seconds(i64::from(s.t)))
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        points.push_str(&format!("<trkpt lat=\"{lat:.7}\" lon=\"{lng:.7}\">"));
        if let Some(ele) = s.altitude {
            points.push_str(&format!("<ele>{ele:.1}</ele>"));
        }
        points.push_str(&format!("<time>{time}</time>"));
        let mut ext = String::new();
        if let Some(w) = s.watts.filter(|_| power) {
            ext.push_str(&format!("<power>{w}</power>"));
        }
        let mut tpx = String::new();
        if let Some(b) = s.heartrate.filter(|_| hr) {
            tpx.push_str(&format!("<gpxtpx:hr>{b}</gpxtpx:hr>"));
        }
        if let Some(c) = s.cadence {
            tpx.push_str(&format!("<gpxtpx:cad>{c}</gpxtpx:cad>"));
        }
        if !tpx.is_empty() {
            ext.push_str(&format!(
                "<gpxtpx:TrackPointExtension>{tpx}</gpxtpx:TrackPointExtension>"
            ));
        }
        if !ext.is_empty() {
            points.push_str(&format!("<extensions>{ext}</extensions>"));
        }
        points.push_str("</trkpt>\n");
    }
    if points.is_empty() {
        return unprocessable("Activity has no GPS data");
    }
    let gpx = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"intervals-sandbox\" \
         xmlns=\"http://www.topografix.com/GPX/1/1\" \
         xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n\
         <metadata><time>{}</time></metadata>\n<trk><name>{}</name><type>{}</type><trkseg>\n{points}</trkseg></trk>\n</gpx>\n",
        start.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        xml_text(&u.name),
        xml_text(u.sport),
    );
    HttpResponse::Ok()
        .content_type("application/gpx+xml")
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}.gpx\"", a.id),
        ))
        .body(gpx)
}

/// `POST /api/v1/athlete/{id}/activities/manual` (`ACTIVITY:WRITE`): an `Activity` object kept
/// as a manual activity (no file; `source` `MANUAL`) → the activity, and ACTIVITY_UPLOADED then
/// ACTIVITY_ANALYZED as for an upload; `422` for a bad body.
pub(crate) async fn create_manual(
    req: HttpRequest,
    body: web::Bytes,
    sandbox: Shared,
) -> HttpResponse {
    let (grant, athlete_id) = match athlete_grant(&req, "ACTIVITY", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let fields = match json_body(&req, &body) {
        Ok(Value::Object(m)) => m,
        Ok(_) => return unprocessable("Expected an activity object"),
        Err(res) => return res,
    };
    let client_name = sandbox.grants.client_name(&grant.client_id);
    match uploads::manual(&sandbox, &athlete_id, &fields, client_name) {
        Ok(a) => {
            for out in uploads::announce_new(&sandbox, &athlete_id, std::slice::from_ref(&a)) {
                stage(&req, out);
            }
            HttpResponse::Ok().json(summary(&a))
        }
        Err(msg) => unprocessable(&msg),
    }
}
