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

/// Control (Cc), format (Cf: zero-width, bidirectional marks, embeddings, overrides and
/// isolates, the byte-order mark…) and line or paragraph separator characters: what must never
/// reach a terminal or a page from a stored value.
pub fn is_unprintable(c: char) -> bool {
    c.is_control()
        || matches!(
            u32::from(c),
            0xAD | 0x600..=0x605
                | 0x61C
                | 0x6DD
                | 0x70F
                | 0x890..=0x891
                | 0x8E2
                | 0x180E
                | 0x200B..=0x200F
                | 0x2028..=0x202E
                | 0x2060..=0x2064
                | 0x2066..=0x206F
                | 0xFEFF
                | 0xFFF9..=0xFFFB
                | 0x110BD
                | 0x110CD
                | 0x13430..=0x1343F
                | 0x1BCA0..=0x1BCA3
                | 0x1D173..=0x1D17A
                | 0xE0001
                | 0xE0020..=0xE007F
        )
}

/// `s` with each unprintable character written as Rust writes it (`\u{1b}`), for a terminal.
pub fn escape_unprintable(s: &str) -> String {
    s.chars()
        .map(|c| match is_unprintable(c) {
            true => c.escape_unicode().to_string(),
            false => c.to_string(),
        })
        .collect()
}

/// JSON text with each unprintable character inside its strings written as a `\uXXXX` escape,
/// for a terminal; the JSON means the same. Outside strings only JSON's whitespace can be such a
/// character (and is kept); inside, serde_json already escapes those.
pub fn escape_unprintable_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_unprintable(c) && !matches!(c, '\n' | '\r' | '\t') {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
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

    #[test]
    fn unprintable_characters_are_escaped() {
        for c in [
            '\u{0}', '\u{1b}', '\u{7f}', '\u{202e}', '\u{2066}', '\u{200b}', '\u{feff}',
        ] {
            assert!(is_unprintable(c), "{c:?}");
        }
        for c in ['a', 'é', ' ', '日', '😀'] {
            assert!(!is_unprintable(c), "{c:?}");
        }
        assert_eq!(
            escape_unprintable("a\u{1b}[2J\u{202e}b"),
            "a\\u{1b}[2J\\u{202e}b"
        );
        let json =
            serde_json::to_string(&serde_json::json!({"n": "a\u{1b}\u{202e}\u{e0041}"})).unwrap();
        let escaped = escape_unprintable_json(&json);
        assert!(
            escaped.chars().all(|c| c == '\n' || !is_unprintable(c)),
            "{escaped}"
        );
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back["n"], "a\u{1b}\u{202e}\u{e0041}");
    }
}
