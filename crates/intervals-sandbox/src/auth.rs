//! Authentication shared by every `/api/v1` handler: an OAuth app's Bearer token or an
//! athlete's personal API key (HTTP Basic, user `API_KEY`), what it allows, and whose data the
//! path may name.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};

use crate::errors::error;
use base64::Engine;

use crate::scope::{Access, Scope, AREAS};
use crate::store::Shared;

/// What a valid Bearer token or personal API key grants; handlers check scopes and the path's
/// athlete against it.
#[derive(Debug, Clone)]
pub(crate) struct TokenGrant {
    /// The OAuth app; empty for a personal API key.
    pub client_id: String,
    pub athlete_id: String,
    pub athlete_name: String,
    pub scopes: Vec<Scope>,
    pub access_token: String,
}

impl TokenGrant {
    /// WRITE implies READ.
    pub(crate) fn require(&self, area: &str, access: Access) -> Result<(), HttpResponse> {
        if self.scopes.iter().any(|s| s.allows(area, access)) {
            Ok(())
        } else {
            Err(error(StatusCode::FORBIDDEN, "Access denied"))
        }
    }

    /// Upstream lets `0` stand for the token's own athlete; anyone else's id is forbidden.
    pub(crate) fn athlete_in_path<'a>(&'a self, id: &str) -> Result<&'a str, HttpResponse> {
        if id == "0" || id == self.athlete_id {
            Ok(&self.athlete_id)
        } else {
            Err(error(StatusCode::FORBIDDEN, "Access denied"))
        }
    }
}

/// What a personal API key may do: everything, as upstream.
fn every_scope() -> Vec<Scope> {
    AREAS
        .iter()
        .map(|area| Scope {
            area,
            access: Access::Write,
        })
        .collect()
}

/// `Basic base64("API_KEY:<key>")` → the key.
fn basic_api_key(value: &str) -> Option<String> {
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(value.trim())
        .ok()?;
    let decoded = String::from_utf8(decoded).ok()?;
    let (user, key) = decoded.split_once(':')?;
    (user == "API_KEY").then(|| key.to_owned())
}

/// Resolves `Authorization: Bearer <token>` to an active token of the sandbox that serves the
/// request, or `Basic` with user `API_KEY` and an athlete's personal key to that athlete with
/// every scope. A personal key sent as Bearer is `403`, as upstream; anything else (missing
/// header, unknown key, revoked or replaced token) is `401`.
pub(crate) fn authenticate(req: &HttpRequest) -> Result<TokenGrant, HttpResponse> {
    let unauthorized = || error(StatusCode::UNAUTHORIZED, "Unauthorized");
    let sandbox = req
        .app_data::<Shared>()
        .ok_or_else(|| error(StatusCode::INTERNAL_SERVER_ERROR, "Sandbox not mounted"))?;
    let header = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(unauthorized)?;
    let (scheme, value) = header.trim().split_once(' ').ok_or_else(unauthorized)?;
    if scheme.eq_ignore_ascii_case("basic") {
        let key = basic_api_key(value).ok_or_else(unauthorized)?;
        let (athlete_id, athlete_name) =
            sandbox.grants.by_api_key(&key).ok_or_else(unauthorized)?;
        return Ok(TokenGrant {
            client_id: String::new(),
            athlete_id,
            athlete_name,
            scopes: every_scope(),
            access_token: String::new(),
        });
    }
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(unauthorized());
    }
    let Some((token, athlete_name)) = sandbox.grants.active(value.trim()) else {
        if sandbox.grants.by_api_key(value.trim()).is_some() {
            return Err(error(StatusCode::FORBIDDEN, "Access denied"));
        }
        return Err(unauthorized());
    };
    Ok(TokenGrant {
        client_id: token.client_id,
        athlete_id: token.athlete_id,
        athlete_name,
        scopes: token.scopes,
        access_token: token.access_token,
    })
}

/// An active token whose scope allows `access` to `area`.
pub(crate) fn grant(
    req: &HttpRequest,
    area: &str,
    access: Access,
) -> Result<TokenGrant, HttpResponse> {
    let grant = authenticate(req)?;
    grant.require(area, access)?;
    Ok(grant)
}

/// [`grant`], and the athlete the path's `{id}` names (`0` for the token's own).
pub(crate) fn athlete_grant(
    req: &HttpRequest,
    area: &str,
    access: Access,
) -> Result<(TokenGrant, String), HttpResponse> {
    let grant = grant(req, area, access)?;
    let athlete = grant
        .athlete_in_path(req.match_info().get("id").unwrap_or_default())?
        .to_owned();
    Ok((grant, athlete))
}
