//! The sandbox over real HTTP, as one test binary: OAuth, data (uploads, files, events, faults),
//! wellness, webhooks and writes (planned workouts, sport settings, activity detail and delete),
//! with the harness they share.

mod api_key;
mod clients;
mod data;
mod day;
mod oauth;
mod operations;
mod operations_more;
mod support;
mod webhooks;
mod wellness;
mod writes;
