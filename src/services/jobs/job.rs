//! What a kind of job is: its queue, its kind and its payload type in one place, so that the
//! code that enqueues a job and the handler that decodes it cannot disagree.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::store::{NewJob, DEFAULT_MAX_ATTEMPTS};

/// A job's payload type. Enqueue with [`NewJob::of`]; register its handler with
/// [`super::Registry::register_job`] (or `register_finishing`), which decode the payload into it.
pub trait Job: Serialize + DeserializeOwned + Send + 'static {
    /// The queue whose workers run it.
    const QUEUE: &'static str;
    /// The `kind` column: which handler runs it.
    const KIND: &'static str;
    /// Runs before the job fails for good (deferrals count as runs).
    const MAX_ATTEMPTS: i32 = DEFAULT_MAX_ATTEMPTS;

    /// While a job with this key is queued or running, enqueueing another is a no-op.
    fn dedupe_key(&self) -> Option<String> {
        None
    }
}

impl NewJob {
    /// The row that enqueues `job`: due now, its kind's queue, attempts and dedupe key.
    pub fn of<J: Job>(job: &J) -> NewJob {
        // A payload is a plain struct of strings: serializing it cannot fail.
        let payload = serde_json::to_value(job).expect("job payloads serialize to JSON");
        let mut new = NewJob::new(J::QUEUE, J::KIND, payload).max_attempts(J::MAX_ATTEMPTS);
        new.dedupe_key = job.dedupe_key();
        new
    }
}
