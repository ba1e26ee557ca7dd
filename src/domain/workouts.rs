//! Planned workouts a tenant writes: every record checked before anything is sent, turned into
//! Intervals.icu's `EventEx` under the tenant's namespaced `external_id`; and calendar events
//! read back (the list, `calendar.updated`) showing only the tenant's own id.

use std::collections::HashSet;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{Map, Value};

use crate::db::types::TenantId;
use crate::domain::uploads::{namespaced_for, upstream_external_id};
use crate::support::validation::{self, is_url_safe_id, FieldError, URL_SAFE_ID_RULE};

/// Planned workouts one request may write (one upstream call).
pub const MAX_BATCH: usize = 200;
/// Intervals.icu refuses longer names with a 422.
pub const MAX_NAME_CHARS: usize = 80;
pub const MAX_DESCRIPTION_CHARS: usize = 16 * 1024;
/// A workout file, decoded.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Longest `moving_time`: a week, in seconds.
pub const MAX_MOVING_TIME: i64 = 7 * 24 * 3600;
pub const MAX_TRAINING_LOAD: i64 = 10_000;

/// The workout file formats Intervals.icu reads and writes.
pub const FILE_FORMATS: [&str; 4] = ["zwo", "mrc", "erg", "fit"];
/// The categories a partner may write.
pub const CATEGORIES: [&str; 5] = ["WORKOUT", "NOTE", "RACE_A", "RACE_B", "RACE_C"];
pub const TARGETS: [&str; 4] = ["AUTO", "POWER", "HR", "PACE"];
/// Intervals.icu's activity types.
pub const ACTIVITY_TYPES: [&str; 60] = [
    "Ride",
    "Run",
    "Swim",
    "WeightTraining",
    "Hike",
    "Walk",
    "AlpineSki",
    "BackcountrySki",
    "Badminton",
    "Canoeing",
    "Crossfit",
    "EBikeRide",
    "EMountainBikeRide",
    "Elliptical",
    "Golf",
    "GravelRide",
    "TrackRide",
    "Handcycle",
    "HighIntensityIntervalTraining",
    "Hockey",
    "IceSkate",
    "InlineSkate",
    "Kayaking",
    "Kitesurf",
    "MountainBikeRide",
    "Cyclocross",
    "NordicSki",
    "OpenWaterSwim",
    "Padel",
    "Pilates",
    "Pickleball",
    "Racquetball",
    "Rugby",
    "RockClimbing",
    "RollerSki",
    "Rowing",
    "Sail",
    "Skateboard",
    "Snowboard",
    "Snowshoe",
    "Soccer",
    "Squash",
    "StairStepper",
    "StandUpPaddling",
    "Surfing",
    "TableTennis",
    "Tennis",
    "TrailRun",
    "Transition",
    "Velomobile",
    "VirtualRide",
    "VirtualRow",
    "VirtualRun",
    "VirtualSki",
    "WaterSport",
    "Wheelchair",
    "Windsurf",
    "Workout",
    "Yoga",
    "Other",
];

const FIELDS: [&str; 11] = [
    "external_id",
    "start_date_local",
    "category",
    "type",
    "name",
    "description",
    "file",
    "moving_time",
    "icu_training_load",
    "indoor",
    "target",
];

/// One checked planned workout.
#[derive(Debug, Clone, PartialEq)]
pub struct NewWorkout {
    /// The tenant's own id.
    pub external_id: String,
    /// Intervals.icu's `EventEx` fields except `external_id`.
    pub event: Map<String, Value>,
}

impl NewWorkout {
    /// The `EventEx` sent upstream, under the tenant's namespace.
    pub fn upstream(&self, tenant_id: &TenantId) -> Value {
        let mut event = self.event.clone();
        event.insert(
            "external_id".into(),
            Value::String(upstream_external_id(tenant_id, &self.external_id)),
        );
        Value::Object(event)
    }
}

/// Checks a request body: an array of 1 to `MAX_BATCH` planned workouts, each valid, no
/// `external_id` twice. Either every record is good or the errors name each bad one.
pub fn validate_batch(body: &Value) -> Result<Vec<NewWorkout>, Vec<FieldError>> {
    let err = |message: &str| {
        vec![FieldError {
            field: String::new(),
            message: message.to_owned(),
        }]
    };
    let Value::Array(items) = body else {
        return Err(err("the body must be a JSON array of planned workouts"));
    };
    if items.is_empty() {
        return Err(err("send at least one planned workout"));
    }
    if items.len() > MAX_BATCH {
        return Err(err(&format!(
            "send at most {MAX_BATCH} planned workouts per request"
        )));
    }
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if validation::enough(&errors) {
            break;
        }
        if let Some(w) = validate_one(i, item, &mut errors) {
            if !seen.insert(w.external_id.clone()) {
                errors.push(FieldError {
                    field: format!("[{i}].external_id"),
                    message: "appears more than once in this request".into(),
                });
            }
            out.push(w);
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn validate_one(i: usize, item: &Value, errors: &mut Vec<FieldError>) -> Option<NewWorkout> {
    let Value::Object(obj) = item else {
        errors.push(FieldError {
            field: format!("[{i}]"),
            message: "must be an object".into(),
        });
        return None;
    };
    let before = errors.len();
    let mut r = Record {
        i,
        obj,
        errors,
        event: Map::new(),
    };
    r.unknown_fields();
    let external_id = r.external_id();
    r.start_date();
    let category = r.category();
    r.activity_type(category);
    r.name();
    r.steps(category, external_id.as_deref());
    r.numbers();
    r.options();
    if r.errors.len() > before {
        return None;
    }
    Some(NewWorkout {
        external_id: external_id?,
        event: r.event,
    })
}

/// One record of a batch being checked: its fields, the errors found so far (named
/// `[i].field`), and the upstream event built from the fields that passed.
struct Record<'a> {
    i: usize,
    obj: &'a Map<String, Value>,
    errors: &'a mut Vec<FieldError>,
    event: Map<String, Value>,
}

impl<'a> Record<'a> {
    fn bad(&mut self, field: &str, message: &str) {
        self.errors.push(FieldError {
            field: format!("[{}].{field}", self.i),
            message: message.to_owned(),
        });
    }

    /// The field's value; `null` is the same as absent.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.obj.get(key).filter(|v| !v.is_null())
    }

    fn set(&mut self, key: &str, value: Value) {
        self.event.insert(key.into(), value);
    }

    fn unknown_fields(&mut self) {
        let obj = self.obj;
        // One more than a list shows, so the answer can say it was cut.
        let unknown = obj.keys().filter(|k| !FIELDS.contains(&k.as_str()));
        for key in unknown.take(validation::MAX_ERRORS + 1) {
            self.bad(key, &format!("unknown field; known: {}", FIELDS.join(", ")));
        }
    }

    fn external_id(&mut self) -> Option<String> {
        let message = match self.get("external_id") {
            Some(Value::String(s)) if is_url_safe_id(s) => return Some(s.clone()),
            Some(Value::String(_)) => URL_SAFE_ID_RULE,
            Some(_) => "must be a string",
            None => "is required: your own id for this planned workout",
        };
        self.bad("external_id", message);
        None
    }

    fn start_date(&mut self) {
        match self
            .get("start_date_local")
            .map(|v| v.as_str().map(local_start))
        {
            Some(Some(Some(start))) => self.set("start_date_local", Value::String(start)),
            Some(_) => self.bad(
                "start_date_local",
                "must be a local date YYYY-MM-DD or date-time YYYY-MM-DDTHH:MM:SS",
            ),
            None => self.bad("start_date_local", "is required"),
        }
    }

    /// The category (`WORKOUT` unless given), which decides what else is required.
    fn category(&mut self) -> &'static str {
        let category = match self.get("category") {
            None => "WORKOUT",
            Some(Value::String(c)) if CATEGORIES.contains(&c.as_str()) => CATEGORIES
                .iter()
                .find(|k| **k == c)
                .copied()
                .unwrap_or("WORKOUT"),
            Some(_) => {
                let message = format!("must be one of {}", CATEGORIES.join(", "));
                self.bad("category", &message);
                "WORKOUT"
            }
        };
        self.set("category", Value::String(category.into()));
        category
    }

    fn activity_type(&mut self, category: &str) {
        match self.get("type") {
            Some(Value::String(t)) if ACTIVITY_TYPES.contains(&t.as_str()) => {
                self.set("type", Value::String(t.clone()))
            }
            Some(_) => self.bad(
                "type",
                "must be an Intervals.icu activity type such as Ride, Run, Swim, VirtualRide",
            ),
            None if category == "WORKOUT" => {
                self.bad("type", "is required for a WORKOUT (e.g. Ride, Run)")
            }
            None => {}
        }
    }

    fn name(&mut self) {
        match self.get("name") {
            Some(Value::String(n)) if n.trim().is_empty() => self.bad("name", "must not be empty"),
            Some(Value::String(n)) if n.chars().count() > MAX_NAME_CHARS => self.bad(
                "name",
                &format!("must be at most {MAX_NAME_CHARS} characters"),
            ),
            Some(Value::String(n)) => self.set("name", Value::String(n.clone())),
            Some(_) => self.bad("name", "must be a string"),
            None => self.bad("name", "is required"),
        }
    }

    /// The workout's steps: workout text (`description`) or a file, not both; a WORKOUT needs
    /// one of them. A file is named after the external id.
    fn steps(&mut self, category: &str, external_id: Option<&str>) {
        let description = self.description();
        let file = self.get("file").and_then(|f| match check_file(f) {
            Ok(file) => Some(file),
            Err((field, message)) => {
                self.bad(&field, &message);
                None
            }
        });
        match (&description, &file, self.get("file").is_some()) {
            (Some(_), _, true) => self.bad(
                "file",
                "send the workout either as description (workout text) or as file, not both",
            ),
            (None, None, false) if category == "WORKOUT" => self.bad(
                "description",
                "a WORKOUT needs its steps: description (workout text) or file",
            ),
            _ => {}
        }
        if let Some(d) = description {
            self.set("description", Value::String(d));
        }
        if let (Some((format, content)), Some(ext)) = (file, external_id) {
            self.set("filename", Value::String(format!("{ext}.{format}")));
            self.set("file_contents_base64", Value::String(content));
        }
    }

    /// The workout text, when one is given and not blank.
    fn description(&mut self) -> Option<String> {
        match self.get("description") {
            Some(Value::String(d)) if d.chars().count() > MAX_DESCRIPTION_CHARS => {
                let message = format!("must be at most {MAX_DESCRIPTION_CHARS} characters");
                self.bad("description", &message);
                None
            }
            Some(Value::String(d)) if !d.trim().is_empty() => Some(d.clone()),
            Some(Value::String(_)) | None => None,
            Some(_) => {
                self.bad(
                    "description",
                    "must be a string (Intervals.icu's workout text)",
                );
                None
            }
        }
    }

    fn numbers(&mut self) {
        for (key, max) in [
            ("moving_time", MAX_MOVING_TIME),
            ("icu_training_load", MAX_TRAINING_LOAD),
        ] {
            match self.get(key) {
                Some(Value::Number(n)) if n.as_i64().is_some_and(|v| (0..=max).contains(&v)) => {
                    self.set(key, Value::Number(n.clone()))
                }
                Some(_) => self.bad(key, &format!("must be a whole number from 0 to {max}")),
                None => {}
            }
        }
    }

    /// `indoor` and `target`.
    fn options(&mut self) {
        match self.get("indoor") {
            Some(Value::Bool(b)) => self.set("indoor", Value::Bool(*b)),
            Some(_) => self.bad("indoor", "must be true or false"),
            None => {}
        }
        match self.get("target") {
            Some(Value::String(t)) if TARGETS.contains(&t.as_str()) => {
                self.set("target", Value::String(t.clone()))
            }
            Some(_) => self.bad("target", &format!("must be one of {}", TARGETS.join(", "))),
            None => {}
        }
    }
}

/// A day becomes its midnight: Intervals.icu wants a local date-time.
fn local_start(s: &str) -> Option<String> {
    crate::support::dates::parse_local(s).map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string())
}

/// `{"format", "content_base64"}`: a known format whose bytes decode and look like it.
/// Answers the format and the content as given, or the field at fault and why.
fn check_file(f: &Value) -> Result<(&'static str, String), (String, String)> {
    let Value::Object(obj) = f else {
        return Err((
            "file".into(),
            "must be an object {\"format\", \"content_base64\"}".into(),
        ));
    };
    if let Some(k) = obj
        .keys()
        .find(|k| !matches!(k.as_str(), "format" | "content_base64"))
    {
        return Err((
            format!("file.{k}"),
            "unknown field; known: format, content_base64".into(),
        ));
    }
    let format = match obj.get("format").and_then(Value::as_str) {
        Some(f) => FILE_FORMATS
            .iter()
            .find(|k| **k == f)
            .copied()
            .ok_or_else(|| ("file.format".to_owned(), format_rule()))?,
        None => return Err(("file.format".into(), format_rule())),
    };
    let content = obj
        .get("content_base64")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            (
                "file.content_base64".to_owned(),
                "is required: the file's bytes in base64".to_owned(),
            )
        })?;
    let bad = |m: String| ("file.content_base64".to_owned(), m);
    if content.len() > MAX_FILE_BYTES.div_ceil(3) * 4 {
        return Err(bad(format!(
            "the file must be at most {} KiB",
            MAX_FILE_BYTES / 1024
        )));
    }
    let bytes = STANDARD
        .decode(content)
        .map_err(|_| bad("is not valid base64".into()))?;
    if bytes.is_empty() {
        return Err(bad("the file is empty".into()));
    }
    if !looks_like(format, &bytes) {
        return Err(bad(format!(
            "does not look like a {} file",
            format.to_uppercase()
        )));
    }
    Ok((format, content.to_owned()))
}

fn format_rule() -> String {
    format!("must be one of {}", FILE_FORMATS.join(", "))
}

/// A first look at a workout file's bytes: enough to refuse the wrong file, not a full parse.
pub fn looks_like(format: &str, bytes: &[u8]) -> bool {
    match format {
        // A FIT file: header size 12 or 14, then ".FIT" at bytes 8..12.
        "fit" => bytes.len() >= 14 && matches!(bytes[0], 12 | 14) && &bytes[8..12] == b".FIT",
        _ => {
            let Ok(text) = std::str::from_utf8(bytes) else {
                return false;
            };
            let text = text.trim_start_matches('\u{feff}').trim_start();
            match format {
                "zwo" => text.starts_with('<') && text.contains("<workout_file"),
                // MRC (percent of FTP) and ERG (watts) are course files with a data section.
                _ => {
                    let upper = text.to_ascii_uppercase();
                    upper.contains("[COURSE HEADER]") && upper.contains("[COURSE DATA]")
                }
            }
        }
    }
}

/// Whether an upstream value (string or number) is this deployment's OAuth client id.
fn is_client(v: Option<&Value>, client_id: &str) -> bool {
    match v {
        Some(Value::String(s)) => s == client_id,
        Some(Value::Number(n)) => n.to_string() == client_id,
        _ => false,
    }
}

/// A calendar event as a tenant sees it: `external_id` is the tenant's own id when this tenant
/// wrote the event through this deployment's OAuth app, else null; `created_by_this_tenant` says
/// which.
pub fn map_event(obj: &mut Map<String, Value>, tenant_id: &TenantId, client_id: &str) {
    let own = if is_client(obj.get("oauth_client_id"), client_id) {
        obj.get("external_id")
            .and_then(Value::as_str)
            .and_then(|e| namespaced_for(tenant_id, e))
    } else {
        None
    };
    obj.insert("created_by_this_tenant".into(), Value::Bool(own.is_some()));
    obj.insert(
        "external_id".into(),
        own.map(Value::String).unwrap_or(Value::Null),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(r: Result<Vec<NewWorkout>, Vec<FieldError>>) -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn a_day_becomes_midnight_and_defaults_apply() {
        let w = validate_batch(&json!([{
            "external_id": "plan-1", "start_date_local": "2026-12-01", "type": "Ride",
            "name": "Tempo", "description": "- 10m 60%"
        }]))
        .unwrap();
        assert_eq!(w[0].external_id, "plan-1");
        assert_eq!(w[0].event["start_date_local"], "2026-12-01T00:00:00");
        assert_eq!(w[0].event["category"], "WORKOUT");
        let up = w[0].upstream(&"t1".into());
        assert_eq!(up["external_id"], "t1.plan-1");
    }

    #[test]
    fn every_bad_field_is_named_with_its_index() {
        let long = "x".repeat(81);
        let r = validate_batch(&json!([
            {"external_id": "ok", "start_date_local": "2026-12-01T07:30:00", "type": "Run",
             "name": "Easy", "description": "- 30m 70% Pace"},
            {"external_id": "a b", "start_date_local": "12/01/2026", "category": "PLAN",
             "name": long, "target": "WATTS", "moving_time": -1, "colour": "red"},
            {"external_id": "ok", "start_date_local": "2026-12-02", "name": "No type",
             "description": "- 5m 50%"},
        ]));
        assert_eq!(
            fields(r),
            [
                "[1].colour",
                "[1].external_id",
                "[1].start_date_local",
                "[1].category",
                "[1].type",
                "[1].name",
                "[1].description",
                "[1].moving_time",
                "[1].target",
                "[2].type",
            ]
        );
    }

    #[test]
    fn an_external_id_twice_is_refused() {
        let one = json!({"external_id": "x", "start_date_local": "2026-12-01", "category": "NOTE",
                         "name": "n"});
        assert_eq!(
            fields(validate_batch(&json!([one, one]))),
            ["[1].external_id"]
        );
    }

    #[test]
    fn files_must_decode_and_look_like_their_format() {
        let zwo = STANDARD.encode("<workout_file><workout/></workout_file>");
        let item = |format: &str, content: &str| {
            json!([{"external_id": "f", "start_date_local": "2026-12-01", "type": "Ride",
                    "name": "n", "file": {"format": format, "content_base64": content}}])
        };
        let ok = validate_batch(&item("zwo", &zwo)).unwrap();
        assert_eq!(ok[0].event["filename"], "f.zwo");
        assert_eq!(ok[0].event["file_contents_base64"], zwo.as_str());
        assert_eq!(
            fields(validate_batch(&item("fit", &zwo))),
            ["[0].file.content_base64"]
        );
        assert_eq!(
            fields(validate_batch(&item("zwo", "not base64!"))),
            ["[0].file.content_base64"]
        );
        assert_eq!(
            fields(validate_batch(&item("gpx", &zwo))),
            ["[0].file.format"]
        );
        let mrc = "[COURSE HEADER]\nMINUTES PERCENT\n[END COURSE HEADER]\n[COURSE DATA]\n0 50\n10 50\n[END COURSE DATA]\n";
        assert!(validate_batch(&item("mrc", &STANDARD.encode(mrc))).is_ok());
        let mut both = item("zwo", &zwo);
        both[0]["description"] = json!("- 10m 60%");
        assert_eq!(fields(validate_batch(&both)), ["[0].file"]);
    }

    #[test]
    fn batches_are_bounded() {
        assert_eq!(fields(validate_batch(&json!([]))), [""]);
        assert_eq!(fields(validate_batch(&json!({"a": 1}))), [""]);
        let one = |i: usize| {
            json!({"external_id": format!("n{i}"), "start_date_local": "2026-12-01",
                   "category": "NOTE", "name": "n"})
        };
        let max: Vec<Value> = (0..MAX_BATCH).map(one).collect();
        assert!(validate_batch(&Value::Array(max)).is_ok());
        let over: Vec<Value> = (0..=MAX_BATCH).map(one).collect();
        assert_eq!(fields(validate_batch(&Value::Array(over))), [""]);
    }

    #[test]
    fn events_show_only_the_tenants_own_ids() {
        let mut mine = json!({"external_id": "t1.plan", "oauth_client_id": 42})
            .as_object()
            .cloned()
            .unwrap();
        map_event(&mut mine, &"t1".into(), "42");
        assert_eq!(mine["external_id"], "plan");
        assert_eq!(mine["created_by_this_tenant"], true);
        for (ext, client) in [
            ("t2.plan", json!(42)),
            ("t1.plan", json!(7)),
            ("plan", json!(42)),
        ] {
            let mut other = json!({"external_id": ext, "oauth_client_id": client})
                .as_object()
                .cloned()
                .unwrap();
            map_event(&mut other, &"t1".into(), "42");
            assert_eq!(other["external_id"], Value::Null, "{ext} {client}");
            assert_eq!(other["created_by_this_tenant"], false);
        }
    }
}

#[cfg(test)]
mod openapi_tests {
    //! The events we send against Intervals.icu's own OpenAPI document (`../shared`, beside the
    //! repository: skipped with a notice when absent unless `BRIDGE_REQUIRE_OPENAPI=1`).

    use super::*;
    use serde_json::json;

    fn document() -> Option<Value> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/intervals-icu/openapi.json");
        match std::fs::read_to_string(&path) {
            Ok(text) => Some(serde_json::from_str(&text).expect("the OpenAPI document is JSON")),
            Err(e) if std::env::var("BRIDGE_REQUIRE_OPENAPI").as_deref() == Ok("1") => {
                panic!("{} is required: {e}", path.display())
            }
            Err(_) => {
                eprintln!("skipping the EventEx check: {} is absent", path.display());
                None
            }
        }
    }

    fn strings(v: &Value) -> Vec<&str> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect()
    }

    #[test]
    fn the_events_we_send_use_eventex_fields_and_values() {
        let Some(doc) = document() else { return };
        let schemas = &doc["components"]["schemas"];
        let props = schemas["EventEx"]["properties"].as_object().unwrap();
        let fit = {
            let mut b = vec![14u8, 0x10, 0, 0, 0, 0, 0, 0];
            b.extend_from_slice(b".FIT");
            b.extend_from_slice(&[0, 0]);
            STANDARD.encode(b)
        };
        let w = validate_batch(&json!([
            {"external_id": "a", "start_date_local": "2026-12-01", "type": "Ride", "name": "n",
             "category": "RACE_A", "description": "- 1h 70%", "moving_time": 3600,
             "icu_training_load": 60, "indoor": false, "target": "HR"},
            {"external_id": "b", "start_date_local": "2026-12-01", "type": "Ride", "name": "n",
             "file": {"format": "fit", "content_base64": fit}}
        ]))
        .unwrap();
        for one in &w {
            for key in one.upstream(&"t".into()).as_object().unwrap().keys() {
                assert!(props.contains_key(key), "EventEx has no {key}");
            }
        }
        let categories = strings(&props["category"]["enum"]);
        assert!(CATEGORIES.iter().all(|c| categories.contains(c)));
        let targets = strings(&props["target"]["enum"]);
        assert!(TARGETS.iter().all(|t| targets.contains(t)));
        assert!(schemas["DoomedEvent"]["properties"]
            .as_object()
            .unwrap()
            .contains_key("external_id"));
        // The activity types, as the document lists them for workouts.
        let import = &doc["paths"]["/api/v1/athlete/{id}/folders/{folderId}/import-workout"]
            ["post"]["parameters"];
        let types = import
            .as_array()
            .unwrap()
            .iter()
            .find_map(|p| p["schema"].get("enum"))
            .map(strings)
            .expect("the activity types");
        assert_eq!(types, ACTIVITY_TYPES);
    }
}
