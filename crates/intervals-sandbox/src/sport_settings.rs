//! Sport settings as Intervals.icu shows them: one object per group of sports, the defaults every
//! simulated athlete starts with (the thresholds seeded and written workouts resolve with) with
//! the athlete's own changes laid over them.

use serde_json::{json, Map, Value};

use crate::athletes::{SportGroup, Thresholds, SPORT_GROUPS};
use crate::store::Stores;

/// Intervals.icu's default power zones: upper bounds in percent of FTP.
const POWER_ZONES: [u32; 7] = [55, 75, 90, 105, 120, 150, 999];
const POWER_ZONE_NAMES: [&str; 7] = [
    "Active Recovery",
    "Endurance",
    "Tempo",
    "Threshold",
    "VO2 Max",
    "Anaerobic",
    "Neuromuscular",
];
/// Friel's heart-rate zones: upper bounds in percent of LTHR (the last is the maximum).
const HR_ZONES_PCT_LTHR: [u32; 6] = [85, 90, 95, 100, 103, 106];
const HR_ZONE_NAMES: [&str; 7] = [
    "Recovery",
    "Aerobic",
    "Tempo",
    "SubThreshold",
    "SuperThreshold",
    "Aerobic Capacity",
    "Anaerobic",
];
/// Pace zones: bounds in percent of threshold pace (as a speed).
const PACE_ZONES: [f64; 7] = [77.5, 87.7, 94.3, 100.0, 103.4, 111.5, 999.0];
const PACE_ZONE_NAMES: [&str; 7] = [
    "Zone 1", "Zone 2", "Zone 3", "Zone 4", "Zone 5a", "Zone 5b", "Zone 5c",
];

fn defaults(athlete_id: &str, g: &SportGroup) -> Value {
    let t = g.thresholds;
    let mut hr_zones: Vec<u32> = HR_ZONES_PCT_LTHR
        .iter()
        .map(|p| (f64::from(t.lthr) * f64::from(*p) / 100.0).round() as u32)
        .collect();
    hr_zones.push(t.max_hr);
    json!({
        "id": g.id,
        "athlete_id": athlete_id,
        "types": g.types,
        "ftp": t.ftp,
        "indoor_ftp": t.ftp,
        "w_prime": 20000,
        "p_max": 900,
        "power_zones": POWER_ZONES,
        "power_zone_names": POWER_ZONE_NAMES,
        "sweet_spot_min": 84,
        "sweet_spot_max": 97,
        "lthr": t.lthr,
        "max_hr": t.max_hr,
        "hr_zones": hr_zones,
        "hr_zone_names": HR_ZONE_NAMES,
        "hr_load_type": "HRSS",
        "threshold_pace": t.threshold_pace,
        "pace_units": g.pace_units,
        "pace_zones": PACE_ZONES,
        "pace_zone_names": PACE_ZONE_NAMES,
        "pace_load_type": if g.pace_units == "SECS_100M" { "SWIM" } else { "RUN" },
        "warmup_time": 600,
        "cooldown_time": 600,
        "load_order": "POWER_HR_PACE",
        "workout_order": "POWER_HR_PACE",
        "other": false,
    })
}

/// Fields a `PUT` may change, and whether each is a number (else a list of numbers).
const WRITABLE: [(&str, bool); 14] = [
    ("ftp", true),
    ("indoor_ftp", true),
    ("w_prime", true),
    ("p_max", true),
    ("lthr", true),
    ("max_hr", true),
    ("threshold_pace", true),
    ("sweet_spot_min", true),
    ("sweet_spot_max", true),
    ("warmup_time", true),
    ("cooldown_time", true),
    ("power_zones", false),
    ("hr_zones", false),
    ("pace_zones", false),
];

/// One group as the athlete now has it.
pub(crate) fn group(stores: &Stores, athlete_id: &str, g: &SportGroup) -> Value {
    let mut v = defaults(athlete_id, g);
    if let Value::Object(m) = &mut v {
        m.extend(stores.settings.changed(athlete_id, g.id));
    }
    v
}

/// Every group, in `id` order.
pub(crate) fn all(stores: &Stores, athlete_id: &str) -> Vec<Value> {
    SPORT_GROUPS
        .iter()
        .map(|g| group(stores, athlete_id, g))
        .collect()
}

/// The group a path names: its `id`, or one of its sport types (`Ride`).
pub(crate) fn find(key: &str) -> Option<&'static SportGroup> {
    SPORT_GROUPS
        .iter()
        .find(|g| key.parse::<u32>().ok() == Some(g.id) || g.types.contains(&key))
}

/// Applies a `PUT` body: only writable fields given (not `null`) change; with `recalc_hr_zones`
/// a new `lthr` without `hr_zones` moves the zones with it. Answers the group as it now stands.
pub(crate) fn change(
    stores: &Stores,
    athlete_id: &str,
    g: &SportGroup,
    body: &Map<String, Value>,
    recalc_hr_zones: bool,
) -> Result<Value, String> {
    let mut fields = Map::new();
    for (name, scalar) in WRITABLE {
        match body.get(name) {
            None | Some(Value::Null) => {}
            Some(v @ Value::Number(_)) if scalar => {
                fields.insert(name.to_owned(), v.clone());
            }
            Some(Value::Array(items)) if !scalar && items.iter().all(Value::is_number) => {
                fields.insert(name.to_owned(), Value::Array(items.clone()));
            }
            Some(other) => {
                let want = if scalar {
                    "a number"
                } else {
                    "a list of numbers"
                };
                return Err(format!("{name} must be {want}, not {other}"));
            }
        }
    }
    if recalc_hr_zones && !fields.contains_key("hr_zones") {
        if let Some(lthr) = fields.get("lthr").and_then(Value::as_f64) {
            let max_hr = fields
                .get("max_hr")
                .and_then(Value::as_f64)
                .or_else(|| group(stores, athlete_id, g)["max_hr"].as_f64())
                .unwrap_or(lthr);
            let mut zones: Vec<Value> = HR_ZONES_PCT_LTHR
                .iter()
                .map(|p| json!((lthr * f64::from(*p) / 100.0).round() as u32))
                .collect();
            zones.push(json!(max_hr.round() as u32));
            fields.insert("hr_zones".into(), Value::Array(zones));
        }
    }
    stores.settings.change(athlete_id, g.id, fields);
    Ok(group(stores, athlete_id, g))
}

/// What a workout of `sport` resolves with for this athlete: the group's defaults with the
/// athlete's changed `ftp`, `lthr`, `max_hr` and `threshold_pace`.
pub(crate) fn thresholds(stores: &Stores, athlete_id: &str, sport: &str) -> Thresholds {
    let g = SPORT_GROUPS
        .iter()
        .find(|g| g.types.contains(&sport))
        .unwrap_or(&SPORT_GROUPS[0]);
    let mut t = g.thresholds;
    let changed = stores.settings.changed(athlete_id, g.id);
    let number = |key: &str| {
        changed
            .get(key)
            .and_then(Value::as_f64)
            .filter(|v| *v > 0.0)
    };
    let whole = |v: f64| v.round().clamp(1.0, f64::from(u32::MAX)) as u32;
    if let Some(v) = number("ftp") {
        t.ftp = whole(v);
    }
    if let Some(v) = number("lthr") {
        t.lthr = whole(v);
    }
    if let Some(v) = number("max_hr") {
        t.max_hr = whole(v);
    }
    if let Some(v) = number("threshold_pace") {
        t.threshold_pace = v;
    }
    t
}
