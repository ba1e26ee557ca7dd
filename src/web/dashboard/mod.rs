//! The partner dashboard at `/dashboard`: a tenant signs in with its API key and sees its
//! connected users and webhook deliveries, resends a delivery and changes its settings, in plain
//! server-rendered pages (no scripts) with the consent pages' security headers.
//!
//! A session is a database row found by the SHA-256 of a random token that only the browser's
//! cookie holds (httpOnly, `SameSite=Strict`, `Path=/dashboard`, `Secure` under https; 12
//! hours). Every form POST must come from our own origin and carry the session's CSRF token (the
//! sign-in form: a token bound to a cookie of its own); sign-in attempts are rate-limited.

mod deliveries;
mod form;
pub mod limit;
mod settings;
mod user;
mod users;

use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use crate::db::{self, models::DashboardSession, models::Tenant};
use crate::domain::dashboard_sessions;
use crate::web::api::State;
use crate::web::errors::AppError;
use crate::web::security::{page, redirect, same_origin};

pub use deliveries::{deliveries, delivery, resend};
use form::Form;
pub use limit::SignInLimiter;
pub use settings::{
    reveal_webhook_secret, rotate_api_key, rotate_webhook_secret, save_settings, send_test_event,
    settings,
};
pub use user::{connect_link, disconnect, user};
pub use users::users;

/// The session cookie: the token whose SHA-256 names the session row.
const SESSION_COOKIE: &str = "ib_dashboard";
/// The sign-in form's CSRF cookie (there is no session yet): the form carries the same value.
const SIGN_IN_COOKIE: &str = "ib_dashboard_sign_in";
/// Both cookies go to the dashboard's paths only.
const COOKIE_PATH: &str = "/dashboard";
/// Form bodies are small; a settings form with 20 redirect URLs fits many times over.
pub const BODY_LIMIT: usize = 64 * 1024;

/// Where sign-in leads, and where a page that needed a session may send the browser back to.
const PAGES: [&str; 3] = [
    "/dashboard/users",
    "/dashboard/deliveries",
    "/dashboard/settings",
];

/// What every signed-in page shows around its content: the tenant, the navigation, sign-out.
pub struct Chrome {
    pub tenant_name: String,
    pub csrf: String,
    /// `users`, `deliveries` or `settings`.
    pub current: &'static str,
}

/// A request with a live session.
pub struct Signed {
    pub session: DashboardSession,
    pub tenant: Tenant,
}

impl Signed {
    fn chrome(&self, current: &'static str) -> Chrome {
        Chrome {
            tenant_name: self.tenant.name.clone(),
            csrf: self.session.csrf_token.clone(),
            current,
        }
    }
}

#[derive(Template)]
#[template(path = "dashboard_sign_in.html")]
struct SignInPage {
    chrome: Option<Chrome>,
    csrf: String,
    next: String,
    notice: Option<&'static str>,
    error: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "dashboard_message.html")]
struct MessagePage {
    chrome: Option<Chrome>,
    title: String,
    message: String,
    back: &'static str,
}

/// A time as the pages show it.
pub(crate) fn utc(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

fn https(state: &State) -> bool {
    state.config.public_url.scheme() == "https"
}

fn cookie(
    state: &State,
    name: &'static str,
    value: String,
    max_age: CookieDuration,
) -> Cookie<'static> {
    Cookie::build(name, value)
        .path(COOKIE_PATH)
        .http_only(true)
        .secure(https(state))
        .same_site(SameSite::Strict)
        .max_age(max_age)
        .finish()
}

fn removal(state: &State, name: &'static str) -> Cookie<'static> {
    let mut c = cookie(state, name, String::new(), CookieDuration::ZERO);
    c.make_removal();
    c
}

fn add_cookie(resp: &mut HttpResponse, c: &Cookie<'_>) -> Result<(), AppError> {
    resp.add_cookie(c)
        .map_err(|e| AppError::internal(anyhow::anyhow!("cookie: {e}")))
}

/// A plain page: a title, a sentence, a way back.
fn message(
    status: StatusCode,
    chrome: Option<Chrome>,
    title: &str,
    text: &str,
    back: &'static str,
) -> Result<HttpResponse, AppError> {
    page(
        status,
        &MessagePage {
            chrome,
            title: title.to_owned(),
            message: text.to_owned(),
            back,
        },
        &[],
    )
}

fn cross_site() -> Result<HttpResponse, AppError> {
    message(
        StatusCode::FORBIDDEN,
        None,
        "This request did not come from the dashboard",
        "The dashboard only acts on forms sent from its own pages. Nothing was changed.",
        "/dashboard",
    )
}

fn stale_form(chrome: Chrome) -> Result<HttpResponse, AppError> {
    message(
        StatusCode::FORBIDDEN,
        Some(chrome),
        "This form has expired",
        "The form did not carry this session's security token (it may come from an older session or another site). Nothing was changed; open the page again and retry.",
        "/dashboard",
    )
}

/// The sign-in page, answered with `status` at whatever URL asked for it, with the sign-in
/// form's CSRF cookie (kept when the browser has one, so several tabs work).
fn sign_in_page(
    state: &State,
    req: &HttpRequest,
    status: StatusCode,
    next: &str,
    notice: Option<&'static str>,
    error: Option<&'static str>,
) -> Result<HttpResponse, AppError> {
    let csrf = req
        .cookie(SIGN_IN_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| v.len() == 43)
        .unwrap_or_else(|| crate::support::crypto::random_token(32));
    let mut resp = page(
        status,
        &SignInPage {
            chrome: None,
            csrf: csrf.clone(),
            next: next.to_owned(),
            notice,
            error,
        },
        &[],
    )?;
    add_cookie(
        &mut resp,
        &cookie(state, SIGN_IN_COOKIE, csrf, CookieDuration::hours(1)),
    )?;
    Ok(resp)
}

/// The page to come back to after signing in, when the request was for one of ours.
fn next_of(req: &HttpRequest) -> &'static str {
    PAGES
        .iter()
        .find(|p| **p == req.path())
        .copied()
        .unwrap_or(PAGES[0])
}

fn session_token(req: &HttpRequest) -> Option<String> {
    req.cookie(SESSION_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|t| !t.is_empty() && t.len() <= 128)
}

/// The request's live session, or the sign-in page (401) to answer instead; a cookie naming no
/// live session (expired, signed out) is cleared.
async fn signed_in(
    state: &State,
    req: &HttpRequest,
) -> Result<Result<Signed, HttpResponse>, AppError> {
    let Some(token) = session_token(req) else {
        return sign_in_page(
            state,
            req,
            StatusCode::UNAUTHORIZED,
            next_of(req),
            None,
            None,
        )
        .map(Err);
    };
    let found = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(dashboard_sessions::open(conn, &token)?)
    })
    .await?;
    match found {
        Some((session, tenant)) => Ok(Ok(Signed { session, tenant })),
        None => {
            let mut resp = sign_in_page(
                state,
                req,
                StatusCode::UNAUTHORIZED,
                next_of(req),
                Some("Your session has ended. Sign in again to continue."),
                None,
            )?;
            add_cookie(&mut resp, &removal(state, SESSION_COOKIE))?;
            Ok(Err(resp))
        }
    }
}

/// What every form POST of a signed-in page passes before it may act: our own origin, a live
/// session, the session's CSRF token. Otherwise the page to answer, with nothing changed.
async fn guard_post(
    state: &State,
    req: &HttpRequest,
    form: &Form,
) -> Result<Result<Signed, HttpResponse>, AppError> {
    if !same_origin(req, &state.config.public_url) {
        return cross_site().map(Err);
    }
    let signed = match signed_in(state, req).await? {
        Ok(s) => s,
        Err(resp) => return Ok(Err(resp)),
    };
    let presented = form.get("csrf").unwrap_or_default();
    if !dashboard_sessions::csrf_matches(&signed.session, presented) {
        return stale_form(signed.chrome("")).map(Err);
    }
    Ok(Ok(signed))
}

/// A form POST of a signed-in page that passed [`guard_post`]: the handler's extractor, so no
/// form handler can act without it. A refused one is answered with the guard's page.
pub struct SignedForm {
    pub signed: Signed,
    pub form: Form,
}

impl actix_web::FromRequest for SignedForm {
    type Error = actix_web::Error;
    type Future = futures_util::future::LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        // Within the dashboard's `PayloadConfig` (`BODY_LIMIT`).
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let form = Form::parse(&body.await?);
            let state = State::extract(&req).await?;
            match guard_post(&state, &req, &form).await? {
                Ok(signed) => Ok(SignedForm { signed, form }),
                Err(page) => {
                    Err(actix_web::error::InternalError::from_response("form refused", page).into())
                }
            }
        })
    }
}

/// `GET /dashboard`: the sign-in page, or the users page for a signed-in browser.
pub async fn index(state: State, req: HttpRequest) -> Result<HttpResponse, AppError> {
    if let Some(token) = session_token(&req) {
        let live = db::run(&state.pool, move |conn| {
            Ok::<_, AppError>(dashboard_sessions::open(conn, &token)?.is_some())
        })
        .await?;
        if live {
            return Ok(redirect(PAGES[0]));
        }
    }
    let query = Form::query(&req);
    let notice = match query.get("notice") {
        Some("signed-out") => Some("You are signed out."),
        _ => None,
    };
    let next = query
        .get("next")
        .and_then(|n| PAGES.iter().find(|p| **p == n).copied())
        .unwrap_or(PAGES[0]);
    let mut resp = sign_in_page(&state, &req, StatusCode::OK, next, notice, None)?;
    if req.cookie(SESSION_COOKIE).is_some() {
        add_cookie(&mut resp, &removal(&state, SESSION_COOKIE))?;
    }
    Ok(resp)
}

/// `POST /dashboard/sign-in`: the API key (current, or the previous one during its overlap)
/// opens a new session; anything else is a 401 page and stores nothing.
pub async fn sign_in(
    state: State,
    limiter: web::Data<SignInLimiter>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    if !same_origin(&req, &state.config.public_url) {
        return cross_site();
    }
    let form = Form::parse(&body);
    let typed_key = form.get("api_key").unwrap_or_default();
    let peer = req.peer_addr().map(|a| a.ip());
    if let Err(wait) = limiter.attempt(peer, typed_key, std::time::Instant::now()) {
        let mut resp = message(
            StatusCode::TOO_MANY_REQUESTS,
            None,
            "Too many sign-in attempts",
            "There were too many attempts to sign in from here, or with this key, in the last minute. Wait a minute, then try again.",
            "/dashboard",
        )?;
        let secs = wait.as_secs().max(1).to_string();
        resp.headers_mut().insert(
            header::RETRY_AFTER,
            header::HeaderValue::from_str(&secs)
                .map_err(|e| AppError::internal(anyhow::anyhow!("{e}")))?,
        );
        return Ok(resp);
    }
    let next = form
        .get("next")
        .and_then(|n| PAGES.iter().find(|p| **p == n).copied())
        .unwrap_or(PAGES[0]);
    let bound = req
        .cookie(SIGN_IN_COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    let presented = form.get("csrf").unwrap_or_default();
    let fresh: bool = subtle::ConstantTimeEq::ct_eq(bound.as_bytes(), presented.as_bytes()).into();
    if bound.is_empty() || !fresh {
        return sign_in_page(
            &state,
            &req,
            StatusCode::FORBIDDEN,
            next,
            None,
            Some("The sign-in form expired. Enter the API key again."),
        );
    }
    let key = form.get("api_key").unwrap_or_default().trim().to_owned();
    if key.is_empty() {
        return sign_in_page(
            &state,
            &req,
            StatusCode::UNAUTHORIZED,
            next,
            None,
            Some("Enter your API key."),
        );
    }
    let replacing = session_token(&req);
    let issued = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(dashboard_sessions::sign_in(
            conn,
            &key,
            replacing.as_deref(),
        )?)
    })
    .await?;
    let Some(issued) = issued else {
        return sign_in_page(
            &state,
            &req,
            StatusCode::UNAUTHORIZED,
            next,
            None,
            Some("This API key is not valid."),
        );
    };
    let lasts = (issued.expires_at - db::now()).num_seconds().max(1);
    let mut resp = redirect(next);
    add_cookie(
        &mut resp,
        &cookie(
            &state,
            SESSION_COOKIE,
            issued.token,
            CookieDuration::seconds(lasts),
        ),
    )?;
    add_cookie(&mut resp, &removal(&state, SIGN_IN_COOKIE))?;
    Ok(resp)
}

/// `POST /dashboard/sign-out`: deletes the session row and the cookie; with `everywhere=1`,
/// every session of the tenant.
pub async fn sign_out(
    state: State,
    req: HttpRequest,
    posted: SignedForm,
) -> Result<HttpResponse, AppError> {
    let everywhere = posted.form.get("everywhere") == Some("1");
    let signed = posted.signed;
    let token = session_token(&req);
    db::run(&state.pool, move |conn| {
        match (everywhere, token) {
            (true, _) => dashboard_sessions::sign_out_everywhere(conn, &signed.session)?,
            (false, Some(token)) => usize::from(dashboard_sessions::sign_out(conn, &token)?),
            (false, None) => 0,
        };
        Ok::<_, AppError>(())
    })
    .await?;
    let mut resp = redirect("/dashboard?notice=signed-out");
    add_cookie(&mut resp, &removal(&state, SESSION_COOKIE))?;
    Ok(resp)
}

/// `GET /assets/dashboard.css`: the dashboard's layout, on top of `bridge.css`.
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../../assets/dashboard.css"))
}
