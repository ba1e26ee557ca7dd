//! Wellness endpoints: `PUT` one record or many (merged field by field, all or nothing), `GET`
//! one day or a window with computed fitness; and the `/_sandbox` views of what was written.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{Duration as Days, NaiveDate, Utc};
use serde_json::{json, Value};

use crate::auth::{athlete_grant, TokenGrant};
use crate::dates::{parse_date, strict_date};
use crate::errors::{error, unprocessable};
use crate::outbox::{stage, Outgoing, Route};
use crate::request::{csv_response, json_body, read_form, select, upstream_path, Params};
use crate::scope::Access;
use crate::store::wellness::{parse_record, Update};
use crate::store::Shared;

/// Bulk pushes of a year of records are a few hundred kilobytes; actix's default cap is 256 kB.
pub(crate) const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// `[Update]` and the objects as sent, or upstream's 422.
fn parse_all(items: &[Value], date: Option<NaiveDate>) -> Result<Vec<Update>, HttpResponse> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            parse_record(v, date).map_err(|msg| {
                if items.len() > 1 {
                    unprocessable(&format!("Record {i}: {msg}"))
                } else {
                    unprocessable(&msg)
                }
            })
        })
        .collect()
}

/// Applies, stages WELLNESS_UPDATED with the records as they now stand, and returns them.
fn write(
    req: &HttpRequest,
    sandbox: &Shared,
    grant: &TokenGrant,
    athlete: &str,
    updates: Vec<Update>,
    sent: Vec<Value>,
) -> Vec<Value> {
    let loads = sandbox.activities.daily_loads(athlete);
    let records = sandbox.wellness.write(
        &grant.client_id,
        athlete,
        upstream_path(req),
        updates,
        sent,
        &loads,
    );
    if !records.is_empty() {
        stage(
            req,
            Outgoing::new(
                athlete,
                "WELLNESS_UPDATED",
                Route::Area("WELLNESS"),
                json!({ "records": records }),
            ),
        );
    }
    records
}

pub(crate) async fn put_bulk(req: HttpRequest, body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let (grant, athlete) = match athlete_grant(&req, "WELLNESS", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let items = match json_body(&req, &body) {
        Ok(Value::Array(items)) => items,
        Ok(_) => return unprocessable("Expected a JSON array of wellness records"),
        Err(res) => return res,
    };
    let updates = match parse_all(&items, None) {
        Ok(u) => u,
        Err(res) => return res,
    };
    write(&req, &sandbox, &grant, &athlete, updates, items);
    HttpResponse::Ok().finish()
}

/// One record, its day from the path or (for `PUT /wellness`) from its `id`.
async fn put_single(
    req: HttpRequest,
    body: web::Bytes,
    sandbox: Shared,
    from_path: bool,
) -> HttpResponse {
    let (grant, athlete) = match athlete_grant(&req, "WELLNESS", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let date = if from_path {
        let raw = req.match_info().get("date").unwrap_or_default();
        match strict_date(raw) {
            Some(d) => Some(d),
            None => return unprocessable(&format!("Invalid date {raw}: use YYYY-MM-DD")),
        }
    } else {
        None
    };
    let item = match json_body(&req, &body) {
        Ok(v) => v,
        Err(res) => return res,
    };
    let updates = match parse_all(std::slice::from_ref(&item), date) {
        Ok(u) => u,
        Err(res) => return res,
    };
    let records = write(&req, &sandbox, &grant, &athlete, updates, vec![item]);
    match records.into_iter().next() {
        Some(r) => HttpResponse::Ok().json(r),
        None => error(StatusCode::INTERNAL_SERVER_ERROR, "Record vanished"),
    }
}

pub(crate) async fn put_one(req: HttpRequest, body: web::Bytes, sandbox: Shared) -> HttpResponse {
    put_single(req, body, sandbox, true).await
}

pub(crate) async fn put_by_body_id(
    req: HttpRequest,
    body: web::Bytes,
    sandbox: Shared,
) -> HttpResponse {
    put_single(req, body, sandbox, false).await
}

pub(crate) async fn get_one(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let (_, athlete) = match athlete_grant(&req, "WELLNESS", Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let raw = req.match_info().get("date").unwrap_or_default();
    let Some(date) = strict_date(raw) else {
        return unprocessable(&format!("Invalid date {raw}: use YYYY-MM-DD"));
    };
    let loads = sandbox.activities.daily_loads(&athlete);
    match sandbox.wellness.record(&athlete, date, &loads) {
        Some(r) => HttpResponse::Ok().json(r),
        None => error(StatusCode::NOT_FOUND, "Wellness record not found"),
    }
}

/// Days that were never written are absent: the sandbox has no device syncs that would create
/// them upstream.
pub(crate) async fn list(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let (_, athlete) = match athlete_grant(&req, "WELLNESS", Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let p = Params::query(&req);
    let date_param = |key: &str| match p.get(key).filter(|s| !s.trim().is_empty()) {
        None => Ok(None),
        Some(raw) => parse_date(raw)
            .map(Some)
            .ok_or_else(|| unprocessable(&format!("Invalid {key} date: {raw}"))),
    };
    let newest = match date_param("newest") {
        Ok(d) => d.unwrap_or_else(|| Utc::now().date_naive()),
        Err(res) => return res,
    };
    let oldest = match date_param("oldest") {
        Ok(d) => d.unwrap_or_else(|| newest.checked_sub_signed(Days::days(6)).unwrap_or(newest)),
        Err(res) => return res,
    };
    let fields = p.fields();
    let loads = sandbox.activities.daily_loads(&athlete);
    let records = sandbox.wellness.window(&athlete, oldest, newest, &loads);
    if req.path().ends_with(".csv") {
        // `cols` picks the columns after `id`; every field by default.
        let mut columns = vec!["id".to_owned()];
        let cols: Vec<String> = p
            .all("cols")
            .flat_map(|c| c.split(','))
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty() && c != "id")
            .collect();
        if cols.is_empty() {
            if let Some(Value::Object(first)) = records.first() {
                columns.extend(first.keys().filter(|k| *k != "id").cloned());
            }
        } else {
            columns.extend(cols);
        }
        return csv_response(&columns, &records);
    }
    // `id` always stays, so that a record still says which day it is.
    let body: Vec<Value> = records
        .into_iter()
        .map(|r| select(r, &fields, &["id"]))
        .collect();
    HttpResponse::Ok().json(body)
}

/// `POST /api/v1/athlete/{id}/wellness` (`WELLNESS:WRITE`): multipart part `file`, a CSV whose
/// header names `date` (or `id`) and wellness fields, one day a row; empty cells change
/// nothing. All rows are checked before any is applied (`422` naming the bad row), then merged
/// like `wellness-bulk` → `{"updated": n}` and WELLNESS_UPDATED.
pub(crate) async fn upload_csv(
    req: HttpRequest,
    payload: web::Payload,
    sandbox: Shared,
) -> HttpResponse {
    let (grant, athlete) = match athlete_grant(&req, "WELLNESS", Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let too_large = || {
        error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "Maximum upload size exceeded",
        )
    };
    let form = match read_form(&req, payload, MAX_BODY_BYTES as u64, too_large).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    let Some(bytes) = form.file else {
        return unprocessable("Required part 'file' is not present");
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<String> = match lines.next() {
        Some(h) => h
            .split(',')
            .map(|c| c.trim().trim_matches('"').to_owned())
            .collect(),
        None => return unprocessable("The CSV file is empty"),
    };
    let items: Vec<Value> = lines
        .map(|line| {
            let mut m = serde_json::Map::new();
            for (name, cell) in header.iter().zip(line.split(',')) {
                let cell = cell.trim().trim_matches('"');
                if cell.is_empty() {
                    continue;
                }
                let key = if name == "date" { "id" } else { name.as_str() };
                let value = match cell.parse::<f64>() {
                    Ok(n) if key != "id" && key != "comments" => json!(n),
                    _ => json!(cell),
                };
                m.insert(key.to_owned(), value);
            }
            Value::Object(m)
        })
        .collect();
    let updates = match parse_all(&items, None) {
        Ok(u) => u,
        Err(res) => return res,
    };
    let n = updates.len();
    write(&req, &sandbox, &grant, &athlete, updates, items);
    HttpResponse::Ok().json(json!({ "updated": n }))
}

// ---- test controls -------------------------------------------------------------------------

/// Only what was written, oldest day first: `{"id", <fields set>, "updated"}`.
pub(crate) async fn stored(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let athlete_id = req.match_info().get("athlete_id").unwrap_or_default();
    if !sandbox.grants.knows_athlete(athlete_id) {
        return error(
            StatusCode::NOT_FOUND,
            &format!("No simulated athlete {athlete_id}"),
        );
    }
    HttpResponse::Ok().json(sandbox.wellness.stored(athlete_id))
}

pub(crate) async fn pushes(sandbox: Shared) -> HttpResponse {
    HttpResponse::Ok().json(sandbox.wellness.pushes())
}

pub(crate) async fn clear_pushes(sandbox: Shared) -> HttpResponse {
    sandbox.wellness.clear_pushes();
    HttpResponse::Ok().json(json!({}))
}
