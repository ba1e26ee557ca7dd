//! One error type for every handler, rendered as RFC 9457 `application/problem+json`.
//! Internal causes are logged, never sent to the client.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbError;
use crate::domain::connections::AccessError;
use crate::domain::webhooks::deliveries::ResendError;
use crate::domain::webhooks::outbox::TestEventError;
use crate::services::intervals::UpstreamError;
pub use crate::support::validation::FieldError;
use crate::support::validation::MAX_ERRORS;

/// Problem types are stable URNs partners can match on.
pub const PROBLEM_PREFIX: &str = "urn:intervals-bridge:problem:";

macro_rules! problem_kinds {
    ($(#[doc = $doc:literal] $variant:ident = $text:literal / $status:literal,)+) => {
        /// Every problem type the API answers: `type` is `urn:intervals-bridge:problem:<kind>`.
        /// The README lists them; the words never change meaning.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ProblemKind {
            $(#[doc = $doc] $variant,)+
        }

        impl ProblemKind {
            pub const ALL: &'static [ProblemKind] = &[$(ProblemKind::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(ProblemKind::$variant => $text,)+
                }
            }

            /// What the problem means, for the docs.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(ProblemKind::$variant => $doc.trim(),)+
                }
            }

            /// The stable URN partners match on.
            pub fn urn(self) -> String {
                format!("{PROBLEM_PREFIX}{}", self.as_str())
            }

            /// The HTTP status every answer of this kind has.
            pub fn status(self) -> u16 {
                match self {
                    $(ProblemKind::$variant => $status,)+
                }
            }

            /// The kind named `name` (`missing-scope`).
            pub fn named(name: &str) -> Option<ProblemKind> {
                match name {
                    $($text => Some(ProblemKind::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

problem_kinds! {
    /// The body is not JSON, or a multipart body or form could not be read (a bad field or query parameter is a `validation`).
    BadRequest = "bad-request" / 400,
    /// A field is invalid; `errors[]` names each one.
    Validation = "validation" / 422,
    /// No or an unknown API key (or `/metrics` token).
    Unauthorized = "unauthorized" / 401,
    /// No such resource for this tenant (another tenant's is indistinguishable from none).
    NotFound = "not-found" / 404,
    /// The passthrough does not forward this: not an operation of Intervals.icu's published API, or one the bridge keeps to itself (the OAuth endpoints, calendar-wide writes).
    NotAvailable = "not-available" / 404,
    /// The path does not serve this method; `Allow` names those it does.
    MethodNotAllowed = "method-not-allowed" / 405,
    /// The request conflicts with the resource's state (an upload in progress, a disabled endpoint).
    Conflict = "conflict" / 409,
    /// The user has not granted the scope the call needs.
    MissingScope = "missing-scope" / 403,
    /// The athlete withdrew access on Intervals.icu; the user must connect again.
    ConnectionRevoked = "connection-revoked" / 409,
    /// Intervals.icu no longer accepts the user's authorization; the user must connect again.
    ConnectionInvalid = "connection-invalid" / 409,
    /// The body is larger than allowed.
    PayloadTooLarge = "payload-too-large" / 413,
    /// The body's media type is not one this endpoint reads.
    UnsupportedMediaType = "unsupported-media-type" / 415,
    /// The uploaded file is not a FIT, TCX or GPX file (or a .gz or .zip of one).
    UnsupportedFile = "unsupported-file" / 422,
    /// Intervals.icu denied access to the resource.
    UpstreamForbidden = "upstream-forbidden" / 403,
    /// Intervals.icu rejected the request (its message is kept in `detail`).
    UpstreamRejected = "upstream-rejected" / 422,
    /// Intervals.icu is rate limiting; `Retry-After` says when to try again.
    UpstreamRateLimited = "upstream-rate-limited" / 503,
    /// Intervals.icu could not be reached or answered 5xx; `Retry-After` says when to try again.
    UpstreamUnavailable = "upstream-unavailable" / 502,
    /// Intervals.icu answered something unexpected.
    UpstreamError = "upstream-error" / 502,
    /// The athlete made as many Intervals.icu calls today as `INTERVALS_ATHLETE_DAILY_BUDGET` allows; `Retry-After` is the next midnight UTC.
    AthleteBudgetSpent = "athlete-budget-spent" / 429,
    /// The database is not available right now.
    DatabaseUnavailable = "database-unavailable" / 503,
    /// The instance is not ready to serve (`/readyz`).
    NotReady = "not-ready" / 503,
    /// The instance is spooling all the upload bytes it may; `Retry-After` says when to retry.
    Busy = "busy" / 503,
    /// Something failed on our side; it has been logged.
    Internal = "internal" / 500,
}

/// The problems every operation that calls Intervals.icu for a connected user answers besides
/// its own, declared once: listed in each such operation's `responses(...)`.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // A list of responses for the OpenAPI document, never built.
pub enum UpstreamProblems {
    #[response(
        status = 409,
        content_type = "application/problem+json",
        description = "`connection-revoked`, `connection-invalid`: the user must connect again."
    )]
    Reconnect(Problem),
    #[response(
        status = 429,
        content_type = "application/problem+json",
        description = "`athlete-budget-spent`: the athlete's Intervals.icu calls for today are spent; `Retry-After` is the next midnight UTC."
    )]
    BudgetSpent(Problem),
    #[response(
        status = 502,
        content_type = "application/problem+json",
        description = "`upstream-unavailable`, `upstream-error`: Intervals.icu could not be reached, failed, or answered something unexpected."
    )]
    Unavailable(Problem),
    #[response(
        status = 503,
        content_type = "application/problem+json",
        description = "`upstream-rate-limited`: Intervals.icu is rate limiting; see `Retry-After`."
    )]
    RateLimited(Problem),
}

/// The 404 of every operation on one connected user (`/v1/users/{user_id}/…`) whose only
/// missing thing can be the user, declared once: listed in each such operation's `responses(...)`.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // A response for the OpenAPI document, never built.
pub enum NoUserProblem {
    #[response(
        status = 404,
        content_type = "application/problem+json",
        description = "`not-found`: no connected user with this id for this tenant."
    )]
    NotFound(Problem),
}

/// The RFC 9457 body of every error (`application/problem+json`).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!(ProblemKind::Validation.example()))]
pub struct Problem {
    /// `urn:intervals-bridge:problem:<kind>`: stable, match on it.
    #[serde(rename = "type")]
    pub kind: String,
    /// The HTTP status's reason phrase.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong in this case, for people.
    pub detail: String,
    /// With `validation` (and `unsupported-file`): each bad field and what is wrong with it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// This answer's request id as a URN, `urn:intervals-bridge:request:<X-Request-Id>`: the
    /// same id as the answer's `X-Request-Id` header and the bridge's log line. Quote it when
    /// asking about an error.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "urn:intervals-bridge:request:3f0c9b2e-8a51-4f7e-9d1a-6b2f0e4c7a10")]
    pub instance: Option<String>,
}

impl ProblemKind {
    /// A typical body of this kind, for the API reference.
    pub fn example(self) -> Problem {
        use ProblemKind as K;
        let detail = match self {
            K::BadRequest => "Invalid JSON body: expected `,` or `}` at line 1 column 18",
            K::Validation => "user_id: must be 1 to 128 URL-safe characters (letters, digits, '-', '_', '.', '~')",
            K::Unauthorized => "The API key is not valid.",
            K::NotFound => "No connected user 'alex'.",
            K::NotAvailable => "DELETE /api/v1/disconnect-app: disconnectApp is not available through the bridge.",
            K::MethodNotAllowed => "PUT is not served on /v1/tenant; it serves GET, PATCH.",
            K::Conflict => "An upload with external_id 'ride-2026-03-01' to this user's athlete is in progress; retry shortly.",
            K::MissingScope => "This needs the ACTIVITY:WRITE scope, which the user has not granted (granted: CALENDAR:READ).",
            K::ConnectionRevoked => "The athlete withdrew access on Intervals.icu; ask the user to connect again.",
            K::ConnectionInvalid => "Intervals.icu no longer accepts this user's authorization; ask the user to connect again.",
            K::PayloadTooLarge => "The request body is too large.",
            K::UnsupportedMediaType => "Send the body as application/json.",
            K::UnsupportedFile => "file: the file is not FIT, TCX or GPX, or a .gz or .zip of one",
            K::UpstreamForbidden => "Intervals.icu denied access: Access denied",
            K::UpstreamRejected => "Intervals.icu rejected the request: Activity is from Strava and cannot be read",
            K::UpstreamRateLimited => "Intervals.icu is rate limiting requests; try again later.",
            K::UpstreamUnavailable => "Intervals.icu is unavailable: 503 Service Unavailable",
            K::UpstreamError => "Intervals.icu answered 400: Bad Request",
            K::AthleteBudgetSpent => "This athlete's daily budget of Intervals.icu calls is spent; it starts again at midnight UTC.",
            K::DatabaseUnavailable => "The database is not available; try again shortly.",
            K::NotReady => "The database is not reachable.",
            K::Busy => "This instance is receiving as many uploads as it may at once; try again shortly.",
            K::Internal => "An internal error occurred; it has been logged.",
        };
        let errors = match self {
            K::Validation | K::UnsupportedFile => {
                let (field, message) = detail.split_once(": ").unwrap_or(("", detail));
                vec![FieldError {
                    field: field.to_owned(),
                    message: message.to_owned(),
                }]
            }
            _ => Vec::new(),
        };
        let status = StatusCode::from_u16(self.status()).unwrap_or(StatusCode::BAD_REQUEST);
        Problem {
            kind: self.urn(),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: self.status(),
            detail: detail.to_owned(),
            errors,
            instance: None,
        }
    }
}

#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub kind: ProblemKind,
    pub detail: String,
    pub errors: Vec<FieldError>,
    /// Logged, not shown.
    pub source: Option<anyhow::Error>,
    /// Seconds, sent as `Retry-After`.
    pub retry_after: Option<u64>,
}

impl AppError {
    pub fn new(status: StatusCode, kind: ProblemKind, detail: impl Into<String>) -> Self {
        AppError {
            status,
            kind,
            detail: detail.into(),
            errors: Vec::new(),
            source: None,
            retry_after: None,
        }
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, ProblemKind::BadRequest, detail)
    }

    /// A 422 naming each bad field; a list longer than `MAX_ERRORS` is cut there, and the detail
    /// says so.
    pub fn validation(detail: impl Into<String>, mut errors: Vec<FieldError>) -> Self {
        let mut detail = detail.into();
        if errors.len() > MAX_ERRORS {
            errors.truncate(MAX_ERRORS);
            detail.push_str(&format!(" (the first {MAX_ERRORS} are listed)"));
        }
        let mut e = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ProblemKind::Validation,
            detail,
        );
        e.errors = errors;
        e
    }

    pub fn field(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self::validation(
            format!("{field}: {message}"),
            vec![FieldError {
                field: field.to_owned(),
                message,
            }],
        )
    }

    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, ProblemKind::Unauthorized, detail)
    }

    pub fn forbidden(kind: ProblemKind, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, kind, detail)
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, ProblemKind::NotFound, detail)
    }

    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, ProblemKind::Conflict, detail)
    }

    pub fn internal(source: impl Into<anyhow::Error>) -> Self {
        let mut e = Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ProblemKind::Internal,
            "An internal error occurred; it has been logged.",
        );
        e.source = Some(source.into());
        e
    }

    fn title(&self) -> &'static str {
        self.status.canonical_reason().unwrap_or("Error")
    }

    pub fn problem(&self) -> Problem {
        Problem {
            kind: self.kind.urn(),
            title: self.title().to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            errors: self.errors.clone(),
            // Set by the request id middleware, which knows the request.
            instance: None,
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.kind.as_str(),
            self.detail
        )
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        // The reference promises one status per kind.
        debug_assert_eq!(
            self.status.as_u16(),
            self.kind.status(),
            "{}",
            self.kind.as_str()
        );
        if let Some(source) = &self.source {
            log::error!("{}: {source:#}", self.kind.as_str());
        }
        let mut builder = HttpResponse::build(self.status);
        builder.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        if let Some(secs) = self.retry_after {
            builder.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            builder.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        builder.json(self.problem())
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => AppError::not_found("Not found."),
            other => AppError::internal(other),
        }
    }
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Query(q) => q.into(),
            DbError::Unavailable(_) => {
                let mut err = AppError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    ProblemKind::DatabaseUnavailable,
                    "The database is not available; try again shortly.",
                );
                err.source = Some(e.into());
                err
            }
            DbError::Task(_) => AppError::internal(e),
        }
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        AppError::internal(anyhow::anyhow!("blocking task failed: {e}"))
    }
}

impl From<AccessError> for AppError {
    fn from(e: AccessError) -> Self {
        match e {
            AccessError::Revoked => AppError::new(
                StatusCode::CONFLICT,
                ProblemKind::ConnectionRevoked,
                "The athlete withdrew access on Intervals.icu; ask the user to connect again.",
            ),
            AccessError::Invalid => AppError::new(
                StatusCode::CONFLICT,
                ProblemKind::ConnectionInvalid,
                "Intervals.icu no longer accepts this user's authorization; ask the user to connect again.",
            ),
            AccessError::MissingScope { needed, granted } => AppError::forbidden(
                ProblemKind::MissingScope,
                format!(
                    "This needs the {needed} scope, which the user has not granted (granted: {}).",
                    if granted.is_empty() {
                        "none".to_owned()
                    } else {
                        granted.to_string()
                    }
                ),
            ),
        }
    }
}

impl From<ResendError> for AppError {
    fn from(e: ResendError) -> Self {
        match e {
            ResendError::NoWebhookUrl => AppError::conflict(
                "The tenant has no webhook URL; set one with `PATCH /v1/tenant` or `tenant update --webhook-url`.",
            ),
            ResendError::EndpointDisabled => AppError::conflict(
                "The webhook endpoint was disabled after it answered 410 Gone; update the webhook URL to enable it.",
            ),
            ResendError::NotFound(id) => AppError::not_found(format!("No webhook delivery '{id}'.")),
            ResendError::Db(e) => e.into(),
        }
    }
}

impl From<UpstreamError> for AppError {
    fn from(e: UpstreamError) -> AppError {
        let detail = e.to_string();
        match e {
            UpstreamError::Unauthorized => AccessError::Invalid.into(),
            UpstreamError::Forbidden(_) => AppError::new(
                StatusCode::FORBIDDEN,
                ProblemKind::UpstreamForbidden,
                detail,
            ),
            UpstreamError::NotFound(_) => AppError::not_found(detail),
            UpstreamError::Rejected(_) => AppError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ProblemKind::UpstreamRejected,
                detail,
            ),
            UpstreamError::RateLimited { retry_after } => {
                let mut err = AppError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    ProblemKind::UpstreamRateLimited,
                    "Intervals.icu is rate limiting requests; try again later.",
                );
                err.retry_after = Some(retry_after.map(|d| d.as_secs().max(1)).unwrap_or(60));
                err
            }
            UpstreamError::Unavailable(_) => {
                let mut err = AppError::new(
                    StatusCode::BAD_GATEWAY,
                    ProblemKind::UpstreamUnavailable,
                    detail,
                );
                err.retry_after = Some(30);
                err
            }
            UpstreamError::Other { .. } => {
                AppError::new(StatusCode::BAD_GATEWAY, ProblemKind::UpstreamError, detail)
            }
            UpstreamError::Answered { status, body, .. } => {
                let message = String::from_utf8_lossy(&body[..body.len().min(300)]).into_owned();
                match status {
                    403 => AppError::new(
                        StatusCode::FORBIDDEN,
                        ProblemKind::UpstreamForbidden,
                        format!("Intervals.icu denied access: {message}"),
                    ),
                    404 => AppError::not_found(format!(
                        "Intervals.icu has no such resource: {message}"
                    )),
                    _ => AppError::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        ProblemKind::UpstreamRejected,
                        format!("Intervals.icu answered {status}: {message}"),
                    ),
                }
            }
            UpstreamError::BudgetSpent { retry_after } => {
                let mut err = AppError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    ProblemKind::AthleteBudgetSpent,
                    "This athlete's daily budget of Intervals.icu calls is spent; it starts again at midnight UTC.",
                );
                err.retry_after = Some(retry_after.as_secs().max(1));
                err
            }
        }
    }
}

impl From<anyhow::Error> for AppError {
    fn from(e: anyhow::Error) -> Self {
        AppError::internal(e)
    }
}

impl From<TestEventError> for AppError {
    fn from(e: TestEventError) -> Self {
        match e {
            TestEventError::NoWebhookUrl => AppError::conflict(
                "The tenant has no webhook URL; set one (PATCH /v1/tenant) to send a test event.",
            ),
            TestEventError::EndpointDisabled => AppError::conflict(
                "The webhook endpoint was disabled after it answered 410 Gone; update the webhook URL to enable it.",
            ),
            TestEventError::Query(q) => q.into(),
        }
    }
}

/// problem+json for actix's own extractor errors (bad JSON, bad query, bad path).
pub fn json_error_handler(
    err: actix_web::error::JsonPayloadError,
    _req: &actix_web::HttpRequest,
) -> actix_web::Error {
    use actix_web::error::JsonPayloadError as J;
    let e = match &err {
        J::OverflowKnownLength { .. } | J::Overflow { .. } => AppError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ProblemKind::PayloadTooLarge,
            "The request body is too large.",
        ),
        J::ContentType => AppError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ProblemKind::UnsupportedMediaType,
            "Send the body as application/json.",
        ),
        J::Deserialize(d) => AppError::bad_request(format!("Invalid JSON body: {d}")),
        other => AppError::bad_request(format!("Invalid request body: {other}")),
    };
    e.into()
}

pub fn query_error_handler(
    err: actix_web::error::QueryPayloadError,
    _req: &actix_web::HttpRequest,
) -> actix_web::Error {
    AppError::bad_request(format!("Invalid query string: {err}")).into()
}

pub fn path_error_handler(
    err: actix_web::error::PathError,
    _req: &actix_web::HttpRequest,
) -> actix_web::Error {
    AppError::not_found(format!("Invalid path: {err}")).into()
}

pub fn form_error_handler(
    err: actix_web::error::UrlencodedError,
    _req: &actix_web::HttpRequest,
) -> actix_web::Error {
    AppError::bad_request(format!("Invalid form: {err}")).into()
}

/// A panic while answering a request becomes a 500 problem and an error log line naming the
/// request, instead of a dropped connection. The handler's future runs inside the guard, so a
/// panic anywhere in routing, extracting or handling is caught. (The request itself went to the
/// router, so the answer goes back as an error, which actix renders with `error_response`.)
pub async fn catch_panic(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    use futures_util::FutureExt;
    // Kept to name the request if it panics (shared, not copied: the log line is made only then).
    let (method, uri) = (req.method().clone(), req.uri().clone());
    let answered = std::panic::AssertUnwindSafe(async move { next.call(req).await })
        .catch_unwind()
        .await;
    answered.unwrap_or_else(|panic| {
        let what = format!("{method} {}", crate::web::security::redact_path(uri.path()));
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(AppError::internal(anyhow::anyhow!("panic while answering {what}: {message}")).into())
    })
}

/// Unknown routes, and methods a documented path does not serve (405 with `Allow`).
pub async fn not_found(req: actix_web::HttpRequest) -> Result<HttpResponse, AppError> {
    let allowed = req
        .app_data::<actix_web::web::Data<crate::web::openapi::Served>>()
        .map(|served| served.methods(req.path()))
        .unwrap_or_default();
    if !allowed.is_empty() {
        let allow = allowed.join(", ");
        let e = AppError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            ProblemKind::MethodNotAllowed,
            format!(
                "{} is not served on {}; it serves {allow}.",
                req.method(),
                req.path()
            ),
        );
        let mut resp = e.error_response();
        if let Ok(value) = header::HeaderValue::from_str(&allow) {
            resp.headers_mut().insert(header::ALLOW, value);
        }
        return Ok(resp);
    }
    Err(AppError::not_found(format!(
        "No route for {} {}.",
        req.method(),
        req.path()
    )))
}

#[cfg(test)]
mod tests {
    use super::ProblemKind;

    /// A handler that panics answers a 500 problem, and the worker goes on answering.
    #[actix_web::test]
    async fn a_panic_answers_a_500_problem() {
        use actix_web::{test, web, App, HttpResponse};
        let app = test::init_service(
            App::new()
                .wrap(actix_web::middleware::from_fn(super::catch_panic))
                .route(
                    "/panic",
                    web::get().to(|| async {
                        let deep: Option<u8> = None;
                        #[allow(clippy::unnecessary_literal_unwrap)]
                        let _ = deep.expect("nothing there");
                        HttpResponse::Ok().finish()
                    }),
                )
                .route(
                    "/ok",
                    web::get().to(|| async { HttpResponse::Ok().finish() }),
                ),
        )
        .await;
        // actix's dispatcher answers an error with its `error_response`.
        let err = test::try_call_service(&app, test::TestRequest::get().uri("/panic").to_request())
            .await
            .err()
            .expect("the panic comes back as an error");
        let res = err.error_response();
        assert_eq!(res.status(), 500);
        assert_eq!(
            res.headers().get("content-type").unwrap(),
            "application/problem+json"
        );
        let body = actix_web::body::to_bytes(res.into_body()).await.unwrap();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["type"], ProblemKind::Internal.urn());
        let res = test::call_service(&app, test::TestRequest::get().uri("/ok").to_request()).await;
        assert_eq!(res.status(), 200);
    }

    /// The README promises stable problem types: it lists every one with its status, and no two
    /// share a word.
    #[test]
    fn the_readme_lists_every_problem_kind() {
        let readme = include_str!("../../README.md");
        let mut seen = std::collections::HashSet::new();
        for kind in ProblemKind::ALL {
            assert!(seen.insert(kind.as_str()), "{} twice", kind.as_str());
            let row = format!("| `{}` | {} |", kind.as_str(), kind.status());
            assert!(readme.contains(&row), "README.md does not list `{row}`");
            assert!(!kind.meaning().is_empty());
            assert_eq!(ProblemKind::named(kind.as_str()), Some(*kind));
            let example = kind.example();
            assert_eq!((example.kind, example.status), (kind.urn(), kind.status()));
        }
    }
}
