//! Services: what the domain runs on. The shared state of a process, the one upstream client
//! (Intervals.icu), the instances' heartbeat that splits its rate, the durable job queue, and the
//! in-memory access cache.

pub mod access_cache;
pub(crate) mod instances;
pub(crate) mod intervals;
pub mod jobs;
pub mod read_cache;
pub mod state;
pub mod upkeep;
