//! The athlete day's bookkeeping: how many changes each simulated athlete made per area (which
//! also numbers the next one), the seed their contents come from, and which run of the
//! scheduler is the current one.

use std::collections::BTreeMap;

use serde::Serialize;

use super::lock::Lock;

/// Changes made per area by one athlete.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ChangeCounts {
    pub activities: u64,
    pub wellness: u64,
    pub calendar: u64,
}

impl ChangeCounts {
    pub fn total(&self) -> u64 {
        self.activities + self.wellness + self.calendar
    }
}

struct State {
    counts: BTreeMap<String, ChangeCounts>,
    /// What a change's contents are drawn from (with the athlete, area and sequence number).
    seed: u64,
    /// Bumped by every start and stop: a scheduler whose generation is not the current one ends.
    generation: u64,
    /// The configuration of the running scheduler, as JSON for `/_sandbox/day`.
    running: Option<serde_json::Value>,
}

pub(crate) struct Day(Lock<State>);

impl Day {
    pub(crate) fn new() -> Day {
        Day(Lock::new(State {
            counts: BTreeMap::new(),
            seed: 0,
            generation: 0,
            running: None,
        }))
    }

    pub(crate) fn seed(&self) -> u64 {
        self.0.lock().seed
    }

    /// Counts the change and answers its sequence number in the athlete's area (0 for the first).
    pub(crate) fn count(&self, athlete: &str, area: usize) -> u64 {
        let mut st = self.0.lock();
        let c = st.counts.entry(athlete.to_owned()).or_default();
        let slot = match area {
            0 => &mut c.activities,
            1 => &mut c.wellness,
            _ => &mut c.calendar,
        };
        *slot += 1;
        *slot - 1
    }

    /// The sequence number the next change of this athlete and area will get.
    pub(crate) fn next_sequence(&self, athlete: &str, area: usize) -> u64 {
        let st = self.0.lock();
        let c = st.counts.get(athlete).copied().unwrap_or_default();
        match area {
            0 => c.activities,
            1 => c.wellness,
            _ => c.calendar,
        }
    }

    pub(crate) fn counts(&self) -> BTreeMap<String, ChangeCounts> {
        self.0.lock().counts.clone()
    }

    pub(crate) fn counts_of(&self, athlete: &str) -> ChangeCounts {
        self.0
            .lock()
            .counts
            .get(athlete)
            .copied()
            .unwrap_or_default()
    }

    /// A new scheduler takes over: answers its generation.
    pub(crate) fn start(&self, seed: u64, config: serde_json::Value) -> u64 {
        let mut st = self.0.lock();
        st.seed = seed;
        st.generation += 1;
        st.running = Some(config);
        st.generation
    }

    /// Stops whichever scheduler runs; answers whether one did.
    pub(crate) fn stop(&self) -> bool {
        let mut st = self.0.lock();
        st.generation += 1;
        st.running.take().is_some()
    }

    /// A scheduler that ran its course lets go, unless another took over meanwhile.
    pub(crate) fn finished(&self, generation: u64) {
        let mut st = self.0.lock();
        if st.generation == generation {
            st.running = None;
        }
    }

    pub(crate) fn is_current(&self, generation: u64) -> bool {
        self.0.lock().generation == generation
    }

    pub(crate) fn running(&self) -> Option<serde_json::Value> {
        self.0.lock().running.clone()
    }
}
