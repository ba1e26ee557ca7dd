//! Every answer carries a request id: `X-Request-Id`, taken from the request when it holds a sane
//! one (1 to 128 characters of letters, digits and `-_.~:+=@/`), else generated (a UUID). Every
//! problem body carries it too, as `instance` (`urn:intervals-bridge:request:<id>`), so a partner
//! quoting an error quotes the id the bridge's log line shows.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError};
use bytes::Bytes;

/// The header, both ways.
pub const HEADER: &str = "x-request-id";

/// The prefix of a problem's `instance`.
pub const INSTANCE_PREFIX: &str = "urn:intervals-bridge:request:";

/// The longest request id taken from a request.
pub const MAX_LEN: usize = 128;

/// Whether an incoming `X-Request-Id` is kept as is.
pub fn is_sane(id: &str) -> bool {
    (1..=MAX_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.~:+=@/".contains(&b))
}

/// The problem `instance` of a request id.
pub fn instance(id: &str) -> String {
    format!("{INSTANCE_PREFIX}{id}")
}

/// The middleware: picks the id, answers it in `X-Request-Id`, and writes it into every problem
/// body as `instance`. An error that reaches it unrendered (a panic caught inside) goes on as an
/// error that renders the same way.
pub async fn request_id(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let id = req
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| is_sane(v))
        .map(str::to_owned)
        .unwrap_or_else(new_id);
    let res = match next.call(req).await {
        Ok(res) => res.map_into_boxed_body(),
        Err(inner) => return Err(WithRequestId { inner, id }.into()),
    };
    let (http_req, response) = res.into_parts();
    let (head, body) = response.into_parts();
    let body = if is_problem(&head) {
        let bytes = actix_web::body::to_bytes(body).await.unwrap_or_default();
        BoxBody::new(with_instance(bytes, &id))
    } else {
        body
    };
    Ok(ServiceResponse::new(http_req, stamp(head, body, &id)))
}

/// A new request id: a version 4 UUID from the thread's random generator (no system call per
/// request, as drawing each from the operating system would be).
fn new_id() -> String {
    uuid::Builder::from_random_bytes(rand::random())
        .into_uuid()
        .to_string()
}

fn is_problem(head: &HttpResponse<()>) -> bool {
    head.headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"))
}

/// A problem body with `instance` set to this request's.
fn with_instance(bytes: Bytes, id: &str) -> Bytes {
    match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(serde_json::Value::Object(mut problem)) => {
            problem.insert("instance".to_owned(), instance(id).into());
            serde_json::to_vec(&problem)
                .map(Into::into)
                .unwrap_or(bytes)
        }
        _ => bytes,
    }
}

/// The answer with its body and `X-Request-Id`.
fn stamp(mut head: HttpResponse<()>, body: BoxBody, id: &str) -> HttpResponse<BoxBody> {
    head.headers_mut().remove(header::CONTENT_LENGTH);
    if let Ok(value) = HeaderValue::from_str(id) {
        head.headers_mut()
            .insert(HeaderName::from_static(HEADER), value);
    }
    head.set_body(body)
}

/// An error that passed the middleware unrendered, rendered with the request's id.
#[derive(Debug)]
struct WithRequestId {
    inner: actix_web::Error,
    id: String,
}

impl std::fmt::Display for WithRequestId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

impl ResponseError for WithRequestId {
    fn status_code(&self) -> StatusCode {
        self.inner.as_response_error().status_code()
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        let (head, body) = self.inner.error_response().into_parts();
        let body = if is_problem(&head) {
            match body.try_into_bytes() {
                Ok(bytes) => BoxBody::new(with_instance(bytes, &self.id)),
                Err(body) => body,
            }
        } else {
            body
        };
        stamp(head, body, &self.id)
    }
}
