//! HTTP handlers, one module per resource: the upstream endpoints as Intervals.icu names them
//! (OAuth, athlete profile, activities, events and their writes, sport settings, wellness) and
//! the `/_sandbox/` controls (calendar edits, webhooks, everything else). Handlers never import
//! each other; what two of them share lives in the layers below.

pub(crate) mod activities;
pub(crate) mod athlete;
pub(crate) mod calendar;
pub(crate) mod control;
pub(crate) mod day;
pub(crate) mod event_writes;
pub(crate) mod events;
pub(crate) mod index;
pub(crate) mod oauth;
pub(crate) mod sport_settings;
pub(crate) mod webhooks;
pub(crate) mod wellness;
