//! `/docs`: the OpenAPI document `/openapi.json` serves (with its typed answers), rendered on the
//! server as one page a partner can work from (each operation's purpose, parameters, body and
//! answer fields with examples, the problem types it answers), with the webhook event types and
//! their payloads' fields, and the problem types. No scripts, no external assets.

use std::collections::HashMap;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use askama::Template;
use pulldown_cmark::{html, Event, Parser};
use serde_json::Value;

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

/// A run of fields shown together: the fields an operation's own schemas state, or (`summary`
/// set) the fields of a large schema another one extends (Intervals.icu's `Activity` under the
/// bridge's), folded in a `<details>` the first time the page shows them and linked to after.
pub struct Block {
    /// What the folded fields are, as HTML; `None` for a plain run.
    pub summary: Option<String>,
    /// The element id of the first showing of a folded schema.
    pub anchor: Option<String>,
    /// Where the fields of a schema shown before are (`#…`), instead of showing them again.
    pub see: Option<String>,
    /// How deep the block sits among the fields around it.
    pub depth: usize,
    pub fields: Vec<Field>,
}

/// A request body or a successful answer.
pub struct Body {
    /// `201` for answers; empty for a request body.
    pub status: String,
    pub description: String,
    pub media_types: String,
    /// `object (User)`, `array of PlannedWorkoutIn`, `binary`…
    pub shape: String,
    pub fields: Vec<Block>,
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
    /// The payload's fields, from the document's `webhooks` section.
    pub fields: Vec<Block>,
    /// The payload's shape (`object (ConnectionCreatedEvent)`).
    pub schema: String,
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

/// Named schemas with more fields than this are listed once on the page: the fields of one
/// another extends (`allOf`, Intervals.icu's `Activity` under the bridge's) folded in a
/// `<details>`, and any shown again linked to where they are listed.
const LARGE: usize = 12;

/// What is being rendered, and which large schemas the page has listed where.
struct Ctx<'a> {
    doc: &'a Value,
    /// The anchor of the operation or event being rendered.
    section: String,
    /// Large schema → the anchor of where its fields are listed.
    listed: HashMap<String, String>,
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
    (schema.get("properties").is_some() || schema.get("allOf").is_some()).then_some(schema)
}

/// Adds a field to the plain run at the end of `out`, starting one if needed.
fn push(out: &mut Vec<Block>, field: Field) {
    match out.last_mut() {
        Some(b) if b.summary.is_none() => b.fields.push(field),
        _ => out.push(Block {
            summary: None,
            anchor: None,
            see: None,
            depth: field.depth,
            fields: vec![field],
        }),
    }
}

fn property_count(schema: &Value) -> usize {
    schema["properties"].as_object().map_or(0, |p| p.len())
}

/// `<code>data[]</code>` for the prefix `data[].`, nothing at the top.
fn place(prefix: &str) -> String {
    let at = prefix.trim_end_matches('.');
    if at.is_empty() {
        String::new()
    } else {
        format!(" in <code>{}</code>", escape_html(at))
    }
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
}

/// A block pointing to where the fields of the large schema `name` are listed.
fn see_block(name: &str, count: usize, prefix: &str, depth: usize, anchor: &str) -> Block {
    Block {
        summary: Some(format!(
            "The {count} fields of <code>{}</code>{}",
            escape_html(name),
            place(prefix)
        )),
        anchor: None,
        see: Some(anchor.to_owned()),
        depth,
        fields: Vec::new(),
    }
}

/// The fields of an object schema, nested ones unfolded to [`MAX_DEPTH`]: its own properties,
/// then those of the schemas it is made of (`allOf`: its inline parts, then the ones it extends).
/// With `fold`, a large schema it extends is folded into a block of its own.
fn fields_of(
    ctx: &mut Ctx,
    object: &Value,
    prefix: &str,
    depth: usize,
    chain: &mut Vec<String>,
    out: &mut Vec<Block>,
    fold: bool,
) {
    let doc = ctx.doc;
    let required: Vec<&str> = object["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    for (name, prop) in object["properties"].as_object().into_iter().flatten() {
        let description = prop
            .get("description")
            .or_else(|| resolve(doc, prop).1.get("description"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        push(
            out,
            Field {
                name: format!("{prefix}{name}"),
                depth,
                ty: type_of(prop),
                required: required.contains(&name.as_str()),
                description: markdown_inline(description),
            },
        );
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
        let child_prefix = format!("{prefix}{name}{suffix}");
        // A large schema listed before: where it is, instead of its fields again.
        let (named, target) = resolve(doc, non_null(child).0);
        if let Some(n) = named {
            let count = property_count(target);
            if count > LARGE {
                if let Some(anchor) = ctx.listed.get(n) {
                    out.push(see_block(n, count, &child_prefix, depth + 1, anchor));
                    continue;
                }
                ctx.listed.insert(n.to_owned(), ctx.section.clone());
            }
        }
        let mark = chain.len();
        if let Some(obj) = object_of(doc, child, chain) {
            fields_of(ctx, obj, &child_prefix, depth + 1, chain, out, fold);
        }
        chain.truncate(mark);
    }
    let Some(parts) = object["allOf"].as_array() else {
        return;
    };
    let (own, bases): (Vec<&Value>, Vec<&Value>) =
        parts.iter().partition(|p| p.get("$ref").is_none());
    for part in own.into_iter().chain(bases) {
        let mark = chain.len();
        let (named, target) = resolve(doc, part);
        let count = property_count(target);
        match named {
            Some(n) if count > LARGE => {
                if let Some(anchor) = ctx.listed.get(n) {
                    out.push(see_block(n, count, prefix, depth, anchor));
                } else if fold {
                    let anchor = format!("fields-{n}");
                    ctx.listed.insert(n.to_owned(), anchor.clone());
                    let mut inner = Vec::new();
                    if let Some(obj) = object_of(doc, part, chain) {
                        fields_of(ctx, obj, prefix, depth, chain, &mut inner, false);
                    }
                    let about = target["description"].as_str().unwrap_or_default();
                    out.push(Block {
                        summary: Some(format!(
                            "The {count} fields of <code>{}</code>{}: {}",
                            escape_html(n),
                            place(prefix),
                            markdown_inline(about)
                        )),
                        anchor: Some(anchor),
                        see: None,
                        depth,
                        // Indented as the block is.
                        fields: inner
                            .into_iter()
                            .flat_map(|b| b.fields)
                            .map(|f| Field {
                                depth: f.depth - depth,
                                ..f
                            })
                            .collect(),
                    });
                } else {
                    ctx.listed.insert(n.to_owned(), ctx.section.clone());
                    if let Some(obj) = object_of(doc, part, chain) {
                        fields_of(ctx, obj, prefix, depth, chain, out, fold);
                    }
                }
            }
            _ => {
                if let Some(obj) = object_of(doc, part, chain) {
                    fields_of(ctx, obj, prefix, depth, chain, out, fold);
                }
            }
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
fn body(ctx: &mut Ctx, status: &str, description: &str, content: &Value) -> Body {
    let doc = ctx.doc;
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
            fields_of(ctx, obj, "", 0, &mut chain, &mut fields, true);
        }
    } else if let Some(obj) = object_of(doc, schema, &mut chain) {
        if let Some(n) = name {
            shape = format!("object ({n})");
        }
        fields_of(ctx, obj, "", 0, &mut chain, &mut fields, true);
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

fn operation(ctx: &mut Ctx, method: &'static str, path: &str, op: &Value) -> Op {
    ctx.section = op["operationId"].as_str().unwrap_or_default().to_owned();
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
            ctx,
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
                let mut answer = body(ctx, status, description, &response["content"]);
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
    /// The page of the document `/openapi.json` serves ([`crate::web::openapi::typed`]): its
    /// operations by tag, and the payload of each event type of its `webhooks` section.
    pub fn new(doc: &Value, public_url: &str) -> DocsPage {
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
        tags.push(Tag {
            name: "other".into(),
            description: String::new(),
            ops: Vec::new(),
        });
        // The operations of each tag, in the page's order: a large schema is listed where the
        // page first shows it.
        let mut by_tag: Vec<Vec<(&'static str, &str, &Value)>> = vec![Vec::new(); tags.len()];
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
                let Some(op) = item.get(method.to_ascii_lowercase()) else {
                    continue;
                };
                let tag = op["tags"][0].as_str().unwrap_or_default();
                let i = tags[..tags.len() - 1]
                    .iter()
                    .position(|t| t.name == tag)
                    .unwrap_or(tags.len() - 1);
                by_tag[i].push((method, path, op));
            }
        }
        let mut ctx = Ctx {
            doc,
            section: String::new(),
            listed: HashMap::new(),
        };
        for (tag, ops) in tags.iter_mut().zip(by_tag) {
            tag.ops = ops
                .into_iter()
                .map(|(method, path, op)| operation(&mut ctx, method, path, op))
                .collect();
        }
        tags.retain(|t| !t.ops.is_empty());
        let events = catalog::events()
            .into_iter()
            .map(|e| {
                ctx.section = format!("event-{}", e.name);
                let content = &doc["webhooks"][&e.name]["post"]["requestBody"]["content"];
                let payload = body(&mut ctx, "", "", content);
                WebhookEvent {
                    examples: e
                        .examples
                        .iter()
                        .map(|(what, body)| (what.to_string(), pretty(body)))
                        .collect(),
                    fields: payload.fields,
                    schema: payload.shape,
                    name: e.name,
                    when: markdown_inline(e.when),
                    who: markdown_inline(e.who),
                }
            })
            .collect();
        DocsPage {
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
        }
    }
}

/// The stylesheet of the bridge's own pages.
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../assets/bridge.css"))
}

/// `GET /docs`: the document `/openapi.json` serves, as a page a partner can work from (`docs`).
/// Made once per server from the served text, so it shows exactly what `/openapi.json` serves.
pub async fn docs(
    served: web::Data<crate::web::openapi::Served>,
    state: crate::web::api::State,
) -> Result<HttpResponse, AppError> {
    let public = state.config.public("");
    let page = served
        .page(|text| {
            let doc: serde_json::Value = serde_json::from_slice(text)?;
            Ok(DocsPage::new(&doc, &public).render()?)
        })
        .map_err(AppError::internal)?;
    Ok(crate::web::security::html(StatusCode::OK, page, &[]))
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
