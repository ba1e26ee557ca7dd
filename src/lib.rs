//! intervals-bridge: one service that lets partner apps connect their users' Intervals.icu
//! accounts through OAuth and work with them through a single REST API.
//!
//! Layers, each using only the ones below it (docs/ARCHITECTURE.md):
//! - HTTP: `app` (server and background work), `routes`, `api`, `connect`, `ops`, `openapi`,
//!   `errors` (`AppError`), `web_security`;
//! - domain: `connections`, `connect_sessions`, `tenants`, `scopes`, `uploads`, `outbox`,
//!   `wellness`, `webhooks`;
//! - services: `state` (`AppState`), `intervals` (the upstream client), `jobs` (the queue);
//! - foundation: `db` (pool, schema, one model per table), `crypto`, `config`, `ssrf`,
//!   `backoff`, `dates`, `validation`.

pub(crate) mod api;
pub mod app;
pub mod backoff;
pub mod config;
pub(crate) mod connect;
pub mod connect_sessions;
pub(crate) mod connections;
pub mod crypto;
pub mod dates;
pub mod db;
pub(crate) mod errors;
pub(crate) mod intervals;
pub mod jobs;
pub(crate) mod openapi;
pub(crate) mod ops;
pub mod outbox;
pub(crate) mod routes;
pub mod scopes;
pub(crate) mod ssrf;
pub mod state;
pub mod tenants;
pub(crate) mod uploads;
pub(crate) mod validation;
pub(crate) mod web_security;
pub mod webhooks;
pub mod wellness;

// The sandbox is its own module tree that imports nothing of the bridge.
pub mod sandbox;
