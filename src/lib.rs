//! intervals-bridge: one service that lets partner apps connect their users' Intervals.icu
//! accounts through OAuth and work with them through a single REST API.

pub mod api;
pub mod app;
pub mod backoff;
pub mod config;
pub mod connect;
pub mod crypto;
pub mod dates;
pub mod db;
pub mod errors;
pub mod intervals;
pub mod jobs;
pub mod openapi;
pub mod ops;
pub mod routes;
pub mod sandbox;
pub mod scopes;
pub mod tenants;
pub mod web_security;
pub mod webhooks;
pub mod wellness;
