//! Webhooks from the simulated Intervals.icu to each OAuth app: who receives which event, the
//! batch window, duplicate sends, and retries with backoff.
//!
//! Handlers only *stage* events on their request; the `/api` and `/_sandbox` middleware releases
//! them when the response body has been handed to the connection, so a receiver never hears of
//! an upload before the uploader has its `201`.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::web::Bytes;
use actix_web::{HttpMessage, HttpRequest};
use chrono::{SecondsFormat, Utc};
use serde_json::{json, Map, Value};

use crate::store::webhooks::{Config, Delivery};
use crate::store::Shared;

const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);
/// Cloudflare taught everyone to send an honest agent; the sandbox does the same.
const USER_AGENT: &str = concat!(
    "intervals-bridge-sandbox/",
    env!("CARGO_PKG_VERSION"),
    " (simulated Intervals.icu webhooks)"
);

/// Which apps an event goes to, decided when it is released.
#[derive(Debug, Clone)]
pub(crate) enum Route {
    /// Apps with an active token for the athlete whose scope names this area (READ or WRITE).
    Area(&'static str),
    /// Exactly these apps, where a webhook is configured.
    Apps(Vec<String>),
}

/// An event a handler produced; `athlete_id`, `type` and `timestamp` are filled in when it is
/// released, then `fields` are laid over them.
#[derive(Debug, Clone)]
pub(crate) struct Outgoing {
    pub athlete_id: String,
    pub kind: String,
    pub route: Route,
    pub fields: Map<String, Value>,
    /// Held this long after the answer, as upstream holds ACTIVITY_ANALYZED.
    pub delay: Duration,
}

impl Outgoing {
    pub(crate) fn new(athlete_id: &str, kind: &str, route: Route, fields: Value) -> Outgoing {
        Outgoing {
            athlete_id: athlete_id.to_owned(),
            kind: kind.to_owned(),
            route,
            fields: match fields {
                Value::Object(m) => m,
                _ => Map::new(),
            },
            delay: Duration::ZERO,
        }
    }

    fn event(self) -> Value {
        let mut m = Map::new();
        m.insert("athlete_id".into(), json!(self.athlete_id));
        m.insert("type".into(), json!(self.kind));
        m.insert(
            "timestamp".into(),
            json!(Utc::now().to_rfc3339_opts(SecondsFormat::Millis, false)),
        );
        m.extend(self.fields);
        Value::Object(m)
    }
}

/// Events waiting in a request's extensions for its response to be sent.
struct Staged(Vec<Outgoing>);

pub(crate) fn stage(req: &HttpRequest, out: Outgoing) {
    let mut ext = req.extensions_mut();
    match ext.get_mut::<Staged>() {
        Some(staged) => staged.0.push(out),
        None => {
            ext.insert(Staged(vec![out]));
        }
    }
}

/// Hands the request's staged events to the sandbox once the response body is finished (or the
/// client went away: the work was done either way, so upstream would still tell the apps).
pub(crate) fn release_after(
    sandbox: &Shared,
    res: ServiceResponse<BoxBody>,
) -> ServiceResponse<BoxBody> {
    let staged = res.request().extensions_mut().remove::<Staged>();
    let Some(Staged(events)) = staged.filter(|s| !s.0.is_empty()) else {
        return res;
    };
    let release = Release {
        sandbox: sandbox.clone(),
        events,
    };
    res.map_body(|_, body| {
        ReleaseOnDrop {
            body,
            release: Some(release),
        }
        .boxed()
    })
}

struct Release {
    sandbox: Shared,
    events: Vec<Outgoing>,
}

/// actix drops a response body right after its last bytes went into the connection's write
/// buffer, which is the earliest moment the answer is certainly on its way.
struct ReleaseOnDrop {
    body: BoxBody,
    release: Option<Release>,
}

impl MessageBody for ReleaseOnDrop {
    type Error = Box<dyn std::error::Error>;

    fn size(&self) -> BodySize {
        self.body.size()
    }

    fn poll_next(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        Pin::new(&mut self.body).poll_next(cx)
    }
}

impl Drop for ReleaseOnDrop {
    fn drop(&mut self) {
        if let Some(r) = self.release.take() {
            for out in r.events {
                dispatch(&r.sandbox, out);
            }
        }
    }
}

/// Deliveries outlive the request that caused them, so they run as tasks on whatever Tokio
/// runtime the sandbox is served from.
fn spawn<F>(f: F)
where
    F: std::future::Future<Output = ()> + Send + 'static,
{
    match tokio::runtime::Handle::try_current() {
        Ok(handle) => {
            handle.spawn(f);
        }
        Err(_) => log::warn!("sandbox webhook dropped: no Tokio runtime to deliver it on"),
    }
}

/// Queues the event for every recipient; the first event in an app's empty queue opens its
/// batch window.
pub(crate) fn dispatch(sandbox: &Shared, mut out: Outgoing) {
    if !out.delay.is_zero() {
        let sandbox = sandbox.clone();
        let delay = std::mem::take(&mut out.delay);
        spawn(async move {
            tokio::time::sleep(delay).await;
            dispatch(&sandbox, out);
        });
        return;
    }
    let apps = match &out.route {
        Route::Area(area) => sandbox.grants.apps_for(&out.athlete_id, Some(area)),
        Route::Apps(apps) => apps.clone(),
    };
    if apps.is_empty() {
        return;
    }
    let event = out.event();
    for (client, window) in sandbox.webhooks.enqueue(&apps, &event) {
        spawn(flush(sandbox.clone(), client, window));
    }
}

/// Sends what the window collected as one batch, once more when the duplicate dice say so.
async fn flush(sandbox: Shared, client_id: String, window: Duration) {
    tokio::time::sleep(window).await;
    let (events, config) = sandbox.webhooks.take_batch(&client_id);
    // Removed while the window was open: like an app whose webhook URL was cleared.
    let Some(config) = config else { return };
    if events.is_empty() {
        return;
    }
    let event_types: Vec<String> = events
        .iter()
        .map(|e| e["type"].as_str().unwrap_or_default().to_owned())
        .collect();
    let body = json!({"secret": config.secret, "events": events});
    let twice = config.duplicate_rate > 0.0 && rand::random::<f64>() < config.duplicate_rate;
    deliver(&sandbox, &config, &body, &event_types, false).await;
    if twice {
        deliver(&sandbox, &config, &body, &event_types, true).await;
    }
}

/// Only `200` with a body counts: upstream retried even a `204`.
async fn deliver(
    sandbox: &Shared,
    config: &Config,
    body: &Value,
    event_types: &[String],
    duplicate: bool,
) {
    let mut delays = config.retry_delays_ms.iter();
    let mut attempt = 1;
    loop {
        let time = Utc::now();
        let (status, error) = match sandbox.http.post(&config.url).json(body).send().await {
            Ok(res) => {
                let status = res.status().as_u16();
                match res.bytes().await {
                    Ok(b) if status == 200 && !b.is_empty() => (Some(status), None),
                    Ok(_) if status == 200 => {
                        (Some(status), Some("200 with an empty body".to_owned()))
                    }
                    Ok(_) => (Some(status), Some(format!("HTTP {status}"))),
                    Err(e) => (Some(status), Some(chain(&e))),
                }
            }
            Err(e) => (None, Some(chain(&e))),
        };
        let done = error.is_none();
        sandbox.webhooks.log_delivery(Delivery {
            time,
            client_id: config.client_id.clone(),
            url: config.url.clone(),
            attempt,
            duplicate,
            status,
            error,
            event_types: event_types.to_vec(),
            body: body.clone(),
        });
        if done {
            return;
        }
        let Some(ms) = delays.next() else {
            return;
        };
        tokio::time::sleep(Duration::from_millis(*ms)).await;
        attempt += 1;
    }
}

/// reqwest's top-level message hides the cause ("error sending request"); the log should not.
fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out
}

pub(crate) fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .timeout(DELIVERY_TIMEOUT)
        // A redirect is an answer other than 200, which upstream retries rather than follows.
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| {
            log::warn!("sandbox webhook client: {e}; using reqwest defaults");
            reqwest::Client::new()
        })
}
