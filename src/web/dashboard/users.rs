//! The Users page: the tenant's connected users (user id, status, scopes, connected at), found
//! by the start of their user id, a page at a time.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::form::{query_string, Form};
use super::{signed_in, utc, Chrome};
use crate::db::models::Connection;
use crate::db::types::UserId;
use crate::db::{self};
use crate::domain::connections::effective_scopes;
use crate::web::api::State;
use crate::web::errors::AppError;
use crate::web::security::page;

/// Users per page.
const PAGE: i64 = 50;

pub struct UserRow {
    pub user_id: String,
    pub athlete: String,
    pub status: &'static str,
    pub scopes: Vec<String>,
    pub connected_at: String,
}

#[derive(Template)]
#[template(path = "dashboard_users.html")]
struct UsersPage {
    chrome: Option<Chrome>,
    search: String,
    search_error: Option<&'static str>,
    users: Vec<UserRow>,
    /// Whether this page continues an earlier one.
    continued: bool,
    next: Option<String>,
}

/// `GET /dashboard/users?q=&after=`
pub async fn users(state: State, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let signed = match signed_in(&state, &req).await? {
        Ok(s) => s,
        Err(resp) => return Ok(resp),
    };
    let query = Form::query(&req);
    let search = query.text("q").unwrap_or_default().to_owned();
    // User ids are URL-safe; a search with other characters can match nothing.
    let search_ok = search.is_empty() || crate::support::validation::is_url_safe_id(&search);
    let after = query
        .text("after")
        .filter(|a| crate::support::validation::is_url_safe_id(a))
        .map(UserId::new);
    let continued = after.is_some();
    let tenant_id = signed.tenant.id.clone();
    let prefix = search.clone();
    let rows = if search_ok {
        db::run(&state.pool, move |conn| {
            let after = after.as_ref();
            Ok::<_, AppError>(if prefix.is_empty() {
                Connection::page(conn, &tenant_id, after, PAGE + 1)?
            } else {
                Connection::page_with_prefix(conn, &tenant_id, &prefix, after, PAGE + 1)?
            })
        })
        .await?
    } else {
        Vec::new()
    };
    let more = rows.len() as i64 > PAGE;
    let users: Vec<UserRow> = rows
        .iter()
        .take(PAGE as usize)
        .map(|(c, t)| UserRow {
            user_id: c.user_id.to_string(),
            athlete: match &t.athlete_name {
                Some(name) => format!("{name} ({})", c.athlete_id),
                None => c.athlete_id.to_string(),
            },
            status: t.status.as_str(),
            scopes: effective_scopes(c, t).to_vec(),
            connected_at: utc(c.connected_at),
        })
        .collect();
    let next = more
        .then(|| {
            users.last().map(|u| {
                format!(
                    "/dashboard/users{}",
                    query_string(&[("q", &search), ("after", &u.user_id)])
                )
            })
        })
        .flatten();
    page(
        StatusCode::OK,
        &UsersPage {
            chrome: Some(signed.chrome("users")),
            search,
            search_error: (!search_ok)
                .then_some("User ids are letters, digits and - _ . ~ (up to 128)."),
            users,
            continued,
            next,
        },
        &[],
    )
}
