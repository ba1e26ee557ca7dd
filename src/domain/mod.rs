//! The domain: connections and connect sessions, tenants, dashboard sessions, scopes, uploads,
//! planned workouts, wellness, webhooks both ways (with the outbox and the delivery log) and the
//! lifecycle jobs. Nothing here knows HTTP: functions take a database connection and return plain
//! `Result`s.

pub mod connect_sessions;
pub(crate) mod connections;
pub mod dashboard_sessions;
pub mod lifecycle;
pub mod passthrough;
pub mod scopes;
pub mod tenants;
pub(crate) mod uploads;
pub mod webhooks;
pub mod wellness;
pub(crate) mod workouts;
