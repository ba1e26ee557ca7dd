//! `/v1/users/{user_id}/sport-settings`: the athlete's thresholds and zones per sport, what a
//! partner needs to build or show a workout.

use actix_web::get;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::context::{upstream_failed, user_ctx};
use super::{State, TenantAuth};
use crate::web::cached::{self, Served};
use crate::web::errors::AppError;

/// One group of sports that share thresholds and zones (Intervals.icu's `SportSettings`, the
/// fields a partner needs). Units as Intervals.icu keeps them: watts, bpm, metres per second.
#[derive(Debug, Serialize, ToSchema)]
pub struct SportSettings {
    /// The activity types these settings apply to, e.g. `["Ride", "VirtualRide"]`.
    pub types: Vec<String>,
    /// Functional threshold power, watts.
    pub ftp: Option<f64>,
    /// FTP for indoor rides, watts.
    pub indoor_ftp: Option<f64>,
    /// W′, joules.
    pub w_prime: Option<f64>,
    /// Threshold heart rate, bpm.
    pub lthr: Option<f64>,
    pub max_hr: Option<f64>,
    /// Threshold pace, metres per second.
    pub threshold_pace: Option<f64>,
    /// How Intervals.icu shows pace for this sport, e.g. `MINS_KM`.
    pub pace_units: Option<String>,
    /// Upper bounds of the power zones, percent of FTP.
    pub power_zones: Option<Vec<f64>>,
    pub power_zone_names: Option<Vec<String>>,
    /// Upper bounds of the heart-rate zones, bpm.
    pub hr_zones: Option<Vec<f64>>,
    pub hr_zone_names: Option<Vec<String>>,
    /// Upper bounds of the pace zones, percent of threshold pace.
    pub pace_zones: Option<Vec<f64>>,
    pub pace_zone_names: Option<Vec<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [{
    "types": ["Ride", "VirtualRide", "GravelRide", "MountainBikeRide", "EBikeRide", "TrackRide"],
    "ftp": 250.0, "indoor_ftp": 240.0, "w_prime": 20000.0, "lthr": 170.0, "max_hr": 190.0,
    "threshold_pace": null, "pace_units": null,
    "power_zones": [55.0, 75.0, 90.0, 105.0, 120.0, 150.0, 999.0],
    "power_zone_names": ["Active Recovery", "Endurance", "Tempo", "Threshold", "VO2 Max", "Anaerobic", "Neuromuscular"],
    "hr_zones": [145.0, 153.0, 162.0, 170.0, 175.0, 180.0, 190.0],
    "hr_zone_names": ["Recovery", "Aerobic", "Tempo", "SubThreshold", "SuperThreshold", "Aerobic Capacity", "Anaerobic"],
    "pace_zones": null, "pace_zone_names": null
}, {
    "types": ["Run", "VirtualRun", "TrailRun"],
    "ftp": null, "indoor_ftp": null, "w_prime": null, "lthr": 170.0, "max_hr": 190.0,
    "threshold_pace": 3.7037, "pace_units": "MINS_KM",
    "power_zones": null, "power_zone_names": null,
    "hr_zones": [145.0, 153.0, 162.0, 170.0, 175.0, 180.0, 190.0],
    "hr_zone_names": ["Recovery", "Aerobic", "Tempo", "SubThreshold", "SuperThreshold", "Aerobic Capacity", "Anaerobic"],
    "pace_zones": [77.5, 87.7, 94.3, 100.0, 103.4, 111.5, 999.0],
    "pace_zone_names": ["Zone 1", "Zone 2", "Zone 3", "Zone 4", "Zone 5a", "Zone 5b", "Zone 5c"]
}]}))]
pub struct SportSettingsList {
    /// One entry per group of sports.
    pub data: Vec<SportSettings>,
}

fn number(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64)
}

fn numbers(v: &Value, key: &str) -> Option<Vec<f64>> {
    v.get(key)?.as_array()?.iter().map(Value::as_f64).collect()
}

fn strings(v: &Value, key: &str) -> Option<Vec<String>> {
    v.get(key)?
        .as_array()?
        .iter()
        .map(|s| s.as_str().map(str::to_owned))
        .collect()
}

/// Intervals.icu's object, cut down to the documented fields.
pub fn view(v: &Value) -> SportSettings {
    SportSettings {
        types: strings(v, "types").unwrap_or_default(),
        ftp: number(v, "ftp"),
        indoor_ftp: number(v, "indoor_ftp"),
        w_prime: number(v, "w_prime"),
        lthr: number(v, "lthr"),
        max_hr: number(v, "max_hr"),
        threshold_pace: number(v, "threshold_pace"),
        pace_units: v
            .get("pace_units")
            .and_then(Value::as_str)
            .map(str::to_owned),
        power_zones: numbers(v, "power_zones"),
        power_zone_names: strings(v, "power_zone_names"),
        hr_zones: numbers(v, "hr_zones"),
        hr_zone_names: strings(v, "hr_zone_names"),
        pace_zones: numbers(v, "pace_zones"),
        pace_zone_names: strings(v, "pace_zone_names"),
    }
}

/// Get the athlete's sport settings
///
/// Thresholds and zones per group of sports, as Intervals.icu keeps them (FTP and W′ in watts
/// and joules, heart rates in bpm, threshold pace in metres per second; zone bounds as listed
/// per field). Needs `SETTINGS:READ`.
#[utoipa::path(
    operation_id = "list_sport_settings",
    tag = "sport-settings",
    params(("user_id" = String, Path, description = "The partner's id for its user")),
    responses(
        (status = 200, body = SportSettingsList, description = "One entry per group of sports"),
        (status = 403, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`missing-scope`: the user has not granted SETTINGS:READ. `upstream-forbidden`: Intervals.icu denied access."),
        crate::web::errors::NoUserProblem,
        (status = 422, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`upstream-rejected`: Intervals.icu refused the request (its message is in `detail`)."),
        crate::web::errors::UpstreamProblems,
    ),
    security(("bearer" = []))
)]
#[get("/users/{user_id}/sport-settings")]
pub async fn list(
    req: HttpRequest,
    state: State,
    TenantAuth(tenant): TenantAuth,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user_id = path.into_inner();
    let ctx = user_ctx(&state, &tenant.id, &user_id, "SETTINGS:READ").await?;
    let answer = match state
        .intervals
        .sport_settings(
            &ctx.access_token,
            ctx.athlete_id(),
            &cached::caller(&req, &tenant.id),
        )
        .await
    {
        Ok(v) => v,
        Err(e) => return Err(upstream_failed(&state, &ctx, e).await),
    };
    let value: Value = answer.json()?;
    let data = value.as_array().into_iter().flatten().map(view).collect();
    Ok(cached::value(
        &req,
        &Served::from(&answer),
        &SportSettingsList { data },
    ))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn keeps_the_documented_fields_and_their_types() {
        let s = super::view(&json!({
            "id": 7, "athlete_id": "i1", "types": ["Ride", "VirtualRide"], "ftp": 250,
            "indoor_ftp": 240, "lthr": 165, "max_hr": 190, "power_zones": [55, 75, 90],
            "power_zone_names": ["Z1", "Z2", "Z3"], "hr_zones": [130, 150], "threshold_pace": null,
            "ftp_est_min_secs": 300
        }));
        assert_eq!(s.types, ["Ride", "VirtualRide"]);
        assert_eq!(s.ftp, Some(250.0));
        assert_eq!(s.indoor_ftp, Some(240.0));
        assert_eq!(s.power_zones, Some(vec![55.0, 75.0, 90.0]));
        assert_eq!(s.hr_zones, Some(vec![130.0, 150.0]));
        assert_eq!(s.threshold_pace, None);
        assert_eq!(s.pace_zones, None);
    }
}
