//! The athlete's browser flow: the consent page behind a connect link, the hop to Intervals.icu
//! with a signed state bound to an httpOnly cookie, the OAuth callback that stores the token,
//! and, when the new grant would take scopes away from other connections of the athlete, a
//! short page that sends the browser back to Intervals.icu for them. Forms act only on
//! same-origin POSTs; the answer to the partner is signed (`ts`, `sig`).

use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use crate::db;
use crate::db::models::{ConnectSession, Tenant};
use crate::db::types::AthleteId;
use crate::domain::connect_sessions::{self, tokens, Link};
use crate::domain::connections::{self, GrantOutcome, StoredGrant};
use crate::domain::scopes::ScopeSet;
use crate::support::crypto;
use crate::web::api::State;
use crate::web::errors::AppError;
use crate::web::security::{origin_of, page, redirect, same_origin};

const COOKIE: &str = "ib_oauth";
/// The cookie goes with the callback and the top-up form, nowhere else.
const COOKIE_PATH: &str = "/oauth";

#[derive(Template)]
#[template(path = "consent.html")]
struct ConsentPage {
    tenant_name: String,
    /// (description, wire name)
    scopes: Vec<(String, String)>,
    expires_at: String,
}

#[derive(Template)]
#[template(path = "top_up.html")]
struct TopUpPage {
    /// How the athlete knows this deployment (its host).
    deployment: String,
    /// (description, wire name) of what other apps would lose.
    missing: Vec<(String, String)>,
    state: String,
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
    req: HttpRequest,
    path: web::Path<String>,
    form: web::Form<ConsentForm>,
) -> Result<HttpResponse, AppError> {
    // Checked before the link is looked at: a refused POST spends nothing.
    if !same_origin(&req, &state.config.public_url) {
        return cross_site();
    }
    let (session, tenant) = match open_link(&state, &path).await? {
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
        return finish_error(&state, &session, &tenant, "access_denied");
    }
    to_intervals(&state, &session.id, &session.scopes)
}

/// Sends the browser to Intervals.icu's consent for `scopes`, with a fresh state bound to a
/// fresh cookie nonce.
fn to_intervals(state: &State, session_id: &str, scopes: &str) -> Result<HttpResponse, AppError> {
    let nonce = crypto::random_token(32);
    let state_token = tokens::state_token(
        &state.keys,
        session_id,
        &crypto::sha256_hex(nonce.as_bytes()),
    )?;
    let url = state.intervals.authorize_url(
        &state.config.client_id,
        &state.config.redirect_uri(),
        scopes,
        &state_token,
    );
    let mut resp = redirect(&url);
    set_cookie(state, &mut resp, nonce)?;
    Ok(resp)
}

/// The browser's half of the flow's binding: an httpOnly cookie holding the nonce whose hash
/// the state (or the top-up form) carries.
fn set_cookie(state: &State, resp: &mut HttpResponse, nonce: String) -> Result<(), AppError> {
    let cookie = Cookie::build(COOKIE, nonce)
        .path(COOKIE_PATH)
        .http_only(true)
        .secure(state.config.public_url.scheme() == "https")
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::seconds(tokens::STATE_TTL_SECONDS))
        .finish();
    resp.add_cookie(&cookie)
        .map_err(|e| AppError::internal(anyhow::anyhow!("cookie: {e}")))
}

fn cookie_matches(req: &HttpRequest, nonce_hash: &str) -> bool {
    req.cookie(COOKIE)
        .map(|c| {
            subtle::ConstantTimeEq::ct_eq(
                crypto::sha256_hex(c.value().as_bytes()).as_bytes(),
                nonce_hash.as_bytes(),
            )
            .into()
        })
        .unwrap_or(false)
}

fn cross_site() -> Result<HttpResponse, AppError> {
    message(
        StatusCode::FORBIDDEN,
        "This request did not come from this page",
        "Connecting only works from the page this link opens. Open the link from the app again; it still works.",
        Some("cross_site_request"),
    )
}

/// Where the browser goes when the flow fails: the partner's redirect URL (signed) or our own
/// page.
fn finish_error(
    state: &State,
    session: &ConnectSession,
    tenant: &Tenant,
    code: &str,
) -> Result<HttpResponse, AppError> {
    match &session.redirect_url {
        Some(url) => Ok(redirect(&partner_url(
            state,
            tenant,
            url,
            &[
                ("user_id", &session.user_id),
                ("status", "error"),
                ("error", code),
            ],
        )?)),
        None => {
            let (title, text) = error_text(code);
            message(StatusCode::OK, title, text, Some(code))
        }
    }
}

/// Where the browser goes when the athlete is connected. The partner's redirect carries the
/// scopes the tenant may use now (what it asked for, narrowed by the athlete's grant), inside
/// the signature.
async fn finish_connected(
    state: &State,
    session: &ConnectSession,
    tenant: &Tenant,
) -> Result<HttpResponse, AppError> {
    match &session.redirect_url {
        Some(url) => {
            let (connection, token) =
                crate::web::api::context::find_user(state, &tenant.id, &session.user_id).await?;
            let scopes = connections::effective_scopes(&connection, &token).to_string();
            Ok(redirect(&partner_url(
                state,
                tenant,
                url,
                &[
                    ("user_id", &session.user_id),
                    ("status", "connected"),
                    ("scopes", &scopes),
                ],
            )?))
        }
        None => message(
            StatusCode::OK,
            "Connected",
            "Your Intervals.icu account is connected. You can close this page and return to the app.",
            None,
        ),
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

/// The partner's redirect URL with our parameters, `ts` and `sig` appended.
fn partner_url(
    state: &State,
    tenant: &Tenant,
    base: &str,
    params: &[(&str, &str)],
) -> Result<String, AppError> {
    let secret = state
        .keys
        .decrypt(&tenant.webhook_secret_key_id, &tenant.webhook_secret_enc)?;
    let signed = connect_sessions::signed_result(&secret, params, chrono::Utc::now().timestamp())?;
    let mut u = url::Url::parse(base)
        .map_err(|e| AppError::internal(anyhow::anyhow!("stored redirect URL: {e}")))?;
    {
        let mut q = u.query_pairs_mut();
        for (k, v) in &signed {
            q.append_pair(k, v);
        }
    }
    Ok(u.to_string())
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

fn clear_cookie(resp: &mut HttpResponse) {
    let mut c = Cookie::build(COOKIE, "")
        .path(COOKIE_PATH)
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
    if !cookie_matches(&req, &claims.nh) {
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
    let tenant_id = session.tenant_id.clone();
    let tenant = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(Tenant::find(conn, &tenant_id)?)
    })
    .await?
    .ok_or_else(|| AppError::not_found("The partner of this connect link is gone."))?;
    let client_id = state.config.client_id.clone();
    let mut resp = match outcome {
        // Declined or failed on a trip back for other apps' scopes: the grant the athlete gave
        // on the first trip stands, and the connect completes with it.
        Err(code) if session.extra_trips > 0 => {
            log::info!("connect {}: top-up trip ended with {code}", session.id);
            let sid = session.id.clone();
            db::run(&state.pool, move |conn| {
                Ok::<_, AppError>(connections::finish(conn, &client_id, &sid)?)
            })
            .await?;
            finish_connected(&state, &session, &tenant).await?
        }
        Err(code) => {
            let (sid, code_owned) = (session.id.clone(), code.to_owned());
            db::run(&state.pool, move |conn| {
                Ok::<_, AppError>(connect_sessions::fail(conn, &sid, &code_owned)?)
            })
            .await?;
            finish_error(&state, &session, &tenant, code)?
        }
        Ok(grant) => {
            let (key_id, token_enc) = state.keys.encrypt(&grant.access_token)?;
            let s = session.clone();
            let outcome = db::run(&state.pool, move |conn| {
                let stored = StoredGrant {
                    client_id: &client_id,
                    athlete_id: &AthleteId::new(grant.athlete_id.as_str()),
                    athlete_name: grant.athlete_name.as_deref(),
                    scope: &grant.scope,
                    key_id: &key_id,
                    access_token_enc: &token_enc,
                };
                Ok::<_, AppError>(connections::accept_grant(conn, &s, &stored)?)
            })
            .await?;
            match outcome {
                GrantOutcome::Connected => finish_connected(&state, &session, &tenant).await?,
                // The new cookie goes with the page: keep it.
                GrantOutcome::TopUp { missing } => {
                    return top_up_page(&state, &session.id, &missing);
                }
            }
        }
    };
    clear_cookie(&mut resp);
    Ok(resp)
}

/// The page that asks the athlete to go back to Intervals.icu for what other apps need. It
/// names no partner: only that other apps connected through this deployment would lose it.
fn top_up_page(
    state: &State,
    session_id: &str,
    missing: &ScopeSet,
) -> Result<HttpResponse, AppError> {
    let nonce = crypto::random_token(32);
    let form_state = tokens::top_up_token(
        &state.keys,
        session_id,
        &crypto::sha256_hex(nonce.as_bytes()),
    )?;
    let deployment = state
        .config
        .public_url
        .host_str()
        .unwrap_or("this service")
        .to_owned();
    let mut resp = page(
        StatusCode::OK,
        &TopUpPage {
            deployment,
            missing: missing
                .0
                .iter()
                .map(|s| (s.describe(), s.to_string()))
                .collect(),
            state: form_state,
        },
        &[],
    )?;
    set_cookie(state, &mut resp, nonce)?;
    Ok(resp)
}

#[derive(Deserialize)]
pub struct TopUpForm {
    state: String,
    action: String,
}

/// `POST /oauth/top-up`: back to Intervals.icu for the union of what this connect asked and
/// what the other connections hold (`continue`), or keep the narrower grant (`skip`).
pub async fn top_up_submit(
    state: State,
    req: HttpRequest,
    form: web::Form<TopUpForm>,
) -> Result<HttpResponse, AppError> {
    if !same_origin(&req, &state.config.public_url) {
        return cross_site();
    }
    let claims = match tokens::verify_top_up(&state.keys, &form.state) {
        Ok(c) => c,
        Err(tokens::TokenError::Expired) => {
            return message(
                StatusCode::BAD_REQUEST,
                "This page has expired",
                "Your connection was completed with what you granted. You can close this page.",
                Some("state_expired"),
            )
        }
        Err(tokens::TokenError::Invalid) => {
            return message(
                StatusCode::BAD_REQUEST,
                "Invalid request",
                "This form was altered or is not ours. Start connecting again from the app.",
                Some("invalid_state"),
            )
        }
    };
    if !cookie_matches(&req, &claims.nh) {
        return message(
            StatusCode::BAD_REQUEST,
            "Please finish in the same browser",
            "This page was opened in another browser or its cookie is missing. Start connecting again from the app, in this browser.",
            Some("cookie_mismatch"),
        );
    }
    let skip = match form.action.as_str() {
        "continue" => false,
        "skip" => true,
        _ => return Err(AppError::bad_request("action must be continue or skip")),
    };
    let (sid, client_id) = (claims.sid.clone(), state.config.client_id.clone());
    let moved = db::run(&state.pool, move |conn| {
        let moved = if skip {
            connections::settle_abandoned_top_up(conn, &client_id, &sid)?
        } else {
            ConnectSession::continue_top_up(conn, &sid)?
        };
        let found = ConnectSession::find(conn, &sid)?;
        let tenant = match &found {
            Some(s) => Tenant::find(conn, &s.tenant_id)?,
            None => None,
        };
        let asked = match &found {
            Some(s) if !skip => connections::top_up_scopes(conn, &client_id, s)?,
            _ => Default::default(),
        };
        Ok::<_, AppError>(
            found
                .zip(tenant)
                .filter(|_| moved)
                .map(|(s, t)| (s, t, asked)),
        )
    })
    .await?;
    let Some((session, tenant, asked)) = moved else {
        return link_used();
    };
    if skip {
        let mut resp = finish_connected(&state, &session, &tenant).await?;
        clear_cookie(&mut resp);
        return Ok(resp);
    }
    to_intervals(&state, &session.id, &asked.to_string())
}
