//! `/api/v1/athlete/{id}` and `/api/v1/disconnect-app`: who the token's athlete is, and the app
//! letting go of its token.

use actix_web::{HttpRequest, HttpResponse};
use serde_json::json;

use crate::athletes::athlete;
use crate::auth::authenticate;
use crate::store::Shared;

pub(crate) async fn get_athlete(req: HttpRequest) -> HttpResponse {
    let grant = match authenticate(&req) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let id = match grant.athlete_in_path(req.match_info().get("id").unwrap_or_default()) {
        Ok(id) => id,
        Err(res) => return res,
    };
    let Some(a) = athlete(id) else {
        // A minted athlete (a token's athlete is always known): name only, on UTC.
        return HttpResponse::Ok().json(json!({
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
        }));
    };
    HttpResponse::Ok().json(json!({
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
    }))
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
