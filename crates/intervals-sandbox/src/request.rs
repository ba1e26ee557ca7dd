//! What handlers read from a request: form and query pairs as upstream's Spring reads them, the
//! `fields=` selection, the upstream path whatever the mount point, and JSON control bodies.

use actix_multipart::Multipart;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::http::StatusCode;
use actix_web::{HttpMessage, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::errors::{error, unprocessable};

/// Form or query pairs with repeated keys kept, as browsers send checkbox groups.
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    pub(crate) fn parse(raw: &[u8]) -> Params {
        Params(
            url::form_urlencoded::parse(raw)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    pub(crate) fn query(req: &HttpRequest) -> Params {
        Params::parse(req.query_string().as_bytes())
    }

    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// `fields=a,b&fields=c`: the keys a listing keeps.
    pub(crate) fn fields(&self) -> Vec<String> {
        self.all("fields")
            .flat_map(|f| f.split(','))
            .map(|f| f.trim().to_owned())
            .filter(|f| !f.is_empty())
            .collect()
    }
}

/// `fields` keeps only the named keys (and those in `always`) and, as documented upstream, drops
/// null values; no `fields` keeps everything.
pub(crate) fn select(v: Value, fields: &[String], always: &[&str]) -> Value {
    if fields.is_empty() {
        return v;
    }
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(k, v)| {
                    always.contains(&k.as_str()) || (!v.is_null() && fields.iter().any(|f| f == k))
                })
                .collect(),
        ),
        other => other,
    }
}

/// The path Intervals.icu would have seen, independent of where the sandbox is mounted; set by
/// the `/api` middleware for handlers that echo the path back.
#[derive(Clone)]
pub(crate) struct UpstreamPath(pub String);

pub(crate) fn upstream_path(req: &HttpRequest) -> String {
    req.extensions()
        .get::<UpstreamPath>()
        .map(|p| p.0.clone())
        .unwrap_or_else(|| req.path().to_owned())
}

/// A control body, parsed by hand so a bad one gets the sandbox's JSON error rather than actix's
/// plain text.
pub(crate) fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, HttpResponse> {
    serde_json::from_slice(body)
        .map_err(|e| error(StatusCode::BAD_REQUEST, &format!("Invalid JSON body: {e}")))
}

/// Spring reads `@RequestBody` only from JSON; anything else is 415 before validation.
pub(crate) fn json_body(req: &HttpRequest, body: &[u8]) -> Result<Value, HttpResponse> {
    let ct = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/octet-stream");
    let essence = ct
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if essence != "application/json" && !essence.ends_with("+json") {
        return Err(error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &format!("Content-Type '{ct}' is not supported"),
        ));
    }
    serde_json::from_slice(body).map_err(|e| unprocessable(&format!("Invalid JSON: {e}")))
}

/// One CSV field: quoted when it holds a comma, a quote or a line break; `null` is empty, a
/// string its text, anything else its JSON.
fn csv_field(v: &Value) -> String {
    let text = match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A CSV document (`text/csv`): a header row of `columns`, then one row per object with those
/// keys' values.
pub(crate) fn csv_response(columns: &[String], rows: &[Value]) -> actix_web::HttpResponse {
    let mut out = columns.join(",");
    out.push('\n');
    for row in rows {
        let line: Vec<String> = columns
            .iter()
            .map(|c| csv_field(row.get(c).unwrap_or(&Value::Null)))
            .collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    actix_web::HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .body(out)
}

/// Room for multipart boundaries and small form fields on top of the file itself.
pub(crate) const MULTIPART_SLACK: u64 = 64 * 1024;

/// A multipart body: its `file` part and its text fields.
pub(crate) struct Form {
    pub file: Option<Vec<u8>>,
    pub fields: Vec<(String, String)>,
}

/// Streams the multipart body, refusing it as soon as it outgrows the cap rather than after
/// buffering it whole.
pub(crate) async fn read_form(
    req: &HttpRequest,
    payload: actix_web::web::Payload,
    max: u64,
    too_large: fn() -> HttpResponse,
) -> Result<Form, HttpResponse> {
    let mut mp = Multipart::new(req.headers(), payload);
    let mut form = Form {
        file: None,
        fields: Vec::new(),
    };
    let mut total: u64 = 0;
    let mut seen_part = false;
    while let Some(item) = mp.next().await {
        let mut field = match item {
            Ok(f) => f,
            Err(e) if !seen_part => {
                return Err(unprocessable(&format!(
                    "Expected multipart/form-data with a 'file' part: {e}"
                )))
            }
            Err(e) => {
                return Err(error(
                    StatusCode::BAD_REQUEST,
                    &format!("Invalid multipart body: {e}"),
                ))
            }
        };
        seen_part = true;
        let name = field.name().unwrap_or_default().to_owned();
        let is_file = name == "file" && form.file.is_none();
        let mut buf = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| {
                error(
                    StatusCode::BAD_REQUEST,
                    &format!("Invalid multipart body: {e}"),
                )
            })?;
            let len = u64::try_from(chunk.len()).unwrap_or(u64::MAX);
            total = total.saturating_add(len);
            let this = u64::try_from(buf.len()).unwrap_or(u64::MAX) + len;
            if total > max + MULTIPART_SLACK || (is_file && this > max) {
                return Err(too_large());
            }
            buf.extend_from_slice(&chunk);
        }
        if is_file {
            form.file = Some(buf);
        } else if let Ok(text) = String::from_utf8(buf) {
            form.fields.push((name, text));
        }
    }
    Ok(form)
}
