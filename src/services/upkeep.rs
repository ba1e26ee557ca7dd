//! The upkeep thread of a serving process: every [`instances::HEARTBEAT_EVERY`] a heartbeat and
//! a batch of athletes' call counts (and, hourly, old counts forgotten), every [`UPKEEP_TICK`] a
//! look for other processes' changes to the rows the access cache holds. It ends with the state.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use crate::db::models::UpstreamUsage;
use crate::services::access_cache::Watcher;
use crate::services::instances;
use crate::services::intervals::usage;
use crate::services::state::AppState;

/// How often the upkeep thread looks for changes to cached rows.
const UPKEEP_TICK: Duration = Duration::from_millis(100);
/// Days of `upstream_usage` kept (today included).
const USAGE_DAYS_KEPT: i64 = 8;

impl AppState {
    /// Joins the instances sharing the upstream budget and starts the upkeep thread (once): every
    /// [`instances::HEARTBEAT_EVERY`] a heartbeat and a batch of athletes' call counts, every
    /// [`UPKEEP_TICK`] a look for other processes' changes to cached rows. The thread ends with
    /// the state.
    pub fn start_upkeep(self: &Arc<Self>) {
        if self.upkeep_running().swap(true, Ordering::SeqCst) {
            return;
        }
        match self.pool.get() {
            Ok(mut conn) => {
                if let Err(e) =
                    instances::join(&mut conn, &self.instance_id, self.intervals.pacer())
                {
                    log::warn!("joining the instances' upstream budget failed: {e}");
                }
            }
            Err(e) => log::warn!("joining the instances' upstream budget failed: {e}"),
        }
        let weak = Arc::downgrade(self);
        let spawned = std::thread::Builder::new()
            .name("bridge-upkeep".into())
            .spawn(move || upkeep(weak));
        match spawned {
            Ok(handle) => {
                *self
                    .upkeep_thread()
                    .lock()
                    .unwrap_or_else(|e| e.into_inner()) = Some(handle);
            }
            Err(e) => log::error!("starting the upkeep thread failed: {e}"),
        }
    }

    /// A stopping instance: the upkeep thread ended (joined, so nothing of it still runs when the
    /// process exits), its last counts written, its share of the budget given back.
    pub fn leave(&self) {
        self.upkeep_running().store(false, Ordering::SeqCst);
        let handle = self
            .upkeep_thread()
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(handle) = handle {
            if handle.thread().id() != std::thread::current().id() && handle.join().is_err() {
                log::warn!("the upkeep thread panicked");
            }
        }
        let Ok(mut conn) = self.pool.get() else {
            return;
        };
        if let Err(e) = self.intervals.usage().flush(&mut conn) {
            log::warn!("writing upstream call counts failed: {e}");
        }
        if let Err(e) = instances::leave(&mut conn, &self.instance_id) {
            log::warn!("leaving the instances' upstream budget failed: {e}");
        }
    }
}

fn upkeep(state: Weak<AppState>) {
    let Some(url) = state.upgrade().map(|s| s.config.database_url.clone()) else {
        return;
    };
    let Some(mut watcher) = Watcher::new(&url) else {
        return;
    };
    let mut last_beat = Instant::now();
    let mut last_purge: Option<Instant> = None;
    loop {
        {
            let Some(state) = state.upgrade() else {
                return;
            };
            if !state.upkeep_running().load(Ordering::SeqCst) {
                return;
            }
            watcher.check(&state.access, &state.pool);
            if last_beat.elapsed() >= instances::HEARTBEAT_EVERY {
                last_beat = Instant::now();
                beat(&state, &mut last_purge);
            }
        }
        std::thread::sleep(UPKEEP_TICK);
    }
}

fn beat(state: &AppState, last_purge: &mut Option<Instant>) {
    let mut conn = match state.pool.get() {
        Ok(c) => c,
        Err(e) => {
            log::warn!("upkeep: {e}");
            return;
        }
    };
    if let Err(e) = instances::beat(&mut conn, &state.instance_id, state.intervals.pacer()) {
        log::warn!("instance heartbeat failed: {e}");
    }
    if let Err(e) = state.intervals.usage().flush(&mut conn) {
        log::warn!("writing upstream call counts failed: {e}");
    }
    if last_purge.is_none_or(|at| at.elapsed() >= Duration::from_secs(3600)) {
        *last_purge = Some(Instant::now());
        let before = usage::today() - chrono::Duration::days(USAGE_DAYS_KEPT - 1);
        if let Err(e) = UpstreamUsage::purge_before(&mut conn, &usage::day_key(before)) {
            log::warn!("forgetting old upstream call counts failed: {e}");
        }
        if let Err(e) = crate::services::read_cache::ReadCache::purge(&mut conn) {
            log::warn!("forgetting old shared read cache answers failed: {e}");
        }
    }
}
