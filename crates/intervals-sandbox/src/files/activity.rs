//! Recognising uploaded activity files the way Intervals.icu accepts them (FIT, TCX, GPX, or a
//! `.gz`/`.zip` of one) and reading the recording each holds ([`Track`]: samples, laps, stated
//! totals): FIT with `fitparser`, TCX and GPX with `quick-xml`. A FIT file that `fitparser`
//! refuses (a bad CRC, say) is still accepted when its header says FIT, with what the sandbox's
//! lenient reader finds (start, sport, totals; no samples).

use std::io::{Cursor, Read};

use chrono::{DateTime, NaiveDateTime, Utc};
use fitparser::profile::MesgNum;
use fitparser::Value as FitValue;
use quick_xml::events::Event;
use quick_xml::Reader;

use super::fit;
use super::track::{Lap, Sample, Track};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileType {
    Fit,
    Tcx,
    Gpx,
}

impl FileType {
    pub(crate) fn ext(self) -> &'static str {
        match self {
            FileType::Fit => "fit",
            FileType::Tcx => "tcx",
            FileType::Gpx => "gpx",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Packing {
    Plain,
    Gzip,
    Zip,
}

/// Why an upload was refused: `TooLarge` is a 413, everything else a 422.
#[derive(Debug)]
pub(crate) enum Rejection {
    Invalid(String),
    TooLarge,
}

pub(crate) struct Inspected {
    pub packing: Packing,
    pub file_type: FileType,
    /// One per activity in the file (multisport files hold several).
    pub activities: Vec<Track>,
}

/// `limit` bounds the decompressed size so that a small archive cannot expand without end.
pub(crate) fn inspect(bytes: &[u8], limit: u64) -> Result<Inspected, Rejection> {
    if bytes.is_empty() {
        return Err(Rejection::Invalid("File is empty".into()));
    }
    let (packing, inner) = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| Rejection::Invalid(format!("Invalid gzip file: {e}")))?;
        (Packing::Gzip, out)
    } else if bytes.starts_with(b"PK\x03\x04") {
        (Packing::Zip, unzip(bytes, limit)?)
    } else {
        (Packing::Plain, Vec::new())
    };
    let inner: &[u8] = if packing == Packing::Plain {
        bytes
    } else {
        &inner
    };
    if u64::try_from(inner.len()).unwrap_or(u64::MAX) > limit {
        return Err(Rejection::TooLarge);
    }
    if inner.is_empty() {
        return Err(Rejection::Invalid("File is empty".into()));
    }
    let file_type = sniff(inner).ok_or_else(|| {
        Rejection::Invalid("Unsupported file type: expected fit, tcx or gpx (or zip/gz)".into())
    })?;
    let activities = match file_type {
        FileType::Fit => parse_fit(inner),
        FileType::Tcx => parse_tcx(inner)?,
        FileType::Gpx => parse_gpx(inner)?,
    };
    Ok(Inspected {
        packing,
        file_type,
        activities,
    })
}

/// The first entry that is itself an activity file; archive metadata folders are skipped.
fn unzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>, Rejection> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Rejection::Invalid(format!("Invalid zip file: {e}")))?;
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| Rejection::Invalid(format!("Invalid zip file: {e}")))?;
        if entry.is_dir() || entry.name().starts_with("__MACOSX/") {
            continue;
        }
        let mut out = Vec::new();
        (&mut entry)
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| Rejection::Invalid(format!("Invalid zip file: {e}")))?;
        if u64::try_from(out.len()).unwrap_or(u64::MAX) > limit {
            return Err(Rejection::TooLarge);
        }
        if sniff(&out).is_some() {
            return Ok(out);
        }
    }
    Err(Rejection::Invalid(
        "Zip file holds no fit, tcx or gpx file".into(),
    ))
}

fn sniff(bytes: &[u8]) -> Option<FileType> {
    if bytes.len() >= 12 && matches!(bytes[0], 12 | 14) && &bytes[8..12] == b".FIT" {
        return Some(FileType::Fit);
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text.iter().position(|b| !b.is_ascii_whitespace())?;
    if text[start] != b'<' {
        return None;
    }
    // The root element sits within the first few KB, after any prolog and comments.
    let head = String::from_utf8_lossy(&text[start..text.len().min(start + 4096)]);
    if head.contains("<TrainingCenterDatabase") {
        Some(FileType::Tcx)
    } else if head.contains("<gpx") {
        Some(FileType::Gpx)
    } else {
        None
    }
}

/// `fitparser`'s records, or the lenient reader's totals when it refuses the file.
fn parse_fit(bytes: &[u8]) -> Vec<Track> {
    let options: std::collections::HashSet<_> =
        [fitparser::de::DecodeOption::ReturnNumericEnumValues]
            .into_iter()
            .collect();
    match fitparser::de::from_bytes_with_options(bytes, &options) {
        Ok(records) => fit_tracks(&records),
        Err(_) => lenient_fit(bytes),
    }
}

fn fit_number(v: &FitValue) -> Option<f64> {
    match v {
        FitValue::Byte(n) | FitValue::Enum(n) | FitValue::UInt8(n) | FitValue::UInt8z(n) => {
            Some(f64::from(*n))
        }
        FitValue::SInt8(n) => Some(f64::from(*n)),
        FitValue::SInt16(n) => Some(f64::from(*n)),
        FitValue::UInt16(n) | FitValue::UInt16z(n) => Some(f64::from(*n)),
        FitValue::SInt32(n) => Some(f64::from(*n)),
        FitValue::UInt32(n) | FitValue::UInt32z(n) => Some(f64::from(*n)),
        FitValue::Float32(n) => Some(f64::from(*n)),
        FitValue::Float64(n) => Some(*n),
        FitValue::SInt64(n) => Some(*n as f64),
        FitValue::UInt64(n) | FitValue::UInt64z(n) => Some(*n as f64),
        _ => None,
    }
    .filter(|n| n.is_finite())
}

/// One message's fields by name.
struct Fields<'a>(&'a [fitparser::FitDataField]);

impl Fields<'_> {
    fn value(&self, name: &str) -> Option<&FitValue> {
        self.0.iter().find(|f| f.name() == name).map(|f| f.value())
    }

    fn number(&self, name: &str) -> Option<f64> {
        self.value(name).and_then(fit_number)
    }

    fn time(&self, name: &str) -> Option<DateTime<Utc>> {
        match self.value(name)? {
            FitValue::Timestamp(t) => Some(t.with_timezone(&Utc)),
            _ => None,
        }
    }
}

/// What a session message states.
struct FitSession {
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    sport: Option<&'static str>,
    distance: Option<f64>,
    elapsed: Option<f64>,
    calories: Option<u32>,
}

fn fit_tracks(records: &[fitparser::FitDataRecord]) -> Vec<Track> {
    let mut created = None;
    let mut sport = None;
    let mut points: Vec<(DateTime<Utc>, Sample)> = Vec::new();
    let mut laps: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    let mut sessions: Vec<FitSession> = Vec::new();
    let sport_of = |f: &Fields<'_>| {
        f.number("sport")
            .and_then(|n| u8::try_from(n as i64).ok())
            .map(fit::sport_name)
    };
    for r in records {
        let f = Fields(r.fields());
        match r.kind() {
            MesgNum::FileId => created = f.time("time_created"),
            MesgNum::Sport => sport = sport.or_else(|| sport_of(&f)),
            MesgNum::Record => {
                let Some(t) = f.time("timestamp") else {
                    continue;
                };
                let semicircles = |name| {
                    f.number(name)
                        .map(|v| v * 180.0 / 2f64.powi(31))
                        .filter(|d| d.abs() <= 180.0)
                };
                let sample = Sample {
                    t: 0,
                    distance: f.number("distance"),
                    altitude: f
                        .number("enhanced_altitude")
                        .or_else(|| f.number("altitude")),
                    heartrate: f.number("heart_rate").map(|v| v.clamp(0.0, 255.0) as u8),
                    cadence: f.number("cadence").map(|v| v.clamp(0.0, 255.0) as u8),
                    watts: f.number("power").map(|v| v.clamp(0.0, 65_000.0) as u16),
                    lat: semicircles("position_lat"),
                    lng: semicircles("position_long"),
                };
                points.push((t, sample));
            }
            MesgNum::Lap => {
                if let (Some(start), Some(secs)) = (
                    f.time("start_time"),
                    f.number("total_elapsed_time")
                        .or_else(|| f.number("total_timer_time")),
                ) {
                    laps.push((
                        start,
                        start + chrono::Duration::milliseconds((secs * 1000.0) as i64),
                    ));
                }
            }
            MesgNum::Session => {
                let start = f.time("start_time");
                let elapsed = f
                    .number("total_elapsed_time")
                    .or_else(|| f.number("total_timer_time"));
                sessions.push(FitSession {
                    start,
                    end: start
                        .zip(elapsed)
                        .map(|(s, e)| s + chrono::Duration::milliseconds((e * 1000.0) as i64)),
                    sport: sport_of(&f),
                    distance: f.number("total_distance"),
                    elapsed,
                    calories: f.number("total_calories").map(|c| c.max(0.0) as u32),
                });
            }
            _ => {}
        }
    }
    if sessions.is_empty() {
        let start = created.or_else(|| points.first().map(|p| p.0));
        return vec![track_of(start, sport, None, None, None, &points, &laps)];
    }
    let many = sessions.len() > 1;
    sessions
        .iter()
        .map(|s| {
            let start = s.start.or(created);
            // A multisport file's records and laps belong to the session whose time they fall in.
            let inside = |t: &DateTime<Utc>| {
                !many || (s.start.is_none_or(|a| *t >= a) && s.end.is_none_or(|b| *t <= b))
            };
            let points: Vec<(DateTime<Utc>, Sample)> =
                points.iter().filter(|p| inside(&p.0)).copied().collect();
            let laps: Vec<_> = laps.iter().filter(|l| inside(&l.0)).copied().collect();
            let mut t = track_of(
                start,
                s.sport.or(sport),
                s.distance,
                s.elapsed,
                s.calories,
                &points,
                &laps,
            );
            // Distances restart at each session of a multisport file.
            if many {
                let first = t.samples.iter().find_map(|x| x.distance).unwrap_or(0.0);
                for x in &mut t.samples {
                    x.distance = x.distance.map(|d| (d - first).max(0.0));
                }
            }
            t
        })
        .collect()
}

/// A track from timed points and laps, times made relative to `start` (or the first point).
fn track_of(
    start: Option<DateTime<Utc>>,
    sport: Option<&'static str>,
    distance: Option<f64>,
    elapsed: Option<f64>,
    calories: Option<u32>,
    points: &[(DateTime<Utc>, Sample)],
    laps: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Track {
    let origin = start.or_else(|| points.first().map(|p| p.0));
    let offset = |t: DateTime<Utc>| {
        origin.map_or(0, |o| {
            u32::try_from((t - o).num_seconds().max(0)).unwrap_or(u32::MAX)
        })
    };
    let mut samples: Vec<Sample> = points
        .iter()
        .map(|(t, s)| Sample {
            t: offset(*t),
            ..*s
        })
        .collect();
    samples.sort_by_key(|s| s.t);
    Track {
        start,
        sport,
        name: None,
        samples,
        laps: laps
            .iter()
            .map(|(a, b)| Lap {
                start: offset(*a),
                end: offset(*b),
            })
            .filter(|l| l.end > l.start)
            .collect(),
        calories,
        distance,
        elapsed,
    }
}

/// Start, sport and totals from the sandbox's own lenient reader, for files `fitparser` refuses.
fn lenient_fit(bytes: &[u8]) -> Vec<Track> {
    let s = fit::summarize(bytes);
    let created = s.time_created.and_then(fit::from_fit_time);
    if s.sessions.is_empty() {
        let elapsed = match (s.first_record, s.last_record) {
            (Some(a), Some(b)) if b >= a => Some(f64::from(b - a)),
            _ => None,
        };
        return vec![Track {
            start: created.or_else(|| s.first_record.and_then(fit::from_fit_time)),
            sport: s.sport.map(fit::sport_name),
            elapsed,
            ..Track::default()
        }];
    }
    s.sessions
        .iter()
        .map(|session| Track {
            start: session.start_time.and_then(fit::from_fit_time).or(created),
            sport: session.sport.or(s.sport).map(fit::sport_name),
            distance: session.distance.map(|cm| f64::from(cm) / 100.0),
            elapsed: session
                .timer
                .or(session.elapsed)
                .map(|ms| f64::from(ms) / 1000.0),
            ..Track::default()
        })
        .collect()
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .map(|t| t.and_utc())
        })
}

/// XML read as a stream of element paths: each element's start (with its attributes) and the
/// text directly inside it, by local names so that namespace prefixes (`ns3:Watts`,
/// `gpxtpx:hr`) do not matter.
enum Xml {
    Open(String, Vec<(String, String)>),
    Text(String),
    Close,
}

fn xml_events(bytes: &[u8]) -> Result<Vec<Xml>, String> {
    let mut reader = Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let local = |name: &[u8]| String::from_utf8_lossy(name).into_owned();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("Invalid XML at byte {}: {e}", reader.buffer_position()))?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let attrs = e
                    .attributes()
                    .flatten()
                    .map(|a| {
                        (
                            local(a.key.local_name().as_ref()),
                            a.unescape_value()
                                .map(|v| v.into_owned())
                                .unwrap_or_default(),
                        )
                    })
                    .collect();
                out.push(Xml::Open(local(e.local_name().as_ref()), attrs));
                if empty {
                    out.push(Xml::Close);
                }
            }
            Event::End(_) => out.push(Xml::Close),
            Event::Text(t) => out.push(Xml::Text(
                t.decode().map(|s| s.into_owned()).unwrap_or_default(),
            )),
            Event::CData(t) => out.push(Xml::Text(String::from_utf8_lossy(&t).into_owned())),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = r.decode().map(|s| s.into_owned()).unwrap_or_default();
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_default()
                            .to_owned()
                    }
                };
                out.push(Xml::Text(text));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// Walks the events keeping the path of open elements; `on` sees every open, text and close.
fn walk(events: &[Xml], mut on: impl FnMut(&[String], &Xml)) {
    let mut path: Vec<String> = Vec::new();
    for e in events {
        match e {
            Xml::Open(name, _) => {
                path.push(name.clone());
                on(&path, e);
            }
            Xml::Text(_) => on(&path, e),
            Xml::Close => {
                on(&path, e);
                path.pop();
            }
        }
    }
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

/// One activity of a TCX file being read.
#[derive(Default)]
struct TcxActivity {
    sport: Option<&'static str>,
    id_time: Option<DateTime<Utc>>,
    lap_starts: Vec<DateTime<Utc>>,
    lap_secs: Vec<f64>,
    distance: Option<f64>,
    elapsed: Option<f64>,
    calories: Option<u32>,
    points: Vec<(Option<DateTime<Utc>>, Sample)>,
}

fn parse_tcx(bytes: &[u8]) -> Result<Vec<Track>, Rejection> {
    let events = xml_events(bytes).map_err(Rejection::Invalid)?;
    let mut done: Vec<TcxActivity> = Vec::new();
    let mut cur: Option<TcxActivity> = None;
    let mut point: Option<(Option<DateTime<Utc>>, Sample)> = None;
    walk(&events, |path, e| {
        let name = path.last().map(String::as_str).unwrap_or_default();
        let parent = path
            .len()
            .checked_sub(2)
            .and_then(|i| path.get(i))
            .map(String::as_str)
            .unwrap_or_default();
        match e {
            Xml::Open(_, attrs) => match name {
                "Activity" => {
                    cur = Some(TcxActivity {
                        sport: attr(attrs, "Sport").map(|s| match s {
                            "Running" => "Run",
                            "Biking" => "Ride",
                            _ => "Other",
                        }),
                        ..TcxActivity::default()
                    });
                }
                "Lap" => {
                    if let (Some(a), Some(t)) =
                        (cur.as_mut(), attr(attrs, "StartTime").and_then(parse_time))
                    {
                        a.lap_starts.push(t);
                    }
                }
                "Trackpoint" => point = Some((None, Sample::default())),
                _ => {}
            },
            Xml::Text(text) => {
                let (Some(a), v) = (cur.as_mut(), number(text)) else {
                    return;
                };
                match (parent, name, point.as_mut()) {
                    ("Activity", "Id", _) => a.id_time = parse_time(text),
                    ("Lap", "TotalTimeSeconds", _) => {
                        if let Some(v) = v {
                            a.lap_secs.push(v);
                            a.elapsed = Some(a.elapsed.unwrap_or(0.0) + v);
                        }
                    }
                    ("Lap", "DistanceMeters", _) => {
                        a.distance = v.map(|v| a.distance.unwrap_or(0.0) + v).or(a.distance);
                    }
                    ("Lap", "Calories", _) => {
                        if let Some(v) = v {
                            a.calories = Some(a.calories.unwrap_or(0) + v.max(0.0) as u32);
                        }
                    }
                    ("Trackpoint", "Time", Some(p)) => p.0 = parse_time(text),
                    ("Trackpoint", "DistanceMeters", Some(p)) => p.1.distance = v,
                    ("Trackpoint", "AltitudeMeters", Some(p)) => p.1.altitude = v,
                    ("Trackpoint", "Cadence", Some(p)) => {
                        p.1.cadence = v.map(|c| c.clamp(0.0, 255.0) as u8);
                    }
                    ("HeartRateBpm", "Value", Some(p)) => {
                        p.1.heartrate = v.map(|h| h.clamp(0.0, 255.0) as u8);
                    }
                    ("Position", "LatitudeDegrees", Some(p)) => p.1.lat = v,
                    ("Position", "LongitudeDegrees", Some(p)) => p.1.lng = v,
                    (_, "Watts", Some(p)) => p.1.watts = v.map(|w| w.clamp(0.0, 65_000.0) as u16),
                    (_, "RunCadence", Some(p)) => {
                        p.1.cadence = v.map(|c| c.clamp(0.0, 255.0) as u8);
                    }
                    _ => {}
                }
            }
            Xml::Close => match name {
                "Trackpoint" => {
                    if let (Some(a), Some(p)) = (cur.as_mut(), point.take()) {
                        a.points.push(p);
                    }
                }
                "Activity" => done.extend(cur.take()),
                _ => {}
            },
        }
    });
    if done.is_empty() {
        return Err(Rejection::Invalid("TCX file has no activities".into()));
    }
    Ok(done
        .into_iter()
        .map(|a| {
            let start = a
                .id_time
                .or_else(|| a.lap_starts.first().copied())
                .or_else(|| a.points.iter().find_map(|p| p.0));
            let timed = timed_points(&a.points);
            let laps: Vec<_> = a
                .lap_starts
                .iter()
                .zip(&a.lap_secs)
                .map(|(s, secs)| {
                    (
                        *s,
                        *s + chrono::Duration::milliseconds((secs * 1000.0) as i64),
                    )
                })
                .collect();
            let mut t = track_of(
                start, a.sport, a.distance, a.elapsed, a.calories, &timed, &laps,
            );
            // A single lap is the whole activity, not an interval.
            if t.laps.len() < 2 {
                t.laps.clear();
            }
            t
        })
        .collect())
}

/// Points with a time; points without one (a route rather than a recording) one second apart.
fn timed_points(points: &[(Option<DateTime<Utc>>, Sample)]) -> Vec<(DateTime<Utc>, Sample)> {
    let base = points.iter().find_map(|p| p.0).unwrap_or_default();
    points
        .iter()
        .enumerate()
        .map(|(i, (t, s))| {
            let when = t.unwrap_or_else(|| base + chrono::Duration::seconds(i as i64));
            (when, *s)
        })
        .collect()
}

/// One track of a GPX file being read.
#[derive(Default)]
struct GpxTrack {
    name: Option<String>,
    kind: Option<String>,
    points: Vec<(Option<DateTime<Utc>>, Sample)>,
}

fn parse_gpx(bytes: &[u8]) -> Result<Vec<Track>, Rejection> {
    let events = xml_events(bytes).map_err(Rejection::Invalid)?;
    let mut done: Vec<GpxTrack> = Vec::new();
    let mut cur: Option<GpxTrack> = None;
    let mut point: Option<(Option<DateTime<Utc>>, Sample)> = None;
    let mut metadata_time = None;
    let mut text_of_name = String::new();
    walk(&events, |path, e| {
        let name = path.last().map(String::as_str).unwrap_or_default();
        let parent = path
            .len()
            .checked_sub(2)
            .and_then(|i| path.get(i))
            .map(String::as_str)
            .unwrap_or_default();
        match e {
            Xml::Open(_, attrs) => match name {
                "trk" => cur = Some(GpxTrack::default()),
                "trkpt" => {
                    let sample = Sample {
                        lat: attr(attrs, "lat").and_then(number),
                        lng: attr(attrs, "lon").and_then(number),
                        ..Sample::default()
                    };
                    point = Some((None, sample));
                }
                "name" if parent == "trk" => text_of_name.clear(),
                _ => {}
            },
            Xml::Text(text) => {
                let v = number(text);
                match (parent, name) {
                    ("metadata", "time") => metadata_time = parse_time(text),
                    ("trk", "name") => text_of_name.push_str(text),
                    ("trk", "type") => {
                        if let Some(t) = cur.as_mut() {
                            t.kind = Some(text.trim().to_owned());
                        }
                    }
                    (_, _) if point.is_some() => {
                        let Some(p) = point.as_mut() else { return };
                        match name {
                            "time" => p.0 = parse_time(text),
                            "ele" => p.1.altitude = v,
                            "hr" | "heartrate" => {
                                p.1.heartrate = v.map(|h| h.clamp(0.0, 255.0) as u8);
                            }
                            "cad" | "cadence" => {
                                p.1.cadence = v.map(|c| c.clamp(0.0, 255.0) as u8);
                            }
                            "power" | "PowerInWatts" | "watts" => {
                                p.1.watts = v.map(|w| w.clamp(0.0, 65_000.0) as u16);
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Xml::Close => match name {
                "trkpt" => {
                    if let (Some(t), Some(p)) = (cur.as_mut(), point.take()) {
                        t.points.push(p);
                    }
                }
                "name" if parent == "trk" => {
                    if let Some(t) = cur.as_mut() {
                        let n = text_of_name.trim();
                        t.name = (!n.is_empty()).then(|| n.to_owned());
                    }
                }
                "trk" => done.extend(cur.take()),
                _ => {}
            },
        }
    });
    if done.is_empty() {
        return Err(Rejection::Invalid("GPX file has no tracks".into()));
    }
    Ok(done
        .into_iter()
        .map(|g| {
            let sport = g.kind.map(|t| {
                let t = t.to_ascii_lowercase();
                if t.contains("run") {
                    "Run"
                } else if t.contains("swim") {
                    "Swim"
                } else if t.contains("walk") {
                    "Walk"
                } else if t.contains("hik") {
                    "Hike"
                } else {
                    "Ride"
                }
            });
            let mut timed = timed_points(&g.points);
            // GPX has no distance: the sum of great-circle steps between positions.
            let mut total = 0.0;
            let mut last: Option<(f64, f64)> = None;
            for (_, s) in &mut timed {
                if let (Some(lat), Some(lng)) = (s.lat, s.lng) {
                    if let Some(prev) = last {
                        total += haversine(prev, (lat, lng));
                    }
                    last = Some((lat, lng));
                    s.distance = Some(total);
                }
            }
            let start = g.points.iter().find_map(|p| p.0).or(metadata_time);
            let mut t = track_of(start, sport, None, None, None, &timed, &[]);
            t.name = g.name;
            t
        })
        .collect())
}

fn haversine(a: (f64, f64), b: (f64, f64)) -> f64 {
    const EARTH_RADIUS_M: f64 = 6_371_000.0;
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.1 - a.1).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multisport_tcx_splits() {
        let tcx = r#"<?xml version="1.0"?><TrainingCenterDatabase><Activities>
            <Activity Sport="Running"><Id>2024-05-01T06:30:00Z</Id><Lap StartTime="2024-05-01T06:30:00Z"><TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>2000</DistanceMeters><Track><Trackpoint><DistanceMeters>5</DistanceMeters></Trackpoint></Track></Lap></Activity>
            <Activity Sport="Biking"><Id>2024-05-01T07:00:00Z</Id></Activity>
            </Activities></TrainingCenterDatabase>"#;
        let i = inspect(tcx.as_bytes(), 1 << 20).expect("tcx");
        assert_eq!(i.file_type, FileType::Tcx);
        assert_eq!(i.activities.len(), 2);
        assert_eq!(i.activities[0].sport, Some("Run"));
        assert_eq!(i.activities[0].distance_m(), 2000.0);
        assert_eq!(i.activities[0].elapsed_secs(), 600.0);
        assert_eq!(i.activities[1].sport, Some("Ride"));
    }

    #[test]
    fn gpx_tracks_and_distance() {
        let gpx = r#"<gpx><metadata><time>2024-01-01T00:00:00Z</time></metadata>
            <trk><name>A &amp; B</name><trkseg>
            <trkpt lat="52.0" lon="5.0"><time>2024-05-02T10:00:00Z</time></trkpt>
            <trkpt lat="52.01" lon="5.0"><time>2024-05-02T10:05:00Z</time></trkpt>
            </trkseg></trk><trk><type>running</type></trk></gpx>"#;
        let i = inspect(gpx.as_bytes(), 1 << 20).expect("gpx");
        assert_eq!(i.activities.len(), 2);
        assert_eq!(i.activities[0].name.as_deref(), Some("A & B"));
        let d = i.activities[0].distance_m();
        assert!((d - 1112.0).abs() < 5.0, "{d}");
        assert_eq!(i.activities[0].elapsed_secs(), 300.0);
        assert_eq!(i.activities[1].sport, Some("Run"));
    }

    #[test]
    fn rejects_other_things() {
        assert!(matches!(inspect(b"", 10), Err(Rejection::Invalid(_))));
        assert!(matches!(
            inspect(b"hello world", 100),
            Err(Rejection::Invalid(_))
        ));
        assert!(matches!(
            inspect(b"<html></html>", 100),
            Err(Rejection::Invalid(_))
        ));
        assert!(matches!(
            inspect(b"<gpx><trk></trk></gpx>", 5),
            Err(Rejection::TooLarge)
        ));
    }

    #[test]
    fn fit_records_and_laps_come_back_through_fitparser() {
        let start = DateTime::parse_from_rfc3339("2026-03-01T08:00:00Z")
            .expect("time")
            .with_timezone(&Utc);
        let samples: Vec<Sample> = (0..=120)
            .step_by(10)
            .map(|t| Sample {
                t,
                distance: Some(f64::from(t) * 3.0),
                altitude: Some(250.0 + f64::from(t) / 10.0),
                heartrate: Some(140 + (t / 10) as u8),
                cadence: Some(170),
                watts: None,
                lat: Some(52.1),
                lng: Some(5.1),
            })
            .collect();
        let track = Track {
            start: Some(start),
            sport: Some("Run"),
            samples,
            laps: vec![
                Lap { start: 0, end: 60 },
                Lap {
                    start: 60,
                    end: 120,
                },
            ],
            ..Track::default()
        };
        let bytes = super::super::track::to_fit(&track, 9);
        let i = inspect(&bytes, 1 << 20).expect("fit");
        assert_eq!(i.file_type, FileType::Fit);
        let back = &i.activities[0];
        assert_eq!(back.start, Some(start));
        assert_eq!(back.sport, Some("Run"));
        assert_eq!(back.samples.len(), 13);
        assert_eq!(back.samples[12].t, 120);
        assert_eq!(back.samples[12].heartrate, Some(152));
        assert_eq!(back.samples[12].distance, Some(360.0));
        let alt = back.samples[12].altitude.expect("altitude");
        assert!((alt - 262.0).abs() < 0.3, "{alt}");
        let lat = back.samples[0].lat.expect("lat");
        assert!((lat - 52.1).abs() < 1e-6, "{lat}");
        assert_eq!(back.laps.len(), 2);
        assert_eq!(
            back.laps[1],
            Lap {
                start: 60,
                end: 120
            }
        );
        assert_eq!(back.elapsed_secs(), 120.0);
        assert_eq!(back.distance_m(), 360.0);
    }

    #[test]
    fn gpx_extensions_give_heart_rate_cadence_and_power() {
        let gpx = r#"<?xml version="1.0"?>
            <gpx xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
            <trk><name>Ride &amp; &#169; more</name><type>cycling</type><trkseg>
            <trkpt lat="46.5" lon="6.6"><ele>400</ele><time>2024-05-02T10:00:00Z</time>
              <extensions><power>210</power><gpxtpx:TrackPointExtension><gpxtpx:hr>131</gpxtpx:hr><gpxtpx:cad>85</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>
            <trkpt lat="46.51" lon="6.6"><ele>412</ele><time>2024-05-02T10:01:00Z</time>
              <extensions><power>250</power><gpxtpx:TrackPointExtension><gpxtpx:hr>142</gpxtpx:hr><gpxtpx:cad>88</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>
            </trkseg></trk></gpx>"#;
        let i = inspect(gpx.as_bytes(), 1 << 20).expect("gpx");
        let t = &i.activities[0];
        assert_eq!(t.name.as_deref(), Some("Ride & \u{a9} more"));
        assert_eq!(t.sport, Some("Ride"));
        assert_eq!(t.samples.len(), 2);
        assert_eq!(t.samples[1].t, 60);
        assert_eq!(t.samples[1].heartrate, Some(142));
        assert_eq!(t.samples[0].cadence, Some(85));
        assert_eq!(t.samples[1].watts, Some(250));
        assert_eq!(t.samples[1].altitude, Some(412.0));
        let d = t.distance_m();
        assert!((d - 1112.0).abs() < 5.0, "{d}");
    }

    #[test]
    fn broken_xml_is_refused() {
        assert!(matches!(
            inspect(b"<gpx><trk><trkseg></trk></gpx>", 1 << 20),
            Err(Rejection::Invalid(_))
        ));
    }
}
