//! One home per table: each file holds a table's row type and every query that reads or writes
//! it, so a handler or job never writes diesel against a table directly. The job queue's own
//! tables (`jobs`, `job_slots`) live with the queue in the `jobs` module.

mod cache;
mod connect_session;
mod connection;
mod dashboard_session;
mod delivery;
mod event;
mod idempotency;
mod inbound_event;
mod planned_workout;
mod tenant;
mod token;
mod upload;
mod usage;
mod wellness;

pub use cache::{CacheGenerations, SharedAnswer};
pub use connect_session::ConnectSession;
pub use connection::{Connection, NewConnection};
pub use dashboard_session::DashboardSession;
pub use delivery::{Attempt, Delivery};
pub use event::Event;
pub use idempotency::{IdempotencyClaim, IdempotencyKey};
pub use inbound_event::{InboundEvent, NewInbound};
pub use planned_workout::PlannedWorkout;
pub use tenant::Tenant;
pub use token::{NewGrant, Token};
pub use upload::{Upload, UploadClaim};
pub use usage::{DaySummary, Instance, UpstreamUsage};
pub use wellness::WellnessRow;

/// An encrypted value as stored: the row holding it, the id of the key that sealed it, and the
/// ciphertext (for re-encryption under the current key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub id: String,
    pub key_id: String,
    pub ciphertext: String,
}

impl Sealed {
    fn new((id, key_id, ciphertext): (String, String, String)) -> Sealed {
        Sealed {
            id,
            key_id,
            ciphertext,
        }
    }
}

/// Ids per statement when a list of ids is deleted (SQLite caps bound parameters).
const ID_CHUNK: usize = 500;

/// True when PostgreSQL gave up on a transaction to break a deadlock or a serialization conflict:
/// running it again is the cure.
pub fn is_deadlock_or_serialization(e: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match e {
        Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => true,
        Error::DatabaseError(_, info) => info.message().contains("deadlock detected"),
        _ => false,
    }
}

/// True when a query failed on a unique constraint (a concurrent writer got there first).
pub fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}
