//! Planned workouts: WORKOUT calendar events with targets resolved to absolute values, and their
//! files (zwo, mrc, erg, fit).

use actix_web::get;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::context::{upstream_failed, user_ctx};
use super::window::{check_span, End};
use super::{State, TenantAuth};
use crate::errors::AppError;
use crate::uploads::map_external_id;

pub const FORMATS: [&str; 4] = ["zwo", "mrc", "erg", "fit"];

fn check_format(f: &str) -> Result<(), AppError> {
    if FORMATS.contains(&f) {
        Ok(())
    } else {
        Err(AppError::field(
            "format",
            "must be one of zwo, mrc, erg, fit",
        ))
    }
}

fn check_date(field: &str, v: &str) -> Result<End, AppError> {
    crate::dates::parse_day(v)
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
    pub content_base64: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkoutList {
    /// WORKOUT events as Intervals.icu has them (`id`, `start_date_local`, `type`, `name`,
    /// `description`, `workout_doc` with `_power`/`_hr`/`_pace` absolute targets, …) and, when a
    /// `format` was asked for, `file`.
    #[schema(value_type = Vec<Object>)]
    pub data: Vec<Value>,
}

#[utoipa::path(
    tag = "workouts",
    params(("user_id" = String, Path, description = "The partner's id for its user"), WorkoutQuery),
    responses(
        (status = 200, body = WorkoutList),
        (status = 403, body = crate::errors::Problem, content_type = "application/problem+json"),
        (status = 422, body = crate::errors::Problem, content_type = "application/problem+json", description = "A bad date or a window over 366 days; nothing was asked of Intervals.icu"),
    ),
    security(("bearer" = []))
)]
#[get("/users/{user_id}/workouts")]
pub async fn list(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
    query: web::Query<WorkoutQuery>,
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
    let value = match state
        .intervals
        .workouts(
            &ctx.access_token,
            ctx.athlete_id(),
            q.oldest.as_deref(),
            q.newest.as_deref(),
            q.format.as_deref(),
        )
        .await
    {
        Ok(v) => v,
        Err(e) => return Err(upstream_failed(&state, &ctx, e).await),
    };
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
        .map(|e| reshape(e, &tenant.id, q.format.as_deref()))
        .collect();
    Ok(HttpResponse::Ok().json(WorkoutList { data }))
}

/// Moves `workout_filename`/`workout_file_base64` into `file` and maps our own external ids back.
fn reshape(event: Value, tenant_id: &str, format: Option<&str>) -> Value {
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
    map_external_id(&mut obj, tenant_id);
    Value::Object(obj)
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct FileQuery {
    /// zwo (default), mrc, erg or fit.
    pub format: Option<String>,
}

#[utoipa::path(
    tag = "workouts",
    params(("user_id" = String, Path), ("event_id" = i64, Path, description = "The Intervals.icu event id"), FileQuery),
    responses(
        (status = 200, description = "The workout file, streamed, as an attachment"),
        (status = 404, body = crate::errors::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/users/{user_id}/workouts/{event_id}/file")]
pub async fn file(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<(String, String)>,
    query: web::Query<FileQuery>,
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
        crate::intervals::enc(ctx.athlete_id())
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
    Ok(super::files::stream_named(
        resp,
        content_type(&format),
        &filename,
    ))
}
