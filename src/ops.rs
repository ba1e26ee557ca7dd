//! Operations endpoints: health, readiness, the OpenAPI document and a readable reference page
//! rendered on the server (no external scripts, so it works offline).

use actix_web::http::{header, StatusCode};
use actix_web::HttpResponse;
use askama::Template;
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::State;
use crate::errors::AppError;

#[derive(Serialize, ToSchema)]
pub struct Health {
    pub status: &'static str,
    pub version: &'static str,
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses((status = 200, body = Health)))]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    })
}

/// Readiness: the database answers.
#[utoipa::path(
    get, path = "/readyz", tag = "operations",
    responses((status = 200, body = Health), (status = 503, body = crate::errors::Problem, content_type = "application/problem+json"))
)]
pub async fn readyz(state: State) -> Result<HttpResponse, AppError> {
    crate::db::run(&state.pool, |conn| Ok(crate::db::ping(conn)?))
        .await
        .map_err(|_| {
            AppError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "not-ready",
                "The database is not reachable.",
            )
        })?;
    Ok(HttpResponse::Ok().json(Health {
        status: "ready",
        version: env!("CARGO_PKG_VERSION"),
    }))
}

pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(crate::openapi::document())
}

pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../assets/bridge.css"))
}

struct DocOp {
    method: String,
    path: String,
    summary: String,
    description: String,
    params: String,
    responses: String,
}

#[derive(Template)]
#[template(path = "docs.html")]
struct DocsPage {
    description: String,
    version: String,
    operations: Vec<DocOp>,
}

/// `GET /docs`: the OpenAPI document as a page.
pub async fn docs() -> Result<HttpResponse, AppError> {
    let doc = crate::openapi::document();
    let mut operations = Vec::new();
    for (path, item) in &doc.paths.paths {
        let methods = [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("PATCH", &item.patch),
            ("DELETE", &item.delete),
        ];
        for (method, op) in methods {
            let Some(op) = op else { continue };
            let params = op
                .parameters
                .iter()
                .flatten()
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
                .join(", ");
            let responses = op
                .responses
                .responses
                .keys()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            operations.push(DocOp {
                method: method.to_owned(),
                path: path.clone(),
                summary: op.summary.clone().unwrap_or_default(),
                description: op.description.clone().unwrap_or_default(),
                params,
                responses,
            });
        }
    }
    crate::web_security::page(
        StatusCode::OK,
        &DocsPage {
            description: doc.info.description.clone().unwrap_or_default(),
            version: "3.1".into(),
            operations,
        },
        &[],
    )
}
