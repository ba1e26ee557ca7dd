//! `TenantAuth`: the extractor that authenticates `Authorization: Bearer <tenant API key>`, so a
//! handler that takes it cannot forget authentication. Keys are looked up by their SHA-256, from
//! this instance's cache when it has the key (`access_cache`), else from the database.

use std::future::Future;
use std::pin::Pin;

use actix_web::http::header;
use actix_web::{dev::Payload, web, FromRequest, HttpRequest};

use crate::db::models::Tenant;
use crate::services::state::AppState;
use crate::web::errors::AppError;

pub struct TenantAuth(pub Tenant);

/// The passthrough's authentication: the tenant API key as `Authorization: Bearer <key>`, or as
/// HTTP Basic with user `API_KEY` and the key as password (what Intervals.icu's client libraries
/// send).
pub struct PassthroughAuth(pub Tenant);

/// The key of `Authorization: Basic base64(API_KEY:<key>)`.
fn basic_key(value: &str) -> Option<String> {
    use base64::Engine;
    let (scheme, rest) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(rest.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (user, key) = text.split_once(':')?;
    (user == "API_KEY").then(|| key.to_owned())
}

impl FromRequest for PassthroughAuth {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let basic = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(basic_key);
        let Some(key) = basic else {
            let bearer = TenantAuth::from_request(req, payload);
            return Box::pin(async move { bearer.await.map(|TenantAuth(t)| PassthroughAuth(t)) });
        };
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let state =
                state.ok_or_else(|| AppError::internal(anyhow::anyhow!("state missing")))?;
            tenant_for_key(state, Some(key)).await.map(PassthroughAuth)
        })
    }
}

/// The tenant whose API key is `key` (from this instance's cache when it has it), or 401.
async fn tenant_for_key(
    state: web::Data<AppState>,
    key: Option<String>,
) -> Result<Tenant, AppError> {
    let key = key.filter(|k| !k.is_empty()).ok_or_else(|| {
        AppError::unauthorized("Send the tenant API key as 'Authorization: Bearer <key>'.")
    })?;
    let hash = crate::support::crypto::hash_api_key(&key);
    drop(key);
    if let Some(tenant) = state.access.tenant(&hash) {
        return Ok(tenant);
    }
    let generation = state.access.generation();
    let (h, st) = (hash.clone(), state.clone());
    let tenant = crate::db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(crate::domain::tenants::by_api_key_hash(conn, &h)?)
    })
    .await?;
    // Only current keys are remembered: a rotated-out key is read each time, so its overlap ends
    // on time whatever the cache holds.
    if let Some(t) = tenant.as_ref().filter(|t| t.api_key_hash == hash) {
        st.access.put_tenant(generation, hash, t.clone());
    }
    tenant.ok_or_else(|| AppError::unauthorized("The API key is not valid."))
}

impl FromRequest for TenantAuth {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let key = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                let (scheme, rest) = v.trim().split_once(' ')?;
                scheme
                    .eq_ignore_ascii_case("bearer")
                    .then(|| rest.trim().to_owned())
            });
        Box::pin(async move {
            let state =
                state.ok_or_else(|| AppError::internal(anyhow::anyhow!("state missing")))?;
            tenant_for_key(state, key).await.map(TenantAuth)
        })
    }
}
