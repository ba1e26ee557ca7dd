//! `POST /webhooks/intervals`: Intervals.icu's webhook receiver. Checks the secret in the body
//! (constant time) and stores the batch before answering 200 (with a body: anything else is
//! retried upstream); routing happens in a job (`webhooks::inbound`).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use subtle::ConstantTimeEq;
use utoipa::ToSchema;

use super::State;
use crate::db;
use crate::domain::webhooks::inbound;
use crate::web::errors::{AppError, ProblemKind};

/// Largest inbound batch accepted.
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

#[derive(Debug, Deserialize)]
pub struct Batch {
    #[serde(default)]
    secret: Option<String>,
    #[serde(default)]
    events: Vec<Value>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Received {
    pub received: usize,
    pub duplicates: usize,
}

/// Intervals.icu's webhook receiver. Its 200 needs a body (anything else is retried upstream).
pub async fn receive(state: State, body: web::Bytes) -> Result<HttpResponse, AppError> {
    let batch: Batch = serde_json::from_slice(&body)
        .map_err(|e| AppError::bad_request(format!("Invalid webhook body: {e}")))?;
    let given = batch.secret.unwrap_or_default();
    let expected = state.config.webhook_secret.as_bytes();
    if !bool::from(given.as_bytes().ct_eq(expected)) {
        log::warn!("webhook with a wrong or missing secret refused");
        return Err(AppError::new(
            StatusCode::UNAUTHORIZED,
            ProblemKind::Unauthorized,
            "Wrong or missing webhook secret.",
        ));
    }
    if batch.events.len() > 1000 {
        return Err(AppError::bad_request("At most 1000 events per batch."));
    }
    let events = batch.events;
    let (received, duplicates) = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(inbound::store_batch(conn, &events)?)
    })
    .await?;
    // Committed: reads that start from now on find the raised generations.
    crate::services::read_cache::committed();
    // This instance's webhook workers route it now rather than at their next poll.
    crate::services::jobs::wake(crate::domain::webhooks::QUEUE);
    Ok(HttpResponse::Ok().json(Received {
        received,
        duplicates,
    }))
}
