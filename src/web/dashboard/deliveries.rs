//! The Deliveries page: the tenant's webhook delivery log, filtered by status and event type,
//! each delivery with every attempt (status code, latency) and a button that sends it again; and
//! one delivery's page with the payload its endpoint receives and the `webhook-id` it logs.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::form::{query_string, Form};
use super::{message, signed_in, utc, Chrome, SignedForm};
use crate::db::types::DeliveryStatus;
use crate::db::{self};
use crate::domain::webhooks::deliveries::{self, Cursor, Entry, Filter, ResendError};
use crate::domain::webhooks::{outbound, outbox};
use crate::web::api::State;
use crate::web::errors::AppError;
use crate::web::security::{page, redirect};

/// Deliveries per page.
const PAGE: i64 = 25;

pub struct AttemptRow {
    pub number: i32,
    /// The first attempt after a resend (numbering starts again).
    pub resent: bool,
    /// The status code, or what went wrong without one.
    pub outcome: String,
    pub ok: bool,
    pub error: Option<String>,
    pub latency_ms: i64,
    pub at: String,
}

pub struct DeliveryRow {
    pub id: String,
    /// The `webhook-id` header: the same for every attempt and resend of the event.
    pub webhook_id: String,
    pub event_type: String,
    pub user_id: Option<String>,
    pub status: &'static str,
    pub url: String,
    pub created_at: String,
    pub next_attempt_at: Option<String>,
    pub delivered_at: Option<String>,
    pub attempts: Vec<AttemptRow>,
}

#[derive(Template)]
#[template(path = "dashboard_deliveries.html")]
struct DeliveriesPage {
    chrome: Option<Chrome>,
    status: String,
    event_type: String,
    /// Each status and whether it is the one filtered by.
    statuses: Vec<(&'static str, bool)>,
    /// Suggestions for the type filter (any other type can be typed).
    known_types: &'static [&'static str],
    notice: Option<&'static str>,
    deliveries: Vec<DeliveryRow>,
    continued: bool,
    next: Option<String>,
    /// Where a resend goes now.
    webhook_url: Option<String>,
    webhook_disabled: bool,
}

fn row(e: Entry) -> DeliveryRow {
    DeliveryRow {
        id: e.delivery.id,
        webhook_id: outbound::webhook_id(&e.event.id),
        event_type: e.event.event_type,
        user_id: e.event.user_id.map(|u| u.into_string()),
        status: e.delivery.status.as_str(),
        url: e.delivery.url,
        created_at: utc(e.delivery.created_at),
        next_attempt_at: e.delivery.next_attempt_at.map(utc),
        delivered_at: e.delivery.delivered_at.map(utc),
        attempts: e
            .attempts
            .into_iter()
            .scan(None, |previous: &mut Option<i32>, a| {
                let resent = previous.is_some_and(|p| a.attempt <= p);
                *previous = Some(a.attempt);
                Some((resent, a))
            })
            .map(|(resent, a)| AttemptRow {
                number: a.attempt,
                resent,
                ok: a.status_code.is_some_and(|c| (200..300).contains(&c)),
                outcome: match a.status_code {
                    Some(code) => code.to_string(),
                    None => "no answer".to_owned(),
                },
                // "HTTP 500" says no more than the code beside it.
                error: a.error.filter(|e| {
                    a.status_code
                        .is_none_or(|c| e.as_str() != format!("HTTP {c}"))
                }),
                latency_ms: a.latency_ms,
                at: utc(a.created_at),
            })
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "dashboard_delivery.html")]
struct DeliveryPage {
    chrome: Option<Chrome>,
    notice: Option<&'static str>,
    d: DeliveryRow,
    /// The body as the endpoint receives it, indented.
    payload: String,
    webhook_url: Option<String>,
}

/// `GET /dashboard/deliveries/{id}`: one delivery with its payload, headers and attempts.
pub async fn delivery(
    state: State,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let signed = match signed_in(&state, &req).await? {
        Ok(s) => s,
        Err(resp) => return Ok(resp),
    };
    let (tenant_id, id) = (signed.tenant.id.clone(), path.into_inner());
    let found = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(deliveries::find(conn, &tenant_id, &id)?)
    })
    .await?;
    let Some(entry) = found else {
        return no_delivery(signed.chrome("deliveries"));
    };
    let payload =
        serde_json::to_string_pretty(&outbound::body(&entry.event)).map_err(AppError::internal)?;
    page(
        StatusCode::OK,
        &DeliveryPage {
            chrome: Some(signed.chrome("deliveries")),
            notice: notice(Form::query(&req).get("notice")),
            d: row(entry),
            payload,
            webhook_url: signed.tenant.webhook_url.clone(),
        },
        &[],
    )
}

fn no_delivery(chrome: Chrome) -> Result<HttpResponse, AppError> {
    message(
        StatusCode::NOT_FOUND,
        Some(chrome),
        "No such delivery",
        "This delivery does not exist (it may have been deleted with its user). Nothing was sent.",
        "/dashboard/deliveries",
    )
}

/// The filters of a request (a query string, or a resend form's hidden fields), as given and
/// as understood: an unknown status filters nothing, an event type is kept to a sane length.
fn filters(form: &Form) -> (String, String, Filter) {
    let status = form.text("status").unwrap_or_default();
    let parsed = status.parse::<DeliveryStatus>().ok();
    let event_type: String = form
        .text("type")
        .unwrap_or_default()
        .chars()
        .take(100)
        .collect();
    let filter = Filter {
        status: parsed,
        event_type: (!event_type.is_empty()).then(|| event_type.clone()),
    };
    let status = parsed.map(|s| s.as_str().to_owned()).unwrap_or_default();
    (status, event_type, filter)
}

fn notice(code: Option<&str>) -> Option<&'static str> {
    match code? {
        "resent" => Some("The delivery was queued to be sent again now, with a fresh attempt budget."),
        "no-webhook-url" => Some("There is no webhook URL to send to: set one in Settings first."),
        "test-sent" => Some("A webhook.test event was queued to be sent to your endpoint now; it shows below."),
        "endpoint-disabled" => Some("The webhook endpoint was disabled after it answered 410 Gone: save its URL in Settings to enable it again."),
        _ => None,
    }
}

/// `GET /dashboard/deliveries?status=&type=&cursor=`
pub async fn deliveries(state: State, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let signed = match signed_in(&state, &req).await? {
        Ok(s) => s,
        Err(resp) => return Ok(resp),
    };
    let query = Form::query(&req);
    let (status, event_type, filter) = filters(&query);
    let after = query.text("cursor").and_then(Cursor::decode);
    let continued = after.is_some();
    let tenant_id = signed.tenant.id.clone();
    let (entries, next) = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(deliveries::page(conn, &tenant_id, &filter, after, PAGE)?)
    })
    .await?;
    let next = next.map(|c| {
        format!(
            "/dashboard/deliveries{}",
            query_string(&[
                ("status", &status),
                ("type", &event_type),
                ("cursor", &c.encode())
            ])
        )
    });
    page(
        StatusCode::OK,
        &DeliveriesPage {
            chrome: Some(signed.chrome("deliveries")),
            notice: notice(query.get("notice")),
            statuses: ["pending", "succeeded", "failed", "disabled"]
                .into_iter()
                .map(|s| (s, s == status))
                .collect(),
            known_types: outbox::KNOWN_TYPES,
            status,
            event_type,
            deliveries: entries.into_iter().map(row).collect(),
            continued,
            next,
            webhook_url: signed.tenant.webhook_url.clone(),
            webhook_disabled: signed.tenant.webhook_disabled_at.is_some(),
        },
        &[],
    )
}

/// `POST /dashboard/deliveries/{id}/resend`: sends one of the tenant's deliveries again now
/// (as `POST /v1/webhook-deliveries/{id}/retry` does), then back to the list.
pub async fn resend(
    state: State,
    path: web::Path<String>,
    SignedForm { signed, form }: SignedForm,
) -> Result<HttpResponse, AppError> {
    let (status, event_type, _) = filters(&form);
    let id = path.into_inner();
    let from_page = form.get("from") == Some("delivery");
    let back = format!("/dashboard/deliveries/{id}");
    let tenant = signed.tenant.clone();
    let outcome = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(deliveries::resend(conn, &tenant, &id))
    })
    .await?;
    let code = match outcome {
        Ok(_) => "resent",
        Err(ResendError::NoWebhookUrl) => "no-webhook-url",
        Err(ResendError::EndpointDisabled) => "endpoint-disabled",
        Err(ResendError::NotFound(_)) => return no_delivery(signed.chrome("deliveries")),
        Err(ResendError::Db(e)) => return Err(e.into()),
    };
    if from_page {
        return Ok(redirect(&format!(
            "{back}{}",
            query_string(&[("notice", code)])
        )));
    }
    Ok(redirect(&format!(
        "/dashboard/deliveries{}",
        query_string(&[("status", &status), ("type", &event_type), ("notice", code)])
    )))
}
