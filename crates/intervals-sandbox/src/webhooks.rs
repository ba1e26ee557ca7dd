//! Webhooks from the simulated Intervals.icu to each OAuth app: who receives which event, the
//! batch window, duplicate sends, retries with backoff, and the delivery log behind the controls.
//!
//! Handlers only *stage* events on their request; the `/api` and `/_sandbox` middleware releases
//! them when the response body has been handed to the connection, so a receiver never hears of
//! an upload before the uploader has its `201`.

use std::collections::{BTreeMap, HashMap};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::StatusCode;
use actix_web::web::Bytes;
use actix_web::{web, HttpMessage, HttpRequest, HttpResponse};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::api::error;
use super::control::parse;
use super::{Sandbox, State, TokenStatus};

pub(super) const DEFAULT_BATCH_WINDOW_MS: u64 = 200;
pub(super) const DEFAULT_RETRY_DELAYS_MS: [u64; 3] = [200, 1000, 5000];
/// Upstream holds ACTIVITY_ANALYZED for about a minute; a second keeps tests quick.
pub(super) const DEFAULT_ANALYZED_DELAY: Duration = Duration::from_millis(1000);
const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);
/// More would only make a misconfigured test hang for a long time.
const MAX_RETRIES: usize = 20;
/// Cloudflare taught everyone to send an honest agent; the sandbox does the same.
pub(super) const USER_AGENT: &str = concat!(
    "intervals-bridge-sandbox/",
    env!("CARGO_PKG_VERSION"),
    " (simulated Intervals.icu webhooks)"
);

/// One OAuth app's webhook settings.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Config {
    pub client_id: String,
    pub url: String,
    pub secret: String,
    pub batch_window_ms: u64,
    pub duplicate_rate: f64,
    pub retry_delays_ms: Vec<u64>,
}

impl Config {
    pub(super) fn new(client_id: &str, url: &str, secret: &str) -> Config {
        Config {
            client_id: client_id.to_owned(),
            url: url.to_owned(),
            secret: secret.to_owned(),
            batch_window_ms: DEFAULT_BATCH_WINDOW_MS,
            duplicate_rate: 0.0,
            retry_delays_ms: DEFAULT_RETRY_DELAYS_MS.to_vec(),
        }
    }
}

/// One POST attempt, as `/_sandbox/webhooks/log` shows it.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Delivery {
    time: DateTime<Utc>,
    client_id: String,
    url: String,
    /// 1 for the first try of a batch, counting up through its retries.
    attempt: u32,
    /// The second copy that `duplicate_rate` sends.
    duplicate: bool,
    status: Option<u16>,
    error: Option<String>,
    event_types: Vec<String>,
    body: Value,
}

pub(super) struct Webhooks {
    pub configs: BTreeMap<String, Config>,
    /// Events waiting for their app's batch window to close; a non-empty queue means a flush
    /// is already scheduled.
    pending: HashMap<String, Vec<Value>>,
    log: Vec<Delivery>,
    pub analyzed_delay: Duration,
}

impl Default for Webhooks {
    fn default() -> Self {
        Webhooks {
            configs: BTreeMap::new(),
            pending: HashMap::new(),
            log: Vec::new(),
            analyzed_delay: DEFAULT_ANALYZED_DELAY,
        }
    }
}

/// Which apps an event goes to, decided when it is released.
#[derive(Debug, Clone)]
pub(super) enum Route {
    /// Apps with an active token for the athlete whose scope names this area (READ or WRITE).
    Area(&'static str),
    /// Exactly these apps, where a webhook is configured.
    Apps(Vec<String>),
}

/// An event a handler produced; `athlete_id`, `type` and `timestamp` are filled in when it is
/// released, then `fields` are laid over them.
#[derive(Debug, Clone)]
pub(super) struct Outgoing {
    pub athlete_id: String,
    pub kind: String,
    pub route: Route,
    pub fields: Map<String, Value>,
    /// Held this long after the answer, as upstream holds ACTIVITY_ANALYZED.
    pub delay: Duration,
}

impl Outgoing {
    pub(super) fn new(athlete_id: &str, kind: &str, route: Route, fields: Value) -> Outgoing {
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

pub(super) fn stage(req: &HttpRequest, out: Outgoing) {
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
pub(super) fn release_after(
    sandbox: &Sandbox,
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
    sandbox: Sandbox,
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
                r.sandbox.dispatch(out);
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

fn recipients(st: &State, athlete_id: &str, route: &Route) -> Vec<String> {
    let has_token = |client: &str, area: Option<&str>| {
        st.tokens.iter().any(|t| {
            t.status == TokenStatus::Active
                && t.client_id == client
                && t.athlete_id == athlete_id
                && area.is_none_or(|a| t.scopes.iter().any(|s| s.area == a))
        })
    };
    st.webhooks
        .configs
        .keys()
        .filter(|c| match route {
            Route::Area(area) => has_token(c, Some(area)),
            Route::Apps(apps) => apps.iter().any(|a| a == *c),
        })
        .cloned()
        .collect()
}

impl Sandbox {
    /// Queues the event for every recipient; the first event in an app's empty queue opens its
    /// batch window.
    pub(super) fn dispatch(&self, mut out: Outgoing) {
        if !out.delay.is_zero() {
            let sandbox = self.clone();
            let delay = std::mem::take(&mut out.delay);
            spawn(async move {
                tokio::time::sleep(delay).await;
                sandbox.dispatch(out);
            });
            return;
        }
        let mut st = self.lock();
        let to = recipients(&st, &out.athlete_id, &out.route);
        if to.is_empty() {
            return;
        }
        let event = out.event();
        for client in to {
            let window = st
                .webhooks
                .configs
                .get(&client)
                .map_or(0, |c| c.batch_window_ms);
            let queue = st.webhooks.pending.entry(client.clone()).or_default();
            queue.push(event.clone());
            if queue.len() == 1 {
                spawn(flush(self.clone(), client, Duration::from_millis(window)));
            }
        }
    }
}

/// Sends what the window collected as one batch, once more when the duplicate dice say so.
async fn flush(sandbox: Sandbox, client_id: String, window: Duration) {
    tokio::time::sleep(window).await;
    let (events, config) = {
        let mut st = sandbox.lock();
        let events = st.webhooks.pending.remove(&client_id).unwrap_or_default();
        (events, st.webhooks.configs.get(&client_id).cloned())
    };
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
    sandbox: &Sandbox,
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
        sandbox.lock().webhooks.log.push(Delivery {
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

pub(super) fn http_client() -> reqwest::Client {
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

// ---- test controls -------------------------------------------------------------------------

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/webhooks")
            .route(web::get().to(list_configs))
            .route(web::post().to(set_config))
            .route(web::delete().to(remove_configs)),
    )
    .service(
        web::resource("/webhooks/log")
            .route(web::get().to(get_log))
            .route(web::delete().to(clear_log)),
    )
    .service(web::resource("/webhooks/trigger").route(web::post().to(trigger)));
}

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
async fn set_config(body: web::Bytes, sandbox: web::Data<Sandbox>) -> HttpResponse {
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
    sandbox
        .lock()
        .webhooks
        .configs
        .insert(config.client_id.clone(), config.clone());
    HttpResponse::Ok().json(config)
}

async fn list_configs(sandbox: web::Data<Sandbox>) -> HttpResponse {
    let st = sandbox.lock();
    HttpResponse::Ok().json(st.webhooks.configs.values().collect::<Vec<_>>())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RemoveBody {
    client_id: Option<String>,
}

/// No body (or no `client_id`) removes every configuration; events still waiting in a window
/// are dropped.
async fn remove_configs(body: web::Bytes, sandbox: web::Data<Sandbox>) -> HttpResponse {
    let only = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        match parse::<RemoveBody>(&body) {
            Ok(b) => b.client_id,
            Err(res) => return res,
        }
    };
    let mut st = sandbox.lock();
    let removed = match only {
        Some(id) => {
            st.webhooks.pending.remove(&id);
            usize::from(st.webhooks.configs.remove(&id).is_some())
        }
        None => {
            st.webhooks.pending.clear();
            let n = st.webhooks.configs.len();
            st.webhooks.configs.clear();
            n
        }
    };
    HttpResponse::Ok().json(json!({ "removed": removed }))
}

async fn get_log(sandbox: web::Data<Sandbox>) -> HttpResponse {
    HttpResponse::Ok().json(&sandbox.lock().webhooks.log)
}

async fn clear_log(sandbox: web::Data<Sandbox>) -> HttpResponse {
    sandbox.lock().webhooks.log.clear();
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
async fn trigger(req: HttpRequest, body: web::Bytes, sandbox: web::Data<Sandbox>) -> HttpResponse {
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
    let to = {
        let st = sandbox.lock();
        match &b.client_id {
            Some(c) if !st.webhooks.configs.contains_key(c) => {
                return error(
                    StatusCode::NOT_FOUND,
                    &format!("No webhook configured for client_id {c}"),
                )
            }
            Some(c) => vec![c.clone()],
            None => st
                .webhooks
                .configs
                .keys()
                .filter(|c| {
                    st.tokens.iter().any(|t| {
                        t.status == TokenStatus::Active
                            && &t.client_id == *c
                            && t.athlete_id == b.athlete_id
                    })
                })
                .cloned()
                .collect(),
        }
    };
    if !to.is_empty() {
        let mut out = Outgoing::new(&b.athlete_id, &b.kind, Route::Apps(to.clone()), json!({}));
        out.fields = b.fields.unwrap_or_default();
        stage(&req, out);
    }
    HttpResponse::Ok().json(json!({ "sent_to": to }))
}
