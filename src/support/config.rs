//! Typed configuration from the environment (and `.env`). Every error names the variable, so a
//! bad value stops start-up with one clear line.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

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

/// The OAuth client id `serve --sandbox` registers in its sandbox (and `sandbox` alone).
pub const SANDBOX_CLIENT_ID: &str = "1001";

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
    pub upstream_retry_base: std::time::Duration,
    /// Upstream calls per athlete and UTC day before the bridge refuses with 429
    /// (`INTERVALS_ATHLETE_DAILY_BUDGET`; none = no cap).
    pub athlete_daily_budget: Option<u32>,
    /// How long an instance may reuse an API key's tenant, a user's connection and token without
    /// a change being announced (`BRIDGE_AUTH_CACHE_SECS`, 0 = no cache).
    pub auth_cache_ttl: std::time::Duration,
    /// The read cache: how long an answer of an area Intervals.icu announces changes of stays
    /// fresh (`BRIDGE_CACHE_TTL_SECS`, 0 = no read cache), of the others
    /// (`BRIDGE_CACHE_UNANNOUNCED_TTL_SECS`), and its memory per instance (`BRIDGE_CACHE_MB`).
    pub cache_ttl: std::time::Duration,
    pub cache_unannounced_ttl: std::time::Duration,
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
    pub job_poll: std::time::Duration,
    /// How long a claimed job stays invisible to other instances (`BRIDGE_JOB_LEASE_SECS`); the
    /// lease is renewed while the job runs, so this bounds how long a crashed instance's job waits.
    pub job_lease: std::time::Duration,
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

/// `serve --sandbox` runs with made-up credentials and unauthenticated control endpoints: it
/// refuses to start with a real app's settings in the environment (they would be shown by, or
/// sent to, the simulator) or on a reachable address unless asked to.
fn sandbox_guard(
    get: &impl Fn(&str) -> Option<String>,
    listen: &str,
    public_url: &Url,
    public: bool,
) -> anyhow::Result<()> {
    for var in [
        "INTERVALS_CLIENT_ID",
        "INTERVALS_CLIENT_SECRET",
        "INTERVALS_WEBHOOK_SECRET",
    ] {
        if get(var).is_some() {
            bail!("{var} is set: --sandbox never runs with a real Intervals.icu app's credentials; unset it, or run serve without --sandbox");
        }
    }
    if let Some(base) = get("INTERVALS_BASE_URL") {
        let ours = format!("{}/sandbox", public_url.as_str().trim_end_matches('/'));
        if base.trim_end_matches('/') != ours {
            bail!("INTERVALS_BASE_URL is set to {base}: --sandbox talks only to its own simulator ({ours}); unset it, or run serve without --sandbox");
        }
    }
    let addr: std::net::SocketAddr = listen.parse().map_err(|e| malformed("BRIDGE_LISTEN", e))?;
    if !addr.ip().is_loopback() && !public {
        bail!("BRIDGE_LISTEN is {listen}, not a loopback address: the sandbox's control endpoints need no authentication; listen on 127.0.0.1 or [::1], or pass --sandbox-public");
    }
    Ok(())
}

fn malformed(var: &str, why: impl std::fmt::Display) -> anyhow::Error {
    anyhow!("{var} is malformed: {why}")
}

fn parse_url(var: &str, value: &str) -> anyhow::Result<Url> {
    let url = Url::parse(value).map_err(|e| malformed(var, e))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(malformed(var, "expected an http(s) URL"));
    }
    Ok(url)
}

fn trim_trailing_slash(mut url: Url) -> Url {
    let path = url.path().trim_end_matches('/').to_owned();
    url.set_path(&path);
    url
}

fn parse_bool(var: &str, value: &str) -> anyhow::Result<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(malformed(var, "expected true or false")),
    }
}

impl Config {
    /// Reads the process environment (after loading `.env` if present).
    pub fn from_env(mode: Mode) -> anyhow::Result<Config> {
        let _ = dotenvy::dotenv();
        Self::from_lookup(|k| std::env::var(k).ok().filter(|v| !v.is_empty()), mode)
    }

    pub fn from_lookup(get: impl Fn(&str) -> Option<String>, mode: Mode) -> anyhow::Result<Config> {
        let sandbox = matches!(mode, Mode::Sandbox { .. });
        let database_url =
            get("BRIDGE_DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        let backend = Backend::of(&database_url).ok_or_else(|| {
            malformed(
                "BRIDGE_DATABASE_URL",
                "expected sqlite://PATH or postgres://…",
            )
        })?;
        let listen = get("BRIDGE_LISTEN").unwrap_or_else(|| DEFAULT_LISTEN.into());
        listen
            .parse::<std::net::SocketAddr>()
            .map_err(|e| malformed("BRIDGE_LISTEN", e))?;
        let public_url = trim_trailing_slash(parse_url(
            "BRIDGE_PUBLIC_URL",
            &get("BRIDGE_PUBLIC_URL").unwrap_or_else(|| DEFAULT_PUBLIC_URL.into()),
        )?);
        let encryption_keys = get("BRIDGE_ENCRYPTION_KEYS");
        match &encryption_keys {
            Some(spec) => {
                Keyring::parse(spec).map_err(|e| malformed("BRIDGE_ENCRYPTION_KEYS", e))?;
            }
            None if backend == Backend::Postgres => {
                bail!("BRIDGE_ENCRYPTION_KEYS is required with PostgreSQL (comma-separated id:base64 of 32 bytes)")
            }
            None => {}
        }
        if let Mode::Sandbox { public } = mode {
            sandbox_guard(&get, &listen, &public_url, public)?;
        }
        let intervals_base_url = trim_trailing_slash(match get("INTERVALS_BASE_URL") {
            Some(v) => parse_url("INTERVALS_BASE_URL", &v)?,
            // The sandbox is mounted on our own server.
            None if sandbox => parse_url(
                "BRIDGE_PUBLIC_URL",
                &format!("{}/sandbox", public_url.as_str().trim_end_matches('/')),
            )?,
            None => Url::parse(DEFAULT_INTERVALS_BASE_URL).expect("valid default"),
        });
        let required = |var: &str, sandbox_default: &str| -> anyhow::Result<String> {
            match get(var) {
                Some(v) => Ok(v),
                None if mode != Mode::Serve => Ok(sandbox_default.to_owned()),
                None => bail!("{var} is required (the deployment's Intervals.icu OAuth app); or run with --sandbox"),
            }
        };
        // A number, as Intervals.icu's client ids are: events the bridge writes carry it as
        // `oauth_client_id`, which clients generated from its OpenAPI document read as one.
        let client_id = required("INTERVALS_CLIENT_ID", SANDBOX_CLIENT_ID)?;
        let client_secret = required(
            "INTERVALS_CLIENT_SECRET",
            &crate::support::crypto::random_token(24),
        )?;
        let webhook_secret = required(
            "INTERVALS_WEBHOOK_SECRET",
            &crate::support::crypto::random_token(24),
        )?;
        let wellness_push_at = match get("BRIDGE_WELLNESS_PUSH_AT") {
            Some(v) => NaiveTime::parse_from_str(v.trim(), "%H:%M")
                .map_err(|_| malformed("BRIDGE_WELLNESS_PUSH_AT", "expected HH:MM (UTC)"))?,
            None => NaiveTime::from_hms_opt(3, 0, 0).expect("valid time"),
        };
        let allow_private_webhook_urls = match get("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS") {
            Some(v) => parse_bool("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", &v)?,
            None => sandbox,
        };
        let number = |var: &str, default: f64, min: f64, max: f64| -> anyhow::Result<f64> {
            match get(var) {
                None => Ok(default),
                Some(v) => v
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite() && *n >= min && *n <= max)
                    .ok_or_else(|| {
                        malformed(var, format!("expected a number from {min} to {max}"))
                    }),
            }
        };
        let upstream_rate = number("INTERVALS_RATE_LIMIT", 10.0, 0.0, 100_000.0)?;
        let upstream_max_attempts = number("INTERVALS_MAX_ATTEMPTS", 6.0, 1.0, 50.0)? as u32;
        // 0 = no cap.
        let athlete_daily_budget =
            Some(number("INTERVALS_ATHLETE_DAILY_BUDGET", 0.0, 0.0, 1_000_000.0)? as u32)
                .filter(|n| *n > 0);
        let auth_cache_ttl =
            std::time::Duration::from_secs(
                number("BRIDGE_AUTH_CACHE_SECS", 60.0, 0.0, 86_400.0)? as u64
            );
        let cache_ttl = std::time::Duration::from_secs(number(
            "BRIDGE_CACHE_TTL_SECS",
            21_600.0,
            0.0,
            604_800.0,
        )? as u64);
        let cache_unannounced_ttl = if cache_ttl.is_zero() {
            cache_ttl
        } else {
            std::time::Duration::from_secs(number(
                "BRIDGE_CACHE_UNANNOUNCED_TTL_SECS",
                60.0,
                0.0,
                604_800.0,
            )? as u64)
        };
        let cache_bytes =
            (number("BRIDGE_CACHE_MB", 64.0, 0.01, 1_000_000.0)? * 1024.0 * 1024.0) as usize;
        let upstream_retry_base = std::time::Duration::from_millis(number(
            "INTERVALS_RETRY_BASE_MS",
            500.0,
            1.0,
            60_000.0,
        )? as u64);
        let max_upload_mb = number("BRIDGE_MAX_UPLOAD_MB", 100.0, 1.0, 10_000.0)?;
        let max_upload_bytes = (max_upload_mb * 1024.0 * 1024.0) as u64;
        // Below one upload's worth, the largest accepted upload could never be spooled.
        let max_spool_bytes = (number(
            "BRIDGE_MAX_SPOOL_MB",
            4.0 * max_upload_mb,
            max_upload_mb,
            1_000_000.0,
        )? * 1024.0
            * 1024.0) as u64;
        let metrics_token = get("BRIDGE_METRICS_TOKEN");
        let job_concurrency = number("BRIDGE_JOB_CONCURRENCY", 4.0, 1.0, 256.0)? as usize;
        let job_poll =
            std::time::Duration::from_millis(
                number("BRIDGE_JOB_POLL_MS", 1000.0, 10.0, 600_000.0)? as u64,
            );
        let job_lease =
            std::time::Duration::from_secs(
                number("BRIDGE_JOB_LEASE_SECS", 60.0, 1.0, 86_400.0)? as u64
            );
        let webhook_retry_scale = number("BRIDGE_WEBHOOK_RETRY_SCALE", 1.0, 0.000_001, 100.0)?;
        let webhook_concurrency = number("BRIDGE_WEBHOOK_CONCURRENCY", 32.0, 1.0, 1024.0)? as usize;
        let webhook_endpoint_concurrency =
            number("BRIDGE_WEBHOOK_ENDPOINT_CONCURRENCY", 8.0, 1.0, 1024.0)? as usize;
        let retention_days = match get("BRIDGE_RETENTION_DAYS") {
            None => 30,
            Some(v) => v
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|d| (1..=36_500).contains(d))
                .ok_or_else(|| {
                    malformed(
                        "BRIDGE_RETENTION_DAYS",
                        "expected a whole number of days from 1 to 36500",
                    )
                })?,
        };
        Ok(Config {
            database_url,
            listen,
            public_url,
            encryption_keys,
            intervals_base_url,
            client_id,
            client_secret,
            webhook_secret,
            wellness_push_at,
            allow_private_webhook_urls,
            upstream_rate,
            upstream_max_attempts,
            upstream_retry_base,
            athlete_daily_budget,
            auth_cache_ttl,
            cache_ttl,
            cache_unannounced_ttl,
            cache_bytes,
            max_upload_bytes,
            max_spool_bytes,
            metrics_token,
            job_concurrency,
            job_poll,
            job_lease,
            webhook_retry_scale,
            webhook_concurrency,
            webhook_endpoint_concurrency,
            retention_days,
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
