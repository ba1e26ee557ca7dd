//! Wellness as Intervals.icu keeps it: one record per athlete and local date, merged field by
//! field on every write (`-1` unsets a number, `null` leaves it), answered with computed fitness.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Duration as Days, NaiveDate, SecondsFormat, Utc};
use serde::Serialize;
use serde_json::{json, Map, Value};

use super::lock::Lock;
use crate::athletes::{ATHLETES, FTP_WATTS};
use crate::dates::{fmt_date, strict_date};

/// Days of training before the first requested day that CTL is built up from.
const FITNESS_WARMUP_DAYS: i64 = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Java `Integer`: floats are truncated and numeric strings read, as Jackson does.
    Int,
    /// Java `Float`: stored at single precision.
    Float,
    Text,
    Phase,
    Bool,
}

/// The writable fields of the `Wellness` schema. The rest (`ctl`, `atl`, `rampRate`, `ctlLoad`,
/// `atlLoad`, `sportInfo`, `updated`, `menstrualPhasePredicted`, `tempWeight`, `tempRestingHR`)
/// are computed upstream and ignored on writes, as are names the schema does not have.
const FIELDS: [(&str, Kind); 35] = [
    ("weight", Kind::Float),
    ("restingHR", Kind::Int),
    ("hrv", Kind::Float),
    ("hrvSDNN", Kind::Float),
    ("menstrualPhase", Kind::Phase),
    ("kcalConsumed", Kind::Int),
    ("sleepSecs", Kind::Int),
    ("sleepScore", Kind::Float),
    ("sleepQuality", Kind::Int),
    ("avgSleepingHR", Kind::Float),
    ("soreness", Kind::Int),
    ("fatigue", Kind::Int),
    ("stress", Kind::Int),
    ("mood", Kind::Int),
    ("motivation", Kind::Int),
    ("injury", Kind::Int),
    ("spO2", Kind::Float),
    ("systolic", Kind::Int),
    ("diastolic", Kind::Int),
    ("hydration", Kind::Int),
    ("hydrationVolume", Kind::Float),
    ("readiness", Kind::Float),
    ("baevskySI", Kind::Float),
    ("bloodGlucose", Kind::Float),
    ("lactate", Kind::Float),
    ("bodyFat", Kind::Float),
    ("abdomen", Kind::Float),
    ("vo2max", Kind::Float),
    ("comments", Kind::Text),
    ("steps", Kind::Int),
    ("respiration", Kind::Float),
    ("carbohydrates", Kind::Float),
    ("protein", Kind::Float),
    ("fatTotal", Kind::Float),
    ("locked", Kind::Bool),
];

const PHASES: [&str; 5] = ["PERIOD", "FOLLICULAR", "OVULATING", "LUTEAL", "NONE"];

/// What one stored day holds: only fields that were set, and when it last changed.
struct Record {
    fields: BTreeMap<&'static str, Value>,
    updated: DateTime<Utc>,
}

/// One applied write, for `/_sandbox/wellness-pushes`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Push {
    athlete_id: String,
    client_id: String,
    time: DateTime<Utc>,
    path: String,
    records: Vec<Value>,
}

pub(crate) enum Change {
    Set(Value),
    Unset,
}

/// One validated record of a write.
pub(crate) struct Update {
    date: NaiveDate,
    changes: Vec<(&'static str, Change)>,
}

struct State {
    /// Athlete id → date → record.
    records: HashMap<String, BTreeMap<NaiveDate, Record>>,
    pushes: Vec<Push>,
}

/// The training load of an athlete's uploads per day (from the activities store).
pub(crate) type Loads = HashMap<NaiveDate, f64>;

pub(crate) struct Wellness(Lock<State>);

impl Wellness {
    pub(crate) fn new() -> Wellness {
        Wellness(Lock::new(State {
            records: HashMap::new(),
            pushes: Vec::new(),
        }))
    }

    /// Applies a validated write by `client_id` in order, records it with the objects as `sent`,
    /// and answers the records touched as they now stand (upstream's JSON), in order of first
    /// appearance. `loads` are the athlete's, for the computed fitness.
    pub(crate) fn write(
        &self,
        client_id: &str,
        athlete: &str,
        path: String,
        updates: Vec<Update>,
        sent: Vec<Value>,
        loads: &Loads,
    ) -> Vec<Value> {
        let mut st = self.0.lock();
        let touched = st.apply(client_id, athlete, path, updates, sent);
        st.records_json(athlete, &touched, loads)
    }

    /// The athlete's own entry (in the app, or from a device): applied like an API write but not
    /// logged among the pushes. Answers the records touched as they now stand.
    pub(crate) fn write_own(
        &self,
        athlete: &str,
        updates: Vec<Update>,
        loads: &Loads,
    ) -> Vec<Value> {
        let mut st = self.0.lock();
        let touched = st.apply_updates(athlete, updates);
        st.records_json(athlete, &touched, loads)
    }

    /// The weight of the latest day that has one (kg).
    pub(crate) fn latest_weight(&self, athlete: &str) -> Option<f64> {
        self.0
            .lock()
            .records
            .get(athlete)?
            .values()
            .rev()
            .find_map(|r| r.fields.get("weight").and_then(Value::as_f64))
    }

    /// The record of one day, as upstream answers it.
    pub(crate) fn record(&self, athlete: &str, date: NaiveDate, loads: &Loads) -> Option<Value> {
        let st = self.0.lock();
        st.records_json(athlete, &[date], loads).into_iter().next()
    }

    /// The written days within `oldest ..= newest`, oldest first, as upstream answers them.
    pub(crate) fn window(
        &self,
        athlete: &str,
        oldest: NaiveDate,
        newest: NaiveDate,
        loads: &Loads,
    ) -> Vec<Value> {
        let st = self.0.lock();
        let dates: Vec<NaiveDate> = st
            .records
            .get(athlete)
            // `range` panics on a reversed window; upstream answers an empty list.
            .filter(|_| oldest <= newest)
            .map(|days| days.range(oldest..=newest).map(|(d, _)| *d).collect())
            .unwrap_or_default();
        st.records_json(athlete, &dates, loads)
    }

    /// Only what was written, oldest day first: `{"id", <fields set>, "updated"}`.
    pub(crate) fn stored(&self, athlete: &str) -> Vec<Value> {
        self.0
            .lock()
            .records
            .get(athlete)
            .map(|days| {
                days.iter()
                    .map(|(d, rec)| {
                        let mut m: Map<String, Value> = rec
                            .fields
                            .iter()
                            .map(|(k, v)| ((*k).to_owned(), v.clone()))
                            .collect();
                        m.insert("id".into(), json!(fmt_date(*d)));
                        m.insert(
                            "updated".into(),
                            json!(rec.updated.to_rfc3339_opts(SecondsFormat::Millis, true)),
                        );
                        Value::Object(m)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every applied write, oldest first.
    pub(crate) fn pushes(&self) -> Vec<Push> {
        self.0.lock().pushes.clone()
    }

    pub(crate) fn clear_pushes(&self) {
        self.0.lock().pushes.clear();
    }
}

/// `-1` on a number removes it; `null` changes nothing (Jackson cannot tell it from absent).
pub(crate) fn coerce(kind: Kind, name: &str, v: &Value) -> Result<Option<Change>, String> {
    let bad = || format!("Invalid value for {name}: {v}");
    let number = || match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    let change = match kind {
        _ if v.is_null() => return Ok(None),
        Kind::Int => {
            let n = number().ok_or_else(bad)?.trunc();
            if !(f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&n) {
                return Err(bad());
            }
            if n == -1.0 {
                Change::Unset
            } else {
                // In range and without a fraction, so the conversion is exact.
                Change::Set(json!(n as i64))
            }
        }
        Kind::Float => {
            let n = number().ok_or_else(bad)?;
            if n == -1.0 {
                Change::Unset
            } else {
                // What a Java `Float` keeps: single precision, printed at its shortest.
                let single = n as f32;
                if !single.is_finite() {
                    return Err(bad());
                }
                let shortest: f64 = single.to_string().parse().map_err(|_| bad())?;
                Change::Set(json!(shortest))
            }
        }
        Kind::Text => match v {
            Value::String(s) => Change::Set(json!(s)),
            Value::Number(_) | Value::Bool(_) => Change::Set(json!(v.to_string())),
            _ => return Err(bad()),
        },
        Kind::Phase => match v.as_str() {
            Some(p) if PHASES.contains(&p) => Change::Set(json!(p)),
            _ => {
                return Err(format!(
                    "Invalid value for {name}: {v} (one of {})",
                    PHASES.join(", ")
                ))
            }
        },
        Kind::Bool => match v {
            Value::Bool(b) => Change::Set(json!(b)),
            Value::String(s) if s == "true" || s == "false" => Change::Set(json!(s == "true")),
            _ => return Err(bad()),
        },
    };
    Ok(Some(change))
}

/// `date` comes from the path when the endpoint has one; otherwise the record's `id` names it.
pub(crate) fn parse_record(v: &Value, date: Option<NaiveDate>) -> Result<Update, String> {
    let Value::Object(m) = v else {
        return Err(format!("Expected a wellness record object, got {v}"));
    };
    let id = match m.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => {
            Some(strict_date(s).ok_or_else(|| format!("id must be a local date YYYY-MM-DD: {s}"))?)
        }
        Some(other) => return Err(format!("id must be a local date YYYY-MM-DD: {other}")),
    };
    let date = match (date, id) {
        (Some(path), Some(id)) if path != id => {
            return Err(format!(
                "id {} does not match the date in the path {}",
                fmt_date(id),
                fmt_date(path)
            ))
        }
        (Some(d), _) | (None, Some(d)) => d,
        (None, None) => return Err("id (YYYY-MM-DD) is required".to_owned()),
    };
    let mut changes = Vec::new();
    for (name, kind) in FIELDS {
        if let Some(v) = m.get(name) {
            if let Some(c) = coerce(kind, name, v)? {
                changes.push((name, c));
            }
        }
    }
    Ok(Update { date, changes })
}

impl State {
    /// Applies validated updates in order and records the push; returns the days touched, in
    /// order of first appearance.
    fn apply(
        &mut self,
        client_id: &str,
        athlete: &str,
        path: String,
        updates: Vec<Update>,
        sent: Vec<Value>,
    ) -> Vec<NaiveDate> {
        let touched = self.apply_updates(athlete, updates);
        self.pushes.push(Push {
            athlete_id: athlete.to_owned(),
            client_id: client_id.to_owned(),
            time: Utc::now(),
            path,
            records: sent,
        });
        touched
    }

    /// Applies validated updates in order; returns the days touched, in order of first
    /// appearance.
    fn apply_updates(&mut self, athlete: &str, updates: Vec<Update>) -> Vec<NaiveDate> {
        let now = Utc::now();
        let days = self.records.entry(athlete.to_owned()).or_default();
        let mut touched: Vec<NaiveDate> = Vec::new();
        for u in updates {
            let rec = days.entry(u.date).or_insert_with(|| Record {
                fields: BTreeMap::new(),
                updated: now,
            });
            for (name, change) in u.changes {
                match change {
                    Change::Set(v) => {
                        rec.fields.insert(name, v);
                    }
                    Change::Unset => {
                        rec.fields.remove(name);
                    }
                }
            }
            rec.updated = now;
            if !touched.contains(&u.date) {
                touched.push(u.date);
            }
        }
        touched
    }

    /// Upstream's JSON for stored days: every schema field (null when unset, as Jackson writes
    /// them) plus the computed ones.
    fn records_json(&self, athlete: &str, dates: &[NaiveDate], loads: &Loads) -> Vec<Value> {
        let Some(days) = self.records.get(athlete) else {
            return Vec::new();
        };
        let fitness = fitness(loads, athlete, dates);
        dates
            .iter()
            .filter_map(|d| {
                let rec = days.get(d)?;
                Some(record_json(*d, rec, fitness.get(d)))
            })
            .collect()
    }
}

fn record_json(date: NaiveDate, rec: &Record, fit: Option<&Fitness>) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(fmt_date(date)));
    for (name, _) in FIELDS {
        m.insert(
            name.into(),
            rec.fields.get(name).cloned().unwrap_or(Value::Null),
        );
    }
    m.insert("menstrualPhasePredicted".into(), Value::Null);
    m.insert("tempWeight".into(), json!(false));
    m.insert("tempRestingHR".into(), json!(false));
    let fit = fit.copied().unwrap_or_default();
    m.insert("ctl".into(), json!(round2(fit.ctl)));
    m.insert("atl".into(), json!(round2(fit.atl)));
    m.insert("rampRate".into(), json!(round2(fit.ramp)));
    m.insert("ctlLoad".into(), json!(round2(fit.load)));
    m.insert("atlLoad".into(), json!(round2(fit.load)));
    m.insert(
        "sportInfo".into(),
        json!([{"type": "Ride", "eftp": f64::from(FTP_WATTS), "wPrime": 20000.0, "pMax": 1000.0}]),
    );
    m.insert(
        "updated".into(),
        json!(rec.updated.to_rfc3339_opts(SecondsFormat::Millis, true)),
    );
    Value::Object(m)
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[derive(Debug, Clone, Copy, Default)]
struct Fitness {
    ctl: f64,
    atl: f64,
    ramp: f64,
    load: f64,
}

/// Made-up daily training before today (Monday first), so CTL and ATL look lived-in: the seeded
/// Strava activities stand for it. Each athlete trains at their own volume.
const WEEK: [f64; 7] = [55.0, 0.0, 85.0, 50.0, 0.0, 130.0, 75.0];

fn background_load(pos: usize, day: NaiveDate, today: NaiveDate) -> f64 {
    if day > today {
        return 0.0;
    }
    let factor = [1.0, 0.8, 1.25].get(pos).copied().unwrap_or(1.0);
    let base = WEEK
        .get(day.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or(0.0);
    if base == 0.0 {
        return 0.0;
    }
    // A little day-to-day wobble that is the same on every call.
    let wobble = f64::from((day.ordinal() * 7 + u32::try_from(pos).unwrap_or(0) * 13) % 11);
    base * factor + wobble
}

/// CTL and ATL as exponentially weighted loads (42 and 7 days) over the background training
/// plus every uploaded activity (`uploaded`, per day); ramp rate is the CTL change over the past week. The walk runs
/// over the requested days only, restarting from the average load where they are further apart
/// than the warm-up, so records decades apart cost no more than a few near each other.
fn fitness(uploaded: &Loads, athlete: &str, dates: &[NaiveDate]) -> HashMap<NaiveDate, Fitness> {
    let today = Utc::now().date_naive();
    let pos = ATHLETES.iter().position(|a| a.id == athlete).unwrap_or(0);
    let mut targets = dates.to_vec();
    targets.sort_unstable();
    targets.dedup();
    let mean = WEEK.iter().sum::<f64>() / 7.0;
    let (mut ctl, mut atl) = (mean, mean);
    // CTL of the days walked so far, to read the value of a week ago.
    let mut history: Vec<f64> = Vec::new();
    let mut day: Option<NaiveDate> = None;
    let mut out = HashMap::new();
    for target in targets {
        let from = target
            .checked_sub_signed(Days::days(FITNESS_WARMUP_DAYS))
            .unwrap_or(target);
        if day.is_none_or(|d| d < from) {
            (ctl, atl) = (mean, mean);
            history.clear();
            day = Some(from);
        }
        while let Some(d) = day.filter(|d| *d <= target) {
            let load = background_load(pos, d, today) + uploaded.get(&d).copied().unwrap_or(0.0);
            ctl += (load - ctl) / 42.0;
            atl += (load - atl) / 7.0;
            let week_ago = history
                .len()
                .checked_sub(7)
                .and_then(|i| history.get(i))
                .copied()
                .unwrap_or(ctl);
            history.push(ctl);
            if d == target {
                out.insert(
                    d,
                    Fitness {
                        ctl,
                        atl,
                        ramp: ctl - week_ago,
                        load,
                    },
                );
            }
            day = d.succ_opt();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coercion_follows_jackson() {
        let set = |kind, v: Value| match coerce(kind, "f", &v) {
            Ok(Some(Change::Set(v))) => Some(v),
            _ => None,
        };
        assert_eq!(set(Kind::Int, json!(61.9)), Some(json!(61)));
        assert_eq!(set(Kind::Int, json!("58")), Some(json!(58)));
        assert_eq!(set(Kind::Float, json!(72.3)), Some(json!(72.3)));
        assert_eq!(set(Kind::Float, json!(70)), Some(json!(70.0)));
        assert_eq!(set(Kind::Text, json!(12)), Some(json!("12")));
        assert!(matches!(
            coerce(Kind::Int, "f", &json!(-1)),
            Ok(Some(Change::Unset))
        ));
        assert!(matches!(
            coerce(Kind::Float, "f", &json!(-1.0)),
            Ok(Some(Change::Unset))
        ));
        assert!(matches!(coerce(Kind::Int, "f", &Value::Null), Ok(None)));
        assert!(coerce(Kind::Int, "f", &json!("x")).is_err());
        assert!(coerce(Kind::Int, "f", &json!(1e12)).is_err());
        assert!(coerce(Kind::Phase, "f", &json!("period")).is_err());
        assert!(coerce(Kind::Bool, "f", &json!(1)).is_err());
    }

    #[test]
    fn fitness_walks_only_near_the_days_asked() {
        let far = [
            NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
            Utc::now().date_naive(),
        ];
        let started = std::time::Instant::now();
        let fit = fitness(&Loads::new(), "i317960", &far);
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(fit.len(), 3);
        let now = fit[&far[2]];
        assert!(now.ctl > 10.0 && now.atl >= 0.0, "{now:?}");
        // No training in the future: fitness has decayed to nothing.
        assert!(fit[&far[1]].ctl < 10.0);
    }
}
