//! The sandbox over real HTTP: consent, code, token exchange, and the failure paths the bridge
//! has to handle.

use std::net::TcpListener;
use std::time::Duration;

use actix_web::{web, App, HttpServer};
use intervals_sandbox::{not_found, Sandbox, SandboxClient};
use reqwest::redirect::Policy;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const CLIENT: &str = "bridge-app";
const SECRET: &str = "s3cret";
const REDIRECT: &str = "http://127.0.0.1:9/oauth/callback?tenant=a b";

fn sandbox() -> Sandbox {
    let sb = Sandbox::new();
    sb.register_client(SandboxClient {
        client_id: CLIENT.into(),
        client_secret: SECRET.into(),
        name: "Partner <Bridge>".into(),
    });
    sb
}

fn start(sb: &Sandbox) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let server = sb.server(listener).expect("server");
    tokio::spawn(server);
    format!("http://{addr}")
}

fn http() -> Client {
    Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

fn authorize_url(base: &str, scope: &str, state: &str) -> String {
    let mut url = reqwest::Url::parse(&format!("{base}/oauth/authorize")).expect("url");
    url.query_pairs_mut()
        .append_pair("client_id", CLIENT)
        .append_pair("redirect_uri", REDIRECT)
        .append_pair("response_type", "code")
        .append_pair("state", state);
    // Colons and commas literal, as the bridge must send them.
    format!("{url}&scope={scope}")
}

fn consent_form(scope: &str, state: &str, athlete: &str, action: &str) -> Vec<(String, String)> {
    let mut form = vec![
        ("client_id".to_owned(), CLIENT.to_owned()),
        ("redirect_uri".to_owned(), REDIRECT.to_owned()),
        ("state".to_owned(), state.to_owned()),
        ("scope".to_owned(), scope.to_owned()),
        ("athlete".to_owned(), athlete.to_owned()),
        ("action".to_owned(), action.to_owned()),
    ];
    for s in scope.split(',') {
        form.push(("grant".to_owned(), s.to_owned()));
    }
    form
}

fn query(location: &str) -> Vec<(String, String)> {
    reqwest::Url::parse(location)
        .expect("location")
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn param(pairs: &[(String, String)], key: &str) -> Option<String> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

async fn submit(base: &str, form: &[(String, String)]) -> reqwest::Response {
    let body = serde_urlencoded::to_string(form).expect("form");
    http()
        .post(format!("{base}/oauth/authorize"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("submit")
}

async fn get_code(base: &str, form: &[(String, String)]) -> String {
    let res = submit(base, form).await;
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    param(&query(&location), "code").expect("code in redirect")
}

async fn exchange(base: &str, secret: &str, code: &str) -> reqwest::Response {
    http()
        .post(format!("{base}/api/oauth/token"))
        .form(&[
            ("client_id", CLIENT),
            ("client_secret", secret),
            ("code", code),
        ])
        .send()
        .await
        .expect("token")
}

async fn connect(base: &str, athlete: &str, scope: &str) -> String {
    let code = get_code(base, &consent_form(scope, "st", athlete, "approve")).await;
    let res = exchange(base, SECRET, &code).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.expect("json");
    body["access_token"].as_str().expect("token").to_owned()
}

async fn get_athlete(base: &str, token: &str, id: &str) -> reqwest::Response {
    http()
        .get(format!("{base}/api/v1/athlete/{id}"))
        .bearer_auth(token)
        .send()
        .await
        .expect("athlete")
}

#[tokio::test]
async fn consent_page_renders() {
    let base = start(&sandbox());
    let scope = "ACTIVITY:WRITE,CALENDAR:READ,WELLNESS:WRITE";
    let res = http()
        .get(authorize_url(&base, scope, "x&y=1"))
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers();
    assert_eq!(h["x-content-type-options"], "nosniff");
    let csp = h["content-security-policy"].to_str().expect("csp");
    assert!(csp.contains("default-src 'self'") && csp.contains("script-src 'none'"));
    let html = res.text().await.expect("text");
    for needle in [
        "<html lang=\"en\">",
        "name=\"viewport\"",
        "Partner &#60;Bridge&#62;",
        "id=\"athlete\"",
        "<option value=\"i317960\" selected>Alex Rider (i317960)</option>",
        "<option value=\"2049151\">",
        "id=\"scope-ACTIVITY\" name=\"grant\" value=\"ACTIVITY:WRITE\" checked",
        "id=\"scope-CALENDAR\" name=\"grant\" value=\"CALENDAR:READ\" checked",
        "id=\"scope-WELLNESS\"",
        "<label for=\"scope-CALENDAR\">",
        "id=\"approve\" name=\"action\" value=\"approve\"",
        "id=\"decline\" name=\"action\" value=\"decline\"",
        "action=\"authorize\"",
        "name=\"state\" value=\"x&#38;y=1\"",
        "127.0.0.1:9",
    ] {
        assert!(html.contains(needle), "missing {needle} in\n{html}");
    }
    assert!(!html.contains("<script"));
    // Percent-encoded scopes are read the same way.
    let res = http()
        .get(authorize_url(
            &base,
            "ACTIVITY%3AWRITE%2CCALENDAR%3AREAD",
            "s",
        ))
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn bad_authorize_requests_get_400_pages() {
    let base = start(&sandbox());
    let dup = http()
        .get(authorize_url(&base, "CALENDAR:READ,CALENDAR:WRITE", "s"))
        .send()
        .await
        .expect("get");
    assert_eq!(dup.status(), StatusCode::BAD_REQUEST);
    assert!(dup
        .text()
        .await
        .expect("text")
        .contains("Duplicate scope CALENDAR"));

    for (url, text) in [
        (authorize_url(&base, "FOO:READ", "s"), "Invalid scope FOO:READ"),
        (authorize_url(&base, "ACTIVITY:ADMIN", "s"), "Invalid scope"),
        (
            authorize_url(&base, "ACTIVITY:WRITE%20CALENDAR:READ", "s"),
            "Invalid scope",
        ),
        (
            format!("{base}/oauth/authorize?client_id=nope&redirect_uri=http://x/cb&scope=ACTIVITY:READ"),
            "Unknown application",
        ),
        (
            format!("{base}/oauth/authorize?client_id={CLIENT}&scope=ACTIVITY:READ"),
            "Missing redirect_uri",
        ),
    ] {
        let res = http().get(&url).send().await.expect("get");
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{url}");
        assert!(res.headers()["content-type"]
            .to_str()
            .expect("ct")
            .starts_with("text/html"));
        let html = res.text().await.expect("text");
        assert!(html.contains(text), "{url}: {html}");
    }
}

#[tokio::test]
async fn approve_exchange_and_use() {
    let sb = sandbox();
    let base = start(&sb);
    let scope = "ACTIVITY:WRITE,CALENDAR:READ,WELLNESS:WRITE";
    let state = "a b&c=d/é";
    let mut form = consent_form(scope, state, "2049151", "approve");
    // The athlete unticks CALENDAR and forges an extra scope, which is dropped.
    form.retain(|(k, v)| !(k == "grant" && v == "CALENDAR:READ"));
    form.push(("grant".into(), "SETTINGS:WRITE".into()));
    let res = submit(&base, &form).await;
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(location.starts_with("http://127.0.0.1:9/oauth/callback?tenant=a"));
    let q = query(&location);
    assert_eq!(param(&q, "tenant").as_deref(), Some("a b"));
    assert_eq!(param(&q, "state").as_deref(), Some(state));
    let code = param(&q, "code").expect("code");
    assert_eq!(code.len(), 32);
    assert!(code.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')));

    assert_eq!(
        exchange(&base, "wrong", &code)
            .await
            .json::<Value>()
            .await
            .expect("json"),
        json!({"status": 401, "error": "Invalid client credentials"})
    );
    let res = exchange(&base, SECRET, &code).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.expect("json");
    let token = body["access_token"].as_str().expect("token").to_owned();
    assert_eq!(token.len(), 32);
    assert_eq!(
        body,
        json!({
            "token_type": "Bearer",
            "access_token": token,
            "scope": "ACTIVITY:WRITE,WELLNESS:WRITE",
            "athlete": {"id": "2049151", "name": "Sam Tempo"},
        })
    );

    // Single use.
    let again = exchange(&base, SECRET, &code).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        again.json::<Value>().await.expect("json"),
        json!({"status": 404, "error": "Code not found (expired?)"})
    );

    let me = get_athlete(&base, &token, "0").await;
    assert_eq!(me.status(), StatusCode::OK);
    let me: Value = me.json().await.expect("json");
    assert_eq!(me["id"], "2049151");
    assert_eq!(me["name"], "Sam Tempo");
    assert_eq!(
        get_athlete(&base, &token, "2049151").await.status(),
        StatusCode::OK
    );
    let other = get_athlete(&base, &token, "i317960").await;
    assert_eq!(other.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        get_athlete(&base, "0123456789abcdef0123456789abcdef", "0")
            .await
            .json::<Value>()
            .await
            .expect("json"),
        json!({"status": 401, "error": "Unauthorized"})
    );

    // HTTP Basic credentials also work, and granting nothing is allowed.
    let mut form = consent_form("CALENDAR:READ", "", "i555003", "approve");
    form.retain(|(k, _)| k != "grant");
    let res = submit(&base, &form).await;
    let location = res.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(param(&query(&location), "state").is_none());
    let code = param(&query(&location), "code").expect("code");
    let res = http()
        .post(format!("{base}/api/oauth/token"))
        .basic_auth(CLIENT, Some(SECRET))
        .form(&[("code", code.as_str())])
        .send()
        .await
        .expect("token");
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["scope"], "");
    assert_eq!(body["athlete"]["id"], "i555003");

    // The request log saw what the client sent, Spring 404s included.
    let res = http()
        .get(format!("{base}/api/v1/nope?x=1"))
        .send()
        .await
        .expect("404");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["error"], "Not Found");
    assert_eq!(body["path"], "/api/v1/nope");
    assert!(body["timestamp"].is_string());
    let log: Value = http()
        .get(format!("{base}/_sandbox/requests"))
        .send()
        .await
        .expect("log")
        .json()
        .await
        .expect("json");
    let last = &log
        .as_array()
        .expect("array")
        .last()
        .cloned()
        .expect("entry");
    assert_eq!(last["method"], "GET");
    assert_eq!(last["path"], "/api/v1/nope");
    assert_eq!(last["query"], "x=1");
    assert_eq!(last["status"], 404);
    assert_eq!(log[0]["path"], "/api/oauth/token");
    assert_eq!(log[0]["status"], 401);
}

#[tokio::test]
async fn decline_redirects_with_access_denied() {
    let base = start(&sandbox());
    let res = submit(
        &base,
        &consent_form("ACTIVITY:WRITE", "xyz 1", "i317960", "decline"),
    )
    .await;
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        location.ends_with("&error=access_denied&state=xyz+1"),
        "{location}"
    );
    let q = query(&location);
    assert!(param(&q, "code").is_none());
}

#[tokio::test]
async fn expired_codes_are_not_found() {
    let sb = sandbox();
    let base = start(&sb);
    let code = get_code(
        &base,
        &consent_form("ACTIVITY:READ", "s", "i317960", "approve"),
    )
    .await;
    let res = http()
        .post(format!("{base}/_sandbox/codes/expire"))
        .send()
        .await
        .expect("expire");
    assert_eq!(res.json::<Value>().await.expect("json")["expired"], 1);
    assert_eq!(
        exchange(&base, SECRET, &code).await.status(),
        StatusCode::NOT_FOUND
    );

    sb.set_code_ttl(Duration::from_millis(50));
    let code = get_code(
        &base,
        &consent_form("ACTIVITY:READ", "s", "i317960", "approve"),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        exchange(&base, SECRET, &code).await.status(),
        StatusCode::NOT_FOUND
    );

    // Another app's code is not found either, and stays usable by its owner.
    let res = http()
        .post(format!("{base}/_sandbox/settings"))
        .json(&json!({"code_ttl_secs": 120}))
        .send()
        .await
        .expect("settings");
    assert_eq!(res.status(), StatusCode::OK);
    let res = http()
        .post(format!("{base}/_sandbox/clients"))
        .json(&json!({"client_id": "other", "client_secret": "pw", "name": "Other"}))
        .send()
        .await
        .expect("register");
    assert_eq!(res.status(), StatusCode::CREATED);
    let code = get_code(
        &base,
        &consent_form("ACTIVITY:READ", "s", "i317960", "approve"),
    )
    .await;
    let res = http()
        .post(format!("{base}/api/oauth/token"))
        .form(&[
            ("client_id", "other"),
            ("client_secret", "pw"),
            ("code", &code),
        ])
        .send()
        .await
        .expect("token");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        exchange(&base, SECRET, &code).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn new_grant_replaces_token_and_revocations_stick() {
    let base = start(&sandbox());
    let first = connect(&base, "i317960", "ACTIVITY:WRITE").await;
    let second = connect(&base, "i317960", "ACTIVITY:WRITE,WELLNESS:WRITE").await;
    let other_athlete = connect(&base, "2049151", "ACTIVITY:READ").await;
    assert_eq!(
        get_athlete(&base, &first, "0").await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        get_athlete(&base, &second, "0").await.status(),
        StatusCode::OK
    );

    let tokens: Value = http()
        .get(format!("{base}/_sandbox/tokens"))
        .send()
        .await
        .expect("tokens")
        .json()
        .await
        .expect("json");
    let statuses: Vec<&str> = tokens
        .as_array()
        .expect("array")
        .iter()
        .map(|t| t["status"].as_str().expect("status"))
        .collect();
    assert_eq!(statuses, ["replaced", "active", "active"]);
    assert_eq!(tokens[1]["scope"], "ACTIVITY:WRITE,WELLNESS:WRITE");
    assert_eq!(tokens[1]["client_id"], CLIENT);

    // The app disconnects.
    let res = http()
        .delete(format!("{base}/api/v1/disconnect-app"))
        .bearer_auth(&second)
        .send()
        .await
        .expect("disconnect");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.expect("json"), json!({}));
    assert_eq!(
        get_athlete(&base, &second, "0").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let res = http()
        .delete(format!("{base}/api/v1/disconnect-app"))
        .bearer_auth(&second)
        .send()
        .await
        .expect("disconnect");
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // The athlete revokes the app in their settings.
    let res = http()
        .post(format!("{base}/_sandbox/tokens/revoke"))
        .json(&json!({"client_id": CLIENT, "athlete_id": "2049151"}))
        .send()
        .await
        .expect("revoke");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        get_athlete(&base, &other_athlete, "0").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn outage_answers_503() {
    let base = start(&sandbox());
    let token = connect(&base, "i317960", "ACTIVITY:READ").await;
    let set = |down: bool| {
        let base = base.clone();
        async move {
            http()
                .post(format!("{base}/_sandbox/outage"))
                .json(&json!({ "down": down }))
                .send()
                .await
                .expect("outage")
                .status()
        }
    };
    assert_eq!(set(true).await, StatusCode::OK);
    let res = get_athlete(&base, &token, "0").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        res.json::<Value>().await.expect("json"),
        json!({"status": 503, "error": "Service Unavailable"})
    );
    assert_eq!(
        exchange(&base, SECRET, "whatever").await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(set(false).await, StatusCode::OK);
    assert_eq!(
        get_athlete(&base, &token, "0").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn works_mounted_in_a_scope() {
    let sb = sandbox();
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let mounted = sb.clone();
    let server = HttpServer::new(move || {
        let sb = mounted.clone();
        App::new().service(
            web::scope("/sandbox")
                .configure(move |c| sb.configure(c))
                .default_service(web::to(not_found)),
        )
    })
    .workers(1)
    .listen(listener)
    .expect("listen")
    .run();
    tokio::spawn(server);
    let base = format!("http://{addr}/sandbox");

    let res = http()
        .get(authorize_url(&base, "ACTIVITY:WRITE", "s"))
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::OK);
    let token = connect(&base, "i555003", "ACTIVITY:WRITE").await;
    assert_eq!(
        get_athlete(&base, &token, "0").await.status(),
        StatusCode::OK
    );

    let res = http()
        .get(format!("{base}/elsewhere"))
        .send()
        .await
        .expect("404");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        res.json::<Value>().await.expect("json")["path"],
        "/elsewhere"
    );

    let log: Value = http()
        .get(format!("{base}/_sandbox/requests"))
        .send()
        .await
        .expect("log")
        .json()
        .await
        .expect("json");
    let paths: Vec<&str> = log
        .as_array()
        .expect("array")
        .iter()
        .map(|e| e["path"].as_str().expect("path"))
        .collect();
    assert_eq!(paths, ["/api/oauth/token", "/api/v1/athlete/0"]);
    let res = http()
        .delete(format!("{base}/_sandbox/requests"))
        .send()
        .await
        .expect("clear");
    assert_eq!(res.status(), StatusCode::OK);
}
