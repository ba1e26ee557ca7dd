//! Planned workouts written by tenants (upsert, delete, validation, scopes, two tenants on one
//! athlete, calendar webhooks), sport settings, and one activity in full (detail and delete).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use reqwest::multipart::{Form, Part};
use serde_json::{json, Value};

use crate::common::files;
use crate::common::receiver::Receiver;
use crate::common::*;

const ATHLETE: &str = "i317960";
const OTHER_ATHLETE: &str = "2049151";
const WRITER: [&str; 5] = [
    "ACTIVITY:WRITE",
    "CALENDAR:WRITE",
    "WELLNESS:WRITE",
    "SETTINGS:READ",
    "CHATS:READ",
];

const ZWO: &str = r#"<workout_file>
  <author>Partner</author>
  <name>Over-unders</name>
  <sportType>bike</sportType>
  <workout>
    <Warmup Duration="600" PowerLow="0.50" PowerHigh="0.75"/>
    <IntervalsT Repeat="3" OnDuration="120" OffDuration="60" OnPower="1.05" OffPower="0.90"/>
    <SteadyState Duration="300" Power="0.60"/>
  </workout>
</workout_file>
"#;

fn day(offset: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

async fn put_workouts(app: &TestApp, key: &str, user: &str, body: &Value) -> reqwest::Response {
    app.api
        .put(app.url(&format!("/v1/users/{user}/workouts")))
        .bearer_auth(key)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn json_of(resp: reqwest::Response) -> Value {
    resp.json().await.unwrap()
}

/// Upstream requests whose path contains `part`, from the sandbox's log.
async fn upstream_calls(app: &TestApp, part: &str) -> Vec<Value> {
    sandbox_json(app, "/_sandbox/requests")
        .await
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["path"].as_str().unwrap().contains(part))
        .cloned()
        .collect()
}

/// The athlete's calendar as the sandbox holds it, whatever the dates.
async fn calendar(app: &TestApp, athlete: &str) -> Vec<Value> {
    sandbox_json(app, &format!("/_sandbox/calendar/{athlete}"))
        .await
        .as_array()
        .cloned()
        .unwrap()
}

async fn list(app: &TestApp, key: &str, user: &str, query: &str) -> Vec<Value> {
    let resp = app
        .get(key, &format!("/v1/users/{user}/workouts?{query}"))
        .await;
    assert_eq!(resp.status(), 200);
    json_of(resp).await["data"].as_array().cloned().unwrap()
}

fn two_workouts(text_name: &str) -> Value {
    json!([
        {"external_id": "plan-text", "start_date_local": day(1), "type": "Ride",
         "name": text_name, "description": "Warmup\n- 10m 50-70%\n\nMain set 3x\n- 4m 90%\n- 2m 55%\n\n- 10m 50%",
         "moving_time": 2520, "indoor": true, "target": "POWER"},
        {"external_id": "plan-zwo", "start_date_local": format!("{}T06:30:00", day(2)),
         "type": "VirtualRide", "name": "Over-unders",
         "file": {"format": "zwo", "content_base64": STANDARD.encode(ZWO)}},
    ])
}

#[actix_web::test]
async fn workouts_written_as_text_and_zwo_read_back_through_the_list_and_the_file() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_scopes(&app, &key, "coachee", ATHLETE, &WRITER).await;
    let resp = put_workouts(&app, &key, "coachee", &two_workouts("Tempo")).await;
    assert_eq!(resp.status(), 200);
    let written = json_of(resp).await;
    let data = written["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    assert_eq!(data[0]["external_id"], "plan-text");
    assert_eq!(data[1]["external_id"], "plan-zwo");
    assert!(data.iter().all(|w| w["created"] == true));
    let (text_id, zwo_id) = (
        data[0]["event_id"].as_i64().unwrap(),
        data[1]["event_id"].as_i64().unwrap(),
    );
    assert_ne!(text_id, zwo_id);

    // One upstream write, the ids namespaced per tenant.
    let writes = upstream_calls(&app, "/events/bulk").await;
    assert_eq!(writes.len(), 1);
    assert_eq!(writes[0]["method"], "POST");
    let upstream: Vec<Value> = calendar(&app, ATHLETE)
        .await
        .into_iter()
        .filter(|e| e["id"] == text_id || e["id"] == zwo_id)
        .collect();
    assert_eq!(upstream.len(), 2);
    for e in &upstream {
        let ext = e["external_id"].as_str().unwrap();
        assert!(ext.starts_with(&format!("{}.", app.tenant.id)), "{ext}");
    }

    // The list: own ids, resolved targets against the athlete's FTP from sport settings.
    let settings = json_of(app.get(&key, "/v1/users/coachee/sport-settings").await).await;
    let ride = settings["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["types"].as_array().unwrap().contains(&json!("Ride")))
        .expect("ride settings")
        .clone();
    let ftp = ride["ftp"].as_f64().unwrap();
    let events = list(
        &app,
        &key,
        "coachee",
        &format!("oldest={}&newest={}", day(0), day(3)),
    )
    .await;
    let text = events
        .iter()
        .find(|e| e["id"] == text_id)
        .expect("text workout listed");
    assert_eq!(text["external_id"], "plan-text");
    assert_eq!(text["created_by_this_tenant"], true);
    assert_eq!(text["name"], "Tempo");
    let steps = text["workout_doc"]["steps"].as_array().unwrap();
    let repeat = steps.iter().find(|s| s["reps"] == 3).expect("a 3x block");
    let work = &repeat["steps"][0];
    assert_eq!(work["duration"], 240);
    let watts = work["_power"].get("value").unwrap_or(&work["_power"]);
    assert_eq!(watts, &json!((ftp * 0.9).round() as i64), "{work}");
    let zwo = events.iter().find(|e| e["id"] == zwo_id).unwrap();
    assert_eq!(zwo["external_id"], "plan-zwo");
    assert_eq!(zwo["start_date_local"], format!("{}T06:30:00", day(2)));
    assert!(
        zwo["workout_doc"]["steps"].as_array().unwrap().len() >= 3,
        "{}",
        zwo["workout_doc"]
    );

    // Files: the zwo download holds the intervals that were written.
    let file = app
        .get(
            &key,
            &format!("/v1/users/coachee/workouts/{zwo_id}/file?format=zwo"),
        )
        .await;
    assert_eq!(file.status(), 200);
    let body = file.text().await.unwrap();
    assert!(body.contains("<workout_file"), "{body}");
    assert!(
        body.contains("1.05") || body.contains("IntervalsT") || body.contains("SteadyState"),
        "{body}"
    );
    let with_files = list(
        &app,
        &key,
        "coachee",
        &format!("oldest={}&newest={}&format=fit", day(0), day(3)),
    )
    .await;
    let fit = with_files.iter().find(|e| e["id"] == text_id).unwrap();
    let bytes = STANDARD
        .decode(fit["file"]["content_base64"].as_str().unwrap())
        .unwrap();
    assert_eq!(&bytes[8..12], b".FIT");
}

#[actix_web::test]
async fn writing_the_same_external_id_again_replaces_the_event() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_scopes(&app, &key, "u", ATHLETE, &WRITER).await;
    let first = json_of(put_workouts(&app, &key, "u", &two_workouts("Tempo")).await).await;
    let before = calendar(&app, ATHLETE).await.len();
    let again = put_workouts(&app, &key, "u", &two_workouts("Tempo, longer")).await;
    assert_eq!(again.status(), 200);
    let again = json_of(again).await;
    for i in 0..2 {
        assert_eq!(again["data"][i]["event_id"], first["data"][i]["event_id"]);
        assert_eq!(again["data"][i]["created"], false);
    }
    assert_eq!(calendar(&app, ATHLETE).await.len(), before, "no new events");
    let events = list(
        &app,
        &key,
        "u",
        &format!("oldest={}&newest={}", day(0), day(3)),
    )
    .await;
    let named: Vec<&Value> = events
        .iter()
        .filter(|e| e["external_id"] == "plan-text")
        .collect();
    assert_eq!(named.len(), 1);
    assert_eq!(named[0]["name"], "Tempo, longer");
}

#[actix_web::test]
async fn every_invalid_batch_is_refused_before_anything_is_sent() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_scopes(&app, &key, "u", ATHLETE, &WRITER).await;
    let good = json!({"external_id": "ok", "start_date_local": day(1), "type": "Ride",
                      "name": "Fine", "description": "- 20m 65%"});
    let with = |field: &str, value: Value| {
        let mut bad = good.clone();
        bad[field] = value;
        json!([good.clone(), bad])
    };
    let cases = [
        (with("external_id", json!("has space")), "[1].external_id"),
        (
            with("start_date_local", json!("01/12/2026")),
            "[1].start_date_local",
        ),
        (with("name", json!("x".repeat(81))), "[1].name"),
        (with("category", json!("PLAN")), "[1].category"),
        (with("type", json!("Bicycle")), "[1].type"),
        (with("target", json!("WATTS")), "[1].target"),
        (with("moving_time", json!(-5)), "[1].moving_time"),
        (with("indoor", json!("yes")), "[1].indoor"),
        (with("colour", json!("red")), "[1].colour"),
        (
            with("file", json!({"format": "zwo", "content_base64": "!!"})),
            "[1].file",
        ),
        (
            with(
                "file",
                json!({"format": "fit", "content_base64": STANDARD.encode(ZWO)}),
            ),
            "[1].file.content_base64",
        ),
        (
            json!([{"external_id": "no-type", "start_date_local": day(1), "name": "n",
                    "description": "- 5m 50%"}]),
            "[0].type",
        ),
        (
            json!([{"external_id": "no-steps", "start_date_local": day(1), "type": "Run",
                    "name": "n"}]),
            "[0].description",
        ),
        (json!([good.clone(), good.clone()]), "[1].external_id"),
        (json!([]), ""),
        (json!({"external_id": "x"}), ""),
        (Value::Array(vec![good.clone(); 201]), ""),
    ];
    for (body, field) in cases {
        let resp = put_workouts(&app, &key, "u", &body).await;
        assert_eq!(resp.status(), 422, "{field}");
        assert_eq!(resp.headers()["content-type"], "application/problem+json");
        let problem = json_of(resp).await;
        let fields: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert!(
            fields.iter().any(|f| f.starts_with(field)),
            "{field}: {problem}"
        );
    }
    // Not JSON at all, or not declared as JSON.
    let resp = app
        .api
        .put(app.url("/v1/users/u/workouts"))
        .bearer_auth(&key)
        .header("content-type", "application/json")
        .body("[{")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let resp = app
        .api
        .put(app.url("/v1/users/u/workouts"))
        .bearer_auth(&key)
        .header("content-type", "text/plain")
        .body(good.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 415);
    assert!(upstream_calls(&app, "/events").await.is_empty());
}

#[actix_web::test]
async fn calendar_write_is_checked_per_tenant_even_on_a_shared_token() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Reader", &[PARTNER_REDIRECT]).await;
    // B asks only for the defaults (CALENDAR:READ); A's grant puts CALENDAR:WRITE on the
    // athlete's one token.
    connect_ok(&app, &b.api_key, "b-user", ATHLETE).await;
    connect_scopes(&app, &app.tenant.api_key, "a-user", ATHLETE, &WRITER).await;
    let tokens = app.sandbox_tokens().await;
    let shared = tokens
        .iter()
        .find(|t| t["athlete_id"] == ATHLETE && t["status"] == "active")
        .unwrap();
    assert!(
        shared["scope"].as_str().unwrap().contains("CALENDAR:WRITE"),
        "{shared}"
    );
    let resp = put_workouts(&app, &b.api_key, "b-user", &two_workouts("Not yours")).await;
    assert_eq!(resp.status(), 403);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    let del = app
        .delete(
            &b.api_key,
            "/v1/users/b-user/workouts?external_id=plan-text",
        )
        .await;
    assert_eq!(del.status(), 403);
    let settings = app.get(&b.api_key, "/v1/users/b-user/sport-settings").await;
    assert_eq!(settings.status(), 403, "SETTINGS:READ is A's, not B's");
    assert!(upstream_calls(&app, "/events").await.is_empty());
    assert!(upstream_calls(&app, "/sport-settings").await.is_empty());
    // A may.
    let ok = put_workouts(&app, &app.tenant.api_key, "a-user", &two_workouts("Yours")).await;
    assert_eq!(ok.status(), 200);
}

#[actix_web::test]
async fn two_tenants_with_the_same_external_id_keep_separate_events_and_delete_only_their_own() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Second coach", &[PARTNER_REDIRECT]).await;
    let ra = Receiver::start().await;
    let rb = Receiver::start().await;
    app.set_webhook(&app.tenant.id, &ra.url).await;
    app.set_webhook(&b.id, &rb.url).await;
    app.sandbox_webhooks_to_bridge(json!({})).await;
    let a_key = app.tenant.api_key.clone();
    connect_scopes(&app, &a_key, "a", ATHLETE, &WRITER).await;
    connect_scopes(&app, &b.api_key, "b", ATHLETE, &WRITER).await;
    let one = |name: &str| {
        json!([{"external_id": "plan-1", "start_date_local": day(1), "type": "Run",
                "name": name, "description": "- 30m 75% Pace"}])
    };
    let a = json_of(put_workouts(&app, &a_key, "a", &one("A's run")).await).await;
    let b_written = json_of(put_workouts(&app, &b.api_key, "b", &one("B's run")).await).await;
    let (a_event, b_event) = (
        a["data"][0]["event_id"].as_i64().unwrap(),
        b_written["data"][0]["event_id"].as_i64().unwrap(),
    );
    assert_ne!(a_event, b_event, "two events");
    assert_eq!(b_written["data"][0]["created"], true);

    // Each list shows its own id; the other tenant's event has none.
    let window = format!("oldest={}&newest={}", day(0), day(2));
    for (key, user, own, other) in [
        (&a_key, "a", a_event, b_event),
        (&b.api_key, "b", b_event, a_event),
    ] {
        let events = list(&app, key, user, &window).await;
        let mine = events.iter().find(|e| e["id"] == own).unwrap();
        assert_eq!(mine["external_id"], "plan-1");
        assert_eq!(mine["created_by_this_tenant"], true);
        let theirs = events.iter().find(|e| e["id"] == other).unwrap();
        assert_eq!(theirs["external_id"], Value::Null);
        assert_eq!(theirs["created_by_this_tenant"], false);
    }

    // The calendar webhook maps the id back for the tenant that wrote it, and hides it from the
    // other.
    eventually(20, "calendar.updated for both writes", || async {
        ra.of_type("calendar.updated").len() >= 2 && rb.of_type("calendar.updated").len() >= 2
    })
    .await;
    let find = |r: &Receiver, event: i64| {
        r.of_type("calendar.updated")
            .iter()
            .flat_map(|d| {
                d.json()["data"]["events"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            })
            .find(|e| e["id"] == event)
            .unwrap()
    };
    assert_eq!(find(&ra, a_event)["external_id"], "plan-1");
    assert_eq!(find(&ra, a_event)["created_by_this_tenant"], true);
    assert_eq!(find(&ra, b_event)["external_id"], Value::Null);
    assert_eq!(find(&rb, b_event)["external_id"], "plan-1");

    // B deletes its plan-1 (and an id it never wrote): A's stays.
    let del = app
        .delete(
            &b.api_key,
            "/v1/users/b/workouts?external_id=plan-1&external_id=never",
        )
        .await;
    assert_eq!(del.status(), 200);
    assert_eq!(json_of(del).await, json!({"deleted": 1}));
    let ids: Vec<Value> = calendar(&app, ATHLETE)
        .await
        .into_iter()
        .map(|e| e["id"].clone())
        .collect();
    assert!(ids.contains(&json!(a_event)));
    assert!(!ids.contains(&json!(b_event)));
    // Deleting again finds nothing; writing again creates a new event.
    let del = app
        .delete(&b.api_key, "/v1/users/b/workouts?external_id=plan-1")
        .await;
    assert_eq!(json_of(del).await, json!({"deleted": 0}));
    let again = json_of(put_workouts(&app, &b.api_key, "b", &one("B's again")).await).await;
    assert_eq!(again["data"][0]["created"], true);
    // Bad deletes change nothing. The cap counts the parameters, repeats too (the document's
    // maxItems), not only the distinct ids.
    let too_many: Vec<String> = (0..201).map(|i| format!("external_id=p{i}")).collect();
    let repeated = vec!["external_id=p1"; 201].join("&");
    let before = upstream_calls(&app, "/events/bulk-delete").await.len();
    for q in [
        String::new(),
        "?external_id=a%20b".into(),
        "?id=3".into(),
        format!("?{}", too_many.join("&")),
        format!("?{repeated}"),
    ] {
        let resp = app
            .delete(&b.api_key, &format!("/v1/users/b/workouts{q}"))
            .await;
        assert_eq!(resp.status(), 422, "{q}");
    }
    assert_eq!(
        upstream_calls(&app, "/events/bulk-delete").await.len(),
        before
    );
}

#[actix_web::test]
async fn sport_settings_are_the_athletes_thresholds_and_zones() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_scopes(
        &app,
        &key,
        "u",
        ATHLETE,
        &["SETTINGS:READ", "CALENDAR:READ"],
    )
    .await;
    let resp = app.get(&key, "/v1/users/u/sport-settings").await;
    assert_eq!(resp.status(), 200);
    let ours = json_of(resp).await;
    // What Intervals.icu answers the same token.
    let token = app
        .sandbox_tokens()
        .await
        .into_iter()
        .find(|t| t["athlete_id"] == ATHLETE && t["status"] == "active")
        .unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let upstream: Value = http_client()
        .get(format!(
            "{}/api/v1/athlete/{ATHLETE}/sport-settings",
            app.sandbox_url
        ))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let upstream = upstream.as_array().unwrap();
    let data = ours["data"].as_array().unwrap();
    assert_eq!(data.len(), upstream.len());
    assert!(!data.is_empty());
    for (mine, theirs) in data.iter().zip(upstream) {
        for field in [
            "types",
            "ftp",
            "indoor_ftp",
            "lthr",
            "max_hr",
            "threshold_pace",
            "power_zones",
            "hr_zones",
            "pace_zones",
        ] {
            let (m, t) = (&mine[field], &theirs[field]);
            match (m.as_f64(), t.as_f64()) {
                (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{field}"),
                _ if m.is_array() && t.is_array() => {
                    let a: Vec<f64> = m
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_f64().unwrap_or(f64::NAN))
                        .collect();
                    let b: Vec<f64> = t
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_f64().unwrap_or(f64::NAN))
                        .collect();
                    if mine[field].as_array().unwrap().iter().all(Value::is_number) {
                        assert_eq!(a, b, "{field}");
                    } else {
                        assert_eq!(m, t, "{field}");
                    }
                }
                _ => assert_eq!(m, t, "{field}"),
            }
        }
        assert!(mine.get("id").is_none(), "only the documented fields");
    }
    assert!(
        data.iter()
            .any(|s| s["ftp"].as_f64().is_some_and(|f| f > 0.0)),
        "{ours}"
    );
}

fn upload_form(bytes: Vec<u8>, external_id: &str) -> Form {
    Form::new()
        .part("file", Part::bytes(bytes).file_name("ride.fit"))
        .text("external_id", external_id.to_owned())
}

async fn upload(app: &TestApp, key: &str, user: &str, form: Form) -> Value {
    let resp = app
        .api
        .post(app.url(&format!("/v1/users/{user}/activities")))
        .bearer_auth(key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success(), "{}", resp.status());
    json_of(resp).await
}

#[actix_web::test]
async fn one_activity_in_full_is_the_users_athletes_own() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "me", ATHLETE).await;
    connect_ok(&app, &key, "other", OTHER_ATHLETE).await;
    let mine = upload(
        &app,
        &key,
        "me",
        upload_form(files::fit(1_763_700_000, 11), "ride-1"),
    )
    .await;
    let theirs = upload(
        &app,
        &key,
        "other",
        upload_form(files::fit(1_763_700_500, 12), "ride-2"),
    )
    .await;
    let id = mine["activity_id"].as_str().unwrap();
    let resp = app
        .get(&key, &format!("/v1/users/me/activities/{id}"))
        .await;
    assert_eq!(resp.status(), 200);
    let detail = json_of(resp).await;
    assert_eq!(detail["id"], id);
    assert_eq!(detail["external_id"], "ride-1", "the tenant's own id");
    assert!(detail["icu_intervals"].is_array(), "{detail}");
    assert!(!detail["icu_intervals"].as_array().unwrap().is_empty());
    let detail_calls = upstream_calls(&app, &format!("/api/v1/activity/{id}")).await;
    assert!(detail_calls
        .iter()
        .any(|r| r["query"].as_str().unwrap().contains("intervals=true")));

    // Another athlete's activity, even one the coach's token can read, is missing.
    app.sandbox_post(
        "/_sandbox/coaches",
        json!({"coach": ATHLETE, "athlete": OTHER_ATHLETE}),
    )
    .await;
    let other_id = theirs["activity_id"].as_str().unwrap();
    for path in [
        format!("/v1/users/me/activities/{other_id}"),
        "/v1/users/me/activities/i999999999".to_owned(),
        "/v1/users/me/activities/bad%20id".to_owned(),
    ] {
        let resp = app.get(&key, &path).await;
        assert_eq!(resp.status(), 404, "{path}");
        assert_eq!(resp.headers()["content-type"], "application/problem+json");
    }
}

#[actix_web::test]
async fn a_tenant_deletes_only_activities_it_uploaded_and_may_reuse_the_external_id() {
    let app = TestApp::spawn().await;
    let b = app
        .create_tenant("Other partner", &[PARTNER_REDIRECT])
        .await;
    let a_key = app.tenant.api_key.clone();
    connect_ok(&app, &a_key, "a", ATHLETE).await;
    connect_ok(&app, &b.api_key, "b", ATHLETE).await;
    let file = files::fit(1_763_800_000, 21);
    let a_up = upload(&app, &a_key, "a", upload_form(file.clone(), "ride-x")).await;
    let id = a_up["activity_id"].as_str().unwrap().to_owned();
    // B cannot delete A's activity (same athlete, same token).
    let resp = app
        .delete(&b.api_key, &format!("/v1/users/b/activities/{id}"))
        .await;
    assert_eq!(resp.status(), 404);
    assert!(upstream_calls(&app, "/api/v1/activity/")
        .await
        .iter()
        .all(|r| r["method"] != "DELETE"));
    let still = app
        .get(&a_key, &format!("/v1/users/a/activities/{id}"))
        .await;
    assert_eq!(still.status(), 200);

    // A deletes it; it is gone upstream; the same external_id uploads again, for real.
    let resp = app
        .delete(&a_key, &format!("/v1/users/a/activities/{id}"))
        .await;
    assert_eq!(resp.status(), 204);
    let gone = app
        .get(&a_key, &format!("/v1/users/a/activities/{id}"))
        .await;
    assert_eq!(gone.status(), 404);
    let again = upload(&app, &a_key, "a", upload_form(file, "ride-x")).await;
    assert_eq!(again["replayed"], false);
    assert_eq!(again["duplicate"], false);
    assert_ne!(again["activity_id"], json!(id));
    // An activity uploaded without an external_id cannot be proven this tenant's.
    let plain = app
        .api
        .post(app.url("/v1/users/a/activities"))
        .bearer_auth(&a_key)
        .multipart(Form::new().part(
            "file",
            Part::bytes(files::fit(1_763_900_000, 31)).file_name("p.fit"),
        ))
        .send()
        .await
        .unwrap();
    let plain_id = json_of(plain).await["activity_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let resp = app
        .delete(&a_key, &format!("/v1/users/a/activities/{plain_id}"))
        .await;
    assert_eq!(resp.status(), 404);
}
