//! `/_sandbox/webhooks…`: each OAuth app's webhook settings, the delivery log, and events
//! triggered by hand.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::errors::error;
use crate::outbox::{stage, Outgoing, Route};
use crate::request::parse;
use crate::store::webhooks::Config;
use crate::store::Shared;

/// More would only make a misconfigured test hang for a long time.
const MAX_RETRIES: usize = 20;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigBody {
    client_id: String,
    url: String,
    secret: String,
    batch_window_ms: Option<u64>,
    duplicate_rate: Option<f64>,
    retry_delays_ms: Option<Vec<u64>>,
}

/// A POST replaces that app's whole configuration, like `/_sandbox/faults`.
pub(crate) async fn set_config(body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let b: ConfigBody = match parse(&body) {
        Ok(b) => b,
        Err(res) => return res,
    };
    let bad = |msg: &str| error(StatusCode::BAD_REQUEST, msg);
    if b.client_id.is_empty() {
        return bad("client_id must not be empty");
    }
    if !url::Url::parse(&b.url).is_ok_and(|u| matches!(u.scheme(), "http" | "https")) {
        return bad("url must be an absolute http or https URL");
    }
    let mut config = Config::new(&b.client_id, &b.url, &b.secret);
    if let Some(w) = b.batch_window_ms {
        config.batch_window_ms = w;
    }
    if let Some(rate) = b.duplicate_rate {
        if !(0.0..=1.0).contains(&rate) {
            return bad("duplicate_rate must be between 0 and 1");
        }
        config.duplicate_rate = rate;
    }
    if let Some(delays) = b.retry_delays_ms {
        if delays.len() > MAX_RETRIES {
            return bad(&format!(
                "retry_delays_ms takes at most {MAX_RETRIES} delays"
            ));
        }
        config.retry_delays_ms = delays;
    }
    sandbox.webhooks.configure(config.clone());
    HttpResponse::Ok().json(config)
}

pub(crate) async fn list_configs(sandbox: Shared) -> HttpResponse {
    HttpResponse::Ok().json(sandbox.webhooks.configs())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RemoveBody {
    client_id: Option<String>,
}

/// No body (or no `client_id`) removes every configuration; events still waiting in a window
/// are dropped.
pub(crate) async fn remove_configs(body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let only = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        match parse::<RemoveBody>(&body) {
            Ok(b) => b.client_id,
            Err(res) => return res,
        }
    };
    let removed = sandbox.webhooks.remove(only.as_deref());
    HttpResponse::Ok().json(json!({ "removed": removed }))
}

pub(crate) async fn get_log(sandbox: Shared) -> HttpResponse {
    HttpResponse::Ok().json(sandbox.webhooks.log())
}

pub(crate) async fn clear_log(sandbox: Shared) -> HttpResponse {
    sandbox.webhooks.clear_log();
    HttpResponse::Ok().json(json!({}))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerBody {
    client_id: Option<String>,
    athlete_id: String,
    #[serde(rename = "type")]
    kind: String,
    fields: Option<Map<String, Value>>,
}

/// Any event type, unknown ones included, so receivers can be tested against what upstream has
/// not sent yet. Recipients are fixed now so the answer can name them.
pub(crate) async fn trigger(req: HttpRequest, body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let b: TriggerBody = match parse(&body) {
        Ok(b) => b,
        Err(res) => return res,
    };
    if b.athlete_id.is_empty() || b.kind.is_empty() {
        return error(
            StatusCode::BAD_REQUEST,
            "athlete_id and type must not be empty",
        );
    }
    let to = match &b.client_id {
        Some(c) if !sandbox.webhooks.is_configured(c) => {
            return error(
                StatusCode::NOT_FOUND,
                &format!("No webhook configured for client_id {c}"),
            )
        }
        Some(c) => vec![c.clone()],
        // Every configured app with an active token for the athlete, whatever its scope.
        None => sandbox
            .webhooks
            .configured_among(&sandbox.grants.apps_for(&b.athlete_id, None)),
    };
    if !to.is_empty() {
        let mut out = Outgoing::new(&b.athlete_id, &b.kind, Route::Apps(to.clone()), json!({}));
        out.fields = b.fields.unwrap_or_default();
        stage(&req, out);
    }
    HttpResponse::Ok().json(json!({ "sent_to": to }))
}
