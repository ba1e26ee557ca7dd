//! What a partner's first hour leans on beyond the operations: answers that match their typed
//! schemas in `/openapi.json` (Intervals.icu's own shapes for activities, wellness and events),
//! the `webhooks` section's payloads, the "more" signal of activity lists, and the rate and
//! budget headers on per-user answers.

use std::process::Command;

use crate::common::files;
use crate::common::*;
use reqwest::multipart::{Form, Part};
use serde_json::{json, Value};

const USER: &str = "rider";
const ATHLETE: &str = "i317960";

/// Uploads a FIT file starting `days_ago` days ago at a time set by `serial`; its activity id.
async fn upload(app: &TestApp, days_ago: i64, serial: u32) -> String {
    let start = chrono::Utc::now().timestamp() - days_ago * 86_400 - i64::from(serial % 3600);
    let form = Form::new()
        .part(
            "file",
            Part::bytes(files::fit(start, serial)).file_name("ride.fit"),
        )
        .text("external_id", format!("typed-{serial}"));
    let resp = app
        .api
        .post(app.url(&format!("/v1/users/{USER}/activities")))
        .bearer_auth(&app.tenant.api_key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success(), "{}", resp.status());
    let body: Value = resp.json().await.unwrap();
    body["activity_id"].as_str().unwrap().to_owned()
}

async fn json_of(app: &TestApp, path: &str) -> Value {
    let resp = app.get(&app.tenant.api_key, path).await;
    assert_eq!(resp.status(), 200, "{path}");
    resp.json().await.unwrap()
}

#[actix_web::test]
async fn activity_lists_say_exactly_when_there_are_more() {
    let app = TestApp::spawn().await;
    connect_scopes(
        &app,
        &app.tenant.api_key,
        USER,
        ATHLETE,
        &["ACTIVITY:WRITE"],
    )
    .await;
    for (i, serial) in [7101u32, 7202, 7303].into_iter().enumerate() {
        upload(&app, 2 + i as i64, serial).await;
    }
    let base = format!("/v1/users/{USER}/activities");
    let all = json_of(&app, &format!("{base}?limit=1000")).await;
    let items = all["data"].as_array().unwrap().clone();
    let n = items.len();
    assert!(n >= 3, "{all}");
    assert_eq!(
        (&all["has_more"], &all["next_newest"]),
        (&json!(false), &Value::Null)
    );

    // A page exactly as long as what is there: no more.
    let exact = json_of(&app, &format!("{base}?limit={n}")).await;
    assert_eq!(exact["data"].as_array().unwrap().len(), n);
    assert_eq!(exact["has_more"], false);
    assert_eq!(exact["next_newest"], Value::Null);

    // One fewer: more, starting at the one left out.
    let short = json_of(&app, &format!("{base}?limit={}", n - 1)).await;
    assert_eq!(short["data"].as_array().unwrap().len(), n - 1);
    assert_eq!(short["has_more"], true);
    assert_eq!(short["next_newest"], items[n - 1]["start_date_local"]);

    // Following `next_newest` page by page reads each activity once, and the last page says so.
    let mut seen = Vec::new();
    let mut newest: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut path = format!("{base}?limit=2");
        if let Some(n) = &newest {
            path.push_str(&format!("&newest={n}"));
        }
        let page = json_of(&app, &path).await;
        pages += 1;
        for a in page["data"].as_array().unwrap() {
            seen.push(a["id"].clone());
        }
        if page["has_more"] == false {
            assert_eq!(page["next_newest"], Value::Null);
            break;
        }
        newest = Some(page["next_newest"].as_str().unwrap().to_owned());
        assert!(pages <= n, "paging does not end");
    }
    let ids: Vec<Value> = items.iter().map(|a| a["id"].clone()).collect();
    assert_eq!(seen, ids);
    assert_eq!(pages, n.div_ceil(2));
}

fn header(resp: &reqwest::Response, name: &str) -> Option<String> {
    resp.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
}

fn number(resp: &reqwest::Response, name: &str) -> i64 {
    header(resp, name)
        .unwrap_or_else(|| panic!("no {name}"))
        .parse()
        .unwrap()
}

async fn fresh_list(app: &TestApp) -> reqwest::Response {
    let resp = app
        .api
        .get(app.url(&format!("/v1/users/{USER}/activities")))
        .bearer_auth(&app.tenant.api_key)
        .header("Cache-Control", "no-cache")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    resp
}

#[actix_web::test]
async fn per_user_answers_carry_the_athlete_budget_as_it_is_spent() {
    let app = TestApp::spawn_with(Options {
        env: vec![("INTERVALS_ATHLETE_DAILY_BUDGET", "40".into())],
        ..Default::default()
    })
    .await;
    connect_scopes(&app, &app.tenant.api_key, USER, ATHLETE, &["ACTIVITY:READ"]).await;

    let first = fresh_list(&app).await;
    assert_eq!(number(&first, "ratelimit-limit"), 40);
    assert_eq!(
        header(&first, "ratelimit-policy").as_deref(),
        Some("40;w=86400")
    );
    let reset = number(&first, "ratelimit-reset");
    assert!((1..=86_400).contains(&reset), "{reset}");
    let calls = number(&first, "x-upstream-calls-today");
    let left = number(&first, "ratelimit-remaining");
    assert!(calls >= 1);
    assert_eq!(left, 40 - calls);
    assert_eq!(number(&first, "x-upstream-budget-remaining"), left);

    // Each call read upstream spends one.
    let second = fresh_list(&app).await;
    assert_eq!(number(&second, "x-upstream-calls-today"), calls + 1);
    assert_eq!(number(&second, "ratelimit-remaining"), left - 1);
    assert_eq!(number(&second, "x-upstream-budget-remaining"), left - 1);

    // An answer that asks nothing upstream spends nothing, and says so.
    let user = app
        .get(&app.tenant.api_key, &format!("/v1/users/{USER}"))
        .await;
    assert_eq!(user.status(), 200);
    assert_eq!(number(&user, "ratelimit-remaining"), left - 1);
    let body: Value = user.json().await.unwrap();
    assert_eq!(body["upstream_calls_today"], calls + 1);

    // Tenant-wide answers are about no athlete.
    let tenant = app.get(&app.tenant.api_key, "/v1/tenant").await;
    assert_eq!(tenant.status(), 200);
    assert!(header(&tenant, "ratelimit-limit").is_none());
    assert!(header(&tenant, "x-upstream-calls-today").is_none());
    // Nor does an unknown user's 404 name one.
    let nobody = app
        .get(&app.tenant.api_key, "/v1/users/nobody/activities")
        .await;
    assert_eq!(nobody.status(), 404);
    assert!(header(&nobody, "x-upstream-calls-today").is_none());

    // Spent to the end: the 429 says nothing is left.
    for _ in 0..(left - 1) {
        fresh_list(&app).await;
    }
    let spent = app
        .api
        .get(app.url(&format!("/v1/users/{USER}/activities")))
        .bearer_auth(&app.tenant.api_key)
        .header("Cache-Control", "no-cache")
        .send()
        .await
        .unwrap();
    assert_eq!(spent.status(), 429);
    assert_eq!(number(&spent, "ratelimit-remaining"), 0);
    assert_eq!(number(&spent, "x-upstream-budget-remaining"), 0);
}

#[actix_web::test]
async fn without_a_budget_only_the_calls_today_are_told() {
    let app = TestApp::spawn().await;
    connect_scopes(&app, &app.tenant.api_key, USER, ATHLETE, &["ACTIVITY:READ"]).await;
    let first = fresh_list(&app).await;
    let calls = number(&first, "x-upstream-calls-today");
    assert!(header(&first, "ratelimit-limit").is_none());
    assert!(header(&first, "x-upstream-budget-remaining").is_none());
    let second = fresh_list(&app).await;
    assert_eq!(number(&second, "x-upstream-calls-today"), calls + 1);
}

/// Python's `jsonschema` (which `openapi-spec-validator` brings), or a notice (a failure when
/// `BRIDGE_REQUIRE_PY_CLIENT=1`).
fn jsonschema_present() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("BRIDGE_REQUIRE_PY_CLIENT").as_deref() != Ok("1"),
            "python3's jsonschema is required (BRIDGE_REQUIRE_PY_CLIENT=1)"
        );
        eprintln!("skipping the typed-answer check: python3 -m pip install jsonschema");
    }
    ok
}

/// Checks each (schema name, value) against the document's component; prints the failures.
const CHECK: &str = r##"
import json, sys
from jsonschema import Draft202012Validator
doc = json.load(open(sys.argv[1]))
bad = []
for name, value in json.load(open(sys.argv[2])):
    v = Draft202012Validator({**doc, "$ref": "#/components/schemas/" + name})
    for e in v.iter_errors(value):
        bad.append(f"{name} at {list(e.absolute_path)}: {e.message[:300]}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
"##;

#[actix_web::test]
async fn answers_and_webhook_examples_match_their_typed_schemas() {
    if !jsonschema_present() {
        return;
    }
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_scopes(
        &app,
        &key,
        USER,
        ATHLETE,
        &[
            "ACTIVITY:WRITE",
            "WELLNESS:WRITE",
            "CALENDAR:WRITE",
            "SETTINGS:READ",
        ],
    )
    .await;
    let activity = upload(&app, 1, 7404).await;
    let day = (chrono::Utc::now().date_naive() - chrono::Duration::days(1)).to_string();
    let resp = app
        .api
        .put(app.url(&format!("/v1/users/{USER}/wellness?push=now")))
        .bearer_auth(&key)
        .json(&json!([{"id": day, "weight": 70.5, "restingHR": 48, "hrv": 62.1, "sleepSecs": 27000, "soreness": 2, "comments": "ok"}]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    let pending: Value = resp.json().await.unwrap();
    let tomorrow = (chrono::Utc::now().date_naive() + chrono::Duration::days(1)).to_string();
    let resp = app
        .api
        .put(app.url(&format!("/v1/users/{USER}/workouts")))
        .bearer_auth(&key)
        .json(
            &json!([{"external_id": "typed-plan", "start_date_local": tomorrow, "type": "Ride",
                        "name": "Sweet spot", "description": "- 10m 60%\n- 20m 90%\n- 10m 50%"}]),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let u = format!("/v1/users/{USER}");
    let week = (chrono::Utc::now().date_naive() + chrono::Duration::days(7)).to_string();
    let mut checks: Vec<(String, Value)> = vec![
        (
            "ActivityList".into(),
            json_of(&app, &format!("{u}/activities?limit=1000")).await,
        ),
        (
            "ActivityDetail".into(),
            json_of(&app, &format!("{u}/activities/{activity}")).await,
        ),
        (
            "WorkoutList".into(),
            json_of(&app, &format!("{u}/workouts?newest={week}&format=zwo")).await,
        ),
        (
            "SportSettingsList".into(),
            json_of(&app, &format!("{u}/sport-settings")).await,
        ),
        ("Queued".into(), pending),
        ("User".into(), json_of(&app, &u).await),
    ];
    eventually(20, "the wellness push", || async {
        json_of(&app, &format!("{u}/wellness/pending")).await["data"]
            .as_array()
            .unwrap()
            .is_empty()
    })
    .await;
    let wellness = json_of(&app, &format!("{u}/wellness?oldest={day}")).await;
    assert!(wellness["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["weight"] == 70.5));
    checks.push(("WellnessList".into(), wellness));
    // The answers are not trivially valid: something was read.
    assert!(!checks[0].1["data"].as_array().unwrap().is_empty());
    assert!(checks[1].1["icu_intervals"].is_array());
    assert!(checks[2].1["data"][0]["workout_doc"].is_object());

    let doc: Value = app.get(&key, "/openapi.json").await.json().await.unwrap();
    assert_eq!(doc["servers"][0]["url"], app.url("").trim_end_matches('/'));
    // Every webhook's examples against its payload schema.
    let hooks = doc["webhooks"].as_object().expect("a webhooks section");
    assert!(hooks.contains_key("activity.uploaded") && hooks.contains_key("connection.created"));
    for hook in hooks.values() {
        let content = &hook["post"]["requestBody"]["content"]["application/json"];
        let name = content["schema"]["$ref"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap();
        for example in content["examples"].as_object().unwrap().values() {
            checks.push((name.to_owned(), example["value"].clone()));
        }
    }
    // And what does not match is caught.
    let wrong = vec![
        (
            "ActivityList".to_owned(),
            json!({"data": [{"id": 5}], "has_more": false, "next_newest": null}),
        ),
        (
            "WellnessRecordIn".to_owned(),
            json!({"id": "2026-03-01", "restingHR": 400}),
        ),
        (
            "ConnectionCreatedEvent".to_owned(),
            json!({"type": "activity.uploaded", "timestamp": "x", "data": {}}),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let (doc_path, good_path, bad_path, script) = (
        dir.path().join("doc.json"),
        dir.path().join("good.json"),
        dir.path().join("bad.json"),
        dir.path().join("check.py"),
    );
    std::fs::write(&doc_path, serde_json::to_vec(&doc).unwrap()).unwrap();
    std::fs::write(&good_path, serde_json::to_vec(&checks).unwrap()).unwrap();
    std::fs::write(&bad_path, serde_json::to_vec(&wrong).unwrap()).unwrap();
    let wrong_names = wrong;
    std::fs::write(&script, CHECK).unwrap();
    let out = actix_web::rt::task::spawn_blocking(move || {
        let good = Command::new("python3")
            .arg(&script)
            .arg(&doc_path)
            .arg(&good_path)
            .output()
            .unwrap();
        let bad = Command::new("python3")
            .arg(&script)
            .arg(&doc_path)
            .arg(&bad_path)
            .output()
            .unwrap();
        (good, bad)
    })
    .await
    .unwrap();
    assert!(
        out.0.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.0.stdout),
        String::from_utf8_lossy(&out.0.stderr)
    );
    let said = String::from_utf8_lossy(&out.1.stdout);
    assert!(!out.1.status.success());
    for (name, _) in &wrong_names {
        assert!(
            said.lines().any(|l| l.starts_with(&format!("{name} at "))),
            "{name}: {said}"
        );
    }
}
