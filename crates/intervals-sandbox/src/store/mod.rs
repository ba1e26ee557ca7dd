//! Everything the sandbox remembers, one store per concern, each behind its own lock.
//!
//! # Locks
//! A store's lock is private to its module: only the store's own methods take it, and no guard
//! leaves them. No store method calls another store, so no code path holds two of these locks at
//! once; an operation that needs two stores reads one, lets go, then takes the other (a wellness
//! write reads the activities' daily loads first, then locks the wellness records). Should an
//! operation ever need to hold two, it takes them in the order [`Stores`] declares them: grants,
//! activities, calendars, wellness, settings, webhooks, gate, requests, day.
//!
//! A panic while a lock is held (a bug in a handler) must not break the sandbox for good: every
//! store locks with [`lock::Lock`], a mutex that hands out its data again after such a panic
//! instead of failing every later request.

use actix_web::web;

pub(crate) mod activities;
pub(crate) mod calendars;
pub(crate) mod day;
pub(crate) mod gate;
pub(crate) mod grants;
mod lock;
pub(crate) mod requests;
pub(crate) mod settings;
pub(crate) mod webhooks;
pub(crate) mod wellness;

/// The whole in-memory state, shared by every clone of a [`crate::Sandbox`] and every worker.
pub(crate) struct Stores {
    /// OAuth apps, authorization codes and tokens.
    pub grants: grants::Grants,
    /// Strava stubs and uploaded activities.
    pub activities: activities::Activities,
    /// The athletes' own edits to their seeded calendars.
    pub calendars: calendars::Calendars,
    /// Wellness records and the log of applied writes.
    pub wellness: wellness::Wellness,
    /// The athletes' changes to their sport settings.
    pub settings: settings::Settings,
    /// Webhook configuration per app, the events waiting for their batch, the delivery log.
    pub webhooks: webhooks::Webhooks,
    /// Outage, fault injection, the rate limiter and the counters behind `/_sandbox/stats`.
    pub gate: gate::Gate,
    /// Every `/api` request.
    pub requests: requests::RequestLog,
    /// The athlete day: changes made per athlete and area, and the running scheduler.
    pub day: day::Day,
    /// Delivers webhooks; one client so connections are pooled.
    pub http: reqwest::Client,
}

/// What handlers extract and background tasks hold.
pub(crate) type Shared = web::Data<Stores>;

impl Stores {
    /// `http` delivers the webhooks.
    pub(crate) fn new(http: reqwest::Client) -> Stores {
        Stores {
            grants: grants::Grants::new(),
            activities: activities::Activities::new(chrono::Utc::now()),
            calendars: calendars::Calendars::new(),
            wellness: wellness::Wellness::new(),
            settings: settings::Settings::new(),
            webhooks: webhooks::Webhooks::new(),
            gate: gate::Gate::new(),
            requests: requests::RequestLog::new(),
            day: day::Day::new(),
            http,
        }
    }
}
