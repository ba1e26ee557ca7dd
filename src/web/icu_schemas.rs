//! The answers' shapes that come from Intervals.icu (an activity, a wellness day, a calendar
//! event, sport settings), derived from Intervals.icu's own OpenAPI document into
//! `icu_schemas.json`, which the bridge's document carries as `Icu…` components.
//!
//! The derived file is committed (the document is not: it lives beside the repository, in
//! `../shared/intervals-icu/openapi.json`); a test regenerates it from that document when present
//! and fails when the committed one is stale (rewriting it, so the fix is to commit it).

#[cfg(test)]
use serde_json::json;
use serde_json::{Map, Value};

/// The derived components, as committed.
pub const DERIVED: &str = include_str!("icu_schemas.json");

#[cfg(test)]
/// Intervals.icu's schemas the bridge's answers use; those they refer to come along.
pub const ROOTS: [&str; 5] = [
    "Activity",
    "ActivityWithIntervals",
    "Wellness",
    "Event",
    "SportSettings",
];

#[cfg(test)]
/// The name a derived schema has in the bridge's document.
pub fn derived_name(upstream: &str) -> String {
    format!("Icu{upstream}")
}

#[cfg(test)]
fn referenced(schema: &Value, out: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                if let Some(name) = r.strip_prefix("#/components/schemas/") {
                    out.push(name.to_owned());
                }
            }
            map.values().for_each(|v| referenced(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| referenced(v, out)),
        _ => {}
    }
}

#[cfg(test)]
/// A schema as the bridge states it: references renamed, maps left open (Intervals.icu's
/// `additionalProperties` on `workout_doc` and the like do not describe what it sends), and, when
/// `nullable`, `null` allowed too (Intervals.icu leaves out or nulls any field it has no value for).
fn convert(schema: &Value, nullable: bool) -> Value {
    let Some(map) = schema.as_object() else {
        return schema.clone();
    };
    if let Some(Value::String(r)) = map.get("$ref") {
        let name = r.rsplit('/').next().unwrap_or_default();
        let reference = json!({"$ref": format!("#/components/schemas/{}", derived_name(name))});
        return if nullable {
            json!({"anyOf": [reference, {"type": "null"}]})
        } else {
            reference
        };
    }
    let mut out = Map::new();
    for (key, value) in map {
        match key.as_str() {
            "type" if nullable => {
                out.insert(key.clone(), json!([value, "null"]));
            }
            "enum" if nullable => {
                let mut values = value.as_array().cloned().unwrap_or_default();
                values.push(Value::Null);
                out.insert(key.clone(), Value::Array(values));
            }
            "properties" => {
                let props: Map<String, Value> = value
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(name, prop)| (name.clone(), convert(prop, true)))
                    .collect();
                out.insert(key.clone(), Value::Object(props));
            }
            "items" => {
                out.insert(key.clone(), convert(value, false));
            }
            "additionalProperties" | "example" | "required" | "readOnly" | "writeOnly" => {}
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    Value::Object(out)
}

#[cfg(test)]
/// The derived components from Intervals.icu's OpenAPI document (its text), as the committed
/// file holds them: pretty JSON, keys sorted, a final newline.
pub fn derive(document: &str) -> Result<String, String> {
    let doc: Value = serde_json::from_str(document).map_err(|e| e.to_string())?;
    let schemas = doc["components"]["schemas"]
        .as_object()
        .ok_or("the document has no components.schemas")?;
    let mut todo: Vec<String> = ROOTS.iter().map(|s| s.to_string()).collect();
    let mut out = Map::new();
    while let Some(name) = todo.pop() {
        if out.contains_key(&derived_name(&name)) {
            continue;
        }
        let schema = schemas
            .get(&name)
            .ok_or_else(|| format!("the document has no schema {name}"))?;
        referenced(schema, &mut todo);
        let mut converted = convert(schema, false);
        if let Some(obj) = converted.as_object_mut() {
            obj.insert(
                "description".into(),
                json!(format!(
                    "Intervals.icu's `{name}`, as its OpenAPI document has it (any field may be absent or null)."
                )),
            );
        }
        out.insert(derived_name(&name), converted);
    }
    // `Map` keeps keys sorted (serde_json without `preserve_order`), so the text is stable.
    let mut text = serde_json::to_string_pretty(&Value::Object(out)).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// The committed components.
pub fn components() -> Map<String, Value> {
    match serde_json::from_str(DERIVED) {
        Ok(Value::Object(map)) => map,
        _ => panic!("icu_schemas.json is not a JSON object"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// `../shared/intervals-icu/openapi.json` beside the repository, or `None` with a notice (a
    /// failure when `BRIDGE_REQUIRE_OPENAPI=1`).
    fn upstream_document() -> Option<String> {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/intervals-icu/openapi.json");
        match std::fs::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(e) => {
                assert!(
                    std::env::var("BRIDGE_REQUIRE_OPENAPI").as_deref() != Ok("1"),
                    "BRIDGE_REQUIRE_OPENAPI=1 but {} cannot be read: {e}",
                    path.display()
                );
                eprintln!(
                    "skipped: {} is absent ({e}); icu_schemas.json was not compared with it",
                    path.display()
                );
                None
            }
        }
    }

    #[test]
    fn derived_schemas_match_intervals_icu_document() {
        let Some(doc) = upstream_document() else {
            return;
        };
        let wanted = derive(&doc).expect("the document reads");
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web/icu_schemas.json");
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != wanted {
            std::fs::write(&path, &wanted).expect("rewrite");
            panic!(
                "{} was out of date and has been regenerated: review and commit it",
                path.display()
            );
        }
    }

    #[test]
    fn the_committed_schemas_are_complete_and_nullable() {
        let derived = components();
        for root in ROOTS {
            assert!(derived.contains_key(&derived_name(root)), "{root}");
        }
        let mut refs = Vec::new();
        for schema in derived.values() {
            referenced(schema, &mut refs);
        }
        for r in refs {
            assert!(
                derived.contains_key(&r),
                "{r} is referred to but not derived"
            );
        }
        let activity = &derived["IcuActivity"]["properties"];
        assert_eq!(activity["id"]["type"], json!(["string", "null"]));
        assert_eq!(
            activity["icu_training_load"]["type"],
            json!(["integer", "null"])
        );
    }

    #[test]
    fn conversion_renames_and_opens() {
        let got = convert(
            &json!({"type": "object", "required": ["a"], "properties": {
                "a": {"$ref": "#/components/schemas/Thing"},
                "b": {"type": "string", "enum": ["X"]},
                "c": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                "d": {"type": "object", "additionalProperties": {"type": "object"}}
            }}),
            false,
        );
        assert_eq!(
            got,
            json!({"type": "object", "properties": {
                "a": {"anyOf": [{"$ref": "#/components/schemas/IcuThing"}, {"type": "null"}]},
                "b": {"type": ["string", "null"], "enum": ["X", null]},
                "c": {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/IcuThing"}},
                "d": {"type": ["object", "null"]}
            }})
        );
    }
}
