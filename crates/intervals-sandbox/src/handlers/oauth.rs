//! The authorization-code flow as Intervals.icu runs it: consent page, redirect with a 2-minute
//! single-use code, and a token endpoint that answers upstream's exact shapes.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use base64::Engine;
use url::Url;

use crate::athletes::ATHLETES;
use crate::errors::error;
use crate::pages;
use crate::request::Params;
use crate::scope::{self, Scope};
use crate::store::grants::ExchangeError;
use crate::store::Shared;

/// An authorize request that passed validation; checked again on submit because the hidden
/// fields come back from the browser.
struct AuthRequest {
    client_id: String,
    app_name: String,
    redirect: Url,
    state: Option<String>,
    raw_scope: String,
    scopes: Vec<Scope>,
}

impl AuthRequest {
    fn validate(sandbox: &Shared, p: &Params) -> Result<AuthRequest, HttpResponse> {
        let bad =
            |title: &str, detail: String| pages::error(StatusCode::BAD_REQUEST, title, &detail);
        let client_id = p.get("client_id").unwrap_or_default();
        let app_name = sandbox.grants.client_name(client_id).ok_or_else(|| {
            bad(
                "Unknown application",
                format!("No application is registered with client_id \"{client_id}\"."),
            )
        })?;
        let raw_redirect = p
            .get("redirect_uri")
            .filter(|s| !s.is_empty())
            .ok_or_else(|| {
                bad(
                    "Missing redirect_uri",
                    "The request has no redirect_uri.".into(),
                )
            })?;
        let redirect = Url::parse(raw_redirect)
            .ok()
            .filter(|u| !u.cannot_be_a_base())
            .ok_or_else(|| {
                bad(
                    "Invalid redirect_uri",
                    format!("\"{raw_redirect}\" is not an absolute URL."),
                )
            })?;
        if let Some(rt) = p.get("response_type").filter(|rt| *rt != "code") {
            return Err(bad(
                "Unsupported response_type",
                format!("response_type \"{rt}\" is not supported; use \"code\"."),
            ));
        }
        let raw_scope = p.get("scope").unwrap_or_default().to_owned();
        let scopes = scope::parse_list(&raw_scope).map_err(|msg| bad("Invalid scope", msg))?;
        Ok(AuthRequest {
            client_id: client_id.to_owned(),
            app_name,
            redirect,
            state: p.get("state").filter(|s| !s.is_empty()).map(str::to_owned),
            raw_scope,
            scopes,
        })
    }

    /// Appends to any query the redirect URI already has; `state` is form-urlencoded like
    /// every other parameter.
    fn redirect_with(&self, key: &str, value: &str) -> HttpResponse {
        let mut url = self.redirect.clone();
        {
            let mut q = url.query_pairs_mut();
            q.append_pair(key, value);
            if let Some(state) = &self.state {
                q.append_pair("state", state);
            }
        }
        HttpResponse::Found()
            .insert_header((header::LOCATION, url.as_str()))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .insert_header(("Referrer-Policy", "no-referrer"))
            .finish()
    }
}

pub(crate) async fn authorize_page(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let p = Params::query(&req);
    let auth = match AuthRequest::validate(&sandbox, &p) {
        Ok(a) => a,
        Err(res) => return res,
    };
    let destination = match auth.redirect.host_str() {
        Some(host) => match auth.redirect.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        },
        None => auth.redirect.scheme().to_owned(),
    };
    pages::consent(pages::Consent {
        app_name: &auth.app_name,
        client_id: &auth.client_id,
        redirect_uri: auth.redirect.as_str(),
        state: auth.state.as_deref().unwrap_or_default(),
        scope: &auth.raw_scope,
        destination: &destination,
        athletes: ATHLETES
            .iter()
            .map(|a| pages::AthleteOption {
                id: a.id,
                name: a.name,
            })
            .collect(),
        scopes: auth
            .scopes
            .iter()
            .map(|s| pages::ScopeRow {
                id: format!("scope-{}", s.area),
                value: s.to_string(),
                label: scope::describe(s),
            })
            .collect(),
    })
}

pub(crate) async fn authorize_submit(body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let p = Params::parse(&body);
    let auth = match AuthRequest::validate(&sandbox, &p) {
        Ok(a) => a,
        Err(res) => return res,
    };
    match p.get("action") {
        Some("decline") => auth.redirect_with("error", "access_denied"),
        Some("approve") => {
            let athlete_id = p.get("athlete").unwrap_or_default();
            // The seeded athletes the page offers, or one `/_sandbox/tokens/mint` created.
            if !sandbox.grants.knows_athlete(athlete_id) {
                return pages::error(
                    StatusCode::BAD_REQUEST,
                    "Unknown athlete",
                    "Pick one of the simulated athletes.",
                );
            }
            // Only what was asked for can be granted; unticked or forged extras are dropped.
            let granted: Vec<Scope> = auth
                .scopes
                .iter()
                .filter(|s| p.all("grant").any(|g| Scope::parse(g).as_ref() == Some(s)))
                .copied()
                .collect();
            let code = sandbox
                .grants
                .issue_code(&auth.client_id, athlete_id, granted);
            auth.redirect_with("code", &code)
        }
        _ => pages::error(
            StatusCode::BAD_REQUEST,
            "No decision",
            "Choose Authorize or Decline.",
        ),
    }
}

pub(crate) async fn token(req: HttpRequest, body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let p = Params::parse(&body);
    let basic = basic_credentials(&req);
    let client_id = p
        .get("client_id")
        .map(str::to_owned)
        .or_else(|| basic.as_ref().map(|b| b.0.clone()))
        .unwrap_or_default();
    let secret = p
        .get("client_secret")
        .map(str::to_owned)
        .or_else(|| basic.map(|b| b.1))
        .unwrap_or_default();
    let code = p.get("code").unwrap_or_default();

    match sandbox.grants.exchange(&client_id, &secret, code) {
        Ok(body) => HttpResponse::Ok().json(body),
        Err(ExchangeError::Client) => error(StatusCode::UNAUTHORIZED, "Invalid client credentials"),
        Err(ExchangeError::Code) => error(StatusCode::NOT_FOUND, "Code not found (expired?)"),
    }
}

/// Generic OAuth clients send credentials this way; upstream documents the form body instead.
fn basic_credentials(req: &HttpRequest) -> Option<(String, String)> {
    let value = req
        .headers()
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .trim();
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let decoded = String::from_utf8(decoded).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    // RFC 6749 §2.3.1 form-urlencodes both halves before joining them.
    let unescape = |s: &str| {
        if s.contains(['&', '=']) {
            return s.to_owned();
        }
        url::form_urlencoded::parse(s.as_bytes())
            .next()
            .map(|(k, _)| k.into_owned())
            .unwrap_or_default()
    };
    Some((unescape(id), unescape(secret)))
}
