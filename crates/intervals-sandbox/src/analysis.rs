//! What Intervals.icu computes from an activity's recording: the summary figures (heart rate,
//! power, normalised power, cadence, calories, elevation, speed, load), the intervals (the
//! file's laps, else the efforts found in its power or heart rate), and the streams, all at one
//! sample a second, so stream indexes and interval `start_index`/`end_index` are seconds.

use serde_json::{json, Value};

use crate::athletes::{FTP_WATTS, LTHR_BPM};
use crate::files::track::{Sample, Track};

/// Above this speed (m/s) the athlete is moving.
const MOVING_SPEED: f64 = 0.3;
/// The per-second recording stops here (two days): a file whose times run for years must not
/// make the sandbox allocate for every second of them.
const MAX_SECONDS: u32 = 2 * 24 * 3600;
/// An effort lasts at least this long (s) above its threshold.
const MIN_EFFORT_SECS: usize = 60;

/// The summary figures of one activity.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Figures {
    pub moving_time: Option<u32>,
    pub max_speed: Option<f64>,
    pub average_heartrate: Option<u32>,
    pub max_heartrate: Option<u32>,
    pub average_watts: Option<u32>,
    pub max_watts: Option<u32>,
    pub weighted_average_watts: Option<u32>,
    pub joules: Option<u64>,
    pub average_cadence: Option<f64>,
    pub calories: Option<u32>,
    pub elevation_gain: Option<f64>,
    pub elevation_loss: Option<f64>,
    pub min_altitude: Option<f64>,
    pub max_altitude: Option<f64>,
    pub average_altitude: Option<f64>,
    pub laps: usize,
    pub stream_types: Vec<&'static str>,
    /// Normalised power over FTP, in percent.
    pub intensity: Option<f64>,
    pub training_load: u32,
}

/// The recording at one sample a second from 0 to the last sample: each second holds the last
/// sample at or before it (distance is interpolated between samples).
pub(crate) fn per_second(track: &Track) -> Vec<Sample> {
    let Some(last) = track.samples.last() else {
        return Vec::new();
    };
    let end = last.t.min(MAX_SECONDS) as usize;
    let mut out = Vec::with_capacity(end + 1);
    let mut i = 0;
    for t in 0..=end {
        let t32 = t as u32;
        while i + 1 < track.samples.len() && track.samples[i + 1].t <= t32 {
            i += 1;
        }
        let cur = track.samples[i];
        let mut s = Sample { t: t32, ..cur };
        if cur.t > t32 {
            // Before the first sample: nothing recorded yet.
            s = Sample {
                t: t32,
                ..Sample::default()
            };
        } else if let (Some(next), Some(d0)) = (track.samples.get(i + 1), cur.distance) {
            if let Some(d1) = next.distance {
                let span = f64::from(next.t - cur.t).max(1.0);
                s.distance = Some(d0 + (d1 - d0) * f64::from(t32 - cur.t) / span);
            }
        }
        out.push(s);
    }
    out
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u64), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Normalised power: the fourth-power mean of the 30-second rolling average.
fn normalised_power(watts: &[f64]) -> Option<f64> {
    if watts.is_empty() {
        return None;
    }
    let window = 30.min(watts.len());
    let mut sum: f64 = watts[..window].iter().sum();
    let mut fourth = Vec::with_capacity(watts.len());
    fourth.push((sum / window as f64).powi(4));
    for i in window..watts.len() {
        sum += watts[i] - watts[i - window];
        fourth.push((sum / window as f64).powi(4));
    }
    mean(fourth.into_iter()).map(|m| m.powf(0.25))
}

/// Elevation gained and lost, counting a change only once it passes a metre from the last
/// counted altitude, so that sensor noise does not add up.
fn climbing(altitudes: impl Iterator<Item = f64>) -> (f64, f64) {
    let (mut gain, mut loss) = (0.0, 0.0);
    let mut anchor: Option<f64> = None;
    for a in altitudes {
        match anchor {
            None => anchor = Some(a),
            Some(b) if a - b >= 1.0 => {
                gain += a - b;
                anchor = Some(a);
            }
            Some(b) if b - a >= 1.0 => {
                loss += b - a;
                anchor = Some(a);
            }
            _ => {}
        }
    }
    (gain, loss)
}

/// The figures of a stretch of the per-second recording.
struct Stretch {
    moving: u32,
    distance: Option<f64>,
    max_speed: Option<f64>,
    hr: Vec<f64>,
    watts: Vec<f64>,
    cadence: Vec<f64>,
    altitude: Vec<f64>,
}

fn stretch(secs: &[Sample]) -> Stretch {
    let mut moving = 0;
    let mut max_speed: Option<f64> = None;
    for pair in secs.windows(2) {
        match (pair[0].distance, pair[1].distance) {
            (Some(a), Some(b)) => {
                let v = b - a;
                if v > MOVING_SPEED {
                    moving += 1;
                }
                max_speed = Some(max_speed.map_or(v, |m: f64| m.max(v)));
            }
            _ => moving += 1,
        }
    }
    let first = secs.iter().find_map(|s| s.distance);
    let last = secs.iter().rev().find_map(|s| s.distance);
    Stretch {
        moving,
        distance: first.zip(last).map(|(a, b)| (b - a).max(0.0)),
        max_speed,
        hr: secs
            .iter()
            .filter_map(|s| s.heartrate)
            .map(f64::from)
            .collect(),
        watts: secs.iter().filter_map(|s| s.watts).map(f64::from).collect(),
        cadence: secs
            .iter()
            .filter_map(|s| s.cadence)
            .filter(|c| *c > 0)
            .map(f64::from)
            .collect(),
        altitude: secs.iter().filter_map(|s| s.altitude).collect(),
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

fn max_of(v: &[f64]) -> Option<f64> {
    v.iter().copied().reduce(f64::max)
}

fn min_of(v: &[f64]) -> Option<f64> {
    v.iter().copied().reduce(f64::min)
}

/// Training load: TSS from normalised power when there is power, else about 56 an hour.
fn load(secs: f64, np: Option<f64>) -> f64 {
    match np {
        Some(np) => {
            let factor = np / f64::from(FTP_WATTS);
            secs * np * factor / (f64::from(FTP_WATTS) * 3600.0) * 100.0
        }
        None => secs / 3600.0 * 56.0,
    }
}

/// The summary figures of a track whose elapsed time is `elapsed` seconds.
pub(crate) fn figures(track: &Track, elapsed: u32) -> Figures {
    let secs = per_second(track);
    let s = stretch(&secs);
    let np = normalised_power(&s.watts);
    let joules = (!s.watts.is_empty()).then(|| s.watts.iter().sum::<f64>().round() as u64);
    let avg_hr = mean(s.hr.iter().copied());
    let (gain, loss) = climbing(s.altitude.iter().copied());
    let calories = track.calories.or_else(|| {
        // About one kilocalorie per kilojoule of work; else Keytel's estimate from heart rate.
        joules
            .map(|j| (j as f64 / 1000.0).round() as u32)
            .or_else(|| {
                avg_hr.map(|hr| {
                    let per_min = (-55.0969 + 0.6309 * hr + 0.1988 * 70.0 + 0.2017 * 35.0) / 4.184;
                    (per_min.max(0.0) * f64::from(elapsed) / 60.0).round() as u32
                })
            })
    });
    let mut stream_types = Vec::new();
    if !secs.is_empty() {
        stream_types.push("time");
    }
    for (name, present) in [
        ("watts", !s.watts.is_empty()),
        ("heartrate", !s.hr.is_empty()),
        ("cadence", !s.cadence.is_empty()),
        ("distance", secs.iter().any(|x| x.distance.is_some())),
        ("altitude", !s.altitude.is_empty()),
        ("latlng", secs.iter().any(|x| x.lat.is_some())),
        ("velocity_smooth", secs.iter().any(|x| x.distance.is_some())),
    ] {
        if present {
            stream_types.push(name);
        }
    }
    Figures {
        // A recording of one sample says nothing about movement.
        moving_time: (secs.len() >= 2).then_some(s.moving.min(elapsed.max(1))),
        max_speed: s.max_speed.map(round3),
        average_heartrate: avg_hr.map(|v| v.round() as u32),
        max_heartrate: max_of(&s.hr).map(|v| v as u32),
        average_watts: mean(s.watts.iter().copied()).map(|v| v.round() as u32),
        max_watts: max_of(&s.watts).map(|v| v as u32),
        weighted_average_watts: np.map(|v| v.round() as u32),
        joules,
        average_cadence: mean(s.cadence.iter().copied()).map(round1),
        calories,
        elevation_gain: (!s.altitude.is_empty()).then(|| round1(gain)),
        elevation_loss: (!s.altitude.is_empty()).then(|| round1(loss)),
        min_altitude: min_of(&s.altitude).map(round1),
        max_altitude: max_of(&s.altitude).map(round1),
        average_altitude: mean(s.altitude.iter().copied()).map(round1),
        laps: track.laps.len().max(1),
        stream_types,
        intensity: np.map(|v| round1(v / f64::from(FTP_WATTS) * 100.0)),
        training_load: load(f64::from(elapsed), np).round() as u32,
    }
}

/// `(start, end, work)` in seconds: the file's laps when it has two or more; else the efforts
/// in its power (or, without power, heart rate): at least a minute with the 30-second average
/// above 85 % of FTP (90 % of LTHR), with the stretches between as recoveries; else the whole
/// activity as one.
fn segments(track: &Track, secs: &[Sample], elapsed: u32) -> Vec<(u32, u32, Option<bool>)> {
    if track.laps.len() >= 2 {
        return track.laps.iter().map(|l| (l.start, l.end, None)).collect();
    }
    let watts: Vec<Option<f64>> = secs.iter().map(|s| s.watts.map(f64::from)).collect();
    let hr: Vec<Option<f64>> = secs.iter().map(|s| s.heartrate.map(f64::from)).collect();
    let (series, threshold) = if watts.iter().any(Option::is_some) {
        (watts, 0.85 * f64::from(FTP_WATTS))
    } else if hr.iter().any(Option::is_some) {
        (hr, 0.9 * f64::from(LTHR_BPM))
    } else {
        return vec![(0, elapsed, None)];
    };
    let values: Vec<f64> = series.iter().map(|v| v.unwrap_or(0.0)).collect();
    let mut above = Vec::with_capacity(values.len());
    let mut sum = 0.0;
    for (i, v) in values.iter().enumerate() {
        sum += v;
        if i >= 30 {
            sum -= values[i - 30];
        }
        let n = (i + 1).min(30) as f64;
        above.push(sum / n >= threshold);
    }
    // Runs of seconds above the threshold, long enough to count, in time order.
    let mut efforts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < above.len() {
        if above[i] {
            let start = i;
            while i < above.len() && above[i] {
                i += 1;
            }
            // The rolling average lags the effort by up to half its window.
            let start = start.saturating_sub(15);
            if i - start >= MIN_EFFORT_SECS {
                efforts.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    if efforts.is_empty() {
        return vec![(0, elapsed, None)];
    }
    let mut out = Vec::new();
    let mut at = 0usize;
    for (a, b) in efforts {
        let a = a.max(at);
        if a > at {
            out.push((at as u32, a as u32, Some(false)));
        }
        out.push((a as u32, b as u32, Some(true)));
        at = b;
    }
    let end = (elapsed as usize).max(at);
    if end > at {
        out.push((at as u32, end as u32, Some(false)));
    }
    out
}

/// `icu_intervals`: each segment's figures from the samples inside it (`null` where the file
/// has no such data).
pub(crate) fn intervals(track: &Track, elapsed: u32) -> Vec<Value> {
    let secs = per_second(track);
    segments(track, &secs, elapsed)
        .into_iter()
        .enumerate()
        .map(|(n, (a, b, work))| {
            // Half-open, so a lap's last second is the next one's first.
            let end = (b.max(a.saturating_add(1)) as usize).min(secs.len());
            let inside: &[Sample] = secs.get(a as usize..end).unwrap_or_default();
            let s = stretch(inside);
            let length = b.saturating_sub(a);
            let np = normalised_power(&s.watts);
            let avg_w = mean(s.watts.iter().copied());
            let avg_hr = mean(s.hr.iter().copied());
            let work = work.unwrap_or_else(|| match (avg_w, avg_hr) {
                (Some(w), _) => w >= 0.75 * f64::from(FTP_WATTS),
                (None, Some(hr)) => hr >= 0.88 * f64::from(LTHR_BPM),
                _ => true,
            });
            let (gain, _) = climbing(s.altitude.iter().copied());
            let label = if track.laps.len() >= 2 {
                format!("Lap {}", n + 1)
            } else if work {
                "Effort".to_owned()
            } else {
                "Recovery".to_owned()
            };
            json!({
                "id": n + 1,
                "type": if work { "WORK" } else { "RECOVERY" },
                "label": label,
                "start_index": a,
                "end_index": b,
                "start_time": a,
                "end_time": b,
                "moving_time": if inside.is_empty() { length } else { s.moving.min(length) },
                "elapsed_time": length,
                "distance": s.distance.map(round1),
                "average_speed": s.distance.filter(|_| length > 0).map(|d| round3(d / f64::from(length))),
                "max_speed": s.max_speed.map(round3),
                "average_watts": avg_w.map(|v| v.round() as u32),
                "min_watts": min_of(&s.watts).map(|v| v as u32),
                "max_watts": max_of(&s.watts).map(|v| v as u32),
                "weighted_average_watts": np.map(|v| v.round() as u32),
                "intensity": np.map(|v| (v / f64::from(FTP_WATTS) * 100.0).round() as u32),
                "training_load": np.map(|v| round1(load(f64::from(length), Some(v)))),
                "joules": (!s.watts.is_empty()).then(|| s.watts.iter().sum::<f64>().round() as u64),
                "average_heartrate": avg_hr.map(|v| v.round() as u32),
                "min_heartrate": min_of(&s.hr).map(|v| v as u32),
                "max_heartrate": max_of(&s.hr).map(|v| v as u32),
                "average_cadence": mean(s.cadence.iter().copied()).map(round1),
                "min_cadence": min_of(&s.cadence).map(|v| v as u32),
                "max_cadence": max_of(&s.cadence).map(|v| v as u32),
                "total_elevation_gain": (!s.altitude.is_empty()).then(|| round1(gain)),
                "min_altitude": min_of(&s.altitude).map(round1),
                "max_altitude": max_of(&s.altitude).map(round1),
                "group_id": null,
            })
        })
        .collect()
}

/// The stream types the sandbox offers, in the order it lists them.
pub(crate) const STREAM_TYPES: [&str; 8] = [
    "time",
    "watts",
    "heartrate",
    "cadence",
    "distance",
    "altitude",
    "latlng",
    "velocity_smooth",
];

/// One stream's per-second values (`latlng`: latitudes, with longitudes as the second series);
/// `None` when the recording has none of it.
fn stream_values(secs: &[Sample], kind: &str) -> Option<(Vec<Value>, Option<Vec<Value>>)> {
    let opt = |v: Option<f64>| v.map_or(Value::Null, |x| json!(x));
    let values: Vec<Value> = match kind {
        "time" => secs.iter().map(|s| json!(s.t)).collect(),
        "watts" => secs.iter().map(|s| json!(s.watts)).collect(),
        "heartrate" => secs.iter().map(|s| json!(s.heartrate)).collect(),
        "cadence" => secs.iter().map(|s| json!(s.cadence)).collect(),
        "distance" => secs.iter().map(|s| opt(s.distance.map(round1))).collect(),
        "altitude" => secs.iter().map(|s| opt(s.altitude.map(round1))).collect(),
        "latlng" => secs.iter().map(|s| opt(s.lat)).collect(),
        "velocity_smooth" => {
            let d: Vec<Option<f64>> = secs.iter().map(|s| s.distance).collect();
            (0..secs.len())
                .map(|i| {
                    // Speed over the five seconds around each one.
                    let a = i.saturating_sub(2);
                    let b = (i + 2).min(secs.len().saturating_sub(1));
                    match (d[a], d[b]) {
                        (Some(x), Some(y)) if b > a => json!(round3((y - x) / (b - a) as f64)),
                        _ => Value::Null,
                    }
                })
                .collect()
        }
        _ => return None,
    };
    if values.iter().all(Value::is_null) || values.is_empty() {
        return None;
    }
    let second = (kind == "latlng").then(|| {
        secs.iter()
            .map(|s| s.lng.map_or(Value::Null, |x| json!(x)))
            .collect()
    });
    Some((values, second))
}

/// `GET /activity/{id}/streams`: the requested types (all the recording has when none are
/// named), each `{"type","name","data","data2","valueTypeIsArray","anomalies","custom",
/// "allNull"}`; types the recording lacks are left out.
pub(crate) fn streams(track: &Track, types: &[String]) -> Vec<Value> {
    let secs = per_second(track);
    let wanted: Vec<&str> = if types.is_empty() {
        STREAM_TYPES.to_vec()
    } else {
        types.iter().map(String::as_str).collect()
    };
    wanted
        .into_iter()
        .filter_map(|kind| {
            let (data, data2) = stream_values(&secs, kind)?;
            Some(json!({
                "type": kind,
                "name": null,
                "data": data,
                "data2": data2,
                "valueTypeIsArray": false,
                "anomalies": null,
                "custom": false,
                "allNull": false,
            }))
        })
        .collect()
}

/// `GET /activity/{id}/streams.csv`: one row a second, a column per stream the recording has
/// (`latlng` as `lat` and `lng`).
pub(crate) fn streams_csv(track: &Track, types: &[String]) -> String {
    let secs = per_second(track);
    let wanted: Vec<&str> = if types.is_empty() {
        STREAM_TYPES.to_vec()
    } else {
        types.iter().map(String::as_str).collect()
    };
    let mut columns: Vec<(String, Vec<Value>)> = Vec::new();
    for kind in wanted {
        if let Some((data, data2)) = stream_values(&secs, kind) {
            match data2 {
                Some(lng) => {
                    columns.push(("lat".into(), data));
                    columns.push(("lng".into(), lng));
                }
                None => columns.push((kind.to_owned(), data)),
            }
        }
    }
    let mut out = columns
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for i in 0..secs.len() {
        let row: Vec<String> = columns
            .iter()
            .map(|(_, v)| match &v[i] {
                Value::Null => String::new(),
                other => other.to_string(),
            })
            .collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::track::Lap;

    /// Ten minutes easy, five hard, ten easy, one sample every five seconds.
    fn ride() -> Track {
        let samples = (0..=1500)
            .step_by(5)
            .map(|t| {
                let hard = (600..900).contains(&t);
                Sample {
                    t,
                    distance: Some(f64::from(t) * 8.0),
                    altitude: Some(100.0 + f64::from(t % 300) / 10.0),
                    heartrate: Some(if hard { 165 } else { 120 }),
                    cadence: Some(90),
                    watts: Some(if hard { 300 } else { 150 }),
                    lat: None,
                    lng: None,
                }
            })
            .collect();
        Track {
            samples,
            ..Track::default()
        }
    }

    #[test]
    fn figures_come_from_the_samples() {
        let f = figures(&ride(), 1500);
        assert_eq!(f.max_heartrate, Some(165));
        assert_eq!(f.max_watts, Some(300));
        // 300 s at 300 W and the rest at 150 W.
        assert_eq!(f.average_watts, Some(180));
        assert!(f.weighted_average_watts.unwrap() > 180);
        assert_eq!(f.average_cadence, Some(90.0));
        assert_eq!(f.moving_time, Some(1500));
        assert_eq!(f.max_speed, Some(8.0));
        assert!(f.elevation_gain.unwrap() > 100.0);
        assert_eq!(f.min_altitude, Some(100.0));
        // About a kilocalorie per kilojoule.
        assert_eq!(f.calories, Some(270));
        assert!(f.stream_types.contains(&"watts"));
        assert!(!f.stream_types.contains(&"latlng"));
    }

    #[test]
    fn efforts_are_found_in_power_and_laps_win() {
        let t = ride();
        let list = intervals(&t, 1500);
        let kinds: Vec<&str> = list.iter().map(|i| i["type"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["RECOVERY", "WORK", "RECOVERY"]);
        let effort = &list[1];
        let start = effort["start_index"].as_u64().unwrap();
        assert!((585..=615).contains(&start), "{start}");
        assert!(effort["average_watts"].as_u64().unwrap() > 250);
        assert_eq!(effort["max_heartrate"], 165);
        assert_eq!(list[2]["end_index"], 1500);
        let with_laps = Track {
            laps: vec![
                Lap { start: 0, end: 600 },
                Lap {
                    start: 600,
                    end: 900,
                },
                Lap {
                    start: 900,
                    end: 1500,
                },
            ],
            ..t
        };
        let list = intervals(&with_laps, 1500);
        assert_eq!(list.len(), 3);
        assert_eq!(list[1]["start_index"], 600);
        assert_eq!(list[1]["average_watts"], 300);
        assert_eq!(list[1]["type"], "WORK");
        assert_eq!(list[0]["type"], "RECOVERY");
        assert_eq!(list[1]["label"], "Lap 2");
        let empty = intervals(&Track::default(), 1800);
        assert_eq!(empty.len(), 1);
        assert_eq!(empty[0]["end_index"], 1800);
        assert_eq!(empty[0]["average_watts"], Value::Null);
    }

    #[test]
    fn a_recording_spanning_years_is_cut_at_two_days() {
        let odd = Track {
            samples: vec![
                Sample {
                    t: 0,
                    heartrate: Some(100),
                    ..Sample::default()
                },
                Sample {
                    t: 4 * 365 * 24 * 3600,
                    heartrate: Some(110),
                    ..Sample::default()
                },
            ],
            ..Track::default()
        };
        assert_eq!(per_second(&odd).len(), MAX_SECONDS as usize + 1);
        assert_eq!(intervals(&odd, u32::MAX).len(), 1);
    }

    #[test]
    fn streams_are_per_second() {
        let s = streams(&ride(), &[]);
        let kinds: Vec<&str> = s.iter().map(|x| x["type"].as_str().unwrap()).collect();
        assert_eq!(
            kinds,
            [
                "time",
                "watts",
                "heartrate",
                "cadence",
                "distance",
                "altitude",
                "velocity_smooth"
            ]
        );
        assert_eq!(s[0]["data"].as_array().unwrap().len(), 1501);
        assert_eq!(s[4]["data"][3], 24.0, "distance interpolates");
        let only = streams(&ride(), &["heartrate".into(), "latlng".into()]);
        assert_eq!(only.len(), 1);
        let csv = streams_csv(&ride(), &["time".into(), "watts".into()]);
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("time,watts"));
        assert_eq!(lines.next(), Some("0,150"));
        assert_eq!(csv.lines().count(), 1502);
    }
}
