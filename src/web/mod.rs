//! The HTTP layer: the route table, the partner API's handlers, the browser connect flow, the
//! partner dashboard, the operations endpoints, the OpenAPI document and its `/docs` page, the
//! problem+json errors and the browser security rules. Only this layer knows actix-web.

pub(crate) mod answers;
pub(crate) mod api;
pub(crate) mod budget;
pub(crate) mod cached;
pub(crate) mod connect;
pub(crate) mod dashboard;
pub(crate) mod docs;
pub(crate) mod errors;
pub(crate) mod extract;
pub(crate) mod files;
pub(crate) mod icu_schemas;
pub(crate) mod idempotency;
pub(crate) mod openapi;
pub(crate) mod ops;
pub(crate) mod request_id;
pub(crate) mod routes;
pub(crate) mod rules;
pub(crate) mod security;
pub(crate) mod window;
