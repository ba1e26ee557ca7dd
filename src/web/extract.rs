//! The partner API's query and JSON body extractors: one error style for both. A value that does
//! not fit its field, a missing field and an unknown one are each a 422 `validation` naming the
//! field (`limit`, `user_id`, `[0].name`), as the handlers' own checks do; only a body that is
//! not JSON at all stays a 400 `bad-request` (actix's `JsonConfig` reads it first, with its
//! size and media type rules).

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::web::errors::{AppError, FieldError};

/// A refusal of serde's, as the field it names and what is wrong with it. Serde names a missing
/// field in its message rather than in the path (which then ends at its parent).
fn field_error(path: &serde_path_to_error::Path, message: &str, what: &str) -> FieldError {
    let parent = path.to_string();
    let parent = if parent == "." { String::new() } else { parent };
    // An unknown field's path already ends with it; a missing one's ends at its parent.
    let join = |name: &str| {
        if parent == name || parent.ends_with(&format!(".{name}")) {
            parent.clone()
        } else if parent.is_empty() {
            name.to_owned()
        } else {
            format!("{parent}.{name}")
        }
    };
    let named = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once('`'))
            .map(|(name, rest)| (name.to_owned(), rest.to_owned()))
    };
    if let Some((name, rest)) = named("unknown field `") {
        let expected = rest.trim_start_matches(", ");
        let message = if expected.starts_with("there are no fields") {
            format!("unknown {what}; this operation takes none")
        } else {
            format!("unknown {what}; {expected}")
        };
        return FieldError {
            field: join(&name),
            message,
        };
    }
    if let Some((name, _)) = named("missing field `") {
        return FieldError {
            field: join(&name),
            message: "is required".to_owned(),
        };
    }
    // serde_json appends the position, which says nothing more once the field is named.
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    FieldError {
        field: parent,
        message: message.to_owned(),
    }
}

fn refusal(error: FieldError, prefix: &str) -> AppError {
    let detail = if error.field.is_empty() {
        format!("{prefix}{}", error.message)
    } else {
        format!("{}: {}", error.field, error.message)
    };
    AppError::validation(detail, vec![error])
}

/// `T` read from a query string: a bad value, an unknown parameter (with
/// `#[serde(deny_unknown_fields)]`) or a missing one is a 422 naming it.
pub fn query<T: DeserializeOwned>(query: &str) -> Result<T, AppError> {
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(de).map_err(|e| {
        let message = e.inner().to_string();
        let mut error = field_error(e.path(), &message, "query parameter");
        // The value as sent, so a partner sees what was refused.
        if let Some((_, value)) =
            form_urlencoded::parse(query.as_bytes()).find(|(k, _)| *k == error.field)
        {
            if !message.starts_with("unknown field") {
                error.message = format!("cannot read '{value}': {message}");
            }
        }
        refusal(error, "the query string: ")
    })
}

/// `T` read from a JSON value: a value of the wrong type, an unknown field (with
/// `#[serde(deny_unknown_fields)]`) or a missing one is a 422 naming it.
pub fn json<T: DeserializeOwned>(value: Value) -> Result<T, AppError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let message = e.inner().to_string();
        refusal(field_error(e.path(), &message, "field"), "the body: ")
    })
}

/// The query string as `T`; see [`query`].
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T> Query<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Query<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(query(req.query_string()).map(Query))
    }
}

/// The JSON body as `T`, read under the app's `JsonConfig` (size, media type, syntax) and then
/// checked field by field; see [`json`].
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Json<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let value = actix_web::web::Json::<Value>::from_request(req, payload);
        Box::pin(async move {
            let value = value.await?.into_inner();
            Ok(Json(json(value)?))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Q {
        limit: Option<u32>,
        cursor: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct B {
        user_id: String,
        inner: Option<Vec<Inner>>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        n: u8,
    }

    fn refused<T: std::fmt::Debug>(r: Result<T, AppError>) -> (String, String) {
        let e = r.unwrap_err();
        assert_eq!(e.status.as_u16(), 422, "{e}");
        assert_eq!(e.errors.len(), 1);
        (e.errors[0].field.clone(), e.errors[0].message.clone())
    }

    #[test]
    fn query_refusals_name_the_parameter() {
        assert!(query::<Q>("limit=5&cursor=x").is_ok());
        let (field, message) = refused(query::<Q>("limit=ten"));
        assert_eq!(field, "limit");
        assert!(message.contains("'ten'"), "{message}");
        let (field, message) = refused(query::<Q>("limt=5"));
        assert_eq!(field, "limt");
        assert!(message.contains("`limit`"), "{message}");
    }

    #[test]
    fn body_refusals_name_the_field() {
        let (field, _) = refused(json::<B>(serde_json::json!({"userId": "a"})));
        assert_eq!(field, "userId");
        let (field, message) = refused(json::<B>(serde_json::json!({})));
        assert_eq!(
            (field.as_str(), message.as_str()),
            ("user_id", "is required")
        );
        let (field, _) = refused(json::<B>(serde_json::json!({"user_id": 5})));
        assert_eq!(field, "user_id");
        let (field, _) = refused(json::<B>(
            serde_json::json!({"user_id": "a", "inner": [{"n": 1}, {"n": "x"}]}),
        ));
        assert_eq!(field, "inner[1].n");
        let (field, _) = refused(json::<B>(
            serde_json::json!({"user_id": "a", "inner": [{"m": 1}]}),
        ));
        assert_eq!(field, "inner[0].m");
    }
}
