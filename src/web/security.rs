//! HTML responses for browsers (the athlete's connect pages, the partner dashboard), always with
//! strict security headers: no scripts, no framing, no referrer to other sites, no caching, forms
//! only to ourselves and the origins we name; and the same-origin check their forms rely on.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use crate::web::errors::AppError;

/// The origin (`scheme://host[:port]`) of a URL, for `form-action`.
pub fn origin_of(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    Some(u.origin().ascii_serialization()).filter(|o| o != "null")
}

/// Whether a form POST came from one of our own pages: `Origin` names our public origin;
/// without a real `Origin`, `Sec-Fetch-Site: same-origin`; without both, a `Referer` on our
/// origin.
/// Anything else, or none of them, is refused: a page elsewhere must not drive our forms.
pub fn same_origin(req: &HttpRequest, public_url: &url::Url) -> bool {
    let ours = public_url.origin().ascii_serialization();
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    // `Origin: null` (an opaque origin) says nothing: the fetch metadata decides then.
    if let Some(origin) = header("origin").filter(|o| o != "null") {
        return origin == ours;
    }
    if let Some(site) = header("sec-fetch-site") {
        return site == "same-origin";
    }
    header("referer")
        .and_then(|r| origin_of(&r))
        .is_some_and(|o| o == ours)
}

fn csp(form_targets: &[String]) -> String {
    let mut form_action = String::from("'self'");
    for o in form_targets {
        form_action.push(' ');
        form_action.push_str(o);
    }
    format!(
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action {form_action}; \
         frame-ancestors 'none'; base-uri 'none'"
    )
}

/// Applies the headers to any builder (pages and redirects alike).
pub fn secure(builder: &mut actix_web::HttpResponseBuilder, form_targets: &[String]) {
    builder
        .insert_header((header::CONTENT_SECURITY_POLICY, csp(form_targets)))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::X_FRAME_OPTIONS, "DENY"))
        // `same-origin`: no referrer (and so no connect link) ever leaves for another site, while
        // our own forms still carry their real `Origin` (with `no-referrer` browsers send
        // `Origin: null`, which the same-origin check cannot tell from a sandboxed attacker).
        .insert_header((header::REFERRER_POLICY, "same-origin"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=()",
        ))
        .insert_header(("Cross-Origin-Opener-Policy", "same-origin"));
}

/// Renders a template as an HTML page.
pub fn page<T: Template>(
    status: StatusCode,
    tpl: &T,
    form_targets: &[String],
) -> Result<HttpResponse, AppError> {
    let body = tpl
        .render()
        .map_err(|e| AppError::internal(anyhow::anyhow!("template: {e}")))?;
    Ok(html(status, body, form_targets))
}

/// An HTML page already rendered, with the same headers as [`page`].
pub fn html(
    status: StatusCode,
    body: impl actix_web::body::MessageBody + 'static,
    form_targets: &[String],
) -> HttpResponse {
    let mut b = HttpResponse::build(status);
    secure(&mut b, form_targets);
    b.content_type("text/html; charset=utf-8").body(body)
}

/// A 303 redirect with the same headers.
pub fn redirect(location: &str) -> HttpResponse {
    let mut b = HttpResponse::SeeOther();
    secure(&mut b, &[]);
    b.insert_header((header::LOCATION, location.to_owned()))
        .finish()
}

/// Hides the secret part of paths that carry one (connect links), for log lines.
pub fn redact_path(path: &str) -> String {
    match path.strip_prefix("/connect/") {
        Some(_) => "/connect/[redacted]".to_owned(),
        None => path.to_owned(),
    }
}
