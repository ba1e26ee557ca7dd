//! Wellness: intake (validated, merged per day, queued for the nightly push or pushed now), what
//! is still pending, and what Intervals.icu has.

use actix_web::{get, put};
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::context::{find_user, upstream_failed, user_ctx};
use super::window::{check_span, local_date, End};
use super::{State, TenantAuth};
use crate::db;
use crate::errors::AppError;
use crate::wellness::{self, fields::validate_record, PendingRecord};

const MAX_RECORDS: usize = 1000;

#[derive(Debug, Deserialize, IntoParams)]
pub struct IntakeQuery {
    /// `now` pushes as soon as possible instead of at the next nightly push.
    pub push: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Queued {
    /// The merged days as they will be pushed.
    pub queued: Vec<PendingRecord>,
    /// When the push is due (UTC).
    pub push_at: String,
}

#[utoipa::path(
    operation_id = "queue_wellness",
    tag = "wellness",
    params(("user_id" = String, Path, description = "The partner's id for its user"), IntakeQuery),
    request_body(content = Vec<Object>, description = "Records `{\"id\":\"YYYY-MM-DD\", field: value…}` with Intervals.icu's writable wellness fields; -1 unsets a numeric field"),
    responses(
        (status = 202, body = Queued),
        (status = 403, body = crate::errors::Problem, content_type = "application/problem+json", description = "WELLNESS:WRITE not granted"),
        (status = 422, body = crate::errors::Problem, content_type = "application/problem+json", description = "Names each bad record and field; nothing was queued"),
    ),
    security(("bearer" = []))
)]
#[put("/users/{user_id}/wellness")]
pub async fn intake(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
    query: web::Query<IntakeQuery>,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let user_id = path.into_inner();
    let push_now = match query.push.as_deref() {
        None => false,
        Some("now") => true,
        Some(_) => return Err(AppError::field("push", "the only value is 'now'")),
    };
    let ctx = user_ctx(&state, &tenant.id, &user_id, "WELLNESS:WRITE").await?;
    let Value::Array(items) = body.into_inner() else {
        return Err(AppError::field(
            "",
            "the body must be a JSON array of records",
        ));
    };
    if items.is_empty() {
        return Err(AppError::field("", "send at least one record"));
    }
    if items.len() > MAX_RECORDS {
        return Err(AppError::field(
            "",
            format!("send at most {MAX_RECORDS} records per request"),
        ));
    }
    let mut errors = Vec::new();
    let records: Vec<_> = items
        .iter()
        .enumerate()
        .filter_map(|(i, r)| validate_record(i, r, &mut errors))
        .collect();
    if !errors.is_empty() {
        return Err(AppError::validation(
            format!(
                "{} problem(s) in the records; nothing was queued.",
                errors.len()
            ),
            errors,
        ));
    }
    let athlete_id = ctx.connection.athlete_id.clone();
    let push_at = if push_now {
        db::now()
    } else {
        wellness::next_push_at(db::now(), state.config.wellness_push_at)
    };
    let (t, u) = (tenant.id.clone(), ctx.connection.user_id.clone());
    let queued = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(wellness::accept(
            conn,
            &t,
            &u,
            &athlete_id,
            &records,
            push_now,
        )?)
    })
    .await?;
    Ok(HttpResponse::Accepted().json(Queued {
        queued,
        push_at: push_at.and_utc().to_rfc3339(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PendingList {
    pub data: Vec<PendingRecord>,
    /// The next nightly push (UTC); days marked `push=now` go sooner.
    pub next_push_at: String,
}

#[utoipa::path(
    operation_id = "list_pending_wellness",
    tag = "wellness",
    params(("user_id" = String, Path)),
    responses((status = 200, body = PendingList)),
    security(("bearer" = []))
)]
#[get("/users/{user_id}/wellness/pending")]
pub async fn pending(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user_id = path.into_inner();
    let (connection, _) = find_user(&state, &tenant.id, &user_id).await?;
    let (t, u) = (tenant.id.clone(), connection.user_id);
    let data = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(wellness::pending_for(conn, &t, &u)?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(PendingList {
        data,
        next_push_at: wellness::next_push_at(db::now(), state.config.wellness_push_at)
            .and_utc()
            .to_rfc3339(),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct ReadQuery {
    /// First day `YYYY-MM-DD`, default 30 days ago; at most 366 days before `newest`.
    pub oldest: Option<String>,
    /// Last day, default today.
    pub newest: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WellnessList {
    /// Intervals.icu's wellness records, as it has them.
    #[schema(value_type = Vec<Object>)]
    pub data: Vec<Value>,
}

#[utoipa::path(
    operation_id = "read_wellness",
    tag = "wellness",
    params(("user_id" = String, Path), ReadQuery),
    responses(
        (status = 200, body = WellnessList),
        (status = 403, body = crate::errors::Problem, content_type = "application/problem+json"),
        (status = 422, body = crate::errors::Problem, content_type = "application/problem+json", description = "A bad date or a window over 366 days; nothing was asked of Intervals.icu"),
    ),
    security(("bearer" = []))
)]
#[get("/users/{user_id}/wellness")]
pub async fn read(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
    query: web::Query<ReadQuery>,
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
    let oldest = q.oldest.unwrap_or_else(|| oldest.at.date().to_string());
    let newest = q.newest.unwrap_or_else(|| newest.at.date().to_string());
    let ctx = user_ctx(&state, &tenant.id, &user_id, "WELLNESS:READ").await?;
    match state
        .intervals
        .wellness(&ctx.access_token, ctx.athlete_id(), &oldest, &newest)
        .await
    {
        Ok(v) => Ok(HttpResponse::Ok().json(WellnessList {
            data: v.as_array().cloned().unwrap_or_default(),
        })),
        Err(e) => Err(upstream_failed(&state, &ctx, e).await),
    }
}
