//! The passthrough: `/v1/users/{user_id}/icu/api/v1/{path}`, Intervals.icu's own API for one
//! user, every method. The rules (`domain::passthrough`) are checked before anything is sent:
//! the operation is in Intervals.icu's published document, the athlete is the user's, the scope
//! is this tenant's own, an activity is the athlete's, and a write changes only what this tenant
//! created. Reads go through the read cache; bodies are streamed (a non-JSON request body is
//! spooled to disk so a retry resends it); Intervals.icu's answers pass as it sent them, with
//! `external_id` mapped back for this tenant; the bridge's own refusals are problem+json.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use serde_json::Value;
use tokio::io::AsyncWriteExt;

use super::activities::{no_activity, own_activity};
use super::auth::PassthroughAuth;
use super::context::{find_user, upstream_failed, user_ctx, UserCtx};
use super::{validate_user_id, State};
use crate::db::models::Tenant;
use crate::domain::passthrough::{self, Owned, Plan, Refusal};
use crate::domain::uploads::{map_external_id, namespaced_for, upstream_external_id};
use crate::services::intervals::{Caller, Outgoing, UpstreamError};
use crate::services::read_cache::{Area, JSON};
use crate::web::cached;
use crate::web::errors::{AppError, ProblemKind};

/// A JSON request body is held in memory (to namespace its `external_id`s) up to this size.
const MAX_JSON_BODY: usize = 2 * 1024 * 1024;
/// A JSON answer larger than this is streamed as it came, without mapping `external_id`.
const MAX_MAPPED_ANSWER: usize = 8 * 1024 * 1024;

fn refused(r: Refusal) -> AppError {
    match r {
        Refusal::Malformed(m) => AppError::bad_request(m),
        Refusal::NotAvailable(m) => {
            AppError::new(StatusCode::NOT_FOUND, ProblemKind::NotAvailable, m)
        }
        Refusal::OtherAthlete(m) => AppError::not_found(m),
    }
}

/// The part of the request path after `/icu`, as received.
fn tail<'a>(req: &'a HttpRequest, user_id: &str) -> &'a str {
    let path = req.uri().path();
    let prefix = format!("/v1/users/{user_id}/icu");
    path.strip_prefix(prefix.as_str()).unwrap_or_default()
}

/// Every method on `/v1/users/{user_id}/icu/{path}`.
pub async fn forward(
    req: HttpRequest,
    state: State,
    PassthroughAuth(tenant): PassthroughAuth,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let (user_id, _) = path.into_inner();
    validate_user_id(&user_id).map_err(|_| super::context::no_user(&user_id))?;
    let (connection, _) = find_user(&state, &tenant.id, &user_id).await?;
    let plan = passthrough::plan(
        req.method().as_str(),
        tail(&req, &user_id),
        &connection.athlete_id,
    )
    .map_err(refused)?;
    let ctx = user_ctx(&state, &tenant.id, &user_id, &plan.scope).await?;
    let caller = cached::caller(&req, &tenant.id);
    if let Some(activity) = &plan.activity {
        own_activity(&state, &ctx, activity, false, &caller).await?;
    }
    let mut query = req.query_string().to_owned();
    match &plan.owned {
        Owned::Nothing | Owned::InBody => {}
        Owned::Activity(a) => {
            let (summary, _) = own_activity(&state, &ctx, a, false, &caller).await?;
            created_here(&summary, &tenant).ok_or_else(|| no_activity(a))?;
        }
        Owned::Event(e) => own_event(&state, &ctx, e, &tenant, &caller).await?,
        Owned::NewActivity => {
            query = passthrough::rewrite_query(
                &query,
                |e| upstream_external_id(&tenant.id, e),
                || format!("passthrough-{}", uuid::Uuid::new_v4()),
            )
            .map_err(refused)?;
        }
    }
    if plan.operation.operation_id == "createMultipleEvents"
        && url::form_urlencoded::parse(query.as_bytes())
            .any(|(k, v)| k == "upsertOnUid" && v.eq_ignore_ascii_case("true"))
    {
        return Err(AppError::field(
            "upsertOnUid",
            "must be false through the bridge: an upsert by uid could change events this tenant did not create",
        ));
    }
    let target = if query.is_empty() {
        plan.path.clone()
    } else {
        format!("{}?{query}", plan.path)
    };
    let mapped = matches!(plan.operation.tag, "Activities" | "Events");
    if plan.is_read() && !plan.download {
        return read(&req, &state, &ctx, &plan, &target, &tenant, mapped, &caller).await;
    }
    let body = outgoing(&state, &req, &plan, payload, &tenant).await?;
    let method = reqwest::Method::from_bytes(plan.operation.method.as_bytes())
        .map_err(|e| AppError::internal(anyhow::anyhow!(e)))?;
    let resp = match state
        .intervals
        .pass(&ctx.access_token, method, &target, body.outgoing)
        .await
    {
        Ok(r) => r,
        Err(e) => return Err(upstream_failed(&state, &ctx, e).await),
    };
    drop(body.spool);
    relay(resp, &tenant, mapped).await
}

/// The upstream `external_id` of an activity or event when this tenant created it.
fn created_here(obj: &Value, tenant: &Tenant) -> Option<String> {
    obj.get("external_id")
        .and_then(Value::as_str)
        .and_then(|e| namespaced_for(&tenant.id, e))
}

/// The event must exist for the user's athlete and be one this tenant created.
async fn own_event(
    state: &State,
    ctx: &UserCtx,
    event: &str,
    tenant: &Tenant,
    caller: &Caller<'_>,
) -> Result<(), AppError> {
    let missing = || AppError::not_found(format!("No event '{event}' created by this tenant."));
    if event.is_empty() || !event.bytes().all(|b| b.is_ascii_digit()) || event.len() > 19 {
        return Err(missing());
    }
    let shown = format!(
        "/api/v1/athlete/{}/events/{event}",
        crate::services::intervals::enc(ctx.athlete_id())
    );
    match state
        .intervals
        .pass_read(&ctx.access_token, Area::Calendar, &shown, caller)
        .await
    {
        Ok(answer) => {
            let v: Value = answer.json()?;
            created_here(&v, tenant).map(|_| ()).ok_or_else(missing)
        }
        Err(UpstreamError::Answered { status: 404, .. }) => Err(missing()),
        Err(e) => Err(upstream_failed(state, ctx, e).await),
    }
}

/// A read through the read cache, with the cache's headers and `external_id` mapped back.
#[allow(clippy::too_many_arguments)]
async fn read(
    req: &HttpRequest,
    state: &State,
    ctx: &UserCtx,
    plan: &Plan,
    target: &str,
    tenant: &Tenant,
    mapped: bool,
    caller: &Caller<'_>,
) -> Result<HttpResponse, AppError> {
    let answer = match state
        .intervals
        .pass_read(&ctx.access_token, plan.area, target, caller)
        .await
    {
        Ok(a) => a,
        Err(UpstreamError::Answered {
            status,
            content_type,
            body,
        }) => {
            return Ok(HttpResponse::build(
                StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY),
            )
            .insert_header((header::CONTENT_TYPE, content_type))
            .body(body))
        }
        Err(e) => return Err(upstream_failed(state, ctx, e).await),
    };
    let map = mapped && is_json(&answer.content_type);
    cached::viewed(
        req,
        state.intervals.cache(),
        &answer,
        &format!("{} passthrough {map}", tenant.id),
        &answer.content_type,
        |body| {
            Ok::<_, AppError>(if map {
                map_answer(body, tenant).unwrap_or_else(|| body.to_vec())
            } else {
                body.to_vec()
            })
        },
    )
}

fn is_json(content_type: &str) -> bool {
    let ct = content_type.to_ascii_lowercase();
    ct.starts_with(JSON) || ct.contains("+json")
}

/// `external_id` of the answer's object, or of each object of its array, as this tenant knows it
/// (its own id, or null for another's); `None` when the body is not JSON.
fn map_answer(body: &[u8], tenant: &Tenant) -> Option<Vec<u8>> {
    let mut v: Value = serde_json::from_slice(body).ok()?;
    match &mut v {
        Value::Object(o) => map_external_id(o, &tenant.id),
        Value::Array(items) => {
            for item in items {
                if let Value::Object(o) = item {
                    map_external_id(o, &tenant.id);
                }
            }
        }
        _ => return None,
    }
    serde_json::to_vec(&v).ok()
}

/// Intervals.icu's answer to a write or a download, passed on: status, content type and file
/// name as sent, the body streamed (a JSON answer of this tenant's activities or events is read
/// to map `external_id`).
async fn relay(
    resp: reqwest::Response,
    tenant: &Tenant,
    mapped: bool,
) -> Result<HttpResponse, AppError> {
    let status = StatusCode::from_u16(resp.status().as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
    let mut out = HttpResponse::build(status);
    for name in [
        header::CONTENT_TYPE,
        header::CONTENT_DISPOSITION,
        header::CONTENT_ENCODING,
    ] {
        if let Some(v) = resp.headers().get(name.as_str()) {
            if let Ok(v) = header::HeaderValue::from_bytes(v.as_bytes()) {
                out.insert_header((name, v));
            }
        }
    }
    let content_type = resp
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let small = resp
        .content_length()
        .is_some_and(|n| n as usize <= MAX_MAPPED_ANSWER);
    if mapped && is_json(&content_type) && (small || resp.content_length().is_none()) {
        let body = resp.bytes().await.map_err(|e| {
            AppError::from(UpstreamError::Unavailable(format!(
                "unreadable answer: {}",
                e.without_url()
            )))
        })?;
        let mapped = map_answer(&body, tenant).unwrap_or_else(|| body.to_vec());
        return Ok(out.body(mapped));
    }
    Ok(out.streaming(resp.bytes_stream()))
}

/// The request body to send, and the spool file that holds it until the call is done.
struct Body {
    outgoing: Outgoing,
    spool: Option<tempfile::TempPath>,
}

/// The request's body: JSON read into memory (its `external_id`s namespaced when the plan says
/// so), anything else spooled to disk under the upload size cap.
async fn outgoing(
    state: &State,
    req: &HttpRequest,
    plan: &Plan,
    mut payload: web::Payload,
    tenant: &Tenant,
) -> Result<Body, AppError> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    if plan.owned == Owned::InBody || is_json(&content_type) {
        let mut bytes = web::BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk =
                chunk.map_err(|e| AppError::bad_request(format!("Unreadable body: {e}")))?;
            if bytes.len() + chunk.len() > MAX_JSON_BODY {
                return Err(AppError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    ProblemKind::PayloadTooLarge,
                    format!(
                        "A JSON body through the passthrough is at most {} MB.",
                        MAX_JSON_BODY / (1024 * 1024)
                    ),
                ));
            }
            bytes.extend_from_slice(&chunk);
        }
        let bytes = if plan.owned == Owned::InBody {
            let mut v: Value = serde_json::from_slice(&bytes)
                .map_err(|e| AppError::field("body", format!("must be JSON: {e}")))?;
            namespace_body(plan.operation.operation_id, &mut v, tenant)?;
            serde_json::to_vec(&v).map_err(|e| AppError::internal(anyhow::anyhow!(e)))?
        } else {
            bytes.to_vec()
        };
        return Ok(Body {
            outgoing: Outgoing::Bytes {
                content_type: if content_type.is_empty() {
                    JSON.to_owned()
                } else {
                    content_type
                },
                bytes: bytes.into(),
            },
            spool: None,
        });
    }
    let cap = state.config.max_upload_bytes;
    let (std_file, path) = tempfile::NamedTempFile::new()
        .map_err(|e| AppError::internal(anyhow::anyhow!("creating a spool file: {e}")))?
        .into_parts();
    let mut file = tokio::fs::File::from_std(std_file);
    let mut size: u64 = 0;
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| AppError::bad_request(format!("Unreadable body: {e}")))?;
        size += chunk.len() as u64;
        if size > cap {
            return Err(AppError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                ProblemKind::PayloadTooLarge,
                format!(
                    "The body is larger than the {} MB limit.",
                    cap / (1024 * 1024)
                ),
            ));
        }
        file.write_all(&chunk)
            .await
            .map_err(|e| AppError::internal(anyhow::anyhow!("spooling the body: {e}")))?;
    }
    file.flush()
        .await
        .map_err(|e| AppError::internal(anyhow::anyhow!("spooling the body: {e}")))?;
    if size == 0 {
        return Ok(Body {
            outgoing: Outgoing::Empty,
            spool: None,
        });
    }
    Ok(Body {
        outgoing: Outgoing::File {
            content_type,
            path: path.to_path_buf(),
        },
        spool: Some(path),
    })
}

/// Namespaces the `external_id` of each object of the body for this tenant (one is made up
/// when missing, so what the tenant creates is always its own); a bulk delete names events only
/// by `external_id`.
fn namespace_body(operation: &str, body: &mut Value, tenant: &Tenant) -> Result<(), AppError> {
    let delete = operation == "deleteEventsBulk";
    let items: Vec<&mut Value> = match body {
        Value::Array(items) => items.iter_mut().collect(),
        v @ Value::Object(_) if !delete => vec![v],
        _ => {
            return Err(AppError::field(
                "body",
                if delete {
                    "must be an array of {\"external_id\": …}"
                } else {
                    "must be a JSON object or an array of objects"
                },
            ))
        }
    };
    for (i, item) in items.into_iter().enumerate() {
        let Value::Object(o) = item else {
            return Err(AppError::field(
                &format!("body[{i}]"),
                "must be a JSON object",
            ));
        };
        let given = o
            .get("external_id")
            .and_then(Value::as_str)
            .map(str::to_owned);
        if delete && (o.contains_key("id") || given.is_none()) {
            return Err(AppError::field(
                &format!("body[{i}]"),
                "names an event by external_id only through the bridge",
            ));
        }
        let own = given.unwrap_or_else(|| format!("passthrough-{}", uuid::Uuid::new_v4()));
        o.insert(
            "external_id".into(),
            Value::String(upstream_external_id(&tenant.id, &own)),
        );
    }
    Ok(())
}

/// Call any Intervals.icu operation for the user
///
/// Intervals.icu's own API (`/api/v1/...`, every method its OpenAPI document lists) for this
/// user, so an Intervals.icu client library pointed at `/v1/users/{user_id}/icu` works
/// unchanged; the tenant key goes as `Authorization: Bearer` or as HTTP Basic with user
/// `API_KEY`. Checked before anything is sent: the operation is in Intervals.icu's published
/// document (else `not-available`; so are the OAuth endpoints and calendar-wide writes); the
/// path is clean (no `..`, encoded slashes or empty segments); the athlete is `0` or the user's;
/// an `activity/{id}` is the user's athlete's; GET needs the area's READ scope and other methods
/// its WRITE, from this tenant's own connection (Activities → ACTIVITY, Events → CALENDAR,
/// Wellness → WELLNESS, Sports/Athletes/Gear/Custom Items/Routes/Weather → SETTINGS, Library →
/// LIBRARY, Chats → CHATS); a write changes only an activity or event this tenant created, and
/// what it creates carries its `external_id` (namespaced upstream, mapped back in answers).
/// Reads go through the read cache (`Cache-Status`, `Age`, `ETag`), files and CSV are streamed,
/// and Intervals.icu's answers pass as it sent them. Documented here as GET; PUT, POST and DELETE
/// follow the same rules.
#[utoipa::path(
    get,
    operation_id = "passthrough",
    tag = "passthrough",
    path = "/v1/users/{user_id}/icu/api/v1/{path}",
    params(
        ("user_id" = String, Path, description = "The partner's id for its user"),
        ("path" = String, Path, pattern = "^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$", description = "The rest of Intervals.icu's path, e.g. `athlete/0/wellness` (its segments as Intervals.icu's document names them; the query string is passed on)"),
    ),
    responses(
        (status = 200, body = Object, description = "Intervals.icu's answer, as it sent it (status, content type and body; JSON, files or CSV)", example = json!({"id": "i317960", "name": "Alex Rider"})),
        (status = 400, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`bad-request`: the path has `..`, an encoded slash or backslash, an empty segment, `;` or a control character."),
        (status = 401, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`unauthorized`: no or an unknown API key."),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: this tenant's connection lacks the area's scope."),
        (status = 404, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`not-available`: not an operation the bridge forwards. `not-found`: no such user, another athlete, or an activity or event that is not the user's or not this tenant's to change."),
        crate::web::errors::UpstreamProblems,
    ),
    security(("bearer" = []))
)]
#[allow(dead_code)]
pub fn documented() {}
