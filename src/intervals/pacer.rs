//! A shared request pacer (GCRA, i.e. a token bucket without a timer task) that keeps one
//! instance under Intervals.icu's per-IP request rate, with a small burst.

use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct Pacer {
    interval: Duration,
    burst: Duration,
    /// The theoretical arrival time of the next request.
    next: Mutex<Instant>,
}

impl Pacer {
    /// `rate` requests per second (0 = unlimited), allowing `burst` requests at once.
    pub fn new(rate: f64, burst: u32) -> Pacer {
        let interval = if rate > 0.0 {
            Duration::from_secs_f64(1.0 / rate)
        } else {
            Duration::ZERO
        };
        let burst = interval * burst.saturating_sub(1);
        let now = Instant::now();
        Pacer {
            interval,
            burst,
            // Start with the whole burst available.
            next: Mutex::new(now.checked_sub(burst).unwrap_or(now)),
        }
    }

    /// How long the caller must wait before sending; reserves its slot.
    fn reserve(&self) -> Duration {
        if self.interval.is_zero() {
            return Duration::ZERO;
        }
        let now = Instant::now();
        let mut next = self.next.lock().expect("pacer lock");
        // Unused capacity accumulates only up to the burst.
        let earliest = now.checked_sub(self.burst).unwrap_or(now);
        let slot = (*next).max(earliest);
        *next = slot + self.interval;
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
}
