//! The wellness push: one job per athlete sends every pending day in `wellness-bulk` calls.

use diesel::QueryResult;

use crate::db::DbConn;

/// Queues a push for the athlete as soon as possible.
pub fn schedule_now(_conn: &mut DbConn, _athlete_id: &str) -> QueryResult<()> {
    Ok(())
}
