//! Planned workouts: the structured workout behind an event's `workout_doc` (`doc`), read from
//! Intervals.icu's workout text (`text`) or from zwo/mrc/erg/fit files (`import`), written back
//! as those files (`files`), and the seeded training plan (`plans`).

pub(crate) mod doc;
pub(crate) mod files;
pub(crate) mod import;
pub(crate) mod plans;
pub(crate) mod text;
