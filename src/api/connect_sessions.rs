//! `POST /v1/connect-sessions`: a single-use, 30-minute link that starts the browser connect flow.

use actix_web::{web, HttpResponse};
use chrono::Duration;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{validate_user_id, TenantAuth};
use crate::app::State;
use crate::config::Config;
use crate::connect::tokens;
use crate::crypto::Keyring;
use crate::db::DbConn;
use crate::db::{self, models::ConnectSession, schema::connect_sessions};
use crate::errors::AppError;
use crate::scopes::{ScopeSet, DEFAULT_SCOPES};

pub const SESSION_TTL_MINUTES: i64 = 30;

/// Scopes as an array (`["ACTIVITY:WRITE"]`) or the comma-separated wire form.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ScopesInput {
    List(Vec<String>),
    Joined(String),
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateConnectSession {
    /// The partner's own id for its user (URL-safe, up to 128 characters).
    pub user_id: String,
    /// Where to send the browser afterwards; must be registered on the tenant.
    pub redirect_url: Option<String>,
    /// Default `ACTIVITY:WRITE,CALENDAR:READ,WELLNESS:WRITE`.
    #[schema(value_type = Option<Vec<String>>)]
    pub scopes: Option<ScopesInput>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConnectSessionCreated {
    pub id: String,
    pub connect_url: String,
    pub expires_at: String,
    pub scopes: Vec<String>,
}

#[utoipa::path(
    post, path = "/v1/connect-sessions", tag = "connect",
    request_body = CreateConnectSession,
    responses(
        (status = 201, body = ConnectSessionCreated),
        (status = 401, body = crate::errors::Problem, content_type = "application/problem+json"),
        (status = 422, body = crate::errors::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn create(
    state: State,
    TenantAuth(tenant): TenantAuth,
    body: web::Json<CreateConnectSession>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    validate_user_id(&body.user_id)?;
    let scopes = match &body.scopes {
        None => ScopeSet::parse(DEFAULT_SCOPES),
        Some(ScopesInput::List(v)) => ScopeSet::parse_list(v.iter().map(String::as_str)),
        Some(ScopesInput::Joined(s)) => ScopeSet::parse(s),
    }
    .map_err(|e| AppError::field("scopes", e))?;
    if scopes.is_empty() {
        return Err(AppError::field("scopes", "ask for at least one scope"));
    }
    if let Some(url) = &body.redirect_url {
        if !tenant.redirect_url_list().iter().any(|r| r == url) {
            return Err(AppError::field(
                "redirect_url",
                "is not one of the tenant's registered redirect URLs",
            ));
        }
    }
    let st = state.clone();
    let response = db::run(&state.pool, move |conn| {
        Ok(create_session(
            conn,
            &st.keys,
            &st.config,
            &tenant.id,
            &body.user_id,
            body.redirect_url,
            &scopes,
        )?)
    })
    .await?;
    Ok(HttpResponse::Created().json(response))
}

/// Stores a pending session and signs its link (also used by `serve --sandbox` for the demo link).
pub fn create_session(
    conn: &mut DbConn,
    keys: &Keyring,
    config: &Config,
    tenant_id: &str,
    user_id: &str,
    redirect_url: Option<String>,
    scopes: &ScopeSet,
) -> anyhow::Result<ConnectSessionCreated> {
    let now = db::now();
    let row = ConnectSession {
        id: db::new_id(),
        tenant_id: tenant_id.to_owned(),
        user_id: user_id.to_owned(),
        redirect_url,
        scopes: scopes.to_string(),
        status: "pending".into(),
        error: None,
        created_at: now,
        expires_at: now + Duration::minutes(SESSION_TTL_MINUTES),
        used_at: None,
        completed_at: None,
    };
    let token = tokens::connect_token(keys, &row.id, row.expires_at)?;
    diesel::insert_into(connect_sessions::table)
        .values(&row)
        .execute(conn)?;
    Ok(ConnectSessionCreated {
        id: row.id,
        connect_url: config.public(&format!("/connect/{token}")),
        expires_at: row.expires_at.and_utc().to_rfc3339(),
        scopes: scopes.to_vec(),
    })
}
