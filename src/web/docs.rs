//! `/docs`: the OpenAPI document rendered on the server as one page a partner can work from
//! (each operation's purpose, parameters, body and answer schemas with examples, the problem
//! types it answers), with the webhook event types and the problem types. No scripts, no
//! external assets.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use askama::Template;
use pulldown_cmark::{html, Event, Parser};
use serde_json::Value;
use utoipa::openapi::OpenApi;

use crate::domain::webhooks::catalog;
use crate::web::errors::{AppError, ProblemKind};
use crate::web::openapi::PROBLEM_JSON;

/// How deep nested objects are unfolded into their fields.
const MAX_DEPTH: usize = 3;

/// Markdown from our own doc comments to HTML; raw HTML in it is shown as text.
pub fn markdown(text: &str) -> String {
    let events = Parser::new(text).map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// The "Getting started" guide the page opens with (`docs/getting-started.md`), its requests
/// naming this deployment's public URL.
pub const GETTING_STARTED: &str = include_str!("../../docs/getting-started.md");

/// The URL the guide's requests are written against.
const GUIDE_BASE: &str = "http://127.0.0.1:8080";

/// The guide as HTML for the deployment at `public_url`: tables and heading anchors on; raw HTML
/// in it is shown as text, like our doc comments'.
pub fn getting_started(public_url: &str) -> String {
    use pulldown_cmark::Options;
    let text = GETTING_STARTED.replace(GUIDE_BASE, public_url.trim_end_matches('/'));
    let options = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
    let events = Parser::new_ext(&text, options).map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// [`markdown`] of one paragraph, without the paragraph around it.
pub fn markdown_inline(text: &str) -> String {
    let html = markdown(text);
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => html,
    }
}

/// One field of a schema, unfolded: `data[].user_id`.
pub struct Field {
    pub name: String,
    pub depth: usize,
    pub ty: String,
    pub required: bool,
    pub description: String,
}

/// A request body or a successful answer.
pub struct Body {
    /// `201` for answers; empty for a request body.
    pub status: String,
    pub description: String,
    pub media_types: String,
    /// `object (User)`, `array of PlannedWorkoutIn`, `binary`…
    pub shape: String,
    pub fields: Vec<Field>,
    /// The status of an earlier answer with the same fields.
    pub same_as: Option<String>,
    pub example: Option<String>,
}

pub struct ProblemType {
    pub urn: String,
    pub kind: &'static str,
}

pub struct ProblemAnswer {
    pub status: String,
    pub types: Vec<ProblemType>,
    pub description: String,
}

pub struct Param {
    pub name: String,
    pub location: String,
    pub ty: String,
    pub required: bool,
    pub description: String,
}

pub struct Op {
    pub anchor: String,
    pub method: &'static str,
    pub path: String,
    pub summary: String,
    pub description: String,
    pub authenticated: bool,
    pub params: Vec<Param>,
    pub request: Option<Body>,
    pub answers: Vec<Body>,
    pub problems: Vec<ProblemAnswer>,
}

pub struct Tag {
    pub name: String,
    pub description: String,
    pub ops: Vec<Op>,
}

pub struct WebhookEvent {
    pub name: String,
    pub when: String,
    pub who: String,
    pub examples: Vec<(String, String)>,
}

pub struct ProblemRow {
    pub kind: &'static str,
    pub urn: String,
    pub status: u16,
    pub meaning: String,
}

#[derive(Template)]
#[template(path = "docs.html")]
pub struct DocsPage {
    pub title: String,
    pub description: String,
    pub version: String,
    /// The "Getting started" guide, as HTML.
    pub getting_started: String,
    pub tags: Vec<Tag>,
    pub events: Vec<WebhookEvent>,
    pub problems: Vec<ProblemRow>,
}

/// The schema a `$ref` names, with its name.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> (Option<&'a str>, &'a Value) {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.rsplit('/').next();
            let target = r
                .strip_prefix('#')
                .and_then(|p| doc.pointer(p))
                .unwrap_or(&Value::Null);
            (name, target)
        }
        None => (None, schema),
    }
}

/// The schema without its `null` alternative, and whether it had one.
fn non_null(schema: &Value) -> (&Value, bool) {
    for key in ["oneOf", "anyOf"] {
        if let Some(alts) = schema.get(key).and_then(Value::as_array) {
            let rest: Vec<&Value> = alts.iter().filter(|a| a["type"] != "null").collect();
            if rest.len() == 1 && alts.len() == 2 {
                return (rest[0], true);
            }
        }
    }
    let nullable = schema["type"]
        .as_array()
        .is_some_and(|t| t.iter().any(|t| t == "null"));
    (schema, nullable)
}

/// A readable type: `string (date-time)`, `array of User`, `integer or null`.
fn type_of(schema: &Value) -> String {
    let (schema, nullable) = non_null(schema);
    let base = if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        r.rsplit('/').next().unwrap_or("object").to_owned()
    } else if let Some(alts) = schema
        .get("oneOf")
        .or_else(|| schema.get("anyOf"))
        .and_then(Value::as_array)
    {
        alts.iter().map(type_of).collect::<Vec<_>>().join(" or ")
    } else if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let names: Vec<String> = values
            .iter()
            .filter(|v| !v.is_null())
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| v.to_string())
            })
            .collect();
        format!("one of {}", names.join(", "))
    } else {
        let ty = match &schema["type"] {
            Value::String(t) => t.clone(),
            Value::Array(ts) => ts
                .iter()
                .filter_map(Value::as_str)
                .find(|t| *t != "null")
                .unwrap_or("any")
                .to_owned(),
            _ => "any".to_owned(),
        };
        match (ty.as_str(), schema.get("format").and_then(Value::as_str)) {
            ("array", _) => format!("array of {}", type_of(&schema["items"])),
            ("string", Some("binary")) => "binary".to_owned(),
            ("integer", Some(_)) => "integer".to_owned(),
            (t, Some(f)) => format!("{t} ({f})"),
            (t, None) => t.to_owned(),
        }
    };
    if nullable {
        format!("{base} or null")
    } else {
        base
    }
}

/// The object schema behind a schema (through `$ref`, a `null` alternative, an array's items).
fn object_of<'a>(doc: &'a Value, schema: &'a Value, chain: &mut Vec<String>) -> Option<&'a Value> {
    let (schema, _) = non_null(schema);
    let (name, schema) = resolve(doc, schema);
    if let Some(n) = name {
        if chain.iter().any(|c| c == n) {
            return None;
        }
        chain.push(n.to_owned());
    }
    schema.get("properties").is_some().then_some(schema)
}

/// The fields of an object schema, nested ones unfolded to [`MAX_DEPTH`].
fn fields_of(
    doc: &Value,
    object: &Value,
    prefix: &str,
    depth: usize,
    chain: &mut Vec<String>,
    out: &mut Vec<Field>,
) {
    let required: Vec<&str> = object["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let Some(props) = object["properties"].as_object() else {
        return;
    };
    for (name, prop) in props {
        let description = prop
            .get("description")
            .or_else(|| resolve(doc, prop).1.get("description"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        out.push(Field {
            name: format!("{prefix}{name}"),
            depth,
            ty: type_of(prop),
            required: required.contains(&name.as_str()),
            description: markdown_inline(description),
        });
        if depth + 1 >= MAX_DEPTH {
            continue;
        }
        let (inner, _) = non_null(prop);
        let (_, inner) = resolve(doc, inner);
        let (child, suffix) = if inner["type"] == "array"
            || inner["type"]
                .as_array()
                .is_some_and(|t| t.iter().any(|t| t == "array"))
        {
            (&inner["items"], "[].")
        } else {
            (prop, ".")
        };
        let mark = chain.len();
        if let Some(obj) = object_of(doc, child, chain) {
            fields_of(
                doc,
                obj,
                &format!("{prefix}{name}{suffix}"),
                depth + 1,
                chain,
                out,
            );
        }
        chain.truncate(mark);
    }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// The example of a media type: its own, its first named one, or its schema's.
fn example_of(doc: &Value, media: &Value) -> Option<Value> {
    if let Some(e) = media.get("example") {
        return Some(e.clone());
    }
    if let Some(first) = media["examples"]
        .as_object()
        .and_then(|m| m.values().next())
    {
        return first.get("value").cloned();
    }
    let (_, schema) = resolve(doc, &media["schema"]);
    schema.get("example").cloned().or_else(|| {
        schema["examples"]
            .as_array()
            .and_then(|a| a.first())
            .cloned()
    })
}

/// A body (request or answer) from its `content`.
fn body(doc: &Value, status: &str, description: &str, content: &Value) -> Body {
    let media_types: Vec<&str> = content
        .as_object()
        .map(|c| c.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let main = content
        .get("application/json")
        .or_else(|| content.as_object().and_then(|c| c.values().next()))
        .unwrap_or(&Value::Null);
    let schema = &main["schema"];
    let mut fields = Vec::new();
    let mut shape = if schema.is_null() {
        String::new()
    } else {
        type_of(schema)
    };
    let mut chain = Vec::new();
    let (inner, _) = non_null(schema);
    let (name, resolved) = resolve(doc, inner);
    if resolved["format"] == "binary" {
        shape = "binary (the file's bytes)".to_owned();
    } else if resolved["type"] == "array" {
        if let Some(obj) = object_of(doc, &resolved["items"], &mut chain) {
            fields_of(doc, obj, "", 0, &mut chain, &mut fields);
        }
    } else if let Some(obj) = object_of(doc, schema, &mut chain) {
        if let Some(n) = name {
            shape = format!("object ({n})");
        }
        fields_of(doc, obj, "", 0, &mut chain, &mut fields);
    }
    Body {
        status: status.to_owned(),
        description: markdown_inline(description),
        media_types: media_types.join(", "),
        shape,
        fields,
        same_as: None,
        example: example_of(doc, main).map(|e| pretty(&e)),
    }
}

fn operation(doc: &Value, method: &'static str, path: &str, op: &Value) -> Op {
    let params = op["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| Param {
            name: p["name"].as_str().unwrap_or_default().to_owned(),
            location: p["in"].as_str().unwrap_or_default().to_owned(),
            // An optional parameter is absent rather than null.
            ty: type_of(&p["schema"])
                .trim_end_matches(" or null")
                .to_owned(),
            required: p["required"] == true,
            description: markdown_inline(p["description"].as_str().unwrap_or_default()),
        })
        .collect();
    let request = op.get("requestBody").map(|b| {
        let mut body = body(
            doc,
            "",
            b["description"].as_str().unwrap_or_default(),
            &b["content"],
        );
        if b["required"] == true {
            body.status = "required".to_owned();
        }
        body
    });
    let mut answers = Vec::new();
    let mut problems = Vec::new();
    if let Some(responses) = op["responses"].as_object() {
        for (status, response) in responses {
            let description = response["description"].as_str().unwrap_or_default();
            if let Some(problem) = response["content"].get(PROBLEM_JSON) {
                // The kinds with an example, in the order the description names them.
                let examples = problem["examples"].as_object();
                let has = |k: &ProblemKind| examples.is_some_and(|m| m.contains_key(k.as_str()));
                let types = crate::web::openapi::kinds_named(description)
                    .into_iter()
                    .filter(has)
                    .map(|k| ProblemType {
                        urn: k.urn(),
                        kind: k.as_str(),
                    })
                    .collect();
                problems.push(ProblemAnswer {
                    status: status.clone(),
                    types,
                    description: markdown_inline(description),
                });
            } else {
                let mut answer = body(doc, status, description, &response["content"]);
                // A second answer of the same shape (a 200 beside a 201) refers to the first.
                if let Some(first) = answers.iter().find(|a: &&Body| {
                    !a.fields.is_empty()
                        && a.shape == answer.shape
                        && a.media_types == answer.media_types
                }) {
                    answer.same_as = Some(first.status.clone());
                    answer.fields.clear();
                }
                answers.push(answer);
            }
        }
    }
    Op {
        anchor: op["operationId"].as_str().unwrap_or_default().to_owned(),
        method,
        path: path.to_owned(),
        summary: op["summary"].as_str().unwrap_or_default().to_owned(),
        description: markdown(op["description"].as_str().unwrap_or_default()),
        authenticated: op["security"].as_array().is_some_and(|s| !s.is_empty()),
        params,
        request,
        answers,
        problems,
    }
}

impl DocsPage {
    /// The page of a finished OpenAPI document.
    pub fn new(
        document: &utoipa::openapi::OpenApi,
        public_url: &str,
    ) -> Result<DocsPage, serde_json::Error> {
        let doc = serde_json::to_value(document)?;
        let mut tags: Vec<Tag> = doc["tags"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| Tag {
                name: t["name"].as_str().unwrap_or_default().to_owned(),
                description: t["description"].as_str().unwrap_or_default().to_owned(),
                ops: Vec::new(),
            })
            .collect();
        let mut untagged = Vec::new();
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
                let Some(op) = item.get(method.to_ascii_lowercase()) else {
                    continue;
                };
                let op_view = operation(&doc, method, path, op);
                let tag = op["tags"][0].as_str().unwrap_or_default();
                match tags.iter_mut().find(|t| t.name == tag) {
                    Some(t) => t.ops.push(op_view),
                    None => untagged.push(op_view),
                }
            }
        }
        if !untagged.is_empty() {
            tags.push(Tag {
                name: "other".into(),
                description: String::new(),
                ops: untagged,
            });
        }
        tags.retain(|t| !t.ops.is_empty());
        let events = catalog::events()
            .into_iter()
            .map(|e| WebhookEvent {
                examples: e
                    .examples
                    .iter()
                    .map(|(what, body)| (what.to_string(), pretty(body)))
                    .collect(),
                name: e.name,
                when: markdown_inline(e.when),
                who: markdown_inline(e.who),
            })
            .collect();
        Ok(DocsPage {
            title: doc["info"]["title"].as_str().unwrap_or_default().to_owned(),
            description: markdown(doc["info"]["description"].as_str().unwrap_or_default()),
            version: doc["openapi"].as_str().unwrap_or_default().to_owned(),
            getting_started: getting_started(public_url),
            tags,
            events,
            problems: ProblemKind::ALL
                .iter()
                .map(|k| ProblemRow {
                    kind: k.as_str(),
                    urn: k.urn(),
                    status: k.status(),
                    meaning: markdown_inline(k.meaning()),
                })
                .collect(),
        })
    }
}

/// The stylesheet of the bridge's own pages.
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../assets/bridge.css"))
}

/// `GET /docs`: the OpenAPI document as a page a partner can work from (`docs`).
pub async fn docs(
    doc: web::Data<OpenApi>,
    state: crate::web::api::State,
) -> Result<HttpResponse, AppError> {
    let page = DocsPage::new(&doc, &state.config.public("")).map_err(AppError::internal)?;
    crate::web::security::page(StatusCode::OK, &page, &[])
}

pub async fn docs_stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../assets/docs.css"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_code_and_escapes_html() {
        assert_eq!(
            markdown_inline("Needs `ACTIVITY:WRITE` <script>x</script>"),
            "Needs <code>ACTIVITY:WRITE</code> &lt;script&gt;x&lt;/script&gt;"
        );
        assert!(markdown("one\n\ntwo").contains("<p>two</p>"));
    }

    #[test]
    fn types_read_well() {
        let t = |s: Value| type_of(&s);
        assert_eq!(
            t(serde_json::json!({"type": ["string", "null"]})),
            "string or null"
        );
        assert_eq!(
            t(serde_json::json!({"type": "array", "items": {"$ref": "#/components/schemas/User"}})),
            "array of User"
        );
        assert_eq!(
            t(
                serde_json::json!({"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/User"}]})
            ),
            "User or null"
        );
        assert_eq!(
            t(serde_json::json!({"type": "integer", "format": "int64"})),
            "integer"
        );
        assert_eq!(
            t(serde_json::json!({"type": "string", "format": "binary"})),
            "binary"
        );
    }
}
