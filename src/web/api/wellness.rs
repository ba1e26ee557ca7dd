//! Wellness: intake (validated, merged per day, queued for the nightly push or pushed now), what
//! is still pending, and what Intervals.icu has.

use actix_web::{get, put};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::context::{find_user, upstream_failed, user_ctx};
use super::{State, TenantAuth};
use crate::db;
use crate::domain::wellness::{self, fields::validate_record, PendingRecord};
use crate::web::cached;
use crate::web::errors::AppError;
use crate::web::window::{check_span, local_date, End};

const MAX_RECORDS: usize = 1000;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct IntakeQuery {
    /// `now` pushes as soon as possible instead of at the next nightly push.
    pub push: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "queued": [{
        "id": "2026-03-01",
        "fields": {"weight": 70.5, "restingHR": 48, "hrv": 62.1, "sleepSecs": 27000},
        "updated_at": "2026-03-01T07:02:49.771310+00:00",
        "last_error": null
    }],
    "push_at": "2026-03-02T03:00:00+00:00"
}))]
pub struct Queued {
    /// The merged days as they will be pushed.
    pub queued: Vec<PendingRecord>,
    /// When the push is due (UTC).
    pub push_at: String,
}

/// Hand over wellness records
///
/// Accepts 1 to 1,000 day records (`{"id": "YYYY-MM-DD", field: value, …}` with Intervals.icu's
/// writable wellness fields: `weight`, `restingHR`, `hrv`, `sleepSecs`, `soreness`, …; `-1` unsets
/// a numeric field) and queues them for the nightly push to Intervals.icu (`BRIDGE_WELLNESS_PUSH_AT`,
/// 03:00 UTC by default), or as soon as possible with `push=now`. Records are merged per day: a
/// later value of a field replaces the earlier one. Every record is checked first: any problem
/// answers 422 naming each `[index].field`, and nothing is queued. Needs `WELLNESS:WRITE`; nothing
/// is asked of Intervals.icu now. After the push the tenant gets `wellness.pushed` (or
/// `wellness.push_failed`).
#[utoipa::path(
    operation_id = "queue_wellness",
    tag = "wellness",
    params(("user_id" = String, Path, description = "The partner's id for its user"), IntakeQuery),
    request_body(content = Vec<Object>, description = "Records `{\"id\":\"YYYY-MM-DD\", field: value…}` with Intervals.icu's writable wellness fields; -1 unsets a numeric field", example = json!([
        {"id": "2026-03-01", "weight": 70.5, "restingHR": 48, "hrv": 62.1, "sleepSecs": 27000},
        {"id": "2026-03-02", "weight": 70.2, "soreness": 2, "comments": "Legs heavy"}
    ])),
    responses(
        (status = 202, body = Queued, description = "Queued: the merged days as they will be pushed"),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: the user has not granted WELLNESS:WRITE."),
        crate::web::errors::NoUserProblem,
        (status = 409, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`connection-revoked`, `connection-invalid`: the user must connect again."),
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`validation`: names each bad record and field (`[0].restingHR`), or a `push` other than `now`; nothing was queued."),
    ),
    security(("bearer" = []))
)]
#[put("/users/{user_id}/wellness")]
pub async fn intake(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
    query: crate::web::extract::Query<IntakeQuery>,
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
        .map_while(|(i, r)| {
            (!crate::support::validation::enough(&errors))
                .then(|| validate_record(i, r, &mut errors))
        })
        .flatten()
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
#[schema(example = json!({
    "data": [{
        "id": "2026-03-01",
        "fields": {"weight": 70.5, "restingHR": 48, "hrv": 62.1, "sleepSecs": 27000},
        "updated_at": "2026-03-01T07:02:49.771310+00:00",
        "last_error": null
    }],
    "next_push_at": "2026-03-02T03:00:00+00:00"
}))]
pub struct PendingList {
    /// Days waiting for a push, with what will be pushed.
    pub data: Vec<PendingRecord>,
    /// When these days are next pushed (UTC): now when a `push=now` is waiting (its push is
    /// queued; every pending day of the athlete goes with it), else the next nightly push.
    pub next_push_at: String,
}

/// List wellness waiting to be pushed
///
/// The user's days accepted but not yet pushed to Intervals.icu, each with the merged fields that
/// will be pushed and the last push error, if a push failed. Calls nothing upstream.
#[utoipa::path(
    operation_id = "list_pending_wellness",
    tag = "wellness",
    params(("user_id" = String, Path, description = "The partner's id for its user")),
    responses(
        (status = 200, body = PendingList, description = "The pending days"),
        crate::web::errors::NoUserProblem,
    ),
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
    let (data, push_now) = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(wellness::pending_for(conn, &t, &u)?)
    })
    .await?;
    // A `push=now` is queued the moment it is asked: its days go now, not at night.
    let next = if push_now {
        db::now()
    } else {
        wellness::next_push_at(db::now(), state.config.wellness_push_at)
    };
    Ok(HttpResponse::Ok().json(PendingList {
        data,
        next_push_at: next.and_utc().to_rfc3339(),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ReadQuery {
    /// First day `YYYY-MM-DD`, default 30 days ago; at most 366 days before `newest`.
    pub oldest: Option<String>,
    /// Last day, default today.
    pub newest: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [{
    "id": "2026-03-01",
    "weight": 70.5, "restingHR": 48, "hrv": 62.1, "sleepSecs": 27000, "sleepScore": null,
    "soreness": null, "fatigue": null, "mood": null, "comments": null,
    "ctl": 61.81, "atl": 71.68, "rampRate": 1.32, "ctlLoad": 61.0, "atlLoad": 61.0,
    "sportInfo": [{"type": "Ride", "eftp": 250.0, "wPrime": 20000.0, "pMax": 1000.0}],
    "updated": "2026-03-01T07:02:49.828Z"
}]}))]
pub struct WellnessList {
    /// Intervals.icu's wellness records, as it has them.
    #[schema(value_type = Vec<Object>)]
    pub data: Vec<Value>,
}

/// Read wellness from Intervals.icu
///
/// The athlete's wellness records as Intervals.icu has them, one per day in the window (default
/// the last 30 days; at most 366), with computed fields (`ctl`, `atl`, `rampRate`, …). Needs
/// `WELLNESS:READ`.
#[utoipa::path(
    operation_id = "read_wellness",
    tag = "wellness",
    params(("user_id" = String, Path, description = "The partner's id for its user"), ReadQuery),
    responses(
        (status = 200, body = WellnessList, description = "The records, by day"),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: the user has not granted WELLNESS:READ. `upstream-forbidden`: Intervals.icu denied access."),
        crate::web::errors::NoUserProblem,
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`validation`: a bad date or a window over 366 days; nothing was asked of Intervals.icu. `upstream-rejected`: Intervals.icu refused the request (its message is in `detail`)."),
        crate::web::errors::UpstreamProblems,
    ),
    security(("bearer" = []))
)]
#[get("/users/{user_id}/wellness")]
pub async fn read(
    req: HttpRequest,
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
    query: crate::web::extract::Query<ReadQuery>,
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
        .wellness(
            &ctx.access_token,
            ctx.athlete_id(),
            &oldest,
            &newest,
            &cached::caller(&req, &tenant.id),
        )
        .await
    {
        Ok(answer) => cached::viewed(
            &req,
            state.intervals.cache(),
            &answer,
            &format!("{} wellness", tenant.id),
            crate::services::read_cache::JSON,
            |body| {
                let v: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
                    AppError::from(crate::services::intervals::UpstreamError::Unavailable(
                        format!("unreadable answer: {e}"),
                    ))
                })?;
                let list = WellnessList {
                    data: v.as_array().cloned().unwrap_or_default(),
                };
                Ok::<_, AppError>(serde_json::to_vec(&list).unwrap_or_default())
            },
        ),
        Err(e) => Err(upstream_failed(&state, &ctx, e).await),
    }
}
