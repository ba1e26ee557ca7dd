//! The per-request view of one connected user: its connection, token (decrypted), effective
//! scopes, and the rules that apply before any upstream call.

use crate::app::State;
use crate::db::models::{retire_token, token_status, Connection, Token};
use crate::db::{self};
use crate::errors::AppError;
use crate::intervals::UpstreamError;
use crate::scopes::{Scope, ScopeSet};

pub struct UserCtx {
    pub connection: Connection,
    pub token: Token,
    pub access_token: String,
    pub scopes: ScopeSet,
}

impl UserCtx {
    pub fn athlete_id(&self) -> &str {
        &self.connection.athlete_id
    }
}

/// Loads the tenant's user and checks it may do `needed` now: connected (404), token still
/// accepted (409, fail fast without calling upstream), scope granted (403).
pub async fn user_ctx(
    state: &State,
    tenant_id: &str,
    user_id: &str,
    needed: &str,
) -> Result<UserCtx, AppError> {
    super::validate_user_id(user_id)
        .map_err(|_| AppError::not_found(format!("No connected user '{user_id}'.")))?;
    let needed = Scope::parse(needed).map_err(AppError::bad_request)?;
    let (tenant_id, user_id) = (tenant_id.to_owned(), user_id.to_owned());
    let (connection, token) = db::run(&state.pool, move |conn| {
        super::users::find_connection(conn, &tenant_id, &user_id)
    })
    .await?;
    match token.status.as_str() {
        token_status::ACTIVE => {}
        token_status::REVOKED => {
            return Err(AppError::new(
                actix_web::http::StatusCode::CONFLICT,
                "connection-revoked",
                "The athlete withdrew access on Intervals.icu; ask the user to connect again.",
            ))
        }
        _ => {
            return Err(AppError::new(
                actix_web::http::StatusCode::CONFLICT,
                "connection-invalid",
                "Intervals.icu no longer accepts this user's authorization; ask the user to connect again.",
            ))
        }
    }
    let scopes = ScopeSet::parse_lenient(&connection.scopes)
        .effective(&ScopeSet::parse_lenient(&token.scopes));
    if !scopes.allows(&needed) {
        return Err(AppError::forbidden(
            "missing-scope",
            format!(
                "This needs the {needed} scope, which the user has not granted (granted: {}).",
                if scopes.is_empty() {
                    "none".to_owned()
                } else {
                    scopes.to_string()
                }
            ),
        ));
    }
    let access_token = state.keys.decrypt(&token.key_id, &token.access_token_enc)?;
    Ok(UserCtx {
        connection,
        token,
        access_token,
        scopes,
    })
}

/// Turns an upstream failure into the partner's problem; a 401 marks the athlete's token invalid
/// for every tenant (and records `connection.invalid` events).
pub async fn upstream_failed(state: &State, ctx: &UserCtx, err: UpstreamError) -> AppError {
    if matches!(err, UpstreamError::Unauthorized) {
        let token_id = ctx.token.id.clone();
        let marked = db::run(&state.pool, move |conn| {
            Ok(retire_token(
                conn,
                &token_id,
                token_status::INVALID,
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
