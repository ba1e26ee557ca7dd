//! `POST /v1/connect-sessions`: a single-use, 30-minute link that starts the browser connect flow.

use actix_web::post;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{validate_user_id, State, TenantAuth};
use crate::connect_sessions::{self, ConnectSessionCreated};
use crate::db;
use crate::db::types::UserId;
use crate::errors::AppError;
use crate::scopes::{ScopeSet, DEFAULT_SCOPES};

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

#[utoipa::path(
    operation_id = "create_connect_session",
    tag = "connect",
    request_body = CreateConnectSession,
    responses(
        (status = 201, body = ConnectSessionCreated),
        (status = 401, body = crate::errors::Problem, content_type = "application/problem+json"),
        (status = 422, body = crate::errors::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/connect-sessions")]
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
        Ok::<_, AppError>(connect_sessions::create(
            conn,
            &st.keys,
            &st.config,
            &tenant.id,
            &UserId::new(body.user_id),
            body.redirect_url,
            &scopes,
        )?)
    })
    .await?;
    Ok(HttpResponse::Created().json(response))
}
