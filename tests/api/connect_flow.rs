//! The browser connect flow end to end: bridge + sandbox over HTTP, on SQLite or PostgreSQL.

use crate::common::*;
use serde_json::{json, Value};

#[actix_web::test]
async fn full_connect_flow_creates_the_connection() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let url = app
        .connect_url(
            &key,
            json!({"user_id": "u-1", "redirect_url": PARTNER_REDIRECT}),
        )
        .await;
    assert!(url.starts_with(&format!("{}/connect/", app.base)));

    // The consent page names the partner and the scopes, with strict headers.
    let (browser, authorize) = {
        let b = browser();
        let page = b.get(&url).send().await.unwrap();
        assert_eq!(page.status(), 200);
        let csp = page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert_eq!(page.headers()["x-frame-options"], "DENY");
        let html = page.text().await.unwrap();
        assert!(html.contains("Partner A"));
        assert!(
            html.contains("ACTIVITY:WRITE")
                && html.contains("CALENDAR:READ")
                && html.contains("WELLNESS:WRITE")
        );
        assert!(html.contains("name=\"viewport\""));
        let resp = form_post(&b, &url)
            .form(&[("action", "continue")])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 303);
        let cookie = resp.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        (b, location(&resp))
    };
    // Scopes reach Intervals.icu comma-separated with literal colons.
    assert!(
        authorize.starts_with(&format!("{}/oauth/authorize?", app.sandbox_url)),
        "{authorize}"
    );
    assert!(
        authorize.contains("scope=ACTIVITY:WRITE,CALENDAR:READ,WELLNESS:WRITE"),
        "{authorize}"
    );
    assert!(authorize.contains(&format!("client_id={CLIENT_ID}")));
    let q = query_of(&authorize);
    assert_eq!(q["redirect_uri"], app.url("/oauth/callback"));

    let callback = answer_consent(&browser, &authorize, Answer::Approve("i317960")).await;
    let done = browser.get(&callback).send().await.unwrap();
    assert_eq!(done.status(), 303);
    let target = location(&done);
    assert!(target.starts_with(PARTNER_REDIRECT), "{target}");
    let q = query_of(&target);
    assert_eq!(q["user_id"], "u-1");
    assert_eq!(q["status"], "connected");

    let user: Value = app.get(&key, "/v1/users/u-1").await.json().await.unwrap();
    assert_eq!(user["athlete_id"], "i317960");
    assert_eq!(user["athlete_name"], "Alex Rider");
    assert_eq!(user["status"], "active");
    assert_eq!(
        user["scopes"],
        json!(["ACTIVITY:WRITE", "CALENDAR:READ", "WELLNESS:WRITE"])
    );
    assert!(user["connected_at"].as_str().unwrap().contains('T'));

    let list: Value = app.get(&key, "/v1/users").await.json().await.unwrap();
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    assert_eq!(list["data"][0]["user_id"], "u-1");

    // The lifecycle event is recorded for the webhooks.
    let events = app.dump_table("events").await;
    assert!(events.contains("connection.created"), "{events}");

    // The token works upstream: the sandbox holds exactly one active token for the athlete.
    let tokens = app.sandbox_tokens().await;
    let active: Vec<&Value> = tokens.iter().filter(|t| t["status"] == "active").collect();
    assert_eq!(active.len(), 1);
    assert_eq!(active[0]["athlete_id"], "i317960");
}

#[actix_web::test]
async fn without_redirect_url_the_bridge_shows_its_own_result_page() {
    let app = TestApp::spawn().await;
    let url = app
        .connect_url(&app.tenant.api_key, json!({"user_id": "solo"}))
        .await;
    let (browser, authorize) = open_consent(&url).await;
    let callback = answer_consent(&browser, &authorize, Answer::Approve("2049151")).await;
    let done = browser.get(&callback).send().await.unwrap();
    assert_eq!(done.status(), 200);
    let html = done.text().await.unwrap();
    assert!(html.contains("Connected"), "{html}");
    let user: Value = app
        .get(&app.tenant.api_key, "/v1/users/solo")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(user["athlete_id"], "2049151");
}

#[actix_web::test]
async fn decline_redirects_with_access_denied_and_connects_nothing() {
    let app = TestApp::spawn().await;
    let resp = connect(&app, &app.tenant.api_key, "u-2", Answer::Decline).await;
    assert_eq!(resp.status(), 303);
    let q = query_of(&location(&resp));
    assert_eq!(q["status"], "error");
    assert_eq!(q["error"], "access_denied");
    assert_eq!(
        app.get(&app.tenant.api_key, "/v1/users/u-2").await.status(),
        404
    );
    assert!(app.dump_table("tokens").await.is_empty());
}

#[actix_web::test]
async fn cancel_on_the_consent_page_redirects_with_access_denied() {
    let app = TestApp::spawn().await;
    let url = app
        .connect_url(
            &app.tenant.api_key,
            json!({"user_id": "u-c", "redirect_url": PARTNER_REDIRECT}),
        )
        .await;
    let b = browser();
    let resp = form_post(&b, &url)
        .form(&[("action", "cancel")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    let q = query_of(&location(&resp));
    assert_eq!(
        (q["status"].as_str(), q["error"].as_str()),
        ("error", "access_denied")
    );
    // The link is spent.
    assert_eq!(b.get(&url).send().await.unwrap().status(), 410);
}

#[actix_web::test]
async fn narrower_grant_is_what_the_connection_reports() {
    let app = TestApp::spawn().await;
    let resp = connect(
        &app,
        &app.tenant.api_key,
        "u-3",
        Answer::Grant("i555003", &["WELLNESS:WRITE"]),
    )
    .await;
    assert_eq!(query_of(&location(&resp))["status"], "connected");
    let user: Value = app
        .get(&app.tenant.api_key, "/v1/users/u-3")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(user["scopes"], json!(["WELLNESS:WRITE"]));
}

#[actix_web::test]
async fn a_used_link_cannot_be_used_again() {
    let app = TestApp::spawn().await;
    let url = app
        .connect_url(
            &app.tenant.api_key,
            json!({"user_id": "u-4", "redirect_url": PARTNER_REDIRECT}),
        )
        .await;
    let (browser, authorize) = open_consent(&url).await;
    for attempt in [
        browser.get(&url),
        form_post(&browser, &url).form(&[("action", "continue")]),
    ] {
        let resp = attempt.send().await.unwrap();
        assert_eq!(resp.status(), 410);
        assert!(resp.text().await.unwrap().contains("already used"));
    }
    // Finishing the first attempt still works, and its callback cannot be replayed.
    let callback = answer_consent(&browser, &authorize, Answer::Approve("i317960")).await;
    assert_eq!(browser.get(&callback).send().await.unwrap().status(), 303);
    // (The cookie was cleared by the first callback, so the replay fails that check first.)
    let replay = browser.get(&callback).send().await.unwrap();
    assert!(
        replay.status() == 400 || replay.status() == 410,
        "{}",
        replay.status()
    );
    assert!(!replay.status().is_redirection());
}

#[actix_web::test]
async fn an_expired_link_shows_the_expired_page() {
    let app = TestApp::spawn().await;
    let url = app
        .connect_url(&app.tenant.api_key, json!({"user_id": "u-5"}))
        .await;
    let sql = if using_postgres() {
        "UPDATE connect_sessions SET expires_at = created_at - INTERVAL '1 minute'"
    } else {
        "UPDATE connect_sessions SET expires_at = datetime(created_at, '-1 minute')"
    };
    app.exec(sql.into()).await;
    let resp = browser().get(&url).send().await.unwrap();
    assert_eq!(resp.status(), 410);
    assert!(resp.text().await.unwrap().contains("expired"));
}

#[actix_web::test]
async fn a_tampered_or_garbage_link_is_refused() {
    let app = TestApp::spawn().await;
    let url = app
        .connect_url(&app.tenant.api_key, json!({"user_id": "u-6"}))
        .await;
    let mut tampered = url.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    assert_eq!(browser().get(&tampered).send().await.unwrap().status(), 404);
    assert_eq!(
        browser()
            .get(app.url("/connect/not-a-token"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

#[actix_web::test]
async fn tampered_state_is_refused_and_connects_nothing() {
    let app = TestApp::spawn().await;
    let url = app
        .connect_url(
            &app.tenant.api_key,
            json!({"user_id": "u-7", "redirect_url": PARTNER_REDIRECT}),
        )
        .await;
    let (browser, authorize) = open_consent(&url).await;
    let callback = answer_consent(&browser, &authorize, Answer::Approve("i317960")).await;
    let mut u = url::Url::parse(&callback).unwrap();
    let pairs: Vec<(String, String)> = u.query_pairs().into_owned().collect();
    u.query_pairs_mut().clear();
    for (k, v) in pairs {
        let v = if k == "state" {
            format!("{}x", &v[..v.len() - 1])
        } else {
            v
        };
        u.query_pairs_mut().append_pair(&k, &v);
    }
    let resp = browser.get(u.as_str()).send().await.unwrap();
    assert_eq!(resp.status(), 400);
    assert!(resp.text().await.unwrap().contains("invalid_state"));
    let missing = browser
        .get(app.url("/oauth/callback?code=abc"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 400);
    assert_eq!(
        app.get(&app.tenant.api_key, "/v1/users/u-7").await.status(),
        404
    );
}

#[actix_web::test]
async fn a_callback_without_the_cookie_is_refused() {
    let app = TestApp::spawn().await;
    let url = app
        .connect_url(
            &app.tenant.api_key,
            json!({"user_id": "u-8", "redirect_url": PARTNER_REDIRECT}),
        )
        .await;
    let (browser_a, authorize) = open_consent(&url).await;
    let callback = answer_consent(&browser_a, &authorize, Answer::Approve("i317960")).await;
    // Another browser (no cookie) opens the callback: refused, and nothing is consumed.
    let other = crate::common::browser()
        .get(&callback)
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 400);
    assert!(other.text().await.unwrap().contains("cookie_mismatch"));
    assert_eq!(
        app.get(&app.tenant.api_key, "/v1/users/u-8").await.status(),
        404
    );
    // The real browser can still finish.
    let done = browser_a.get(&callback).send().await.unwrap();
    assert_eq!(query_of(&location(&done))["status"], "connected");
}

#[actix_web::test]
async fn an_expired_code_redirects_with_code_expired() {
    let app = TestApp::spawn().await;
    let url = app
        .connect_url(
            &app.tenant.api_key,
            json!({"user_id": "u-9", "redirect_url": PARTNER_REDIRECT}),
        )
        .await;
    let (browser, authorize) = open_consent(&url).await;
    let callback = answer_consent(&browser, &authorize, Answer::Approve("i317960")).await;
    app.sandbox_post("/_sandbox/codes/expire", json!({})).await;
    let resp = browser.get(&callback).send().await.unwrap();
    let q = query_of(&location(&resp));
    assert_eq!(
        (q["status"].as_str(), q["error"].as_str()),
        ("error", "code_expired")
    );
    assert_eq!(
        app.get(&app.tenant.api_key, "/v1/users/u-9").await.status(),
        404
    );
}

#[actix_web::test]
async fn upstream_down_during_the_exchange_redirects_with_upstream_unavailable() {
    let app = TestApp::spawn().await;
    let url = app
        .connect_url(
            &app.tenant.api_key,
            json!({"user_id": "u-10", "redirect_url": PARTNER_REDIRECT}),
        )
        .await;
    let (browser, authorize) = open_consent(&url).await;
    let callback = answer_consent(&browser, &authorize, Answer::Approve("i317960")).await;
    app.sandbox_post("/_sandbox/outage", json!({"down": true}))
        .await;
    let resp = browser.get(&callback).send().await.unwrap();
    let q = query_of(&location(&resp));
    assert_eq!(
        (q["status"].as_str(), q["error"].as_str()),
        ("error", "upstream_unavailable")
    );
}

#[actix_web::test]
async fn connect_session_input_is_validated() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let cases = [
        (
            json!({"user_id": "u", "redirect_url": "https://evil.example/cb"}),
            "redirect_url",
        ),
        (
            json!({"user_id": "u", "scopes": ["CALENDAR:READ", "CALENDAR:WRITE"]}),
            "scopes",
        ),
        (
            json!({"user_id": "u", "scopes": "CALENDAR:READ,CALENDAR:WRITE"}),
            "scopes",
        ),
        (json!({"user_id": "u", "scopes": ["BIKES:READ"]}), "scopes"),
        (
            json!({"user_id": "u", "scopes": ["ACTIVITY:DELETE"]}),
            "scopes",
        ),
        (json!({"user_id": "u", "scopes": []}), "scopes"),
        (json!({"user_id": "has space"}), "user_id"),
        (json!({"user_id": "x".repeat(129)}), "user_id"),
    ];
    for (body, field) in cases {
        let resp = app
            .post_json(&key, "/v1/connect-sessions", body.clone())
            .await;
        assert_eq!(resp.status(), 422, "{body}");
        assert_eq!(resp.headers()["content-type"], "application/problem+json");
        let p: Value = resp.json().await.unwrap();
        assert_eq!(p["type"], "urn:intervals-bridge:problem:validation");
        assert_eq!(p["errors"][0]["field"], field, "{p}");
    }
    let dup: Value = app
        .post_json(
            &key,
            "/v1/connect-sessions",
            json!({"user_id": "u", "scopes": ["CALENDAR:READ", "CALENDAR:WRITE"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(dup["detail"]
        .as_str()
        .unwrap()
        .contains("duplicate scope CALENDAR"));
    // Malformed JSON is a 400, an unknown field a 422 naming it; both problem+json.
    let resp = app
        .api
        .post(app.url("/v1/connect-sessions"))
        .bearer_auth(&key)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    let resp = app
        .post_json(
            &key,
            "/v1/connect-sessions",
            json!({"user_id": "u", "colour": "red"}),
        )
        .await;
    assert_eq!(resp.status(), 422);
    let unknown: Value = resp.json().await.unwrap();
    assert_eq!(unknown["errors"][0]["field"], "colour");
    // Nothing was stored by any refused request.
    assert!(app.dump_table("connect_sessions").await.is_empty());
    // A custom scope list in either form is accepted.
    let ok: Value = app
        .post_json(
            &key,
            "/v1/connect-sessions",
            json!({"user_id": "u", "scopes": "wellness:write"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ok["scopes"], json!(["WELLNESS:WRITE"]));
}

#[actix_web::test]
async fn the_api_requires_a_valid_key() {
    let app = TestApp::spawn().await;
    for (method, path) in [
        ("GET", "/v1/users"),
        ("GET", "/v1/users/x"),
        ("DELETE", "/v1/users/x"),
        ("POST", "/v1/connect-sessions"),
    ] {
        for auth in [None, Some("Bearer ibk_wrong"), Some("Basic Zm9vOmJhcg==")] {
            let mut rb = app.api.request(method.parse().unwrap(), app.url(path));
            if let Some(a) = auth {
                rb = rb.header("authorization", a);
            }
            let resp = rb.json(&json!({"user_id": "x"})).send().await.unwrap();
            assert_eq!(resp.status(), 401, "{method} {path} {auth:?}");
            assert_eq!(resp.headers()["content-type"], "application/problem+json");
            assert_eq!(resp.headers()["www-authenticate"], "Bearer");
        }
    }
}

#[actix_web::test]
async fn tenants_never_see_each_others_users() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    connect_ok(&app, &app.tenant.api_key, "shared-name", "i317960").await;
    // B has no such user on any endpoint, even with the same user id.
    assert_eq!(
        app.get(&b.api_key, "/v1/users/shared-name").await.status(),
        404
    );
    assert_eq!(
        app.delete(&b.api_key, "/v1/users/shared-name")
            .await
            .status(),
        404
    );
    let list: Value = app.get(&b.api_key, "/v1/users").await.json().await.unwrap();
    assert_eq!(list["data"], json!([]));
    // A's user is untouched by B's attempts.
    assert_eq!(
        app.get(&app.tenant.api_key, "/v1/users/shared-name")
            .await
            .status(),
        200
    );
    // B may use the same user id for its own user: a separate connection.
    connect_ok(&app, &b.api_key, "shared-name", "2049151").await;
    let a_user: Value = app
        .get(&app.tenant.api_key, "/v1/users/shared-name")
        .await
        .json()
        .await
        .unwrap();
    let b_user: Value = app
        .get(&b.api_key, "/v1/users/shared-name")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(a_user["athlete_id"], "i317960");
    assert_eq!(b_user["athlete_id"], "2049151");
    // A connect link of tenant A completes into tenant A only.
    let list_b: Value = app.get(&b.api_key, "/v1/users").await.json().await.unwrap();
    assert_eq!(list_b["data"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn no_plaintext_token_or_api_key_in_the_database() {
    let app = TestApp::spawn().await;
    connect_ok(&app, &app.tenant.api_key, "u-s", "i317960").await;
    let tokens = app.sandbox_tokens().await;
    let access_token = tokens.iter().find(|t| t["status"] == "active").unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut everything = String::new();
    for table in [
        "tenants",
        "connect_sessions",
        "tokens",
        "connections",
        "events",
    ] {
        everything.push_str(&app.dump_table(table).await);
    }
    assert!(everything.contains("i317960"), "the dump reads the rows");
    assert!(!everything.contains(&access_token));
    assert!(!everything.contains(&app.tenant.api_key));
    assert!(!everything.contains(&app.tenant.webhook_secret));
    assert!(!everything.contains(CLIENT_SECRET));
}

#[actix_web::test]
async fn reconnecting_the_same_user_updates_the_connection() {
    let app = TestApp::spawn().await;
    connect_ok(&app, &app.tenant.api_key, "u-r", "i317960").await;
    let first: Value = app
        .get(&app.tenant.api_key, "/v1/users/u-r")
        .await
        .json()
        .await
        .unwrap();
    let resp = connect(&app, &app.tenant.api_key, "u-r", Answer::Approve("2049151")).await;
    assert_eq!(query_of(&location(&resp))["status"], "connected");
    let second: Value = app
        .get(&app.tenant.api_key, "/v1/users/u-r")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["athlete_id"], "i317960");
    assert_eq!(second["athlete_id"], "2049151");
    let list: Value = app
        .get(&app.tenant.api_key, "/v1/users")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    assert!(app
        .dump_table("events")
        .await
        .contains("connection.updated"));
}

#[actix_web::test]
async fn users_are_paginated() {
    let app = TestApp::spawn().await;
    for i in 0..5 {
        connect_ok(&app, &app.tenant.api_key, &format!("p-{i}"), "i317960").await;
    }
    let mut seen = Vec::new();
    let mut path = "/v1/users?limit=2".to_owned();
    loop {
        let page: Value = app
            .get(&app.tenant.api_key, &path)
            .await
            .json()
            .await
            .unwrap();
        let data = page["data"].as_array().unwrap();
        assert!(data.len() <= 2);
        seen.extend(
            data.iter()
                .map(|u| u["user_id"].as_str().unwrap().to_owned()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/v1/users?limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, vec!["p-0", "p-1", "p-2", "p-3", "p-4"]);
    for bad in [
        "/v1/users?limit=0",
        "/v1/users?limit=500",
        "/v1/users?cursor=%%%",
        "/v1/users?limit=abc",
    ] {
        let resp = app.get(&app.tenant.api_key, bad).await;
        assert!(
            resp.status() == 422 || resp.status() == 400,
            "{bad}: {}",
            resp.status()
        );
        assert_eq!(resp.headers()["content-type"], "application/problem+json");
    }
}
