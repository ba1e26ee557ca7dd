//! One connected user's page: its status, the scopes it was asked for and may use now, its
//! athlete's upstream calls today against the budget, a new connect link for it, and
//! disconnecting it after a confirmation page.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::users::daily_budget;
use super::{message, signed_in, utc, Chrome, Signed, SignedForm};
use crate::db::models::{Connection, UpstreamUsage};
use crate::db::types::UserId;
use crate::db::{self};
use crate::domain::connect_sessions::{self, ConnectSessionCreated};
use crate::domain::connections::{self, effective_scopes};
use crate::domain::scopes::ScopeSet;
use crate::services::intervals::usage::{day_key, today};
use crate::support::validation::is_url_safe_id;
use crate::web::api::users::disconnect as disconnect_user;
use crate::web::api::State;
use crate::web::errors::AppError;
use crate::web::security::{page, redirect};

#[derive(Template)]
#[template(path = "dashboard_user.html")]
struct UserPage {
    chrome: Option<Chrome>,
    user_id: String,
    athlete: String,
    status: &'static str,
    /// What the tenant may use now, and what it asked for when they differ.
    scopes: Vec<String>,
    requested: Vec<String>,
    connected_at: String,
    updated_at: String,
    calls: i64,
    budget: i64,
    calls_width: i64,
    over_budget: bool,
    /// The connect-link form: its scopes (the ones asked for last) and redirect URL choices.
    link_scopes: String,
    redirect_urls: Vec<String>,
    /// A refused connect-link form's reason, or the link just made.
    link_error: Option<String>,
    link: Option<ConnectSessionCreated>,
}

#[derive(Template)]
#[template(path = "dashboard_disconnect.html")]
struct ConfirmPage {
    chrome: Option<Chrome>,
    user_id: String,
    athlete: String,
    /// Whether this is the athlete's last connection here, so the token is revoked upstream.
    last: bool,
}

/// The 404 page for a user the tenant does not have (another tenant's looks the same).
fn no_such_user(signed: &Signed) -> Result<HttpResponse, AppError> {
    message(
        StatusCode::NOT_FOUND,
        Some(signed.chrome("users")),
        "No such user",
        "This user is not connected (it may have been disconnected). Nothing was changed.",
        "/dashboard/users",
    )
}

async fn render(
    state: &State,
    signed: Signed,
    user_id: String,
    link_scopes: Option<String>,
    outcome: Option<Result<ConnectSessionCreated, String>>,
) -> Result<HttpResponse, AppError> {
    if !is_url_safe_id(&user_id) {
        return no_such_user(&signed);
    }
    let (t, u) = (signed.tenant.id.clone(), UserId::new(user_id.as_str()));
    let found = db::run(&state.pool, move |conn| {
        let Some((c, tok)) = Connection::find_with_token(conn, &t, &u)? else {
            return Ok::<_, AppError>(None);
        };
        let calls = UpstreamUsage::calls(conn, &day_key(today()), &c.athlete_id)?;
        Ok(Some((c, tok, calls)))
    })
    .await?;
    let Some((c, t, written)) = found else {
        return no_such_user(&signed);
    };
    let calls = written + state.intervals.usage().unwritten(&c.athlete_id);
    let budget = daily_budget(state);
    let scopes = effective_scopes(&c, &t).to_vec();
    let requested = ScopeSet::parse(&c.scopes)
        .map(|s| s.to_vec())
        .unwrap_or_default();
    let status = if outcome.as_ref().is_some_and(|o| o.is_err()) {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let (link, link_error) = match outcome {
        Some(Ok(link)) => (Some(link), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    page(
        status,
        &UserPage {
            chrome: Some(signed.chrome("users")),
            athlete: match &t.athlete_name {
                Some(name) => format!("{name} ({})", c.athlete_id),
                None => c.athlete_id.to_string(),
            },
            status: t.status.as_str(),
            requested: if requested == scopes {
                Vec::new()
            } else {
                requested.clone()
            },
            scopes,
            connected_at: utc(c.connected_at),
            updated_at: utc(c.updated_at),
            calls,
            budget,
            calls_width: (calls * 100 / budget).clamp(0, 100),
            over_budget: calls >= budget,
            link_scopes: link_scopes.unwrap_or_else(|| requested.join(",")),
            redirect_urls: signed.tenant.redirect_url_list(),
            link_error,
            link,
            user_id,
        },
        &[],
    )
}

/// `GET /dashboard/users/{user_id}`
pub async fn user(
    state: State,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let signed = match signed_in(&state, &req).await? {
        Ok(s) => s,
        Err(resp) => return Ok(resp),
    };
    render(&state, signed, path.into_inner(), None, None).await
}

/// `POST /dashboard/users/{user_id}/connect-link`: a new single-use connect link for the user,
/// as `POST /v1/connect-sessions` makes (the same scope and redirect URL rules), shown on the
/// user's page.
pub async fn connect_link(
    state: State,
    path: web::Path<String>,
    SignedForm { signed, form }: SignedForm,
) -> Result<HttpResponse, AppError> {
    let user_id = path.into_inner();
    let typed = form.text("scopes").unwrap_or_default().to_owned();
    let redirect_url = form.text("redirect_url").map(str::to_owned);
    let scopes = match ScopeSet::parse(&typed) {
        Ok(s) if s.is_empty() => Err("Ask for at least one scope.".to_owned()),
        Ok(s) => Ok(s),
        Err(e) => Err(format!("Scopes: {e}")),
    };
    let registered = redirect_url
        .as_ref()
        .is_none_or(|u| signed.tenant.redirect_url_list().contains(u));
    let outcome = match scopes {
        Err(e) => Err(e),
        Ok(_) if !registered => {
            Err("That redirect URL is not registered: add it in Settings first.".to_owned())
        }
        Ok(_) if !is_url_safe_id(&user_id) => return no_such_user(&signed),
        Ok(scopes) => {
            let (st, tenant_id, u) = (
                state.clone(),
                signed.tenant.id.clone(),
                UserId::new(user_id.as_str()),
            );
            let created = db::run(&state.pool, move |conn| {
                Ok::<_, AppError>(connect_sessions::create(
                    conn,
                    &st.keys,
                    &st.config,
                    &tenant_id,
                    &u,
                    redirect_url,
                    &scopes,
                )?)
            })
            .await?;
            Ok(created)
        }
    };
    render(&state, signed, user_id, Some(typed), Some(outcome)).await
}

/// `POST /dashboard/users/{user_id}/disconnect`: without `confirm=yes`, the page that asks
/// (saying whether the athlete's token is revoked upstream); with it, disconnects and erases
/// the user as `DELETE /v1/users/{user_id}` does, then back to the users list.
pub async fn disconnect(
    state: State,
    path: web::Path<String>,
    SignedForm { signed, form }: SignedForm,
) -> Result<HttpResponse, AppError> {
    let user_id = path.into_inner();
    if !is_url_safe_id(&user_id) {
        return no_such_user(&signed);
    }
    if form.get("confirm") != Some("yes") {
        let (t, u) = (signed.tenant.id.clone(), UserId::new(user_id.as_str()));
        let plan = db::run(&state.pool, move |conn| {
            Ok::<_, AppError>(connections::plan_disconnect(conn, &t, &u)?)
        })
        .await?;
        let Some(plan) = plan else {
            return no_such_user(&signed);
        };
        let (c, t) = (&plan.connection, &plan.token);
        return page(
            StatusCode::OK,
            &ConfirmPage {
                chrome: Some(signed.chrome("users")),
                athlete: match &t.athlete_name {
                    Some(name) => format!("{name} ({})", c.athlete_id),
                    None => c.athlete_id.to_string(),
                },
                last: plan.last_user,
                user_id,
            },
            &[],
        );
    }
    match disconnect_user(&state, &signed.tenant.id, &user_id).await {
        Ok(()) => Ok(redirect("/dashboard/users?notice=disconnected")),
        Err(e) if e.status == StatusCode::NOT_FOUND => no_such_user(&signed),
        Err(e) => message(
            e.status,
            Some(signed.chrome("users")),
            "The user was not disconnected",
            &format!("{} Nothing was changed; try again later.", e.detail),
            "/dashboard/users",
        ),
    }
}
