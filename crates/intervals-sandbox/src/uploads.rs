//! Activities arriving: an uploaded file (through the API, or recorded by a simulated athlete's
//! device) kept as one activity per sport it holds, unless the athlete sent the same bytes
//! before; the webhooks that announce new ones; and an activity as Intervals.icu shows it.

use std::sync::Arc;

use chrono::{NaiveDateTime, Timelike, Utc};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::analysis;
use crate::athletes::FTP_WATTS;
use crate::dates::fmt_local;
use crate::files::activity::{self, Inspected};
use crate::files::track::Track;
use crate::outbox::{Outgoing, Route};
use crate::store::activities::{Activity, Stored, StoredFile, Uploaded};
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
        .map(|(index, track)| {
            let start = track.start.unwrap_or(now).naive_utc();
            let sport = track.sport.unwrap_or("Ride");
            // Whole seconds are plenty for summaries; absurd values are clamped.
            let elapsed = track.elapsed_secs().clamp(0.0, f64::from(u32::MAX)) as u32;
            let figures = analysis::figures(&track, elapsed);
            let upload = Uploaded {
                name: d
                    .name
                    .clone()
                    .or(track.name.clone())
                    .unwrap_or_else(|| default_name(start, sport)),
                description: d.description.clone(),
                sport,
                external_id: d.external_id.clone(),
                device_name: d.device_name.clone(),
                paired_event_id: d.paired_event_id,
                file: Some(Arc::clone(&file)),
                file_index: index,
                distance: track.distance_m(),
                elapsed,
                figures,
                edits: serde_json::Map::new(),
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

/// Sports an activity's `type` may be.
pub(crate) const SPORTS: [&str; 22] = [
    "Ride",
    "VirtualRide",
    "GravelRide",
    "MountainBikeRide",
    "EBikeRide",
    "TrackRide",
    "Run",
    "VirtualRun",
    "TrailRun",
    "Walk",
    "Hike",
    "Swim",
    "OpenWaterSwim",
    "Rowing",
    "VirtualRow",
    "NordicSki",
    "AlpineSki",
    "WeightTraining",
    "Workout",
    "Yoga",
    "Elliptical",
    "Other",
];

/// A manual activity from an `Activity` object: `start_date_local` (a local date-time) and
/// `type` (a known sport) required; `name` (else "Morning Ride" and so on), `description`,
/// `external_id`, `elapsed_time`/`moving_time` (seconds; either stands for both), `distance`
/// (m) and `icu_training_load` (else about 56 an hour) taken when given.
pub(crate) fn manual(
    stores: &Stores,
    athlete_id: &str,
    body: &serde_json::Map<String, Value>,
    client_name: Option<String>,
) -> Result<Activity, String> {
    let text = |key: &str| -> Result<Option<String>, String> {
        match body.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(format!("{key} must be a string, not {other}")),
        }
    };
    let number = |key: &str| -> Result<Option<f64>, String> {
        match body.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => Ok(n.as_f64().filter(|v| v.is_finite() && *v >= 0.0)),
            Some(other) => Err(format!("{key} must be a number, not {other}")),
        }
    };
    let raw_start = text("start_date_local")?.ok_or("start_date_local is required")?;
    let start = [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(raw_start.trim(), f).ok())
    .ok_or_else(|| format!("start_date_local: {raw_start} is not a local date-time"))?;
    let raw_type = text("type")?.ok_or("type is required (e.g. Ride, Run)")?;
    let sport = SPORTS
        .iter()
        .copied()
        .find(|s| *s == raw_type)
        .ok_or_else(|| format!("type: unknown sport {raw_type}"))?;
    let secs = number("elapsed_time")?
        .or(number("moving_time")?)
        .unwrap_or(0.0);
    let elapsed = secs.min(f64::from(u32::MAX)) as u32;
    let moving = number("moving_time")?.map_or(elapsed, |m| m.min(f64::from(u32::MAX)) as u32);
    let load = number("icu_training_load")?
        .map_or_else(|| (f64::from(elapsed) / 3600.0 * 56.0).round(), f64::round);
    let figures = analysis::Figures {
        moving_time: Some(moving),
        training_load: load.min(f64::from(u32::MAX)) as u32,
        laps: 1,
        ..analysis::Figures::default()
    };
    let upload = Uploaded {
        name: text("name")?
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| default_name(start, sport)),
        description: text("description")?,
        sport,
        external_id: text("external_id")?,
        device_name: None,
        paired_event_id: None,
        file: None,
        file_index: 0,
        distance: number("distance")?.unwrap_or(0.0),
        elapsed,
        figures,
        edits: serde_json::Map::new(),
        client_name,
        created: Utc::now(),
    };
    Ok(stores.activities.add_manual(athlete_id, start, upload))
}

/// The recording of an uploaded activity, read again from its file (only summaries are kept in
/// memory); empty when the file no longer reads, which cannot happen to a file that was kept.
pub(crate) fn track(u: &Uploaded) -> Track {
    let Some(file) = &u.file else {
        return Track::default();
    };
    activity::inspect(&file.bytes, u64::MAX)
        .ok()
        .and_then(|i| i.activities.into_iter().nth(u.file_index))
        .unwrap_or_default()
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
    let f = &u.figures;
    let moving = f.moving_time.unwrap_or(u.elapsed);
    let average_speed = if moving > 0 {
        Some((u.distance / f64::from(moving) * 1000.0).round() / 1000.0)
    } else {
        None
    };
    let mut v = json!({
        "id": a.id,
        "icu_athlete_id": a.athlete_id,
        "start_date_local": fmt_local(a.start),
        "start_date": format!("{}Z", fmt_local(a.start)),
        "type": u.sport,
        "name": u.name,
        "description": u.description,
        "external_id": u.external_id,
        "source": if u.file.is_some() { "UPLOAD" } else { "MANUAL" },
        "device_name": u.device_name,
        "paired_event_id": u.paired_event_id,
        "file_type": u.file.as_ref().map(|f| f.file_type.ext()),
        "file_sport_index": u.file_index,
        "distance": (u.distance * 10.0).round() / 10.0,
        "icu_distance": (u.distance * 10.0).round() / 10.0,
        "moving_time": moving,
        "elapsed_time": u.elapsed,
        "icu_recording_time": u.elapsed,
        "average_speed": average_speed,
        "max_speed": f.max_speed,
        "has_heartrate": f.average_heartrate.is_some(),
        "average_heartrate": f.average_heartrate,
        "max_heartrate": f.max_heartrate,
        "device_watts": f.average_watts.is_some(),
        "icu_average_watts": f.average_watts,
        "icu_weighted_avg_watts": f.weighted_average_watts,
        "icu_joules": f.joules,
        "average_cadence": f.average_cadence,
        "calories": f.calories,
        "total_elevation_gain": f.elevation_gain,
        "total_elevation_loss": f.elevation_loss,
        "min_altitude": f.min_altitude,
        "max_altitude": f.max_altitude,
        "average_altitude": f.average_altitude,
        "stream_types": f.stream_types,
        "icu_training_load": f.training_load,
        // Without power, about 75 % as the sandbox has always said.
        "icu_intensity": f.intensity.or((u.elapsed > 0).then_some(75.0)),
        "icu_ftp": FTP_WATTS,
        "trainer": false,
        "commute": false,
        "icu_lap_count": f.laps,
        "oauth_client_name": u.client_name,
        "created": u.created.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "analyzed": u.created.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    });
    if let Value::Object(m) = &mut v {
        m.extend(u.edits.clone());
    }
    v
}
