//! Limits that keep one partner or one scraper from costing the bridge (or Intervals.icu) more
//! than a request's worth: upload forms and the instance's spool budget, the windows of upstream
//! reads, and what a `/metrics` scrape reads and who may scrape.

use std::time::{Duration, Instant};

use crate::common::files;
use crate::common::*;
use reqwest::multipart::{Form, Part};
use serde_json::Value;

const USER: &str = "rider";
const ATHLETE: &str = "i317960";

async fn connected_app(env: Vec<(&'static str, String)>) -> TestApp {
    let app = TestApp::spawn_with(Options {
        env,
        ..Default::default()
    })
    .await;
    connect_ok(&app, &app.tenant.api_key, USER, ATHLETE).await;
    app
}

async fn sandbox_requests(app: &TestApp) -> Vec<Value> {
    http_client()
        .get(format!("{}/_sandbox/requests", app.sandbox_url))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()
        .as_array()
        .cloned()
        .unwrap_or_default()
}

async fn upload_requests(app: &TestApp) -> usize {
    sandbox_requests(app)
        .await
        .iter()
        .filter(|r| r["method"] == "POST" && r["path"].as_str().unwrap().ends_with("/activities"))
        .count()
}

async fn upload(app: &TestApp, form: Form) -> reqwest::Response {
    app.api
        .post(app.url(&format!("/v1/users/{USER}/activities")))
        .bearer_auth(&app.tenant.api_key)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn gpx_part(bytes: Vec<u8>) -> Part {
    Part::bytes(bytes).file_name("ride.gpx")
}

/// A GPX of about `size` bytes: a real track, then blank lines.
fn padded_gpx(start: &str, size: usize) -> Vec<u8> {
    let mut gpx = files::gpx(start, &uuid::Uuid::new_v4().simple().to_string());
    gpx.resize(size.max(gpx.len()), b'\n');
    gpx
}

async fn problem(resp: reqwest::Response, status: u16) -> Value {
    assert_eq!(resp.status(), status);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    resp.json().await.unwrap()
}

/// A multipart body built by hand: reqwest's `Form` nests one stream per part, which ten thousand
/// parts overflow.
fn raw_form(
    file_first: bool,
    fields: impl Iterator<Item = (String, String)>,
    file: &[u8],
) -> Vec<u8> {
    let file_part = [
        b"--XBOUNDARYX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ride.gpx\"\r\n\r\n".as_slice(),
        file,
        b"\r\n",
    ]
    .concat();
    let mut body = Vec::new();
    if file_first {
        body.extend_from_slice(&file_part);
    }
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--XBOUNDARYX\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if !file_first {
        body.extend_from_slice(&file_part);
    }
    body.extend_from_slice(b"--XBOUNDARYX--\r\n");
    body
}

async fn upload_raw(app: &TestApp, body: Vec<u8>) -> reqwest::Response {
    app.api
        .post(app.url(&format!("/v1/users/{USER}/activities")))
        .bearer_auth(&app.tenant.api_key)
        .header("content-type", "multipart/form-data; boundary=XBOUNDARYX")
        .body(body)
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn a_form_of_ten_thousand_fields_is_refused_at_once_and_sends_nothing() {
    let app = connected_app(vec![]).await;
    // A valid `name` ten thousand times after the file: the second one is refused, so nothing
    // is sent (taking the last one, as a form parser may, would upload).
    let body = raw_form(
        true,
        (0..10_000).map(|_| ("name".to_owned(), "n".repeat(100))),
        &files::gpx("2026-11-10T07:00:00Z", "a"),
    );
    let started = Instant::now();
    let p = problem(upload_raw(&app, body).await, 422).await;
    let repeated = started.elapsed();
    assert_eq!(p["errors"][0]["field"], "name", "{p}");
    // Ten thousand unknown fields of 1 KB: the first is refused on its header, alone.
    let body = raw_form(
        false,
        (0..10_000).map(|i| (format!("field{i}"), "x".repeat(1000))),
        &files::gpx("2026-11-11T07:00:00Z", "b"),
    );
    let started = Instant::now();
    let p = problem(upload_raw(&app, body).await, 422).await;
    let unknown = started.elapsed();
    assert_eq!(p["errors"][0]["field"], "field0", "{p}");
    assert_eq!(p["errors"].as_array().unwrap().len(), 1);
    eprintln!("10,000 fields refused in {repeated:?} (repeated) and {unknown:?} (unknown)");
    assert!(
        repeated < Duration::from_secs(2) && unknown < Duration::from_secs(2),
        "{repeated:?} {unknown:?}"
    );
    // Text fields under their own caps but over 16 KiB together.
    let form = Form::new()
        .text("description", "d".repeat(8000))
        .text("external_id", "e".repeat(100))
        .text("name", "n".repeat(150))
        .text("device_name", "v".repeat(90))
        .text("paired_event_id", "1".repeat(8100))
        .part("file", gpx_part(files::gpx("2026-11-12T07:00:00Z", "c")));
    let p = problem(upload(&app, form).await, 413).await;
    assert_eq!(p["type"], "urn:intervals-bridge:problem:payload-too-large");
    assert_eq!(
        upload_requests(&app).await,
        0,
        "nothing reached Intervals.icu"
    );
    assert!(app.dump_table("uploads").await.is_empty());
    // The bridge still takes a proper upload afterwards.
    let form = Form::new()
        .text("name", "Morning ride")
        .part("file", gpx_part(files::gpx("2026-11-13T07:00:00Z", "d")));
    assert_eq!(upload(&app, form).await.status(), 201);
}

async fn spooled_bytes(app: &TestApp) -> u64 {
    let text = app
        .api
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("bridge_upload_spool_bytes "))
        .expect("the spool gauge")
        .parse()
        .unwrap()
}

#[actix_web::test]
async fn uploads_past_the_instance_spool_budget_answer_503_with_retry_after() {
    const MB: usize = 1024 * 1024;
    let app = connected_app(vec![
        ("BRIDGE_MAX_UPLOAD_MB", "1".into()),
        ("BRIDGE_MAX_SPOOL_MB", "1".into()),
    ])
    .await;
    // The first upload sends 700 KB of its file and holds the rest back.
    let first_file = padded_gpx("2026-11-14T07:00:00Z", 900 * 1024);
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    let body = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    });
    tx.send(Ok(first_file[..700 * 1024].to_vec()))
        .await
        .unwrap();
    let form = Form::new().part(
        "file",
        Part::stream(reqwest::Body::wrap_stream(body)).file_name("ride.gpx"),
    );
    let first = actix_web::rt::spawn({
        let request = app
            .api
            .post(app.url(&format!("/v1/users/{USER}/activities")))
            .bearer_auth(&app.tenant.api_key)
            .multipart(form);
        async move { request.send().await.unwrap() }
    });
    eventually(10, "the first upload's bytes in the spool", || async {
        spooled_bytes(&app).await >= 700 * 1024
    })
    .await;
    // 700 KB held + 400 KB is past the 1 MB budget.
    let second_file = padded_gpx("2026-11-15T07:00:00Z", 400 * 1024);
    let resp = upload(
        &app,
        Form::new().part("file", gpx_part(second_file.clone())),
    )
    .await;
    assert_eq!(resp.headers()["retry-after"], "5");
    let p = problem(resp, 503).await;
    assert_eq!(p["type"], "urn:intervals-bridge:problem:busy");
    assert_eq!(upload_requests(&app).await, 0);
    assert!(
        spooled_bytes(&app).await < MB as u64,
        "the refused upload gave its bytes back"
    );
    // The first upload finishes and gives its bytes back; then the second fits.
    tx.send(Ok(first_file[700 * 1024..].to_vec()))
        .await
        .unwrap();
    drop(tx);
    let first = first.await.unwrap();
    assert_eq!(first.status(), 201, "{}", first.text().await.unwrap());
    eventually(10, "an empty spool", || async {
        spooled_bytes(&app).await == 0
    })
    .await;
    let resp = upload(&app, Form::new().part("file", gpx_part(second_file))).await;
    assert_eq!(resp.status(), 201);
    assert_eq!(upload_requests(&app).await, 2);
}

async fn reads_upstream(app: &TestApp) -> usize {
    sandbox_requests(app)
        .await
        .iter()
        .filter(|r| r["method"] == "GET")
        .count()
}

#[actix_web::test]
async fn upstream_reads_are_bounded_before_anything_is_sent() {
    let app = connected_app(vec![]).await;
    let key = app.tenant.api_key.clone();
    let today = chrono::Utc::now().date_naive();
    let day = |d: i64| (today + chrono::Duration::days(d)).to_string();
    let cases: Vec<(String, &str)> = vec![
        // Activities: 367 days, reversed, a default newest (now), limits.
        (
            "activities?oldest=2024-01-01&newest=2025-01-02".into(),
            "newest",
        ),
        (
            "activities?oldest=2024-01-01T00:00:00&newest=2025-01-02T00:00:00".into(),
            "newest",
        ),
        (
            "activities?oldest=2024-03-02&newest=2024-03-01".into(),
            "newest",
        ),
        (format!("activities?oldest={}", day(-367)), "oldest"),
        (format!("activities?newest={}", day(400)), "newest"),
        ("activities?limit=1001".into(), "limit"),
        ("activities?limit=0".into(), "limit"),
        // Workouts: oldest defaults to today, newest to oldest + 6 days.
        (
            "workouts?oldest=2024-01-01&newest=2025-06-01".into(),
            "newest",
        ),
        (format!("workouts?newest={}", day(367)), "newest"),
        // Wellness: oldest defaults to 30 days ago, newest to today.
        (format!("wellness?oldest={}", day(-400)), "oldest"),
        (format!("wellness?newest={}", day(340)), "newest"),
        (
            "wellness?oldest=2023-01-01&newest=2024-12-31".into(),
            "newest",
        ),
    ];
    for (query, field) in &cases {
        let p = problem(
            app.get(&key, &format!("/v1/users/{USER}/{query}")).await,
            422,
        )
        .await;
        assert_eq!(p["type"], "urn:intervals-bridge:problem:validation");
        assert_eq!(p["errors"][0]["field"], *field, "{query}: {p}");
    }
    assert_eq!(reads_upstream(&app).await, 0, "nothing was asked upstream");
    // At the bounds, each read goes through; the activities list sends its default limit and one
    // more (which tells whether there are more).
    let ok = [
        "activities?oldest=2024-01-01&newest=2025-01-01".to_owned(),
        format!("activities?oldest={}", day(-366)),
        format!("workouts?oldest={}", day(-400)),
        format!("workouts?newest={}", day(366)),
        format!("wellness?oldest={}", day(-366)),
        "wellness?oldest=2024-01-01&newest=2024-12-31".to_owned(),
    ];
    for query in &ok {
        let resp = app.get(&key, &format!("/v1/users/{USER}/{query}")).await;
        assert_eq!(
            resp.status(),
            200,
            "{query}: {}",
            resp.text().await.unwrap()
        );
    }
    let log = sandbox_requests(&app).await;
    let lists: Vec<&str> = log
        .iter()
        .filter(|r| r["method"] == "GET" && r["path"].as_str().unwrap().ends_with("/activities"))
        .map(|r| r["query"].as_str().unwrap())
        .collect();
    assert_eq!(lists.len(), 2);
    assert!(lists.iter().all(|q| q.contains("limit=101")), "{lists:?}");
}

async fn scrape(app: &TestApp) -> reqwest::Response {
    app.api.get(app.url("/metrics")).send().await.unwrap()
}

async fn scrape_with(app: &TestApp, token: &str) -> reqwest::Response {
    app.api
        .get(app.url("/metrics"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn metrics_want_the_token_when_one_is_set() {
    let app = TestApp::spawn_with(Options {
        no_background: true,
        env: vec![("BRIDGE_METRICS_TOKEN", "scrape-me-0123456789".into())],
        ..Default::default()
    })
    .await;
    for token in [None, Some("scrape-me"), Some(app.tenant.api_key.as_str())] {
        let resp = match token {
            Some(t) => scrape_with(&app, t).await,
            None => scrape(&app).await,
        };
        assert_eq!(resp.headers()["www-authenticate"], "Bearer");
        let p = problem(resp, 401).await;
        assert_eq!(p["type"], "urn:intervals-bridge:problem:unauthorized");
    }
    let resp = app
        .api
        .get(app.url("/metrics"))
        .header("authorization", "Basic c2NyYXBlLW1lLTAxMjM0NTY3ODk=")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let resp = scrape_with(&app, "scrape-me-0123456789").await;
    assert_eq!(resp.status(), 200);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("bridge_upload_spool_bytes 0"));
    // Health stays open to load balancers.
    assert_eq!(
        app.api
            .get(app.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // Without a token configured, anyone may scrape.
    let open = TestApp::spawn_with(Options {
        no_background: true,
        ..Default::default()
    })
    .await;
    assert_eq!(scrape(&open).await.status(), 200);
    assert_eq!(scrape_with(&open, "anything").await.status(), 200);
}

#[actix_web::test]
async fn metrics_count_outstanding_work_and_the_connections_at_most_once_a_minute() {
    let app = TestApp::spawn_with(Options {
        no_background: true,
        ..Default::default()
    })
    .await;
    let text = scrape(&app).await.text().await.unwrap();
    assert!(text.contains("bridge_connections 0"), "{text}");
    // Work in every state: only what is not finished is counted.
    for (i, (queue, status)) in [
        ("webhooks", "queued"),
        ("webhooks", "queued"),
        ("webhooks", "failed"),
        ("webhooks", "done"),
        ("wellness", "running"),
        ("wellness", "done"),
    ]
    .iter()
    .enumerate()
    {
        app.exec(format!(
            "INSERT INTO jobs (id, queue, kind, payload, status, attempts, max_attempts, run_at, \
             created_at, updated_at) VALUES ('job{i}', '{queue}', 'test.kind', '{{}}', '{status}', \
             0, 5, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        ))
        .await;
    }
    for (i, status) in ["pending", "succeeded", "succeeded", "disabled"]
        .iter()
        .enumerate()
    {
        app.exec(format!(
            "INSERT INTO events (id, tenant_id, event_type, payload, created_at) VALUES \
             ('ev{i}', '{}', 'test.event', '{{}}', CURRENT_TIMESTAMP)",
            app.tenant.id
        ))
        .await;
        app.exec(format!(
            "INSERT INTO webhook_deliveries (id, event_id, tenant_id, url, status, attempts, \
             created_at, updated_at) VALUES ('del{i}', 'ev{i}', '{}', 'https://partner.example/h', \
             '{status}', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
            app.tenant.id
        ))
        .await;
    }
    connect_ok(&app, &app.tenant.api_key, USER, ATHLETE).await;
    let text = scrape(&app).await.text().await.unwrap();
    for line in [
        "bridge_jobs{queue=\"webhooks\",status=\"queued\"} 2",
        "bridge_jobs{queue=\"webhooks\",status=\"failed\"} 1",
        "bridge_jobs{queue=\"wellness\",status=\"running\"} 1",
        "bridge_webhook_deliveries{status=\"disabled\"} 1",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in {text}");
    }
    // The tenant has no webhook URL, so the connection queued no delivery of its own.
    assert!(text
        .lines()
        .any(|l| l == "bridge_webhook_deliveries{status=\"pending\"} 1"));
    assert!(!text.contains("status=\"done\""), "{text}");
    assert!(!text.contains("status=\"succeeded\""), "{text}");
    // The connection made after the first scrape waits for this instance's next count.
    assert!(text.contains("bridge_connections 0"), "{text}");
    let mut other = TestApp::spawn_with(Options {
        no_background: true,
        keys_spec: Some(app.keys_spec.clone()),
        db: Some(app.db.clone()),
        sandbox: Some((app.sandbox.clone(), app.sandbox_url.clone())),
        ..Default::default()
    })
    .await;
    let text = scrape(&other).await.text().await.unwrap();
    assert!(text.contains("bridge_connections 1"), "{text}");
    other.stop().await;
}
