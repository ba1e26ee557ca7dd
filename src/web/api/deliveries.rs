//! `/v1/webhook-deliveries`: the tenant's outbound webhook log, and resending one delivery.

use actix_web::{get, post};
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{State, TenantAuth};
use crate::db::types::{DeliveryStatus, UserId};
use crate::db::{self};
use crate::domain::webhooks::deliveries::{self, Cursor, Entry, Filter};
use crate::domain::webhooks::outbound::webhook_id;
use crate::web::errors::AppError;

#[derive(Debug, Serialize, ToSchema)]
pub struct Attempt {
    /// 1 for the first attempt.
    pub attempt: i32,
    /// The endpoint's HTTP status; `null` when no answer came.
    pub status_code: Option<i32>,
    /// Why the attempt failed, when it did.
    pub error: Option<String>,
    pub latency_ms: i64,
    /// When it was made (UTC).
    pub at: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "33e59e65-8f73-48a2-ab75-b99bdbfacdac",
    "webhook_id": "msg_512404e67fec4ca1ac2683d29d000586",
    "event_type": "activity.analyzed",
    "user_id": "alex",
    "status": "succeeded",
    "url": "https://partner.example/hooks/intervals",
    "attempts": [
        {"attempt": 1, "status_code": 503, "error": "HTTP 503", "latency_ms": 41, "at": "2026-03-01T07:03:16.588507+00:00"},
        {"attempt": 2, "status_code": 200, "error": null, "latency_ms": 38, "at": "2026-03-01T07:03:21.940113+00:00"}
    ],
    "next_attempt_at": null,
    "last_status_code": 200,
    "last_error": null,
    "created_at": "2026-03-01T07:03:16.585105+00:00",
    "delivered_at": "2026-03-01T07:03:21.940200+00:00"
}))]
pub struct DeliveryView {
    pub id: String,
    /// The `webhook-id` header: the same on every attempt and resend.
    pub webhook_id: String,
    /// The event's `type` (`connection.created`, `activity.uploaded`, …).
    pub event_type: String,
    pub user_id: Option<String>,
    /// `pending`, `succeeded`, `failed` (gave up after about three days) or `disabled` (the
    /// endpoint answered 410 Gone).
    pub status: DeliveryStatus,
    /// Where it is sent.
    pub url: String,
    /// Every attempt, first to last.
    pub attempts: Vec<Attempt>,
    /// When the next attempt is due (UTC), while `pending`.
    pub next_attempt_at: Option<String>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: String,
    pub delivered_at: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "data": [{
    "id": "33e59e65-8f73-48a2-ab75-b99bdbfacdac",
    "webhook_id": "msg_512404e67fec4ca1ac2683d29d000586",
    "event_type": "activity.analyzed",
    "user_id": "alex",
    "status": "succeeded",
    "url": "https://partner.example/hooks/intervals",
    "attempts": [
        {"attempt": 1, "status_code": 503, "error": "HTTP 503", "latency_ms": 41, "at": "2026-03-01T07:03:16.588507+00:00"},
        {"attempt": 2, "status_code": 200, "error": null, "latency_ms": 38, "at": "2026-03-01T07:03:21.940113+00:00"}
    ],
    "next_attempt_at": null,
    "last_status_code": 200,
    "last_error": null,
    "created_at": "2026-03-01T07:03:16.585105+00:00",
    "delivered_at": "2026-03-01T07:03:21.940200+00:00"
}],
    "next_cursor": "MTc5NjA3OTc5NjU4NTEwNXwzM2U1OWU2NS04ZjczLTQ4YTItYWI3NS1iOTliZGJmYWNkYWM"
}))]
pub struct DeliveryPage {
    /// Newest first.
    pub data: Vec<DeliveryView>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// pending, succeeded, failed or disabled.
    // Read as text so that an unknown value is a field error (422) like the others.
    #[param(value_type = Option<DeliveryStatus>)]
    pub status: Option<String>,
    /// 1 to 100, default 20.
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
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
        status: d.status,
        url: d.url,
        next_attempt_at: d.next_attempt_at.map(rfc),
        last_status_code: d.last_status_code,
        last_error: d.last_error,
        created_at: rfc(d.created_at),
        delivered_at: d.delivered_at.map(rfc),
    }
}

/// List webhook deliveries
///
/// The tenant's outbound webhook log, newest first, a page at a time: each delivery with its
/// status (`pending`, `succeeded`, `failed` after about three days of retries, or `disabled`
/// after the endpoint answered 410 Gone) and every attempt with its status code, error and
/// latency. Filter by `status`.
#[utoipa::path(
    operation_id = "list_webhook_deliveries",
    tag = "webhooks", params(ListQuery),
    responses(
        (status = 200, body = DeliveryPage, description = "One page of deliveries"),
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`validation`: an unknown `status`, `limit` out of range, or a `cursor` this API did not issue."),
    ),
    security(("bearer" = []))
)]
#[get("/webhook-deliveries")]
pub async fn list(
    state: State,
    TenantAuth(tenant): TenantAuth,
    query: crate::web::extract::Query<ListQuery>,
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

/// Send a delivery again
///
/// Queues the delivery to be sent again now, to the tenant's current webhook URL, with a fresh
/// attempt budget, whatever its status. Its `webhook-id` stays the same, so an endpoint that
/// already processed it can recognise it.
#[utoipa::path(
    operation_id = "retry_webhook_delivery",
    tag = "webhooks",
    params(("id" = String, Path, description = "The delivery id")),
    responses(
        (status = 202, body = DeliveryView, description = "Queued to be sent again now, with a fresh attempt budget"),
        (status = 404, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`not-found`: no such delivery for this tenant."),
        (status = 409, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`conflict`: the tenant has no webhook URL, or the endpoint is disabled (it answered 410 Gone) until the URL is updated."),
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
