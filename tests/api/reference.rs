//! The API reference: `/openapi.json` documents every operation (purpose, answer schemas,
//! examples valid against their schemas, the problem types each answers), `/docs` renders it
//! with the webhook event types, and each documented webhook example has the shape of a real
//! delivery.

use std::collections::{BTreeSet, HashMap};

use crate::common::files;
use crate::common::receiver::Receiver;
use crate::common::*;
use intervals_bridge::domain::webhooks::catalog;
use intervals_bridge::domain::webhooks::outbox::{EventType, KNOWN_TYPES};
use reqwest::multipart::{Form, Part};
use serde_json::{json, Value};

const PROBLEM_JSON: &str = "application/problem+json";
const URN: &str = "urn:intervals-bridge:problem:";
const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

async fn document(app: &TestApp) -> Value {
    app.api
        .get(app.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Every (method, path, operation) of the document.
fn operations(doc: &Value) -> Vec<(String, String, &Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for m in METHODS {
            if let Some(op) = item.get(m) {
                out.push((m.to_uppercase(), path.clone(), op));
            }
        }
    }
    out
}

/// The schema a `$ref` points to.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(r) => doc
            .pointer(r.trim_start_matches('#'))
            .unwrap_or(&Value::Null),
        None => schema,
    }
}

/// A media type's example: its own, a named one, or its schema's.
fn has_example(doc: &Value, media: &Value) -> bool {
    media.get("example").is_some()
        || media["examples"].as_object().is_some_and(|e| !e.is_empty())
        || resolve(doc, &media["schema"]).get("example").is_some()
}

/// Checks `instance` against `schema`, whose `$ref`s point into the document's components.
fn check(doc: &Value, schema: &Value, instance: &Value, what: &str, failures: &mut Vec<String>) {
    let mut root = json!({ "allOf": [schema] });
    root["components"] = doc["components"].clone();
    let validator = match jsonschema::validator_for(&root) {
        Ok(v) => v,
        Err(e) => {
            failures.push(format!("{what}: the schema does not compile: {e}"));
            return;
        }
    };
    for e in validator.iter_errors(instance) {
        failures.push(format!("{what}: {e} at {}", e.instance_path()));
    }
}

#[actix_web::test]
async fn every_operation_is_documented_with_schemas_examples_and_problem_types() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    let mut failures = Vec::new();
    let mut examples = 0;
    for (method, path, op) in operations(&doc) {
        let at = format!("{method} {path}");
        for field in ["summary", "description"] {
            if op[field].as_str().is_none_or(|s| s.trim().is_empty()) {
                failures.push(format!("{at}: no {field}"));
            }
        }
        if let Some(body) = op.get("requestBody") {
            for (media_type, media) in body["content"].as_object().unwrap() {
                if media.get("schema").is_none() {
                    failures.push(format!("{at}: request {media_type} has no schema"));
                }
                if media_type == "application/json" && !has_example(&doc, media) {
                    failures.push(format!("{at}: the JSON request body has no example"));
                }
            }
        }
        let responses = op["responses"].as_object().unwrap();
        if !responses.keys().any(|s| s.starts_with('2')) {
            failures.push(format!("{at}: no 2xx answer"));
        }
        for (status, response) in responses {
            let content = response["content"].as_object();
            if response["description"].as_str().is_none_or(str::is_empty) {
                failures.push(format!("{at} {status}: no description"));
            }
            for (media_type, media) in content.into_iter().flatten() {
                if status.starts_with('2') && media_type == "application/json" {
                    if media.get("schema").is_none() {
                        failures.push(format!("{at} {status}: JSON without a schema"));
                    }
                    if !has_example(&doc, media) {
                        failures.push(format!("{at} {status}: JSON without an example"));
                    }
                }
                if media_type == PROBLEM_JSON {
                    let named = media["examples"].as_object().cloned().unwrap_or_default();
                    if named.is_empty() {
                        failures.push(format!("{at} {status}: a problem answer names no type"));
                    }
                    for (kind, example) in named {
                        let value = &example["value"];
                        if value["type"] != format!("{URN}{kind}")
                            || value["status"].as_u64().map(|s| s.to_string()).as_ref()
                                != Some(status)
                        {
                            failures.push(format!("{at} {status}: example {kind} is {value}"));
                        }
                    }
                }
            }
            let error = status.starts_with('4') || status.starts_with('5');
            if error && content.is_none_or(|c| !c.contains_key(PROBLEM_JSON)) {
                failures.push(format!("{at} {status}: an error that is not problem+json"));
            }
        }
        // Every example in the operation is valid against its schema.
        let mut media_of: Vec<(String, &Value)> = Vec::new();
        if let Some(body) = op.get("requestBody") {
            for (t, m) in body["content"].as_object().unwrap() {
                media_of.push((format!("{at} request {t}"), m));
            }
        }
        for (status, response) in responses {
            for (t, m) in response["content"].as_object().into_iter().flatten() {
                media_of.push((format!("{at} {status} {t}"), m));
            }
        }
        for (what, media) in media_of {
            let schema = &media["schema"];
            if let Some(e) = media.get("example") {
                check(&doc, schema, e, &what, &mut failures);
                examples += 1;
            }
            for (name, e) in media["examples"].as_object().into_iter().flatten() {
                check(
                    &doc,
                    schema,
                    &e["value"],
                    &format!("{what} {name}"),
                    &mut failures,
                );
                examples += 1;
            }
        }
    }
    // And the examples on the schemas themselves.
    for (name, schema) in doc["components"]["schemas"].as_object().unwrap() {
        if let Some(e) = schema.get("example") {
            let target = json!({ "$ref": format!("#/components/schemas/{name}") });
            check(&doc, &target, e, name, &mut failures);
            examples += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(examples > 80, "only {examples} examples checked");

    // The checker itself rejects what it should.
    let mut caught = Vec::new();
    let user = json!({ "$ref": "#/components/schemas/User" });
    check(
        &doc,
        &user,
        &json!({"user_id": "a"}),
        "a user without fields",
        &mut caught,
    );
    check(
        &doc,
        &user,
        &json!({"user_id": 7}),
        "a number as user_id",
        &mut caught,
    );
    assert!(caught.len() >= 2, "{caught:?}");
}

/// The text of an HTML fragment: tags dropped, the entities askama writes undone, each run of
/// white space one space.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    flat(
        &out.replace("&#34;", "\"")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The section of the page with this id, up to the next section.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<section class=\"op\" id=\"{id}\""))
        .or_else(|| html.find(&format!("<section class=\"event\" id=\"{id}\"")))
        .unwrap_or_else(|| panic!("no section {id}"));
    let rest = &html[start + 1..];
    let end = rest.find("<section ").unwrap_or(rest.len());
    &rest[..end]
}

/// The first sentence-sized piece of a Markdown text, as it reads on the page.
fn plain_start(markdown: &str) -> String {
    flat(&markdown.replace('`', ""))
        .split(' ')
        .take(12)
        .collect::<Vec<_>>()
        .join(" ")
}

#[actix_web::test]
async fn the_docs_page_shows_purpose_examples_problem_types_and_webhook_events() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    let resp = app.api.get(app.url("/docs")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let csp = resp.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert_eq!(resp.headers()["x-frame-options"], "DENY");
    let html = resp.text().await.unwrap();
    // Offline: nothing is loaded from elsewhere.
    for attr in [
        "src=\"http",
        "href=\"http",
        "src=\"//",
        "href=\"//",
        "<script",
    ] {
        assert!(!html.contains(attr), "{attr}");
    }
    let css = app
        .api
        .get(app.url("/assets/docs.css"))
        .send()
        .await
        .unwrap();
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");

    // Every operation has its anchor, listed in the contents.
    let ops = operations(&doc);
    for (method, path, op) in &ops {
        let id = op["operationId"].as_str().unwrap();
        assert!(html.contains(&format!("href=\"#{id}\"")), "{method} {path}");
        let s = text(section(&html, id));
        assert!(s.contains(path.as_str()), "{id}");
        assert!(s.contains(op["summary"].as_str().unwrap()), "{id}");
    }

    // Chosen operations: the description, an example request and answer, the problem types.
    let chosen = [
        (
            "create_connect_session",
            "\"user_id\": \"alex\"",
            "\"connect_url\":",
            &["validation", "unauthorized", "bad-request", "internal"][..],
        ),
        (
            "upsert_workouts",
            "\"external_id\": \"plan-42\"",
            "\"event_id\": 100001",
            &[
                "missing-scope",
                "connection-revoked",
                "connection-invalid",
                "validation",
                "upstream-rejected",
                "athlete-budget-spent",
                "upstream-unavailable",
                "payload-too-large",
            ][..],
        ),
        (
            "upload_activity",
            "",
            "\"activity_ids\":",
            &["unsupported-file", "conflict", "busy", "payload-too-large"][..],
        ),
    ];
    for (id, request, answer, kinds) in chosen {
        let (_, _, op) = ops
            .iter()
            .find(|(_, _, op)| op["operationId"] == id)
            .unwrap();
        let s = text(section(&html, id));
        let description = plain_start(op["description"].as_str().unwrap());
        assert!(s.contains(&description), "{id}: {description}");
        assert!(s.contains(request), "{id}: the example request");
        assert!(s.contains(answer), "{id}: the example answer");
        for kind in kinds {
            assert!(s.contains(&format!("{URN}{kind}")), "{id}: {kind}");
        }
    }
    // The page lists exactly the problem types the document declares for an operation.
    let (_, _, upsert) = ops
        .iter()
        .find(|(_, _, op)| op["operationId"] == "upsert_workouts")
        .unwrap();
    let declared: BTreeSet<String> = upsert["responses"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(|r| r["content"][PROBLEM_JSON]["examples"].as_object())
        .flat_map(|e| e.keys().map(|k| format!("{URN}{k}")))
        .collect();
    let s = section(&html, "upsert_workouts");
    let shown: BTreeSet<String> = s
        .match_indices(URN)
        .map(|(i, _)| {
            s[i..]
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == ':' || c == '-'))
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(shown, declared);

    // Every webhook event type, each with an example body: the bridge's own and every type the
    // event filter knows.
    let own = [
        EventType::ConnectionCreated,
        EventType::ConnectionUpdated,
        EventType::ConnectionRevoked,
        EventType::ConnectionInvalid,
        EventType::WellnessPushed,
        EventType::WellnessPushFailed,
        EventType::Test,
    ];
    let types: Vec<String> = KNOWN_TYPES.iter().map(|t| t.to_string()).collect();
    for t in own {
        assert!(types.contains(&t.name().into_owned()), "{t:?}");
    }
    let documented = catalog::events();
    for t in &types {
        let s = text(section(&html, &format!("event-{t}")));
        assert!(s.contains(&format!("\"type\": \"{t}\"")), "{t}: no example");
        let doc_event = documented.iter().find(|e| &e.name == t).unwrap();
        for (_, body) in &doc_event.examples {
            assert!(
                s.contains(&flat(&serde_json::to_string_pretty(body).unwrap())),
                "{t}: the example is not the documented one"
            );
        }
    }
    assert_eq!(
        documented.len(),
        types.len(),
        "every documented type is checked"
    );
}

/// The properties of an object schema, through `$ref`, a `null` alternative and `allOf` (its
/// inline parts and the schemas it extends).
fn properties(doc: &Value, schema: &Value) -> serde_json::Map<String, Value> {
    let schema = match schema["anyOf"].as_array().or(schema["oneOf"].as_array()) {
        Some(alts) => alts.iter().find(|a| a["type"] != "null").unwrap_or(schema),
        None => schema,
    };
    let schema = resolve(doc, schema);
    let mut out = schema["properties"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    for part in schema["allOf"].as_array().into_iter().flatten() {
        out.extend(properties(doc, part));
    }
    out
}

/// The schema of a `data` array's items in an operation's 200 answer.
fn data_items<'a>(doc: &'a Value, op_id: &str) -> &'a Value {
    let (_, _, op) = operations(doc)
        .into_iter()
        .find(|(_, _, op)| op["operationId"] == op_id)
        .unwrap_or_else(|| panic!("no operation {op_id}"));
    let answer = resolve(
        doc,
        &op["responses"]["200"]["content"]["application/json"]["schema"],
    );
    &answer["properties"]["data"]["items"]
}

/// The element with this id, up to its end tag (the page nests no element of its kind in
/// another).
fn element<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!(" id=\"{id}\""))
        .unwrap_or_else(|| panic!("no element {id}"));
    let start = html[..at].rfind('<').unwrap();
    let tag: String = html[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let end = html[start..]
        .find(&format!("</{tag}>"))
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

#[actix_web::test]
async fn the_docs_page_lists_the_typed_answers_and_the_webhook_payloads() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    let html = app
        .api
        .get(app.url("/docs"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    // Activities: every field of the typed summary, the bridge's own before Intervals.icu's,
    // which are folded (the schema has well over a hundred).
    let activity = data_items(&doc, "list_activities");
    let fields = properties(&doc, activity);
    assert!(fields.len() > 100, "{}", fields.len());
    assert!(fields.contains_key("icu_training_load"));
    let s = section(&html, "list_activities");
    let folded = s.find("<details").expect("Intervals.icu's fields folded");
    for name in fields.keys() {
        let at = s
            .find(&format!("<code>data[].{name}</code>"))
            .unwrap_or_else(|| panic!("list_activities: data[].{name}"));
        // The bridge's own (first shown) are those its inline part states.
        let own = resolve(&doc, activity)["allOf"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p.get("$ref").is_none() && p["properties"].get(name).is_some());
        assert_eq!(at < folded, own, "data[].{name}");
    }
    assert!(text(s).contains("data[].icu_training_load integer or null"));

    // Wellness: every field, with its unit and range.
    let day = data_items(&doc, "read_wellness");
    let s = text(section(&html, "read_wellness"));
    let mut with_unit = 0;
    for (name, schema) in properties(&doc, day) {
        assert!(s.contains(&format!("data[].{name} ")), "data[].{name}");
        if let Some(d) = schema["description"].as_str() {
            let shown = flat(&d.replace('`', ""));
            assert!(s.contains(&format!(" {shown}")), "data[].{name}: {shown}");
            with_unit += usize::from(d.contains(" (") && d.contains("written from"));
        }
    }
    assert!(with_unit > 10, "{with_unit} fields with a unit and range");
    assert!(
        s.contains("data[].weight number (float) or null A number (kg)"),
        "{s}"
    );

    // Planned workouts: the bridge's fields and Intervals.icu's event fields.
    let workout = properties(&doc, data_items(&doc, "list_workouts"));
    let s = text(section(&html, "list_workouts"));
    for name in [
        "external_id",
        "created_by_this_tenant",
        "workout_doc",
        "start_date_local",
    ] {
        assert!(workout.contains_key(name), "{name}");
    }
    for name in workout.keys() {
        assert!(s.contains(&format!("data[].{name} ")), "data[].{name}");
    }

    // Each event type's payload: its `data` fields from the `webhooks` section; a large schema
    // listed before is linked to where its fields are.
    let hooks = doc["webhooks"].as_object().unwrap();
    assert_eq!(hooks.len(), KNOWN_TYPES.len());
    let mut linked = 0;
    for (name, hook) in hooks {
        let payload = &hook["post"]["requestBody"]["content"]["application/json"]["schema"];
        let data = properties(&doc, &properties(&doc, payload)["data"]);
        let raw = section(&html, &format!("event-{name}"));
        let s = text(raw);
        assert!(s.contains("Payload"), "{name}");
        for (field, schema) in &data {
            assert!(
                s.contains(&format!("data.{field} ")),
                "{name}: data.{field}"
            );
            let target = properties(&doc, schema.get("items").unwrap_or(schema));
            if target.len() > 40 {
                // Listed here, or (listed before on the page) linked to where they are.
                let link = raw
                    .match_indices("<p class=\"see")
                    .map(|(i, _)| &raw[i..i + raw[i..].find("</p>").unwrap()])
                    .find(|p| p.contains(&format!("<code>data.{field}")))
                    .and_then(|p| p.split("href=\"#").nth(1))
                    .and_then(|h| h.split('"').next());
                let listed = link.map(|href| text(element(&html, href)));
                let missing: Vec<&String> = target
                    .keys()
                    .filter(|k| {
                        !s.contains(&format!("data.{field}.{k} "))
                            && !s.contains(&format!("data.{field}[].{k} "))
                            && !listed.as_ref().is_some_and(|l| {
                                l.contains(&format!(".{k} ")) || l.contains(&format!(" {k} "))
                            })
                    })
                    .collect();
                assert!(
                    missing.is_empty(),
                    "{name}: data.{field} (link {link:?}) lacks {missing:?}"
                );
                linked += usize::from(link.is_some());
            }
        }
    }
    assert!(linked > 0, "no payload links to a schema listed before");
}

/// The field names of a delivery's body and of its `data`.
fn shape(body: &Value) -> (BTreeSet<String>, BTreeSet<String>) {
    let keys = |v: &Value| {
        v.as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    (keys(body), keys(&body["data"]))
}

async fn put_json(app: &TestApp, path: &str, body: Value) -> reqwest::Response {
    app.api
        .put(app.url(path))
        .bearer_auth(&app.tenant.api_key)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn trigger(app: &TestApp, athlete: &str, kind: &str, fields: Value) {
    app.sandbox_post(
        "/_sandbox/webhooks/trigger",
        json!({"client_id": CLIENT_ID, "athlete_id": athlete, "type": kind, "fields": fields}),
    )
    .await;
}

/// Each documented example has the fields of a real delivery of its type (and each shape a
/// type is documented in is seen), for every event type.
#[actix_web::test]
async fn documented_webhook_examples_have_the_shape_of_real_deliveries() {
    const ATHLETE: &str = "i317960";
    const OTHER: &str = "2049151";
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let r = Receiver::start().await;
    app.set_webhook(&app.tenant.id, &r.url).await;
    // Every area: a type of no known area (`connected.service`) goes only to such connections.
    let all = [
        "ACTIVITY:WRITE",
        "CALENDAR:WRITE",
        "WELLNESS:WRITE",
        "SETTINGS:READ",
        "CHATS:READ",
        "LIBRARY:READ",
    ];
    connect_scopes(&app, &key, "doc", ATHLETE, &all).await;
    connect_scopes(&app, &key, "doc", ATHLETE, &all).await;
    connect_scopes(&app, &key, "other", OTHER, &all).await;
    app.sandbox_webhooks_to_bridge(json!({})).await;

    let form = Form::new()
        .part(
            "file",
            Part::bytes(files::fit(1_763_600_000, 4242)).file_name("ride.fit"),
        )
        .text("external_id", "doc-ride");
    let uploaded = app
        .api
        .post(app.url("/v1/users/doc/activities"))
        .bearer_auth(&key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status(), 201);
    let activity: Value = uploaded.json().await.unwrap();
    let day = (chrono::Utc::now().date_naive() + chrono::Duration::days(2)).to_string();
    let resp = put_json(
        &app,
        "/v1/users/doc/wellness?push=now",
        json!([{"id": day, "weight": 70.5}]),
    )
    .await;
    assert_eq!(resp.status(), 202);
    let resp = put_json(
        &app,
        "/v1/users/doc/workouts",
        json!([{"external_id": "doc-plan", "start_date_local": day, "type": "Ride",
                "name": "Sweet spot", "description": "- 20m 90%"}]),
    )
    .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    // Types the sandbox sends only when asked, with the fields Intervals.icu gives them.
    let summary = json!({"id": activity["activity_id"], "icu_athlete_id": ATHLETE, "type": "Ride"});
    trigger(
        &app,
        ATHLETE,
        "ACTIVITY_UPDATED",
        json!({"activity": summary}),
    )
    .await;
    trigger(
        &app,
        ATHLETE,
        "ACTIVITY_ACHIEVEMENTS",
        json!({"activity": summary}),
    )
    .await;
    trigger(
        &app,
        ATHLETE,
        "FITNESS_UPDATED",
        json!({"records": [{"id": day, "ctl": 60.0, "atl": 70.0}]}),
    )
    .await;
    trigger(
        &app,
        ATHLETE,
        "SPORT_SETTINGS_UPDATED",
        json!({"sportSettings": [{"id": 1, "types": ["Ride"], "ftp": 255}]}),
    )
    .await;
    // Types whose fields Intervals.icu does not document arrive with the envelope alone here.
    for kind in [
        "CALENDAR_EVENT_UPDATED",
        "CALENDAR_EVENT_DELETED",
        "CONNECTED_SERVICE",
        "CHAT_UPDATE",
    ] {
        trigger(&app, ATHLETE, kind, json!({})).await;
    }
    let sent = app.post_json(&key, "/v1/webhook-test", json!({})).await;
    assert_eq!(sent.status(), 202);
    eventually(20, "the activity analysed", || async {
        !r.of_type("activity.analyzed").is_empty()
    })
    .await;
    let resp = app
        .delete(
            &key,
            &format!(
                "/v1/users/doc/activities/{}",
                activity["activity_id"].as_str().unwrap()
            ),
        )
        .await;
    assert_eq!(resp.status(), 204);
    // The athlete narrows the grant on Intervals.icu, then withdraws it.
    app.sandbox_post(
        "/_sandbox/tokens/scope",
        json!({"client_id": CLIENT_ID, "athlete_id": ATHLETE, "scope": "ACTIVITY:READ"}),
    )
    .await;
    eventually(10, "the narrower grant", || async {
        r.of_type("connection.updated")
            .iter()
            .any(|d| d.json()["data"].get("status").is_some())
    })
    .await;
    app.sandbox_post(
        "/_sandbox/tokens/revoke",
        json!({"client_id": CLIENT_ID, "athlete_id": ATHLETE}),
    )
    .await;
    let documented = catalog::events();
    let later = ["connection.invalid", "wellness.push_failed"];
    let names: Vec<&str> = documented.iter().map(|e| e.name.as_str()).collect();
    eventually(20, "every other documented type", || async {
        names
            .iter()
            .filter(|n| !later.contains(n))
            .all(|n| !r.of_type(n).is_empty())
    })
    .await;
    // The other athlete's authorization ends without a word to the bridge: the next push
    // finds out.
    app.exec_sandbox_delete("/_sandbox/webhooks").await;
    app.sandbox_post(
        "/_sandbox/tokens/revoke",
        json!({"client_id": CLIENT_ID, "athlete_id": OTHER}),
    )
    .await;
    let resp = put_json(
        &app,
        "/v1/users/other/wellness?push=now",
        json!([{"id": day, "weight": 80.0}]),
    )
    .await;
    assert_eq!(resp.status(), 202);
    eventually(20, "the failed push", || async {
        later.iter().all(|n| !r.of_type(n).is_empty())
    })
    .await;
    let mut matched: HashMap<(String, usize), usize> = HashMap::new();
    for delivery in r.received() {
        let body = delivery.json();
        let name = body["type"].as_str().unwrap().to_owned();
        let doc_event = documented
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} is delivered but not documented"));
        let got = shape(&body);
        let which = doc_event
            .examples
            .iter()
            .position(|(_, example)| shape(example) == got)
            .unwrap_or_else(|| {
                panic!(
                    "{name}: delivered {got:?}, documented {:?}",
                    doc_event
                        .examples
                        .iter()
                        .map(|(_, e)| shape(e))
                        .collect::<Vec<_>>()
                )
            });
        *matched.entry((name, which)).or_default() += 1;
    }
    for e in &documented {
        for (i, (what, _)) in e.examples.iter().enumerate() {
            assert!(
                matched.contains_key(&(e.name.clone(), i)),
                "{} ({what}) was never delivered in that shape",
                e.name
            );
        }
    }
}

#[actix_web::test]
async fn the_docs_page_fits_a_phone_screen_and_its_anchors_lead_to_operations() {
    let Some(driver_path) = crate::browser::chromedriver() else {
        return;
    };
    let app = TestApp::spawn().await;
    let (_driver, c) = crate::browser::start_browser(&driver_path).await;
    let result = async {
        c.goto(&app.url("/docs")).await?;
        let fits = c
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth",
                vec![],
            )
            .await?;
        assert_eq!(fits, json!(true), "the page scrolls sideways at 360 px");
        // Wide examples scroll inside their own box instead.
        let boxed = c
            .execute(
                "return [...document.querySelectorAll('pre.example')].some(p => p.scrollWidth > p.clientWidth)",
                vec![],
            )
            .await?;
        assert_eq!(boxed, json!(true));
        c.goto(&app.url("/docs#upsert_workouts")).await?;
        let top = c
            .execute(
                "return document.getElementById('upsert_workouts').getBoundingClientRect().top",
                vec![],
            )
            .await?;
        assert!(top.as_f64().unwrap().abs() < 2.0, "{top}");
        Ok::<_, fantoccini::error::CmdError>(())
    }
    .await;
    let _ = c.close().await;
    result.unwrap();
}
