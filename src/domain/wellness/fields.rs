//! Intervals.icu's writable wellness fields (the `Wellness` schema less the computed ones), with
//! types, sensible ranges and enums. `-1` unsets a numeric field upstream, so it is always valid.

use chrono::Datelike;
use serde_json::{Map, Value};

use crate::support::validation::FieldError;

#[derive(Debug, Clone, Copy)]
enum Kind {
    /// Integer within the range.
    Int(i64, i64),
    /// Number within the range.
    Num(f64, f64),
    Text(usize),
    Enum(&'static [&'static str]),
    Bool,
}

const SCALE: Kind = Kind::Int(1, 4);
const PHASES: &[&str] = &["PERIOD", "FOLLICULAR", "OVULATING", "LUTEAL", "NONE"];

/// (name, kind, unit for messages)
const FIELDS: &[(&str, Kind, &str)] = &[
    ("weight", Kind::Num(1.0, 500.0), "kg"),
    ("restingHR", Kind::Int(20, 250), "bpm"),
    ("hrv", Kind::Num(1.0, 1000.0), "ms"),
    ("hrvSDNN", Kind::Num(1.0, 1000.0), "ms"),
    ("kcalConsumed", Kind::Int(0, 30_000), "kcal"),
    ("sleepSecs", Kind::Int(0, 86_400), "s"),
    ("sleepScore", Kind::Num(0.0, 100.0), ""),
    ("sleepQuality", SCALE, "1 good … 4 bad"),
    ("avgSleepingHR", Kind::Num(20.0, 250.0), "bpm"),
    ("soreness", SCALE, "1 good … 4 bad"),
    ("fatigue", SCALE, "1 good … 4 bad"),
    ("stress", SCALE, "1 good … 4 bad"),
    ("mood", SCALE, "1 good … 4 bad"),
    ("motivation", SCALE, "1 good … 4 bad"),
    ("injury", SCALE, "1 good … 4 bad"),
    ("hydration", SCALE, "1 good … 4 bad"),
    ("spO2", Kind::Num(50.0, 100.0), "%"),
    ("systolic", Kind::Int(50, 300), "mmHg"),
    ("diastolic", Kind::Int(20, 200), "mmHg"),
    ("hydrationVolume", Kind::Num(0.0, 20_000.0), "ml"),
    ("readiness", Kind::Num(0.0, 100.0), ""),
    ("baevskySI", Kind::Num(0.0, 10_000.0), ""),
    ("bloodGlucose", Kind::Num(0.0, 50.0), "mmol/L"),
    ("lactate", Kind::Num(0.0, 40.0), "mmol/L"),
    ("bodyFat", Kind::Num(1.0, 80.0), "%"),
    ("abdomen", Kind::Num(20.0, 300.0), "cm"),
    ("vo2max", Kind::Num(10.0, 100.0), "ml/kg/min"),
    ("comments", Kind::Text(2000), ""),
    ("steps", Kind::Int(0, 200_000), ""),
    ("respiration", Kind::Num(1.0, 100.0), "breaths/min"),
    ("carbohydrates", Kind::Num(0.0, 5000.0), "g"),
    ("protein", Kind::Num(0.0, 5000.0), "g"),
    ("fatTotal", Kind::Num(0.0, 5000.0), "g"),
    ("menstrualPhase", Kind::Enum(PHASES), ""),
    ("locked", Kind::Bool, ""),
];

/// Computed upstream; a partner cannot set them.
const READ_ONLY: &[&str] = &[
    "ctl",
    "atl",
    "rampRate",
    "ctlLoad",
    "atlLoad",
    "sportInfo",
    "updated",
    "menstrualPhasePredicted",
    "tempWeight",
    "tempRestingHR",
];

fn check(kind: Kind, unit: &str, v: &Value) -> Result<(), String> {
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" ({unit})")
    };
    match kind {
        Kind::Int(lo, hi) => {
            let n = v
                .as_i64()
                .or_else(|| v.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64));
            match n {
                Some(-1) => Ok(()),
                Some(n) if (lo..=hi).contains(&n) => Ok(()),
                Some(_) => Err(format!(
                    "must be an integer from {lo} to {hi}{unit}, or -1 to unset"
                )),
                None => Err(format!(
                    "must be an integer from {lo} to {hi}{unit}, or -1 to unset"
                )),
            }
        }
        Kind::Num(lo, hi) => match v.as_f64() {
            Some(n) if n == -1.0 || (n >= lo && n <= hi) => Ok(()),
            _ => Err(format!(
                "must be a number from {lo} to {hi}{unit}, or -1 to unset"
            )),
        },
        Kind::Text(max) => match v {
            Value::String(s) if s.chars().count() <= max => Ok(()),
            Value::String(_) => Err(format!("must be at most {max} characters")),
            _ => Err("must be a string".into()),
        },
        Kind::Enum(values) => match v.as_str() {
            Some(s) if values.contains(&s) => Ok(()),
            _ => Err(format!("must be one of {}", values.join(", "))),
        },
        Kind::Bool => match v {
            Value::Bool(_) => Ok(()),
            _ => Err("must be true or false".into()),
        },
    }
}

/// The JSON Schema of each writable field (for the OpenAPI document): its type, range or
/// values, and unit, from the table the validation uses; a numeric field also takes `-1`.
pub fn write_schemas() -> Map<String, Value> {
    FIELDS
        .iter()
        .map(|(name, kind, unit)| {
            let unit = if unit.is_empty() {
                String::new()
            } else {
                format!(" ({unit})")
            };
            let unset = serde_json::json!({"enum": [-1], "description": "unsets the field"});
            let schema = match kind {
                Kind::Int(lo, hi) => serde_json::json!({
                    "anyOf": [{"type": "integer", "minimum": lo, "maximum": hi}, unset],
                    "description": format!("An integer from {lo} to {hi}{unit}; -1 unsets it."),
                }),
                Kind::Num(lo, hi) => serde_json::json!({
                    "anyOf": [{"type": "number", "minimum": lo, "maximum": hi}, unset],
                    "description": format!("A number from {lo} to {hi}{unit}; -1 unsets it."),
                }),
                Kind::Text(max) => serde_json::json!({
                    "type": "string", "maxLength": max,
                    "description": format!("Text, at most {max} characters."),
                }),
                Kind::Enum(values) => serde_json::json!({
                    "type": "string", "enum": values,
                    "description": format!("One of {}.", values.join(", ")),
                }),
                Kind::Bool => serde_json::json!({"type": "boolean"}),
            };
            (name.to_string(), schema)
        })
        .collect()
}

/// What a field of a wellness day read from Intervals.icu means: its unit and the range the
/// bridge accepts when writing it, or that Intervals.icu computes it.
pub fn read_description(name: &str) -> Option<String> {
    if READ_ONLY.contains(&name) {
        return Some("Computed by Intervals.icu (read only).".into());
    }
    let (_, kind, unit) = FIELDS.iter().find(|(n, _, _)| *n == name)?;
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" ({unit})")
    };
    Some(match kind {
        Kind::Int(lo, hi) => format!("An integer{unit}; written from {lo} to {hi}."),
        Kind::Num(lo, hi) => format!("A number{unit}; written from {lo} to {hi}."),
        Kind::Text(max) => format!("Text, written at most {max} characters."),
        Kind::Enum(values) => format!("One of {}.", values.join(", ")),
        Kind::Bool => "true or false.".into(),
    })
}

/// Validates one record (`{"id":"YYYY-MM-DD", field: value…}`) at array index `index`.
/// Returns the date and the fields to merge.
pub fn validate_record(
    index: usize,
    record: &Value,
    errors: &mut Vec<FieldError>,
) -> Option<(String, Map<String, Value>)> {
    let at = |field: &str| format!("[{index}].{field}");
    let mut push = |field: String, message: String| errors.push(FieldError { field, message });
    let Some(obj) = record.as_object() else {
        push(format!("[{index}]"), "must be an object".into());
        return None;
    };
    let day = match obj.get("id") {
        Some(Value::String(s)) => match crate::support::dates::parse_day(s) {
            Some(d) if s.len() == 10 => {
                let today = chrono::Utc::now().date_naive();
                if d.year_ce().1 < 1900 || d > today + chrono::Duration::days(366) {
                    push(
                        at("id"),
                        "must be a date between 1900 and a year from now".into(),
                    );
                    None
                } else {
                    Some(s.clone())
                }
            }
            _ => {
                push(at("id"), "must be a real date YYYY-MM-DD".into());
                None
            }
        },
        Some(_) => {
            push(at("id"), "must be a date string YYYY-MM-DD".into());
            None
        }
        None => {
            push(at("id"), "is required (the local date YYYY-MM-DD)".into());
            None
        }
    };
    let mut fields = Map::new();
    let before = errors.len();
    for (name, value) in obj {
        if name == "id" {
            continue;
        }
        let field = at(name);
        if READ_ONLY.contains(&name.as_str()) {
            errors.push(FieldError {
                field,
                message: "is computed by Intervals.icu and cannot be written".into(),
            });
            continue;
        }
        match FIELDS.iter().find(|(n, _, _)| *n == name) {
            None => errors.push(FieldError {
                field,
                message: "is not a writable Intervals.icu wellness field".into(),
            }),
            Some((_, kind, unit)) => match check(*kind, unit, value) {
                Ok(()) => {
                    fields.insert(name.clone(), value.clone());
                }
                Err(message) => errors.push(FieldError { field, message }),
            },
        }
    }
    if fields.is_empty() && errors.len() == before && day.is_some() {
        errors.push(FieldError {
            field: format!("[{index}]"),
            message: "has no fields to write".into(),
        });
    }
    (errors.len() == before)
        .then_some(())
        .and(day.map(|d| (d, fields)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn errs(v: Value) -> Vec<String> {
        let mut e = Vec::new();
        validate_record(0, &v, &mut e);
        e.into_iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect()
    }

    #[test]
    fn validates_fields() {
        assert!(errs(json!({"id": "2026-11-20", "weight": 70.5, "restingHR": 48, "sleepQuality": 2, "menstrualPhase": "LUTEAL", "locked": true, "comments": "ok"})).is_empty());
        assert!(
            errs(json!({"id": "2026-11-20", "weight": -1, "restingHR": -1})).is_empty(),
            "-1 unsets"
        );
        assert_eq!(errs(json!({"id": "2026-02-30", "weight": 70})).len(), 1);
        assert_eq!(errs(json!({"id": "20261120", "weight": 70})).len(), 1);
        assert_eq!(errs(json!({"weight": 70})).len(), 1);
        assert_eq!(
            errs(json!({"id": "2026-11-20", "sleepQuality": 5})).len(),
            1
        );
        assert_eq!(
            errs(json!({"id": "2026-11-20", "restingHR": 48.5})).len(),
            1
        );
        assert_eq!(errs(json!({"id": "2026-11-20", "weight": "70"})).len(), 1);
        assert_eq!(errs(json!({"id": "2026-11-20", "ctl": 50})).len(), 1);
        assert_eq!(
            errs(json!({"id": "2026-11-20", "favouriteColour": "red"})).len(),
            1
        );
        assert_eq!(
            errs(json!({"id": "2026-11-20", "menstrualPhase": "SPRING"})).len(),
            1
        );
        assert_eq!(errs(json!({"id": "2026-11-20"})).len(), 1);
        assert_eq!(errs(json!("2026-11-20")).len(), 1);
    }
}
