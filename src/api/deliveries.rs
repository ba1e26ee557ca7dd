//! `/v1/webhook-deliveries`: the tenant's outbound webhook log, and resending one delivery.

use actix_web::{get, post};
use actix_web::{web, HttpResponse};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::NaiveDateTime;
use diesel::QueryResult;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{State, TenantAuth};
use crate::db::models::{Attempt as AttemptRow, Delivery, Event};
use crate::db::types::{DeliveryStatus, UserId};
use crate::db::{self, DbConn};
use crate::errors::AppError;
use crate::outbox;
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

fn views(conn: &mut DbConn, rows: Vec<(Delivery, Event)>) -> QueryResult<Vec<DeliveryView>> {
    let ids: Vec<&str> = rows.iter().map(|(d, _)| d.id.as_str()).collect();
    let attempts = AttemptRow::of_deliveries(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|(d, e)| DeliveryView {
            attempts: attempts
                .iter()
                .filter(|a| a.delivery_id == d.id)
                .map(|a| Attempt {
                    attempt: a.attempt,
                    status_code: a.status_code,
                    error: a.error.clone(),
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
        })
        .collect())
}

fn encode_cursor(t: NaiveDateTime, id: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{}|{id}", t.and_utc().timestamp_micros()))
}

fn decode_cursor(c: &str) -> Option<(NaiveDateTime, String)> {
    let raw = String::from_utf8(URL_SAFE_NO_PAD.decode(c).ok()?).ok()?;
    let (micros, id) = raw.split_once('|')?;
    let t = chrono::DateTime::from_timestamp_micros(micros.parse().ok()?)?.naive_utc();
    Some((t, id.to_owned()))
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
            decode_cursor(c)
                .ok_or_else(|| AppError::field("cursor", "is not a cursor this API issued"))?,
        ),
        None => None,
    };
    let page = db::run(&state.pool, move |conn| {
        let mut rows = Delivery::page(conn, &tenant.id, status, after, limit + 1)?;
        let more = rows.len() as i64 > limit;
        rows.truncate(limit as usize);
        let next = more
            .then(|| rows.last().map(|(d, _)| encode_cursor(d.created_at, &d.id)))
            .flatten();
        Ok::<_, AppError>((views(conn, rows)?, next))
    })
    .await?;
    Ok(HttpResponse::Ok().json(DeliveryPage {
        data: page.0,
        next_cursor: page.1,
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
    if tenant.webhook_url.is_none() {
        return Err(AppError::conflict(
            "The tenant has no webhook URL; set one with `tenant update --webhook-url`.",
        ));
    }
    if tenant.webhook_disabled_at.is_some() {
        return Err(AppError::conflict(
            "The webhook endpoint was disabled after it answered 410 Gone; update the webhook URL to enable it.",
        ));
    }
    let view = db::run(&state.pool, move |conn| {
        if Delivery::find_with_event(conn, &tenant.id, &id)?.is_none() {
            return Err(AppError::not_found(format!("No webhook delivery '{id}'.")));
        }
        crate::db::write_tx(conn, |conn| outbox::resend(conn, &tenant, &id))?;
        let row = Delivery::find_with_event(conn, &tenant.id, &id)?
            .ok_or_else(|| AppError::not_found(format!("No webhook delivery '{id}'.")))?;
        Ok(views(conn, vec![row])?.remove(0))
    })
    .await?;
    Ok(HttpResponse::Accepted().json(view))
}
