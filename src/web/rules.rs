//! The input rules the server enforces, stated in the OpenAPI document where the handlers'
//! annotations cannot say them (patterns and lists taken from the validation code's own constants,
//! array items, enums computed from catalogs): [`declare`] adds them to the finished document.
//! Rules that OpenAPI cannot express (a date window's span, an opaque cursor, a file's contents,
//! a URL registered on the tenant) stay in the descriptions.

use serde_json::{json, Map, Value};

use crate::domain::webhooks::outbox::{KNOWN_TYPES, MAX_FILTER_ENTRIES};
use crate::domain::workouts::{
    ACTIVITY_TYPES, CATEGORIES, FILE_FORMATS, MAX_BATCH, MAX_DESCRIPTION_CHARS, MAX_MOVING_TIME,
    MAX_NAME_CHARS, MAX_TRAINING_LOAD, TARGETS,
};

/// `YYYY-MM-DD`.
pub const DAY: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (local).
pub const LOCAL: &str =
    "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])?$";
/// `support::validation::is_url_safe_id`.
pub const URL_SAFE_ID: &str = "^[A-Za-z0-9._~-]{1,128}$";

/// One of `values`, or null (which the handlers read as absent).
fn nullable_enum(values: &[&str]) -> Value {
    let mut values: Vec<Value> = values.iter().map(|v| json!(v)).collect();
    values.push(Value::Null);
    json!({ "enum": values })
}

fn url_safe_id() -> Value {
    json!({"pattern": URL_SAFE_ID, "minLength": 1, "maxLength": 128})
}

/// Every entry a webhook filter takes: a known type, or `prefix.*` for a dotted prefix of one.
pub fn webhook_filter_entries() -> Vec<String> {
    let mut entries: Vec<String> = KNOWN_TYPES.iter().map(|t| t.to_string()).collect();
    for t in KNOWN_TYPES {
        let mut prefix = String::new();
        for part in t.split('.').take(t.split('.').count() - 1) {
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            entries.push(format!("{prefix}.*"));
        }
    }
    entries.sort();
    entries.dedup();
    entries
}

/// Every scope a connect session takes.
fn scopes() -> Vec<String> {
    crate::domain::scopes::AREAS
        .iter()
        .flat_map(|a| [format!("{a}:READ"), format!("{a}:WRITE")])
        .collect()
}

/// (operation id, query parameter, what its schema adds).
fn query_rules() -> Vec<(&'static str, &'static str, Value)> {
    let formats = json!({"enum": FILE_FORMATS});
    vec![
        ("list_users", "limit", json!({"minimum": 1, "maximum": 200})),
        (
            "list_webhook_deliveries",
            "limit",
            json!({"minimum": 1, "maximum": 100}),
        ),
        ("list_activities", "oldest", json!({"pattern": LOCAL})),
        ("list_activities", "newest", json!({"pattern": LOCAL})),
        (
            "list_activities",
            "limit",
            json!({"minimum": 1, "maximum": 1000}),
        ),
        ("read_wellness", "oldest", json!({"pattern": LOCAL})),
        ("read_wellness", "newest", json!({"pattern": LOCAL})),
        ("list_workouts", "oldest", json!({"pattern": DAY})),
        ("list_workouts", "newest", json!({"pattern": DAY})),
        ("list_workouts", "format", formats.clone()),
        ("download_workout_file", "format", formats),
        ("queue_wellness", "push", json!({"enum": ["now"]})),
        (
            "delete_workouts",
            "external_id",
            json!({"minItems": 1, "maxItems": MAX_BATCH, "items": url_safe_id()}),
        ),
    ]
}

/// (operation id, what its JSON request body's schema adds).
fn body_rules() -> Vec<(&'static str, Value)> {
    vec![
        (
            "upsert_workouts",
            json!({"minItems": 1, "maxItems": MAX_BATCH}),
        ),
        // Its cap (`MAX_RECORDS`, in the description) is left out: Schemathesis 4.32 fails in
        // its own code building a 1000-record body (a flaky Hypothesis draw), so CI could not run.
        // Its records' schema (`WellnessRecordIn`) comes with the typed answers (`answers`).
        ("queue_wellness", json!({"minItems": 1})),
    ]
}

/// (component schema, property, what its schema adds).
fn component_rules() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        ("UploadForm", "external_id", url_safe_id()),
        // A form field is text: `null` would arrive as the word.
        (
            "UploadForm",
            "paired_event_id",
            json!({"type": "integer", "minimum": 1}),
        ),
        ("UploadForm", "name", json!({"maxLength": 200})),
        ("UploadForm", "device_name", json!({"maxLength": 100})),
        ("PlannedWorkoutIn", "external_id", url_safe_id()),
        (
            "PlannedWorkoutIn",
            "start_date_local",
            json!({"pattern": LOCAL}),
        ),
        ("PlannedWorkoutIn", "category", nullable_enum(&CATEGORIES)),
        ("PlannedWorkoutIn", "type", nullable_enum(&ACTIVITY_TYPES)),
        ("PlannedWorkoutIn", "target", nullable_enum(&TARGETS)),
        (
            "PlannedWorkoutIn",
            "name",
            json!({"minLength": 1, "maxLength": MAX_NAME_CHARS, "pattern": "\\S"}),
        ),
        (
            "PlannedWorkoutIn",
            "description",
            json!({"maxLength": MAX_DESCRIPTION_CHARS}),
        ),
        (
            "PlannedWorkoutIn",
            "moving_time",
            json!({"minimum": 0, "maximum": MAX_MOVING_TIME}),
        ),
        (
            "PlannedWorkoutIn",
            "icu_training_load",
            json!({"minimum": 0, "maximum": MAX_TRAINING_LOAD}),
        ),
        ("WorkoutFileIn", "format", json!({"enum": FILE_FORMATS})),
        ("CreateConnectSession", "user_id", url_safe_id()),
        (
            "CreateConnectSession",
            "scopes",
            json!({"minItems": 1, "maxItems": crate::domain::scopes::AREAS.len(),
                   "uniqueItems": true, "items": {"enum": scopes()}}),
        ),
        (
            "TenantChanges",
            "webhook_events",
            json!({"maxItems": MAX_FILTER_ENTRIES, "items": {"enum": webhook_filter_entries()}}),
        ),
        (
            "TenantChanges",
            "redirect_urls",
            json!({"type": "array", "maxItems": crate::domain::tenants::MAX_REDIRECT_URLS}),
        ),
    ]
}

/// Forms and bodies whose unknown fields the handler refuses.
fn closed_components() -> [&'static str; 2] {
    ["UploadForm", "TenantChanges"]
}

fn merge(schema: &mut Value, add: &Value) {
    if let (Value::Object(schema), Value::Object(add)) = (schema, add) {
        for (k, v) in add {
            match schema.get_mut(k) {
                Some(existing @ Value::Object(_)) if v.is_object() => merge(existing, v),
                _ => {
                    schema.insert(k.clone(), v.clone());
                }
            }
        }
    }
}

/// Adds the rules to the document; a rule whose place is missing is a bug, caught by the tests.
pub fn declare(doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    let mut v = serde_json::to_value(&doc).expect("the document serializes");
    let mut missing = Vec::new();
    let ops: Vec<&mut Map<String, Value>> = v["paths"]
        .as_object_mut()
        .into_iter()
        .flat_map(|paths| paths.values_mut())
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut())
        .filter_map(Value::as_object_mut)
        .collect();
    let mut ops = ops;
    for (op_id, name, add) in query_rules() {
        let param = ops
            .iter_mut()
            .filter(|op| op.get("operationId").and_then(Value::as_str) == Some(op_id))
            .flat_map(|op| op.get_mut("parameters").and_then(Value::as_array_mut))
            .flatten()
            .find(|p| p["name"] == name && p["in"] == "query");
        match param {
            Some(p) => merge(&mut p["schema"], &add),
            None => missing.push(format!("{op_id} {name}")),
        }
    }
    for (op_id, add) in body_rules() {
        let schema = ops
            .iter_mut()
            .find(|op| op.get("operationId").and_then(Value::as_str) == Some(op_id))
            .and_then(|op| op.get_mut("requestBody"))
            .and_then(|b| b.pointer_mut("/content/application~1json/schema"));
        match schema {
            Some(schema) => merge(schema, &add),
            None => missing.push(format!("{op_id} body")),
        }
    }
    for (component, name, add) in component_rules() {
        match v["components"]["schemas"][component]["properties"].get_mut(name) {
            Some(schema) => merge(schema, &add),
            None => missing.push(format!("{component}.{name}")),
        }
    }
    for component in closed_components() {
        match v["components"]["schemas"].get_mut(component) {
            Some(schema) => merge(schema, &json!({"additionalProperties": false})),
            None => missing.push(component.to_owned()),
        }
    }
    assert!(missing.is_empty(), "rules without a place: {missing:?}");
    serde_json::from_value(v).expect("the document with its rules deserializes")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::webhooks::outbox::EventFilter;

    #[test]
    fn what_the_enums_list_the_server_takes() {
        for entry in webhook_filter_entries() {
            assert!(
                EventFilter::parse(std::slice::from_ref(&entry)).is_ok(),
                "{entry}"
            );
        }
        for scope in scopes() {
            assert!(
                crate::domain::scopes::ScopeSet::parse(&scope).is_ok(),
                "{scope}"
            );
        }
        for day in ["2026-02-28", "1999-12-31"] {
            assert!(crate::support::dates::parse_day(day).is_some());
        }
    }

    #[test]
    fn every_rule_finds_its_place_in_the_document() {
        // `declare` panics on a rule whose operation, parameter or component is gone.
        let doc = serde_json::to_value(crate::web::openapi::document()).unwrap();
        let limit = doc["paths"]["/v1/users/{user_id}/activities"]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "limit")
            .unwrap();
        assert_eq!(limit["schema"]["maximum"], 1000);
        let form = &doc["components"]["schemas"]["UploadForm"];
        assert_eq!(form["additionalProperties"], false);
        assert_eq!(form["properties"]["external_id"]["pattern"], URL_SAFE_ID);
    }
}
