//! Partner data API against the sandbox: uploads (kinds, refusals, scopes, idempotency,
//! duplicates, multisport, faults), reads and files, link-back, and a revoked token.

use crate::common::files;
use crate::common::*;
use reqwest::multipart::{Form, Part};
use serde_json::{json, Value};

const KEY_USER: &str = "rider";
const ATHLETE: &str = "i317960";

async fn connected_app(env: Vec<(&'static str, String)>) -> TestApp {
    let app = TestApp::spawn_with(Options {
        env,
        ..Default::default()
    })
    .await;
    connect_ok(&app, &app.tenant.api_key, KEY_USER, ATHLETE).await;
    app
}

fn form(file: Vec<u8>, filename: &str, fields: &[(&str, &str)]) -> Form {
    let mut f = Form::new().part("file", Part::bytes(file).file_name(filename.to_owned()));
    for (k, v) in fields {
        f = f.text(k.to_string(), v.to_string());
    }
    f
}

async fn upload(app: &TestApp, key: &str, user: &str, form: Form) -> reqwest::Response {
    app.api
        .post(app.url(&format!("/v1/users/{user}/activities")))
        .bearer_auth(key)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn sandbox_activities(app: &TestApp) -> Vec<Value> {
    sandbox_json(app, &format!("/_sandbox/activities/{ATHLETE}"))
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

async fn upload_requests(app: &TestApp) -> usize {
    let log = sandbox_json(app, "/_sandbox/requests").await;
    log.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["method"] == "POST" && r["path"].as_str().unwrap().ends_with("/activities"))
        .count()
}

fn unique() -> u32 {
    rand_u32()
}

fn rand_u32() -> u32 {
    uuid::Uuid::new_v4().as_u128() as u32
}

#[actix_web::test]
async fn uploads_every_supported_kind() {
    let app = connected_app(vec![]).await;
    let key = app.tenant.api_key.clone();
    let fit = files::fit(1_763_600_000, unique());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("fit", fit.clone(), "ride.fit"),
        (
            "tcx",
            files::tcx(&["2026-11-20T07:00:00Z"], "tcx"),
            "ride.tcx",
        ),
        ("gpx", files::gpx("2026-11-19T07:00:00Z", "gpx"), "ride.gpx"),
        (
            "gz",
            files::gzip(&files::tcx(&["2026-11-18T07:00:00Z"], "gz")),
            "ride.tcx.gz",
        ),
        (
            "zip",
            files::zip("ride.gpx", &files::gpx("2026-11-17T07:00:00Z", "zip")),
            "ride.zip",
        ),
        // The name lies; the bytes decide.
        ("misnamed", files::fit(1_763_500_000, unique()), "ride.txt"),
    ];
    for (label, bytes, name) in cases {
        let resp = upload(
            &app,
            &key,
            KEY_USER,
            form(bytes, name, &[("external_id", label), ("name", label)]),
        )
        .await;
        assert_eq!(
            resp.status(),
            201,
            "{label}: {}",
            resp.text().await.unwrap()
        );
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["duplicate"], false);
        assert_eq!(body["external_id"], label);
        assert_eq!(body["activity_ids"][0], body["activity_id"]);
        assert!(body["activity_id"].as_str().unwrap().starts_with('i'));
    }
    let stored = sandbox_activities(&app).await;
    assert_eq!(stored.len(), 6);
    // Upstream saw tenant-namespaced external ids.
    for a in &stored {
        let ext = a["external_id"].as_str().unwrap();
        assert!(ext.starts_with(&format!("{}.", app.tenant.id)), "{ext}");
    }
}

#[actix_web::test]
async fn garbage_empty_and_malformed_uploads_are_refused_before_upstream() {
    let app = connected_app(vec![]).await;
    let key = app.tenant.api_key.clone();
    let cases: Vec<(Form, u16, &str)> = vec![
        (
            form(b"this is not a ride".to_vec(), "ride.fit", &[]),
            422,
            "file",
        ),
        (form(Vec::new(), "ride.fit", &[]), 422, "file"),
        (
            form(b"<html><body>hi</body></html>".to_vec(), "ride.gpx", &[]),
            422,
            "file",
        ),
        (
            form(files::gzip(b"plain text inside"), "ride.fit.gz", &[]),
            422,
            "file",
        ),
        (
            form(files::zip("notes.txt", b"hello"), "ride.zip", &[]),
            422,
            "file",
        ),
        (
            form(vec![0x1f, 0x8b, 0, 1, 2, 3], "ride.gz", &[]),
            422,
            "file",
        ),
        (Form::new().text("name", "no file"), 422, "file"),
        (
            form(
                files::fit(1_763_600_000, 1),
                "a.fit",
                &[("external_id", "has space")],
            ),
            422,
            "external_id",
        ),
        (
            form(
                files::fit(1_763_600_000, 1),
                "a.fit",
                &[("paired_event_id", "abc")],
            ),
            422,
            "paired_event_id",
        ),
        (
            form(files::fit(1_763_600_000, 1), "a.fit", &[("colour", "red")]),
            422,
            "colour",
        ),
    ];
    for (i, (f, status, field)) in cases.into_iter().enumerate() {
        let resp = upload(&app, &key, KEY_USER, f).await;
        assert_eq!(resp.status().as_u16(), status, "case {i}");
        assert_eq!(resp.headers()["content-type"], "application/problem+json");
        let p: Value = resp.json().await.unwrap();
        assert_eq!(p["errors"][0]["field"], field, "case {i}: {p}");
    }
    // Not multipart at all: 415, naming the media type it reads.
    let resp = app
        .api
        .post(app.url(&format!("/v1/users/{KEY_USER}/activities")))
        .bearer_auth(&key)
        .body("raw")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 415);
    assert_eq!(
        upload_requests(&app).await,
        0,
        "nothing reached Intervals.icu"
    );
    assert!(sandbox_activities(&app).await.is_empty());
    assert!(app.dump_table("uploads").await.is_empty());
}

#[actix_web::test]
async fn uploads_over_the_size_cap_are_refused() {
    let app = connected_app(vec![("BRIDGE_MAX_UPLOAD_MB", "1".into())]).await;
    let mut big = files::fit(1_763_600_000, 9);
    big.resize(2 * 1024 * 1024, 0);
    let resp = upload(
        &app,
        &app.tenant.api_key,
        KEY_USER,
        form(big, "big.fit", &[]),
    )
    .await;
    assert_eq!(resp.status(), 413);
    assert_eq!(upload_requests(&app).await, 0);
}

#[actix_web::test]
async fn uploads_need_activity_write() {
    let app = TestApp::spawn().await;
    let resp = connect(
        &app,
        &app.tenant.api_key,
        "reader",
        Answer::Grant(ATHLETE, &["WELLNESS:WRITE", "CALENDAR:READ"]),
    )
    .await;
    assert_eq!(query_of(&location(&resp))["status"], "connected");
    let resp = upload(
        &app,
        &app.tenant.api_key,
        "reader",
        form(files::fit(1_763_600_000, 3), "a.fit", &[]),
    )
    .await;
    assert_eq!(resp.status(), 403);
    let p: Value = resp.json().await.unwrap();
    assert_eq!(p["type"], "urn:intervals-bridge:problem:missing-scope");
    assert!(p["detail"].as_str().unwrap().contains("ACTIVITY:WRITE"));
    let list = app
        .get(&app.tenant.api_key, "/v1/users/reader/activities")
        .await;
    assert_eq!(list.status(), 403);
    assert_eq!(upload_requests(&app).await, 0);
}

#[actix_web::test]
async fn the_same_external_id_never_uploads_twice() {
    let app = connected_app(vec![]).await;
    let key = app.tenant.api_key.clone();
    let first = upload(
        &app,
        &key,
        KEY_USER,
        form(
            files::fit(1_763_600_000, unique()),
            "a.fit",
            &[("external_id", "ride-42")],
        ),
    )
    .await;
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    // Even with another file, the stored answer comes back and nothing is sent upstream.
    let before = upload_requests(&app).await;
    let again = upload(
        &app,
        &key,
        KEY_USER,
        form(
            files::fit(1_763_700_000, unique()),
            "b.fit",
            &[("external_id", "ride-42")],
        ),
    )
    .await;
    assert_eq!(again.status(), 201);
    let again: Value = again.json().await.unwrap();
    assert_eq!(again["activity_id"], first["activity_id"]);
    assert_eq!(again["replayed"], true);
    assert_eq!(upload_requests(&app).await, before);
    assert_eq!(sandbox_activities(&app).await.len(), 1);
    // Another tenant's identical external_id for its own user is independent.
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    connect_ok(&app, &b.api_key, KEY_USER, "2049151").await;
    let other = upload(
        &app,
        &b.api_key,
        KEY_USER,
        form(
            files::fit(1_763_800_000, unique()),
            "c.fit",
            &[("external_id", "ride-42")],
        ),
    )
    .await;
    assert_eq!(other.status(), 201);
}

/// Intervals.icu keeps one `external_id` namespace per tenant on each athlete, so the claim is
/// per (tenant, athlete): a second user of the tenant on the same athlete gets the first upload's
/// answer, and the claim outlives the erasure of the user who made it.
#[actix_web::test]
async fn two_users_on_one_athlete_never_upload_one_external_id_twice() {
    let app = connected_app(vec![]).await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "rider-2", ATHLETE).await;
    let first = upload(
        &app,
        &key,
        KEY_USER,
        form(
            files::fit(1_763_600_000, unique()),
            "a.fit",
            &[("external_id", "ride-43")],
        ),
    )
    .await;
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    let before = upload_requests(&app).await;
    let second_user = || {
        form(
            files::fit(1_763_700_000, unique()),
            "b.fit",
            &[("external_id", "ride-43")],
        )
    };
    let again = upload(&app, &key, "rider-2", second_user()).await;
    assert_eq!(again.status(), 201);
    let again: Value = again.json().await.unwrap();
    assert_eq!(again["activity_id"], first["activity_id"]);
    assert_eq!(again["replayed"], true);
    assert_eq!(upload_requests(&app).await, before);
    let named: Vec<Value> = sandbox_activities(&app)
        .await
        .into_iter()
        .filter(|a| {
            a["external_id"]
                .as_str()
                .unwrap_or("")
                .ends_with(".ride-43")
        })
        .collect();
    assert_eq!(named.len(), 1, "one upstream activity per external_id");
    // The first user erased: the claim passes to the other user on the athlete.
    assert_eq!(
        app.delete(&key, &format!("/v1/users/{KEY_USER}"))
            .await
            .status(),
        204
    );
    let after = upload(&app, &key, "rider-2", second_user()).await;
    assert_eq!(after.status(), 201);
    let after: Value = after.json().await.unwrap();
    assert_eq!(after["activity_id"], first["activity_id"]);
    assert_eq!(after["replayed"], true);
    assert_eq!(upload_requests(&app).await, before);
}

#[actix_web::test]
async fn an_upstream_duplicate_answers_200_with_the_existing_activity() {
    let app = connected_app(vec![]).await;
    let key = app.tenant.api_key.clone();
    let bytes = files::tcx(&["2026-11-15T06:00:00Z"], "dup");
    let first = upload(&app, &key, KEY_USER, form(bytes.clone(), "a.tcx", &[])).await;
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    let second = upload(&app, &key, KEY_USER, form(bytes, "a.tcx", &[])).await;
    assert_eq!(second.status(), 200);
    let second: Value = second.json().await.unwrap();
    assert_eq!(second["duplicate"], true);
    assert_eq!(second["activity_id"], first["activity_id"]);
}

#[actix_web::test]
async fn a_multisport_file_reports_every_activity() {
    let app = connected_app(vec![]).await;
    let bytes = files::tcx(
        &[
            "2026-11-14T06:00:00Z",
            "2026-11-14T07:00:00Z",
            "2026-11-14T08:00:00Z",
        ],
        "tri",
    );
    let resp = upload(
        &app,
        &app.tenant.api_key,
        KEY_USER,
        form(bytes, "tri.tcx", &[]),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let body: Value = resp.json().await.unwrap();
    let ids = body["activity_ids"].as_array().unwrap();
    assert_eq!(ids.len(), 3);
    assert_eq!(ids[0], body["activity_id"]);
}

#[actix_web::test]
async fn a_revoked_token_turns_the_connection_invalid_and_later_calls_fail_fast() {
    let app = connected_app(vec![]).await;
    let key = app.tenant.api_key.clone();
    app.sandbox_post(
        "/_sandbox/tokens/revoke",
        json!({"client_id": CLIENT_ID, "athlete_id": ATHLETE}),
    )
    .await;
    let resp = upload(
        &app,
        &key,
        KEY_USER,
        form(files::fit(1_763_600_000, unique()), "a.fit", &[]),
    )
    .await;
    assert_eq!(resp.status(), 409);
    let p: Value = resp.json().await.unwrap();
    assert_eq!(p["type"], "urn:intervals-bridge:problem:connection-invalid");
    let user: Value = app
        .get(&key, &format!("/v1/users/{KEY_USER}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(user["status"], "invalid");
    assert!(app
        .dump_table("events")
        .await
        .contains("connection.invalid"));
    // Fail fast: nothing more reaches upstream.
    let before = sandbox_json(&app, "/_sandbox/requests")
        .await
        .as_array()
        .unwrap()
        .len();
    let list = app
        .get(&key, &format!("/v1/users/{KEY_USER}/activities"))
        .await;
    assert_eq!(list.status(), 409);
    let after = sandbox_json(&app, "/_sandbox/requests")
        .await
        .as_array()
        .unwrap()
        .len();
    assert_eq!(before, after);
    // Reconnecting makes it active again.
    connect_ok(&app, &key, KEY_USER, ATHLETE).await;
    let user: Value = app
        .get(&key, &format!("/v1/users/{KEY_USER}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(user["status"], "active");
}

#[actix_web::test]
async fn uploads_and_reads_succeed_exactly_once_under_injected_503s() {
    let app = connected_app(vec![]).await;
    let key = app.tenant.api_key.clone();
    app.sandbox_post(
        "/_sandbox/faults",
        json!({"fail_next": 2, "error_rate": 0.5, "error_status": 503, "phase": "after"}),
    )
    .await;
    let mut ids = std::collections::HashSet::new();
    for i in 0..8 {
        let bytes = files::fit(1_763_000_000 + i * 86_400, unique());
        let ext = format!("flaky-{i}");
        let resp = upload(
            &app,
            &key,
            KEY_USER,
            form(bytes, "a.fit", &[("external_id", &ext)]),
        )
        .await;
        assert!(resp.status().is_success(), "{}", resp.text().await.unwrap());
        let body: Value = resp.json().await.unwrap();
        ids.insert(body["activity_id"].as_str().unwrap().to_owned());
        let list = app
            .get(
                &key,
                &format!("/v1/users/{KEY_USER}/activities?oldest=2025-11-01&newest=2026-10-31"),
            )
            .await;
        assert_eq!(list.status(), 200);
    }
    let stats = sandbox_json(&app, "/_sandbox/stats").await;
    assert!(stats["faults_injected"].as_u64().unwrap() > 0, "{stats}");
    app.exec_sandbox_delete("/_sandbox/faults").await;
    let stored = sandbox_activities(&app).await;
    assert_eq!(
        stored.len(),
        8,
        "each upload reached Intervals.icu exactly once"
    );
    assert_eq!(ids.len(), 8);
}

#[actix_web::test]
async fn rate_limited_answers_are_retried_with_and_without_retry_after() {
    let app = connected_app(vec![]).await;
    let key = app.tenant.api_key.clone();
    app.sandbox_post(
        "/_sandbox/faults",
        json!({"fail_next": 2, "error_status": 429, "retry_after_secs": 1}),
    )
    .await;
    let started = std::time::Instant::now();
    let resp = upload(
        &app,
        &key,
        KEY_USER,
        form(files::fit(1_763_600_000, unique()), "a.fit", &[]),
    )
    .await;
    assert_eq!(resp.status(), 201);
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(1900),
        "Retry-After was honoured"
    );
    app.sandbox_post(
        "/_sandbox/faults",
        json!({"fail_next": 3, "error_status": 429}),
    )
    .await;
    let resp = app
        .get(&key, &format!("/v1/users/{KEY_USER}/activities"))
        .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(sandbox_activities(&app).await.len(), 1);
    let stats = sandbox_json(&app, "/_sandbox/stats").await;
    assert_eq!(stats["faults_injected"], 5);
}

#[actix_web::test]
async fn lists_files_and_stubs() {
    let app = connected_app(vec![]).await;
    let key = app.tenant.api_key.clone();
    let fit = files::fit(chrono::Utc::now().timestamp() - 86_400, unique());
    let up: Value = upload(
        &app,
        &key,
        KEY_USER,
        form(fit.clone(), "a.fit", &[("external_id", "mine-1")]),
    )
    .await
    .json()
    .await
    .unwrap();
    let id = up["activity_id"].as_str().unwrap().to_owned();
    let list: Value = app
        .get(&key, &format!("/v1/users/{KEY_USER}/activities"))
        .await
        .json()
        .await
        .unwrap();
    let data = list["data"].as_array().unwrap();
    let mine = data
        .iter()
        .find(|a| a["id"] == id.as_str())
        .expect("uploaded activity listed");
    assert_eq!(mine["external_id"], "mine-1", "our namespacing is undone");
    assert_eq!(mine["stub"], false);
    assert!(
        data.iter()
            .any(|a| a["stub"] == true && a["source"] == "STRAVA"),
        "{data:?}"
    );
    // Window: nothing before 2001.
    let old: Value = app
        .get(
            &key,
            &format!("/v1/users/{KEY_USER}/activities?oldest=2000-01-01&newest=2000-12-31"),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(old["data"], json!([]));
    for bad in [
        "oldest=yesterday",
        "newest=2026-13-01",
        "limit=0",
        "limit=5000",
    ] {
        let r = app
            .get(&key, &format!("/v1/users/{KEY_USER}/activities?{bad}"))
            .await;
        assert_eq!(r.status(), 422, "{bad}");
    }
    // The original file comes back as uploaded (Intervals.icu gzips it; we undo that).
    let file = app
        .get(&key, &format!("/v1/users/{KEY_USER}/activities/{id}/file"))
        .await;
    assert_eq!(file.status(), 200);
    assert_eq!(file.headers()["content-type"], "application/vnd.ant.fit");
    assert_eq!(
        file.headers()["content-disposition"],
        format!("attachment; filename=\"{id}.fit\"").as_str()
    );
    assert_eq!(file.bytes().await.unwrap().to_vec(), fit);
    let gen = app
        .get(
            &key,
            &format!("/v1/users/{KEY_USER}/activities/{id}/fit-file"),
        )
        .await;
    assert_eq!(gen.status(), 200);
    assert_eq!(gen.headers()["content-type"], "application/vnd.ant.fit");
    let bytes = gen.bytes().await.unwrap();
    assert_eq!(&bytes[8..12], b".FIT");
    assert_eq!(files::fit_crc(&bytes), 0, "the FIT CRC checks out");
    // A Strava stub cannot be read: Intervals.icu's 422 message is kept.
    let stub = data.iter().find(|a| a["stub"] == true).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = app
        .get(
            &key,
            &format!("/v1/users/{KEY_USER}/activities/{stub}/file"),
        )
        .await;
    assert_eq!(r.status(), 422);
    let p: Value = r.json().await.unwrap();
    assert_eq!(p["type"], "urn:intervals-bridge:problem:upstream-rejected");
    let r = app
        .get(
            &key,
            &format!("/v1/users/{KEY_USER}/activities/i999999999/file"),
        )
        .await;
    assert_eq!(r.status(), 404);
}

#[actix_web::test]
async fn planned_workouts_with_resolved_targets_and_files() {
    let app = connected_app(vec![]).await;
    let key = app.tenant.api_key.clone();
    let today = chrono::Utc::now().date_naive();
    let (oldest, newest) = (
        today - chrono::Duration::days(3),
        today + chrono::Duration::days(12),
    );
    let list: Value = app
        .get(
            &key,
            &format!("/v1/users/{KEY_USER}/workouts?oldest={oldest}&newest={newest}&format=zwo"),
        )
        .await
        .json()
        .await
        .unwrap();
    let data = list["data"].as_array().unwrap();
    assert!(!data.is_empty());
    for w in data {
        assert_eq!(w["category"], "WORKOUT");
        let steps = w["workout_doc"]["steps"].as_array().unwrap();
        assert!(!steps.is_empty());
        let text = w.to_string();
        assert!(
            ["_power", "_pace", "_hr"].iter().any(|t| text.contains(t)),
            "targets resolved to absolute values: {text}"
        );
        let file = &w["file"];
        assert_eq!(file["content_type"], "application/xml");
        assert!(file["filename"].as_str().unwrap().ends_with(".zwo"));
    }
    // The download matches what came inline, byte for byte.
    use base64::Engine;
    let first = &data[0];
    let inline = base64::engine::general_purpose::STANDARD
        .decode(first["file"]["content_base64"].as_str().unwrap())
        .unwrap();
    assert!(String::from_utf8_lossy(&inline).contains("<workout_file>"));
    let id = first["id"].as_i64().unwrap();
    let dl = app
        .get(
            &key,
            &format!("/v1/users/{KEY_USER}/workouts/{id}/file?format=zwo"),
        )
        .await;
    assert_eq!(dl.status(), 200);
    assert!(dl.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename="));
    assert_eq!(dl.bytes().await.unwrap().to_vec(), inline);
    for fmt in ["mrc", "erg", "fit"] {
        let r = app
            .get(
                &key,
                &format!("/v1/users/{KEY_USER}/workouts/{id}/file?format={fmt}"),
            )
            .await;
        assert_eq!(r.status(), 200, "{fmt}");
        assert!(!r.bytes().await.unwrap().is_empty());
    }
    // Without a format there is no file; bad input is a clear 4xx.
    let plain: Value = app
        .get(
            &key,
            &format!("/v1/users/{KEY_USER}/workouts?oldest={oldest}&newest={newest}"),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(plain["data"][0].get("file").is_none());
    for bad in [
        "format=pdf",
        "oldest=soon",
        "oldest=2026-05-02&newest=2026-05-01",
    ] {
        assert_eq!(
            app.get(&key, &format!("/v1/users/{KEY_USER}/workouts?{bad}"))
                .await
                .status(),
            422,
            "{bad}"
        );
    }
    assert_eq!(
        app.get(
            &key,
            &format!("/v1/users/{KEY_USER}/workouts/{id}/file?format=doc")
        )
        .await
        .status(),
        422
    );
    assert_eq!(
        app.get(&key, &format!("/v1/users/{KEY_USER}/workouts/abc/file"))
            .await
            .status(),
        404
    );
    assert_eq!(
        app.get(
            &key,
            &format!("/v1/users/{KEY_USER}/workouts/987654321/file")
        )
        .await
        .status(),
        404
    );
}

#[actix_web::test]
async fn workouts_need_calendar_read() {
    let app = TestApp::spawn().await;
    let resp = connect(
        &app,
        &app.tenant.api_key,
        "no-cal",
        Answer::Grant(ATHLETE, &["ACTIVITY:WRITE"]),
    )
    .await;
    assert_eq!(query_of(&location(&resp))["status"], "connected");
    let r = app
        .get(&app.tenant.api_key, "/v1/users/no-cal/workouts")
        .await;
    assert_eq!(r.status(), 403);
    let r = app
        .get(&app.tenant.api_key, "/v1/users/no-cal/workouts/1/file")
        .await;
    assert_eq!(r.status(), 403);
}

#[actix_web::test]
async fn other_tenants_cannot_reach_the_data_endpoints() {
    let app = connected_app(vec![]).await;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let r = upload(
        &app,
        &b.api_key,
        KEY_USER,
        form(files::fit(1_763_600_000, unique()), "a.fit", &[]),
    )
    .await;
    assert_eq!(r.status(), 404);
    for path in [
        format!("/v1/users/{KEY_USER}/activities"),
        format!("/v1/users/{KEY_USER}/activities/i1/file"),
        format!("/v1/users/{KEY_USER}/activities/i1/fit-file"),
        format!("/v1/users/{KEY_USER}/workouts"),
        format!("/v1/users/{KEY_USER}/workouts/1/file"),
    ] {
        assert_eq!(app.get(&b.api_key, &path).await.status(), 404, "{path}");
    }
    assert_eq!(upload_requests(&app).await, 0);
}

#[actix_web::test]
async fn link_back_redirects_to_the_tenants_activity_page() {
    let app = connected_app(vec![]).await;
    let state = app.state.clone();
    let tenant_id = app.tenant.id.clone();
    actix_web::web::block(move || {
        let mut conn = state.pool.get().unwrap();
        intervals_bridge::domain::tenants::update(
            &mut conn,
            &intervals_bridge::db::types::TenantId::new(tenant_id.clone()),
            intervals_bridge::domain::tenants::UrlPolicy::HttpsOnly,
            intervals_bridge::domain::tenants::TenantOptions {
                activity_url_template: Some("https://partner.example/rides/{external_id}".into()),
                ..Default::default()
            },
        )
        .unwrap();
    })
    .await
    .unwrap();
    let resp = upload(
        &app,
        &app.tenant.api_key,
        KEY_USER,
        form(
            files::fit(1_763_600_000, unique()),
            "a.fit",
            &[("external_id", "ride-7")],
        ),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let upstream_ext = sandbox_activities(&app).await[0]["external_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = app
        .api
        .get(app.url(&format!("/links/activities/{upstream_ext}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 302);
    assert_eq!(location(&r), "https://partner.example/rides/ride-7");
    for bad in [
        "nodot",
        "00000000-0000-0000-0000-000000000000.x",
        "garbage.%20",
    ] {
        let r = app
            .api
            .get(app.url(&format!("/links/activities/{bad}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "{bad}");
    }
}

/// The link-back fills `{external_id}` into the template's path or query, percent-encoded as a
/// path segment, and never sends the browser to another site, even from a template stored
/// before templates were checked.
#[actix_web::test]
async fn link_back_stays_on_the_templates_own_site() {
    let app = &TestApp::spawn().await;
    let id = app.tenant.id.as_str();
    let set_template = |t: &str| {
        app.exec(format!(
            "UPDATE tenants SET activity_url_template = '{t}' WHERE id = '{id}'"
        ))
    };
    let follow = |ext: String| async move {
        app.api
            .get(app.url(&format!("/links/activities/{id}.{ext}")))
            .send()
            .await
            .unwrap()
    };
    // Every character an external id may hold comes through as it is, in the path or the query.
    for (template, ext, target) in [
        (
            "https://partner.example/rides/{external_id}",
            "Ride-7.a_b~c",
            "https://partner.example/rides/Ride-7.a_b~c",
        ),
        (
            "https://partner.example/r?id={external_id}&again={external_id}",
            "r.9",
            "https://partner.example/r?id=r.9&again=r.9",
        ),
    ] {
        set_template(template).await;
        let r = follow(ext.into()).await;
        assert_eq!(r.status(), 302, "{template}");
        assert_eq!(location(&r), target);
        assert_eq!(r.headers()["referrer-policy"], "no-referrer");
    }
    // Reserved characters never reach the template: such an id is not one the bridge sends.
    for ext in ["a%2Fb", "a%40evil.example", "a%3Fx", "a%23x"] {
        let r = follow(ext.into()).await;
        assert_eq!(r.status(), 404, "{ext}");
    }
    // Templates that put the id into the host, as stored rows from before the check could.
    for (template, ext) in [
        ("https://{external_id}/rides", "evil.example"),
        ("https://{external_id}", "evil.example"),
        ("https://x.example{external_id}/", ".evil.example"),
        ("https://{external_id}.x.example/", "evil.example.x"),
        ("https://user:{external_id}@x.example/", "pw"),
    ] {
        set_template(template).await;
        let r = follow(ext.into()).await;
        assert_eq!(r.status(), 404, "{template} with {ext}");
        assert!(r.headers().get("location").is_none());
    }
}

/// A coach's Intervals.icu token reads the activities of the athletes it coaches; the bridge
/// still serves a user only its own athlete's activities (checked on `icu_athlete_id`), and
/// another athlete's activity is as missing as an unknown one.
#[actix_web::test]
async fn a_coachs_token_never_reads_another_athletes_activity_through_the_bridge() {
    let app = connected_app(vec![]).await;
    let coach_key = app.tenant.api_key.clone();
    // Another user of the same tenant, on another athlete, uploads an activity.
    connect_ok(&app, &coach_key, "coached", "2049151").await;
    let resp = upload(
        &app,
        &coach_key,
        "coached",
        form(files::fit(1_763_400_000, unique()), "c.fit", &[]),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let theirs: Value = resp.json().await.unwrap();
    let id = theirs["activity_id"].as_str().unwrap().to_owned();
    // Upstream, the first athlete coaches the second: its token reads that activity.
    app.sandbox_post(
        "/_sandbox/coaches",
        json!({"coach": ATHLETE, "athlete": "2049151"}),
    )
    .await;
    let token = app.athlete_token(ATHLETE).await;
    let upstream = http_client()
        .get(format!("{}/api/v1/activity/{id}/file", app.sandbox_url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        upstream.status(),
        200,
        "the coach's token reads it upstream"
    );
    app.exec_sandbox_delete("/_sandbox/requests").await;
    for suffix in ["file", "fit-file"] {
        let resp = app
            .get(
                &coach_key,
                &format!("/v1/users/{KEY_USER}/activities/{id}/{suffix}"),
            )
            .await;
        assert_eq!(resp.status(), 404, "{suffix}");
        assert_eq!(resp.headers()["content-type"], "application/problem+json");
    }
    // Only the summary was asked for, never the file.
    let log = sandbox_json(&app, "/_sandbox/requests").await;
    let paths: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert!(
        paths
            .iter()
            .all(|p| !p.ends_with("/file") && !p.ends_with("/fit-file")),
        "{paths:?}"
    );
    // The athlete's own user still gets it.
    let own = app
        .get(
            &coach_key,
            &format!("/v1/users/coached/activities/{id}/file"),
        )
        .await;
    assert_eq!(own.status(), 200);
}

/// A pending claim of `external_id` for the app's user, made `secs_ago` by `instance`.
async fn pending_claim(app: &TestApp, external_id: &str, instance: &str, secs_ago: i64) {
    let at = (chrono::Utc::now().naive_utc() - chrono::Duration::seconds(secs_ago))
        .format("%Y-%m-%d %H:%M:%S%.6f");
    app.exec(format!(
        "INSERT INTO uploads (id, tenant_id, athlete_id, user_id, external_id, status, duplicate, \
         file_sha256, created_at, updated_at, instance_id) VALUES ('claim-{external_id}', '{}', \
         '{ATHLETE}', '{KEY_USER}', '{external_id}', 'pending', false, 'x', '{at}', '{at}', \
         '{instance}')",
        app.tenant.id
    ))
    .await;
}

#[actix_web::test]
async fn an_upload_left_pending_by_an_instance_that_died_is_taken_over() {
    let app = connected_app(vec![]).await;
    let key = app.tenant.api_key.clone();
    let live = app.state.instance_id.clone();
    eventually(10, "this instance's heartbeat", || async {
        !app.strings(&format!(
            "SELECT id AS v FROM bridge_instances WHERE id = '{live}'"
        ))
        .await
        .is_empty()
    })
    .await;
    let send = |ext: &'static str| {
        let (app, key) = (&app, key.clone());
        async move {
            upload(
                app,
                &key,
                KEY_USER,
                form(
                    files::fit(1_763_400_000, unique()),
                    "ride.fit",
                    &[("external_id", ext)],
                ),
            )
            .await
            .status()
        }
    };
    // Its instance stopped beating 20 s ago (killed): the claim is taken over at once.
    pending_claim(&app, "left-by-dead", "instance-gone", 20).await;
    assert_eq!(send("left-by-dead").await, 201);
    // Just made by an instance not yet seen: it may still be starting; wait.
    pending_claim(&app, "just-claimed", "instance-new", 0).await;
    assert_eq!(send("just-claimed").await, 409);
    // Held by a live instance (this one), however old: still uploading.
    pending_claim(&app, "held-by-live", &live, 60).await;
    assert_eq!(send("held-by-live").await, 409);
    let before = upload_requests(&app).await;
    assert_eq!(before, 1, "only the dead instance's claim was uploaded");
}
