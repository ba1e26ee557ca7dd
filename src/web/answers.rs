//! The document's typed answers where the handlers' annotations only say "an object": what
//! Intervals.icu sends (its own schemas, derived in [`super::icu_schemas`]) with what the bridge
//! adds, the wellness fields with their units and ranges, and the `webhooks` section (OpenAPI
//! 3.1): every event type a tenant's endpoint receives, so a generator can build payload models.

use serde_json::{json, Map, Value};

use crate::domain::webhooks::catalog;
use crate::domain::wellness::fields;

/// The headers every webhook request carries (Standard Webhooks).
fn webhook_headers() -> Value {
    json!([
        {"name": "webhook-id", "in": "header", "required": true, "schema": {"type": "string"},
         "description": "The message id (`msg_…`): the same on every attempt and resend of one event, so a receiver can drop repeats."},
        {"name": "webhook-timestamp", "in": "header", "required": true, "schema": {"type": "string", "pattern": "^[0-9]+$"},
         "description": "Seconds since the Unix epoch when this attempt was signed; refuse ones far from now."},
        {"name": "webhook-signature", "in": "header", "required": true, "schema": {"type": "string"},
         "description": "`v1,<base64 HMAC-SHA256>` over `{webhook-id}.{webhook-timestamp}.{body}` with the tenant's `whsec_…` secret (during a rotation's overlap, one signature per secret, space-separated). Any Standard Webhooks library verifies it."},
    ])
}

fn nullable_string(description: &str) -> Value {
    json!({"type": ["string", "null"], "description": description})
}

fn scopes() -> Value {
    json!({"type": "array", "items": {"type": "string"},
           "description": "What this tenant may use now: what it asked for, narrowed by the athlete's grant."})
}

/// The schema of a field of an event's `data`, by its name. Every field any event carries is
/// here: the catalog's test checks that each example's fields are.
pub fn data_field(name: &str) -> Option<Value> {
    Some(match name {
        "user_id" => {
            nullable_string("The partner's own id for its user (null for `webhook.test`).")
        }
        "athlete_id" => {
            nullable_string("The user's Intervals.icu athlete id (null for `webhook.test`).")
        }
        "scopes" => scopes(),
        "athlete_name" => nullable_string("The athlete's name on Intervals.icu."),
        "status" => {
            json!({"type": "string", "enum": ["active", "revoked", "invalid"], "description": "The connection's status."})
        }
        "reason" => json!({"type": "string", "description": "Why, in words."}),
        "days" => {
            json!({"type": "array", "items": {"type": "string", "format": "date"}, "description": "The wellness days (`YYYY-MM-DD`)."})
        }
        "error" => json!({"type": "string", "description": "Why the push failed, in words."}),
        "message" => json!({"type": "string"}),
        "upstream_type" => {
            json!({"type": "string", "description": "Intervals.icu's own event type (`ACTIVITY_UPLOADED`, …)."})
        }
        "upstream_timestamp" => {
            json!({"type": "string", "description": "When Intervals.icu sent the event."})
        }
        "activity" => json!({"$ref": "#/components/schemas/Activity"}),
        "records" => {
            json!({"type": "array", "items": {"$ref": "#/components/schemas/WellnessDay"}})
        }
        "events" => {
            json!({"type": "array", "items": {"$ref": "#/components/schemas/PlannedWorkout"}})
        }
        "deleted_events" => {
            json!({"type": "array", "items": {"type": "integer", "format": "int64"}, "description": "Ids of deleted calendar events."})
        }
        "sportSettings" => {
            json!({"type": "array", "items": {"$ref": "#/components/schemas/IcuSportSettings"}})
        }
        _ => return None,
    })
}

/// `connection.created` → `ConnectionCreatedEvent`.
pub fn event_schema_name(event_type: &str) -> String {
    let mut name = String::new();
    for part in event_type.split(['.', '_']) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            name.extend(first.to_uppercase());
            name.push_str(chars.as_str());
        }
    }
    name.push_str("Event");
    name
}

/// The `webhooks` section and each event's payload schema (added to `schemas`).
fn webhooks(schemas: &mut Map<String, Value>) -> Value {
    let mut hooks = Map::new();
    for event in catalog::events() {
        let bodies: Vec<&Value> = event.examples.iter().map(|(_, body)| body).collect();
        let mut properties = Map::new();
        let mut required: Vec<String> = Vec::new();
        for body in &bodies {
            for key in body["data"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, _)| k)
            {
                if properties.contains_key(key) {
                    continue;
                }
                let schema = data_field(key)
                    .unwrap_or_else(|| panic!("{}: data field {key} has no schema", event.name));
                properties.insert(key.clone(), schema);
                if bodies.iter().all(|b| b["data"].get(key).is_some()) {
                    required.push(key.clone());
                }
            }
        }
        let name = event_schema_name(&event.name);
        let mut description = format!("{} Sent to: {}", event.when, event.who);
        if let Some(upstream) = bodies
            .first()
            .and_then(|b| b["data"]["upstream_type"].as_str())
        {
            description.push_str(&format!(
                " Intervals.icu's `{upstream}`; its other fields pass as Intervals.icu sends them."
            ));
        }
        schemas.insert(
            name.clone(),
            json!({
                "type": "object",
                "description": description,
                "required": ["type", "timestamp", "data"],
                "properties": {
                    "type": {"type": "string", "enum": [event.name]},
                    "timestamp": {"type": "string", "format": "date-time", "description": "When the bridge recorded the event (UTC)."},
                    "data": {"type": "object", "required": required, "properties": properties},
                },
            }),
        );
        let examples: Map<String, Value> = event
            .examples
            .iter()
            .enumerate()
            .map(|(i, (what, body))| {
                let key = if what.is_empty() { format!("example{}", i + 1) } else { what.replace(' ', "_") };
                (key, json!({"summary": if what.is_empty() { event.name.as_str() } else { what }, "value": body}))
            })
            .collect();
        hooks.insert(
            event.name.clone(),
            json!({"post": {
                "operationId": format!("webhook_{}", event.name.replace('.', "_")),
                "summary": format!("`{}`", event.name),
                "description": description,
                "tags": ["webhooks"],
                "parameters": webhook_headers(),
                "requestBody": {"required": true, "content": {"application/json": {
                    "schema": {"$ref": format!("#/components/schemas/{name}")},
                    "examples": examples,
                }}},
                "responses": {
                    "2XX": {"description": format!("Received. Any other answer (or none within {} seconds) is tried again with growing delays for about three days; `410 Gone` stops deliveries to the endpoint.", crate::services::state::WEBHOOK_TIMEOUT.as_secs())},
                },
            }}),
        );
    }
    Value::Object(hooks)
}

/// An object schema whose fields are `base`'s plus `extra`.
fn extended(base: &str, description: &str, extra: Value) -> Value {
    json!({
        "description": description,
        "allOf": [
            {"$ref": format!("#/components/schemas/{base}")},
            {"type": "object", "properties": extra},
        ],
    })
}

fn bridge_schemas() -> Map<String, Value> {
    let external_id = nullable_string(
        "This tenant's own `external_id` when it uploaded the activity, else null.",
    );
    let wellness = fields::write_schemas();
    let mut read_wellness = super::icu_schemas::components()
        .remove("IcuWellness")
        .expect("IcuWellness is derived");
    if let Some(props) = read_wellness["properties"].as_object_mut() {
        for (name, prop) in props.iter_mut() {
            if let Some(d) = fields::read_description(name) {
                prop["description"] = json!(d);
            }
        }
    }
    read_wellness["description"] = json!("A wellness day as Intervals.icu has it (its `Wellness`): `id` is the day `YYYY-MM-DD`. Each field says its unit and what the bridge accepts when writing it.");
    let day = json!({"type": "string", "pattern": super::rules::DAY, "description": "The day, `YYYY-MM-DD`."});
    let mut record = wellness.clone();
    record.insert("id".into(), day);
    let mut out = Map::new();
    out.insert(
        "Activity".into(),
        extended(
            "IcuActivity",
            "An activity summary: Intervals.icu's `Activity`, with this tenant's `external_id`. Activities that came from Strava are stubs Intervals.icu cannot share (`stub: true`, with `_note`).",
            json!({
                "external_id": external_id,
                "stub": {"type": "boolean", "description": "True for an activity from Strava that Intervals.icu cannot share: only `id`, `start_date_local`, `source` and `_note` are given."},
                "_note": nullable_string("Intervals.icu's note on a stub."),
            }),
        ),
    );
    out.insert(
        "ActivityDetail".into(),
        extended(
            "IcuActivityWithIntervals",
            "One activity: Intervals.icu's `ActivityWithIntervals` (the summary with `icu_intervals` and `icu_groups`), with this tenant's `external_id`.",
            json!({"external_id": external_id}),
        ),
    );
    out.insert("WellnessDay".into(), read_wellness);
    out.insert(
        "WellnessFields".into(),
        json!({"type": "object", "description": "Intervals.icu's writable wellness fields, with their units and the ranges the bridge accepts; `-1` unsets a numeric field.",
               "properties": wellness, "additionalProperties": false}),
    );
    out.insert(
        "WellnessRecordIn".into(),
        json!({"type": "object", "description": "One day of wellness to hand over: `id` and at least one writable field.",
               "required": ["id"], "minProperties": 2, "properties": record, "additionalProperties": false}),
    );
    out.insert(
        "PlannedWorkout".into(),
        extended(
            "IcuEvent",
            "A calendar event as Intervals.icu has it (its `Event`: `workout_doc` with `_power`/`_hr`/`_pace` absolute targets, …), with this tenant's `external_id` and `created_by_this_tenant`, and, when a `format` was asked for, `file`.",
            json!({
                "external_id": nullable_string("This tenant's own id when it wrote the event, else null."),
                "created_by_this_tenant": {"type": "boolean"},
                "file": {"type": "object", "description": "The workout as a file, in the `format` asked for.",
                         "required": ["filename", "content_type", "content_base64"],
                         "properties": {
                             "filename": {"type": "string"},
                             "content_type": {"type": "string"},
                             "content_base64": {"type": "string", "contentEncoding": "base64"},
                         }},
            }),
        ),
    );
    out
}

/// Points `schema`'s property `name` at `to` (keeping its description), or records it missing.
fn point(
    schemas: &mut Map<String, Value>,
    schema: &str,
    pointer: &str,
    to: Value,
    missing: &mut Vec<String>,
) {
    match schemas.get_mut(schema).and_then(|s| s.pointer_mut(pointer)) {
        Some(place) => {
            let description = place.get("description").cloned();
            *place = to;
            if let (Some(d), Some(obj)) = (description, place.as_object_mut()) {
                obj.entry("description").or_insert(d);
            }
        }
        None => missing.push(format!("{schema}{pointer}")),
    }
}

fn reference(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

/// The finished document with the typed answers, the wellness record schema and the `webhooks`
/// section, as JSON (utoipa's model has no `webhooks` and does not read back every JSON Schema
/// keyword these use).
pub fn add(doc: &utoipa::openapi::OpenApi) -> Value {
    let mut v = serde_json::to_value(doc).expect("the document serializes");
    let mut missing = Vec::new();
    let hooks;
    {
        let schemas = v["components"]["schemas"]
            .as_object_mut()
            .expect("the document has schemas");
        schemas.extend(super::icu_schemas::components());
        schemas.extend(bridge_schemas());
        let items = |name: &str| json!({"type": "array", "items": reference(name)});
        point(
            schemas,
            "ActivityList",
            "/properties/data",
            items("Activity"),
            &mut missing,
        );
        point(
            schemas,
            "WellnessList",
            "/properties/data",
            items("WellnessDay"),
            &mut missing,
        );
        point(
            schemas,
            "WorkoutList",
            "/properties/data",
            items("PlannedWorkout"),
            &mut missing,
        );
        point(
            schemas,
            "PendingRecord",
            "/properties/fields",
            reference("WellnessFields"),
            &mut missing,
        );
        hooks = webhooks(schemas);
    }
    let one = v.pointer_mut(
        "/paths/~1v1~1users~1{user_id}~1activities~1{activity_id}/get/responses/200/content/application~1json/schema",
    );
    match one {
        Some(schema) => *schema = reference("ActivityDetail"),
        None => missing.push("get_activity 200".into()),
    }
    let body = v.pointer_mut(
        "/paths/~1v1~1users~1{user_id}~1wellness/put/requestBody/content/application~1json/schema",
    );
    match body {
        Some(schema) => {
            schema["items"] = reference("WellnessRecordIn");
        }
        None => missing.push("queue_wellness body".into()),
    }
    assert!(
        missing.is_empty(),
        "typed answers without a place: {missing:?}"
    );
    v["webhooks"] = hooks;
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_event_schemas() {
        assert_eq!(
            event_schema_name("connection.created"),
            "ConnectionCreatedEvent"
        );
        assert_eq!(
            event_schema_name("wellness.push_failed"),
            "WellnessPushFailedEvent"
        );
        assert_eq!(event_schema_name("webhook.test"), "WebhookTestEvent");
    }

    #[test]
    fn every_event_type_has_a_webhook_and_a_payload_schema() {
        let doc = crate::web::openapi::typed(&crate::web::openapi::document());
        let hooks = doc["webhooks"].as_object().expect("a webhooks section");
        let mut known = crate::domain::webhooks::outbox::KNOWN_TYPES.to_vec();
        known.sort_unstable();
        let mut names: Vec<&str> = hooks.keys().map(String::as_str).collect();
        names.sort_unstable();
        assert_eq!(names, known);
        for (name, hook) in hooks {
            let schema = hook["post"]["requestBody"]["content"]["application/json"]["schema"]
                ["$ref"]
                .as_str()
                .unwrap();
            let component = schema.rsplit('/').next().unwrap();
            assert_eq!(
                doc["components"]["schemas"][component]["properties"]["type"]["enum"][0],
                name.as_str()
            );
        }
        let list = &doc["components"]["schemas"]["ActivityList"]["properties"]["data"];
        assert_eq!(list["items"]["$ref"], "#/components/schemas/Activity");
    }
}
