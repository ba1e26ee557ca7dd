//! The bridge's integration tests, one binary so the crate links once: each module drives the
//! real bridge over HTTP against the real sandbox, on a fresh SQLite file or a fresh PostgreSQL
//! database (`BRIDGE_TEST_DATABASE=postgres`).

// Each module uses a different part of the shared harness.
#[allow(dead_code)]
mod common;

mod activities;
mod browser;
mod cli;
mod client_generation;
mod connect_flow;
mod connect_trust;
mod conventions;
mod crash;
mod dashboard;
mod example_app;
mod getting_started;
mod hardening;
mod jobs;
mod lifecycle;
mod limits;
mod openapi_conformance;
mod passthrough;
mod read_cache;
mod reference;
mod tenant_api;
mod tokens_and_users;
mod typed_answers;
mod upstream_budget;
mod webhook_filters;
mod webhooks;
mod wellness;
mod workouts;
