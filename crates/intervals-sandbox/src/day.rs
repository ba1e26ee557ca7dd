//! The athlete day: simulated athletes who, on their own, record activities (their device
//! uploads a FIT file), enter wellness (weight, resting heart rate, HRV, sleep) and edit their
//! calendar, each change announced by the webhooks Intervals.icu would send (ACTIVITY_UPLOADED
//! then ACTIVITY_ANALYZED, WELLNESS_UPDATED, CALENDAR_UPDATED).
//!
//! A change's contents depend only on the seed, the athlete, the area and the change's sequence
//! number in that area, and the scheduler's plan only on its configuration, so a run can be
//! repeated. Dates are real ones: an activity ends now, wellness is today's record, calendar
//! edits fall within the next two weeks.

use std::time::Duration;

use chrono::{Duration as Days, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::athletes::{FTP_WATTS, LTHR_BPM};
use crate::dates::{fmt_date, fmt_local};
use crate::files::activity;
use crate::files::track::{self, Lap, Sample, Track};
use crate::outbox::{dispatch, Outgoing, Route};
use crate::store::wellness::parse_record;
use crate::store::Shared;
use crate::uploads::{self, Details, Outcome};

const SECS_PER_DAY: f64 = 86_400.0;
/// Recorded every five seconds, as a device's smart recording does: long rides stay small.
const RECORDING_STEP: u32 = 5;
/// Calendar edits fall on one of the next this many days.
const CALENDAR_DAYS: i64 = 14;

/// What a simulated athlete changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    Activities,
    Wellness,
    Calendar,
}

impl Area {
    pub const ALL: [Area; 3] = [Area::Activities, Area::Wellness, Area::Calendar];

    pub fn name(self) -> &'static str {
        match self {
            Area::Activities => "activities",
            Area::Wellness => "wellness",
            Area::Calendar => "calendar",
        }
    }

    pub fn parse(s: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.name() == s)
    }

    fn index(self) -> usize {
        match self {
            Area::Activities => 0,
            Area::Wellness => 1,
            Area::Calendar => 2,
        }
    }
}

/// How the athletes' day runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayConfig {
    /// Changes per athlete per simulated day (a fraction is a chance of one more each day).
    pub changes_per_day: f64,
    /// Simulated seconds per real second: 1 is real time, 1440 a day in a minute.
    #[serde(default = "one")]
    pub speed: f64,
    /// Decides when changes happen, in which area and what they contain.
    #[serde(default)]
    pub seed: u64,
    /// The athletes who take part; empty: every athlete the sandbox knows when the day starts.
    #[serde(default)]
    pub athletes: Vec<String>,
    /// The areas changed; empty: all three.
    #[serde(default)]
    pub areas: Vec<Area>,
    /// Stop after this many simulated days; `None`: run until stopped.
    #[serde(default)]
    pub days: Option<u32>,
}

fn one() -> f64 {
    1.0
}

impl DayConfig {
    fn check(&self) -> Result<(), String> {
        if !self.changes_per_day.is_finite() || self.changes_per_day < 0.0 {
            return Err("changes_per_day must be a number >= 0".into());
        }
        if !self.speed.is_finite() || self.speed <= 0.0 {
            return Err("speed must be a number > 0".into());
        }
        Ok(())
    }

    fn areas(&self) -> Vec<Area> {
        if self.areas.is_empty() {
            Area::ALL.to_vec()
        } else {
            self.areas.clone()
        }
    }
}

/// One planned change: when (simulated seconds from the start of the run), who, what.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Planned {
    pub at_secs: f64,
    pub athlete_id: String,
    pub area: Area,
}

/// The changes of simulated day `day` (0 for the first) for `athletes`, in time order; the same
/// configuration always gives the same plan.
pub fn plan(config: &DayConfig, athletes: &[String], day: u32) -> Vec<Planned> {
    let areas = config.areas();
    let mut rng = StdRng::seed_from_u64(mix(config.seed, &format!("plan/{day}")));
    let whole = config.changes_per_day.floor();
    let extra = config.changes_per_day - whole;
    let mut out = Vec::new();
    for athlete in athletes {
        let mut n = whole as u64;
        if rng.gen::<f64>() < extra {
            n += 1;
        }
        for _ in 0..n {
            let at = rng.gen_range(0.0..SECS_PER_DAY);
            let area = areas[rng.gen_range(0..areas.len())];
            out.push(Planned {
                at_secs: f64::from(day) * SECS_PER_DAY + at,
                athlete_id: athlete.clone(),
                area,
            });
        }
    }
    out.sort_by(|a, b| a.at_secs.total_cmp(&b.at_secs));
    out
}

/// One change made: who, what, its sequence number in that area (0 for the first), the
/// webhooks it sent, and what changed (`activity`, `record` or `events`/`deleted_events`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub athlete_id: String,
    pub area: Area,
    pub sequence: u64,
    pub webhooks: Vec<String>,
    pub detail: Value,
}

/// A stable 64-bit seed from the run's seed and a label.
fn mix(seed: u64, label: &str) -> u64 {
    let digest = Sha256::digest(format!("{seed}/{label}").as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_le_bytes(first)
}

/// Makes one change now and hands its webhooks to the outbox before answering. The webhooks
/// need a Tokio runtime to be delivered on (the sandbox server's, or the caller's).
pub(crate) fn change(stores: &Shared, athlete_id: &str, area: Area) -> Result<Change, String> {
    if !stores.grants.knows_athlete(athlete_id) {
        return Err(format!("No simulated athlete {athlete_id}"));
    }
    let sequence = stores.day.next_sequence(athlete_id, area.index());
    let mut rng = StdRng::seed_from_u64(mix(
        stores.day.seed(),
        &format!("{athlete_id}/{}/{sequence}", area.name()),
    ));
    let (outgoing, detail) = match area {
        Area::Activities => record_activity(stores, athlete_id, sequence, &mut rng)?,
        Area::Wellness => enter_wellness(stores, athlete_id, &mut rng)?,
        Area::Calendar => edit_calendar(stores, athlete_id, sequence, &mut rng)?,
    };
    let sequence = stores.day.count(athlete_id, area.index());
    let webhooks = outgoing.iter().map(|o| o.kind.clone()).collect();
    for out in outgoing {
        dispatch(stores, out);
    }
    Ok(Change {
        athlete_id: athlete_id.to_owned(),
        area,
        sequence,
        webhooks,
        detail,
    })
}

type Made = (Vec<Outgoing>, Value);

/// A ride or run recorded by the athlete's device: warm-up, efforts with recoveries, cool-down,
/// one lap each, with power (rides), heart rate that follows the effort, cadence, distance and a
/// rolling altitude. It ends now.
fn record_activity(
    stores: &Shared,
    athlete_id: &str,
    sequence: u64,
    rng: &mut StdRng,
) -> Result<Made, String> {
    let ride = rng.gen_bool(0.7);
    let sport = if ride { "Ride" } else { "Run" };
    let warmup = 600u32;
    let efforts = rng.gen_range(3u32..=6);
    let effort = 60 * rng.gen_range(2u32..=8);
    let cooldown = 300 + 60 * rng.gen_range(0u32..=10);
    let total = warmup + efforts * effort * 2 + cooldown;
    let mut segments = vec![(0, warmup, 0.6)];
    let mut t = warmup;
    for _ in 0..efforts {
        let hard = rng.gen_range(0.95..1.15);
        segments.push((t, t + effort, hard));
        segments.push((t + effort, t + 2 * effort, rng.gen_range(0.5..0.6)));
        t += 2 * effort;
    }
    segments.push((t, total, 0.55));
    let start = Utc::now() - Days::seconds(i64::from(total));
    let mut samples = Vec::new();
    let (mut distance, mut hr) = (0.0f64, 95.0f64);
    let mut t = 0;
    while t <= total {
        let intensity = segments
            .iter()
            .find(|(a, b, _)| t >= *a && t < *b)
            .map_or(0.55, |s| s.2);
        let noise: f64 = rng.gen_range(-0.05..0.05);
        let effort_now = (intensity * (1.0 + noise)).max(0.1);
        // Heart rate drifts towards what the effort asks, a little behind it.
        let target_hr = f64::from(LTHR_BPM) * (0.62 + 0.38 * effort_now.min(1.2));
        hr += (target_hr - hr) * 0.15;
        let speed = if ride {
            8.0 * effort_now.sqrt().max(0.5)
        } else {
            3.7 * effort_now.max(0.5)
        };
        if t > 0 {
            distance += speed * f64::from(RECORDING_STEP);
        }
        samples.push(Sample {
            t,
            distance: Some(distance),
            altitude: Some(120.0 + 25.0 * (f64::from(t) / 700.0).sin()),
            heartrate: Some(hr.round().clamp(60.0, 200.0) as u8),
            cadence: Some(if ride {
                rng.gen_range(84..96)
            } else {
                rng.gen_range(84..92)
            }),
            watts: ride.then(|| (f64::from(FTP_WATTS) * effort_now).round() as u16),
            lat: None,
            lng: None,
        });
        t += RECORDING_STEP;
    }
    let track = Track {
        start: Some(start),
        sport: Some(sport),
        samples,
        laps: segments
            .iter()
            .map(|&(start, end, _)| Lap { start, end })
            .collect(),
        ..Track::default()
    };
    let serial = u32::try_from(mix(sequence, athlete_id) % u64::from(u32::MAX)).unwrap_or(1);
    let bytes = track::to_fit(&track, serial);
    let inspected = activity::inspect(&bytes, u64::MAX).map_err(|e| format!("{e:?}"))?;
    let details = Details {
        device_name: Some("Sandbox Edge".into()),
        ..Details::default()
    };
    let new = match uploads::keep(stores, athlete_id, bytes, inspected, details) {
        Outcome::New(new) => new,
        Outcome::Duplicate(ids) => {
            return Err(format!("recorded the same file twice: {}", ids.join(",")))
        }
    };
    let outgoing = uploads::announce_new(stores, athlete_id, &new);
    let detail = json!({"activity": new.first().map(uploads::summary)});
    Ok((outgoing, detail))
}

/// Today's record: weight, resting heart rate, HRV, sleep and steps as a watch or scale sends
/// them.
fn enter_wellness(stores: &Shared, athlete_id: &str, rng: &mut StdRng) -> Result<Made, String> {
    let today = fmt_date(Utc::now().date_naive());
    let record = json!({
        "id": today,
        "weight": (rng.gen_range(68.0..74.0f64) * 10.0).round() / 10.0,
        "restingHR": rng.gen_range(44..56),
        "hrv": rng.gen_range(45..90),
        "sleepSecs": 60 * rng.gen_range(360..540),
        "sleepScore": rng.gen_range(55..95),
        "steps": rng.gen_range(3000..16000),
    });
    let update = parse_record(&record, None)?;
    let loads = stores.activities.daily_loads(athlete_id);
    let records = stores.wellness.write_own(athlete_id, vec![update], &loads);
    let outgoing = vec![Outgoing::new(
        athlete_id,
        "WELLNESS_UPDATED",
        Route::Area("WELLNESS"),
        json!({ "records": records }),
    )];
    Ok((outgoing, json!({ "record": records.first() })))
}

const WORKOUT_NAMES: [&str; 6] = [
    "Endurance",
    "Tempo",
    "Sweet Spot",
    "Threshold",
    "Recovery",
    "Long Run",
];

/// Adds a workout on one of the next two weeks' days, or moves and renames one of the events
/// already there, as the athlete would in the calendar.
fn edit_calendar(
    stores: &Shared,
    athlete_id: &str,
    sequence: u64,
    rng: &mut StdRng,
) -> Result<Made, String> {
    let today = Utc::now().date_naive();
    let day = today + Days::days(rng.gen_range(1..=CALENDAR_DAYS));
    let when = fmt_local(day.and_hms_opt(0, 0, 0).unwrap_or_default());
    let name = format!(
        "{} {}",
        WORKOUT_NAMES[rng.gen_range(0..WORKOUT_NAMES.len())],
        sequence + 1
    );
    let upcoming: Vec<i64> = stores
        .calendars
        .entries(athlete_id, today, false)
        .iter()
        .filter(|e| e.date().is_some_and(|d| d > today))
        .filter_map(|e| e.id())
        .collect();
    let item = if !upcoming.is_empty() && rng.gen_bool(0.4) {
        let id = upcoming[rng.gen_range(0..upcoming.len())];
        json!({"id": id, "start_date_local": when, "name": name})
    } else {
        let sport = if rng.gen_bool(0.7) { "Ride" } else { "Run" };
        json!({
            "start_date_local": when,
            "category": "WORKOUT",
            "type": sport,
            "name": name,
            "moving_time": 60 * rng.gen_range(30..120),
        })
    };
    let events = stores.calendars.edit(athlete_id, &[item], &[])?;
    let body = json!({"events": events, "deleted_events": []});
    let outgoing = vec![Outgoing::new(
        athlete_id,
        "CALENDAR_UPDATED",
        Route::Area("CALENDAR"),
        body.clone(),
    )];
    Ok((outgoing, body))
}

/// Starts the scheduler on the current Tokio runtime, replacing any running one. Answers the
/// configuration as it runs (with the athletes taking part).
pub(crate) fn start(stores: &Shared, mut config: DayConfig) -> Result<Value, String> {
    config.check()?;
    for a in &config.athletes {
        if !stores.grants.knows_athlete(a) {
            return Err(format!("No simulated athlete {a}"));
        }
    }
    if config.athletes.is_empty() {
        config.athletes = stores.grants.athletes();
    }
    let handle = tokio::runtime::Handle::try_current()
        .map_err(|_| "the athlete day needs a Tokio runtime to run on".to_owned())?;
    let shown = serde_json::to_value(&config).unwrap_or(Value::Null);
    let generation = stores.day.start(config.seed, shown.clone());
    if config.changes_per_day > 0.0 {
        handle.spawn(run(stores.clone(), config, generation));
    } else {
        stores.day.finished(generation);
    }
    Ok(shown)
}

async fn run(stores: Shared, config: DayConfig, generation: u64) {
    let began = tokio::time::Instant::now();
    let mut day = 0;
    while config.days.is_none_or(|n| day < n) {
        for p in plan(&config, &config.athletes, day) {
            let at = began + Duration::from_secs_f64(p.at_secs / config.speed);
            tokio::time::sleep_until(at).await;
            if !stores.day.is_current(generation) {
                return;
            }
            if let Err(e) = change(&stores, &p.athlete_id, p.area) {
                log::warn!(
                    "sandbox athlete day: {} {}: {e}",
                    p.athlete_id,
                    p.area.name()
                );
            }
        }
        // A day without any change still takes its time.
        let end = began + Duration::from_secs_f64(f64::from(day + 1) * SECS_PER_DAY / config.speed);
        tokio::time::sleep_until(end).await;
        if !stores.day.is_current(generation) {
            return;
        }
        day += 1;
    }
    stores.day.finished(generation);
}

/// `GET /_sandbox/day`: whether a scheduler runs (and how), and the changes made so far.
pub(crate) fn status(stores: &Shared) -> Value {
    let counts = stores.day.counts();
    let total: u64 = counts.values().map(|c| c.total()).sum();
    json!({
        "running": stores.day.running().is_some(),
        "config": stores.day.running(),
        "seed": stores.day.seed(),
        "changes": counts,
        "total": total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_repeat_for_a_seed_and_keep_the_rate() {
        let config = DayConfig {
            changes_per_day: 4.0,
            speed: 1.0,
            seed: 7,
            athletes: vec!["a".into(), "b".into(), "c".into()],
            areas: vec![],
            days: None,
        };
        let first = plan(&config, &config.athletes, 0);
        assert_eq!(first, plan(&config, &config.athletes, 0));
        assert_eq!(first.len(), 12);
        assert!(first.windows(2).all(|w| w[0].at_secs <= w[1].at_secs));
        assert!(first
            .iter()
            .all(|p| (0.0..SECS_PER_DAY).contains(&p.at_secs)));
        let second = plan(&config, &config.athletes, 1);
        assert!(second
            .iter()
            .all(|p| (SECS_PER_DAY..2.0 * SECS_PER_DAY).contains(&p.at_secs)));
        let other = plan(
            &DayConfig {
                seed: 8,
                ..config.clone()
            },
            &config.athletes,
            0,
        );
        assert_ne!(first, other);
        let only = DayConfig {
            areas: vec![Area::Wellness],
            changes_per_day: 0.5,
            ..config
        };
        let days: Vec<Planned> = (0..40)
            .flat_map(|d| plan(&only, &only.athletes, d))
            .collect();
        assert!(days.iter().all(|p| p.area == Area::Wellness));
        // 3 athletes × 40 days × 0.5.
        assert!((40..=80).contains(&days.len()), "{}", days.len());
    }
}
