//! `/v1/users`: the tenant's connections. Another tenant's user is indistinguishable from a
//! missing one.

use actix_web::{web, HttpResponse};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{validate_user_id, TenantAuth};
use crate::app::State;
use crate::db::models::{token_status, Connection, Token};
use crate::db::schema::{connections, tokens, wellness_records};
use crate::db::{self, DbConn};
use crate::errors::AppError;
use crate::scopes::ScopeSet;

#[derive(Debug, Serialize, ToSchema)]
pub struct User {
    pub user_id: String,
    pub athlete_id: String,
    pub athlete_name: Option<String>,
    /// What this tenant may do now: what it asked for, narrowed by the athlete's current grant.
    pub scopes: Vec<String>,
    /// `active`, `revoked` (the athlete withdrew access) or `invalid` (Intervals.icu refused the token).
    pub status: String,
    pub connected_at: String,
    pub updated_at: String,
}

pub fn user_view(c: &Connection, t: &Token) -> User {
    let scopes = ScopeSet::parse_lenient(&c.scopes).effective(&ScopeSet::parse_lenient(&t.scopes));
    User {
        user_id: c.user_id.clone(),
        athlete_id: c.athlete_id.clone(),
        athlete_name: t.athlete_name.clone(),
        scopes: scopes.to_vec(),
        status: t.status.clone(),
        connected_at: c.connected_at.and_utc().to_rfc3339(),
        updated_at: c.updated_at.max(t.updated_at).and_utc().to_rfc3339(),
    }
}

/// The tenant's connection for `user_id` with its token.
pub fn find_connection(
    conn: &mut DbConn,
    tenant_id: &str,
    user_id: &str,
) -> Result<(Connection, Token), AppError> {
    connections::table
        .inner_join(tokens::table)
        .filter(connections::tenant_id.eq(tenant_id))
        .filter(connections::user_id.eq(user_id))
        .select((Connection::as_select(), Token::as_select()))
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found(format!("No connected user '{user_id}'.")))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct ListQuery {
    /// 1 to 200, default 50.
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserPage {
    pub data: Vec<User>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[utoipa::path(
    get, path = "/v1/users", tag = "users", params(ListQuery),
    responses((status = 200, body = UserPage), (status = 401, body = crate::errors::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn list(
    state: State,
    TenantAuth(tenant): TenantAuth,
    query: web::Query<ListQuery>,
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
    let rows = db::run(&state.pool, move |conn| {
        let mut q = connections::table
            .inner_join(tokens::table)
            .filter(connections::tenant_id.eq(&tenant.id))
            .order(connections::user_id.asc())
            .limit(limit + 1)
            .select((Connection::as_select(), Token::as_select()))
            .into_boxed();
        if let Some(after) = after {
            q = q.filter(connections::user_id.gt(after));
        }
        Ok(q.load::<(Connection, Token)>(conn)?)
    })
    .await?;
    let more = rows.len() as i64 > limit;
    let data: Vec<User> = rows
        .iter()
        .take(limit as usize)
        .map(|(c, t)| user_view(c, t))
        .collect();
    let next_cursor = more
        .then(|| data.last().map(|u| URL_SAFE_NO_PAD.encode(&u.user_id)))
        .flatten();
    Ok(HttpResponse::Ok().json(UserPage { data, next_cursor }))
}

#[utoipa::path(
    get, path = "/v1/users/{user_id}", tag = "users",
    params(("user_id" = String, Path, description = "The partner's id for its user")),
    responses((status = 200, body = User), (status = 404, body = crate::errors::Problem, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
pub async fn get(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user_id = path.into_inner();
    validate_user_id(&user_id)
        .map_err(|_| AppError::not_found(format!("No connected user '{user_id}'.")))?;
    let (c, t) = db::run(&state.pool, move |conn| {
        find_connection(conn, &tenant.id, &user_id)
    })
    .await?;
    Ok(HttpResponse::Ok().json(user_view(&c, &t)))
}

#[utoipa::path(
    delete, path = "/v1/users/{user_id}", tag = "users",
    params(("user_id" = String, Path, description = "The partner's id for its user")),
    responses(
        (status = 204, description = "Disconnected; revoked upstream when no other connection used the athlete's token"),
        (status = 404, body = crate::errors::Problem, content_type = "application/problem+json"),
        (status = 502, body = crate::errors::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn delete(
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user_id = path.into_inner();
    validate_user_id(&user_id)
        .map_err(|_| AppError::not_found(format!("No connected user '{user_id}'.")))?;
    let (c, t, others) = db::run(&state.pool, move |conn| {
        let (c, t) = find_connection(conn, &tenant.id, &user_id)?;
        let others: i64 = connections::table
            .filter(connections::token_id.eq(&t.id))
            .filter(connections::id.ne(&c.id))
            .count()
            .get_result(conn)?;
        Ok((c, t, others))
    })
    .await?;
    let last_user = others == 0;
    // Revoke upstream first: if Intervals.icu is unreachable nothing changes and the partner retries.
    if last_user && t.status == token_status::ACTIVE {
        let token = state.keys.decrypt(&t.key_id, &t.access_token_enc)?;
        state.intervals.disconnect_app(&token).await?;
    }
    db::run(&state.pool, move |conn| {
        crate::db::write_tx(conn, |conn| {
            diesel::delete(connections::table.find(&c.id)).execute(conn)?;
            // What waited for this user is forgotten with it: it must not be pushed later.
            diesel::delete(
                wellness_records::table
                    .filter(wellness_records::tenant_id.eq(&c.tenant_id))
                    .filter(wellness_records::user_id.eq(&c.user_id))
                    .filter(wellness_records::pushed_version.lt(wellness_records::version)),
            )
            .execute(conn)?;
            let remaining: i64 = connections::table
                .filter(connections::token_id.eq(&t.id))
                .count()
                .get_result(conn)?;
            if remaining == 0 {
                diesel::delete(tokens::table.find(&t.id)).execute(conn)?;
            }
            Ok::<_, diesel::result::Error>(())
        })?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
