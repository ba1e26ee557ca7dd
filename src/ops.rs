//! Operations endpoints: health, readiness, the OpenAPI document and a readable reference page
//! rendered on the server (no external scripts, so it works offline).

use actix_web::http::{header, StatusCode};
use actix_web::HttpResponse;
use askama::Template;
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::State;
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
    crate::db::run(&state.pool, |conn| {
        Ok::<_, AppError>(crate::db::ping(conn)?)
    })
    .await
    .map_err(|_| {
        AppError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            crate::errors::ProblemKind::NotReady,
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

/// Response counters by status class, for `/metrics`.
static RESPONSES: [std::sync::atomic::AtomicU64; 5] = [
    std::sync::atomic::AtomicU64::new(0),
    std::sync::atomic::AtomicU64::new(0),
    std::sync::atomic::AtomicU64::new(0),
    std::sync::atomic::AtomicU64::new(0),
    std::sync::atomic::AtomicU64::new(0),
];

pub fn count_response(status: u16) {
    let class = (status / 100).clamp(1, 5) as usize - 1;
    RESPONSES[class].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

/// `GET /metrics`: Prometheus text format. Counters are this instance's; gauges read the
/// shared database, so every instance reports the same queue depths.
pub async fn metrics(state: State) -> Result<HttpResponse, AppError> {
    use std::fmt::Write;
    let gauges = crate::db::run(&state.pool, |conn| {
        use crate::db::models::{Connection, Delivery, WellnessRow};
        let mut jobs = Vec::new();
        for queue in [crate::wellness::push::QUEUE, crate::outbox::QUEUE] {
            let mut counts: Vec<(String, i64)> =
                crate::jobs::counts(conn, queue)?.into_iter().collect();
            counts.sort();
            jobs.push((queue, counts));
        }
        let deliveries = Delivery::count_by_status(conn)?;
        let connections = Connection::count(conn)?;
        let pending = WellnessRow::count_pending(conn)?;
        Ok::<_, AppError>((jobs, deliveries, connections, pending))
    })
    .await?;
    let (jobs, deliveries, connections, pending) = gauges;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# HELP bridge_build_info The running version.\n# TYPE bridge_build_info gauge"
    );
    let _ = writeln!(
        out,
        "bridge_build_info{{version=\"{}\"}} 1",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(out, "# HELP bridge_http_responses_total HTTP responses of this instance by status class.\n# TYPE bridge_http_responses_total counter");
    for (i, c) in RESPONSES.iter().enumerate() {
        let _ = writeln!(
            out,
            "bridge_http_responses_total{{class=\"{}xx\"}} {}",
            i + 1,
            c.load(std::sync::atomic::Ordering::Relaxed)
        );
    }
    let _ = writeln!(
        out,
        "# HELP bridge_jobs Background jobs by queue and status.\n# TYPE bridge_jobs gauge"
    );
    for (queue, counts) in jobs {
        for (status, n) in counts {
            let _ = writeln!(
                out,
                "bridge_jobs{{queue=\"{queue}\",status=\"{status}\"}} {n}"
            );
        }
    }
    let _ = writeln!(out, "# HELP bridge_webhook_deliveries Tenant webhook deliveries by status.\n# TYPE bridge_webhook_deliveries gauge");
    for (status, n) in deliveries {
        let _ = writeln!(out, "bridge_webhook_deliveries{{status=\"{status}\"}} {n}");
    }
    let _ = writeln!(out, "# HELP bridge_connections Connected users across tenants.\n# TYPE bridge_connections gauge\nbridge_connections {connections}");
    let _ = writeln!(out, "# HELP bridge_wellness_pending_days Wellness days waiting for a push.\n# TYPE bridge_wellness_pending_days gauge\nbridge_wellness_pending_days {pending}");
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        ))
        .body(out))
}
