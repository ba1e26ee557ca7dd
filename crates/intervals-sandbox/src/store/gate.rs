//! The gate every `/api` request passes: the per-IP rate limiter, an outage, and injected faults
//! (drawn from a seeded RNG when the faults say so), with the counters behind `/_sandbox/stats`.
//! The `/api` middleware asks [`Gate::admit`] what to do with each request.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

use actix_web::http::header::{HeaderValue, RETRY_AFTER};
use actix_web::http::{Method, StatusCode};
use actix_web::HttpResponse;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

use super::lock::Lock;
use crate::errors::error;

/// Intervals.icu's observed limit is about 10 requests/s per IP with a short burst.
pub(crate) const DEFAULT_RATE_PER_SEC: f64 = 10.0;
pub(crate) const DEFAULT_BURST: f64 = 20.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Phase {
    /// Fail without doing the work.
    #[default]
    Before,
    /// Do the work, then answer the error instead: the client never learns it succeeded.
    After,
}

/// `paths` and `methods` may be one comma-separated string or a list.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum List {
    One(String),
    Many(Vec<String>),
}

impl List {
    fn items(self) -> Vec<String> {
        let raw = match self {
            List::One(s) => s.split(',').map(str::to_owned).collect(),
            List::Many(v) => v,
        };
        raw.into_iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// The body of `POST /_sandbox/faults`; every field optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FaultsBody {
    error_rate: Option<f64>,
    error_status: Option<u16>,
    phase: Option<Phase>,
    retry_after_secs: Option<u64>,
    latency_ms: Option<u64>,
    paths: Option<List>,
    methods: Option<List>,
    fail_next: Option<u32>,
    seed: Option<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Faults {
    pub error_rate: f64,
    pub error_status: u16,
    pub phase: Phase,
    pub retry_after_secs: Option<u64>,
    pub latency_ms: u64,
    /// Upstream path prefixes the switches apply to.
    pub paths: Vec<String>,
    /// Empty means every method.
    pub methods: Vec<String>,
    pub fail_next: u32,
    /// Draws against `error_rate` come from an RNG seeded with this, started afresh whenever the
    /// faults are replaced, so that a test sees the same faults on every run.
    pub seed: Option<u64>,
}

impl Default for Faults {
    fn default() -> Self {
        Faults {
            error_rate: 0.0,
            error_status: 503,
            phase: Phase::Before,
            retry_after_secs: None,
            latency_ms: 0,
            paths: vec!["/api/".to_owned()],
            methods: Vec::new(),
            fail_next: 0,
            seed: None,
        }
    }
}

impl Faults {
    /// A POST replaces the whole configuration, so what a test posts is exactly what applies.
    pub(crate) fn from_body(b: FaultsBody) -> Result<Faults, String> {
        let d = Faults::default();
        let error_rate = b.error_rate.unwrap_or(d.error_rate);
        if !(0.0..=1.0).contains(&error_rate) {
            return Err("error_rate must be between 0 and 1".into());
        }
        let error_status = b.error_status.unwrap_or(d.error_status);
        if !(400..=599).contains(&error_status) {
            return Err("error_status must be between 400 and 599".into());
        }
        let paths = b.paths.map(List::items).unwrap_or(d.paths);
        if paths.iter().any(|p| !p.starts_with('/')) {
            return Err("paths must start with /".into());
        }
        Ok(Faults {
            error_rate,
            error_status,
            phase: b.phase.unwrap_or(d.phase),
            retry_after_secs: b.retry_after_secs,
            latency_ms: b.latency_ms.unwrap_or(d.latency_ms),
            paths,
            methods: b
                .methods
                .map(List::items)
                .unwrap_or_default()
                .into_iter()
                .map(|m| m.to_ascii_uppercase())
                .collect(),
            fail_next: b.fail_next.unwrap_or(d.fail_next),
            seed: b.seed,
        })
    }

    fn matches(&self, path: &str, method: &Method) -> bool {
        self.paths.iter().any(|p| path.starts_with(p.as_str()))
            && (self.methods.is_empty() || self.methods.iter().any(|m| m == method.as_str()))
    }

    /// Intervals.icu's usual JSON error, with `Retry-After` when configured.
    fn response(&self) -> HttpResponse {
        let status =
            StatusCode::from_u16(self.error_status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
        let message = if status == StatusCode::TOO_MANY_REQUESTS {
            "Too many requests"
        } else {
            status.canonical_reason().unwrap_or("Error")
        };
        let mut res = error(status, message);
        if let Some(secs) = self.retry_after_secs {
            res.headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

#[derive(Debug, Default, Clone, Serialize)]
pub(crate) struct Stats {
    pub requests: u64,
    pub rate_limited: u64,
    pub faults_injected: u64,
    pub uploads: u64,
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

pub(crate) struct RateLimiter {
    pub per_sec: f64,
    pub burst: f64,
    buckets: HashMap<Option<IpAddr>, Bucket>,
}

impl Default for RateLimiter {
    fn default() -> Self {
        RateLimiter {
            per_sec: DEFAULT_RATE_PER_SEC,
            burst: DEFAULT_BURST,
            buckets: HashMap::new(),
        }
    }
}

impl RateLimiter {
    /// New limits start every client with a full bucket.
    pub(crate) fn configure(&mut self, per_sec: Option<f64>, burst: Option<f64>) {
        if let Some(r) = per_sec {
            self.per_sec = r.max(0.0);
        }
        if let Some(b) = burst {
            self.burst = b.max(1.0);
        }
        self.buckets.clear();
    }

    fn allow(&mut self, ip: Option<IpAddr>, now: Instant) -> bool {
        if self.per_sec <= 0.0 {
            return true;
        }
        let (rate, burst) = (self.per_sec, self.burst);
        let b = self.buckets.entry(ip).or_insert(Bucket {
            tokens: burst,
            at: now,
        });
        let elapsed = now.saturating_duration_since(b.at).as_secs_f64();
        b.tokens = (b.tokens + elapsed * rate).min(burst);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// What the middleware does with one `/api` request.
pub(crate) struct Admission {
    /// `Some`: answer this without calling the handler.
    pub answer: Option<HttpResponse>,
    /// Run the handler, then answer this instead of its response.
    pub replace: Option<HttpResponse>,
    pub latency: Duration,
}

struct State {
    down: bool,
    faults: Faults,
    /// Seeded from `faults.seed` when the faults were set.
    rng: Option<StdRng>,
    limiter: RateLimiter,
    stats: Stats,
}

pub(crate) struct Gate(Lock<State>);

impl Gate {
    pub(crate) fn new() -> Gate {
        Gate(Lock::new(State {
            down: false,
            faults: Faults::default(),
            rng: None,
            limiter: RateLimiter::default(),
            stats: Stats::default(),
        }))
    }

    /// Counts the request and decides, in the order a real deployment would: the edge's rate
    /// limit first, then an outage, then injected faults.
    pub(crate) fn admit(&self, path: &str, method: &Method, ip: Option<IpAddr>) -> Admission {
        self.0.lock().admit(path, method, ip)
    }

    pub(crate) fn down(&self) -> bool {
        self.0.lock().down
    }

    pub(crate) fn set_down(&self, down: bool) {
        self.0.lock().down = down;
    }

    /// The configuration, with the `fail_next` still left.
    pub(crate) fn faults(&self) -> Faults {
        self.0.lock().faults.clone()
    }

    /// Replaces the whole configuration (and restarts the seeded RNG); answers it.
    pub(crate) fn set_faults(&self, faults: Faults) -> Faults {
        let mut st = self.0.lock();
        st.rng = faults.seed.map(StdRng::seed_from_u64);
        st.faults = faults;
        st.faults.clone()
    }

    /// Requests per second and burst per client IP (`None` keeps the current value); every
    /// client starts again with a full bucket. Answers the limits now in force.
    pub(crate) fn limit(&self, per_sec: Option<f64>, burst: Option<f64>) -> (f64, f64) {
        let mut st = self.0.lock();
        st.limiter.configure(per_sec, burst);
        (st.limiter.per_sec, st.limiter.burst)
    }

    pub(crate) fn limits(&self) -> (f64, f64) {
        let st = self.0.lock();
        (st.limiter.per_sec, st.limiter.burst)
    }

    pub(crate) fn stats(&self) -> Stats {
        self.0.lock().stats.clone()
    }

    pub(crate) fn reset_stats(&self) -> Stats {
        let mut st = self.0.lock();
        st.stats = Stats::default();
        st.stats.clone()
    }

    /// An upload request reached the store (new or duplicate).
    pub(crate) fn count_upload(&self) {
        self.0.lock().stats.uploads += 1;
    }
}

impl State {
    fn admit(&mut self, path: &str, method: &Method, ip: Option<IpAddr>) -> Admission {
        self.stats.requests += 1;
        let matches = self.faults.matches(path, method);
        let latency = if matches {
            Duration::from_millis(self.faults.latency_ms)
        } else {
            Duration::ZERO
        };
        let answer = |res| Admission {
            answer: Some(res),
            replace: None,
            latency,
        };
        if !self.limiter.allow(ip, Instant::now()) {
            self.stats.rate_limited += 1;
            // The real service sends no rate-limit headers, Retry-After included.
            return answer(error(StatusCode::TOO_MANY_REQUESTS, "Too many requests"));
        }
        if self.down {
            return answer(error(
                StatusCode::SERVICE_UNAVAILABLE,
                "Service Unavailable",
            ));
        }
        let inject = matches
            && if self.faults.fail_next > 0 {
                self.faults.fail_next -= 1;
                true
            } else {
                self.faults.error_rate > 0.0 && self.draw() < self.faults.error_rate
            };
        if !inject {
            return Admission {
                answer: None,
                replace: None,
                latency,
            };
        }
        self.stats.faults_injected += 1;
        let res = self.faults.response();
        match self.faults.phase {
            Phase::Before => answer(res),
            Phase::After => Admission {
                answer: None,
                replace: Some(res),
                latency,
            },
        }
    }

    /// Uniform in `[0, 1)`: from the seeded RNG when the faults have a seed.
    fn draw(&mut self) -> f64 {
        match &mut self.rng {
            Some(rng) => rng.gen(),
            None => rand::random(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_refills_at_the_rate() {
        let mut l = RateLimiter::default();
        l.configure(Some(10.0), Some(2.0));
        let t0 = Instant::now();
        assert!(l.allow(None, t0));
        assert!(l.allow(None, t0));
        assert!(!l.allow(None, t0));
        assert!(l.allow(None, t0 + Duration::from_millis(110)));
        l.configure(Some(0.0), None);
        assert!((0..100).all(|_| l.allow(None, t0)));
    }
}
