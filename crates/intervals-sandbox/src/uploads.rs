//! Activities arriving: an uploaded file (through the API, or recorded by a simulated athlete's
//! device) kept as one activity per sport it holds, unless the athlete sent the same bytes
//! before; the webhooks that announce new ones; and an activity as Intervals.icu shows it.

use std::sync::Arc;

use chrono::{NaiveDateTime, Timelike, Utc};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::athletes::FTP_WATTS;
use crate::dates::fmt_local;
use crate::files::activity::{Inspected, Parsed};
use crate::outbox::{Outgoing, Route};
use crate::store::activities::{training_load, Activity, Stored, StoredFile, Uploaded};
use crate::store::Stores;

pub(crate) const STRAVA_NOTE: &str = "STRAVA activities are not available via the API";

/// What the uploader says about the activity besides the file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Details {
    pub name: Option<String>,
    pub description: Option<String>,
    pub external_id: Option<String>,
    pub device_name: Option<String>,
    pub paired_event_id: Option<i64>,
    /// The OAuth app that uploaded it, if one did.
    pub client_name: Option<String>,
}

/// What an upload became.
pub(crate) enum Outcome {
    /// The athlete had sent these bytes before: the ids of what they became then.
    Duplicate(Vec<String>),
    /// New activities, in the order of the file.
    New(Vec<Activity>),
}

/// Keeps what an inspected file holds for the athlete, one activity per sport in it.
pub(crate) fn keep(
    stores: &Stores,
    athlete_id: &str,
    bytes: Vec<u8>,
    inspected: Inspected,
    d: Details,
) -> Outcome {
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let now = Utc::now();
    let file = Arc::new(StoredFile {
        bytes,
        sha256: sha256.clone(),
        file_type: inspected.file_type,
        packing: inspected.packing,
    });
    let found = inspected
        .activities
        .into_iter()
        .enumerate()
        .map(|(index, parsed)| {
            let start = parsed.start.unwrap_or(now).naive_utc();
            let Parsed {
                sport,
                name: file_name,
                distance,
                elapsed,
                ..
            } = parsed;
            let sport = sport.unwrap_or("Ride");
            let upload = Uploaded {
                name: d
                    .name
                    .clone()
                    .or(file_name)
                    .unwrap_or_else(|| default_name(start, sport)),
                description: d.description.clone(),
                sport,
                external_id: d.external_id.clone(),
                device_name: d.device_name.clone(),
                paired_event_id: d.paired_event_id,
                file: Arc::clone(&file),
                file_index: index,
                distance: distance.unwrap_or(0.0).max(0.0),
                // Whole seconds are plenty for summaries; negative or absurd values are clamped.
                elapsed: elapsed.unwrap_or(0.0).clamp(0.0, f64::from(u32::MAX)) as u32,
                client_name: d.client_name.clone(),
                created: now,
            };
            (start, upload)
        })
        .collect();
    match stores.activities.upload(athlete_id, &sha256, found) {
        Stored::Duplicate(ids) => Outcome::Duplicate(ids),
        Stored::New(new) => Outcome::New(new),
    }
}

/// Upstream announces each new activity at once (ACTIVITY_UPLOADED) and again once it is
/// analysed (ACTIVITY_ANALYZED, held for the configured delay).
pub(crate) fn announce_new(stores: &Stores, athlete_id: &str, new: &[Activity]) -> Vec<Outgoing> {
    let analyzed_delay = stores.webhooks.analyzed_delay();
    let mut out = Vec::with_capacity(new.len() * 2);
    for activity in new.iter().map(summary) {
        let fields = json!({ "activity": activity });
        out.push(Outgoing::new(
            athlete_id,
            "ACTIVITY_UPLOADED",
            Route::Area("ACTIVITY"),
            fields.clone(),
        ));
        let mut analyzed = Outgoing::new(
            athlete_id,
            "ACTIVITY_ANALYZED",
            Route::Area("ACTIVITY"),
            fields,
        );
        analyzed.delay = analyzed_delay;
        out.push(analyzed);
    }
    out
}

/// What Intervals.icu and Strava call an unnamed activity: "Morning Ride" and so on.
fn default_name(start: NaiveDateTime, sport: &str) -> String {
    let part = match start.hour() {
        5..=11 => "Morning",
        12..=16 => "Afternoon",
        17..=20 => "Evening",
        _ => "Night",
    };
    format!("{part} {sport}")
}

pub(crate) fn summary(a: &Activity) -> Value {
    let Some(u) = &a.upload else {
        return json!({
            "id": a.id,
            "icu_athlete_id": a.athlete_id,
            "start_date_local": fmt_local(a.start),
            "source": "STRAVA",
            "_note": STRAVA_NOTE,
        });
    };
    let average_speed = if u.elapsed > 0 {
        Some((u.distance / f64::from(u.elapsed) * 1000.0).round() / 1000.0)
    } else {
        None
    };
    json!({
        "id": a.id,
        "icu_athlete_id": a.athlete_id,
        "start_date_local": fmt_local(a.start),
        "start_date": format!("{}Z", fmt_local(a.start)),
        "type": u.sport,
        "name": u.name,
        "description": u.description,
        "external_id": u.external_id,
        "source": "UPLOAD",
        "device_name": u.device_name,
        "paired_event_id": u.paired_event_id,
        "file_type": u.file.file_type.ext(),
        "file_sport_index": u.file_index,
        "distance": (u.distance * 10.0).round() / 10.0,
        "icu_distance": (u.distance * 10.0).round() / 10.0,
        "moving_time": u.elapsed,
        "elapsed_time": u.elapsed,
        "icu_recording_time": u.elapsed,
        "average_speed": average_speed,
        "icu_training_load": training_load(u.elapsed),
        "icu_intensity": if u.elapsed > 0 { Some(75.0) } else { None },
        "icu_ftp": FTP_WATTS,
        "trainer": false,
        "commute": false,
        "icu_lap_count": 1,
        "oauth_client_name": u.client_name,
        "created": u.created.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "analyzed": u.created.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    })
}
