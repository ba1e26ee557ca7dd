//! `GET /api/v1/athlete/{athleteId}/sport-settings`: one object per group of sports, built from
//! the same thresholds that written and seeded workouts resolve with.

use actix_web::{HttpRequest, HttpResponse};
use serde_json::{json, Value};

use crate::athletes::{SportGroup, SPORT_GROUPS};
use crate::auth::athlete_grant;
use crate::scope::Access;

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

fn settings(athlete_id: &str, g: &SportGroup) -> Value {
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

/// Every group of the athlete's sport settings (`SETTINGS:READ`).
pub(crate) async fn list(req: HttpRequest) -> HttpResponse {
    let athlete = match athlete_grant(&req, "SETTINGS", Access::Read) {
        Ok((_, a)) => a,
        Err(res) => return res,
    };
    let body: Vec<Value> = SPORT_GROUPS.iter().map(|s| settings(&athlete, s)).collect();
    HttpResponse::Ok().json(body)
}
