//! `POST /v1/webhook-test`: a signed `webhook.test` event sent to the calling tenant's endpoint
//! now, through the same durable delivery as every event (so it is in the delivery log).

use actix_web::post;
use actix_web::HttpResponse;
use serde::Serialize;
use utoipa::ToSchema;

use super::{State, TenantAuth};
use crate::db;
use crate::errors::AppError;
use crate::outbox;
use crate::webhooks::outbound::webhook_id;

#[derive(Debug, Serialize, ToSchema)]
pub struct TestEventSent {
    /// The delivery, as `GET /v1/webhook-deliveries` lists it.
    pub delivery_id: String,
    /// The `webhook-id` header the endpoint receives.
    pub webhook_id: String,
}

#[utoipa::path(
    tag = "webhooks",
    operation_id = "send_test_webhook",
    responses(
        (status = 202, body = TestEventSent, description = "Queued to be sent now, signed like every delivery; its attempts show in the delivery log"),
        (status = 409, body = crate::errors::Problem, content_type = "application/problem+json", description = "No webhook URL, or the endpoint is disabled"),
    ),
    security(("bearer" = []))
)]
#[post("/webhook-test")]
pub async fn send(state: State, TenantAuth(tenant): TenantAuth) -> Result<HttpResponse, AppError> {
    let id = tenant.id.clone();
    let sent = db::run(&state.pool, move |conn| {
        outbox::send_test_event(conn, &id).map_err(AppError::from)
    })
    .await?;
    Ok(HttpResponse::Accepted().json(TestEventSent {
        webhook_id: webhook_id(&sent.event_id),
        delivery_id: sent.delivery_id,
    }))
}
