//! What invalid input looks like below the HTTP layer: a list of field errors that a handler
//! turns into a 422 problem (`errors[]`), so domain validation never needs `AppError`.

use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldError {
    /// JSON pointer-ish location of the bad input, e.g. `scopes` or `[2].weight`.
    pub field: String,
    pub message: String,
}

/// A partner's own id (a user id, an `external_id`): 1 to 128 URL-safe characters (letters,
/// digits, `-`, `_`, `.`, `~`).
pub fn is_url_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'))
}

/// What to tell a partner whose id breaks `is_url_safe_id`.
pub const URL_SAFE_ID_RULE: &str =
    "must be 1 to 128 URL-safe characters (letters, digits, '-', '_', '.', '~')";
