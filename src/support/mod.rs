//! Foundation: what every layer may use and that knows nothing of the service's concepts.
//! Configuration, encryption, the SSRF guard, the HTTP clients' TLS settings, retry backoff, dates
//! and field validation.

pub mod backoff;
pub mod config;
pub mod crypto;
pub mod dates;
pub(crate) mod ssrf;
pub mod tls;
pub mod validation;
