//! Recognising uploaded activity files the way Intervals.icu accepts them (FIT, TCX, GPX, or a
//! `.gz`/`.zip` of one) and pulling out what an activity summary needs. The XML formats are read
//! by plain string scanning: the sandbox only needs start times, sports and rough totals, and a
//! file it cannot read in detail is still accepted as long as its format is recognised.

use std::io::{Cursor, Read};

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::files::fit;

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

/// One activity found in a file (multisport files hold several).
#[derive(Debug, Clone, Default)]
pub(crate) struct Parsed {
    pub start: Option<DateTime<Utc>>,
    pub sport: Option<&'static str>,
    pub name: Option<String>,
    /// Metres.
    pub distance: Option<f64>,
    /// Seconds.
    pub elapsed: Option<f64>,
}

pub(crate) struct Inspected {
    pub packing: Packing,
    pub file_type: FileType,
    pub activities: Vec<Parsed>,
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
        FileType::Tcx => parse_tcx(&String::from_utf8_lossy(inner))?,
        FileType::Gpx => parse_gpx(&String::from_utf8_lossy(inner))?,
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

fn parse_fit(bytes: &[u8]) -> Vec<Parsed> {
    let s = fit::summarize(bytes);
    let created = s.time_created.and_then(fit::from_fit_time);
    if s.sessions.is_empty() {
        let elapsed = match (s.first_record, s.last_record) {
            (Some(a), Some(b)) if b >= a => Some(f64::from(b - a)),
            _ => None,
        };
        return vec![Parsed {
            start: created.or_else(|| s.first_record.and_then(fit::from_fit_time)),
            sport: s.sport.map(fit::sport_name),
            name: None,
            distance: None,
            elapsed,
        }];
    }
    s.sessions
        .iter()
        .map(|session| Parsed {
            start: session.start_time.and_then(fit::from_fit_time).or(created),
            sport: session.sport.or(s.sport).map(fit::sport_name),
            name: None,
            distance: session.distance.map(|cm| f64::from(cm) / 100.0),
            elapsed: session
                .timer
                .or(session.elapsed)
                .map(|ms| f64::from(ms) / 1000.0),
        })
        .collect()
}

/// Splits `text` at each occurrence of `marker`; the part before the first one is dropped.
fn blocks<'a>(text: &'a str, marker: &str) -> Vec<&'a str> {
    let starts: Vec<usize> = text.match_indices(marker).map(|(i, _)| i).collect();
    starts
        .iter()
        .enumerate()
        .map(|(n, &s)| &text[s..starts.get(n + 1).copied().unwrap_or(text.len())])
        .collect()
}

/// Text of the first `<tag>…</tag>` in `text`.
fn element<'a>(text: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let start = text.find(&open)? + open.len();
    let len = text[start..].find(&format!("</{tag}>"))?;
    Some(text[start..start + len].trim())
}

/// Value of `name="…"` (or single quotes) inside the tag that starts `text`.
fn attribute<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let tag = &text[..text.find('>').unwrap_or(text.len())];
    for quote in ['"', '\''] {
        let key = format!(" {name}={quote}");
        if let Some(i) = tag.find(&key) {
            let rest = &tag[i + key.len()..];
            return rest.find(quote).map(|end| &rest[..end]);
        }
    }
    None
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

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn parse_tcx(text: &str) -> Result<Vec<Parsed>, Rejection> {
    let activities = blocks(text, "<Activity ");
    if activities.is_empty() {
        return Err(Rejection::Invalid("TCX file has no activities".into()));
    }
    Ok(activities
        .into_iter()
        .map(|a| {
            let start = element(a, "Id")
                .and_then(parse_time)
                .or_else(|| attribute(a, "StartTime").and_then(parse_time))
                .or_else(|| element(a, "Time").and_then(parse_time));
            let sport = attribute(a, "Sport").map(|s| match s {
                "Running" => "Run",
                "Biking" => "Ride",
                _ => "Other",
            });
            let mut distance = None;
            let mut elapsed = None;
            for lap in blocks(a, "<Lap") {
                // Lap totals come before the lap's track, whose points repeat DistanceMeters.
                let head = &lap[..lap.find("<Track").unwrap_or(lap.len())];
                if let Some(d) = element(head, "DistanceMeters").and_then(|v| v.parse::<f64>().ok())
                {
                    distance = Some(distance.unwrap_or(0.0) + d);
                }
                if let Some(t) =
                    element(head, "TotalTimeSeconds").and_then(|v| v.parse::<f64>().ok())
                {
                    elapsed = Some(elapsed.unwrap_or(0.0) + t);
                }
            }
            Parsed {
                start,
                sport,
                name: None,
                distance,
                elapsed,
            }
        })
        .collect())
}

fn parse_gpx(text: &str) -> Result<Vec<Parsed>, Rejection> {
    let mut tracks = blocks(text, "<trk>");
    tracks.extend(blocks(text, "<trk "));
    if tracks.is_empty() {
        return Err(Rejection::Invalid("GPX file has no tracks".into()));
    }
    tracks.sort_by_key(|t| t.as_ptr() as usize);
    // Two markers were searched separately: cut each track where the next one begins.
    let bounds: Vec<usize> = tracks
        .iter()
        .map(|t| t.as_ptr() as usize - text.as_ptr() as usize)
        .collect();
    let metadata_time = element(text, "time").and_then(parse_time);
    Ok(bounds
        .iter()
        .enumerate()
        .map(|(n, &s)| {
            let trk = &text[s..bounds.get(n + 1).copied().unwrap_or(text.len())];
            let head = &trk[..trk.find("<trkseg").unwrap_or(trk.len())];
            let name = element(head, "name")
                .map(unescape)
                .filter(|n| !n.is_empty());
            let sport = element(head, "type").map(|t| {
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
            let mut distance = 0.0;
            let mut last: Option<(f64, f64)> = None;
            let mut first_time = None;
            let mut last_time = None;
            for pt in blocks(trk, "<trkpt") {
                let lat = attribute(pt, "lat").and_then(|v| v.parse::<f64>().ok());
                let lon = attribute(pt, "lon").and_then(|v| v.parse::<f64>().ok());
                if let (Some(lat), Some(lon)) = (lat, lon) {
                    if let Some(prev) = last {
                        distance += haversine(prev, (lat, lon));
                    }
                    last = Some((lat, lon));
                }
                let body = &pt[..pt.find("</trkpt>").unwrap_or(pt.len())];
                if let Some(t) = element(body, "time").and_then(parse_time) {
                    first_time = first_time.or(Some(t));
                    last_time = Some(t);
                }
            }
            let elapsed = match (first_time, last_time) {
                (Some(a), Some(b)) => Some((b - a).num_seconds().max(0) as f64),
                _ => None,
            };
            Parsed {
                start: first_time
                    .or_else(|| element(trk, "time").and_then(parse_time))
                    .or(metadata_time),
                sport,
                name,
                distance: last.map(|_| distance),
                elapsed,
            }
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
        assert_eq!(i.activities[0].distance, Some(2000.0));
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
        let d = i.activities[0].distance.expect("distance");
        assert!((d - 1112.0).abs() < 5.0, "{d}");
        assert_eq!(i.activities[0].elapsed, Some(300.0));
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
}
