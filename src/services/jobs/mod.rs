//! The durable job queue on the service's own database (leased rows, retries with backoff, a
//! visible failed state) and the once-a-day scheduler that enqueues the nightly push.
//!
//! Delivery is at least once: a job whose worker dies is leased again when its lease expires, so
//! handlers must be idempotent. No transaction is held while a job runs; the lease (`locked_until`,
//! renewed by a heartbeat) is what keeps other workers off it, and only the current lease holder
//! can record the result.

mod error;
mod job;
mod schedule;
mod store;
mod worker;

pub use crate::db::types::JobStatus;
pub use crate::support::backoff::{Backoff, Jitter, RetryPolicy};
pub use error::JobError;
pub use job::Job;
pub use schedule::{
    claim_slot, latest_slot, next_slot_time, prune_slots, run_slot, slot_key, spawn_daily,
};
pub use store::{
    claim, claim_batch, complete, counts, delete_by_dedupe_keys, due_now, enqueue, enqueue_many,
    fail, find, heartbeat, outstanding_counts, prune_done, release_dedupe_key, JobRow, NewJob,
    Outcome, DEFAULT_MAX_ATTEMPTS,
};
pub use worker::{
    drain, instance_id, run_one, run_until_idle, spawn_workers, wake, Finish, HandlerFuture,
    Registry, Report, Tally, WorkerConfig, WorkerHandle,
};
