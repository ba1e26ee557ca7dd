//! When a failed job runs again: capped exponential backoff or an explicit schedule, jittered so
//! that jobs failing together (an upstream outage) do not all come back in the same second.

use std::time::Duration;

use rand::Rng;

/// The nominal wait after a failed attempt, before jitter.
#[derive(Debug, Clone, PartialEq)]
pub enum Backoff {
    /// `base * 2^(attempt-1)`, never more than `cap`.
    Exponential { base: Duration, cap: Duration },
    /// The n-th failure waits `schedule[n-1]`; failures past the end repeat the last entry.
    Schedule(Vec<Duration>),
}

/// How much randomness to mix into the nominal wait `d`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Jitter {
    None,
    /// Uniform in `[0, d]`: spreads retries the most, but may retry almost at once.
    Full,
    /// Uniform in `[d/2, d]`: keeps at least half the wait.
    Equal,
    /// Uniform in `[d*(1-f), d*(1+f)]`, `f` clamped to `[0, 1]`: for schedules whose entries are
    /// meant as "about this long" (the outbound webhook schedule).
    Spread(f64),
}

/// A queue's retry policy.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    pub backoff: Backoff,
    pub jitter: Jitter,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::exponential(Duration::from_secs(10), Duration::from_secs(3600))
    }
}

impl RetryPolicy {
    /// Exponential from `base`, capped at `cap`, with equal jitter.
    pub fn exponential(base: Duration, cap: Duration) -> RetryPolicy {
        RetryPolicy {
            backoff: Backoff::Exponential { base, cap },
            jitter: Jitter::Equal,
        }
    }

    /// An explicit schedule with ±20 % jitter (e.g. 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, …).
    pub fn schedule(delays: Vec<Duration>) -> RetryPolicy {
        RetryPolicy {
            backoff: Backoff::Schedule(delays),
            jitter: Jitter::Spread(0.2),
        }
    }

    pub fn with_jitter(mut self, jitter: Jitter) -> RetryPolicy {
        self.jitter = jitter;
        self
    }

    /// The nominal wait after the `attempts`-th failed attempt (1-based), before jitter.
    pub fn nominal_delay(&self, attempts: i32) -> Duration {
        let n = attempts.max(1) as u32;
        match &self.backoff {
            Backoff::Exponential { base, cap } => 2u32
                .checked_pow(n - 1)
                .and_then(|factor| base.checked_mul(factor))
                .map_or(*cap, |d| d.min(*cap)),
            Backoff::Schedule(delays) => delays
                .get(n as usize - 1)
                .or(delays.last())
                .copied()
                .unwrap_or_default(),
        }
    }

    /// The wait after the `attempts`-th failed attempt, jittered.
    pub fn delay(&self, attempts: i32) -> Duration {
        let d = self.nominal_delay(attempts);
        let mut rng = rand::thread_rng();
        let nanos = |d: Duration| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX);
        let between = |lo: u64, hi: u64, rng: &mut rand::rngs::ThreadRng| {
            Duration::from_nanos(if hi > lo { rng.gen_range(lo..=hi) } else { lo })
        };
        match self.jitter {
            Jitter::None => d,
            Jitter::Full => between(0, nanos(d), &mut rng),
            Jitter::Equal => between(nanos(d) / 2, nanos(d), &mut rng),
            Jitter::Spread(f) => {
                let f = if f.is_finite() {
                    f.clamp(0.0, 1.0)
                } else {
                    0.0
                };
                let spread = (nanos(d) as f64 * f) as u64;
                between(
                    nanos(d).saturating_sub(spread),
                    nanos(d).saturating_add(spread),
                    &mut rng,
                )
            }
        }
    }
}
