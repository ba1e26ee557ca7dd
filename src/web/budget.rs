//! Rate and budget headers on every answer about one connected user (`/v1/users/{user_id}/…`):
//! the athlete's calls to Intervals.icu today and, when `INTERVALS_ATHLETE_DAILY_BUDGET` caps
//! them, what is left, as IETF `RateLimit-*` fields (draft-ietf-httpapi-ratelimit-headers) and
//! `X-Upstream-Budget-Remaining`. The handler names the athlete as it loads the user
//! ([`note_athlete`]); the answer is then counted after the handler's own calls.

use std::cell::RefCell;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web;

use crate::db::models::UpstreamUsage;
use crate::services::intervals::usage::{day_key, today, until_midnight};
use crate::services::state::AppState;

tokio::task_local! {
    /// The athlete the request is about, once its handler has loaded the user.
    static ATHLETE: RefCell<Option<String>>;
}

/// The athlete's calls to Intervals.icu since midnight UTC (all tenants and instances).
pub const CALLS_TODAY: &str = "x-upstream-calls-today";
/// With a budget: what is left of it today.
pub const BUDGET_REMAINING: &str = "x-upstream-budget-remaining";

/// Called where a handler loads the tenant's user: the answer will carry its athlete's budget.
pub fn note_athlete(athlete: &str) {
    let _ = ATHLETE.try_with(|a| *a.borrow_mut() = Some(athlete.to_owned()));
}

/// Calls counted for the athlete today: this instance's running total when the budget keeps
/// one, else the database's (read at most about once a second per athlete) plus what this
/// instance has not written yet.
async fn calls_today(state: &AppState, athlete: &str) -> i64 {
    let usage = state.intervals.usage();
    if let Some(n) = usage.known_today(athlete) {
        return n;
    }
    let written = match usage.recent_written(athlete) {
        Some(n) => n,
        None => {
            let batches = usage.batches();
            let a = athlete.to_owned();
            let read = crate::db::run(&state.pool, move |conn| {
                UpstreamUsage::calls(conn, &day_key(today()), &a).map_err(crate::db::DbError::from)
            })
            .await;
            match read {
                Ok(n) => {
                    usage.remember_written(athlete, n, batches);
                    n
                }
                Err(_) => 0,
            }
        }
    };
    written + usage.unwritten(athlete)
}

fn set(res: &mut ServiceResponse<impl MessageBody>, name: &'static str, value: HeaderValue) {
    res.headers_mut()
        .insert(HeaderName::from_static(name), value);
}

/// The middleware.
pub async fn headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if !req.path().starts_with("/v1/users/") {
        return next.call(req).await;
    }
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let (res, athlete) = ATHLETE
        .scope(RefCell::new(None), async move {
            let res = next.call(req).await;
            (res, ATHLETE.with(|a| a.borrow_mut().take()))
        })
        .await;
    let mut res = res?;
    let (Some(athlete), Some(state)) = (athlete, state) else {
        return Ok(res);
    };
    let calls = calls_today(&state, &athlete).await;
    set(&mut res, CALLS_TODAY, calls.into());
    if let Some(cap) = state.intervals.usage().cap() {
        let left = (cap - calls).max(0);
        set(&mut res, BUDGET_REMAINING, left.into());
        set(&mut res, "ratelimit-limit", cap.into());
        set(&mut res, "ratelimit-remaining", left.into());
        set(
            &mut res,
            "ratelimit-reset",
            until_midnight().as_secs().into(),
        );
        if let Ok(policy) = HeaderValue::from_str(&format!("{cap};w=86400")) {
            set(&mut res, "ratelimit-policy", policy);
        }
    }
    Ok(res)
}
