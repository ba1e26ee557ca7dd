//! `/v1/webhook-deliveries`: the tenant's outbound webhook log, and resending one delivery.

use actix_web::{get, post};
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{State, TenantAuth};
use crate::db::types::{DeliveryStatus, UserId};
use crate::db::{self};
use crate::deliveries::{self, Cursor, Entry, Filter};
use crate::errors::AppError;
use crate::webhooks::outbound::webhook_id;

#[derive(Debug, Serialize, ToSchema)]
pub struct Attempt {
    pub attempt: i32,
    /// The endpoint's HTTP status, absent when no answer came.
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub latency_ms: i64,
    pub at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryView {
    pub id: String,
    /// The `webhook-id` header: the same on every attempt and resend.
    pub webhook_id: String,
    pub event_type: String,
    pub user_id: Option<String>,
    /// `pending`, `succeeded`, `failed` (gave up after about three days) or `disabled` (the
    /// endpoint answered 410 Gone).
    pub status: String,
    pub url: String,
    pub attempts: Vec<Attempt>,
    pub next_attempt_at: Option<String>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: String,
    pub delivered_at: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryPage {
    pub data: Vec<DeliveryView>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct ListQuery {
    /// pending, succeeded, failed or disabled.
    pub status: Option<String>,
    /// 1 to 100, default 20.
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

fn rfc(t: NaiveDateTime) -> String {
    t.and_utc().to_rfc3339()
}

fn view(entry: Entry) -> DeliveryView {
    let Entry {
        delivery: d,
        event: e,
        attempts,
    } = entry;
    DeliveryView {
        attempts: attempts
            .into_iter()
            .map(|a| Attempt {
                attempt: a.attempt,
                status_code: a.status_code,
                error: a.error,
                latency_ms: a.latency_ms,
                at: rfc(a.created_at),
            })
            .collect(),
        webhook_id: webhook_id(&e.id),
        event_type: e.event_type,
        user_id: e.user_id.map(UserId::into_string),
        id: d.id,
        status: d.status.as_str().to_owned(),
        url: d.url,
        next_attempt_at: d.next_attempt_at.map(rfc),
        last_status_code: d.last_status_code,
        last_error: d.last_error,
        created_at: rfc(d.created_at),
        delivered_at: d.delivered_at.map(rfc),
    }
}

#[utoipa::path(
    operation_id = "list_webhook_deliveries",
    tag = "webhooks", params(ListQuery),
    responses((status = 200, body = DeliveryPage)),
    security(("bearer" = []))
)]
#[get("/webhook-deliveries")]
pub async fn list(
    state: State,
    TenantAuth(tenant): TenantAuth,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let q = query.into_inner();
    let limit = q.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        return Err(AppError::field("limit", "must be between 1 and 100"));
    }
    let status = match &q.status {
        Some(s) => Some(s.parse::<DeliveryStatus>().map_err(|_| {
            AppError::field("status", "must be pending, succeeded, failed or disabled")
        })?),
        None => None,
    };
    let after = match &q.cursor {
        Some(c) => Some(
            Cursor::decode(c)
                .ok_or_else(|| AppError::field("cursor", "is not a cursor this API issued"))?,
        ),
        None => None,
    };
    let filter = Filter {
        status,
        event_type: None,
    };
    let (entries, next) = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(deliveries::page(conn, &tenant.id, &filter, after, limit)?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(DeliveryPage {
        data: entries.into_iter().map(view).collect(),
        next_cursor: next.map(|c| c.encode()),
    }))
}

#[utoipa::path(
    operation_id = "retry_webhook_delivery",
    tag = "webhooks",
    params(("id" = String, Path, description = "The delivery id")),
    responses(
        (status = 202, body = DeliveryView, description = "Queued to be sent again now, with a fresh attempt budget"),
        (status = 404, body = crate::errors::Problem, content_type = "application/problem+json"),
        (status = 409, body = crate::errors::Problem, content_type = "application/problem+json", description = "No webhook URL, or the endpoint is disabled"),
    ),
    security(("bearer" = []))
)]
#[post("/webhook-deliveries/{id}/retry")]
pub async fn retry(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let entry = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(deliveries::resend(conn, &tenant, &id)?)
    })
    .await?;
    Ok(HttpResponse::Accepted().json(view(entry)))
}
