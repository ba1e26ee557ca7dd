//! The durable job queue (leases, retries, nightly slots); see the module files.
