//! What invalid input looks like below the HTTP layer: a list of field errors that a handler
//! turns into a 422 problem (`errors[]`), so domain validation never needs `AppError`.

use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldError {
    /// JSON pointer-ish location of the bad input, e.g. `scopes` or `[2].weight`.
    pub field: String,
    pub message: String,
}

/// Error lists stop here: a request's refusal costs no more than its first hundred problems.
pub const MAX_ERRORS: usize = 100;

/// Whether a list has collected enough problems to stop looking (one more than it shows, so the
/// answer can say the list was cut).
pub fn enough(errors: &[FieldError]) -> bool {
    errors.len() > MAX_ERRORS
}

/// Parses JSON holding at most `max_values` values (each scalar, array and object counts one),
/// refusing a bigger document when its first value past the limit is read: a pass that builds
/// nothing counts first, so a body shaped to be expensive costs what its limit allows, not
/// what its size does.
pub fn parse_bounded_json(
    bytes: &[u8],
    max_values: usize,
) -> Result<serde_json::Value, BoundedJsonError> {
    use serde::de::DeserializeSeed;
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut budget = Budget {
        left: max_values,
        exceeded: false,
    };
    Count(&mut budget)
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| match budget.exceeded {
            true => BoundedJsonError::TooManyValues(max_values),
            false => BoundedJsonError::Invalid(e),
        })?;
    serde_json::from_slice(bytes).map_err(BoundedJsonError::Invalid)
}

#[derive(Debug, thiserror::Error)]
pub enum BoundedJsonError {
    #[error("the body holds more than {0} JSON values")]
    TooManyValues(usize),
    #[error("invalid JSON: {0}")]
    Invalid(serde_json::Error),
}

struct Budget {
    left: usize,
    exceeded: bool,
}

/// Counts the values of a JSON document down from a budget, building nothing.
struct Count<'a>(&'a mut Budget);

impl Count<'_> {
    fn take<E: serde::de::Error>(&mut self) -> Result<(), E> {
        if self.0.left == 0 {
            self.0.exceeded = true;
            return Err(E::custom("too many values"));
        }
        self.0.left -= 1;
        Ok(())
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Count<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Count<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: serde::de::Error>(mut self, _: bool) -> Result<(), E> {
        self.take()
    }
    fn visit_i64<E: serde::de::Error>(mut self, _: i64) -> Result<(), E> {
        self.take()
    }
    fn visit_u64<E: serde::de::Error>(mut self, _: u64) -> Result<(), E> {
        self.take()
    }
    fn visit_f64<E: serde::de::Error>(mut self, _: f64) -> Result<(), E> {
        self.take()
    }
    fn visit_str<E: serde::de::Error>(mut self, _: &str) -> Result<(), E> {
        self.take()
    }
    fn visit_unit<E: serde::de::Error>(mut self) -> Result<(), E> {
        self.take()
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        self.take()?;
        while seq.next_element_seed(Count(&mut *self.0))?.is_some() {}
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        self.take()?;
        while map.next_key::<serde::de::IgnoredAny>()?.is_some() {
            map.next_value_seed(Count(&mut *self.0))?;
        }
        Ok(())
    }
}

/// A partner's own id (a user id, an `external_id`): 1 to 128 URL-safe characters (letters,
/// digits, `-`, `_`, `.`, `~`).
pub fn is_url_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'))
}

/// What to tell a partner whose id breaks `is_url_safe_id`.
pub const URL_SAFE_ID_RULE: &str =
    "must be 1 to 128 URL-safe characters (letters, digits, '-', '_', '.', '~')";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_json_counts_every_value() {
        // An array, an object, three scalars: five values.
        let doc = br#"[{"a": 1, "b": [true]}]"#;
        assert_eq!(parse_bounded_json(doc, 5).unwrap()[0]["a"], 1);
        let err = parse_bounded_json(doc, 4).unwrap_err();
        assert!(matches!(err, BoundedJsonError::TooManyValues(4)), "{err}");
        let err = parse_bounded_json(b"[1, 2", 10).unwrap_err();
        assert!(matches!(err, BoundedJsonError::Invalid(_)), "{err}");
        assert!(parse_bounded_json(b"[1] x", 10).is_err());
    }
}
