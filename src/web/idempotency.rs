//! `Idempotency-Key` on the partner API's POSTs, with Stripe's semantics: the first answer to a
//! tenant's key (any status below 500) is kept for 24 hours and a repeat of the same request
//! (method, path, query and body) gets it again, marked `Idempotent-Replayed: true`; the same key
//! with another request is a 422 naming `Idempotency-Key`; a repeat while the first still runs is
//! a 409. Uploads are left to their own `external_id`, which does the same for a file.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse};
use sha2::{Digest, Sha256};

use crate::db;
use crate::db::models::{IdempotencyClaim, IdempotencyKey};
use crate::web::api::{State, TenantAuth};
use crate::web::errors::AppError;

/// The request header.
pub const HEADER: &str = "idempotency-key";
/// The header of a replayed answer.
pub const REPLAYED: &str = "idempotent-replayed";

fn applies(req: &ServiceRequest) -> bool {
    req.method() == Method::POST
        && req.path().starts_with("/v1/")
        && !req.path().ends_with("/activities")
}

fn sane(key: &str) -> bool {
    (1..=255).contains(&key.len()) && key.bytes().all(|b| (0x21..=0x7e).contains(&b))
}

pub async fn idempotency(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(raw) = req.headers().get(HEADER).cloned() else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    if !applies(&req) {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    }
    let key = match raw.to_str().ok().filter(|k| sane(k)) {
        Some(k) => k.to_owned(),
        None => {
            return Err(AppError::field(
                "Idempotency-Key",
                "must be 1 to 255 visible ASCII characters (a UUID, say)",
            )
            .into())
        }
    };
    // Without a valid API key the handler answers 401; nothing is remembered.
    let Ok(TenantAuth(tenant)) = req.extract::<TenantAuth>().await else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    let Some(state) = req.app_data::<State>().cloned() else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    let body = req.extract::<web::Bytes>().await?;
    let mut hasher = Sha256::new();
    hasher.update(format!(
        "{} {}?{}\n",
        req.method(),
        req.path(),
        req.query_string()
    ));
    hasher.update(&body);
    let hash = hex::encode(hasher.finalize());
    req.set_payload(Payload::from(body));
    let (tenant_id, k) = (tenant.id.clone(), key.clone());
    let claim = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(IdempotencyKey::claim(
            conn,
            &tenant_id,
            &k,
            &hash,
            db::now(),
        )?)
    })
    .await?;
    match claim {
        IdempotencyClaim::Mismatch => Err(AppError::field(
            "Idempotency-Key",
            "was used with another request (method, path or body) in the last 24 hours; send a new key",
        )
        .into()),
        IdempotencyClaim::InProgress => Err(AppError::conflict(
            "A request with this Idempotency-Key is still being answered; retry shortly.",
        )
        .into()),
        IdempotencyClaim::Replay {
            status,
            content_type,
            body,
        } => {
            let mut resp =
                HttpResponse::build(StatusCode::from_u16(status).unwrap_or(StatusCode::OK));
            if let Some(ct) = content_type {
                resp.insert_header((header::CONTENT_TYPE, ct));
            }
            resp.insert_header((REPLAYED, "true"));
            let (http_req, _) = req.into_parts();
            Ok(ServiceResponse::new(http_req, resp.body(body)))
        }
        IdempotencyClaim::New => {
            let forget = |state: State, tenant_id: crate::db::types::TenantId, key: String| async move {
                let _ = db::run(&state.pool, move |conn| {
                    Ok::<_, AppError>(IdempotencyKey::release(conn, &tenant_id, &key)?)
                })
                .await;
            };
            let res = match next.call(req).await {
                Ok(res) => res.map_into_boxed_body(),
                Err(e) => {
                    forget(state, tenant.id.clone(), key).await;
                    return Err(e);
                }
            };
            let status = res.status();
            let (http_req, response) = res.into_parts();
            let (head, body) = response.into_parts();
            let bytes = actix_web::body::to_bytes(body).await.unwrap_or_default();
            let text = std::str::from_utf8(&bytes).ok().map(str::to_owned);
            match text {
                Some(text) if !status.is_server_error() => {
                    let content_type = head
                        .headers()
                        .get(header::CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned);
                    let (tenant_id, k) = (tenant.id.clone(), key.clone());
                    let kept = db::run(&state.pool, move |conn| {
                        Ok::<_, AppError>(IdempotencyKey::complete(
                            conn,
                            &tenant_id,
                            &k,
                            status.as_u16(),
                            content_type.as_deref(),
                            &text,
                        )?)
                    })
                    .await;
                    if kept.is_err() {
                        forget(state, tenant.id.clone(), key).await;
                    }
                }
                _ => forget(state, tenant.id.clone(), key).await,
            }
            let mut head = head;
            head.headers_mut().remove(header::CONTENT_LENGTH);
            Ok(ServiceResponse::new(
                http_req,
                head.set_body(BoxBody::new(bytes)),
            ))
        }
    }
}
