//! `/api/...`: the token endpoint's neighbours, Bearer authentication shared by every `/api/v1`
//! handler, and upstream's JSON error shapes.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{SecondsFormat, Utc};
use serde_json::json;

use super::scope::{Access, Scope};
use super::{activities, athlete, events, oauth, upstream_path, wellness, Sandbox, TokenStatus};

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/oauth/token")
            .route(web::post().to(oauth::token))
            .default_service(web::to(method_not_allowed)),
    )
    .service(
        web::resource("/v1/athlete/{id}")
            .route(web::get().to(get_athlete))
            .default_service(web::to(method_not_allowed)),
    )
    .service(
        web::resource("/v1/disconnect-app")
            .route(web::delete().to(disconnect))
            .default_service(web::to(method_not_allowed)),
    )
    .configure(activities::routes)
    .configure(events::routes)
    .configure(wellness::routes);
}

/// What a valid Bearer token grants; handlers check scopes and the path's athlete against it.
#[derive(Debug, Clone)]
pub struct TokenGrant {
    pub client_id: String,
    pub athlete_id: String,
    pub athlete_name: String,
    pub scopes: Vec<Scope>,
    pub access_token: String,
}

impl TokenGrant {
    pub fn has_scope(&self, area: &str, access: Access) -> bool {
        self.scopes.iter().any(|s| s.allows(area, access))
    }

    /// WRITE implies READ.
    pub fn require(&self, area: &str, access: Access) -> Result<(), HttpResponse> {
        if self.has_scope(area, access) {
            Ok(())
        } else {
            Err(error(StatusCode::FORBIDDEN, "Access denied"))
        }
    }

    /// Upstream lets `0` stand for the token's own athlete; anyone else's id is forbidden.
    pub fn athlete_in_path<'a>(&'a self, id: &str) -> Result<&'a str, HttpResponse> {
        if id == "0" || id == self.athlete_id {
            Ok(&self.athlete_id)
        } else {
            Err(error(StatusCode::FORBIDDEN, "Access denied"))
        }
    }
}

/// Resolves `Authorization: Bearer` to an active token of a sandbox mounted by `configure`.
/// Anything else (missing header, personal API key, revoked or replaced token) is 401.
pub fn authenticate(req: &HttpRequest) -> Result<TokenGrant, HttpResponse> {
    let unauthorized = || error(StatusCode::UNAUTHORIZED, "Unauthorized");
    let sandbox = req
        .app_data::<web::Data<Sandbox>>()
        .ok_or_else(|| error(StatusCode::INTERNAL_SERVER_ERROR, "Sandbox not mounted"))?;
    let header = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(unauthorized)?;
    let (scheme, value) = header.trim().split_once(' ').ok_or_else(unauthorized)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(unauthorized());
    }
    let value = value.trim();
    let st = sandbox.lock();
    let token = st.active_token(value).ok_or_else(unauthorized)?;
    Ok(TokenGrant {
        client_id: token.client_id.clone(),
        athlete_id: token.athlete_id.clone(),
        athlete_name: st.athlete_name(&token.athlete_id).unwrap_or_default(),
        scopes: token.scopes.clone(),
        access_token: token.access_token.clone(),
    })
}

/// Upstream's usual error body.
pub(super) fn error(status: StatusCode, message: &str) -> HttpResponse {
    HttpResponse::build(status).json(json!({"status": status.as_u16(), "error": message}))
}

/// Spring Boot's error body, which upstream answers for routes it does not have.
fn spring_error(status: StatusCode, path: &str) -> HttpResponse {
    HttpResponse::build(status).json(json!({
        "timestamp": Utc::now().to_rfc3339_opts(SecondsFormat::Millis, false),
        "status": status.as_u16(),
        "error": status.canonical_reason().unwrap_or("Error"),
        "path": path,
    }))
}

/// Default service for whoever mounts the sandbox: Spring's 404 with the path relative to the
/// mount point (the whole path at an app's root, the rest after the prefix in a scope).
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    spring_error(StatusCode::NOT_FOUND, req.match_info().unprocessed())
}

pub(super) async fn api_not_found(req: HttpRequest) -> HttpResponse {
    spring_error(StatusCode::NOT_FOUND, &upstream_path(&req))
}

pub(super) async fn method_not_allowed(req: HttpRequest) -> HttpResponse {
    spring_error(StatusCode::METHOD_NOT_ALLOWED, &upstream_path(&req))
}

async fn get_athlete(req: HttpRequest) -> HttpResponse {
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

async fn disconnect(req: HttpRequest, sandbox: web::Data<Sandbox>) -> HttpResponse {
    let grant = match authenticate(&req) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let mut st = sandbox.lock();
    for t in st
        .tokens
        .iter_mut()
        .filter(|t| t.access_token == grant.access_token)
    {
        t.status = TokenStatus::Revoked;
    }
    HttpResponse::Ok().json(json!({}))
}
