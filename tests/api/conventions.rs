//! The API's conventions, the same on every answer: a request id (`X-Request-Id`, and
//! `instance` in problems) and one error style (a 422 naming each bad field, wherever it is).

use serde_json::{json, Value};

use crate::common::*;

fn request_id(resp: &reqwest::Response) -> String {
    resp.headers()
        .get("x-request-id")
        .unwrap_or_else(|| panic!("no X-Request-Id on {} {}", resp.status(), resp.url()))
        .to_str()
        .unwrap()
        .to_owned()
}

/// Every answer (a success, a problem, an unknown route, the docs, the dashboard) carries
/// `X-Request-Id`: the request's own when it is sane, else a fresh one; a problem body carries
/// the same id as `instance`.
#[actix_web::test]
async fn every_answer_carries_a_request_id_and_problems_name_it() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();

    // A success, without an id of its own: a fresh one, different each time.
    let first = app.get(&key, "/v1/tenant").await;
    assert_eq!(first.status(), 200);
    let second = app.get(&key, "/v1/tenant").await;
    let (a, b) = (request_id(&first), request_id(&second));
    assert_ne!(a, b);
    assert_eq!(
        uuid::Uuid::parse_str(&a).map(|u| u.get_version_num()),
        Ok(4),
        "{a}"
    );

    // A sane id sent along comes back as is, on a success and in a problem.
    let resp = app
        .api
        .get(app.url("/v1/tenant"))
        .bearer_auth(&key)
        .header("x-request-id", "partner-trace.42:abc")
        .send()
        .await
        .unwrap();
    assert_eq!(request_id(&resp), "partner-trace.42:abc");
    let resp = app
        .api
        .get(app.url("/v1/users/nobody"))
        .bearer_auth(&key)
        .header("x-request-id", "partner-trace-43")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    assert_eq!(request_id(&resp), "partner-trace-43");
    assert_eq!(
        resp.headers()["content-type"],
        "application/problem+json",
        "the problem keeps its media type"
    );
    let body: Value = resp.json().await.unwrap();
    assert_eq!(
        body["instance"],
        "urn:intervals-bridge:request:partner-trace-43"
    );
    assert_eq!(body["type"], "urn:intervals-bridge:problem:not-found");

    // One that is not sane (too long, or with spaces) is replaced.
    for bad in ["x".repeat(129), "two words".to_owned(), "a\"b".to_owned()] {
        let resp = app
            .api
            .get(app.url("/v1/users/nobody"))
            .bearer_auth(&key)
            .header("x-request-id", bad.as_str())
            .send()
            .await
            .unwrap();
        let id = request_id(&resp);
        assert!(uuid::Uuid::parse_str(&id).is_ok(), "{bad:?} kept as {id}");
        let body: Value = resp.json().await.unwrap();
        assert_eq!(
            body["instance"],
            format!("urn:intervals-bridge:request:{id}")
        );
    }

    // Problems from every source: no key, an unknown route, a 405, a body that is not JSON.
    let unauthorized = app.api.get(app.url("/v1/tenant")).send().await.unwrap();
    let no_route = app.get(&key, "/v1/nothing-here").await;
    let wrong_method = app
        .api
        .put(app.url("/v1/tenant"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    let not_json = app
        .api
        .post(app.url("/v1/connect-sessions"))
        .bearer_auth(&key)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    for (resp, status) in [
        (unauthorized, 401),
        (no_route, 404),
        (wrong_method, 405),
        (not_json, 400),
    ] {
        assert_eq!(resp.status(), status);
        let id = request_id(&resp);
        let body: Value = resp.json().await.unwrap();
        assert_eq!(
            body["instance"],
            format!("urn:intervals-bridge:request:{id}"),
            "{body}"
        );
        assert_eq!(body["status"], status);
    }

    // Pages and operations answers carry it too.
    for path in ["/docs", "/openapi.json", "/healthz", "/dashboard"] {
        let resp = app.api.get(app.url(path)).send().await.unwrap();
        request_id(&resp);
    }

    // The document says so: every answer's headers, and the problem's `instance`.
    let doc: Value = app
        .api
        .get(app.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut answers = 0;
    for item in doc["paths"].as_object().unwrap().values() {
        for op in item.as_object().unwrap().values() {
            for (status, answer) in op["responses"].as_object().unwrap() {
                assert!(
                    answer["headers"]["X-Request-Id"].is_object(),
                    "{status} of {} has no X-Request-Id",
                    op["operationId"]
                );
                answers += 1;
            }
        }
    }
    assert!(answers > 50);
    assert!(doc["components"]["schemas"]["Problem"]["properties"]["instance"].is_object());
}

/// The first field error of a 422 `validation` problem, checked, as (field, message), with
/// every field it names.
async fn refusal(resp: reqwest::Response, what: &str) -> (Vec<String>, String) {
    assert_eq!(resp.status(), 422, "{what}");
    let body: Value = resp.json().await.unwrap();
    assert_eq!(
        body["type"], "urn:intervals-bridge:problem:validation",
        "{what}: {body}"
    );
    let fields = body["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("{what}: no errors[] in {body}"))
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    (fields, body["detail"].as_str().unwrap().to_owned())
}

/// One error style: a query value that cannot be read, an unknown query parameter, a body field
/// of the wrong type, a missing or an unknown one are each a 422 naming the field; JSON sent to
/// the upload endpoint is a 415 naming the media type it reads; the event filter names every bad
/// entry; an activity id Intervals.icu cannot have is refused without a call upstream.
#[actix_web::test]
async fn every_bad_field_is_a_422_naming_it() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();

    // Query strings.
    for (path, field, shown) in [
        ("/v1/users?limit=ten", "limit", "'ten'"),
        ("/v1/users?limt=5", "limt", "`limit`"),
        ("/v1/webhook-deliveries?limit=1.5", "limit", "'1.5'"),
        ("/v1/webhook-deliveries?colour=red", "colour", "`status`"),
        ("/v1/users/u/activities?limit=-1", "limit", "'-1'"),
        (
            "/v1/users/u/wellness?oldest=2026-01-01&from=x",
            "from",
            "unknown",
        ),
        ("/v1/users/u/workouts?fromat=zwo", "fromat", "`format`"),
    ] {
        let (fields, detail) = refusal(app.get(&key, path).await, path).await;
        assert_eq!(fields, [field], "{path}");
        assert!(
            detail.starts_with(&format!("{field}: ")),
            "{path}: {detail}"
        );
        assert!(detail.contains(shown), "{path}: {detail}");
    }

    // JSON bodies: a misspelt field, a missing one, one of the wrong type.
    for (body, field) in [
        (json!({"userId": "alex"}), "userId"),
        (json!({"redirect_url": PARTNER_REDIRECT}), "user_id"),
        (json!({"user_id": 5}), "user_id"),
        (json!({"user_id": "alex", "colour": "red"}), "colour"),
    ] {
        let what = body.to_string();
        let resp = app.post_json(&key, "/v1/connect-sessions", body).await;
        let (fields, _) = refusal(resp, &what).await;
        assert_eq!(fields, [field], "{what}");
    }
    assert!(app.dump_table("connect_sessions").await.is_empty());

    // JSON to the upload endpoint: 415 naming what it reads, before any user is looked up.
    let resp = app
        .post_json(&key, "/v1/users/nobody/activities", json!({"file": "x"}))
        .await;
    assert_eq!(resp.status(), 415);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(
        body["type"],
        "urn:intervals-bridge:problem:unsupported-media-type"
    );
    let detail = body["detail"].as_str().unwrap();
    assert!(detail.contains("multipart/form-data"), "{detail}");
    assert!(detail.contains("application/json"), "{detail}");

    // The event filter: every bad entry, not only the first; nothing changed.
    let resp = app
        .api
        .patch(app.url("/v1/tenant"))
        .bearer_auth(&key)
        .json(&json!({"webhook_events": ["nope", "activity.*", "bikes.*", ""]}))
        .send()
        .await
        .unwrap();
    let (fields, detail) = refusal(resp, "webhook_events").await;
    assert_eq!(
        fields,
        [
            "webhook_events[0]",
            "webhook_events[2]",
            "webhook_events[3]"
        ]
    );
    assert!(detail.contains("webhook_events[2]"), "{detail}");
    let me: Value = app.get(&key, "/v1/tenant").await.json().await.unwrap();
    assert_eq!(me["webhook_events"], json!([]));

    // Activity ids Intervals.icu cannot have: refused with no call upstream.
    connect_scopes(&app, &key, "rider", "i317960", &["ACTIVITY:WRITE"]).await;
    let calls = || async {
        sandbox_json(&app, "/_sandbox/requests")
            .await
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["path"].as_str().unwrap().contains("/activity/"))
            .count()
    };
    let before = calls().await;
    for id in [
        "nope",
        "i",
        "i12x",
        "i-5",
        "x123",
        &format!("i{}", "9".repeat(21)),
    ] {
        for tail in ["", "/file", "/fit-file"] {
            let resp = app
                .get(&key, &format!("/v1/users/rider/activities/{id}{tail}"))
                .await;
            assert_eq!(resp.status(), 404, "{id}{tail}");
        }
        let resp = app
            .delete(&key, &format!("/v1/users/rider/activities/{id}"))
            .await;
        assert_eq!(resp.status(), 404, "DELETE {id}");
    }
    assert_eq!(calls().await, before, "no call went upstream");
    // A well-formed id still goes upstream (and is missing there).
    let resp = app.get(&key, "/v1/users/rider/activities/i999999999").await;
    assert_eq!(resp.status(), 404);
    assert_eq!(calls().await, before + 1);
}

/// The docs and the behaviour agree where a partner's trial found them apart: an upload replay
/// answers the first answer's status (201) with `replayed: true`; `next_cursor` is `null` on
/// the last page; deleting an activity the tenant did not upload (one from Strava included) is a
/// 404; `next_push_at` after `push=now` is now, not the nightly slot.
#[actix_web::test]
async fn the_docs_and_the_behaviour_agree() {
    // No workers: a `push=now` push stays queued while the test looks at it.
    let app = TestApp::spawn_with(Options {
        no_background: true,
        ..Default::default()
    })
    .await;
    let key = app.tenant.api_key.clone();
    connect_scopes(
        &app,
        &key,
        "rider",
        "i317960",
        &["ACTIVITY:WRITE", "WELLNESS:WRITE"],
    )
    .await;
    let doc: Value = app
        .api
        .get(app.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();

    // An upload replay: 201 again, replayed, as the document says.
    let upload = || async {
        let file = crate::common::files::fit(
            chrono::Utc::now().timestamp() - 3600,
            uuid::Uuid::new_v4().as_u128() as u32 | 1,
        );
        let form = reqwest::multipart::Form::new()
            .part(
                "file",
                reqwest::multipart::Part::bytes(file).file_name("ride.fit"),
            )
            .text("external_id", "conventions-ride-1");
        app.api
            .post(app.url("/v1/users/rider/activities"))
            .bearer_auth(&key)
            .multipart(form)
            .send()
            .await
            .unwrap()
    };
    let first = upload().await;
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    assert_eq!(first["replayed"], false);
    let again = upload().await;
    assert_eq!(again.status(), 201, "a replay of a 201 is a 201");
    let again: Value = again.json().await.unwrap();
    assert_eq!(again["replayed"], true);
    assert_eq!(again["activity_id"], first["activity_id"]);
    let answers = &doc["paths"]["/v1/users/{user_id}/activities"]["post"]["responses"];
    let created = answers["201"]["description"].as_str().unwrap();
    let ok = answers["200"]["description"].as_str().unwrap();
    assert!(created.contains("`replayed: true`"), "{created}");
    assert!(!ok.contains("uploaded before"), "{ok}");

    // Deleting an activity from Strava: 404, like any other this tenant did not upload.
    let list: Value = app
        .get(&key, "/v1/users/rider/activities")
        .await
        .json()
        .await
        .unwrap();
    let stub = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["stub"] == true)
        .expect("the sandbox athlete has Strava activities")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let resp = app
        .delete(&key, &format!("/v1/users/rider/activities/{stub}"))
        .await;
    assert_eq!(resp.status(), 404);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["type"], "urn:intervals-bridge:problem:not-found");

    // `next_cursor` on the last page: present, null, as documented.
    let page: Value = app.get(&key, "/v1/users").await.json().await.unwrap();
    assert!(page.as_object().unwrap().contains_key("next_cursor"));
    assert_eq!(page["next_cursor"], Value::Null);
    for schema in ["UserPage", "DeliveryPage"] {
        let said = doc["components"]["schemas"][schema]["properties"]["next_cursor"]["description"]
            .as_str()
            .unwrap();
        assert!(said.contains("`null` on the last page"), "{schema}: {said}");
    }

    // `next_push_at`: the nightly slot, then now once `push=now` is waiting.
    let today = chrono::Utc::now().date_naive().to_string();
    let next_push_at = || async {
        let v: Value = app
            .get(&key, "/v1/users/rider/wellness/pending")
            .await
            .json()
            .await
            .unwrap();
        chrono::DateTime::parse_from_rfc3339(v["next_push_at"].as_str().unwrap()).unwrap()
    };
    let put = |push_now: bool| {
        let path = if push_now {
            "/v1/users/rider/wellness?push=now"
        } else {
            "/v1/users/rider/wellness"
        };
        app.api
            .put(app.url(path))
            .bearer_auth(&key)
            .json(&json!([{"id": today, "weight": 70.5}]))
            .send()
    };
    let resp = put(false).await.unwrap();
    assert_eq!(resp.status(), 202);
    let queued: Value = resp.json().await.unwrap();
    let nightly =
        chrono::DateTime::parse_from_rfc3339(queued["push_at"].as_str().unwrap()).unwrap();
    assert_eq!(next_push_at().await, nightly);
    let resp = put(true).await.unwrap();
    assert_eq!(resp.status(), 202);
    let soon = next_push_at().await;
    let lag = chrono::Utc::now().signed_duration_since(soon);
    assert!(
        lag.num_seconds().abs() < 30,
        "after push=now, next_push_at is now, not {soon}"
    );
}

/// The sandbox lists its controls at `/_sandbox/`, each a route it serves.
#[actix_web::test]
async fn the_sandbox_lists_its_controls() {
    let app = TestApp::spawn().await;
    let index = sandbox_json(&app, "/_sandbox/").await;
    let controls = index["controls"].as_array().unwrap();
    assert!(controls.len() > 30, "{index}");
    let client = http_client();
    for c in controls {
        let (method, path) = (c["method"].as_str().unwrap(), c["path"].as_str().unwrap());
        assert!(!c["what"].as_str().unwrap().is_empty());
        if method != "GET" {
            continue;
        }
        let path = path
            .replace("{id}", "i317960")
            .replace("{athlete_id}", "i317960");
        let resp = client
            .get(format!("{}{path}", app.sandbox_url))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "GET {path}");
    }
}

/// `Idempotency-Key` on POSTs (Stripe's semantics): the same key and request answer the first
/// answer again without doing the work twice; the same key with another request is a 422 naming
/// it; keys are the tenant's own; without a key nothing changes.
#[actix_web::test]
async fn an_idempotency_key_replays_the_first_answer() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let post = |api_key: String, idem: Option<&'static str>, body: Value| {
        let mut req = app
            .api
            .post(app.url("/v1/connect-sessions"))
            .bearer_auth(api_key)
            .json(&body);
        if let Some(k) = idem {
            req = req.header("Idempotency-Key", k);
        }
        req.send()
    };
    let sessions = || async {
        app.strings("SELECT id AS v FROM connect_sessions")
            .await
            .len()
    };
    let body = json!({"user_id": "alex", "redirect_url": PARTNER_REDIRECT});
    let first = post(key.clone(), Some("8c5e6a4e-one"), body.clone())
        .await
        .unwrap();
    assert_eq!(first.status(), 201);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first: Value = first.json().await.unwrap();
    let again = post(key.clone(), Some("8c5e6a4e-one"), body.clone())
        .await
        .unwrap();
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.headers()["content-type"], "application/json");
    assert!(again.headers().get("x-request-id").is_some());
    let again: Value = again.json().await.unwrap();
    assert_eq!(again, first, "the first answer, as it was");
    assert_eq!(sessions().await, 1, "one session, not two");

    // The same key with another body: a 422 naming the header; nothing created.
    let other = post(
        key.clone(),
        Some("8c5e6a4e-one"),
        json!({"user_id": "sam", "redirect_url": PARTNER_REDIRECT}),
    )
    .await
    .unwrap();
    let (fields, _) = refusal(other, "reused key").await;
    assert_eq!(fields, ["Idempotency-Key"]);
    assert_eq!(sessions().await, 1);

    // A refusal is an answer too: replayed as it was.
    let bad = json!({"user_id": "no spaces please"});
    let refused = post(key.clone(), Some("8c5e6a4e-two"), bad.clone())
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    let again = post(key.clone(), Some("8c5e6a4e-two"), bad).await.unwrap();
    assert_eq!(again.status(), 422);
    assert_eq!(again.headers()["idempotent-replayed"], "true");

    // Another tenant's key of the same name is its own; a new key or none does the work.
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let theirs = post(b.api_key.clone(), Some("8c5e6a4e-one"), body.clone())
        .await
        .unwrap();
    assert_eq!(theirs.status(), 201);
    assert!(theirs.headers().get("idempotent-replayed").is_none());
    for idem in [Some("8c5e6a4e-three"), None, None] {
        let resp = post(key.clone(), idem, body.clone()).await.unwrap();
        assert_eq!(resp.status(), 201);
    }
    assert_eq!(sessions().await, 5);

    // A key that is not 1 to 255 visible ASCII characters is refused.
    let resp = app
        .api
        .post(app.url("/v1/connect-sessions"))
        .bearer_auth(&key)
        .header("Idempotency-Key", "x".repeat(256))
        .json(&body)
        .send()
        .await
        .unwrap();
    let (fields, _) = refusal(resp, "long key").await;
    assert_eq!(fields, ["Idempotency-Key"]);

    // Other POSTs take it too: a test event is sent once.
    let r = crate::common::receiver::Receiver::start().await;
    app.set_webhook(&app.tenant.id, &r.url).await;
    let test_event = || {
        app.api
            .post(app.url("/v1/webhook-test"))
            .bearer_auth(&key)
            .header("Idempotency-Key", "test-event-1")
            .send()
    };
    let one: Value = test_event().await.unwrap().json().await.unwrap();
    let two: Value = test_event().await.unwrap().json().await.unwrap();
    assert_eq!(one["delivery_id"], two["delivery_id"]);

    // The document names the header on every partner POST but uploads.
    let doc: Value = app
        .api
        .get(app.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let takes = |path: &str| {
        doc["paths"][path]["post"]["parameters"]
            .as_array()
            .is_some_and(|ps| {
                ps.iter()
                    .any(|p| p["name"] == "Idempotency-Key" && p["in"] == "header")
            })
    };
    assert!(takes("/v1/connect-sessions"));
    assert!(takes("/v1/webhook-test"));
    assert!(!takes("/v1/users/{user_id}/activities"));
}
