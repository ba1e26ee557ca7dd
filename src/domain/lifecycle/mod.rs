//! The data lifecycle beyond a single request: the daily retention job that deletes finished
//! work older than `BRIDGE_RETENTION_DAYS`, and re-encryption of stored secrets under the
//! current key. (Erasing a deleted user is `connections::forget`.)

pub mod reencrypt;
pub mod retention;
