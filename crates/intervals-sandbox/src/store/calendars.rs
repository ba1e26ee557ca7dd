//! The athletes' calendars as changed since the start: edits made in the calendar UI (`POST
//! /_sandbox/calendar/…`) and writes through the API (`/events/bulk`, `/events/{id}`,
//! `/events/bulk-delete`), laid over the seeded plan as changed, added and deleted events, which
//! the `/events` endpoints read.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{NaiveDate, Utc};
use serde_json::{json, Map, Value};

use super::lock::Lock;
use crate::dates::{fmt_local, parse_date, parse_event_start};
use crate::workouts::doc::Workout;
use crate::workouts::files::Source;
use crate::workouts::plans::{event_json, events_of, workout_of};

/// Far above the seeded ids (`1001` … `3006`), so the two never meet.
const FIRST_ADDED_EVENT_ID: i64 = 100_001;

#[derive(Debug, Default, Clone)]
struct Calendar {
    deleted: BTreeSet<i64>,
    /// Seeded event id → fields the athlete changed.
    edits: BTreeMap<i64, Map<String, Value>>,
    /// Whole events the athlete or an app created.
    added: BTreeMap<i64, Map<String, Value>>,
    /// Workouts written through the API, by event id; they replace a seeded event's plan (`None`:
    /// the event has no structured workout).
    workouts: BTreeMap<i64, Option<Workout>>,
}

/// One event as it now stands: its JSON without workout files, and its structured workout when
/// it has one (seeded or written; only those can be rendered as files).
pub(crate) struct Entry {
    pub json: Value,
    pub workout: Option<Workout>,
}

impl Entry {
    /// What its workout files are made of.
    pub(crate) fn source(&self) -> Option<Source<'_>> {
        Some(Source {
            id: self.id()?,
            name: self.json["name"].as_str().unwrap_or_default(),
            sport: self.json["type"].as_str().unwrap_or_default(),
            workout: self.workout.as_ref()?,
        })
    }

    fn external_id(&self) -> Option<&str> {
        self.json["external_id"].as_str()
    }

    pub(crate) fn id(&self) -> Option<i64> {
        self.json["id"].as_i64()
    }

    pub(crate) fn date(&self) -> Option<NaiveDate> {
        self.json["start_date_local"].as_str().and_then(parse_date)
    }

    pub(crate) fn category(&self) -> &str {
        self.json["category"].as_str().unwrap_or_default()
    }
}

struct State {
    calendars: HashMap<String, Calendar>,
    next_event_id: i64,
}

pub(crate) struct Calendars(Lock<State>);

impl Calendars {
    pub(crate) fn new() -> Calendars {
        Calendars(Lock::new(State {
            calendars: HashMap::new(),
            next_event_id: FIRST_ADDED_EVENT_ID,
        }))
    }

    /// Every live event of the athlete in date order; `resolve` as on the `/events` endpoints.
    pub(crate) fn entries(&self, athlete_id: &str, today: NaiveDate, resolve: bool) -> Vec<Entry> {
        let st = self.0.lock();
        entries(st.calendars.get(athlete_id), athlete_id, today, resolve)
    }

    /// All or nothing: the edit is tried on a copy and kept only when every item was valid.
    /// Answers the upserted events as they now stand, or what was wrong.
    pub(crate) fn edit(
        &self,
        athlete_id: &str,
        upsert: &[Value],
        delete: &[i64],
    ) -> Result<Vec<Value>, String> {
        let mut st = self.0.lock();
        let mut cal = st.calendars.get(athlete_id).cloned().unwrap_or_default();
        let mut next_id = st.next_event_id;
        let touched = apply(&mut cal, &mut next_id, athlete_id, upsert, delete)?;
        st.next_event_id = next_id;
        st.calendars.insert(athlete_id.to_owned(), cal);
        let now = entries(
            st.calendars.get(athlete_id),
            athlete_id,
            Utc::now().date_naive(),
            false,
        );
        Ok(touched
            .iter()
            .filter_map(|id| now.iter().find(|e| e.id() == Some(*id)))
            .map(|e| e.json.clone())
            .collect())
    }
}

/// An event as the API writes it, already validated: the fields to store (without `id`), and
/// the workout when the write sets one.
pub(crate) struct Write {
    pub fields: Map<String, Value>,
    /// `Some(None)`: the event has no structured workout (it behaves as a note); `None`: the
    /// write leaves the workout as it was.
    pub workout: Option<Option<Workout>>,
}

impl Calendars {
    /// `POST /events/bulk`: each write creates an event, or with `upsert` and an `external_id`
    /// replaces the event that the same app (`client`, as `oauth_client_id` holds it) created
    /// with that `external_id`. Answers the events as stored, in the order written.
    pub(crate) fn bulk(
        &self,
        athlete_id: &str,
        client: &Value,
        writes: Vec<Write>,
        upsert: bool,
    ) -> Vec<Value> {
        let mut st = self.0.lock();
        let today = Utc::now().date_naive();
        let mut next_id = st.next_event_id;
        let cal = st.calendars.entry(athlete_id.to_owned()).or_default();
        let mut ids = Vec::with_capacity(writes.len());
        for w in writes {
            let external = w.fields.get("external_id").and_then(Value::as_str);
            let target = match external.filter(|_| upsert) {
                Some(x) => entries(Some(cal), athlete_id, today, false)
                    .iter()
                    .find(|e| e.external_id() == Some(x) && e.json["oauth_client_id"] == *client)
                    .and_then(Entry::id),
                None => None,
            };
            let id = target.unwrap_or_else(|| {
                let id = next_id;
                next_id += 1;
                id
            });
            let mut m = Map::new();
            m.insert("id".into(), json!(id));
            m.insert("athlete_id".into(), json!(athlete_id));
            for (k, v) in [
                ("type", Value::Null),
                ("name", Value::Null),
                ("description", Value::Null),
                ("external_id", Value::Null),
                ("indoor", json!(false)),
                ("color", Value::Null),
            ] {
                m.insert(k.into(), v);
            }
            m.insert("oauth_client_id".into(), client.clone());
            m.extend(w.fields);
            if !m.contains_key("end_date_local") {
                let start = m.get("start_date_local").cloned().unwrap_or(Value::Null);
                m.insert("end_date_local".into(), start);
            }
            if cal.added.contains_key(&id) || target.is_none() {
                cal.added.insert(id, m);
            } else {
                m.remove("id");
                cal.edits.insert(id, m);
            }
            cal.workouts.insert(id, w.workout.unwrap_or(None));
            ids.push(id);
        }
        st.next_event_id = next_id;
        answer(&st, athlete_id, &ids)
    }

    /// `PUT /events/{id}`: only the fields given change; a new workout replaces what the old one
    /// set. `None` when the athlete has no such event.
    pub(crate) fn update(&self, athlete_id: &str, id: i64, w: Write) -> Option<Value> {
        let mut st = self.0.lock();
        let today = Utc::now().date_naive();
        let cal = st.calendars.entry(athlete_id.to_owned()).or_default();
        entries(Some(cal), athlete_id, today, false)
            .iter()
            .find(|e| e.id() == Some(id))?;
        let slot = match cal.added.get_mut(&id) {
            Some(m) => m,
            None => cal.edits.entry(id).or_default(),
        };
        if w.workout.is_some() {
            for k in WORKOUT_FIELDS {
                slot.remove(k);
            }
        }
        slot.extend(w.fields);
        if let Some(workout) = w.workout {
            cal.workouts.insert(id, workout);
        }
        answer(&st, athlete_id, &[id]).pop()
    }

    /// Deletes the athlete's events with these ids, and those with these `external_id`s that the
    /// app `client` created; unknown ones are ignored. Answers the ids deleted.
    pub(crate) fn delete(
        &self,
        athlete_id: &str,
        ids: &[i64],
        external_ids: &[String],
        client: &Value,
    ) -> Vec<i64> {
        let mut st = self.0.lock();
        let today = Utc::now().date_naive();
        let cal = st.calendars.entry(athlete_id.to_owned()).or_default();
        let live = entries(Some(cal), athlete_id, today, false);
        let mut doomed: Vec<i64> = Vec::new();
        for e in &live {
            let Some(id) = e.id() else { continue };
            let by_id = ids.contains(&id);
            let by_external = e
                .external_id()
                .is_some_and(|x| external_ids.iter().any(|d| d == x))
                && e.json["oauth_client_id"] == *client;
            if (by_id || by_external) && !doomed.contains(&id) {
                doomed.push(id);
            }
        }
        for id in &doomed {
            if cal.added.remove(id).is_none() {
                cal.deleted.insert(*id);
                cal.edits.remove(id);
            }
            cal.workouts.remove(id);
        }
        doomed
    }
}

/// The events with these ids as they now stand, in that order.
fn answer(st: &State, athlete_id: &str, ids: &[i64]) -> Vec<Value> {
    let now = entries(
        st.calendars.get(athlete_id),
        athlete_id,
        Utc::now().date_naive(),
        false,
    );
    ids.iter()
        .filter_map(|id| now.iter().find(|e| e.id() == Some(*id)))
        .map(|e| e.json.clone())
        .collect()
}

fn entries(
    cal: Option<&Calendar>,
    athlete_id: &str,
    today: NaiveDate,
    resolve: bool,
) -> Vec<Entry> {
    let written = |id: i64| cal.and_then(|c| c.workouts.get(&id));
    let mut out: Vec<Entry> = events_of(athlete_id, today)
        .into_iter()
        .filter(|e| cal.is_none_or(|c| !c.deleted.contains(&e.id)))
        .map(|e| {
            let mut json = event_json(&e, resolve);
            let workout = match written(e.id) {
                Some(w) => {
                    if let Value::Object(m) = &mut json {
                        for k in WORKOUT_FIELDS {
                            m.remove(k);
                        }
                    }
                    w.clone()
                }
                None => workout_of(e.plan),
            };
            if let (Some(edits), Value::Object(m)) =
                (cal.and_then(|c| c.edits.get(&e.id)), &mut json)
            {
                m.extend(edits.clone());
            }
            if let (Some(Some(w)), Value::Object(m)) = (written(e.id), &mut json) {
                m.insert("workout_doc".into(), w.doc(resolve));
            }
            Entry { json, workout }
        })
        .collect();
    if let Some(c) = cal {
        out.extend(c.added.iter().map(|(id, m)| {
            let workout = c.workouts.get(id).cloned().flatten();
            let mut m = m.clone();
            if let Some(w) = &workout {
                m.insert("workout_doc".into(), w.doc(resolve));
            }
            Entry {
                json: Value::Object(m),
                workout,
            }
        }));
    }
    out.sort_by(|a, b| {
        let key = |e: &Entry| {
            (
                e.json["start_date_local"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                e.id(),
            )
        };
        key(a).cmp(&key(b))
    });
    out
}

/// What a structured workout sets on an event; replaced as a whole when the API writes one.
const WORKOUT_FIELDS: [&str; 5] = [
    "workout_doc",
    "moving_time",
    "icu_training_load",
    "icu_intensity",
    "target",
];

/// Ids may come as numbers or numeric strings, as a UI would post them.
fn id_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// `YYYY-MM-DD` or a local date-time, stored the way upstream writes it.
fn normalise_start(v: &Value) -> Result<String, String> {
    parse_event_start(v.as_str().unwrap_or_default())
        .map(fmt_local)
        .ok_or_else(|| format!("start_date_local must be a local date or date-time: {v}"))
}

fn same(a: Option<&Value>, b: Option<&Value>) -> bool {
    a.unwrap_or(&Value::Null) == b.unwrap_or(&Value::Null)
}

/// Applies the edit to `cal`; returns the ids upserted, in order.
fn apply(
    cal: &mut Calendar,
    next_id: &mut i64,
    athlete_id: &str,
    upsert: &[Value],
    delete: &[i64],
) -> Result<Vec<i64>, String> {
    let today = Utc::now().date_naive();
    let seeded: BTreeSet<i64> = events_of(athlete_id, today).iter().map(|e| e.id).collect();
    let mut touched = Vec::new();
    for (i, item) in upsert.iter().enumerate() {
        let Value::Object(fields) = item else {
            return Err(format!("upsert[{i}] must be an event object"));
        };
        let mut fields = fields.clone();
        if let Some(start) = fields.get("start_date_local") {
            let start = normalise_start(start).map_err(|m| format!("upsert[{i}]: {m}"))?;
            fields.insert("start_date_local".into(), json!(start));
        }
        let live = |cal: &Calendar, id: i64| {
            (seeded.contains(&id) && !cal.deleted.contains(&id)) || cal.added.contains_key(&id)
        };
        let target = match fields.get("id").filter(|v| !v.is_null()) {
            Some(v) => {
                let id = id_of(v).ok_or_else(|| format!("upsert[{i}]: id must be an integer"))?;
                if !live(cal, id) {
                    return Err(format!(
                        "upsert[{i}]: no event {id} for athlete {athlete_id}"
                    ));
                }
                Some(id)
            }
            // Like upstream's bulk upsert: the same app's event with the same external_id.
            None if fields.get("external_id").is_some_and(|v| !v.is_null()) => {
                entries(Some(cal), athlete_id, today, false)
                    .iter()
                    .find(|e| {
                        same(e.json.get("external_id"), fields.get("external_id"))
                            && same(e.json.get("oauth_client_id"), fields.get("oauth_client_id"))
                    })
                    .and_then(Entry::id)
            }
            None => None,
        };
        fields.remove("id");
        fields.remove("athlete_id");
        let id = match target {
            Some(id) => {
                let slot = match cal.added.get_mut(&id) {
                    Some(m) => m,
                    None => cal.edits.entry(id).or_default(),
                };
                slot.extend(fields);
                id
            }
            None => {
                let Some(start) = fields.get("start_date_local").cloned() else {
                    return Err(format!("upsert[{i}]: a new event needs start_date_local"));
                };
                let id = *next_id;
                *next_id += 1;
                let mut m = Map::new();
                m.insert("id".into(), json!(id));
                m.insert("athlete_id".into(), json!(athlete_id));
                m.insert("start_date_local".into(), start.clone());
                m.insert("end_date_local".into(), start);
                m.insert("type".into(), json!("Ride"));
                m.insert("category".into(), json!("WORKOUT"));
                m.insert("name".into(), json!("Workout"));
                m.insert("description".into(), Value::Null);
                m.insert("external_id".into(), Value::Null);
                m.insert("oauth_client_id".into(), Value::Null);
                m.insert("indoor".into(), json!(false));
                m.insert("color".into(), Value::Null);
                m.extend(fields);
                cal.added.insert(id, m);
                id
            }
        };
        if !touched.contains(&id) {
            touched.push(id);
        }
    }
    for id in delete {
        if cal.added.remove(id).is_some() {
            cal.workouts.remove(id);
            continue;
        }
        if !seeded.contains(id) || !cal.deleted.insert(*id) {
            return Err(format!("delete: no event {id} for athlete {athlete_id}"));
        }
        cal.edits.remove(id);
        cal.workouts.remove(id);
    }
    Ok(touched)
}
