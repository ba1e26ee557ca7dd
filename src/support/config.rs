//! Typed configuration from the environment (and `.env`). Every error names the variable, so a
//! bad value stops start-up with one clear line.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{anyhow, bail, Context};
use chrono::NaiveTime;
use url::Url;

use crate::db::{sqlite_path, Backend};
use crate::support::crypto::Keyring;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://./data/bridge.db";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";
pub const DEFAULT_INTERVALS_BASE_URL: &str = "https://intervals.icu";
/// File holding the generated key in SQLite mode when `BRIDGE_ENCRYPTION_KEYS` is unset.
pub const GENERATED_KEY_FILE: &str = "encryption.keys";

/// The OAuth client id `serve --sandbox` registers in its sandbox (and `sandbox` alone): a
/// number, as Intervals.icu's client ids are, since events the bridge writes carry it as
/// `oauth_client_id`, which clients generated from its OpenAPI document read as one.
pub const SANDBOX_CLIENT_ID: &str = "1001";

/// The configuration the bridge runs with: the variables below, resolved (defaults that depend
/// on the mode or on each other applied, sizes in bytes, times as durations).
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub listen: String,
    pub public_url: Url,
    /// `None` means "generate one into the data directory" (SQLite only).
    pub encryption_keys: Option<String>,
    pub intervals_base_url: Url,
    pub client_id: String,
    pub client_secret: String,
    pub webhook_secret: String,
    pub wellness_push_at: NaiveTime,
    pub allow_private_webhook_urls: bool,
    /// Upstream requests per second for all the instances on this database together
    /// (`INTERVALS_RATE_LIMIT`, 0 = unpaced); each takes its share.
    pub upstream_rate: f64,
    /// Attempts per upstream call on connection errors, 5xx and 429 (`INTERVALS_MAX_ATTEMPTS`).
    pub upstream_max_attempts: u32,
    /// First backoff step (`INTERVALS_RETRY_BASE_MS`); doubles per attempt, jittered, capped.
    pub upstream_retry_base: Duration,
    /// Upstream calls per athlete and UTC day before the bridge refuses with 429
    /// (`INTERVALS_ATHLETE_DAILY_BUDGET`; none = no cap).
    pub athlete_daily_budget: Option<u32>,
    /// How long an instance may reuse an API key's tenant, a user's connection and token without
    /// a change being announced (`BRIDGE_AUTH_CACHE_SECS`, 0 = no cache).
    pub auth_cache_ttl: Duration,
    /// The read cache: how long an answer of an area Intervals.icu announces changes of stays
    /// fresh (`BRIDGE_CACHE_TTL_SECS`, 0 = no read cache), of the others
    /// (`BRIDGE_CACHE_UNANNOUNCED_TTL_SECS`), and its memory per instance (`BRIDGE_CACHE_MB`).
    pub cache_ttl: Duration,
    pub cache_unannounced_ttl: Duration,
    pub cache_bytes: usize,
    /// Largest accepted activity upload (`BRIDGE_MAX_UPLOAD_MB`).
    pub max_upload_bytes: u64,
    /// Upload bytes this instance spools at once across requests (`BRIDGE_MAX_SPOOL_MB`, default
    /// four uploads' worth); past it an upload answers 503 with `Retry-After`.
    pub max_spool_bytes: u64,
    /// When set, `/metrics` wants `Authorization: Bearer <token>` (`BRIDGE_METRICS_TOKEN`).
    pub metrics_token: Option<String>,
    /// Background jobs run at once per queue by this instance (`BRIDGE_JOB_CONCURRENCY`).
    pub job_concurrency: usize,
    /// Idle wait between looks for due jobs (`BRIDGE_JOB_POLL_MS`).
    pub job_poll: Duration,
    /// How long a claimed job stays invisible to other instances (`BRIDGE_JOB_LEASE_SECS`); the
    /// lease is renewed while the job runs, so this bounds how long a crashed instance's job waits.
    pub job_lease: Duration,
    /// Multiplies the webhook retry schedule (`BRIDGE_WEBHOOK_RETRY_SCALE`, default 1; for
    /// staging and tests that cannot wait three days).
    pub webhook_retry_scale: f64,
    /// Webhook jobs (deliveries and routing) run at once by this instance
    /// (`BRIDGE_WEBHOOK_CONCURRENCY`); they mostly wait on the network.
    pub webhook_concurrency: usize,
    /// Deliveries in flight at once to one tenant's endpoint from this instance
    /// (`BRIDGE_WEBHOOK_ENDPOINT_CONCURRENCY`): a slow endpoint holds at most this many workers.
    pub webhook_endpoint_concurrency: usize,
    /// Finished work older than this many days is deleted by the daily retention job
    /// (`BRIDGE_RETENTION_DAYS`, default 30).
    pub retention_days: u32,
    /// Set by `serve --sandbox`: the bridge talks to the in-process sandbox.
    pub sandbox: bool,
}

/// What the configuration is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `serve`: the deployment's Intervals.icu app settings are required.
    Serve,
    /// `serve --sandbox`: the in-process simulator, never real credentials; only on loopback
    /// unless `public` (`--sandbox-public`).
    Sandbox { public: bool },
    /// `migrate`, `tenant …`, `reencrypt`: the database and keys only.
    DatabaseOnly,
}

// The variables, one concern per struct. Each field names its variable, its default and the
// parser that checks it; a value that does not parse stops start-up with
// "<VARIABLE> is malformed: <why>". Rules that join several variables (or depend on the mode)
// are in `Config::resolve`.

/// Storage, the HTTP listener and what guards it.
#[derive(Debug, Clone, clap::Args)]
pub struct ServerVars {
    #[arg(long, env = "BRIDGE_DATABASE_URL", default_value = DEFAULT_DATABASE_URL, value_parser = database_url)]
    pub database_url: String,
    #[arg(long, env = "BRIDGE_LISTEN", default_value = DEFAULT_LISTEN, value_parser = socket_addr)]
    pub listen: String,
    #[arg(long, env = "BRIDGE_PUBLIC_URL", default_value = DEFAULT_PUBLIC_URL, value_parser = http_url)]
    pub public_url: Url,
    #[arg(long, env = "BRIDGE_ENCRYPTION_KEYS", value_parser = keyring_spec)]
    pub encryption_keys: Option<String>,
    #[arg(long, env = "BRIDGE_METRICS_TOKEN")]
    pub metrics_token: Option<String>,
    #[arg(long, env = "BRIDGE_AUTH_CACHE_SECS", default_value = "60", value_parser = number_to(0.0, 86_400.0, secs))]
    pub auth_cache_ttl: Duration,
}

/// The deployment's Intervals.icu app and how hard the bridge may call it.
#[derive(Debug, Clone, clap::Args)]
pub struct UpstreamVars {
    #[arg(long, env = "INTERVALS_BASE_URL", value_parser = http_url)]
    pub intervals_base_url: Option<Url>,
    #[arg(long, env = "INTERVALS_CLIENT_ID")]
    pub client_id: Option<String>,
    #[arg(long, env = "INTERVALS_CLIENT_SECRET")]
    pub client_secret: Option<String>,
    #[arg(long, env = "INTERVALS_WEBHOOK_SECRET")]
    pub webhook_secret: Option<String>,
    #[arg(long, env = "INTERVALS_RATE_LIMIT", default_value = "10", value_parser = number(0.0, 100_000.0))]
    pub upstream_rate: f64,
    #[arg(long, env = "INTERVALS_MAX_ATTEMPTS", default_value = "6", value_parser = number_to(1.0, 50.0, |n| n as u32))]
    pub upstream_max_attempts: u32,
    #[arg(long, env = "INTERVALS_RETRY_BASE_MS", default_value = "500", value_parser = number_to(1.0, 60_000.0, millis))]
    pub upstream_retry_base: Duration,
    /// 0 = no cap.
    #[arg(long, env = "INTERVALS_ATHLETE_DAILY_BUDGET", default_value = "0", value_parser = number_to(0.0, 1_000_000.0, |n| n as u32))]
    pub athlete_daily_budget: u32,
}

/// Uploads: the largest one, and what the instance spools at once.
#[derive(Debug, Clone, clap::Args)]
pub struct UploadVars {
    #[arg(long, env = "BRIDGE_MAX_UPLOAD_MB", default_value = "100", value_parser = number(1.0, 10_000.0))]
    pub max_upload_mb: f64,
    /// Default four uploads' worth; at least one.
    #[arg(long, env = "BRIDGE_MAX_SPOOL_MB", value_parser = number(1.0, 1_000_000.0))]
    pub max_spool_mb: Option<f64>,
}

/// The job queue, the nightly push and retention.
#[derive(Debug, Clone, clap::Args)]
pub struct JobVars {
    #[arg(long, env = "BRIDGE_JOB_CONCURRENCY", default_value = "4", value_parser = number_to(1.0, 256.0, |n| n as usize))]
    pub job_concurrency: usize,
    #[arg(long, env = "BRIDGE_JOB_POLL_MS", default_value = "1000", value_parser = number_to(10.0, 600_000.0, millis))]
    pub job_poll: Duration,
    #[arg(long, env = "BRIDGE_JOB_LEASE_SECS", default_value = "60", value_parser = number_to(1.0, 86_400.0, secs))]
    pub job_lease: Duration,
    #[arg(long, env = "BRIDGE_WELLNESS_PUSH_AT", default_value = "03:00", value_parser = time_of_day)]
    pub wellness_push_at: NaiveTime,
    #[arg(long, env = "BRIDGE_RETENTION_DAYS", default_value = "30", value_parser = days)]
    pub retention_days: u32,
}

/// Webhooks to tenants.
#[derive(Debug, Clone, clap::Args)]
pub struct WebhookVars {
    /// Default: on with `--sandbox`, else off.
    #[arg(long, env = "BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", value_parser = boolean)]
    pub allow_private_webhook_urls: Option<bool>,
    #[arg(long, env = "BRIDGE_WEBHOOK_RETRY_SCALE", default_value = "1", value_parser = number(0.000_001, 100.0))]
    pub webhook_retry_scale: f64,
    #[arg(long, env = "BRIDGE_WEBHOOK_CONCURRENCY", default_value = "32", value_parser = number_to(1.0, 1024.0, |n| n as usize))]
    pub webhook_concurrency: usize,
    #[arg(long, env = "BRIDGE_WEBHOOK_ENDPOINT_CONCURRENCY", default_value = "8", value_parser = number_to(1.0, 1024.0, |n| n as usize))]
    pub webhook_endpoint_concurrency: usize,
}

/// The read cache (README, "The read cache").
#[derive(Debug, Clone, clap::Args)]
pub struct CacheVars {
    #[arg(long, env = "BRIDGE_CACHE_TTL_SECS", default_value = "21600", value_parser = number_to(0.0, 604_800.0, secs))]
    pub cache_ttl: Duration,
    #[arg(long, env = "BRIDGE_CACHE_UNANNOUNCED_TTL_SECS", default_value = "60", value_parser = number_to(0.0, 604_800.0, secs))]
    pub cache_unannounced_ttl: Duration,
    #[arg(long, env = "BRIDGE_CACHE_MB", default_value = "64", value_parser = number(0.01, 1_000_000.0))]
    pub cache_mb: f64,
}

/// Every variable, by concern.
#[derive(Debug, Clone, clap::Parser)]
#[command(
    no_binary_name = true,
    disable_help_flag = true,
    disable_version_flag = true
)]
pub struct Vars {
    #[command(flatten)]
    pub server: ServerVars,
    #[command(flatten)]
    pub upstream: UpstreamVars,
    #[command(flatten)]
    pub uploads: UploadVars,
    #[command(flatten)]
    pub jobs: JobVars,
    #[command(flatten)]
    pub webhooks: WebhookVars,
    #[command(flatten)]
    pub cache: CacheVars,
}

impl Vars {
    /// Reads every variable through `get` (unset and empty are the same).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> anyhow::Result<Vars> {
        use clap::{CommandFactory, FromArgMatches};
        // The values go to clap as arguments, so that what it reads is `get`'s answer alone.
        let mut args = Vec::new();
        let command = Vars::command().mut_args(|arg| {
            let var = arg.get_env().and_then(|v| v.to_str()).map(str::to_owned);
            if let (Some(var), Some(long)) = (var, arg.get_long()) {
                if let Some(value) = get(&var).filter(|v| !v.is_empty()) {
                    args.push(format!("--{long}={value}"));
                }
            }
            arg.env(None)
        });
        let matches = command
            .clone()
            .try_get_matches_from(args)
            .map_err(|e| name_the_variable(&e))?;
        Vars::from_arg_matches(&matches).map_err(|e| name_the_variable(&e))
    }
}

/// A clap error as one line that names the variable.
fn name_the_variable(e: &clap::Error) -> anyhow::Error {
    use clap::error::{ContextKind, ContextValue};
    use clap::CommandFactory;
    let arg = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(arg)) => Some(arg.clone()),
        _ => None,
    };
    let mut command = Vars::command();
    command.build();
    let var = command.get_arguments().find_map(|a| {
        let named = arg.as_deref() == Some(a.to_string().as_str());
        named.then(|| a.get_env().map(|v| v.to_string_lossy().into_owned()))?
    });
    let why = std::error::Error::source(e)
        .map(|s| s.to_string())
        .unwrap_or_else(|| e.kind().to_string());
    match var {
        Some(var) => malformed(&var, why),
        None => anyhow!("configuration: {why}"),
    }
}

type Parsed<T> = Result<T, String>;

/// A number from `min` to `max`.
fn number(min: f64, max: f64) -> impl Fn(&str) -> Parsed<f64> + Clone + Send + Sync + 'static {
    move |v| {
        v.trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n >= min && *n <= max)
            .ok_or_else(|| format!("expected a number from {min} to {max}"))
    }
}

/// A number from `min` to `max`, made into what the setting holds.
fn number_to<T: Clone + Send + Sync + 'static>(
    min: f64,
    max: f64,
    to: fn(f64) -> T,
) -> impl Fn(&str) -> Parsed<T> + Clone + Send + Sync + 'static {
    let number = number(min, max);
    move |v| number(v).map(to)
}

fn secs(n: f64) -> Duration {
    Duration::from_secs(n as u64)
}

fn millis(n: f64) -> Duration {
    Duration::from_millis(n as u64)
}

fn database_url(v: &str) -> Parsed<String> {
    match Backend::of(v) {
        Some(_) => Ok(v.to_owned()),
        None => Err("expected sqlite://PATH or postgres://…".into()),
    }
}

fn socket_addr(v: &str) -> Parsed<String> {
    v.parse::<std::net::SocketAddr>()
        .map(|_| v.to_owned())
        .map_err(|e| e.to_string())
}

/// An http(s) URL with a host, without a trailing slash.
fn http_url(v: &str) -> Parsed<Url> {
    let url = Url::parse(v).map_err(|e| e.to_string())?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err("expected an http(s) URL".into());
    }
    Ok(trim_trailing_slash(url))
}

fn keyring_spec(v: &str) -> Parsed<String> {
    Keyring::parse(v)
        .map(|_| v.to_owned())
        .map_err(|e| e.to_string())
}

fn time_of_day(v: &str) -> Parsed<NaiveTime> {
    NaiveTime::parse_from_str(v.trim(), "%H:%M").map_err(|_| "expected HH:MM (UTC)".into())
}

fn days(v: &str) -> Parsed<u32> {
    v.trim()
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=36_500).contains(d))
        .ok_or_else(|| "expected a whole number of days from 1 to 36500".into())
}

fn boolean(v: &str) -> Parsed<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err("expected true or false".into()),
    }
}

/// `serve --sandbox` runs with made-up credentials and unauthenticated control endpoints: it
/// refuses to start with a real app's settings in the environment (they would be shown by, or
/// sent to, the simulator) or on a reachable address unless asked to.
fn sandbox_guard(server: &ServerVars, upstream: &UpstreamVars, public: bool) -> anyhow::Result<()> {
    for (var, value) in [
        ("INTERVALS_CLIENT_ID", &upstream.client_id),
        ("INTERVALS_CLIENT_SECRET", &upstream.client_secret),
        ("INTERVALS_WEBHOOK_SECRET", &upstream.webhook_secret),
    ] {
        if value.is_some() {
            bail!("{var} is set: --sandbox never runs with a real Intervals.icu app's credentials; unset it, or run serve without --sandbox");
        }
    }
    if let Some(base) = &upstream.intervals_base_url {
        let ours = sandbox_url(&server.public_url);
        if base.as_str().trim_end_matches('/') != ours {
            bail!("INTERVALS_BASE_URL is set to {base}: --sandbox talks only to its own simulator ({ours}); unset it, or run serve without --sandbox");
        }
    }
    let listen = &server.listen;
    let addr: std::net::SocketAddr = listen.parse().map_err(|e| malformed("BRIDGE_LISTEN", e))?;
    if !addr.ip().is_loopback() && !public {
        bail!("BRIDGE_LISTEN is {listen}, not a loopback address: the sandbox's control endpoints need no authentication; listen on 127.0.0.1 or [::1], or pass --sandbox-public");
    }
    Ok(())
}

/// Where `serve --sandbox` mounts the simulator.
fn sandbox_url(public_url: &Url) -> String {
    format!("{}/sandbox", public_url.as_str().trim_end_matches('/'))
}

fn malformed(var: &str, why: impl std::fmt::Display) -> anyhow::Error {
    anyhow!("{var} is malformed: {why}")
}

fn trim_trailing_slash(mut url: Url) -> Url {
    let path = url.path().trim_end_matches('/').to_owned();
    url.set_path(&path);
    url
}

impl Config {
    /// Reads the process environment (after loading `.env` if present).
    pub fn from_env(mode: Mode) -> anyhow::Result<Config> {
        let _ = dotenvy::dotenv();
        Self::from_lookup(|k| std::env::var(k).ok(), mode)
    }

    pub fn from_lookup(get: impl Fn(&str) -> Option<String>, mode: Mode) -> anyhow::Result<Config> {
        Self::resolve(Vars::from_lookup(get)?, mode)
    }

    /// The rules that join variables or depend on the mode: what is required, the sandbox's
    /// guard and defaults, the spool's floor.
    pub fn resolve(vars: Vars, mode: Mode) -> anyhow::Result<Config> {
        let Vars {
            server,
            upstream,
            uploads,
            jobs,
            webhooks,
            cache,
        } = vars;
        let sandbox = matches!(mode, Mode::Sandbox { .. });
        let backend = Backend::of(&server.database_url).expect("checked by its parser");
        if server.encryption_keys.is_none() && backend == Backend::Postgres {
            bail!("BRIDGE_ENCRYPTION_KEYS is required with PostgreSQL (comma-separated id:base64 of 32 bytes)")
        }
        if let Mode::Sandbox { public } = mode {
            sandbox_guard(&server, &upstream, public)?;
        }
        let intervals_base_url = match upstream.intervals_base_url {
            Some(url) => url,
            // The sandbox is mounted on our own server.
            None if sandbox => http_url(&sandbox_url(&server.public_url))
                .map_err(|e| malformed("BRIDGE_PUBLIC_URL", e))?,
            None => Url::parse(DEFAULT_INTERVALS_BASE_URL).expect("valid default"),
        };
        let required = |var: &str, value: Option<String>, sandbox_default: &dyn Fn() -> String| {
            match value {
                Some(v) => Ok(v),
                None if mode != Mode::Serve => Ok(sandbox_default()),
                None => Err(anyhow!("{var} is required (the deployment's Intervals.icu OAuth app); or run with --sandbox")),
            }
        };
        let secret = || crate::support::crypto::random_token(24);
        let client_id = required("INTERVALS_CLIENT_ID", upstream.client_id, &|| {
            SANDBOX_CLIENT_ID.into()
        })?;
        let client_secret = required("INTERVALS_CLIENT_SECRET", upstream.client_secret, &secret)?;
        let webhook_secret =
            required("INTERVALS_WEBHOOK_SECRET", upstream.webhook_secret, &secret)?;
        let max_spool_mb = uploads.max_spool_mb.unwrap_or(4.0 * uploads.max_upload_mb);
        // Below one upload's worth, the largest accepted upload could never be spooled.
        if max_spool_mb < uploads.max_upload_mb {
            let why = format!(
                "expected a number from {} to 1000000",
                uploads.max_upload_mb
            );
            return Err(malformed("BRIDGE_MAX_SPOOL_MB", why));
        }
        let mebibytes = |mb: f64| (mb * 1024.0 * 1024.0) as u64;
        Ok(Config {
            database_url: server.database_url,
            listen: server.listen,
            public_url: server.public_url,
            encryption_keys: server.encryption_keys,
            intervals_base_url,
            client_id,
            client_secret,
            webhook_secret,
            wellness_push_at: jobs.wellness_push_at,
            allow_private_webhook_urls: webhooks.allow_private_webhook_urls.unwrap_or(sandbox),
            upstream_rate: upstream.upstream_rate,
            upstream_max_attempts: upstream.upstream_max_attempts,
            upstream_retry_base: upstream.upstream_retry_base,
            athlete_daily_budget: Some(upstream.athlete_daily_budget).filter(|n| *n > 0),
            auth_cache_ttl: server.auth_cache_ttl,
            // A TTL of 0 turns the read cache off for every area.
            cache_ttl: cache.cache_ttl,
            cache_unannounced_ttl: if cache.cache_ttl.is_zero() {
                cache.cache_ttl
            } else {
                cache.cache_unannounced_ttl
            },
            cache_bytes: mebibytes(cache.cache_mb) as usize,
            max_upload_bytes: mebibytes(uploads.max_upload_mb),
            max_spool_bytes: mebibytes(max_spool_mb),
            metrics_token: server.metrics_token,
            job_concurrency: jobs.job_concurrency,
            job_poll: jobs.job_poll,
            job_lease: jobs.job_lease,
            webhook_retry_scale: webhooks.webhook_retry_scale,
            webhook_concurrency: webhooks.webhook_concurrency,
            webhook_endpoint_concurrency: webhooks.webhook_endpoint_concurrency,
            retention_days: jobs.retention_days,
            sandbox,
        })
    }

    pub fn backend(&self) -> Backend {
        Backend::of(&self.database_url).expect("validated at load")
    }

    /// The directory beside the SQLite file (`./data` by default).
    pub fn data_dir(&self) -> Option<PathBuf> {
        match self.backend() {
            Backend::Sqlite => Some(
                Path::new(sqlite_path(&self.database_url))
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default(),
            ),
            Backend::Postgres => None,
        }
    }

    /// The OAuth redirect URI registered on the Intervals.icu app.
    pub fn redirect_uri(&self) -> String {
        format!(
            "{}/oauth/callback",
            self.public_url.as_str().trim_end_matches('/')
        )
    }

    pub fn public(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.as_str().trim_end_matches('/'))
    }

    pub fn upstream(&self, path: &str) -> String {
        format!(
            "{}{path}",
            self.intervals_base_url.as_str().trim_end_matches('/')
        )
    }

    /// The keyring: configured, or in SQLite mode read from (or generated into) the data directory.
    pub fn keyring(&self) -> anyhow::Result<Keyring> {
        if let Some(spec) = &self.encryption_keys {
            return Keyring::parse(spec).map_err(|e| malformed("BRIDGE_ENCRYPTION_KEYS", e));
        }
        let dir = self
            .data_dir()
            .ok_or_else(|| anyhow!("BRIDGE_ENCRYPTION_KEYS is required with PostgreSQL"))?;
        let path = dir.join(GENERATED_KEY_FILE);
        if path.exists() {
            let spec = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            return Keyring::parse(spec.trim())
                .map_err(|e| anyhow!("{} is malformed: {e}", path.display()));
        }
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let spec = Keyring::generate_spec("k1");
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
            .with_context(|| format!("creating {}", path.display()))?;
        file.write_all(spec.as_bytes())?;
        file.sync_all()?;
        log::warn!(
            "generated an encryption key into {} (mode 0600); back it up: tokens cannot be decrypted without it",
            path.display()
        );
        Keyring::parse(&spec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(vars: &[(&str, &str)], sandbox: bool) -> anyhow::Result<Config> {
        load_as(
            vars,
            if sandbox {
                Mode::Sandbox { public: false }
            } else {
                Mode::Serve
            },
        )
    }

    fn load_as(vars: &[(&str, &str)], mode: Mode) -> anyhow::Result<Config> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned(), mode)
    }

    #[test]
    fn the_sandbox_refuses_real_settings_and_reachable_addresses() {
        for (vars, var) in [
            (
                vec![("INTERVALS_CLIENT_ID", "real-app")],
                "INTERVALS_CLIENT_ID",
            ),
            (
                vec![("INTERVALS_CLIENT_SECRET", "s")],
                "INTERVALS_CLIENT_SECRET",
            ),
            (
                vec![("INTERVALS_WEBHOOK_SECRET", "w")],
                "INTERVALS_WEBHOOK_SECRET",
            ),
            (
                vec![("INTERVALS_BASE_URL", "https://intervals.icu")],
                "INTERVALS_BASE_URL",
            ),
            (vec![("BRIDGE_LISTEN", "0.0.0.0:8080")], "BRIDGE_LISTEN"),
            (vec![("BRIDGE_LISTEN", "[::]:8080")], "BRIDGE_LISTEN"),
        ] {
            let err = load(&vars, true).unwrap_err().to_string();
            assert!(err.starts_with(var), "{vars:?}: {err}");
            assert!(!err.contains('\n'));
        }
        // Its own mount point, loopback of either family, or a reachable address when asked.
        load(
            &[("INTERVALS_BASE_URL", "http://127.0.0.1:8080/sandbox/")],
            true,
        )
        .unwrap();
        load(&[("BRIDGE_LISTEN", "[::1]:8080")], true).unwrap();
        load_as(
            &[("BRIDGE_LISTEN", "0.0.0.0:8080")],
            Mode::Sandbox { public: true },
        )
        .unwrap();
        // Database-only commands take the real settings as they are.
        let c = load_as(&[("INTERVALS_CLIENT_ID", "real-app")], Mode::DatabaseOnly).unwrap();
        assert_eq!(c.client_id, "real-app");
        assert!(!c.sandbox);
    }

    #[test]
    fn errors_name_the_variable() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[], "INTERVALS_CLIENT_ID"),
            (
                &[("BRIDGE_DATABASE_URL", "mysql://x")],
                "BRIDGE_DATABASE_URL",
            ),
            (&[("BRIDGE_LISTEN", "nope")], "BRIDGE_LISTEN"),
            (&[("BRIDGE_PUBLIC_URL", "ftp://x")], "BRIDGE_PUBLIC_URL"),
            (
                &[("BRIDGE_ENCRYPTION_KEYS", "k1:short")],
                "BRIDGE_ENCRYPTION_KEYS",
            ),
            (
                &[("BRIDGE_DATABASE_URL", "postgres://localhost/x")],
                "BRIDGE_ENCRYPTION_KEYS",
            ),
            (
                &[("BRIDGE_WELLNESS_PUSH_AT", "25:00")],
                "BRIDGE_WELLNESS_PUSH_AT",
            ),
            (
                &[("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "maybe")],
                "BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS",
            ),
            (&[("BRIDGE_RETENTION_DAYS", "0")], "BRIDGE_RETENTION_DAYS"),
            (
                &[("BRIDGE_RETENTION_DAYS", "a month")],
                "BRIDGE_RETENTION_DAYS",
            ),
            // Less than one upload's worth of spool could never hold the largest upload.
            (
                &[
                    ("BRIDGE_MAX_UPLOAD_MB", "50"),
                    ("BRIDGE_MAX_SPOOL_MB", "49"),
                ],
                "BRIDGE_MAX_SPOOL_MB",
            ),
        ];
        for (vars, var) in cases {
            let sandbox = *var != "INTERVALS_CLIENT_ID";
            let err = load(vars, sandbox).unwrap_err().to_string();
            assert!(err.starts_with(var), "{vars:?}: {err}");
            assert!(!err.contains('\n'));
        }
    }

    #[test]
    fn every_variable_is_read_with_its_rules() {
        let c = load(
            &[
                ("INTERVALS_RATE_LIMIT", "2.5"),
                ("INTERVALS_ATHLETE_DAILY_BUDGET", "90"),
                ("INTERVALS_RETRY_BASE_MS", "20"),
                ("BRIDGE_JOB_POLL_MS", "250"),
                ("BRIDGE_JOB_LEASE_SECS", "5"),
                ("BRIDGE_JOB_CONCURRENCY", "3"),
                ("BRIDGE_MAX_UPLOAD_MB", "2"),
                ("BRIDGE_WELLNESS_PUSH_AT", "04:30"),
                ("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "off"),
                ("BRIDGE_METRICS_TOKEN", ""),
                ("BRIDGE_CACHE_TTL_SECS", "600"),
                ("BRIDGE_CACHE_UNANNOUNCED_TTL_SECS", "30"),
                ("BRIDGE_CACHE_MB", "0.5"),
            ],
            true,
        )
        .unwrap();
        assert_eq!(c.cache_ttl, Duration::from_secs(600));
        assert_eq!(c.cache_unannounced_ttl, Duration::from_secs(30));
        assert_eq!(c.cache_bytes, 512 * 1024);
        let off = load(&[("BRIDGE_CACHE_TTL_SECS", "0")], true).unwrap();
        assert!(off.cache_ttl.is_zero() && off.cache_unannounced_ttl.is_zero());
        assert_eq!(c.upstream_rate, 2.5);
        assert_eq!(c.athlete_daily_budget, Some(90));
        assert_eq!(c.upstream_retry_base, Duration::from_millis(20));
        assert_eq!(c.job_poll, Duration::from_millis(250));
        assert_eq!(c.job_lease, Duration::from_secs(5));
        assert_eq!(c.job_concurrency, 3);
        assert_eq!(c.max_spool_bytes, 4 * 2 * 1024 * 1024);
        assert_eq!(
            c.wellness_push_at,
            NaiveTime::from_hms_opt(4, 30, 0).unwrap()
        );
        assert!(!c.allow_private_webhook_urls);
        // Empty is unset.
        assert_eq!(c.metrics_token, None);
        let err = load(&[("INTERVALS_RATE_LIMIT", "fast")], true).unwrap_err();
        assert_eq!(
            err.to_string(),
            "INTERVALS_RATE_LIMIT is malformed: expected a number from 0 to 100000"
        );
        // Every declared setting names its variable, so its errors can.
        use clap::CommandFactory;
        let command = Vars::command();
        let vars: Vec<_> = command.get_arguments().map(|a| a.get_env()).collect();
        assert_eq!(vars.len(), 28);
        assert!(vars.iter().all(Option::is_some));
    }

    #[test]
    fn sandbox_defaults() {
        let c = load(&[], true).unwrap();
        assert_eq!(
            c.intervals_base_url.as_str(),
            "http://127.0.0.1:8080/sandbox"
        );
        assert_eq!(c.redirect_uri(), "http://127.0.0.1:8080/oauth/callback");
        assert!(c.allow_private_webhook_urls);
        assert_eq!(
            c.wellness_push_at,
            NaiveTime::from_hms_opt(3, 0, 0).unwrap()
        );
        assert_eq!(c.retention_days, 30);
        assert_eq!(c.max_spool_bytes, 4 * c.max_upload_bytes);
        assert_eq!(c.metrics_token, None);
    }

    #[test]
    fn database_commands_refuse_private_urls_unless_told() {
        // `tenant …` checks URLs with this: https only unless the operator says otherwise.
        let lookup = |vars: &[(&str, &str)]| load_as(vars, Mode::DatabaseOnly);
        assert!(!lookup(&[]).unwrap().allow_private_webhook_urls);
        let allowed = lookup(&[("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "true")]).unwrap();
        assert!(allowed.allow_private_webhook_urls);
        let refused = lookup(&[("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "false")]).unwrap();
        assert!(!refused.allow_private_webhook_urls);
        assert!(lookup(&[("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "maybe")]).is_err());
    }
}
