//! The API's conventions, the same on every answer: a request id (`X-Request-Id`, and
//! `instance` in problems) and one error style (a 422 naming each bad field, wherever it is).

use serde_json::Value;

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
    assert!(uuid::Uuid::parse_str(&a).is_ok(), "{a}");

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
