//! A shared request pacer (GCRA, i.e. a token bucket without a timer task) that keeps this
//! instance within its share of Intervals.icu's per-IP request rate, with a small burst. The
//! rate is the deployment's (`INTERVALS_RATE_LIMIT`) divided by the instances alive, which the
//! heartbeat ([`crate::services::intervals::Coordination`]) tells it with [`Pacer::set_share`].

use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct Pacer {
    /// The whole deployment's rate (0 = unpaced) and burst.
    rate: f64,
    burst: u32,
    state: Mutex<State>,
}

struct State {
    interval: Duration,
    /// How far ahead of now reservations may start: (burst - 1) intervals.
    burst: Duration,
    /// The theoretical arrival time of the next request.
    next: Instant,
    share: u32,
}

fn spacing(rate: f64, burst: u32, share: u32) -> (Duration, Duration) {
    if rate <= 0.0 {
        return (Duration::ZERO, Duration::ZERO);
    }
    let share = share.max(1);
    let interval = Duration::from_secs_f64(f64::from(share) / rate);
    // The burst is shared too, so the instances together burst no more than one would alone.
    let burst = (burst / share).max(1);
    (interval, interval * (burst - 1))
}

impl Pacer {
    /// `rate` requests per second (0 = unlimited), allowing `burst` requests at once.
    pub fn new(rate: f64, burst: u32) -> Pacer {
        let (interval, burst_span) = spacing(rate, burst, 1);
        let now = Instant::now();
        Pacer {
            rate,
            burst,
            state: Mutex::new(State {
                interval,
                burst: burst_span,
                // Start with the whole burst available.
                next: now.checked_sub(burst_span).unwrap_or(now),
                share: 1,
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Paces at 1/`instances` of the deployment's rate from now on.
    pub fn set_share(&self, instances: u32) {
        let mut s = self.lock();
        let instances = instances.max(1);
        if s.share == instances {
            return;
        }
        let (interval, burst) = spacing(self.rate, self.burst, instances);
        s.interval = interval;
        s.burst = burst;
        s.share = instances;
    }

    pub fn share(&self) -> u32 {
        self.lock().share
    }

    /// The rate this instance paces at now (0 = unpaced).
    pub fn rate_now(&self) -> f64 {
        if self.rate <= 0.0 {
            return 0.0;
        }
        self.rate / f64::from(self.lock().share)
    }

    /// Sends nothing before `until` (an instance joining others waits until they have seen it).
    pub fn hold_until(&self, until: Instant) {
        let mut s = self.lock();
        if !s.interval.is_zero() {
            s.next = s.next.max(until);
        }
    }

    /// How long the caller must wait before sending; reserves its slot.
    fn reserve(&self) -> Duration {
        let now = Instant::now();
        let mut s = self.lock();
        if s.interval.is_zero() {
            return Duration::ZERO;
        }
        // Unused capacity accumulates only up to the burst.
        let earliest = now.checked_sub(s.burst).unwrap_or(now);
        let slot = s.next.max(earliest);
        s.next = slot + s.interval;
        slot.saturating_duration_since(now)
    }

    pub async fn acquire(&self) {
        let wait = self.reserve();
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reservations_are_spaced_after_the_burst() {
        let p = Pacer::new(10.0, 3);
        let waits: Vec<Duration> = (0..6).map(|_| p.reserve()).collect();
        assert!(
            waits[..3].iter().all(|w| *w < Duration::from_millis(5)),
            "{waits:?}"
        );
        // The 6th request waits about 3 intervals.
        assert!(
            waits[5] >= Duration::from_millis(250) && waits[5] <= Duration::from_millis(310),
            "{waits:?}"
        );
        assert!(Pacer::new(0.0, 1).reserve().is_zero());
    }

    #[test]
    fn a_share_divides_rate_and_burst() {
        let p = Pacer::new(100.0, 6);
        p.set_share(3);
        assert_eq!(p.share(), 3);
        assert!((p.rate_now() - 100.0 / 3.0).abs() < 1e-9);
        // Burst 6 / 3 = 2 at once, then 30 ms apart.
        let waits: Vec<Duration> = (0..4).map(|_| p.reserve()).collect();
        assert!(waits[1] < Duration::from_millis(5), "{waits:?}");
        assert!(
            waits[3] >= Duration::from_millis(50) && waits[3] <= Duration::from_millis(75),
            "{waits:?}"
        );
    }
}
