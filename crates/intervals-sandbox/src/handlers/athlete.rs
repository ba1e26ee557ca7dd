//! `/api/v1/athlete/{id}` and `/api/v1/disconnect-app`: who the caller's athlete is (with their
//! sport settings and weight), and the app letting go of its token.

use actix_web::{HttpRequest, HttpResponse};
use serde_json::{json, Value};

use crate::athletes::athlete;
use crate::auth::authenticate;
use crate::sport_settings;
use crate::store::Shared;

/// What a simulated athlete weighs until a wellness record says otherwise (kg).
const DEFAULT_WEIGHT_KG: f64 = 70.0;

/// The profile with what `WithSportSettings` adds: the sport settings and the weight (the latest
/// wellness weight, else the default).
pub(crate) async fn get_athlete(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let (id, mut body) = match profile(&req) {
        Ok(found) => found,
        Err(res) => return res,
    };
    let weight = sandbox
        .wellness
        .latest_weight(&id)
        .unwrap_or(DEFAULT_WEIGHT_KG);
    body["weight"] = json!(weight);
    body["icu_weight"] = json!(weight);
    body["sportSettings"] = json!(sport_settings::all(&sandbox, &id));
    HttpResponse::Ok().json(body)
}

/// `GET /api/v1/athlete/{id}/profile`: `{"athlete": <profile>, "sharedFolders": [],
/// "customItems": []}` (the sandbox has no workout library or custom items).
pub(crate) async fn get_profile(req: HttpRequest) -> HttpResponse {
    match profile(&req) {
        Ok((_, athlete)) => HttpResponse::Ok().json(json!({
            "athlete": athlete,
            "sharedFolders": [],
            "customItems": [],
        })),
        Err(res) => res,
    }
}

fn profile(req: &HttpRequest) -> Result<(String, Value), HttpResponse> {
    let grant = authenticate(req)?;
    let id = grant
        .athlete_in_path(req.match_info().get("id").unwrap_or_default())?
        .to_owned();
    let Some(a) = athlete(&id) else {
        // A minted athlete (a token's athlete is always known): name only, on UTC.
        let body = json!({
            "id": id,
            "name": grant.athlete_name,
            "firstname": "Athlete",
            "lastname": id,
            "sex": null,
            "city": null,
            "country": null,
            "timezone": "UTC",
            "locale": "en",
            "measurement_preference": "meters",
            "icu_date_of_birth": null,
            "icu_type_settings": [],
        });
        return Ok((id, body));
    };
    let body = json!({
        "id": a.id,
        "name": a.name,
        "firstname": a.firstname,
        "lastname": a.lastname,
        "sex": a.sex,
        "city": a.city,
        "country": a.country,
        "timezone": a.timezone,
        "locale": "en",
        "measurement_preference": "meters",
        "icu_date_of_birth": null,
        "icu_type_settings": [],
    });
    Ok((id, body))
}

/// The app disconnects itself: the token it calls with is revoked.
pub(crate) async fn disconnect(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let grant = match authenticate(&req) {
        Ok(g) => g,
        Err(res) => return res,
    };
    sandbox.grants.revoke_access_token(&grant.access_token);
    HttpResponse::Ok().json(json!({}))
}
