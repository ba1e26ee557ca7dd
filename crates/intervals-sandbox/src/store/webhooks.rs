//! Webhook settings per OAuth app, the events waiting for their app's batch window to close, and
//! the log of every delivery attempt. `outbox` does the sending.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::lock::Lock;

pub(crate) const DEFAULT_BATCH_WINDOW_MS: u64 = 200;
pub(crate) const DEFAULT_RETRY_DELAYS_MS: [u64; 3] = [200, 1000, 5000];
/// Upstream holds ACTIVITY_ANALYZED for about a minute; a second keeps tests quick.
pub(crate) const DEFAULT_ANALYZED_DELAY: Duration = Duration::from_millis(1000);

/// One OAuth app's webhook settings.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Config {
    pub client_id: String,
    pub url: String,
    pub secret: String,
    pub batch_window_ms: u64,
    pub duplicate_rate: f64,
    pub retry_delays_ms: Vec<u64>,
}

impl Config {
    pub(crate) fn new(client_id: &str, url: &str, secret: &str) -> Config {
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
pub(crate) struct Delivery {
    pub time: DateTime<Utc>,
    pub client_id: String,
    pub url: String,
    /// 1 for the first try of a batch, counting up through its retries.
    pub attempt: u32,
    /// The second copy that `duplicate_rate` sends.
    pub duplicate: bool,
    pub status: Option<u16>,
    pub error: Option<String>,
    pub event_types: Vec<String>,
    pub body: Value,
}

struct State {
    configs: BTreeMap<String, Config>,
    /// Events waiting for their app's batch window to close; a non-empty queue means a flush
    /// is already scheduled.
    pending: HashMap<String, Vec<Value>>,
    log: Vec<Delivery>,
    analyzed_delay: Duration,
}

pub(crate) struct Webhooks(Lock<State>);

impl Webhooks {
    pub(crate) fn new() -> Webhooks {
        Webhooks(Lock::new(State {
            configs: BTreeMap::new(),
            pending: HashMap::new(),
            log: Vec::new(),
            analyzed_delay: DEFAULT_ANALYZED_DELAY,
        }))
    }

    /// Replaces the app's whole configuration.
    pub(crate) fn configure(&self, config: Config) {
        self.0
            .lock()
            .configs
            .insert(config.client_id.clone(), config);
    }

    /// Every configuration, by client id.
    pub(crate) fn configs(&self) -> Vec<Config> {
        self.0.lock().configs.values().cloned().collect()
    }

    pub(crate) fn is_configured(&self, client_id: &str) -> bool {
        self.0.lock().configs.contains_key(client_id)
    }

    /// The configured apps among `apps`, by client id.
    pub(crate) fn configured_among(&self, apps: &[String]) -> Vec<String> {
        self.0
            .lock()
            .configs
            .keys()
            .filter(|c| apps.contains(c))
            .cloned()
            .collect()
    }

    /// Removes one app's configuration (or, with `None`, every one) and drops the events still
    /// waiting in their windows; answers how many were removed.
    pub(crate) fn remove(&self, client_id: Option<&str>) -> usize {
        let mut st = self.0.lock();
        match client_id {
            Some(id) => {
                st.pending.remove(id);
                usize::from(st.configs.remove(id).is_some())
            }
            None => {
                st.pending.clear();
                let n = st.configs.len();
                st.configs.clear();
                n
            }
        }
    }

    /// Queues `event` for each configured app among `apps`. Answers the apps whose batch window
    /// this event opens, with the window, for the caller to schedule their flush.
    pub(crate) fn enqueue(&self, apps: &[String], event: &Value) -> Vec<(String, Duration)> {
        let mut st = self.0.lock();
        let st = &mut *st;
        let mut opened = Vec::new();
        for (client, config) in st.configs.iter().filter(|(c, _)| apps.contains(c)) {
            let queue = st.pending.entry(client.clone()).or_default();
            queue.push(event.clone());
            if queue.len() == 1 {
                opened.push((
                    client.clone(),
                    Duration::from_millis(config.batch_window_ms),
                ));
            }
        }
        opened
    }

    /// What the app's window collected, and its configuration as it is now (`None` once it was
    /// removed).
    pub(crate) fn take_batch(&self, client_id: &str) -> (Vec<Value>, Option<Config>) {
        let mut st = self.0.lock();
        let events = st.pending.remove(client_id).unwrap_or_default();
        (events, st.configs.get(client_id).cloned())
    }

    pub(crate) fn log_delivery(&self, delivery: Delivery) {
        self.0.lock().log.push(delivery);
    }

    pub(crate) fn log(&self) -> Vec<Delivery> {
        self.0.lock().log.clone()
    }

    pub(crate) fn clear_log(&self) {
        self.0.lock().log.clear();
    }

    /// How long ACTIVITY_ANALYZED follows ACTIVITY_UPLOADED.
    pub(crate) fn analyzed_delay(&self) -> Duration {
        self.0.lock().analyzed_delay
    }

    pub(crate) fn set_analyzed_delay(&self, delay: Duration) {
        self.0.lock().analyzed_delay = delay;
    }
}
