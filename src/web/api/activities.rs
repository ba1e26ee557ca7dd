//! Activities: uploads (streamed to a spool file, checked from their bytes, idempotent per
//! `external_id`), listing, and the original and generated FIT files streamed back.

use actix_multipart::Multipart;
use actix_web::http::{header, StatusCode};
use actix_web::{delete, get, post};
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::TryStreamExt;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use utoipa::{IntoParams, ToSchema};

use super::context::{upstream_failed, user_ctx, UserCtx};
use super::{validate_user_id, State, TenantAuth};
use crate::db::models::{Tenant, Upload, UploadClaim};
use crate::db::{self};
use crate::domain::uploads::filetype::{self, Detected};
use crate::domain::uploads::{self, map_external_id, upstream_external_id};
use crate::services::intervals::Caller;
use crate::services::intervals::UploadMeta;
use crate::services::read_cache;
use crate::services::state::SpoolHold;
use crate::web::cached::{self, Served};
use crate::web::errors::{AppError, FieldError};
use crate::web::files::stream_file;
use crate::web::window::{check_span, local_date, End};

/// The text fields an upload may carry, each at most once. Any other name, or a repeat, is refused
/// on its header before its body is read, so a form has at most six parts and a form of
/// thousands of fields costs two of them.
const TEXT_FIELDS: [&str; 5] = [
    "name",
    "description",
    "external_id",
    "device_name",
    "paired_event_id",
];
const MAX_TEXT_FIELD: usize = 8 * 1024;
/// All text fields together, held in memory while the file part is spooled.
const MAX_TEXT_TOTAL: usize = 16 * 1024;
/// What a 503 `busy` asks the partner to wait: uploads in flight finish in seconds.
const SPOOL_RETRY_AFTER_SECS: u64 = 5;

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "activity_id": "i70000008",
    "activity_ids": ["i70000008"],
    "duplicate": false,
    "external_id": "ride-2026-03-01",
    "replayed": false
}))]
pub struct UploadResponse {
    /// The Intervals.icu id of the (first) activity.
    pub activity_id: String,
    /// Every activity the file became: multisport files become several.
    pub activity_ids: Vec<String>,
    /// Intervals.icu already had this file (it dedupes by file hash).
    pub duplicate: bool,
    pub external_id: Option<String>,
    /// This answer was stored from an earlier request with the same `external_id`.
    pub replayed: bool,
}

/// Multipart form for uploads (documentation only; the handler streams the parts).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    /// FIT, TCX or GPX, or a .gz or .zip of one (at most `BRIDGE_MAX_UPLOAD_MB`).
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// The activity's name (at most 200 characters); Intervals.icu names it otherwise.
    name: Option<String>,
    description: Option<String>,
    /// Your id for the activity (URL-safe, up to 128 characters): the same one never uploads twice.
    external_id: Option<String>,
    /// At most 100 characters.
    device_name: Option<String>,
    /// The Intervals.icu event id of the planned workout this activity completes.
    paired_event_id: Option<i64>,
}

struct Received {
    spool: tempfile::TempPath,
    /// The spool file's bytes in this instance's budget, given back when the request ends.
    _hold: SpoolHold,
    sha256: String,
    detected: Detected,
    meta: UploadMeta,
    external_id: Option<String>,
}

fn multipart_error(e: actix_multipart::MultipartError) -> AppError {
    use actix_multipart::MultipartError as M;
    match e {
        M::ContentTypeMissing | M::ContentTypeParse | M::ContentTypeIncompatible => {
            not_multipart(None)
        }
        e => AppError::bad_request(format!("Invalid multipart body: {e}")),
    }
}

/// The 415 of an upload whose body is not `multipart/form-data`.
fn not_multipart(sent: Option<&str>) -> AppError {
    let sent = match sent {
        Some(t) => format!("this request's body is `{t}`"),
        None => "this request's body has no media type".to_owned(),
    };
    AppError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        crate::web::errors::ProblemKind::UnsupportedMediaType,
        format!(
            "Send the upload as `multipart/form-data` (a `file` part, and optional text fields); {sent}."
        ),
    )
}

/// An upload's media type, checked before anything is read.
fn multipart_only(req: &HttpRequest) -> Result<(), AppError> {
    let sent = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or_default().trim().to_owned())
        .filter(|v| !v.is_empty());
    match sent.as_deref() {
        Some(t) if t.eq_ignore_ascii_case("multipart/form-data") => Ok(()),
        other => Err(not_multipart(other)),
    }
}

fn too_large(detail: String) -> AppError {
    AppError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        crate::web::errors::ProblemKind::PayloadTooLarge,
        detail,
    )
}

/// Reads the form, streaming `file` to disk under the size cap and this instance's spool
/// budget; validates every field.
async fn receive(state: &State, mut payload: Multipart) -> Result<Received, AppError> {
    let mut spool: Option<Spooled> = None;
    let mut hold = SpoolHold::default();
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut text_bytes = 0;
    let mut errors: Vec<FieldError> = Vec::new();
    while let Some(mut field) = payload.try_next().await.map_err(multipart_error)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            if spool.is_some() {
                return Err(AppError::field("file", "send exactly one file part"));
            }
            spool = Some(spool_file(state, &mut field, &mut hold).await?);
        } else if !TEXT_FIELDS.contains(&name.as_str()) {
            return Err(AppError::field(
                &name,
                "is not a known field (file, name, description, external_id, device_name, paired_event_id)",
            ));
        } else if texts.iter().any(|(seen, _)| *seen == name) {
            return Err(AppError::field(&name, "send this field once"));
        } else {
            let value = read_text(&mut field, &name, text_bytes).await?;
            text_bytes += value.len();
            match String::from_utf8(value) {
                Ok(v) => texts.push((name, v)),
                Err(_) => errors.push(FieldError {
                    field: name,
                    message: "must be UTF-8 text".into(),
                }),
            }
        }
    }
    let (meta, external_id) = check_texts(texts, &mut errors);
    let Some(Spooled { path, sha256, size }) = spool else {
        errors.push(FieldError {
            field: "file".into(),
            message: format!("is required: {}", filetype::SUPPORTED),
        });
        return Err(AppError::validation("The upload is incomplete.", errors));
    };
    if !errors.is_empty() {
        return Err(AppError::validation("Some fields are invalid.", errors));
    }
    if size == 0 {
        return Err(AppError::field("file", "is empty"));
    }
    Ok(Received {
        detected: detect(&path).await?,
        spool: path,
        _hold: hold,
        sha256,
        meta,
        external_id,
    })
}

/// The `file` part on disk.
struct Spooled {
    path: tempfile::TempPath,
    sha256: String,
    size: u64,
}

/// Streams the `file` part to a spool file, hashing it on the way, within the upload size cap
/// and this instance's spool budget (taken into `hold`).
async fn spool_file(
    state: &State,
    field: &mut actix_multipart::Field,
    hold: &mut SpoolHold,
) -> Result<Spooled, AppError> {
    let cap = state.config.max_upload_bytes;
    let (std_file, path) = tempfile::NamedTempFile::new()
        .map_err(|e| AppError::internal(anyhow::anyhow!("creating a spool file: {e}")))?
        .into_parts();
    let mut file = tokio::fs::File::from_std(std_file);
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    while let Some(chunk) = field.try_next().await.map_err(multipart_error)? {
        size += chunk.len() as u64;
        if size > cap {
            return Err(too_large(format!(
                "The file is larger than the {} MB limit.",
                cap / (1024 * 1024)
            )));
        }
        if !state.spool.take(hold, chunk.len()) {
            let mut e = AppError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                crate::web::errors::ProblemKind::Busy,
                "This instance is receiving as many uploads as it may at once; try again shortly.",
            );
            e.retry_after = Some(SPOOL_RETRY_AFTER_SECS);
            return Err(e);
        }
        hasher.update(&chunk);
        file.write_all(&chunk)
            .await
            .map_err(|e| AppError::internal(anyhow::anyhow!("spooling the upload: {e}")))?;
    }
    file.flush()
        .await
        .map_err(|e| AppError::internal(anyhow::anyhow!("spooling: {e}")))?;
    Ok(Spooled {
        path,
        sha256: hex::encode(hasher.finalize()),
        size,
    })
}

/// Reads a text part within its own cap and, with the `before` bytes of the earlier ones, the
/// form's.
async fn read_text(
    field: &mut actix_multipart::Field,
    name: &str,
    before: usize,
) -> Result<Vec<u8>, AppError> {
    let mut value = Vec::new();
    while let Some(chunk) = field.try_next().await.map_err(multipart_error)? {
        value.extend_from_slice(&chunk);
        if value.len() > MAX_TEXT_FIELD {
            return Err(AppError::field(name, "is too long"));
        }
        if before + value.len() > MAX_TEXT_TOTAL {
            return Err(too_large(format!(
                "The text fields are larger than {} KiB in all.",
                MAX_TEXT_TOTAL / 1024
            )));
        }
    }
    Ok(value)
}

/// The text fields as the upload's metadata and external id; what is wrong goes to `errors`.
fn check_texts(
    texts: Vec<(String, String)>,
    errors: &mut Vec<FieldError>,
) -> (UploadMeta, Option<String>) {
    let mut meta = UploadMeta::default();
    let mut external_id = None;
    for (name, value) in texts {
        let value = value.trim().to_owned();
        let bad = |m: &str| FieldError {
            field: name.clone(),
            message: m.to_owned(),
        };
        match name.as_str() {
            "name" if value.chars().count() > 200 => {
                errors.push(bad("must be at most 200 characters"))
            }
            "name" => meta.name = Some(value).filter(|v| !v.is_empty()),
            "description" => meta.description = Some(value).filter(|v| !v.is_empty()),
            "device_name" if value.chars().count() > 100 => {
                errors.push(bad("must be at most 100 characters"))
            }
            "device_name" => meta.device_name = Some(value).filter(|v| !v.is_empty()),
            "external_id" if crate::support::validation::is_url_safe_id(&value) => {
                external_id = Some(value)
            }
            "external_id" => errors.push(bad(crate::support::validation::URL_SAFE_ID_RULE)),
            "paired_event_id" => match value.parse::<i64>() {
                Ok(id) if id > 0 => meta.paired_event_id = Some(id),
                _ => errors.push(bad(
                    "must be a positive integer (an Intervals.icu event id)",
                )),
            },
            // Refused as the part arrived.
            _ => {}
        }
    }
    (meta, external_id)
}

/// What the spooled file is, from its bytes (off the async runtime).
async fn detect(spool: &tempfile::TempPath) -> Result<Detected, AppError> {
    let path = spool.to_path_buf();
    web::block(move || filetype::detect(&path))
        .await?
        .map_err(|why| {
            let mut e = AppError::field("file", why);
            e.kind = crate::web::errors::ProblemKind::UnsupportedFile;
            e
        })
}

/// Upload a completed activity
///
/// Sends a FIT, TCX or GPX file (or a .gz or .zip of one) to the user's Intervals.icu account as
/// `multipart/form-data`, streamed through the bridge (at most `BRIDGE_MAX_UPLOAD_MB`). Intervals.icu
/// dedupes by file content: a file it already has answers 200 with `duplicate: true` and the
/// existing id. With an `external_id` (the partner's own id for the activity) the same
/// `external_id` never uploads twice to one athlete: a repeat, from this user or another of the
/// tenant's users connected to the same athlete, answers the first answer's status (201, or 200
/// for a duplicate) with the stored result and `replayed: true` (whatever the file), and one sent
/// while the first is in flight is a 409 `conflict`.
/// Needs `ACTIVITY:WRITE`. The tenant later gets `activity.uploaded` and `activity.analyzed`.
///
/// Each text field may come once and no other field is read; a form with an unknown or repeated
/// field is refused as soon as that part arrives.
#[utoipa::path(
    operation_id = "upload_activity",
    tag = "activities",
    params(("user_id" = String, Path, description = "The partner's id for its user")),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = UploadResponse, description = "Uploaded: at least one new activity. A repeat of an `external_id` (by any of the tenant's users on this athlete) whose first upload answered 201 answers 201 again, with the stored result and `replayed: true`"),
        (status = 200, body = UploadResponse, description = "Intervals.icu already had this file (`duplicate: true`); a repeat of an `external_id` whose first upload answered so answers 200 again, with `replayed: true`", example = json!({
            "activity_id": "i70000008", "activity_ids": ["i70000008"], "duplicate": true,
            "external_id": "ride-2026-03-01", "replayed": false
        })),
        (status = 400, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`bad-request`: the body is not a readable `multipart/form-data` form."),
        (status = 415, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`unsupported-media-type`: the body is not sent as `multipart/form-data` (JSON is not read here); `detail` names the media type sent."),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: the user has not granted ACTIVITY:WRITE. `upstream-forbidden`: Intervals.icu denied access."),
        crate::web::errors::NoUserProblem,
        (status = 409, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`connection-revoked`, `connection-invalid`: the user must connect again. `conflict`: an upload with the same `external_id` to this user's athlete (from any of the tenant's users) is in progress; retry shortly."),
        (status = 413, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`payload-too-large`: the file is over `BRIDGE_MAX_UPLOAD_MB`, or the text fields over 16 KiB in all."),
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`validation`: a field is invalid, unknown or repeated, or `file` is missing or empty. `unsupported-file`: the file is not FIT, TCX or GPX (or a .gz or .zip of one). `upstream-rejected`: Intervals.icu refused the file (its message is in `detail`)."),
        (status = 429, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`athlete-budget-spent`: the athlete's Intervals.icu calls for today are spent; `Retry-After` is the next midnight UTC."),
        (status = 502, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`upstream-unavailable`, `upstream-error`: Intervals.icu could not be reached, failed, or answered something unexpected."),
        (status = 503, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`busy`: this instance is receiving as many upload bytes as it may (`BRIDGE_MAX_SPOOL_MB`); see `Retry-After`. `upstream-rate-limited`: Intervals.icu is rate limiting; see `Retry-After`."),
    ),
    security(("bearer" = []))
)]
#[post("/users/{user_id}/activities")]
pub async fn upload(
    req: HttpRequest,
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    multipart_only(&req)?;
    let user_id = path.into_inner();
    let ctx = user_ctx(&state, &tenant.id, &user_id, "ACTIVITY:WRITE").await?;
    let received = receive(&state, payload).await?;
    if let Some(ext) = &received.external_id {
        let (t, a, u, e, sha, me) = (
            tenant.id.clone(),
            ctx.connection.athlete_id.clone(),
            ctx.connection.user_id.clone(),
            ext.clone(),
            received.sha256.clone(),
            state.instance_id.clone(),
        );
        let claim = db::run(&state.pool, move |conn| {
            Ok::<_, AppError>(uploads::claim(conn, &t, &a, &u, &e, &sha, &me)?)
        })
        .await?;
        match claim {
            UploadClaim::Proceed => {}
            UploadClaim::Done(done) => {
                let resp = UploadResponse {
                    activity_ids: done.activity_id_list(),
                    activity_id: done.activity_id.unwrap_or_default(),
                    duplicate: done.duplicate,
                    external_id: Some(ext.clone()),
                    replayed: true,
                };
                let status = if resp.duplicate {
                    StatusCode::OK
                } else {
                    StatusCode::CREATED
                };
                return Ok(HttpResponse::build(status).json(resp));
            }
            UploadClaim::InProgress => {
                return Err(AppError::conflict(format!(
                "An upload with external_id '{ext}' to this user's athlete is in progress; retry shortly."
            )))
            }
        }
    }
    let outcome = send_upload(&state, &tenant, &ctx, &received).await;
    let ext = received.external_id.clone();
    let (t, a) = (tenant.id.clone(), ctx.connection.athlete_id.clone());
    match outcome {
        Ok(resp) => {
            if let Some(ext) = ext {
                let (aid, ids, dup) = (
                    resp.activity_id.clone(),
                    resp.activity_ids.clone(),
                    resp.duplicate,
                );
                db::run(&state.pool, move |conn| {
                    Ok::<_, AppError>(Upload::finish(conn, &t, &a, &ext, &aid, &ids, dup)?)
                })
                .await?;
            }
            let status = if resp.duplicate {
                StatusCode::OK
            } else {
                StatusCode::CREATED
            };
            Ok(HttpResponse::build(status).json(resp))
        }
        Err(err) => {
            // Release the claim so the partner can retry this external_id.
            if let Some(ext) = ext {
                let released = db::run(&state.pool, move |conn| {
                    Ok::<_, AppError>(Upload::release(conn, &t, &a, &ext)?)
                })
                .await;
                if let Err(e) = released {
                    log::error!("releasing an upload claim failed: {e}");
                }
            }
            Err(err)
        }
    }
}

async fn send_upload(
    state: &State,
    tenant: &Tenant,
    ctx: &UserCtx,
    r: &Received,
) -> Result<UploadResponse, AppError> {
    let mut meta = r.meta.clone();
    meta.external_id = r
        .external_id
        .as_deref()
        .map(|e| upstream_external_id(&tenant.id, e));
    let result = state
        .intervals
        .upload_activity(
            &ctx.access_token,
            ctx.athlete_id(),
            &r.spool,
            &r.detected.filename(),
            &meta,
        )
        .await;
    match result {
        Ok(res) => Ok(UploadResponse {
            activity_id: res.id.clone(),
            activity_ids: res.activities.iter().map(|a| a.id.clone()).collect(),
            duplicate: !res.created,
            external_id: r.external_id.clone(),
            replayed: false,
        }),
        Err(e) => Err(upstream_failed(state, ctx, e).await),
    }
}

/// Activities a list answers when the partner does not say (Intervals.icu has no default).
const DEFAULT_LIMIT: u32 = 100;
const MAX_LIMIT: u32 = 1000;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// Local date `YYYY-MM-DD` or date-time `YYYY-MM-DDTHH:MM:SS`; default 30 days ago. At most
    /// 366 days before `newest`.
    pub oldest: Option<String>,
    /// Same format; default now.
    pub newest: Option<String>,
    /// 1 to 1000, default 100. Newest come first: when the answer says `has_more`, ask again
    /// with `newest` set to its `next_newest`.
    pub limit: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [
    {
        "id": "i70000008", "icu_athlete_id": "i317960", "start_date_local": "2026-03-01T07:30:00",
        "start_date": "2026-03-01T06:30:00Z", "type": "Ride", "name": "Morning ride",
        "source": "UPLOAD", "file_type": "fit", "external_id": "ride-2026-03-01",
        "distance": 30000.0, "moving_time": 3600, "elapsed_time": 3600, "average_speed": 8.333,
        "icu_training_load": 56, "icu_intensity": 75.0, "icu_ftp": 250, "trainer": false,
        "commute": false, "device_name": "Garmin Edge 540", "paired_event_id": null, "stub": false
    },
    {
        "id": "i70000002", "icu_athlete_id": "i317960", "start_date_local": "2026-02-21T17:20:00",
        "source": "STRAVA", "_note": "STRAVA activities are not available via the API", "stub": true
    }
], "has_more": true, "next_newest": "2026-02-20T18:05:00"}))]
pub struct ActivityList {
    /// Intervals.icu's activity summaries, newest first, at most `limit`. Activities that came
    /// from Strava are stubs Intervals.icu cannot share: they carry `"stub": true`.
    #[schema(value_type = Vec<Object>)]
    pub data: Vec<Value>,
    /// True when the window holds more activities than this page: ask again with `newest` set
    /// to `next_newest`.
    pub has_more: bool,
    /// With `has_more`, the `start_date_local` of the newest activity not on this page: pass
    /// it as `newest` (same `oldest`, same `limit`) for the next page. Null on the last page.
    pub next_newest: Option<String>,
}

/// List a user's activities
///
/// Intervals.icu's activity summaries in a date window (at most 366 days; default the last 30),
/// newest first, at most `limit`. `has_more` says whether the window holds more: then ask again
/// with `newest` set to `next_newest` (the first activity not on this page). Activities that came from Strava are stubs
/// Intervals.icu cannot share (`"stub": true`); an activity this tenant uploaded carries its
/// `external_id`. Needs `ACTIVITY:READ`.
#[utoipa::path(
    operation_id = "list_activities",
    tag = "activities",
    params(("user_id" = String, Path, description = "The partner's id for its user"), ListQuery),
    responses(
        (status = 200, body = ActivityList, description = "The activities, newest first"),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: the user has not granted ACTIVITY:READ. `upstream-forbidden`: Intervals.icu denied access."),
        crate::web::errors::NoUserProblem,
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`validation`: a bad date, a window over 366 days, or `limit` out of range; nothing was asked of Intervals.icu. `upstream-rejected`: Intervals.icu refused the request (its message is in `detail`)."),
        crate::web::errors::UpstreamProblems,
    ),
    security(("bearer" = []))
)]
#[get("/users/{user_id}/activities")]
pub async fn list(
    req: HttpRequest,
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
    query: crate::web::extract::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let user_id = path.into_inner();
    let q = query.into_inner();
    let today = chrono::Utc::now().date_naive();
    let oldest = match &q.oldest {
        Some(o) => End::given(local_date("oldest", o)?),
        None => End::default(today - chrono::Duration::days(30)),
    };
    let newest = match &q.newest {
        Some(n) => End::given(local_date("newest", n)?),
        None => End::default(today),
    };
    check_span(oldest, newest)?;
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(AppError::field(
            "limit",
            format!("must be between 1 and {MAX_LIMIT}"),
        ));
    }
    let oldest = q
        .oldest
        .unwrap_or_else(|| oldest.at.date().format("%Y-%m-%d").to_string());
    let ctx = user_ctx(&state, &tenant.id, &user_id, "ACTIVITY:READ").await?;
    let raw = match state
        .intervals
        .list_activities(
            &ctx.access_token,
            ctx.athlete_id(),
            &oldest,
            q.newest.as_deref(),
            // One more than the page, to know whether more exist.
            limit + 1,
            &cached::caller(&req, &tenant.id),
        )
        .await
    {
        Ok(raw) => raw,
        Err(e) => return Err(upstream_failed(&state, &ctx, e).await),
    };
    cached::viewed(
        &req,
        state.intervals.cache(),
        &raw,
        &format!("{} activities {limit}", tenant.id),
        read_cache::JSON,
        |body| {
            uploads::activity_list_json(body, &tenant.id, limit as usize).map_err(|e| {
                AppError::from(crate::services::intervals::UpstreamError::Unavailable(
                    format!("unreadable answer: {e}"),
                ))
            })
        },
    )
}

/// Intervals.icu's activity ids are `i` and digits (`i55751783`), or digits alone (activities
/// from Strava): anything else cannot exist there, and is refused before a call is spent on it.
fn check_activity_id(id: &str) -> Result<(), AppError> {
    let digits = id.strip_prefix('i').unwrap_or(id);
    let ok = (1..=20).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(AppError::not_found(format!("No activity '{id}'.")))
    }
}

/// The activity's summary (with its intervals when asked), which must be the user's athlete's
/// own, checked here: Intervals.icu answers a coach's token with the activities of every athlete
/// it coaches, and a tenant may only read its own user's. Another athlete's activity is as
/// missing as an unknown one.
pub async fn own_activity(
    state: &State,
    ctx: &UserCtx,
    activity_id: &str,
    intervals: bool,
    caller: &Caller<'_>,
) -> Result<(Value, Served), AppError> {
    let token = &ctx.access_token;
    let answer = state
        .intervals
        .activity(token, activity_id, intervals, caller)
        .await;
    let answer = match answer {
        Ok(a) => a,
        Err(e) => return Err(upstream_failed(state, ctx, e).await),
    };
    let summary: Value = answer.json()?;
    let owner = match summary.get("icu_athlete_id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    if owner != ctx.athlete_id().as_str() {
        return Err(no_activity(activity_id));
    }
    Ok((summary, Served::from(&answer)))
}

pub fn no_activity(activity_id: &str) -> AppError {
    AppError::not_found(format!("No activity '{activity_id}'."))
}

/// Get one activity with its intervals
///
/// Intervals.icu's summary of one activity of the user's athlete, with its intervals
/// (`icu_intervals`). The bridge checks that the activity is the athlete's own (a coach's
/// authorization could read others'): any other is a 404. `external_id` is this tenant's own id
/// when it uploaded the activity, else null. Needs `ACTIVITY:READ`.
#[utoipa::path(
    operation_id = "get_activity",
    tag = "activities",
    params(("user_id" = String, Path, description = "The partner's id for its user"), ("activity_id" = String, Path, description = "The Intervals.icu activity id, e.g. i55751783")),
    responses(
        (status = 200, body = Object, description = "Intervals.icu's summary of the activity with `icu_intervals`; `external_id` is this tenant's own id when it uploaded the activity", example = json!({
            "id": "i70000008", "icu_athlete_id": "i317960", "start_date_local": "2026-03-01T07:30:00",
            "type": "Ride", "name": "Morning ride", "source": "UPLOAD", "external_id": "ride-2026-03-01",
            "distance": 30000.0, "moving_time": 3600, "icu_training_load": 56, "icu_ftp": 250,
            "icu_intervals": [
                {"id": 1, "label": "Warm up", "type": "RECOVERY", "start_time": 0, "end_time": 600,
                 "moving_time": 600, "distance": 5000.0, "average_watts": 195, "average_heartrate": 137,
                 "intensity": 78, "training_load": 10.1},
                {"id": 2, "label": "Effort", "type": "WORK", "start_time": 600, "end_time": 1080,
                 "moving_time": 480, "distance": 4000.0, "average_watts": 274, "average_heartrate": 162,
                 "intensity": 109, "training_load": 16.0}
            ],
            "icu_groups": []
        })),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: the user has not granted ACTIVITY:READ. `upstream-forbidden`: Intervals.icu denied access."),
        (status = 404, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`not-found`: no connected user with this id, or no such activity of this user's athlete."),
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`upstream-rejected`: Intervals.icu refused, e.g. for an activity from Strava (its message is in `detail`)."),
        crate::web::errors::UpstreamProblems,
    ),
    security(("bearer" = []))
)]
#[get("/users/{user_id}/activities/{activity_id}")]
pub async fn get_one(
    req: HttpRequest,
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (user_id, activity_id) = path.into_inner();
    check_activity_id(&activity_id)?;
    let ctx = user_ctx(&state, &tenant.id, &user_id, "ACTIVITY:READ").await?;
    let caller = cached::caller(&req, &tenant.id);
    let (mut summary, served) = own_activity(&state, &ctx, &activity_id, true, &caller).await?;
    if let Some(obj) = summary.as_object_mut() {
        map_external_id(obj, &tenant.id);
    }
    Ok(cached::value(&req, &served, &summary))
}

/// Delete an activity this tenant uploaded
///
/// Deletes from Intervals.icu an activity of the user's athlete that this tenant uploaded with an
/// `external_id`, and forgets that `external_id`, so it may be uploaded again. Any other activity
/// is a 404. Needs `ACTIVITY:WRITE`.
#[utoipa::path(
    operation_id = "delete_activity",
    tag = "activities",
    params(("user_id" = String, Path, description = "The partner's id for its user"), ("activity_id" = String, Path, description = "The Intervals.icu activity id")),
    responses(
        (status = 204, description = "Deleted from Intervals.icu; its external_id may be uploaded again"),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: the user has not granted ACTIVITY:WRITE. `upstream-forbidden`: Intervals.icu denied access."),
        (status = 404, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`not-found`: no connected user with this id, or no activity of this user's athlete that this tenant uploaded with an `external_id` (an activity from Strava included)."),
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`upstream-rejected`: Intervals.icu refused the deletion (its message is in `detail`)."),
        crate::web::errors::UpstreamProblems,
    ),
    security(("bearer" = []))
)]
#[delete("/users/{user_id}/activities/{activity_id}")]
pub async fn delete_one(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (user_id, activity_id) = path.into_inner();
    check_activity_id(&activity_id)?;
    let ctx = user_ctx(&state, &tenant.id, &user_id, "ACTIVITY:WRITE").await?;
    let caller = Caller {
        tenant: &tenant.id,
        no_cache: false,
    };
    // Intervals.icu refuses to show some activities (those from Strava): none was uploaded
    // through this tenant, so they are as missing as any other it did not upload.
    let (summary, _) = match own_activity(&state, &ctx, &activity_id, false, &caller).await {
        Err(e) if e.kind == crate::web::errors::ProblemKind::UpstreamRejected => {
            return Err(no_activity(&activity_id))
        }
        other => other?,
    };
    // Only what this tenant uploaded: its namespace in the external_id Intervals.icu keeps.
    let external_id = summary
        .get("external_id")
        .and_then(Value::as_str)
        .and_then(|e| uploads::namespaced_for(&tenant.id, e))
        .ok_or_else(|| no_activity(&activity_id))?;
    if let Err(e) = state
        .intervals
        .delete_activity(&ctx.access_token, &activity_id)
        .await
    {
        return Err(upstream_failed(&state, &ctx, e).await);
    }
    let (t, a) = (tenant.id.clone(), ctx.connection.athlete_id.clone());
    db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(Upload::forget(conn, &t, &a, &external_id)?)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn file(
    state: State,
    tenant: Tenant,
    user_id: String,
    activity_id: String,
    fit: bool,
) -> Result<HttpResponse, AppError> {
    check_activity_id(&activity_id)?;
    let ctx = user_ctx(&state, &tenant.id, &user_id, "ACTIVITY:READ").await?;
    let caller = Caller {
        tenant: &tenant.id,
        no_cache: false,
    };
    own_activity(&state, &ctx, &activity_id, false, &caller).await?;
    let suffix = if fit { "fit-file" } else { "file" };
    let resp = match state
        .intervals
        .get_stream(
            "activity file",
            &ctx.access_token,
            &format!(
                "/api/v1/activity/{}/{suffix}",
                crate::services::intervals::enc(&activity_id)
            ),
        )
        .await
    {
        Ok(r) => r,
        Err(e) => return Err(upstream_failed(&state, &ctx, e).await),
    };
    stream_file(resp, &activity_id, true).await
}

/// Download an activity's original file
///
/// The file as it was uploaded to Intervals.icu, streamed, with its media type and file name in
/// `Content-Disposition` (Intervals.icu's gzip is undone). Only the athlete's own activities (else
/// 404). Needs `ACTIVITY:READ`.
#[utoipa::path(
    operation_id = "download_activity_file",
    tag = "activities",
    params(("user_id" = String, Path, description = "The partner's id for its user"), ("activity_id" = String, Path, description = "The Intervals.icu activity id")),
    responses(
        (status = 200, description = "The original file, streamed (decompressed when Intervals.icu stored it gzipped), with its type and a file name", content(
            (crate::web::files::FileBytes = "application/vnd.ant.fit"),
            (crate::web::files::FileBytes = "application/vnd.garmin.tcx+xml"),
            (crate::web::files::FileBytes = "application/gpx+xml"),
            (crate::web::files::FileBytes = "application/zip"),
            (crate::web::files::FileBytes = "application/gzip"),
            (crate::web::files::FileBytes = "application/xml"),
            (crate::web::files::FileBytes = "application/octet-stream"),
        )),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: the user has not granted ACTIVITY:READ. `upstream-forbidden`: Intervals.icu denied access."),
        (status = 404, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`not-found`: no connected user with this id, or no such activity of this user's athlete."),
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`upstream-rejected`: Intervals.icu refused, e.g. for an activity from Strava (its message is in `detail`)."),
        crate::web::errors::UpstreamProblems,
    ),
    security(("bearer" = []))
)]
#[get("/users/{user_id}/activities/{activity_id}/file")]
pub async fn original_file(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (user_id, activity_id) = path.into_inner();
    file(state, tenant, user_id, activity_id, false).await
}

/// Download an activity as FIT
///
/// Intervals.icu's generated FIT file of the activity (with its edits and laps), streamed. Only
/// the athlete's own activities (else 404). Needs `ACTIVITY:READ`.
#[utoipa::path(
    operation_id = "download_activity_fit_file",
    tag = "activities",
    params(("user_id" = String, Path, description = "The partner's id for its user"), ("activity_id" = String, Path, description = "The Intervals.icu activity id")),
    responses(
        (status = 200, description = "Intervals.icu's generated FIT file, streamed", body = crate::web::files::FileBytes, content_type = "application/vnd.ant.fit"),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: the user has not granted ACTIVITY:READ. `upstream-forbidden`: Intervals.icu denied access."),
        (status = 404, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`not-found`: no connected user with this id, or no such activity of this user's athlete."),
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`upstream-rejected`: Intervals.icu refused, e.g. for an activity from Strava (its message is in `detail`)."),
        crate::web::errors::UpstreamProblems,
    ),
    security(("bearer" = []))
)]
#[get("/users/{user_id}/activities/{activity_id}/fit-file")]
pub async fn fit_file(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (user_id, activity_id) = path.into_inner();
    file(state, tenant, user_id, activity_id, true).await
}

/// `GET /links/activities/{external_id}`: Intervals.icu's link-back target (register
/// `{BRIDGE_PUBLIC_URL}/links/activities/{external_id}` as the app's activity URL template).
pub async fn link_back(state: State, path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let upstream = path.into_inner();
    let not_found = || AppError::not_found("No partner page for this activity.");
    let (tenant_id, ext) = upstream.split_once('.').ok_or_else(not_found)?;
    let (tenant_id, ext) = (tenant_id.to_owned(), ext.to_owned());
    validate_user_id(&ext).map_err(|_| not_found())?;
    let template = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(
            Tenant::find(conn, &tenant_id.into())?.and_then(|t| t.activity_url_template),
        )
    })
    .await?
    .ok_or_else(not_found)?;
    let target = template.replace(
        crate::domain::tenants::EXTERNAL_ID,
        &crate::services::intervals::enc(&ext),
    );
    // Templates are checked when set; a row from before that check (or any slip) still may not
    // send the browser to a site other than the template's own.
    let target = url::Url::parse(&target).map_err(|_| not_found())?;
    match url::Url::parse(&template) {
        Ok(own) if crate::domain::tenants::same_authority(&own, &target) => {}
        _ => return Err(not_found()),
    }
    Ok(HttpResponse::Found()
        .insert_header((header::LOCATION, target.as_str()))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::REFERRER_POLICY, "no-referrer"))
        .finish())
}
