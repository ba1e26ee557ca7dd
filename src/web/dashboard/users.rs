//! The Users page: the tenant's connected users (user id, status, scopes, connected at, upstream
//! calls today against the budget as a bar), found by the start of their user id, a page at a
//! time, each linking to its own page; above them, the share of this tenant's reads the read cache answered, as a bar.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::form::{query_string, Form};
use super::{signed_in, utc, Chrome};
use std::collections::HashMap;

use crate::db::models::{Connection, UpstreamUsage};
use crate::db::types::UserId;
use crate::db::{self};
use crate::domain::connections::effective_scopes;
use crate::services::intervals::usage::{day_key, today};
use crate::web::api::State;
use crate::web::errors::AppError;
use crate::web::security::page;

/// What Intervals.icu allows an OAuth app per athlete and day (API.md), the bars' scale when no
/// `INTERVALS_ATHLETE_DAILY_BUDGET` is set.
const INTERVALS_DAILY_ALLOWANCE: i64 = 100;

/// Users per page.
const PAGE: i64 = 50;

pub struct UserRow {
    pub user_id: String,
    pub athlete: String,
    pub status: &'static str,
    pub scopes: Vec<String>,
    pub connected_at: String,
    /// Upstream calls the athlete made today (all tenants), and that against the budget.
    pub calls: i64,
    pub calls_width: i64,
    pub over_budget: bool,
}

/// This tenant's reads on this instance: how many the read cache answered.
pub struct CacheChart {
    pub reads: u64,
    pub hits: u64,
    /// Percent of reads answered without Intervals.icu, and the bar's widths (of 100).
    pub percent: u64,
}

#[derive(Template)]
#[template(path = "dashboard_users.html")]
struct UsersPage {
    chrome: Option<Chrome>,
    search: String,
    search_error: Option<&'static str>,
    users: Vec<UserRow>,
    /// The budget the bars are drawn against.
    budget: i64,
    cache: CacheChart,
    /// Whether this page continues an earlier one.
    continued: bool,
    next: Option<String>,
    notice: Option<&'static str>,
}

/// The athlete's cap when one is set, else what Intervals.icu allows an app per athlete: the
/// scale of the calls-today bars.
pub fn daily_budget(state: &State) -> i64 {
    state
        .intervals
        .usage()
        .cap()
        .unwrap_or(INTERVALS_DAILY_ALLOWANCE)
        .max(1)
}

/// `GET /dashboard/users?q=&after=&notice=`
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
    let (rows, calls) = if search_ok {
        db::run(&state.pool, move |conn| {
            let after = after.as_ref();
            let rows = if prefix.is_empty() {
                Connection::page(conn, &tenant_id, after, PAGE + 1)?
            } else {
                Connection::page_with_prefix(conn, &tenant_id, &prefix, after, PAGE + 1)?
            };
            let athletes: Vec<String> =
                rows.iter().map(|(c, _)| c.athlete_id.to_string()).collect();
            let calls = UpstreamUsage::calls_of(conn, &day_key(today()), &athletes)?;
            Ok::<_, AppError>((rows, calls))
        })
        .await?
    } else {
        (Vec::new(), Vec::new())
    };
    let calls: HashMap<String, i64> = calls.into_iter().collect();
    let budget = daily_budget(&state);
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
            calls: calls.get(c.athlete_id.as_str()).copied().unwrap_or(0),
            calls_width: (calls.get(c.athlete_id.as_str()).copied().unwrap_or(0) * 100 / budget)
                .min(100),
            over_budget: calls.get(c.athlete_id.as_str()).copied().unwrap_or(0) >= budget,
        })
        .collect();
    let (hits, reads) = state.intervals.cache().tenant_ratio(&signed.tenant.id);
    let cache = CacheChart {
        reads,
        hits,
        percent: (hits * 100).checked_div(reads).unwrap_or(0),
    };
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
            budget,
            cache,
            continued,
            next,
            notice: match query.get("notice") {
                Some("disconnected") => {
                    Some("The user was disconnected and what the bridge held for it was erased.")
                }
                _ => None,
            },
        },
        &[],
    )
}
