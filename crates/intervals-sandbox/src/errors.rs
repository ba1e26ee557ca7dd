//! Upstream's JSON error shapes: `{"status","error"}` for what its handlers refuse, Spring Boot's
//! body for routes it does not have, and the default services built from them.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use chrono::{SecondsFormat, Utc};
use serde_json::json;

/// Upstream's usual error body.
pub(crate) fn error(status: StatusCode, message: &str) -> HttpResponse {
    HttpResponse::build(status).json(json!({"status": status.as_u16(), "error": message}))
}

pub(crate) fn unprocessable(message: &str) -> HttpResponse {
    error(StatusCode::UNPROCESSABLE_ENTITY, message)
}

/// Spring Boot's error body, which upstream answers for routes it does not have.
pub(crate) fn spring_error(status: StatusCode, path: &str) -> HttpResponse {
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

/// Unknown paths under `/_sandbox/`: the sandbox's own wording, in upstream's shape.
pub(crate) async fn control_not_found(req: HttpRequest) -> HttpResponse {
    let path = format!("/_sandbox{}", req.match_info().unprocessed());
    error(
        StatusCode::NOT_FOUND,
        &format!("No sandbox control endpoint {} {path}", req.method()),
    )
}

/// A documented operation the sandbox does not simulate: `501` naming it, in upstream's error
/// shape with the fields of a problem document beside it.
pub(crate) fn not_simulated(op: &crate::operations::Operation) -> HttpResponse {
    let detail = format!(
        "The sandbox does not simulate {} ({} {})",
        op.operation_id, op.method, op.path
    );
    HttpResponse::NotImplemented()
        .content_type("application/problem+json")
        .json(json!({
            "type": "urn:intervals-sandbox:problem:not-simulated",
            "title": "Not simulated",
            "status": 501,
            "error": detail,
            "detail": detail,
            "operation_id": op.operation_id,
            "method": op.method,
            "path_template": op.path,
            "tag": op.tag,
        }))
}
