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
