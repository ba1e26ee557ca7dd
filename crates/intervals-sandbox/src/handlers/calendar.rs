//! `/_sandbox/calendar/{athlete_id}`: the athlete edits their calendar as they would in the
//! calendar UI; the edits are announced as CALENDAR_UPDATED.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::errors::error;
use crate::outbox::{stage, Outgoing, Route};
use crate::request::parse;
use crate::store::Shared;

fn known_athlete(req: &HttpRequest, sandbox: &Shared) -> Result<String, HttpResponse> {
    let id = req.match_info().get("athlete_id").unwrap_or_default();
    if sandbox.grants.knows_athlete(id) {
        Ok(id.to_owned())
    } else {
        Err(error(
            StatusCode::NOT_FOUND,
            &format!("No simulated athlete {id}"),
        ))
    }
}

/// All of the athlete's events, whatever their date.
pub(crate) async fn show(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let athlete_id = match known_athlete(&req, &sandbox) {
        Ok(a) => a,
        Err(res) => return res,
    };
    let list: Vec<Value> = sandbox
        .calendars
        .entries(&athlete_id, Utc::now().date_naive(), false)
        .into_iter()
        .map(|e| e.json)
        .collect();
    HttpResponse::Ok().json(list)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditBody {
    #[serde(default)]
    upsert: Vec<Value>,
    #[serde(default)]
    delete: Vec<i64>,
}

/// All or nothing (`400` naming the bad item).
pub(crate) async fn edit(req: HttpRequest, body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let athlete_id = match known_athlete(&req, &sandbox) {
        Ok(a) => a,
        Err(res) => return res,
    };
    let b: EditBody = match parse(&body) {
        Ok(b) => b,
        Err(res) => return res,
    };
    let events = match sandbox.calendars.edit(&athlete_id, &b.upsert, &b.delete) {
        Ok(events) => events,
        Err(msg) => return error(StatusCode::BAD_REQUEST, &msg),
    };
    let body = json!({"events": events, "deleted_events": b.delete});
    if !events.is_empty() || !b.delete.is_empty() {
        stage(
            &req,
            Outgoing::new(
                &athlete_id,
                "CALENDAR_UPDATED",
                Route::Area("CALENDAR"),
                body.clone(),
            ),
        );
    }
    HttpResponse::Ok().json(body)
}
