//! Planned workouts: WORKOUT calendar events with targets resolved to absolute values and their
//! files (zwo, mrc, erg, fit); and the tenant's own planned workouts written and deleted by its
//! `external_id`.

use actix_web::http::StatusCode;
use actix_web::{delete, get, put};
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::context::{upstream_failed, user_ctx};
use super::{State, TenantAuth};
use crate::db::models::PlannedWorkout;
use crate::db::types::TenantId;
use crate::db::{self, write_tx};
use crate::domain::uploads::upstream_external_id;
use crate::domain::workouts::{self, FILE_FORMATS, MAX_BATCH};
use crate::services::intervals::UpstreamError;
use crate::services::read_cache;
use crate::support::validation::{is_url_safe_id, FieldError, URL_SAFE_ID_RULE};
use crate::web::cached;
use crate::web::errors::{AppError, ProblemKind};
use crate::web::window::{check_span, End};

/// A full batch of files in base64 fits with room to spare.
const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;
/// JSON values in a body: the array, and for each of at most 200 records its object, up to 11
/// fields and a file's object of two, with room to spare for the errors to name.
const MAX_BODY_VALUES: usize = 1 + MAX_BATCH * 32;

fn check_format(f: &str) -> Result<(), AppError> {
    if FILE_FORMATS.contains(&f) {
        Ok(())
    } else {
        Err(AppError::field(
            "format",
            "must be one of zwo, mrc, erg, fit",
        ))
    }
}

fn check_date(field: &str, v: &str) -> Result<End, AppError> {
    crate::support::dates::parse_day(v)
        .map(|day| End::given(day.and_time(chrono::NaiveTime::MIN)))
        .ok_or_else(|| AppError::field(field, "must be a date YYYY-MM-DD"))
}

pub fn content_type(format: &str) -> &'static str {
    match format {
        "zwo" => "application/xml",
        "fit" => "application/vnd.ant.fit",
        _ => "text/plain; charset=utf-8",
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct WorkoutQuery {
    /// First day (local date), default today.
    pub oldest: Option<String>,
    /// Last day, inclusive; default `oldest` + 6 days; at most 366 days after `oldest`.
    pub newest: Option<String>,
    /// Include each workout's file: zwo, mrc, erg or fit.
    pub format: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkoutFile {
    pub filename: String,
    pub content_type: String,
    /// The file's bytes in base64.
    pub content_base64: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [{
    "id": 100001,
    "athlete_id": "i317960",
    "category": "WORKOUT",
    "type": "Ride",
    "name": "Sweet spot 3x12",
    "start_date_local": "2026-03-03T00:00:00",
    "end_date_local": "2026-03-03T00:00:00",
    "description": "- 10m 60%\n3x\n- 12m 90%\n- 4m 55%\n\n- 10m 50%",
    "moving_time": 4080,
    "icu_training_load": 65,
    "icu_intensity": 75.6,
    "indoor": false,
    "target": "POWER",
    "external_id": "plan-42",
    "created_by_this_tenant": true,
    "workout_doc": {
        "duration": 4080, "target": "POWER", "ftp": 250, "lthr": 170, "max_hr": 190,
        "threshold_pace": 3.7037,
        "steps": [
            {"duration": 600, "power": {"value": 60.0, "units": "%ftp"}, "_power": {"value": 150}},
            {"reps": 3, "duration": 2880, "steps": [
                {"duration": 720, "power": {"value": 90.0, "units": "%ftp"}, "_power": {"value": 225}},
                {"duration": 240, "power": {"value": 55.0, "units": "%ftp"}, "_power": {"value": 138}}
            ]},
            {"duration": 600, "power": {"value": 50.0, "units": "%ftp"}, "_power": {"value": 125}}
        ]
    },
    "file": {
        "filename": "Sweet spot 3x12.zwo",
        "content_type": "application/xml",
        "content_base64": "PHdvcmtvdXRfZmlsZT4KICAgIDxuYW1lPlN3ZWV0IHNwb3QgM3gxMjwvbmFtZT4KPC93b3Jrb3V0X2ZpbGU+Cg=="
    }
}]}))]
pub struct WorkoutList {
    /// WORKOUT events as Intervals.icu has them (`id`, `start_date_local`, `type`, `name`,
    /// `description`, `workout_doc` with `_power`/`_hr`/`_pace` absolute targets, …), with
    /// `external_id` (this tenant's own id when it wrote the event, else null),
    /// `created_by_this_tenant` and, when a `format` was asked for, `file`.
    #[schema(value_type = Vec<Object>)]
    pub data: Vec<Value>,
}

/// List planned workouts
///
/// The athlete's WORKOUT events in a window of days (default today and the next six; at most 366
/// days), as Intervals.icu has them, with `workout_doc` carrying absolute targets (`_power`,
/// `_hr`, `_pace`) resolved against the athlete's sport settings. `external_id` is this
/// tenant's own id when it wrote the event (else null) and `created_by_this_tenant` says so. With
/// `format` each workout carries its file (zwo, mrc, erg or fit) in base64. Needs `CALENDAR:READ`.
#[utoipa::path(
    operation_id = "list_workouts",
    tag = "workouts",
    params(("user_id" = String, Path, description = "The partner's id for its user"), WorkoutQuery),
    responses(
        (status = 200, body = WorkoutList, description = "The planned workouts, by date"),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: the user has not granted CALENDAR:READ. `upstream-forbidden`: Intervals.icu denied access."),
        crate::web::errors::NoUserProblem,
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`validation`: a bad date or `format`, or a window over 366 days; nothing was asked of Intervals.icu. `upstream-rejected`: Intervals.icu refused the request (its message is in `detail`)."),
        crate::web::errors::UpstreamProblems,
    ),
    security(("bearer" = []))
)]
#[get("/users/{user_id}/workouts")]
pub async fn list(
    req: HttpRequest,
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
    query: crate::web::extract::Query<WorkoutQuery>,
) -> Result<HttpResponse, AppError> {
    let user_id = path.into_inner();
    let q = query.into_inner();
    if let Some(f) = &q.format {
        check_format(f)?;
    }
    // Intervals.icu's defaults: oldest today, newest six days after oldest.
    let oldest = match &q.oldest {
        Some(o) => check_date("oldest", o)?,
        None => End::default(chrono::Utc::now().date_naive()),
    };
    let newest = match &q.newest {
        Some(n) => check_date("newest", n)?,
        None => End::default(oldest.at.date() + chrono::Duration::days(6)),
    };
    check_span(oldest, newest)?;
    let ctx = user_ctx(&state, &tenant.id, &user_id, "CALENDAR:READ").await?;
    let answer = match state
        .intervals
        .workouts(
            &ctx.access_token,
            ctx.athlete_id(),
            q.oldest.as_deref(),
            q.newest.as_deref(),
            q.format.as_deref(),
            &cached::caller(&req, &tenant.id),
        )
        .await
    {
        Ok(v) => v,
        Err(e) => return Err(upstream_failed(&state, &ctx, e).await),
    };
    let form = format!("{} workouts {:?}", tenant.id, q.format);
    cached::viewed(
        &req,
        state.intervals.cache(),
        &answer,
        &form,
        read_cache::JSON,
        |body| {
            let value: Value = serde_json::from_slice(body).map_err(|e| {
                AppError::from(UpstreamError::Unavailable(format!(
                    "unreadable answer: {e}"
                )))
            })?;
            let data = value
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter(|e| {
                    e.get("category")
                        .and_then(Value::as_str)
                        .is_none_or(|c| c == "WORKOUT")
                })
                .map(|e| reshape(e, &tenant.id, &state.config.client_id, q.format.as_deref()))
                .collect();
            Ok::<_, AppError>(serde_json::to_vec(&WorkoutList { data }).unwrap_or_default())
        },
    )
}

/// Moves `workout_filename`/`workout_file_base64` into `file` and shows only the tenant's own
/// external id.
fn reshape(event: Value, tenant_id: &TenantId, client_id: &str, format: Option<&str>) -> Value {
    let Value::Object(mut obj) = event else {
        return event;
    };
    let filename = obj.remove("workout_filename");
    let content = obj.remove("workout_file_base64");
    if let (Some(Value::String(filename)), Some(Value::String(content)), Some(fmt)) =
        (filename, content, format)
    {
        let attached = WorkoutFile {
            filename,
            content_type: content_type(fmt).to_owned(),
            content_base64: content,
        };
        obj.insert(
            "file".into(),
            serde_json::to_value(attached).unwrap_or(Value::Null),
        );
    }
    workouts::map_event(&mut obj, tenant_id, client_id);
    Value::Object(obj)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct FileQuery {
    /// zwo (default), mrc, erg or fit.
    pub format: Option<String>,
}

/// Download a planned workout's file
///
/// One workout as a file for a head unit or trainer app: `zwo` (default), `mrc`, `erg` or `fit`,
/// streamed as an attachment. Needs `CALENDAR:READ`.
#[utoipa::path(
    operation_id = "download_workout_file",
    tag = "workouts",
    params(("user_id" = String, Path, description = "The partner's id for its user"), ("event_id" = i64, Path, description = "The Intervals.icu event id"), FileQuery),
    responses(
        (status = 200, description = "The workout file, streamed, as an attachment", content(
            (crate::web::files::FileBytes = "application/xml"),
            (crate::web::files::FileBytes = "text/plain"),
            (crate::web::files::FileBytes = "application/vnd.ant.fit"),
        )),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: the user has not granted CALENDAR:READ. `upstream-forbidden`: Intervals.icu denied access."),
        (status = 404, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`not-found`: no connected user with this id, or no such event."),
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`validation`: `format` is not zwo, mrc, erg or fit. `upstream-rejected`: Intervals.icu refused the request (its message is in `detail`)."),
        crate::web::errors::UpstreamProblems,
    ),
    security(("bearer" = []))
)]
#[get("/users/{user_id}/workouts/{event_id}/file")]
pub async fn file(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<(String, String)>,
    query: crate::web::extract::Query<FileQuery>,
) -> Result<HttpResponse, AppError> {
    let (user_id, event_id) = path.into_inner();
    let event_id: i64 = event_id
        .parse()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| AppError::not_found(format!("No workout '{event_id}'.")))?;
    let format = query.into_inner().format.unwrap_or_else(|| "zwo".into());
    check_format(&format)?;
    let ctx = user_ctx(&state, &tenant.id, &user_id, "CALENDAR:READ").await?;
    let upstream_path = format!(
        "/api/v1/athlete/{}/events/{event_id}/download.{format}",
        crate::services::intervals::enc(ctx.athlete_id())
    );
    let resp = match state
        .intervals
        .get_stream("workout file", &ctx.access_token, &upstream_path)
        .await
    {
        Ok(r) => r,
        Err(e) => return Err(upstream_failed(&state, &ctx, e).await),
    };
    let filename = resp
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split("filename=").nth(1))
        .map(|f| {
            f.trim_matches(|c| c == '"' || c == ' ' || c == ';')
                .to_owned()
        })
        .filter(|f| !f.is_empty() && !f.contains(['/', '\\', '"']))
        .unwrap_or_else(|| format!("workout-{event_id}.{format}"));
    Ok(crate::web::files::stream_named(
        resp,
        content_type(&format),
        &filename,
    ))
}

/// One planned workout to write (documentation of the request body; the handler checks the JSON
/// itself so that every problem is named with its index).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct PlannedWorkoutIn {
    /// Your own id for it (1 to 128 URL-safe characters): writing it again replaces the event.
    external_id: String,
    /// `YYYY-MM-DD` (midnight) or a local date-time `YYYY-MM-DDTHH:MM:SS`.
    start_date_local: String,
    /// `WORKOUT` (default), `NOTE`, `RACE_A`, `RACE_B` or `RACE_C`.
    category: Option<String>,
    /// An Intervals.icu activity type (`Ride`, `Run`, `Swim`, `VirtualRide`, …); required for a
    /// WORKOUT.
    #[schema(rename = "type")]
    r#type: Option<String>,
    /// At most 80 characters.
    name: String,
    /// The steps in Intervals.icu's workout text (`- 10m 60%`, `3x`, …). Send this or `file`.
    description: Option<String>,
    file: Option<WorkoutFileIn>,
    /// Planned duration, seconds.
    moving_time: Option<i64>,
    icu_training_load: Option<i64>,
    indoor: Option<bool>,
    /// `AUTO`, `POWER`, `HR` or `PACE`.
    target: Option<String>,
}

/// A workout file to upload with a planned workout.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct WorkoutFileIn {
    /// `zwo`, `mrc`, `erg` or `fit`.
    format: String,
    /// The file's bytes in base64 (at most 1 MiB decoded).
    content_base64: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WrittenWorkout {
    pub external_id: String,
    /// The Intervals.icu event id.
    pub event_id: i64,
    /// A new event (false: an event this tenant wrote before was replaced).
    pub created: bool,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [
    {"external_id": "plan-42", "event_id": 100001, "created": true},
    {"external_id": "race-7", "event_id": 100002, "created": false}
]}))]
pub struct WrittenWorkouts {
    /// In the order of the request.
    pub data: Vec<WrittenWorkout>,
}

/// Reads a JSON body of at most `MAX_BODY_BYTES`.
async fn json_body(req: &HttpRequest, mut payload: web::Payload) -> Result<Value, AppError> {
    let json = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<actix_web::mime::Mime>().ok())
        .is_some_and(|m| {
            m.subtype() == actix_web::mime::JSON || m.suffix() == Some(actix_web::mime::JSON)
        });
    if !json {
        return Err(AppError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ProblemKind::UnsupportedMediaType,
            "Send the body as application/json.",
        ));
    }
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|e| AppError::bad_request(format!("Invalid request body: {e}")))?;
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(AppError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                ProblemKind::PayloadTooLarge,
                format!(
                    "The request body is over {} MiB.",
                    MAX_BODY_BYTES / (1024 * 1024)
                ),
            ));
        }
        body.extend_from_slice(&chunk);
    }
    // A batch's records are flat: a few values each. A body holding far more is refused while
    // parsing, before it costs memory in proportion to its size.
    use crate::support::validation::{parse_bounded_json, BoundedJsonError};
    parse_bounded_json(&body, MAX_BODY_VALUES).map_err(|e| match e {
        BoundedJsonError::TooManyValues(_) => AppError::field("", e.to_string()),
        BoundedJsonError::Invalid(e) => AppError::bad_request(format!("Invalid JSON body: {e}")),
    })
}

/// Write planned workouts
///
/// Creates or replaces 1 to 200 planned workouts (or notes and races) on the athlete's calendar
/// in one Intervals.icu call, each keyed by the tenant's own `external_id`: writing an
/// `external_id` again replaces that event. Two tenants' equal ids are two events, and one
/// tenant never changes another's. A WORKOUT gives its steps as Intervals.icu's workout text
/// (`description`) or as a file (`file`: zwo, mrc, erg or fit in base64, at most 1 MiB), not both.
///
/// Every record is checked first: any problem answers 422 naming each `[index].field`, and
/// nothing is sent. The answer lists the written events in request order. Needs `CALENDAR:WRITE`.
#[utoipa::path(
    operation_id = "upsert_workouts",
    tag = "workouts",
    params(("user_id" = String, Path, description = "The partner's id for its user")),
    request_body(content = Vec<PlannedWorkoutIn>, description = "1 to 200 planned workouts, each keyed by your own `external_id`", example = json!([
        {
            "external_id": "plan-42",
            "start_date_local": "2026-03-03",
            "type": "Ride",
            "name": "Sweet spot 3x12",
            "description": "- 10m 60%\n3x\n- 12m 90%\n- 4m 55%\n\n- 10m 50%"
        },
        {
            "external_id": "race-7",
            "start_date_local": "2026-04-12T09:00:00",
            "category": "RACE_A",
            "type": "Ride",
            "name": "Spring classic"
        }
    ])),
    responses(
        (status = 200, body = WrittenWorkouts, description = "Every workout written, in one Intervals.icu call"),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: the user has not granted CALENDAR:WRITE. `upstream-forbidden`: Intervals.icu denied access."),
        crate::web::errors::NoUserProblem,
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`validation`: names each bad record and field (`[2].name`); nothing was sent to Intervals.icu. `upstream-rejected`: Intervals.icu refused the batch (its message is in `detail`)."),
        (status = 413, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`payload-too-large`: the body is over 32 MiB."),
        crate::web::errors::UpstreamProblems,
    ),
    security(("bearer" = []))
)]
#[put("/users/{user_id}/workouts")]
pub async fn upsert(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let user_id = path.into_inner();
    let ctx = user_ctx(&state, &tenant.id, &user_id, "CALENDAR:WRITE").await?;
    let body = json_body(&req, payload).await?;
    let batch = workouts::validate_batch(&body).map_err(|errors| {
        AppError::validation(
            format!(
                "{} problem(s) in the planned workouts; nothing was sent to Intervals.icu.",
                errors.len()
            ),
            errors,
        )
    })?;
    let events = Value::Array(batch.iter().map(|w| w.upstream(&tenant.id)).collect());
    let stored = match state
        .intervals
        .upsert_events(&ctx.access_token, ctx.athlete_id(), &events)
        .await
    {
        Ok(v) => v,
        Err(e) => return Err(upstream_failed(&state, &ctx, e).await),
    };
    // Each of ours by the namespaced id Intervals.icu echoes back.
    let mut written = Vec::with_capacity(batch.len());
    for w in &batch {
        let sent = upstream_external_id(&tenant.id, &w.external_id);
        let event_id = stored
            .as_array()
            .into_iter()
            .flatten()
            .find(|e| e.get("external_id").and_then(Value::as_str) == Some(sent.as_str()))
            .and_then(|e| e.get("id"))
            .and_then(Value::as_i64)
            .ok_or_else(|| {
                AppError::from(UpstreamError::Unavailable(format!(
                    "the answer to the upsert lacks the event for '{}'",
                    w.external_id
                )))
            })?;
        written.push((w.external_id.clone(), event_id));
    }
    let (t, u) = (tenant.id.clone(), ctx.connection.user_id.clone());
    let data = db::run(&state.pool, move |conn| {
        write_tx(conn, |conn| {
            written
                .into_iter()
                .map(|(external_id, event_id)| {
                    let created =
                        PlannedWorkout::record(conn, &t, &u, &external_id, &event_id.to_string())?;
                    Ok(WrittenWorkout {
                        external_id,
                        event_id,
                        created,
                    })
                })
                .collect::<diesel::QueryResult<Vec<_>>>()
        })
        .map_err(AppError::from)
    })
    .await?;
    Ok(HttpResponse::Ok().json(WrittenWorkouts { data }))
}

/// The ids of `DELETE /v1/users/{user_id}/workouts` (documentation; the handler reads the
/// repeated parameter from the query string).
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct DeleteQuery {
    /// Your own id of a planned workout; repeat for several (at most 200 parameters, repeats
    /// counted).
    external_id: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"deleted": 2}))]
pub struct Deleted {
    /// How many events Intervals.icu deleted (ids it did not have are ignored).
    pub deleted: u64,
}

/// `external_id=A&external_id=B`: 1 to `MAX_BATCH` distinct URL-safe ids, nothing else.
fn delete_ids(query: &str) -> Result<Vec<String>, AppError> {
    let mut ids: Vec<String> = Vec::new();
    let mut errors = Vec::new();
    // Repeats count toward the cap: it bounds the query, not only the distinct ids.
    let mut given = 0;
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        given += usize::from(k == "external_id");
        if k != "external_id" {
            errors.push(FieldError {
                field: k.into_owned(),
                message: "unknown parameter; the only one is external_id".into(),
            });
        } else if !is_url_safe_id(&v) {
            errors.push(FieldError {
                field: format!("external_id[{}]", ids.len()),
                message: URL_SAFE_ID_RULE.into(),
            });
        } else if !ids.iter().any(|i| *i == v) {
            ids.push(v.into_owned());
        }
    }
    if ids.is_empty() && errors.is_empty() {
        errors.push(FieldError {
            field: "external_id".into(),
            message: "name at least one planned workout: ?external_id=…".into(),
        });
    }
    if given > MAX_BATCH {
        errors.push(FieldError {
            field: "external_id".into(),
            message: format!("at most {MAX_BATCH} per request"),
        });
    }
    if errors.is_empty() {
        Ok(ids)
    } else {
        Err(AppError::validation(
            "Nothing was deleted: the query names no valid planned workouts.",
            errors,
        ))
    }
}

/// Delete planned workouts by external id
///
/// Deletes the tenant's own planned workouts, named by the `external_id`s it wrote them with (1 to
/// 200, as a repeated query parameter), in one Intervals.icu call. Ids Intervals.icu does not
/// have are not counted; another tenant's events are never touched. Needs `CALENDAR:WRITE`.
#[utoipa::path(
    operation_id = "delete_workouts",
    tag = "workouts",
    params(("user_id" = String, Path, description = "The partner's id for its user"), DeleteQuery),
    responses(
        (status = 200, body = Deleted, description = "How many were deleted"),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: the user has not granted CALENDAR:WRITE. `upstream-forbidden`: Intervals.icu denied access."),
        crate::web::errors::NoUserProblem,
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`validation`: no `external_id`, a bad one, more than 200, or another parameter; nothing was deleted. `upstream-rejected`: Intervals.icu refused the request (its message is in `detail`)."),
        crate::web::errors::UpstreamProblems,
    ),
    security(("bearer" = []))
)]
#[delete("/users/{user_id}/workouts")]
pub async fn delete(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let user_id = path.into_inner();
    let ids = delete_ids(req.query_string())?;
    let ctx = user_ctx(&state, &tenant.id, &user_id, "CALENDAR:WRITE").await?;
    // Namespaced: Intervals.icu matches them among this app's events only, and no other tenant
    // has ids in this tenant's namespace.
    let upstream: Vec<String> = ids
        .iter()
        .map(|e| upstream_external_id(&tenant.id, e))
        .collect();
    let deleted = match state
        .intervals
        .delete_events(&ctx.access_token, ctx.athlete_id(), &upstream)
        .await
    {
        Ok(n) => n,
        Err(e) => return Err(upstream_failed(&state, &ctx, e).await),
    };
    let (t, u) = (tenant.id.clone(), ctx.connection.user_id.clone());
    db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(PlannedWorkout::forget(conn, &t, &u, &ids)?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(Deleted { deleted }))
}
