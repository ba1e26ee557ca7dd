//! Sign-in attempts per minute, per client address and for the whole instance: a sliding log of
//! the attempts allowed in the last minute. API keys are far too long to guess; the limits keep
//! a flood of attempts from costing database work and make guessing pointless to try.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Attempts one client address may make per window.
pub const PER_CLIENT: usize = 10;
/// Attempts all clients together may make per window (per instance).
pub const OVERALL: usize = 100;
pub const WINDOW: Duration = Duration::from_secs(60);

/// One per instance (shared by the server's workers).
#[derive(Default)]
pub struct SignInLimiter {
    inner: Mutex<Log>,
}

#[derive(Default)]
struct Log {
    all: VecDeque<Instant>,
    clients: HashMap<Client, VecDeque<Instant>>,
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

impl SignInLimiter {
    /// Counts an attempt from `ip` at `now`, or says how long to wait when either limit is
    /// reached (a refused attempt is not counted).
    pub fn attempt(&self, ip: Option<IpAddr>, now: Instant) -> Result<(), Duration> {
        let mut log = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let log = &mut *log;
        prune(&mut log.all, now);
        if log.all.len() >= OVERALL {
            return Err(wait(&log.all, now));
        }
        // Only allowed attempts add addresses, so the map stays near OVERALL entries; stale
        // ones go when it grows past that.
        if log.clients.len() > 2 * OVERALL {
            log.clients.retain(|_, l| {
                prune(l, now);
                !l.is_empty()
            });
        }
        let mine = log.clients.entry(Client::from(ip)).or_default();
        prune(mine, now);
        if mine.len() >= PER_CLIENT {
            return Err(wait(mine, now));
        }
        mine.push_back(now);
        log.all.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn each_client_gets_its_share_per_minute() {
        let limiter = SignInLimiter::default();
        let t0 = Instant::now();
        for i in 0..PER_CLIENT {
            let at = t0 + Duration::from_secs(i as u64);
            assert_eq!(limiter.attempt(ip("192.0.2.1"), at), Ok(()));
        }
        let refused = limiter
            .attempt(ip("192.0.2.1"), t0 + Duration::from_secs(20))
            .unwrap_err();
        assert_eq!(
            refused,
            Duration::from_secs(40),
            "until the first attempt is a minute old"
        );
        // Another client is not affected; the same one is again once the minute has passed.
        assert_eq!(limiter.attempt(ip("192.0.2.2"), t0), Ok(()));
        assert_eq!(limiter.attempt(ip("192.0.2.1"), t0 + WINDOW), Ok(()));
    }

    #[test]
    fn an_ipv6_subscriber_is_one_client() {
        let limiter = SignInLimiter::default();
        let t0 = Instant::now();
        for i in 0..PER_CLIENT {
            let addr = format!("2001:db8:1:2::{:x}", i + 1);
            assert_eq!(limiter.attempt(ip(&addr), t0), Ok(()));
        }
        assert!(limiter.attempt(ip("2001:db8:1:2:ffff::1"), t0).is_err());
        assert_eq!(limiter.attempt(ip("2001:db8:1:3::1"), t0), Ok(()));
        // An IPv4-mapped address is its IPv4 address.
        for _ in 0..PER_CLIENT {
            assert_eq!(limiter.attempt(ip("198.51.100.7"), t0), Ok(()));
        }
        assert!(limiter.attempt(ip("::ffff:198.51.100.7"), t0).is_err());
    }

    #[test]
    fn all_clients_together_are_capped() {
        let limiter = SignInLimiter::default();
        let t0 = Instant::now();
        for i in 0..OVERALL {
            let addr = format!("10.0.{}.{}", i / 200, i % 200);
            assert_eq!(limiter.attempt(ip(&addr), t0), Ok(()));
        }
        assert_eq!(
            limiter.attempt(ip("203.0.113.9"), t0 + Duration::from_secs(1)),
            Err(Duration::from_secs(59))
        );
        assert_eq!(limiter.attempt(ip("203.0.113.9"), t0 + WINDOW), Ok(()));
    }
}
