//! What every request and job shares: configuration, the database pool, the keyring, the one
//! upstream client, the client for tenant webhooks and the cache of API keys and connections.
//! Built once by [`AppState::init`]; a serving process then starts its upkeep thread
//! (`services::upkeep`, [`AppState::start_upkeep`]: the instance heartbeat, athletes' call counts, cache
//! invalidations).

use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::db::DbPool;
use crate::services::access_cache::AccessCache;
use crate::services::intervals::IntervalsClient;
use crate::support::config::Config;
use crate::support::crypto::Keyring;

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
    /// The upkeep thread, joined by [`AppState::leave`]: a process must not exit while it still
    /// talks to the database (the TLS library's exit handlers would pull the ground from under it).
    upkeep_thread: std::sync::Mutex<Option<std::thread::JoinHandle<()>>>,
}

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
            .user_agent(crate::services::intervals::USER_AGENT)
            .use_preconfigured_tls(crate::support::tls::client_config())
            .redirect(reqwest::redirect::Policy::none())
            // Never an environment proxy (HTTPS_PROXY, ALL_PROXY…): the proxy would resolve and
            // connect, so the address check below would judge the proxy, not the target.
            .no_proxy()
            .connect_timeout(Duration::from_secs(5))
            .timeout(WEBHOOK_TIMEOUT);
        if !config.allow_private_webhook_urls {
            webhooks = webhooks.dns_resolver(Arc::new(crate::support::ssrf::PublicOnly));
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
            upkeep_thread: std::sync::Mutex::new(None),
        }))
    }

    /// Whether the upkeep thread (`services::upkeep`) runs; it stops when this turns false.
    pub(crate) fn upkeep_running(&self) -> &AtomicBool {
        &self.upkeep
    }

    /// Where the upkeep thread's handle is kept until [`AppState::leave`] joins it.
    pub(crate) fn upkeep_thread(&self) -> &std::sync::Mutex<Option<std::thread::JoinHandle<()>>> {
        &self.upkeep_thread
    }
}
