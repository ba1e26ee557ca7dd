//! `POST /v1/webhook-test`: a signed `webhook.test` event sent to the calling tenant's endpoint
//! now, through the same durable delivery as every event (so it is in the delivery log).

use actix_web::post;
use actix_web::HttpResponse;
use serde::Serialize;
use utoipa::ToSchema;

use super::{State, TenantAuth};
use crate::db;
use crate::domain::webhooks::outbound::webhook_id;
use crate::domain::webhooks::outbox;
use crate::web::errors::AppError;

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "delivery_id": "5f1c2a9e-0b7d-4a53-9c1e-2f64d8a1b7c3",
    "webhook_id": "msg_8b0e6c1f2d3a4b5c9e7f0a1b2c3d4e5f"
}))]
pub struct TestEventSent {
    /// The delivery, as `GET /v1/webhook-deliveries` lists it.
    pub delivery_id: String,
    /// The `webhook-id` header the endpoint receives.
    pub webhook_id: String,
}

/// Send a test event to the webhook URL
///
/// Sends a signed `webhook.test` event (about no user) to the tenant's webhook URL now, through
/// the same durable delivery as every event: it is retried like any other and its attempts show
/// in the delivery log. The tenant's event filter never holds it back. Use it to check that the
/// endpoint is reachable and verifies the signature.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "send_test_webhook",
    responses(
        (status = 202, body = TestEventSent, description = "Queued to be sent now, signed like every delivery; its attempts show in the delivery log"),
        (status = 409, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`conflict`: the tenant has no webhook URL, or the endpoint is disabled (it answered 410 Gone) until the URL is updated."),
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
