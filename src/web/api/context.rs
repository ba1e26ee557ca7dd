//! The per-request view of one connected user: its connection, token (decrypted) and effective
//! scopes, loaded (from this instance's cache when it has them, `access_cache`) and checked
//! before any upstream call.

use super::State;
use crate::db::models::{Connection, Token};
use crate::db::types::{AthleteId, TenantId, TokenStatus, UserId};
use crate::domain::connections::{self, check_access};
use crate::domain::scopes::Scope;
use crate::services::access_cache::CachedUser;
use crate::services::intervals::{AccessToken, UpstreamError};
use crate::web::errors::AppError;

pub struct UserCtx {
    pub connection: Connection,
    pub token: Token,
    pub access_token: AccessToken,
}

impl UserCtx {
    pub fn athlete_id(&self) -> &AthleteId {
        &self.connection.athlete_id
    }
}

/// The 404 for a user the tenant does not have (or another tenant's).
pub fn no_user(user_id: &str) -> AppError {
    AppError::not_found(format!("No connected user '{user_id}'."))
}

/// The tenant's connection for `user_id` with its token (decrypted when it can be), or 404.
async fn load_user(
    state: &State,
    tenant_id: &TenantId,
    user_id: &str,
) -> Result<CachedUser, AppError> {
    super::validate_user_id(user_id).map_err(|_| no_user(user_id))?;
    let u = UserId::new(user_id);
    if let Some(found) = state.access.user(tenant_id, &u) {
        crate::web::budget::note_athlete(&found.connection.athlete_id);
        return Ok(found);
    }
    let generation = state.access.generation();
    let (t, uu) = (tenant_id.clone(), u.clone());
    let (connection, token) = crate::db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(Connection::find_with_token(conn, &t, &uu)?)
    })
    .await?
    .ok_or_else(|| no_user(user_id))?;
    let access_token = state
        .keys
        .decrypt(&token.key_id, &token.access_token_enc)
        .ok();
    let found = CachedUser {
        connection,
        token,
        access_token,
    };
    state
        .access
        .put_user(generation, tenant_id.clone(), u, found.clone());
    crate::web::budget::note_athlete(&found.connection.athlete_id);
    Ok(found)
}

/// The tenant's connection for `user_id` with its token, or 404.
pub async fn find_user(
    state: &State,
    tenant_id: &TenantId,
    user_id: &str,
) -> Result<(Connection, Token), AppError> {
    let found = load_user(state, tenant_id, user_id).await?;
    Ok((found.connection, found.token))
}

/// Loads the tenant's user and checks it may do `needed` now: connected (404), token still
/// accepted (409, fail fast without calling upstream), scope granted (403).
pub async fn user_ctx(
    state: &State,
    tenant_id: &TenantId,
    user_id: &str,
    needed: &str,
) -> Result<UserCtx, AppError> {
    let needed = Scope::parse(needed).map_err(AppError::bad_request)?;
    let found = load_user(state, tenant_id, user_id).await?;
    check_access(&found.connection, &found.token, &needed)?;
    let secret = match found.access_token {
        Some(s) => s,
        None => state
            .keys
            .decrypt(&found.token.key_id, &found.token.access_token_enc)?,
    };
    Ok(UserCtx {
        access_token: AccessToken::new(found.connection.athlete_id.clone(), secret),
        connection: found.connection,
        token: found.token,
    })
}

/// Turns an upstream failure into the partner's problem; a 401 marks the athlete's token invalid
/// for every tenant (and records `connection.invalid` events).
pub async fn upstream_failed(state: &State, ctx: &UserCtx, err: UpstreamError) -> AppError {
    if matches!(err, UpstreamError::Unauthorized) {
        let token_id = ctx.token.id.clone();
        let marked = crate::db::run(&state.pool, move |conn| {
            Ok::<_, AppError>(connections::retire_token(
                conn,
                &token_id,
                TokenStatus::Invalid,
                "Intervals.icu answered 401",
            )?)
        })
        .await;
        match marked {
            Ok(n) if n > 0 => log::warn!(
                "token of athlete {} is no longer accepted; {n} connection(s) marked invalid",
                ctx.athlete_id()
            ),
            Ok(_) => {}
            Err(e) => log::error!("marking a token invalid failed: {e}"),
        }
    }
    err.into()
}
