//! intervals-bridge: one service that lets partner apps connect their users' Intervals.icu
//! accounts through OAuth and work with them through a single REST API.
//!
//! The crate is folded by layer, lowest first; each uses only its own layer and those below it
//! (docs/ARCHITECTURE.md, "Layers", shows the same table; the `layers` test checks the source):
//! - foundation: `support` (configuration, encryption, SSRF guard, backoff, dates, validation)
//!   and `db` (storage: pool, migrations, schema, one model per table);
//! - services: `services` (shared state, the upstream client, the job queue, the access cache);
//! - domain: `domain` (connections, tenants, uploads, workouts, wellness, webhooks, lifecycle);
//! - HTTP: `web` (routes, handlers, dashboard, connect flow, OpenAPI, errors);
//! - composition: `app` (the server and the background work of one instance).

// foundation
pub mod db;
pub mod support;

// services
pub mod services;

// domain
pub mod domain;

// HTTP
pub(crate) mod web;

// composition
pub mod app;

#[cfg(test)]
mod layers;
