//! The request log: every `/api` request, limited or faulted, with the status it got.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::lock::Lock;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct LoggedRequest {
    pub method: String,
    /// The upstream path (`/api/v1/...`), whatever the mount point.
    pub path: String,
    pub query: String,
    pub time: DateTime<Utc>,
    pub status: u16,
    pub user_agent: Option<String>,
    pub content_type: Option<String>,
}

pub(crate) struct RequestLog(Lock<Vec<LoggedRequest>>);

impl RequestLog {
    pub(crate) fn new() -> RequestLog {
        RequestLog(Lock::new(Vec::new()))
    }

    pub(crate) fn push(&self, entry: LoggedRequest) {
        self.0.lock().push(entry);
    }

    /// Oldest first.
    pub(crate) fn all(&self) -> Vec<LoggedRequest> {
        self.0.lock().clone()
    }

    pub(crate) fn clear(&self) {
        self.0.lock().clear();
    }
}
