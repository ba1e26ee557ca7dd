//! Each athlete's calls to Intervals.icu per UTC day (about 100 are allowed per athlete and day),
//! counted in the database so every instance agrees, and the optional cap
//! (`INTERVALS_ATHLETE_DAILY_BUDGET`) that refuses a call before Intervals.icu would.
//!
//! Counting is cheap: a call adds to this instance's tally in memory, written to
//! `upstream_usage` in one batch a second. With a cap, a call is admitted from memory while the
//! athlete is well under it; within `margin` calls of it (what the other instances may have
//! counted and not yet written: the deployment's rate over a batch, plus its burst), and on an
//! athlete's first call of the day on this instance, each call takes its place in the database
//! (a conditional increment), so the cap holds across instances. Without a cap only counts not
//! yet written are held in memory; with one, each athlete called today on this instance keeps
//! its last known total there (about a hundred bytes each).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use diesel::QueryResult;

use super::UpstreamError;
use crate::db::models::UpstreamUsage;
use crate::db::{write_tx, DbConn, DbPool};

/// How often each instance writes its counts.
pub const FLUSH_EVERY: Duration = Duration::from_secs(1);

#[derive(Default)]
struct Count {
    /// The database's total as this instance last saw it.
    known: i64,
    /// Counted here, not yet written.
    pending: i64,
}

pub struct Usage {
    pool: DbPool,
    cap: Option<i64>,
    margin: i64,
    counts: Mutex<HashMap<(NaiveDate, String), Count>>,
    refused: AtomicU64,
    /// Written totals read for answers' budget headers: athlete → (day, total, read at, the
    /// batches written by then), so a burst of answers about one athlete reads the database
    /// about once a second, not once each.
    written: Mutex<HashMap<String, (NaiveDate, i64, Instant, u64)>>,
    /// Batches this instance has written.
    batches: AtomicU64,
}

pub fn day_key(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// Seconds until the next UTC midnight, when every athlete's budget starts again (at least 1).
pub fn until_midnight() -> Duration {
    let now = Utc::now();
    let midnight = (now.date_naive() + chrono::Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc();
    Duration::from_secs((midnight - now).num_seconds().max(1) as u64)
}

impl Usage {
    /// `rate` and `burst`: the deployment's upstream pace, which bounds what other instances
    /// can have counted between two batches.
    pub fn new(pool: DbPool, cap: Option<u32>, rate: f64, burst: u32) -> Usage {
        let margin = if rate > 0.0 {
            (rate * FLUSH_EVERY.as_secs_f64()).ceil() as i64 + i64::from(burst) + 1
        } else {
            // Unpaced: no bound on what others count meanwhile, so every call asks the database.
            i64::MAX / 4
        };
        Usage {
            pool,
            cap: cap.map(i64::from),
            margin,
            counts: Mutex::new(HashMap::new()),
            refused: AtomicU64::new(0),
            written: Mutex::new(HashMap::new()),
            batches: AtomicU64::new(0),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(NaiveDate, String), Count>> {
        self.counts.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn cap(&self) -> Option<i64> {
        self.cap
    }

    /// Calls refused by the cap on this instance since it started.
    pub fn refused(&self) -> u64 {
        self.refused.load(Ordering::Relaxed)
    }

    /// Counts one call for the athlete, or refuses it when the athlete's budget for today is
    /// spent.
    pub async fn admit(&self, athlete: &str) -> Result<(), UpstreamError> {
        let day = today();
        let key = (day, athlete.to_owned());
        let Some(cap) = self.cap else {
            self.lock().entry(key).or_default().pending += 1;
            return Ok(());
        };
        let pending = {
            let mut counts = self.lock();
            match counts.get_mut(&key) {
                Some(c) if c.known + c.pending + self.margin < cap => {
                    c.pending += 1;
                    return Ok(());
                }
                Some(c) => std::mem::take(&mut c.pending),
                None => 0,
            }
        };
        let (d, a) = (day_key(day), athlete.to_owned());
        let taken = crate::db::run(&self.pool, move |conn| {
            write_tx(conn, |conn| {
                if pending > 0 {
                    UpstreamUsage::add(conn, &d, &[(a.clone(), pending)])?;
                }
                UpstreamUsage::take_below(conn, &d, &a, cap)
            })
            .map_err(crate::db::DbError::from)
        })
        .await;
        let mut counts = self.lock();
        let c = counts.entry(key).or_default();
        match taken {
            Ok(Some(total)) => {
                c.known = total;
                Ok(())
            }
            Ok(None) => {
                c.known = cap;
                self.refused.fetch_add(1, Ordering::Relaxed);
                Err(UpstreamError::BudgetSpent {
                    retry_after: until_midnight(),
                })
            }
            Err(e) => {
                // The database is the only shared view; without it, let Intervals.icu judge.
                log::warn!("counting an upstream call in the database failed: {e}");
                c.pending += pending + 1;
                Ok(())
            }
        }
    }

    /// With a cap, the athlete's calls today as this instance knows them (the database's total
    /// when last read, plus its own since): `None` without a cap, or for an athlete this
    /// instance has not called today.
    pub fn known_today(&self, athlete: &str) -> Option<i64> {
        self.cap?;
        self.lock()
            .get(&(today(), athlete.to_owned()))
            .filter(|c| c.known > 0)
            .map(|c| c.known + c.pending)
    }

    /// Batches written so far (a total read before the next one is still exact with
    /// [`Usage::unwritten`]).
    pub fn batches(&self) -> u64 {
        self.batches.load(Ordering::Relaxed)
    }

    /// The athlete's written total today as last read, while no batch was written since and it
    /// is under a second old.
    pub fn recent_written(&self, athlete: &str) -> Option<i64> {
        let batches = self.batches();
        let written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        written
            .get(athlete)
            .filter(|(day, _, at, b)| {
                *day == today() && *b == batches && at.elapsed() < FLUSH_EVERY
            })
            .map(|(_, total, _, _)| *total)
    }

    /// Remembers a written total read when [`Usage::batches`] was `batches`.
    pub fn remember_written(&self, athlete: &str, total: i64, batches: u64) {
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        if written.len() >= 4096 {
            written.retain(|_, (_, _, at, _)| at.elapsed() < FLUSH_EVERY);
        }
        written.insert(
            athlete.to_owned(),
            (today(), total, Instant::now(), batches),
        );
    }

    /// This instance's calls for the athlete today not yet written.
    pub fn unwritten(&self, athlete: &str) -> i64 {
        self.lock()
            .get(&(today(), athlete.to_owned()))
            .map_or(0, |c| c.pending)
    }

    /// Writes the counts gathered since the last batch, one transaction per day.
    pub fn flush(&self, conn: &mut DbConn) -> QueryResult<()> {
        let today = today();
        let mut by_day: HashMap<NaiveDate, Vec<(String, i64)>> = HashMap::new();
        {
            let mut counts = self.lock();
            // Without a cap a written count is not needed here again: only athletes called
            // since the last batch are held, so memory does not grow with the athletes of a day.
            let capped = self.cap.is_some();
            counts.retain(|(day, _), c| c.pending > 0 || (capped && *day >= today));
            for ((day, athlete), c) in counts.iter_mut() {
                if c.pending > 0 {
                    by_day
                        .entry(*day)
                        .or_default()
                        .push((athlete.clone(), std::mem::take(&mut c.pending)));
                }
            }
        }
        // Every instance adds its counts in one order (day, then athlete), so two flushes never
        // wait on each other's rows in a cycle; a day that fails is put back and written with
        // the next batch, and the other days are still written now.
        // A total read while these are neither here nor written is not kept past the batch.
        if !by_day.is_empty() {
            self.batches.fetch_add(1, Ordering::Relaxed);
        }
        let mut by_day: Vec<(NaiveDate, Vec<(String, i64)>)> = by_day.into_iter().collect();
        by_day.sort_by_key(|(day, _)| *day);
        let mut failed = None;
        for (day, mut batch) in by_day {
            batch.sort();
            let added = UpstreamUsage::add(conn, &day_key(day), &batch);
            if added.is_ok() {
                self.batches.fetch_add(1, Ordering::Relaxed);
            }
            match added {
                Ok(totals) if self.cap.is_some() => {
                    let mut counts = self.lock();
                    for (athlete, total) in totals {
                        counts.entry((day, athlete)).or_default().known = total;
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    let mut counts = self.lock();
                    for (athlete, n) in batch {
                        counts.entry((day, athlete)).or_default().pending += n;
                    }
                    failed.get_or_insert(e);
                }
            }
        }
        failed.map_or(Ok(()), Err)
    }
}

impl Drop for Usage {
    /// The last counts of a stopping instance.
    fn drop(&mut self) {
        let pending = self.lock().values().any(|c| c.pending > 0);
        if pending {
            if let Ok(mut conn) = self.pool.get() {
                if let Err(e) = self.flush(&mut conn) {
                    log::warn!("writing the last upstream call counts failed: {e}");
                }
            }
        }
    }
}
