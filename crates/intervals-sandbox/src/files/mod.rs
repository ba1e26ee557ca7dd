//! File formats below the handlers: the Garmin FIT protocol (`fit`), shared by activity and
//! workout files, and uploaded activity files (FIT, TCX, GPX, or a `.gz`/`.zip` of one) as
//! Intervals.icu recognises them (`activity`).

pub(crate) mod activity;
pub(crate) mod fit;
pub(crate) mod track;
