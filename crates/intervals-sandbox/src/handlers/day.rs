//! `/_sandbox/day` and `/_sandbox/athletes/{id}/change|changes`: the athlete day's controls.
//! Start or stop the simulated athletes' own changes, make one change now, read the counters.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::day::{self, Area, DayConfig};
use crate::errors::error;
use crate::request::parse;
use crate::store::Shared;

/// `POST /_sandbox/day`: starts the day (replacing a running one); `changes_per_day` 0 stops it.
pub(crate) async fn start(body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let config: DayConfig = match parse(&body) {
        Ok(c) => c,
        Err(res) => return res,
    };
    match day::start(&sandbox, config) {
        Ok(_) => HttpResponse::Ok().json(day::status(&sandbox)),
        Err(msg) => error(StatusCode::BAD_REQUEST, &msg),
    }
}

pub(crate) async fn status(sandbox: Shared) -> HttpResponse {
    HttpResponse::Ok().json(day::status(&sandbox))
}

/// `DELETE /_sandbox/day`: stops the scheduler; the counters stay.
pub(crate) async fn stop(sandbox: Shared) -> HttpResponse {
    let was_running = sandbox.day.stop();
    let mut body = day::status(&sandbox);
    body["stopped"] = json!(was_running);
    HttpResponse::Ok().json(body)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeBody {
    area: String,
}

/// `POST /_sandbox/athletes/{id}/change {"area"}`: one change now; answered once its webhooks
/// are in the outbox.
pub(crate) async fn change(req: HttpRequest, body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let athlete = req.match_info().get("id").unwrap_or_default().to_owned();
    let b: ChangeBody = match parse(&body) {
        Ok(b) => b,
        Err(res) => return res,
    };
    let Some(area) = Area::parse(&b.area) else {
        return error(
            StatusCode::BAD_REQUEST,
            &format!(
                "Unknown area {}: use activities, wellness or calendar",
                b.area
            ),
        );
    };
    if !sandbox.grants.knows_athlete(&athlete) {
        return error(
            StatusCode::NOT_FOUND,
            &format!("No simulated athlete {athlete}"),
        );
    }
    match day::change(&sandbox, &athlete, area) {
        Ok(change) => HttpResponse::Ok().json(change),
        Err(msg) => error(StatusCode::INTERNAL_SERVER_ERROR, &msg),
    }
}

/// `GET /_sandbox/athletes/{id}/changes`: the athlete's changes so far, per area.
pub(crate) async fn changes(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let athlete = req.match_info().get("id").unwrap_or_default();
    if !sandbox.grants.knows_athlete(athlete) {
        return error(
            StatusCode::NOT_FOUND,
            &format!("No simulated athlete {athlete}"),
        );
    }
    let counts = sandbox.day.counts_of(athlete);
    HttpResponse::Ok().json(json!({
        "athlete_id": athlete,
        "activities": counts.activities,
        "wellness": counts.wellness,
        "calendar": counts.calendar,
        "total": counts.total(),
    }))
}
