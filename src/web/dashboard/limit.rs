//! Sign-in attempts per minute, per client address and per API key prefix: a sliding log of the
//! attempts allowed in the last minute. API keys are far too long to guess; the limits keep a
//! flood of attempts from costing database work and make guessing pointless to try. There is no
//! cap shared by everyone: a stranger spends only its own attempts, or those of a key prefix it
//! guesses at, never a tenant's.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Attempts one client address may make per window.
pub const PER_CLIENT: usize = 10;
/// Attempts with one key prefix (the first 10 characters, as `api_key_prefix` stores them) per
/// window, from all clients together.
pub const PER_KEY_PREFIX: usize = 10;
pub const WINDOW: Duration = Duration::from_secs(60);
/// Clients or prefixes remembered before stale ones are dropped, and the most kept at all.
const PRUNE_AT: usize = 1_000;
const MAX_TRACKED: usize = 100_000;

/// One per instance (shared by the server's workers).
#[derive(Default)]
pub struct SignInLimiter {
    inner: Mutex<Log>,
}

#[derive(Default)]
struct Log {
    clients: Logs<Client>,
    prefixes: Logs<String>,
}

/// A sliding log per key.
struct Logs<K>(HashMap<K, VecDeque<Instant>>);

impl<K> Default for Logs<K> {
    fn default() -> Self {
        Logs(HashMap::new())
    }
}

impl<K: Hash + Eq> Logs<K> {
    /// How long `key` must wait at `now`, if its log is full.
    fn full(&mut self, key: &K, now: Instant, limit: usize) -> Option<Duration> {
        let log = self.0.get_mut(key)?;
        prune(log, now);
        (log.len() >= limit).then(|| wait(log, now))
    }

    fn count(&mut self, key: K, now: Instant) {
        if self.0.len() >= PRUNE_AT && !self.0.contains_key(&key) {
            self.0.retain(|_, l| {
                prune(l, now);
                !l.is_empty()
            });
            // Past this many live keys in one minute, memory matters more than their history.
            if self.0.len() >= MAX_TRACKED {
                self.0.clear();
            }
        }
        self.0.entry(key).or_default().push_back(now);
    }
}

/// Who an attempt counts against: an IPv4 address, or an IPv6 address's /64 (one subscriber's
/// usual allocation, so cycling through it gains nothing); `Unknown` without a peer address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Client {
    V4(u32),
    V6(u64),
    Unknown,
}

impl From<Option<IpAddr>> for Client {
    fn from(ip: Option<IpAddr>) -> Client {
        match ip {
            Some(IpAddr::V4(a)) => Client::V4(a.into()),
            Some(IpAddr::V6(a)) => match a.to_ipv4_mapped() {
                Some(v4) => Client::V4(v4.into()),
                None => Client::V6((u128::from(a) >> 64) as u64),
            },
            None => Client::Unknown,
        }
    }
}

fn prune(log: &mut VecDeque<Instant>, now: Instant) {
    while log
        .front()
        .is_some_and(|t| now.saturating_duration_since(*t) >= WINDOW)
    {
        log.pop_front();
    }
}

/// How long until the oldest attempt in a full log leaves the window.
fn wait(log: &VecDeque<Instant>, now: Instant) -> Duration {
    log.front()
        .map(|t| WINDOW.saturating_sub(now.saturating_duration_since(*t)))
        .unwrap_or(WINDOW)
}

/// The part of a typed key that the limit counts per: what `api_key_prefix` stores.
fn key_prefix(api_key: &str) -> String {
    api_key.trim().chars().take(10).collect()
}

impl SignInLimiter {
    /// Counts an attempt from `ip` with `api_key` at `now`, or says how long to wait when the
    /// client's or the key prefix's limit is reached (a refused attempt is not counted).
    pub fn attempt(&self, ip: Option<IpAddr>, api_key: &str, now: Instant) -> Result<(), Duration> {
        let mut log = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let client = Client::from(ip);
        let prefix = key_prefix(api_key);
        if let Some(wait) = log.clients.full(&client, now, PER_CLIENT) {
            return Err(wait);
        }
        if let Some(wait) = log.prefixes.full(&prefix, now, PER_KEY_PREFIX) {
            return Err(wait);
        }
        log.clients.count(client, now);
        log.prefixes.count(prefix, now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    /// A key of a prefix never used before, so only the client's limit applies.
    fn key() -> String {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        format!("ibk_{:06}-guess", N.fetch_add(1, Ordering::Relaxed))
    }

    #[test]
    fn each_client_gets_its_share_per_minute() {
        let limiter = SignInLimiter::default();
        let t0 = Instant::now();
        for i in 0..PER_CLIENT {
            let at = t0 + Duration::from_secs(i as u64);
            assert_eq!(limiter.attempt(ip("192.0.2.1"), &key(), at), Ok(()));
        }
        let refused = limiter
            .attempt(ip("192.0.2.1"), &key(), t0 + Duration::from_secs(20))
            .unwrap_err();
        assert_eq!(
            refused,
            Duration::from_secs(40),
            "until the first attempt is a minute old"
        );
        // Another client is not affected; the same one is again once the minute has passed.
        assert_eq!(limiter.attempt(ip("192.0.2.2"), &key(), t0), Ok(()));
        assert_eq!(
            limiter.attempt(ip("192.0.2.1"), &key(), t0 + WINDOW),
            Ok(())
        );
    }

    #[test]
    fn an_ipv6_subscriber_is_one_client() {
        let limiter = SignInLimiter::default();
        let t0 = Instant::now();
        for i in 0..PER_CLIENT {
            let addr = format!("2001:db8:1:2::{:x}", i + 1);
            assert_eq!(limiter.attempt(ip(&addr), &key(), t0), Ok(()));
        }
        assert!(limiter
            .attempt(ip("2001:db8:1:2:ffff::1"), &key(), t0)
            .is_err());
        assert_eq!(limiter.attempt(ip("2001:db8:1:3::1"), &key(), t0), Ok(()));
        // An IPv4-mapped address is its IPv4 address.
        for _ in 0..PER_CLIENT {
            assert_eq!(limiter.attempt(ip("198.51.100.7"), &key(), t0), Ok(()));
        }
        assert!(limiter
            .attempt(ip("::ffff:198.51.100.7"), &key(), t0)
            .is_err());
    }

    #[test]
    fn strangers_share_no_cap_but_a_key_prefix_has_one() {
        let limiter = SignInLimiter::default();
        let t0 = Instant::now();
        for i in 0..1_000 {
            let addr = format!("10.0.{}.{}", i / 200, i % 200);
            let key = format!("ibk_{i:06}-guess");
            assert_eq!(limiter.attempt(ip(&addr), &key, t0), Ok(()));
        }
        assert_eq!(
            limiter.attempt(ip("203.0.113.9"), "ibk_tenant-key", t0),
            Ok(())
        );
        // One prefix from many clients.
        for i in 0..PER_KEY_PREFIX - 1 {
            let addr = format!("10.1.0.{i}");
            assert_eq!(limiter.attempt(ip(&addr), "ibk_tenantX", t0), Ok(()));
        }
        assert_eq!(
            limiter.attempt(
                ip("10.2.0.1"),
                "ibk_tenant-other-suffix",
                t0 + Duration::from_secs(1)
            ),
            Err(Duration::from_secs(59))
        );
        assert_eq!(limiter.attempt(ip("10.2.0.1"), "ibk_another", t0), Ok(()));
    }
}
