//! `/api/v1/athlete/{athleteId}/sport-settings` and `/sport-settings/{id}`: the athlete's sport
//! settings, one object per group of sports; a change is announced as SPORT_SETTINGS_UPDATED.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use crate::auth::athlete_grant;
use crate::errors::{error, unprocessable};
use crate::outbox::{stage, Outgoing, Route};
use crate::request::{json_body, Params};
use crate::scope::Access;
use crate::sport_settings;
use crate::store::Shared;

/// Every group of the athlete's sport settings (`SETTINGS:READ`).
pub(crate) async fn list(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let athlete = match athlete_grant(&req, "SETTINGS", Access::Read) {
        Ok((_, a)) => a,
        Err(res) => return res,
    };
    HttpResponse::Ok().json(sport_settings::all(&sandbox, &athlete))
}

fn settings_not_found() -> HttpResponse {
    error(StatusCode::NOT_FOUND, "Sport settings not found")
}

/// `GET .../sport-settings/{id}`: one group, by `id` or by one of its types (`Ride`).
pub(crate) async fn get_one(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let athlete = match athlete_grant(&req, "SETTINGS", Access::Read) {
        Ok((_, a)) => a,
        Err(res) => return res,
    };
    let key = req.match_info().get("settings_id").unwrap_or_default();
    match sport_settings::find(key) {
        Some(g) => HttpResponse::Ok().json(sport_settings::group(&sandbox, &athlete, g)),
        None => settings_not_found(),
    }
}

/// `PUT .../sport-settings/{id}?recalcHrZones=` (`SETTINGS:WRITE`): only the writable fields
/// given change; answers the group and sends SPORT_SETTINGS_UPDATED.
pub(crate) async fn update(req: HttpRequest, body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let athlete = match athlete_grant(&req, "SETTINGS", Access::Write) {
        Ok((_, a)) => a,
        Err(res) => return res,
    };
    let key = req.match_info().get("settings_id").unwrap_or_default();
    let Some(g) = sport_settings::find(key) else {
        return settings_not_found();
    };
    let fields = match json_body(&req, &body) {
        Ok(Value::Object(m)) => m,
        Ok(_) => return unprocessable("Expected a SportSettings object"),
        Err(res) => return res,
    };
    let recalc = Params::query(&req)
        .get("recalcHrZones")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    match sport_settings::change(&sandbox, &athlete, g, &fields, recalc) {
        Ok(now) => {
            stage(
                &req,
                Outgoing::new(
                    &athlete,
                    "SPORT_SETTINGS_UPDATED",
                    Route::Area("SETTINGS"),
                    json!({ "sportSettings": [now.clone()] }),
                ),
            );
            HttpResponse::Ok().json(now)
        }
        Err(msg) => unprocessable(&msg),
    }
}
