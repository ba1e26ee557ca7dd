//! The athlete's browser flow: the consent page behind a connect link, the hop to Intervals.icu
//! with a signed state bound to an httpOnly cookie, and the OAuth callback that stores the token.

use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use crate::api::State;
use crate::connect_sessions::{self, tokens, Link};
use crate::connections::{self, StoredGrant};
use crate::crypto;
use crate::db;
use crate::db::models::{ConnectSession, Tenant};
use crate::db::types::AthleteId;
use crate::errors::AppError;
use crate::scopes::ScopeSet;
use crate::web_security::{origin_of, page, redirect};

const COOKIE: &str = "ib_oauth";

#[derive(Template)]
#[template(path = "consent.html")]
struct ConsentPage {
    tenant_name: String,
    /// (description, wire name)
    scopes: Vec<(String, String)>,
    expires_at: String,
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    title: String,
    message: String,
    kind: &'static str,
    code: Option<String>,
}

fn message(
    status: StatusCode,
    title: &str,
    message: &str,
    code: Option<&str>,
) -> Result<HttpResponse, AppError> {
    let kind = if status.is_success() { "ok" } else { "error" };
    page(
        status,
        &MessagePage {
            title: title.to_owned(),
            message: message.to_owned(),
            kind,
            code: code.map(str::to_owned),
        },
        &[],
    )
}

fn link_problem(err: tokens::TokenError) -> Result<HttpResponse, AppError> {
    match err {
        tokens::TokenError::Expired => link_expired(),
        tokens::TokenError::Invalid => message(
            StatusCode::NOT_FOUND,
            "This link is not valid",
            "The connect link is incomplete or was altered. Go back to the app and start connecting again.",
            Some("invalid_link"),
        ),
    }
}

fn link_expired() -> Result<HttpResponse, AppError> {
    message(
        StatusCode::GONE,
        "This link has expired",
        "Connect links work for 30 minutes. Go back to the app and start connecting again.",
        Some("link_expired"),
    )
}

fn link_used() -> Result<HttpResponse, AppError> {
    message(
        StatusCode::GONE,
        "This link was already used",
        "Each connect link works once. Go back to the app and start connecting again.",
        Some("link_used"),
    )
}

/// Loads the session behind a connect link with its tenant, or says what is wrong with it.
async fn open_link(
    state: &State,
    token: &str,
) -> Result<Result<(ConnectSession, Tenant), HttpResponse>, AppError> {
    let claims = match tokens::verify_connect(&state.keys, token) {
        Ok(c) => c,
        Err(e) => return link_problem(e).map(Err),
    };
    let link = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(connect_sessions::open(conn, &claims.sid)?)
    })
    .await?;
    match link {
        Link::Open(open) => Ok(Ok(*open)),
        Link::Invalid => link_problem(tokens::TokenError::Invalid).map(Err),
        Link::Used => link_used().map(Err),
        Link::Expired => link_expired().map(Err),
    }
}

/// `GET /connect/{token}`: names the partner and the scopes it asks for.
pub async fn consent_page(state: State, path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let (session, tenant) = match open_link(&state, &path).await? {
        Ok(v) => v,
        Err(resp) => return Ok(resp),
    };
    let scopes = ScopeSet::parse_lenient(&session.scopes)
        .0
        .iter()
        .map(|s| (s.describe(), s.to_string()))
        .collect();
    let mut targets = vec![];
    targets.extend(origin_of(state.config.intervals_base_url.as_str()));
    targets.extend(session.redirect_url.as_deref().and_then(origin_of));
    page(
        StatusCode::OK,
        &ConsentPage {
            tenant_name: tenant.name,
            scopes,
            expires_at: session.expires_at.format("%Y-%m-%d %H:%M").to_string(),
        },
        &targets,
    )
}

#[derive(Deserialize)]
pub struct ConsentForm {
    action: String,
}

/// `POST /connect/{token}`: continue (single use: the link is spent) or cancel.
pub async fn consent_submit(
    state: State,
    path: web::Path<String>,
    form: web::Form<ConsentForm>,
) -> Result<HttpResponse, AppError> {
    let (session, _tenant) = match open_link(&state, &path).await? {
        Ok(v) => v,
        Err(resp) => return Ok(resp),
    };
    let cancel = match form.action.as_str() {
        "continue" => false,
        "cancel" => true,
        _ => return Err(AppError::bad_request("action must be continue or cancel")),
    };
    let sid = session.id.clone();
    // Spend the link atomically: of two concurrent submits, one wins.
    let won = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(connect_sessions::spend(conn, &sid, cancel)?)
    })
    .await?;
    if !won {
        return link_used();
    }
    if cancel {
        return finish_error(&session, "access_denied");
    }
    let nonce = crypto::random_token(32);
    let state_token = tokens::state_token(
        &state.keys,
        &session.id,
        &crypto::sha256_hex(nonce.as_bytes()),
    )?;
    let url = state.intervals.authorize_url(
        &state.config.client_id,
        &state.config.redirect_uri(),
        &session.scopes,
        &state_token,
    );
    let cookie = Cookie::build(COOKIE, nonce)
        .path("/oauth/callback")
        .http_only(true)
        .secure(state.config.public_url.scheme() == "https")
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::seconds(tokens::STATE_TTL_SECONDS))
        .finish();
    let mut resp = redirect(&url);
    resp.add_cookie(&cookie)
        .map_err(|e| AppError::internal(anyhow::anyhow!("cookie: {e}")))?;
    Ok(resp)
}

/// Where the browser goes when the flow ends: the partner's redirect URL or our own page.
fn finish_error(session: &ConnectSession, code: &str) -> Result<HttpResponse, AppError> {
    match &session.redirect_url {
        Some(url) => Ok(redirect(&partner_url(
            url,
            &[
                ("user_id", &session.user_id),
                ("status", "error"),
                ("error", code),
            ],
        ))),
        None => {
            let (title, text) = error_text(code);
            message(StatusCode::OK, title, text, Some(code))
        }
    }
}

fn error_text(code: &str) -> (&'static str, &'static str) {
    match code {
        "access_denied" => ("Not connected", "You declined the connection. Nothing was shared; you can close this page."),
        "code_expired" => ("Connection timed out", "Intervals.icu's authorization expired before it could be used. Start connecting again from the app."),
        "upstream_unavailable" => ("Intervals.icu is unavailable", "Intervals.icu could not be reached. Please try again in a few minutes."),
        _ => ("Connection failed", "Something went wrong while connecting to Intervals.icu. Start connecting again from the app."),
    }
}

fn partner_url(base: &str, params: &[(&str, &str)]) -> String {
    match url::Url::parse(base) {
        Ok(mut u) => {
            {
                let mut q = u.query_pairs_mut();
                for (k, v) in params {
                    q.append_pair(k, v);
                }
            }
            u.to_string()
        }
        Err(_) => base.to_owned(),
    }
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

fn clear_cookie(resp: &mut HttpResponse) {
    let mut c = Cookie::build(COOKIE, "")
        .path("/oauth/callback")
        .http_only(true)
        .finish();
    c.make_removal();
    let _ = resp.add_cookie(&c);
}

/// `GET /oauth/callback`: verifies state and cookie, exchanges the code at once, stores the
/// token encrypted and the connection, and sends the browser back to the partner.
pub async fn callback(
    state: State,
    req: HttpRequest,
    query: web::Query<CallbackQuery>,
) -> Result<HttpResponse, AppError> {
    let q = query.into_inner();
    let Some(raw_state) = q.state.as_deref().filter(|s| !s.is_empty()) else {
        return message(
            StatusCode::BAD_REQUEST,
            "Missing sign-in state",
            "This page was opened without the information that ties it to your sign-in. Start connecting again from the app.",
            Some("invalid_state"),
        );
    };
    let claims = match tokens::verify_state(&state.keys, raw_state) {
        Ok(c) => c,
        Err(tokens::TokenError::Expired) => {
            return message(
                StatusCode::BAD_REQUEST,
                "Sign-in took too long",
                "The sign-in expired. Start connecting again from the app.",
                Some("state_expired"),
            )
        }
        Err(tokens::TokenError::Invalid) => {
            return message(
                StatusCode::BAD_REQUEST,
                "Invalid sign-in state",
                "The sign-in information was altered or is not ours. Start connecting again from the app.",
                Some("invalid_state"),
            )
        }
    };
    let cookie_ok = req
        .cookie(COOKIE)
        .map(|c| {
            subtle::ConstantTimeEq::ct_eq(
                crypto::sha256_hex(c.value().as_bytes()).as_bytes(),
                claims.nh.as_bytes(),
            )
            .into()
        })
        .unwrap_or(false);
    if !cookie_ok {
        return message(
            StatusCode::BAD_REQUEST,
            "Please finish in the same browser",
            "This sign-in was started in another browser or its cookie is missing. Start connecting again from the app, in this browser.",
            Some("cookie_mismatch"),
        );
    }
    // Claim the callback: a replayed or concurrent callback finds the session no longer authorizing.
    let sid = claims.sid.clone();
    let session = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(connect_sessions::claim_callback(conn, &sid)?)
    })
    .await?;
    let Some(session) = session else {
        return link_used();
    };
    let outcome = match (q.error.as_deref(), q.code.as_deref()) {
        (Some(err), _) => Err(if err == "access_denied" {
            "access_denied"
        } else {
            "authorization_failed"
        }),
        (None, Some(code)) if !code.is_empty() => {
            state.intervals.exchange_code(code).await.map_err(|e| {
                log::warn!("token exchange for session {} failed: {e}", session.id);
                e.code()
            })
        }
        _ => Err("invalid_request"),
    };
    let mut resp = match outcome {
        Err(code) => {
            let (sid, code_owned) = (session.id.clone(), code.to_owned());
            db::run(&state.pool, move |conn| {
                Ok::<_, AppError>(connect_sessions::fail(conn, &sid, &code_owned)?)
            })
            .await?;
            finish_error(&session, code)?
        }
        Ok(grant) => {
            let (key_id, token_enc) = state.keys.encrypt(&grant.access_token)?;
            let client_id = state.config.client_id.clone();
            let s = session.clone();
            db::run(&state.pool, move |conn| {
                let stored = StoredGrant {
                    client_id: &client_id,
                    athlete_id: &AthleteId::new(grant.athlete_id.as_str()),
                    athlete_name: grant.athlete_name.as_deref(),
                    scope: &grant.scope,
                    key_id: &key_id,
                    access_token_enc: &token_enc,
                };
                Ok::<_, AppError>(connections::store_grant(conn, &s, &stored)?)
            })
            .await?;
            match &session.redirect_url {
                Some(url) => redirect(&partner_url(url, &[("user_id", &session.user_id), ("status", "connected")])),
                None => message(
                    StatusCode::OK,
                    "Connected",
                    "Your Intervals.icu account is connected. You can close this page and return to the app.",
                    None,
                )?,
            }
        }
    };
    clear_cookie(&mut resp);
    Ok(resp)
}
