//! A recorded activity as the sandbox keeps it after reading a file: the samples (time from the
//! start, distance, altitude, heart rate, cadence, power, position), the laps, and what the file
//! states outright (sport, start, calories). Summaries, intervals and streams are computed from
//! it, and the generated activity FIT file is written from it.

use chrono::{DateTime, Utc};

use super::fit::{self, global, FitWriter, Value as Fv};

/// One sample of the recording; every figure is optional, as in the files.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Sample {
    /// Seconds from the start of the activity.
    pub t: u32,
    /// Metres from the start.
    pub distance: Option<f64>,
    /// Metres above sea level.
    pub altitude: Option<f64>,
    pub heartrate: Option<u8>,
    /// Revolutions (or, for runs, steps of one foot) per minute.
    pub cadence: Option<u8>,
    pub watts: Option<u16>,
    /// Degrees.
    pub lat: Option<f64>,
    pub lng: Option<f64>,
}

/// A lap as the file marks it: seconds from the start of the activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Lap {
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Track {
    pub start: Option<DateTime<Utc>>,
    pub sport: Option<&'static str>,
    /// The name the file gives (GPX `<trk><name>`).
    pub name: Option<String>,
    /// In time order.
    pub samples: Vec<Sample>,
    pub laps: Vec<Lap>,
    /// The file's total when it states one (kcal).
    pub calories: Option<u32>,
    /// The file's totals when it states them (metres, seconds); the samples decide otherwise.
    pub distance: Option<f64>,
    pub elapsed: Option<f64>,
}

impl Track {
    /// The file's stated total, else the seconds from the start to the last sample.
    pub(crate) fn elapsed_secs(&self) -> f64 {
        self.elapsed
            .or_else(|| self.samples.last().map(|s| f64::from(s.t)))
            .unwrap_or(0.0)
            .max(0.0)
    }

    /// The file's stated total, else the last distance the samples carry.
    pub(crate) fn distance_m(&self) -> f64 {
        self.distance
            .or_else(|| self.samples.iter().rev().find_map(|s| s.distance))
            .unwrap_or(0.0)
            .max(0.0)
    }
}

/// FIT positions are semicircles: 2^31 of them per 180 degrees.
fn semicircles(deg: f64) -> i32 {
    (deg * (2f64.powi(31) / 180.0)).round() as i32
}

fn clamp_u32(v: f64) -> u32 {
    v.round().clamp(0.0, f64::from(u32::MAX - 1)) as u32
}

fn clamp_u16(v: f64) -> u16 {
    v.round().clamp(0.0, f64::from(u16::MAX - 1)) as u16
}

/// A complete activity FIT file of the track: file_id, one record per sample, one lap per lap
/// (one for the whole activity when there are none), the session and the activity message.
/// `serial` goes into file_id, so two recordings of the same samples are two files.
pub(crate) fn to_fit(track: &Track, serial: u32) -> Vec<u8> {
    let start_t = fit::to_fit_time(track.start.unwrap_or_else(Utc::now));
    let sport = track.sport.unwrap_or("Ride");
    let elapsed = clamp_u32(track.elapsed_secs());
    let end_t = start_t.saturating_add(elapsed);
    let sport_v = Fv::Enum(fit::sport_code(sport));
    let mut w = FitWriter::new();
    w.message(
        0,
        global::FILE_ID,
        &[
            (0, Fv::Enum(4)),  // type: activity
            (1, Fv::U16(255)), // manufacturer: development
            (2, Fv::U16(1)),   // product
            (3, Fv::U32z(serial.max(1))),
            (4, Fv::U32(start_t)), // time_created
        ],
    );
    for s in &track.samples {
        let mut fields = vec![(253, Fv::U32(start_t.saturating_add(s.t)))];
        if let (Some(lat), Some(lng)) = (s.lat, s.lng) {
            fields.push((0, Fv::I32(semicircles(lat))));
            fields.push((1, Fv::I32(semicircles(lng))));
        }
        if let Some(alt) = s.altitude {
            // Scale 5, offset 500.
            fields.push((2, Fv::U16(clamp_u16((alt + 500.0) * 5.0))));
        }
        if let Some(hr) = s.heartrate {
            fields.push((3, Fv::U8(hr)));
        }
        if let Some(cad) = s.cadence {
            fields.push((4, Fv::U8(cad)));
        }
        if let Some(d) = s.distance {
            fields.push((5, Fv::U32(clamp_u32(d * 100.0))));
        }
        if let Some(p) = s.watts {
            fields.push((7, Fv::U16(p)));
        }
        w.message(1, global::RECORD, &fields);
    }
    let laps = if track.laps.is_empty() {
        vec![Lap {
            start: 0,
            end: elapsed,
        }]
    } else {
        track.laps.clone()
    };
    let distance_at = |t: u32| {
        track
            .samples
            .iter()
            .take_while(|s| s.t <= t)
            .filter_map(|s| s.distance)
            .last()
            .unwrap_or(0.0)
    };
    for (i, lap) in laps.iter().enumerate() {
        let secs_ms = lap.end.saturating_sub(lap.start).saturating_mul(1000);
        let dist = distance_at(lap.end) - distance_at(lap.start);
        w.message(
            2,
            global::LAP,
            &[
                (253, Fv::U32(start_t.saturating_add(lap.end))),
                (2, Fv::U32(start_t.saturating_add(lap.start))),
                (7, Fv::U32(secs_ms)),
                (8, Fv::U32(secs_ms)),
                (9, Fv::U32(clamp_u32(dist.max(0.0) * 100.0))),
                (254, Fv::U16(u16::try_from(i).unwrap_or(u16::MAX))),
                (0, Fv::Enum(9)), // event: lap
                (1, Fv::Enum(1)), // event_type: stop
                (25, sport_v.clone()),
            ],
        );
    }
    let elapsed_ms = elapsed.saturating_mul(1000);
    let mut session = vec![
        (253, Fv::U32(end_t)),
        (2, Fv::U32(start_t)),
        (7, Fv::U32(elapsed_ms)),
        (8, Fv::U32(elapsed_ms)),
        (9, Fv::U32(clamp_u32(track.distance_m() * 100.0))),
        (0, Fv::Enum(8)), // event: session
        (1, Fv::Enum(1)), // event_type: stop
        (5, sport_v),
        (6, Fv::Enum(0)), // sub_sport: generic
        (25, Fv::U16(0)), // first_lap_index
        (26, Fv::U16(u16::try_from(laps.len()).unwrap_or(u16::MAX))),
    ];
    if let Some(kcal) = track.calories {
        session.push((11, Fv::U16(u16::try_from(kcal).unwrap_or(u16::MAX - 1))));
    }
    w.message(3, global::SESSION, &session);
    w.message(
        4,
        global::ACTIVITY,
        &[
            (253, Fv::U32(end_t)),
            (0, Fv::U32(elapsed_ms)),
            (1, Fv::U16(1)),   // num_sessions
            (2, Fv::Enum(0)),  // type: manual
            (3, Fv::Enum(26)), // event: activity
            (4, Fv::Enum(1)),  // event_type: stop
        ],
    );
    w.finish()
}
