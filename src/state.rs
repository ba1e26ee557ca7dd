//! What every request and job shares: configuration, the database pool, the keyring, the one
//! upstream client, the client for tenant webhooks and the cache of API keys and connections.
//! Built once by [`AppState::init`]; a serving process then starts its upkeep thread
//! ([`AppState::start_upkeep`]: the instance heartbeat, athletes' call counts, cache
//! invalidations).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::access_cache::{AccessCache, Watcher};
use crate::config::Config;
use crate::crypto::Keyring;
use crate::db::models::UpstreamUsage;
use crate::db::DbPool;
use crate::intervals::{instances, usage, IntervalsClient};

/// How long a tenant's endpoint has to answer a webhook.
pub const WEBHOOK_TIMEOUT: Duration = Duration::from_secs(15);

pub struct AppState {
    pub config: Config,
    pub pool: DbPool,
    pub keys: Keyring,
    pub intervals: IntervalsClient,
    /// For tenant webhooks: 15 s timeout, no redirects, no proxy, public addresses only unless
    /// allowed.
    pub webhooks: reqwest::Client,
    /// Upload bytes on disk in spool files right now, across this instance's requests.
    pub spool: SpoolBudget,
    /// API keys' tenants and users' connections, as this instance last read them.
    pub access: AccessCache,
    /// This instance's row in `bridge_instances`.
    pub instance_id: String,
    upkeep: AtomicBool,
}

/// How often the upkeep thread looks for changes to cached rows.
const UPKEEP_TICK: Duration = Duration::from_millis(100);
/// Days of `upstream_usage` kept (today included).
const USAGE_DAYS_KEPT: i64 = 8;

/// A budget of bytes for upload spool files, shared by this instance's concurrent uploads
/// (`BRIDGE_MAX_SPOOL_MB`): a semaphore with one permit per byte. An upload takes permits as its
/// chunks arrive and keeps them in a [`SpoolHold`] until its spool file is deleted, so the disk
/// an instance fills is bounded whatever the number of uploads at once.
pub struct SpoolBudget {
    bytes: Arc<Semaphore>,
    total: u64,
}

/// The bytes one upload holds; dropping it gives them back.
#[derive(Default)]
pub struct SpoolHold(Option<OwnedSemaphorePermit>);

impl SpoolBudget {
    pub fn new(total: u64) -> SpoolBudget {
        let total = total.min(Semaphore::MAX_PERMITS as u64);
        SpoolBudget {
            bytes: Arc::new(Semaphore::new(total as usize)),
            total,
        }
    }

    /// Adds `n` bytes to `hold`, or false (holding nothing more) when the budget has not got them.
    pub fn take(&self, hold: &mut SpoolHold, n: usize) -> bool {
        let Ok(n) = u32::try_from(n) else {
            return false;
        };
        match self.bytes.clone().try_acquire_many_owned(n) {
            Ok(permit) => {
                match &mut hold.0 {
                    Some(held) => held.merge(permit),
                    None => hold.0 = Some(permit),
                }
                true
            }
            Err(_) => false,
        }
    }

    /// Bytes held by uploads right now.
    pub fn in_use(&self) -> u64 {
        self.total - self.bytes.available_permits() as u64
    }
}

impl AppState {
    /// Opens and migrates the database and loads the keys.
    pub fn init(config: Config) -> anyhow::Result<Arc<AppState>> {
        let pool = crate::db::connect(&config.database_url)?;
        crate::db::migrate(&pool)?;
        let keys = config.keyring()?;
        let intervals = IntervalsClient::new(&config, pool.clone())?;
        let mut webhooks = reqwest::Client::builder()
            .user_agent(crate::intervals::USER_AGENT)
            .redirect(reqwest::redirect::Policy::none())
            // Never an environment proxy (HTTPS_PROXY, ALL_PROXY…): the proxy would resolve and
            // connect, so the address check below would judge the proxy, not the target.
            .no_proxy()
            .connect_timeout(Duration::from_secs(5))
            .timeout(WEBHOOK_TIMEOUT);
        if !config.allow_private_webhook_urls {
            webhooks = webhooks.dns_resolver(Arc::new(crate::ssrf::PublicOnly));
        }
        let spool = SpoolBudget::new(config.max_spool_bytes);
        let access = AccessCache::new(config.auth_cache_ttl);
        Ok(Arc::new(AppState {
            config,
            pool,
            keys,
            intervals,
            webhooks: webhooks.build()?,
            spool,
            access,
            instance_id: crate::db::new_id(),
            upkeep: AtomicBool::new(false),
        }))
    }

    /// Joins the instances sharing the upstream budget and starts the upkeep thread (once): every
    /// [`instances::HEARTBEAT_EVERY`] a heartbeat and a batch of athletes' call counts, every
    /// [`UPKEEP_TICK`] a look for other processes' changes to cached rows. The thread ends with
    /// the state.
    pub fn start_upkeep(self: &Arc<Self>) {
        if self.upkeep.swap(true, Ordering::SeqCst) {
            return;
        }
        match self.pool.get() {
            Ok(mut conn) => {
                if let Err(e) =
                    instances::join(&mut conn, &self.instance_id, self.intervals.pacer())
                {
                    log::warn!("joining the instances' upstream budget failed: {e}");
                }
            }
            Err(e) => log::warn!("joining the instances' upstream budget failed: {e}"),
        }
        let weak = Arc::downgrade(self);
        let spawned = std::thread::Builder::new()
            .name("bridge-upkeep".into())
            .spawn(move || upkeep(weak));
        if let Err(e) = spawned {
            log::error!("starting the upkeep thread failed: {e}");
        }
    }

    /// A stopping instance: its last counts written, its share of the budget given back.
    pub fn leave(&self) {
        self.upkeep.store(false, Ordering::SeqCst);
        let Ok(mut conn) = self.pool.get() else {
            return;
        };
        if let Err(e) = self.intervals.usage().flush(&mut conn) {
            log::warn!("writing upstream call counts failed: {e}");
        }
        if let Err(e) = instances::leave(&mut conn, &self.instance_id) {
            log::warn!("leaving the instances' upstream budget failed: {e}");
        }
    }
}

fn upkeep(state: Weak<AppState>) {
    let Some(url) = state.upgrade().map(|s| s.config.database_url.clone()) else {
        return;
    };
    let Some(mut watcher) = Watcher::new(&url) else {
        return;
    };
    let mut last_beat = Instant::now();
    let mut last_purge: Option<Instant> = None;
    loop {
        {
            let Some(state) = state.upgrade() else {
                return;
            };
            if !state.upkeep.load(Ordering::SeqCst) {
                return;
            }
            watcher.check(&state.access, &state.pool);
            if last_beat.elapsed() >= instances::HEARTBEAT_EVERY {
                last_beat = Instant::now();
                beat(&state, &mut last_purge);
            }
        }
        std::thread::sleep(UPKEEP_TICK);
    }
}

fn beat(state: &AppState, last_purge: &mut Option<Instant>) {
    let mut conn = match state.pool.get() {
        Ok(c) => c,
        Err(e) => {
            log::warn!("upkeep: {e}");
            return;
        }
    };
    if let Err(e) = instances::beat(&mut conn, &state.instance_id, state.intervals.pacer()) {
        log::warn!("instance heartbeat failed: {e}");
    }
    if let Err(e) = state.intervals.usage().flush(&mut conn) {
        log::warn!("writing upstream call counts failed: {e}");
    }
    if last_purge.is_none_or(|at| at.elapsed() >= Duration::from_secs(3600)) {
        *last_purge = Some(Instant::now());
        let before = usage::today() - chrono::Duration::days(USAGE_DAYS_KEPT - 1);
        if let Err(e) = UpstreamUsage::purge_before(&mut conn, &usage::day_key(before)) {
            log::warn!("forgetting old upstream call counts failed: {e}");
        }
    }
}
