//! What a job handler returns when it fails: a message for `last_error`, and optionally when to
//! try again (an upstream `Retry-After`) or that retrying is pointless.

use std::fmt;

use chrono::NaiveDateTime;

/// A failed attempt. `?` converts any `std::error::Error`; use [`JobError::new`] for the rest
/// (`anyhow::Error`, strings).
#[derive(Debug, Clone, PartialEq)]
pub struct JobError {
    pub message: String,
    /// Run again at this time (naive UTC) instead of after the queue's backoff.
    pub retry_at: Option<NaiveDateTime>,
    /// Do not retry: the job fails at once, whatever attempts remain.
    pub permanent: bool,
    /// Not a failure: the job could not start its work now (a resource it needs is busy) and is
    /// queued again for `retry_at` without spending an attempt.
    pub deferred: bool,
}

impl JobError {
    pub fn new(message: impl fmt::Display) -> JobError {
        JobError {
            // `{:#}` keeps an anyhow error's whole context chain.
            message: format!("{message:#}"),
            retry_at: None,
            permanent: false,
            deferred: false,
        }
    }

    /// A failure that retrying cannot fix (e.g. the receiver answered 410 Gone).
    pub fn permanent(message: impl fmt::Display) -> JobError {
        JobError {
            permanent: true,
            ..JobError::new(message)
        }
    }

    /// Hands the job back to run again at `at` (naive UTC) without spending an attempt: what a
    /// handler returns when something it needs is busy, so that waiting does not hold a worker.
    pub fn defer(reason: impl fmt::Display, at: NaiveDateTime) -> JobError {
        JobError {
            deferred: true,
            ..JobError::new(reason).retry_at(at)
        }
    }

    /// Asks to be retried at `at` (naive UTC) rather than after the computed backoff.
    pub fn retry_at(mut self, at: NaiveDateTime) -> JobError {
        self.retry_at = Some(at);
        self
    }
}

impl fmt::Display for JobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

// JobError deliberately does not implement std::error::Error, so this blanket conversion cannot
// overlap with `From<JobError> for JobError` (the anyhow trick).
impl<E: std::error::Error + Send + Sync + 'static> From<E> for JobError {
    fn from(e: E) -> JobError {
        JobError::new(e)
    }
}
