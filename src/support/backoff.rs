//! The one backoff helper: how long to wait after the n-th failure (capped exponential or an
//! explicit schedule), jittered so that callers failing together (an upstream outage) do not all
//! come back in the same second. Used by the job queue, the upstream client's inline retries, the
//! outbound webhook schedule and the per-endpoint circuit breaker.

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

/// A retry policy: the nominal waits and the jitter mixed into them.
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
        self.delay_with(attempts, &mut rand::thread_rng())
    }

    /// [`RetryPolicy::delay`] drawing from `rng` (a seeded one makes the draws repeatable).
    pub fn delay_with<R: Rng + ?Sized>(&self, attempts: i32, rng: &mut R) -> Duration {
        let d = self.nominal_delay(attempts);
        let nanos = |d: Duration| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX);
        let mut between = |lo: u64, hi: u64| {
            Duration::from_nanos(if hi > lo { rng.gen_range(lo..=hi) } else { lo })
        };
        match self.jitter {
            Jitter::None => d,
            Jitter::Full => between(0, nanos(d)),
            Jitter::Equal => between(nanos(d) / 2, nanos(d)),
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
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::StdRng;
    use rand::SeedableRng;

    const DRAWS: usize = 1000;

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    /// `DRAWS` seeded draws of the wait after the `attempts`-th failure.
    fn draws(policy: &RetryPolicy, attempts: i32) -> Vec<Duration> {
        let mut rng = StdRng::seed_from_u64(7);
        (0..DRAWS)
            .map(|_| policy.delay_with(attempts, &mut rng))
            .collect()
    }

    fn assert_within(samples: &[Duration], lo: Duration, hi: Duration) {
        let outside: Vec<_> = samples.iter().filter(|d| **d < lo || **d > hi).collect();
        assert!(outside.is_empty(), "outside {lo:?}..={hi:?}: {outside:?}");
        let (min, max) = (samples.iter().min(), samples.iter().max());
        assert!(min != max, "the jitter varies");
    }

    #[test]
    fn exponential_doubles_from_base_up_to_the_cap() {
        let p = RetryPolicy::exponential(secs(1), secs(60)).with_jitter(Jitter::None);
        let waits: Vec<u64> = (1..=9).map(|n| p.delay(n).as_secs()).collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
        // Attempts below 1 count as the first.
        assert_eq!(p.nominal_delay(0), secs(1));
        assert_eq!(p.nominal_delay(-5), secs(1));
    }

    #[test]
    fn exponential_never_overflows() {
        let p = RetryPolicy::exponential(secs(30), secs(3600)).with_jitter(Jitter::None);
        for n in [31, 32, 33, 64, 1000, i32::MAX] {
            assert_eq!(p.delay(n), secs(3600), "attempt {n}");
        }
        let huge = RetryPolicy::exponential(Duration::MAX, Duration::MAX);
        assert_eq!(huge.nominal_delay(i32::MAX), Duration::MAX);
        for jitter in [Jitter::Full, Jitter::Equal, Jitter::Spread(1.0)] {
            let p = huge.clone().with_jitter(jitter);
            // Beyond u64 nanoseconds (584 years) the jittered wait saturates instead of wrapping.
            assert!(draws(&p, 3)
                .iter()
                .all(|d| *d <= Duration::from_nanos(u64::MAX)));
        }
    }

    #[test]
    fn schedule_repeats_its_last_entry() {
        let p = RetryPolicy::schedule(vec![secs(5), secs(300), secs(1800)]);
        let nominal: Vec<u64> = (1..=6).map(|n| p.nominal_delay(n).as_secs()).collect();
        assert_eq!(nominal, [5, 300, 1800, 1800, 1800, 1800]);
        assert_eq!(p.nominal_delay(i32::MAX), secs(1800));
        assert_eq!(p.nominal_delay(0), secs(5));
        assert_eq!(RetryPolicy::schedule(Vec::new()).delay(3), Duration::ZERO);
    }

    #[test]
    fn no_jitter_is_the_nominal_wait() {
        let p = RetryPolicy::exponential(secs(3), secs(100)).with_jitter(Jitter::None);
        assert!(draws(&p, 2).iter().all(|d| *d == secs(6)));
    }

    #[test]
    fn full_jitter_stays_between_zero_and_the_wait() {
        let p = RetryPolicy::exponential(secs(1), secs(10)).with_jitter(Jitter::Full);
        assert_within(&draws(&p, 3), Duration::ZERO, secs(4));
        assert_within(&draws(&p, 40), Duration::ZERO, secs(10));
    }

    #[test]
    fn equal_jitter_keeps_at_least_half_the_wait() {
        let p = RetryPolicy::exponential(secs(1), secs(60));
        assert_eq!(p.jitter, Jitter::Equal);
        assert_within(&draws(&p, 3), secs(2), secs(4));
        assert_within(&draws(&p, 40), secs(30), secs(60));
    }

    #[test]
    fn spread_jitter_stays_within_its_fraction() {
        let p = RetryPolicy::schedule(vec![secs(100)]);
        assert_eq!(p.jitter, Jitter::Spread(0.2));
        assert_within(&draws(&p, 1), secs(80), secs(120));
        let tenth = p.clone().with_jitter(Jitter::Spread(0.1));
        assert_within(&draws(&tenth, 9), secs(90), secs(110));
        // Out-of-range fractions are clamped; a non-finite one means no jitter.
        let wide = p.clone().with_jitter(Jitter::Spread(5.0));
        assert_within(&draws(&wide, 1), Duration::ZERO, secs(200));
        let nan = p.with_jitter(Jitter::Spread(f64::NAN));
        assert!(draws(&nan, 1).iter().all(|d| *d == secs(100)));
    }

    #[test]
    fn a_zero_wait_stays_zero_under_every_jitter() {
        let p = RetryPolicy::schedule(vec![Duration::ZERO]);
        for jitter in [
            Jitter::None,
            Jitter::Full,
            Jitter::Equal,
            Jitter::Spread(0.5),
        ] {
            let p = p.clone().with_jitter(jitter);
            assert!(draws(&p, 4).iter().all(|d| d.is_zero()), "{jitter:?}");
        }
    }
}
