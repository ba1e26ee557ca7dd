//! The athletes' own calendar edits, as made in the calendar UI (`POST /_sandbox/calendar/…`):
//! changed, added and deleted events laid over the seeded plan, which the `/events` endpoints
//! read.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{NaiveDate, Utc};
use serde_json::{json, Map, Value};

use super::lock::Lock;
use crate::dates::{fmt_local, parse_date, parse_event_start};
use crate::plans::{event_json, events_of, Event};

/// Far above the seeded ids (`1001` … `3006`), so the two never meet.
const FIRST_ADDED_EVENT_ID: i64 = 100_001;

#[derive(Debug, Default, Clone)]
struct Calendar {
    deleted: BTreeSet<i64>,
    /// Seeded event id → fields the athlete changed.
    edits: BTreeMap<i64, Map<String, Value>>,
    /// Whole events the athlete created.
    added: BTreeMap<i64, Map<String, Value>>,
}

/// One event as it now stands: its JSON without workout files, and the seeded plan behind it
/// when there is one (only those can be rendered as files).
pub(crate) struct Entry {
    pub json: Value,
    pub seeded: Option<Event>,
}

impl Entry {
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

fn entries(
    cal: Option<&Calendar>,
    athlete_id: &str,
    today: NaiveDate,
    resolve: bool,
) -> Vec<Entry> {
    let mut out: Vec<Entry> = events_of(athlete_id, today)
        .into_iter()
        .filter(|e| cal.is_none_or(|c| !c.deleted.contains(&e.id)))
        .map(|e| {
            let mut json = event_json(&e, resolve);
            if let (Some(edits), Value::Object(m)) =
                (cal.and_then(|c| c.edits.get(&e.id)), &mut json)
            {
                m.extend(edits.clone());
            }
            Entry {
                json,
                seeded: Some(e),
            }
        })
        .collect();
    if let Some(c) = cal {
        out.extend(c.added.values().map(|m| Entry {
            json: Value::Object(m.clone()),
            seeded: None,
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
            continue;
        }
        if !seeded.contains(id) || !cal.deleted.insert(*id) {
            return Err(format!("delete: no event {id} for athlete {athlete_id}"));
        }
        cal.edits.remove(id);
    }
    Ok(touched)
}
