//! `POST /v1/connect-sessions`: a single-use, 30-minute link that starts the browser connect flow.

use actix_web::post;
use actix_web::HttpResponse;
use serde::Deserialize;
use utoipa::ToSchema;

use super::{validate_user_id, State, TenantAuth};
use crate::db;
use crate::db::types::UserId;
use crate::domain::connect_sessions::{self, ConnectSessionCreated};
use crate::domain::scopes::{ScopeSet, DEFAULT_SCOPES};
use crate::web::errors::AppError;

/// Scopes as an array (`["ACTIVITY:WRITE"]`) or the comma-separated wire form.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ScopesInput {
    List(Vec<String>),
    Joined(String),
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "user_id": "alex",
    "redirect_url": "https://partner.example/connected",
    "scopes": ["ACTIVITY:WRITE", "CALENDAR:READ", "WELLNESS:WRITE"]
}))]
pub struct CreateConnectSession {
    /// The partner's own id for its user (URL-safe, up to 128 characters).
    pub user_id: String,
    /// Where to send the browser afterwards; must be registered on the tenant.
    pub redirect_url: Option<String>,
    /// `AREA:READ` or `AREA:WRITE` for areas `ACTIVITY`, `WELLNESS`, `CALENDAR`, `CHATS`,
    /// `LIBRARY`, `SETTINGS` (WRITE includes READ; each area once), as an array or
    /// comma-separated. Default `ACTIVITY:WRITE,CALENDAR:READ,WELLNESS:WRITE`.
    #[schema(value_type = Option<Vec<String>>)]
    pub scopes: Option<ScopesInput>,
}

/// Create a connect link for a user
///
/// Answers a single-use `connect_url` that works for 30 minutes. Send the user's browser there:
/// the bridge shows its consent page, takes the athlete through Intervals.icu's authorization
/// and, when `redirect_url` is given, comes back to it with `user_id`, `status` (`connected` or
/// `error`), `error`, `scopes` (when connected: those the tenant may use now, what it asked for
/// narrowed by the athlete's grant), `ts` and `sig` (check `sig` before trusting them; see
/// the README). Without
/// a `redirect_url` the bridge shows its own result page.
///
/// The `user_id` is the partner's own id for its user; connecting one that is already
/// connected connects it again with the scopes asked for now. Once connected the tenant gets
/// `connection.created` (or `connection.updated`).
#[utoipa::path(
    operation_id = "create_connect_session",
    tag = "connect",
    request_body = CreateConnectSession,
    responses(
        (status = 201, body = ConnectSessionCreated, description = "The link to send the user's browser to"),
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`validation`: a bad `user_id`, an unknown or repeated scope area, no scope, or a `redirect_url` not registered on the tenant; nothing was created."),
    ),
    security(("bearer" = []))
)]
#[post("/connect-sessions")]
pub async fn create(
    state: State,
    TenantAuth(tenant): TenantAuth,
    body: crate::web::extract::Json<CreateConnectSession>,
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
