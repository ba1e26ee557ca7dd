//! What every request and job shares: configuration, the database pool, the keyring, the one
//! upstream client and the client for tenant webhooks. Built once by [`AppState::init`].

use std::sync::Arc;
use std::time::Duration;

use crate::config::Config;
use crate::crypto::Keyring;
use crate::db::DbPool;
use crate::intervals::IntervalsClient;

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
}

impl AppState {
    /// Opens and migrates the database and loads the keys.
    pub fn init(config: Config) -> anyhow::Result<Arc<AppState>> {
        let pool = crate::db::connect(&config.database_url)?;
        crate::db::migrate(&pool)?;
        let keys = config.keyring()?;
        let intervals = IntervalsClient::new(&config)?;
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
        Ok(Arc::new(AppState {
            config,
            pool,
            keys,
            intervals,
            webhooks: webhooks.build()?,
        }))
    }
}
