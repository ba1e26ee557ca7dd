//! `/v1/users`: the tenant's connections. Another tenant's user is indistinguishable from a
//! missing one.

use actix_web::{delete, get};
use actix_web::{web, HttpResponse};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::context::{find_user, no_user};
use super::{validate_user_id, State, TenantAuth};
use crate::db::models::{Connection, Token, UpstreamUsage};
use crate::db::types::{TenantId, TokenStatus, UserId};
use crate::db::{self};
use crate::domain::connections::{self, effective_scopes};
use crate::services::intervals::usage::{day_key, today};
use crate::services::intervals::AccessToken;
use crate::web::errors::AppError;

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "user_id": "alex",
    "athlete_id": "i317960",
    "athlete_name": "Alex Rider",
    "scopes": ["ACTIVITY:WRITE", "CALENDAR:READ", "WELLNESS:WRITE"],
    "status": "active",
    "connected_at": "2026-03-01T09:02:35.685211+00:00",
    "updated_at": "2026-03-01T09:02:35.685211+00:00",
    "upstream_calls_today": 12
}))]
pub struct User {
    /// The partner's own id for its user.
    pub user_id: String,
    /// The Intervals.icu athlete id (`i317960`, or numeric for older accounts).
    pub athlete_id: String,
    pub athlete_name: Option<String>,
    /// What this tenant may do now: what it asked for, narrowed by the athlete's current grant.
    pub scopes: Vec<String>,
    /// `active`, `revoked` (the athlete withdrew access) or `invalid` (Intervals.icu refused the token).
    pub status: TokenStatus,
    pub connected_at: String,
    pub updated_at: String,
    /// Calls made to Intervals.icu for this user's athlete since midnight UTC, through every
    /// tenant and instance (Intervals.icu allows about 100 a day per athlete; see
    /// `INTERVALS_ATHLETE_DAILY_BUDGET`). Another instance's last second of calls may not be in
    /// it yet.
    pub upstream_calls_today: i64,
}

pub fn user_view(c: &Connection, t: &Token, upstream_calls_today: i64) -> User {
    User {
        user_id: c.user_id.to_string(),
        athlete_id: c.athlete_id.to_string(),
        athlete_name: t.athlete_name.clone(),
        scopes: effective_scopes(c, t).to_vec(),
        status: t.status,
        connected_at: c.connected_at.and_utc().to_rfc3339(),
        // The connection's own time: another tenant's connect replaces the shared token, which
        // is no change of this tenant's view.
        updated_at: c.updated_at.and_utc().to_rfc3339(),
        upstream_calls_today,
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// 1 to 200, default 50.
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "data": [{
        "user_id": "alex",
        "athlete_id": "i317960",
        "athlete_name": "Alex Rider",
        "scopes": ["ACTIVITY:WRITE", "CALENDAR:READ", "WELLNESS:WRITE"],
        "status": "active",
        "connected_at": "2026-03-01T09:02:35.685211+00:00",
        "updated_at": "2026-03-01T09:02:35.685211+00:00",
        "upstream_calls_today": 12
    }],
    "next_cursor": "YWxleA"
}))]
pub struct UserPage {
    /// By `user_id`.
    pub data: Vec<User>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// List connected users
///
/// The tenant's users by `user_id`, a page at a time: pass `next_cursor` as `cursor` for the
/// next page. Users whose athlete withdrew access stay listed (with `status` `revoked` or
/// `invalid`) until they are deleted.
#[utoipa::path(
    operation_id = "list_users",
    tag = "users", params(ListQuery),
    responses(
        (status = 200, body = UserPage, description = "One page of users"),
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`validation`: `limit` out of range, or a `cursor` this API did not issue."),
    ),
    security(("bearer" = []))
)]
#[get("/users")]
pub async fn list(
    state: State,
    TenantAuth(tenant): TenantAuth,
    query: crate::web::extract::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let limit = query.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(AppError::field("limit", "must be between 1 and 200"));
    }
    let after = match &query.cursor {
        Some(c) => Some(
            URL_SAFE_NO_PAD
                .decode(c)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .ok_or_else(|| AppError::field("cursor", "is not a cursor this API issued"))?,
        ),
        None => None,
    };
    let (rows, calls) = db::run(&state.pool, move |conn| {
        let rows = Connection::page(conn, &tenant.id, after.map(UserId::new).as_ref(), limit + 1)?;
        let athletes: Vec<String> = rows.iter().map(|(c, _)| c.athlete_id.to_string()).collect();
        let calls = UpstreamUsage::calls_of(conn, &day_key(today()), &athletes)?;
        Ok::<_, AppError>((rows, calls))
    })
    .await?;
    let calls: std::collections::HashMap<String, i64> = calls.into_iter().collect();
    let usage = state.intervals.usage();
    let more = rows.len() as i64 > limit;
    let data: Vec<User> = rows
        .iter()
        .take(limit as usize)
        .map(|(c, t)| {
            let athlete = c.athlete_id.to_string();
            let n = calls.get(&athlete).copied().unwrap_or(0) + usage.unwritten(&athlete);
            user_view(c, t, n)
        })
        .collect();
    let next_cursor = more
        .then(|| data.last().map(|u| URL_SAFE_NO_PAD.encode(&u.user_id)))
        .flatten();
    Ok(HttpResponse::Ok().json(UserPage { data, next_cursor }))
}

/// Get a connected user
///
/// The connection's state: its `status`, the scopes this tenant may use now (what it asked for,
/// narrowed by the athlete's current grant) and the athlete's calls to Intervals.icu today.
/// Reading a user calls nothing upstream.
#[utoipa::path(
    operation_id = "get_user",
    tag = "users",
    params(("user_id" = String, Path, description = "The partner's id for its user")),
    responses(
        (status = 200, body = User, description = "The user"),
        crate::web::errors::NoUserProblem,
    ),
    security(("bearer" = []))
)]
#[get("/users/{user_id}")]
pub async fn get(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (c, t) = find_user(&state, &tenant.id, &path).await?;
    let athlete = c.athlete_id.to_string();
    let a = athlete.clone();
    let written = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(UpstreamUsage::calls(conn, &day_key(today()), &a)?)
    })
    .await?;
    let calls = written + state.intervals.usage().unwritten(&athlete);
    Ok(HttpResponse::Ok().json(user_view(&c, &t, calls)))
}

/// Disconnect and erase a user
///
/// Erases what the bridge holds for the user: the connection, its connect sessions, its
/// wellness (pending and pushed), upload and planned-workout records, its events and their
/// webhook deliveries. When no other connection (of any tenant) uses the athlete's token, the
/// bridge first revokes it on Intervals.icu; if Intervals.icu cannot be reached, nothing
/// changes and the call may be retried. What was written to Intervals.icu stays there.
#[utoipa::path(
    operation_id = "delete_user",
    tag = "users",
    params(("user_id" = String, Path, description = "The partner's id for its user")),
    responses(
        (status = 204, description = "Disconnected and erased (connection, wellness, upload and planned-workout records, events and deliveries); revoked upstream, and the token forgotten, when no other connection used the athlete's token"),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`upstream-forbidden`: Intervals.icu refused to revoke the token; nothing changed."),
        crate::web::errors::NoUserProblem,
        (status = 429, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`athlete-budget-spent`: the athlete's Intervals.icu calls for today are spent, so the token could not be revoked; nothing changed."),
        (status = 502, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`upstream-unavailable`, `upstream-error`: Intervals.icu could not revoke the token; nothing changed."),
        (status = 503, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`upstream-rate-limited`: Intervals.icu is rate limiting; nothing changed."),
    ),
    security(("bearer" = []))
)]
#[delete("/users/{user_id}")]
pub async fn delete(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    disconnect(&state, &tenant.id, &path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Disconnects and erases the tenant's user (`DELETE /v1/users/{user_id}` and the dashboard's
/// Disconnect): revokes upstream first when this was the athlete's last connection, so an
/// unreachable Intervals.icu changes nothing and the caller may retry.
pub async fn disconnect(
    state: &State,
    tenant_id: &TenantId,
    user_id: &str,
) -> Result<(), AppError> {
    validate_user_id(user_id).map_err(|_| no_user(user_id))?;
    // Planned again when another disconnect of the athlete made this one its last meanwhile.
    for _ in 0..3 {
        let (t, u) = (tenant_id.clone(), UserId::new(user_id));
        let plan = db::run(&state.pool, move |conn| {
            Ok::<_, AppError>(connections::plan_disconnect(conn, &t, &u)?)
        })
        .await?
        .ok_or_else(|| no_user(user_id))?;
        if plan.last_user && plan.token.status == TokenStatus::Active {
            let token = state
                .keys
                .decrypt(&plan.token.key_id, &plan.token.access_token_enc)?;
            let token = AccessToken::new(plan.token.athlete_id.clone(), token);
            state.intervals.disconnect_app(&token).await?;
        }
        let erased = db::run(&state.pool, move |conn| {
            Ok::<_, AppError>(connections::forget(conn, &plan)?)
        })
        .await?;
        if erased {
            return Ok(());
        }
    }
    Err(AppError::conflict(
        "Other disconnects of this athlete kept interfering; retry.",
    ))
}
