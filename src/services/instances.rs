//! The instances sharing one database share Intervals.icu's per-IP budget: each beats a heartbeat
//! into `bridge_instances` every second and paces at `INTERVALS_RATE_LIMIT` / instances seen in
//! the last [`ALIVE_FOR`]. docs/ARCHITECTURE.md ("Upstream budget") has the failure modes.

use std::time::{Duration, Instant};

use diesel::QueryResult;

use crate::db::models::Instance;
use crate::db::{now, DbConn};
use crate::services::intervals::pacer::Pacer;

pub const HEARTBEAT_EVERY: Duration = Duration::from_secs(1);
/// An instance missing this long (three beats) no longer holds a share.
pub const ALIVE_FOR: Duration = Duration::from_secs(3);
/// Rows of instances gone this long are deleted.
const FORGET_AFTER: Duration = Duration::from_secs(3600);

fn ago(d: Duration) -> chrono::NaiveDateTime {
    now() - chrono::Duration::from_std(d).expect("short duration")
}

/// One heartbeat: records this instance and sets its share. Returns the instances alive.
pub fn beat(conn: &mut DbConn, id: &str, pacer: &Pacer) -> QueryResult<u32> {
    Instance::beat(conn, id, now())?;
    let alive = Instance::alive(conn, ago(ALIVE_FOR))?;
    let alive = u32::try_from(alive).unwrap_or(u32::MAX).max(1);
    pacer.set_share(alive);
    Ok(alive)
}

/// The first heartbeat. Joining instances already sending, this one waits a beat (and a bit)
/// before its first request, by when they have seen it and narrowed their share: the deployment
/// never sends more than its rate while it grows.
pub fn join(conn: &mut DbConn, id: &str, pacer: &Pacer) -> QueryResult<u32> {
    let alive = beat(conn, id, pacer)?;
    if alive > 1 {
        pacer.hold_until(Instant::now() + HEARTBEAT_EVERY + Duration::from_millis(250));
    }
    Instance::purge(conn, ago(FORGET_AFTER))?;
    Ok(alive)
}

/// A stopping instance gives its share back at once.
pub fn leave(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    Instance::leave(conn, id)
}
