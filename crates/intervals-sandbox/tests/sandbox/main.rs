//! The sandbox over real HTTP, as one test binary: OAuth, data (uploads, files, events, faults),
//! wellness and webhooks, with the harness they share.

mod data;
mod oauth;
mod support;
mod webhooks;
mod wellness;
