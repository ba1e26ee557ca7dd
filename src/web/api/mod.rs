//! The HTTP handlers: the partner REST API (one module per resource, each handler behind
//! `TenantAuth`), the link-back redirect and Intervals.icu's webhook receiver.

pub mod activities;
pub mod auth;
pub mod connect_sessions;
pub mod context;
pub mod deliveries;
pub mod intervals_webhook;
pub mod passthrough;
pub mod sport_settings;
pub mod tenant;
pub mod users;
pub mod webhook_test;
pub mod wellness;
pub mod workouts;

pub use auth::TenantAuth;

use crate::services::state::AppState;
use crate::web::errors::AppError;

/// What handlers extract: the shared state.
pub type State = actix_web::web::Data<AppState>;

/// `{user_id}` is the partner's own id: URL-safe, 1 to 128 characters.
pub fn validate_user_id(user_id: &str) -> Result<(), AppError> {
    if crate::support::validation::is_url_safe_id(user_id) {
        Ok(())
    } else {
        Err(AppError::field(
            "user_id",
            crate::support::validation::URL_SAFE_ID_RULE,
        ))
    }
}
