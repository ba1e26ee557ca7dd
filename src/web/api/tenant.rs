//! `/v1/tenant`: the calling tenant's own settings, read and changed under the same rules as the
//! CLI, and its signing secret and API key rotated (the new value shown once; the old one keeps
//! working for 24 hours). A tenant can only ever reach its own row: the API key names it.

use actix_web::{get, patch, post};
use actix_web::{web, HttpResponse};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::{State, TenantAuth};
use crate::db::models::Tenant;
use crate::db::{self};
use crate::domain::tenants::{self, Invalid, TenantOptions, UrlPolicy};
use crate::web::errors::{AppError, FieldError};

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "242344ac-62ba-4375-b35e-60018a91e72f",
    "name": "Partner app",
    "api_key_prefix": "ibk_N-MSt1",
    "webhook_url": "https://partner.example/hooks/intervals",
    "webhook_events": ["connection.*", "activity.uploaded", "wellness.push_failed"],
    "redirect_urls": ["https://partner.example/connected"],
    "activity_url_template": "https://partner.example/rides/{external_id}",
    "previous_api_key_valid_until": null,
    "previous_webhook_secret_valid_until": "2026-03-02T09:00:00+00:00",
    "webhook_disabled_at": null,
    "created_at": "2026-01-15T10:12:00+00:00",
    "updated_at": "2026-03-01T09:00:00+00:00"
}))]
pub struct TenantView {
    pub id: String,
    pub name: String,
    /// The first characters of the current API key, to tell keys apart.
    pub api_key_prefix: String,
    pub webhook_url: Option<String>,
    /// Event types (`activity.uploaded`) and `prefix.*` patterns (`activity.*`) the webhooks
    /// carry; empty: every type of the areas the user granted. `webhook.test` always goes.
    pub webhook_events: Vec<String>,
    /// Where partners may be sent back after connecting.
    pub redirect_urls: Vec<String>,
    /// `{external_id}` in its path or query; Intervals.icu links activities back through it.
    pub activity_url_template: Option<String>,
    /// Until when the API key rotated out last still works (UTC), if it does.
    pub previous_api_key_valid_until: Option<String>,
    /// Until when deliveries also carry a signature with the previous signing secret (UTC).
    pub previous_webhook_secret_valid_until: Option<String>,
    /// Set when the endpoint answered 410 Gone: deliveries wait for a new `webhook_url`.
    pub webhook_disabled_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

fn utc(t: Option<chrono::NaiveDateTime>) -> Option<String> {
    t.map(|t| t.and_utc().to_rfc3339())
}

pub fn view(t: &Tenant) -> TenantView {
    let now = db::now();
    let live = |until: Option<chrono::NaiveDateTime>| until.filter(|u| *u > now);
    TenantView {
        id: t.id.to_string(),
        name: t.name.clone(),
        api_key_prefix: t.api_key_prefix.clone(),
        webhook_url: t.webhook_url.clone(),
        webhook_events: t.webhook_event_list(),
        redirect_urls: t.redirect_url_list(),
        activity_url_template: t.activity_url_template.clone(),
        previous_api_key_valid_until: utc(live(t.previous_api_key_until)),
        previous_webhook_secret_valid_until: utc(live(t.previous_webhook_secret_until)),
        webhook_disabled_at: utc(t.webhook_disabled_at),
        created_at: t.created_at.and_utc().to_rfc3339(),
        updated_at: t.updated_at.and_utc().to_rfc3339(),
    }
}

/// Get this tenant's settings
///
/// The settings of the tenant the API key belongs to (never another's): its webhook URL and
/// event filter, redirect URLs, activity URL template, the prefix of its current API key, and
/// until when a rotated-out API key or signing secret still works.
#[utoipa::path(
    tag = "tenant",
    operation_id = "get_tenant",
    responses((status = 200, body = TenantView, description = "The tenant's settings")),
    security(("bearer" = []))
)]
#[get("/tenant")]
pub async fn get(TenantAuth(tenant): TenantAuth) -> HttpResponse {
    HttpResponse::Ok().json(view(&tenant))
}

/// The settings a `PATCH` may change (documentation; absent fields stay as they are).
#[derive(ToSchema)]
#[schema(example = json!({
    "webhook_url": "https://partner.example/hooks/intervals",
    "webhook_events": ["connection.*", "activity.*"],
    "redirect_urls": ["https://partner.example/connected", "https://staging.partner.example/connected"],
    "activity_url_template": null
}))]
#[allow(dead_code)]
pub struct TenantChanges {
    /// 1 to 80 characters (after trimming), no control, format or bidirectional override
    /// characters, unique among tenants ignoring case.
    #[schema(min_length = 1, max_length = 80)]
    name: Option<String>,
    /// https (http and private addresses only when the deployment allows them); `null` or `""`
    /// removes it. A new URL re-enables a disabled endpoint.
    webhook_url: Option<String>,
    /// Replaces the filter (at most 50 entries): known event types or `prefix.*` patterns; `[]`
    /// or `null` delivers every type.
    webhook_events: Option<Vec<String>>,
    /// Replaces the list (at most 20 URLs).
    redirect_urls: Option<Vec<String>>,
    /// `null` or `""` removes it.
    activity_url_template: Option<String>,
}

const CHANGEABLE: [&str; 5] = [
    "name",
    "webhook_url",
    "webhook_events",
    "redirect_urls",
    "activity_url_template",
];

/// A refusal as a 422 naming every field at fault (each bad entry of a list).
fn field_error(e: Invalid) -> AppError {
    let errors: Vec<FieldError> = std::iter::once((e.field, e.message))
        .chain(e.more)
        .map(|(field, message)| FieldError { field, message })
        .collect();
    let detail = errors
        .iter()
        .map(|f| format!("{}: {}", f.field, f.message))
        .collect::<Vec<_>>()
        .join("; ");
    AppError::validation(detail, errors)
}

/// The body as `TenantOptions`: known fields of the right types, `null` clearing what may be
/// cleared (an empty string, as the CLI takes it).
fn changes(body: &Value) -> Result<TenantOptions, AppError> {
    let Value::Object(obj) = body else {
        return Err(AppError::field("", "the body must be a JSON object"));
    };
    if let Some(k) = obj.keys().find(|k| !CHANGEABLE.contains(&k.as_str())) {
        return Err(AppError::field(
            k,
            format!(
                "unknown or read-only field; changeable: {}",
                CHANGEABLE.join(", ")
            ),
        ));
    }
    let text = |key: &str, clearable: bool| -> Result<Option<String>, AppError> {
        match obj.get(key) {
            None => Ok(None),
            Some(Value::Null) if clearable => Ok(Some(String::new())),
            Some(Value::String(s)) if clearable || !s.is_empty() => Ok(Some(s.clone())),
            Some(_) if clearable => Err(AppError::field(key, "must be a string or null")),
            Some(_) => Err(AppError::field(key, "must be a non-empty string")),
        }
    };
    let strings = |key: &str, what: &str, clearable: bool| match obj.get(key) {
        None => Ok(None),
        Some(Value::Null) if clearable => Ok(Some(Vec::new())),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| AppError::field(&format!("{key}[{i}]"), "must be a string"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Some(_) => Err(AppError::field(key, format!("must be an array of {what}"))),
    };
    Ok(TenantOptions {
        name: text("name", false)?,
        webhook_url: text("webhook_url", true)?,
        webhook_events: strings("webhook_events", "event types", true)?,
        redirect_urls: strings("redirect_urls", "URLs", false)?,
        activity_url_template: text("activity_url_template", true)?,
    })
}

/// Change this tenant's settings
///
/// Changes any of `name`, `webhook_url`, `webhook_events` (the event filter: known types and
/// `prefix.*` patterns; `[]` or `null` for every type), `redirect_urls` (the list is replaced; at
/// most 20) and `activity_url_template` (`null` removes a URL or the template) under the same
/// rules as the CLI: `https` URLs, and no loopback or private webhook address unless the
/// deployment allows them. Absent fields stay as they are; a refusal changes nothing. A new
/// `webhook_url` re-enables an endpoint disabled after it answered 410 Gone.
#[utoipa::path(
    tag = "tenant",
    operation_id = "update_tenant",
    request_body = TenantChanges,
    responses(
        (status = 200, body = TenantView, description = "The settings as they are now"),
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`validation`: names the field at fault (a bad URL, an unknown or read-only field, a wrong type; every bad entry of `webhook_events`); nothing was changed."),
    ),
    security(("bearer" = []))
)]
#[patch("/tenant")]
pub async fn update(
    state: State,
    TenantAuth(tenant): TenantAuth,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let opts = changes(&body)?;
    let policy = UrlPolicy::of(&state.config);
    let id = tenant.id.clone();
    let updated = db::run(&state.pool, move |conn| {
        tenants::update(conn, &id, policy, opts).map_err(|e| match e.downcast::<Invalid>() {
            Ok(invalid) => field_error(invalid),
            Err(e) => AppError::internal(e),
        })?;
        Ok::<_, AppError>(Tenant::find(conn, &id)?)
    })
    .await?
    .ok_or_else(|| AppError::not_found("The tenant is gone."))?;
    Ok(HttpResponse::Ok().json(view(&updated)))
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "webhook_secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    "previous_valid_until": "2026-03-02T09:00:00+00:00"
}))]
pub struct RotatedSecret {
    /// The new `whsec_…` signing secret, shown only now.
    pub webhook_secret: String,
    /// Until then deliveries carry a second signature made with the previous secret (UTC).
    pub previous_valid_until: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "api_key": "ibk_Q2xhc3NpYyByb3RhdGVkIGtleSBleGFtcGxlMTIz",
    "previous_valid_until": "2026-03-02T09:00:00+00:00"
}))]
pub struct RotatedKey {
    /// The new API key, shown only now.
    pub api_key: String,
    /// Until then the previous key still works (UTC).
    pub previous_valid_until: String,
}

fn grace_end() -> String {
    (db::now() + chrono::Duration::hours(tenants::ROTATION_GRACE_HOURS))
        .and_utc()
        .to_rfc3339()
}

/// Rotate the webhook signing secret
///
/// Answers a new `whsec_…` signing secret, shown only this once. For 24 hours every delivery
/// carries two signatures in `webhook-signature`, one with the new secret and one with the
/// previous, so the endpoint can switch over at its own pace.
#[utoipa::path(
    tag = "tenant",
    operation_id = "rotate_webhook_secret",
    responses((status = 200, body = RotatedSecret, description = "The new secret, shown once")),
    security(("bearer" = []))
)]
#[post("/tenant/webhook-secret/rotate")]
pub async fn rotate_webhook_secret(
    state: State,
    TenantAuth(tenant): TenantAuth,
) -> Result<HttpResponse, AppError> {
    let id = tenant.id.clone();
    let app = state.clone();
    let secret = db::run(&state.pool, move |conn| {
        tenants::rotate_webhook_secret(conn, &app.keys, &id).map_err(AppError::internal)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(RotatedSecret {
            webhook_secret: secret,
            previous_valid_until: grace_end(),
        }))
}

/// Rotate the API key
///
/// Answers a new API key, shown only this once. The previous key keeps working for 24 hours; a key
/// rotated out earlier stops at once.
#[utoipa::path(
    tag = "tenant",
    operation_id = "rotate_api_key",
    responses((status = 200, body = RotatedKey, description = "The new API key, shown once")),
    security(("bearer" = []))
)]
#[post("/tenant/api-keys/rotate")]
pub async fn rotate_api_key(
    state: State,
    TenantAuth(tenant): TenantAuth,
) -> Result<HttpResponse, AppError> {
    let id = tenant.id.clone();
    let key = db::run(&state.pool, move |conn| {
        tenants::rotate_key(conn, &id).map_err(AppError::internal)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(RotatedKey {
            api_key: key,
            previous_valid_until: grace_end(),
        }))
}
