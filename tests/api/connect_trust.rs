//! What the connect flow owes the other tenants of a shared athlete, and what it owes the
//! athlete against strangers: one tenant's narrower connect never silently takes another's
//! access (the browser goes back to Intervals.icu for the rest, or the narrowing is announced),
//! forms act only on same-origin POSTs, and the answer to the partner is signed.

use std::collections::HashMap;

use crate::common::*;
use hmac::{Hmac, Mac};
use intervals_bridge::domain::tenants::CreatedTenant;
use serde_json::{json, Value};

const ATHLETE: &str = "2049151";
const DEFAULT: [&str; 3] = ["ACTIVITY:WRITE", "CALENDAR:READ", "WELLNESS:WRITE"];

/// Tenant A holds the athlete with the default scopes; tenant B starts a connect asking only
/// `WELLNESS:WRITE`, and the athlete grants what B asked. Returns B and the browser on our top-up
/// page (its HTML).
async fn narrow_connect_by_b(app: &TestApp) -> (CreatedTenant, reqwest::Client, String) {
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    connect_ok(app, &app.tenant.api_key, "a-user", ATHLETE).await;
    let url = app
        .connect_url(
            &b.api_key,
            json!({"user_id": "b-user", "redirect_url": PARTNER_REDIRECT, "scopes": "WELLNESS:WRITE"}),
        )
        .await;
    let (browser, authorize) = open_consent(&url).await;
    assert_eq!(query_of(&authorize)["scope"], "WELLNESS:WRITE");
    let callback = answer_consent(&browser, &authorize, Answer::Approve(ATHLETE)).await;
    let page = browser.get(callback).send().await.unwrap();
    assert_eq!(
        page.status(),
        200,
        "a page, not the redirect to the partner"
    );
    let html = page.text().await.unwrap();
    (b, browser, html)
}

/// The hidden `state` of the top-up form.
fn form_state(html: &str) -> String {
    let at = html
        .find("name=\"state\" value=\"")
        .expect("the top-up form")
        + 20;
    html[at..].split('"').next().unwrap().to_owned()
}

async fn top_up(
    app: &TestApp,
    browser: &reqwest::Client,
    html: &str,
    action: &str,
) -> reqwest::Response {
    form_post(browser, &app.url("/oauth/top-up"))
        .form(&[("state", form_state(html).as_str()), ("action", action)])
        .send()
        .await
        .unwrap()
}

async fn scopes_of(app: &TestApp, key: &str, user: &str) -> Value {
    let user: Value = app
        .get(key, &format!("/v1/users/{user}"))
        .await
        .json()
        .await
        .unwrap();
    user["scopes"].clone()
}

/// `connection.updated` payloads recorded for a tenant's user.
async fn updates(app: &TestApp, tenant_id: &str, user: &str) -> Vec<Value> {
    app.strings(&format!(
        "SELECT payload AS v FROM events WHERE tenant_id = '{tenant_id}' AND user_id = '{user}' \
         AND event_type = 'connection.updated' ORDER BY created_at"
    ))
    .await
    .iter()
    .map(|p| serde_json::from_str(p).unwrap())
    .collect()
}

fn sandbox_scope(tokens: &[Value]) -> String {
    tokens
        .iter()
        .find(|t| t["status"] == "active" && t["athlete_id"] == ATHLETE)
        .map(|t| t["scope"].as_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[actix_web::test]
async fn a_narrower_connect_goes_back_for_what_other_tenants_hold_and_keeps_their_access() {
    let app = TestApp::spawn().await;
    let (b, browser, html) = narrow_connect_by_b(&app).await;
    assert!(
        html.contains("other apps you connected through")
            || html.contains("Other apps you connected through"),
        "{html}"
    );
    assert!(
        !html.contains(&app.tenant.id) && !html.contains("Test partner"),
        "names no partner"
    );
    for s in ["ACTIVITY:WRITE", "CALENDAR:READ"] {
        assert!(html.contains(s), "{s} missing from the page: {html}");
    }
    let resp = top_up(&app, &browser, &html, "continue").await;
    assert_eq!(resp.status(), 303);
    let authorize = location(&resp);
    let asked: Vec<String> = query_of(&authorize)["scope"]
        .split(',')
        .map(str::to_owned)
        .collect();
    for s in DEFAULT {
        assert!(asked.contains(&s.to_owned()), "{asked:?}");
    }
    let callback = answer_consent(&browser, &authorize, Answer::Approve(ATHLETE)).await;
    let done = browser.get(callback).send().await.unwrap();
    assert_eq!(done.status(), 303);
    let q = query_of(&location(&done));
    assert_eq!(
        (q["status"].as_str(), q["user_id"].as_str()),
        ("connected", "b-user")
    );
    // A keeps everything; B sees only what it asked for.
    assert_eq!(
        scopes_of(&app, &app.tenant.api_key, "a-user").await,
        json!(DEFAULT)
    );
    assert_eq!(
        scopes_of(&app, &b.api_key, "b-user").await,
        json!(["WELLNESS:WRITE"])
    );
    let workouts = app
        .get(&app.tenant.api_key, "/v1/users/a-user/workouts")
        .await;
    assert_eq!(workouts.status(), 200, "A's calendar access still works");
    assert!(
        updates(&app, &app.tenant.id, "a-user").await.is_empty(),
        "nothing narrowed"
    );
    let granted = sandbox_scope(&app.sandbox_tokens().await);
    for s in DEFAULT {
        assert!(granted.contains(s), "{granted}");
    }
}

#[actix_web::test]
async fn a_narrower_grant_on_the_second_trip_is_accepted_and_announced() {
    let app = TestApp::spawn().await;
    let (b, browser, html) = narrow_connect_by_b(&app).await;
    let authorize = location(&top_up(&app, &browser, &html, "continue").await);
    // Asked for everything, the athlete still leaves ACTIVITY out: a deliberate choice.
    let callback = answer_consent(
        &browser,
        &authorize,
        Answer::Grant(ATHLETE, &["CALENDAR:READ", "WELLNESS:WRITE"]),
    )
    .await;
    let done = browser.get(callback).send().await.unwrap();
    assert_eq!(query_of(&location(&done))["status"], "connected");
    assert_eq!(
        scopes_of(&app, &app.tenant.api_key, "a-user").await,
        json!(["CALENDAR:READ", "WELLNESS:WRITE"])
    );
    assert_eq!(
        scopes_of(&app, &b.api_key, "b-user").await,
        json!(["WELLNESS:WRITE"])
    );
    let told = updates(&app, &app.tenant.id, "a-user").await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(
        told[0]["scopes"],
        json!(["CALENDAR:READ", "WELLNESS:WRITE"])
    );
    let upload = app
        .get(
            &app.tenant.api_key,
            "/v1/users/a-user/activities?oldest=2026-01-01&newest=2026-12-31",
        )
        .await;
    assert_eq!(upload.status(), 403, "A no longer has ACTIVITY");
}

#[actix_web::test]
async fn declining_the_second_trip_keeps_the_first_grant_and_announces_the_narrowing() {
    let app = TestApp::spawn().await;
    let (b, browser, html) = narrow_connect_by_b(&app).await;
    let authorize = location(&top_up(&app, &browser, &html, "continue").await);
    let callback = answer_consent(&browser, &authorize, Answer::Decline).await;
    let done = browser.get(callback).send().await.unwrap();
    let q = query_of(&location(&done));
    assert_eq!(q["status"], "connected", "B's own consent stands: {q:?}");
    assert_eq!(
        scopes_of(&app, &b.api_key, "b-user").await,
        json!(["WELLNESS:WRITE"])
    );
    assert_eq!(
        scopes_of(&app, &app.tenant.api_key, "a-user").await,
        json!(["WELLNESS:WRITE"])
    );
    let told = updates(&app, &app.tenant.id, "a-user").await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["scopes"], json!(["WELLNESS:WRITE"]));
}

#[actix_web::test]
async fn the_top_up_asks_for_the_first_grant_and_what_others_hold_not_what_was_declined() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    connect_ok(&app, &app.tenant.api_key, "a-user", ATHLETE).await;
    let url = app
        .connect_url(
            &b.api_key,
            json!({"user_id": "b-user", "redirect_url": PARTNER_REDIRECT,
                   "scopes": "WELLNESS:WRITE,SETTINGS:READ"}),
        )
        .await;
    let (browser, authorize) = open_consent(&url).await;
    // The athlete declines B's SETTINGS:READ (and so, unknowingly, A's scopes).
    let callback = answer_consent(
        &browser,
        &authorize,
        Answer::Grant(ATHLETE, &["WELLNESS:WRITE"]),
    )
    .await;
    let page = browser.get(callback).send().await.unwrap();
    assert_eq!(page.status(), 200, "the top-up page");
    let html = page.text().await.unwrap();
    let authorize = location(&top_up(&app, &browser, &html, "continue").await);
    let query = query_of(&authorize);
    let mut asked: Vec<&str> = query["scope"].split(',').collect();
    asked.sort_unstable();
    assert_eq!(
        asked,
        ["ACTIVITY:WRITE", "CALENDAR:READ", "WELLNESS:WRITE"],
        "what the first trip granted and what A holds, not the declined SETTINGS:READ"
    );
}

#[actix_web::test]
async fn switching_accounts_on_the_top_up_announces_the_narrowing_on_the_first_account() {
    let app = TestApp::spawn().await;
    let (b, browser, html) = narrow_connect_by_b(&app).await;
    let authorize = location(&top_up(&app, &browser, &html, "continue").await);
    // Back at Intervals.icu the athlete signs in to another account and approves there.
    let callback = answer_consent(&browser, &authorize, Answer::Approve("i317960")).await;
    let done = browser.get(callback).send().await.unwrap();
    assert_eq!(query_of(&location(&done))["status"], "connected");
    let user: Value = app
        .get(&b.api_key, "/v1/users/b-user")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(user["athlete_id"], "i317960");
    // The first account keeps the first trip's narrow grant: A's access shrank, and A hears it.
    assert_eq!(
        scopes_of(&app, &app.tenant.api_key, "a-user").await,
        json!(["WELLNESS:WRITE"])
    );
    let told = updates(&app, &app.tenant.id, "a-user").await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["scopes"], json!(["WELLNESS:WRITE"]));
}

#[actix_web::test]
async fn skipping_the_top_up_page_accepts_the_narrower_grant_and_announces_it() {
    let app = TestApp::spawn().await;
    let (b, browser, html) = narrow_connect_by_b(&app).await;
    let done = top_up(&app, &browser, &html, "skip").await;
    assert_eq!(done.status(), 303);
    assert_eq!(query_of(&location(&done))["status"], "connected");
    assert_eq!(
        scopes_of(&app, &b.api_key, "b-user").await,
        json!(["WELLNESS:WRITE"])
    );
    let told = updates(&app, &app.tenant.id, "a-user").await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0]["scopes"], json!(["WELLNESS:WRITE"]));
    // The page's form is spent (and its cookie gone).
    let again = top_up(&app, &browser, &html, "continue").await;
    assert!(again.status().is_client_error(), "{}", again.status());
    assert_eq!(updates(&app, &app.tenant.id, "a-user").await.len(), 1);
}

#[actix_web::test]
async fn an_abandoned_top_up_settles_with_the_grant_in_force() {
    let app = TestApp::spawn().await;
    let (b, _browser, _html) = narrow_connect_by_b(&app).await;
    assert_eq!(
        app.get(&b.api_key, "/v1/users/b-user").await.status(),
        404,
        "not connected while the athlete is on the page"
    );
    // The settle job is due in 15 minutes; bring it forward.
    app.exec("UPDATE jobs SET run_at = created_at WHERE kind = 'connect.top_up_expired'".into())
        .await;
    eventually(15, "the abandoned connect to settle", || async {
        app.get(&b.api_key, "/v1/users/b-user").await.status() == 200
    })
    .await;
    assert_eq!(
        scopes_of(&app, &b.api_key, "b-user").await,
        json!(["WELLNESS:WRITE"])
    );
    let told = updates(&app, &app.tenant.id, "a-user").await;
    assert_eq!(told.len(), 1, "{told:?}");
}

#[actix_web::test]
async fn a_cross_site_post_is_refused_and_does_not_spend_the_link() {
    let app = TestApp::spawn().await;
    let url = app
        .connect_url(
            &app.tenant.api_key,
            json!({"user_id": "victim", "redirect_url": PARTNER_REDIRECT}),
        )
        .await;
    let b = browser();
    let attempts = [
        b.post(&url).header("origin", "https://evil.example"),
        b.post(&url).header("origin", "null"),
        b.post(&url).header("sec-fetch-site", "cross-site"),
        b.post(&url).header("referer", "https://evil.example/page"),
        b.post(&url),
    ];
    for attempt in attempts {
        let resp = attempt
            .form(&[("action", "continue")])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 403);
        assert!(resp.headers().get("set-cookie").is_none(), "no flow cookie");
        let html = resp.text().await.unwrap();
        assert!(html.contains("cross_site_request"), "{html}");
    }
    // A same-origin request without Origin (Sec-Fetch-Site, or only a Referer) is ours.
    let same_site = b
        .post(&url)
        .header("sec-fetch-site", "same-origin")
        .form(&[("action", "bogus")])
        .send()
        .await
        .unwrap();
    assert_eq!(same_site.status(), 400, "past the origin check");
    // The link still works for the athlete.
    let (browser, authorize) = open_consent(&url).await;
    let callback = answer_consent(&browser, &authorize, Answer::Approve(ATHLETE)).await;
    let done = browser.get(callback).send().await.unwrap();
    assert_eq!(query_of(&location(&done))["status"], "connected");
}

/// The partner's check of the redirect, as the README shows it.
fn verify(query: &HashMap<String, String>, secret: &str) -> bool {
    use base64::Engine;
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap())
        .unwrap();
    let mut fields: Vec<(&String, &String)> = query
        .iter()
        .filter(|(k, _)| ["user_id", "status", "error", "scopes", "ts"].contains(&k.as_str()))
        .collect();
    fields.sort();
    let message = fields
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&key).unwrap();
    mac.update(message.as_bytes());
    hex::encode(mac.finalize().into_bytes()) == query["sig"]
}

#[actix_web::test]
async fn the_redirect_to_the_partner_is_signed() {
    let app = TestApp::spawn().await;
    let resp = connect(
        &app,
        &app.tenant.api_key,
        "signed",
        Answer::Approve(ATHLETE),
    )
    .await;
    let q = query_of(&location(&resp));
    let ts: i64 = q["ts"].parse().unwrap();
    assert!((chrono::Utc::now().timestamp() - ts).abs() < 60);
    assert!(verify(&q, &app.tenant.webhook_secret));
    let mut tampered = q.clone();
    tampered.insert("user_id".into(), "someone-else".into());
    assert!(!verify(&tampered, &app.tenant.webhook_secret));
    // The granted scopes come back inside the signature.
    assert_eq!(q["scopes"], "ACTIVITY:WRITE,CALENDAR:READ,WELLNESS:WRITE");
    let mut widened = q.clone();
    widened.insert("scopes".into(), "ACTIVITY:WRITE,SETTINGS:WRITE".into());
    assert!(!verify(&widened, &app.tenant.webhook_secret));
    // A narrower grant names what the tenant may use now.
    let narrow = connect(
        &app,
        &app.tenant.api_key,
        "narrow",
        Answer::Grant("i555003", &["ACTIVITY:WRITE"]),
    )
    .await;
    let q = query_of(&location(&narrow));
    assert_eq!(q["status"], "connected");
    assert_eq!(q["scopes"], "ACTIVITY:WRITE");
    assert!(verify(&q, &app.tenant.webhook_secret));
    let other = app.create_tenant("Other", &[PARTNER_REDIRECT]).await;
    assert!(
        !verify(&q, &other.webhook_secret),
        "another tenant's secret does not verify"
    );
    // A refusal is signed too.
    let declined = connect(&app, &app.tenant.api_key, "no", Answer::Decline).await;
    let q = query_of(&location(&declined));
    assert_eq!(
        (q["status"].as_str(), q["error"].as_str()),
        ("error", "access_denied")
    );
    assert!(!q.contains_key("scopes"), "nothing was granted");
    assert!(verify(&q, &app.tenant.webhook_secret));
}

/// The wellness push sends a tenant's days with the shared token only while that tenant's own
/// connection allows WELLNESS:WRITE: another tenant's grant is not its own.
#[actix_web::test]
async fn the_wellness_push_checks_each_tenants_own_scope() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    connect_ok(&app, &app.tenant.api_key, "a-user", ATHLETE).await;
    connect_ok(&app, &b.api_key, "b-user", ATHLETE).await;
    let put = |key: String, user: &'static str, query: &'static str, body: Value| {
        let app = &app;
        async move {
            app.api
                .put(app.url(&format!("/v1/users/{user}/wellness{query}")))
                .bearer_auth(key)
                .json(&body)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    let b_day = json!([{"id": "2026-10-01", "weight": 81.5}]);
    assert_eq!(put(b.api_key.clone(), "b-user", "", b_day).await, 202);
    // B's user reconnects asking only for activities; the athlete tops up for A's scopes.
    let url = app
        .connect_url(
            &b.api_key,
            json!({"user_id": "b-user", "redirect_url": PARTNER_REDIRECT, "scopes": "ACTIVITY:WRITE"}),
        )
        .await;
    let (browser, authorize) = open_consent(&url).await;
    let callback = answer_consent(&browser, &authorize, Answer::Approve(ATHLETE)).await;
    let html = browser
        .get(callback)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let authorize = location(&top_up(&app, &browser, &html, "continue").await);
    let callback = answer_consent(&browser, &authorize, Answer::Approve(ATHLETE)).await;
    let done = browser.get(callback).send().await.unwrap();
    assert_eq!(query_of(&location(&done))["status"], "connected");
    assert_eq!(
        scopes_of(&app, &b.api_key, "b-user").await,
        json!(["ACTIVITY:WRITE"])
    );
    // A pushes now; the token holds WELLNESS:WRITE for A, not for B.
    let a_day = json!([{"id": "2026-10-02", "weight": 70.5}]);
    assert_eq!(
        put(app.tenant.api_key.clone(), "a-user", "?push=now", a_day).await,
        202
    );
    eventually(15, "A's day pushed", || async {
        let pending: Value = app
            .get(&app.tenant.api_key, "/v1/users/a-user/wellness/pending")
            .await
            .json()
            .await
            .unwrap();
        pending["data"].as_array().unwrap().is_empty()
    })
    .await;
    let pushes: Value = http_client()
        .get(format!("{}/_sandbox/wellness-pushes", app.sandbox_url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let pushed = pushes.to_string();
    assert!(pushed.contains("2026-10-02"), "{pushed}");
    assert!(
        !pushed.contains("2026-10-01") && !pushed.contains("81.5"),
        "B's day went: {pushed}"
    );
    let b_pending: Value = app
        .get(&b.api_key, "/v1/users/b-user/wellness/pending")
        .await
        .json()
        .await
        .unwrap();
    let days = b_pending["data"].as_array().unwrap();
    assert_eq!(days.len(), 1, "{b_pending}");
    assert!(
        days[0]["last_error"]
            .as_str()
            .unwrap_or_default()
            .contains("WELLNESS:WRITE"),
        "{b_pending}"
    );
}
