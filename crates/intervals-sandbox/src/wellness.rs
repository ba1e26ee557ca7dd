//! Wellness as Intervals.icu keeps it: one record per athlete and local date, merged field by
//! field on every write (`-1` unsets a number, `null` leaves it), listed with computed fitness.

use std::collections::{BTreeMap, HashMap};

use actix_web::http::header::CONTENT_TYPE;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Datelike, Duration as Days, NaiveDate, SecondsFormat, Utc};
use serde::Serialize;
use serde_json::{json, Map, Value};

use super::activities::training_load;
use super::api::{authenticate, error, TokenGrant};
use super::events::parse_date;
use super::scope::Access;
use super::webhooks::{stage, Outgoing, Route};
use super::{upstream_path, Params, Sandbox, State, ATHLETES, FTP_WATTS};

/// Bulk pushes of a year of records are a few hundred kilobytes; actix's default cap is 256 kB.
const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;
/// Days of training before the first requested day that CTL is built up from.
const FITNESS_WARMUP_DAYS: i64 = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
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
pub(super) struct Record {
    fields: BTreeMap<&'static str, Value>,
    updated: DateTime<Utc>,
}

/// Athlete id → date → record.
pub(super) type Store = HashMap<String, BTreeMap<NaiveDate, Record>>;

/// One applied write, for `/_sandbox/wellness-pushes`.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Push {
    athlete_id: String,
    client_id: String,
    time: DateTime<Utc>,
    path: String,
    records: Vec<Value>,
}

enum Change {
    Set(Value),
    Unset,
}

/// One validated record of a write.
struct Update {
    date: NaiveDate,
    changes: Vec<(&'static str, Change)>,
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    let limit = web::PayloadConfig::new(MAX_BODY_BYTES);
    cfg.service(
        web::resource("/v1/athlete/{id}/wellness-bulk")
            .app_data(limit.clone())
            .route(web::put().to(put_bulk))
            .default_service(web::to(super::api::method_not_allowed)),
    )
    // `/wellness{ext}` upstream: no suffix and `.json` both answer JSON; the bare path also
    // takes a PUT of one record whose `id` names the day.
    .service(
        web::resource("/v1/athlete/{id}/wellness")
            .app_data(limit.clone())
            .route(web::get().to(list))
            .route(web::put().to(put_by_body_id))
            .default_service(web::to(super::api::method_not_allowed)),
    )
    .service(
        web::resource("/v1/athlete/{id}/wellness.json")
            .route(web::get().to(list))
            .default_service(web::to(super::api::method_not_allowed)),
    )
    .service(
        web::resource("/v1/athlete/{id}/wellness/{date}")
            .app_data(limit)
            .route(web::get().to(get_one))
            .route(web::put().to(put_one))
            .default_service(web::to(super::api::method_not_allowed)),
    );
}

fn unprocessable(message: &str) -> HttpResponse {
    error(StatusCode::UNPROCESSABLE_ENTITY, message)
}

fn grant_for(req: &HttpRequest, access: Access) -> Result<(TokenGrant, String), HttpResponse> {
    let grant = authenticate(req)?;
    grant.require("WELLNESS", access)?;
    let athlete = grant
        .athlete_in_path(req.match_info().get("id").unwrap_or_default())?
        .to_owned();
    Ok((grant, athlete))
}

/// Spring reads `@RequestBody` only from JSON; anything else is 415 before validation.
fn json_body(req: &HttpRequest, body: &[u8]) -> Result<Value, HttpResponse> {
    let ct = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/octet-stream");
    let essence = ct
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if essence != "application/json" && !essence.ends_with("+json") {
        return Err(error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &format!("Content-Type '{ct}' is not supported"),
        ));
    }
    serde_json::from_slice(body).map_err(|e| unprocessable(&format!("Invalid JSON: {e}")))
}

/// Exactly `YYYY-MM-DD`: a date-time or an unpadded month is a client bug worth catching.
fn strict_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn fmt_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `-1` on a number removes it; `null` changes nothing (Jackson cannot tell it from absent).
fn coerce(kind: Kind, name: &str, v: &Value) -> Result<Option<Change>, String> {
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
fn parse_record(v: &Value, date: Option<NaiveDate>) -> Result<Update, String> {
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
        grant: &TokenGrant,
        athlete: &str,
        path: String,
        updates: Vec<Update>,
        sent: Vec<Value>,
    ) -> Vec<NaiveDate> {
        let now = Utc::now();
        let days = self.wellness.entry(athlete.to_owned()).or_default();
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
        self.pushes.push(Push {
            athlete_id: athlete.to_owned(),
            client_id: grant.client_id.clone(),
            time: now,
            path,
            records: sent,
        });
        touched
    }

    /// Upstream's JSON for stored days: every schema field (null when unset, as Jackson writes
    /// them) plus the computed ones.
    fn records_json(&self, athlete: &str, dates: &[NaiveDate]) -> Vec<Value> {
        let Some(days) = self.wellness.get(athlete) else {
            return Vec::new();
        };
        let fitness = fitness(self, athlete, dates);
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
/// plus every uploaded activity; ramp rate is the CTL change over the past week. The walk runs
/// over the requested days only, restarting from the average load where they are further apart
/// than the warm-up, so records decades apart cost no more than a few near each other.
fn fitness(st: &State, athlete: &str, dates: &[NaiveDate]) -> HashMap<NaiveDate, Fitness> {
    let today = Utc::now().date_naive();
    let pos = ATHLETES.iter().position(|a| a.id == athlete).unwrap_or(0);
    let mut uploaded: HashMap<NaiveDate, f64> = HashMap::new();
    for a in st.activities.iter().filter(|a| a.athlete_id == athlete) {
        if let Some(u) = &a.upload {
            *uploaded.entry(a.start.date()).or_default() += f64::from(training_load(u.elapsed));
        }
    }
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

/// `[Update]` and the objects as sent, or upstream's 422.
fn parse_all(items: &[Value], date: Option<NaiveDate>) -> Result<Vec<Update>, HttpResponse> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            parse_record(v, date).map_err(|msg| {
                if items.len() > 1 {
                    unprocessable(&format!("Record {i}: {msg}"))
                } else {
                    unprocessable(&msg)
                }
            })
        })
        .collect()
}

/// Applies, stages WELLNESS_UPDATED with the records as they now stand, and returns them.
fn write(
    req: &HttpRequest,
    sandbox: &Sandbox,
    grant: &TokenGrant,
    athlete: &str,
    updates: Vec<Update>,
    sent: Vec<Value>,
) -> Vec<Value> {
    let records = {
        let mut st = sandbox.lock();
        let touched = st.apply(grant, athlete, upstream_path(req), updates, sent);
        st.records_json(athlete, &touched)
    };
    if !records.is_empty() {
        stage(
            req,
            Outgoing::new(
                athlete,
                "WELLNESS_UPDATED",
                Route::Area("WELLNESS"),
                json!({ "records": records }),
            ),
        );
    }
    records
}

async fn put_bulk(req: HttpRequest, body: web::Bytes, sandbox: web::Data<Sandbox>) -> HttpResponse {
    let (grant, athlete) = match grant_for(&req, Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let items = match json_body(&req, &body) {
        Ok(Value::Array(items)) => items,
        Ok(_) => return unprocessable("Expected a JSON array of wellness records"),
        Err(res) => return res,
    };
    let updates = match parse_all(&items, None) {
        Ok(u) => u,
        Err(res) => return res,
    };
    write(&req, &sandbox, &grant, &athlete, updates, items);
    HttpResponse::Ok().finish()
}

/// One record, its day from the path or (for `PUT /wellness`) from its `id`.
async fn put_single(
    req: HttpRequest,
    body: web::Bytes,
    sandbox: web::Data<Sandbox>,
    from_path: bool,
) -> HttpResponse {
    let (grant, athlete) = match grant_for(&req, Access::Write) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let date = if from_path {
        let raw = req.match_info().get("date").unwrap_or_default();
        match strict_date(raw) {
            Some(d) => Some(d),
            None => return unprocessable(&format!("Invalid date {raw}: use YYYY-MM-DD")),
        }
    } else {
        None
    };
    let item = match json_body(&req, &body) {
        Ok(v) => v,
        Err(res) => return res,
    };
    let updates = match parse_all(std::slice::from_ref(&item), date) {
        Ok(u) => u,
        Err(res) => return res,
    };
    let records = write(&req, &sandbox, &grant, &athlete, updates, vec![item]);
    match records.into_iter().next() {
        Some(r) => HttpResponse::Ok().json(r),
        None => error(StatusCode::INTERNAL_SERVER_ERROR, "Record vanished"),
    }
}

async fn put_one(req: HttpRequest, body: web::Bytes, sandbox: web::Data<Sandbox>) -> HttpResponse {
    put_single(req, body, sandbox, true).await
}

async fn put_by_body_id(
    req: HttpRequest,
    body: web::Bytes,
    sandbox: web::Data<Sandbox>,
) -> HttpResponse {
    put_single(req, body, sandbox, false).await
}

async fn get_one(req: HttpRequest, sandbox: web::Data<Sandbox>) -> HttpResponse {
    let (_, athlete) = match grant_for(&req, Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let raw = req.match_info().get("date").unwrap_or_default();
    let Some(date) = strict_date(raw) else {
        return unprocessable(&format!("Invalid date {raw}: use YYYY-MM-DD"));
    };
    let st = sandbox.lock();
    match st.records_json(&athlete, &[date]).into_iter().next() {
        Some(r) => HttpResponse::Ok().json(r),
        None => error(StatusCode::NOT_FOUND, "Wellness record not found"),
    }
}

/// Days that were never written are absent: the sandbox has no device syncs that would create
/// them upstream.
async fn list(req: HttpRequest, sandbox: web::Data<Sandbox>) -> HttpResponse {
    let (_, athlete) = match grant_for(&req, Access::Read) {
        Ok(g) => g,
        Err(res) => return res,
    };
    let p = Params::parse(req.query_string().as_bytes());
    let date_param = |key: &str| match p.get(key).filter(|s| !s.trim().is_empty()) {
        None => Ok(None),
        Some(raw) => parse_date(raw)
            .map(Some)
            .ok_or_else(|| unprocessable(&format!("Invalid {key} date: {raw}"))),
    };
    let newest = match date_param("newest") {
        Ok(d) => d.unwrap_or_else(|| Utc::now().date_naive()),
        Err(res) => return res,
    };
    let oldest = match date_param("oldest") {
        Ok(d) => d.unwrap_or_else(|| newest.checked_sub_signed(Days::days(6)).unwrap_or(newest)),
        Err(res) => return res,
    };
    let fields: Vec<String> = p
        .all("fields")
        .flat_map(|f| f.split(','))
        .map(|f| f.trim().to_owned())
        .filter(|f| !f.is_empty())
        .collect();
    let st = sandbox.lock();
    let dates: Vec<NaiveDate> = st
        .wellness
        .get(&athlete)
        // `range` panics on a reversed window; upstream answers an empty list.
        .filter(|_| oldest <= newest)
        .map(|days| days.range(oldest..=newest).map(|(d, _)| *d).collect())
        .unwrap_or_default();
    let body: Vec<Value> = st
        .records_json(&athlete, &dates)
        .into_iter()
        .map(|r| select(r, &fields))
        .collect();
    HttpResponse::Ok().json(body)
}

/// `fields` keeps the named keys and drops nulls, as documented upstream; `id` always stays so
/// that a record still says which day it is.
fn select(v: Value, fields: &[String]) -> Value {
    if fields.is_empty() {
        return v;
    }
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(k, v)| k == "id" || (!v.is_null() && fields.iter().any(|f| f == k)))
                .collect(),
        ),
        other => other,
    }
}

// ---- test controls -------------------------------------------------------------------------

pub(super) fn control_routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/wellness/{athlete_id}").route(web::get().to(stored)))
        .service(
            web::resource("/wellness-pushes")
                .route(web::get().to(pushes))
                .route(web::delete().to(clear_pushes)),
        );
}

/// Only what was written, oldest day first: `{"id", <fields set>, "updated"}`.
async fn stored(req: HttpRequest, sandbox: web::Data<Sandbox>) -> HttpResponse {
    let athlete_id = req.match_info().get("athlete_id").unwrap_or_default();
    let st = sandbox.lock();
    if !st.knows_athlete(athlete_id) {
        return error(
            StatusCode::NOT_FOUND,
            &format!("No simulated athlete {athlete_id}"),
        );
    }
    let list: Vec<Value> = st
        .wellness
        .get(athlete_id)
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
        .unwrap_or_default();
    HttpResponse::Ok().json(list)
}

async fn pushes(sandbox: web::Data<Sandbox>) -> HttpResponse {
    HttpResponse::Ok().json(&sandbox.lock().pushes)
}

async fn clear_pushes(sandbox: web::Data<Sandbox>) -> HttpResponse {
    sandbox.lock().pushes.clear();
    HttpResponse::Ok().json(json!({}))
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
        let sb = Sandbox::new();
        let st = sb.lock();
        let far = [
            NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
            Utc::now().date_naive(),
        ];
        let started = std::time::Instant::now();
        let fit = fitness(&st, "i317960", &far);
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(fit.len(), 3);
        let now = fit[&far[2]];
        assert!(now.ctl > 10.0 && now.atl >= 0.0, "{now:?}");
        // No training in the future: fitness has decayed to nothing.
        assert!(fit[&far[1]].ctl < 10.0);
    }

    #[test]
    fn dates_are_strict() {
        assert!(strict_date("2024-05-01").is_some());
        for bad in [
            "2024-5-1",
            "2024-05-01T00:00:00",
            "2024-02-30",
            "",
            "01-05-2024",
        ] {
            assert!(strict_date(bad).is_none(), "{bad}");
        }
    }
}
