//! Foundation: what every layer may use and that knows nothing of the service's concepts.
//! Configuration, encryption, the SSRF guard, the HTTP clients' TLS settings, retry backoff, dates,
//! giving freed memory back, and field validation.

pub mod backoff;
pub mod config;
pub mod crypto;
pub mod dates;
pub mod memory;
pub(crate) mod ssrf;
pub mod tls;
pub mod validation;
