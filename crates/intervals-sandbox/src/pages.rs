//! HTML pages of the sandbox (consent and errors), served with headers that keep them inert.

use actix_web::http::{header, StatusCode};
use actix_web::HttpResponse;
use askama::Template;

/// No scripts and nothing from elsewhere. `form-action` is deliberately absent: browsers apply
/// it to every redirect after the consent form is posted, which would block the hop back to the
/// app's redirect URI and from there to wherever the app sends the athlete next.
const CSP: &str = "default-src 'self'; script-src 'none'; object-src 'none'; \
                   style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; \
                   frame-ancestors 'none'";

pub(crate) struct AthleteOption {
    pub id: &'static str,
    pub name: &'static str,
}

pub(crate) struct ScopeRow {
    /// `scope-<AREA>`, stable for browser tests.
    pub id: String,
    pub value: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "consent.html")]
pub(crate) struct Consent<'a> {
    pub app_name: &'a str,
    pub client_id: &'a str,
    pub redirect_uri: &'a str,
    pub state: &'a str,
    pub scope: &'a str,
    pub destination: &'a str,
    pub athletes: Vec<AthleteOption>,
    pub scopes: Vec<ScopeRow>,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    status: u16,
    title: &'a str,
    detail: &'a str,
}

fn html(status: StatusCode, page: askama::Result<String>) -> HttpResponse {
    let body = match page {
        Ok(body) => body,
        Err(e) => {
            log::error!("sandbox page failed to render: {e}");
            return HttpResponse::InternalServerError()
                .content_type("text/plain; charset=utf-8")
                .body("The sandbox could not render this page.");
        }
    };
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Content-Security-Policy", CSP))
        .insert_header(("X-Frame-Options", "DENY"))
        // The consent URL carries the app's state; keep it out of Referer headers and caches.
        .insert_header(("Referrer-Policy", "no-referrer"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

pub(crate) fn consent(page: Consent<'_>) -> HttpResponse {
    html(StatusCode::OK, page.render())
}

pub(crate) fn error(status: StatusCode, title: &str, detail: &str) -> HttpResponse {
    let page = ErrorPage {
        status: status.as_u16(),
        title,
        detail,
    };
    html(status, page.render())
}

pub(crate) async fn method_not_allowed() -> HttpResponse {
    let mut res = error(
        StatusCode::METHOD_NOT_ALLOWED,
        "Method not allowed",
        "This page only answers GET and POST.",
    );
    res.headers_mut()
        .insert(header::ALLOW, header::HeaderValue::from_static("GET, POST"));
    res
}
