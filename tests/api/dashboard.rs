//! The partner dashboard over HTTP: signing in with the API key (and nothing stored for a wrong
//! one), the session cookie's attributes, the rate limit, CSRF tokens and the same-origin check
//! (a refused form changes nothing), expiry, sign-out, one tenant never seeing another's users
//! or deliveries, resending, and the settings with the API's rules.

use serde_json::{json, Value};

use crate::common::receiver::Receiver;
use crate::common::*;
use intervals_bridge::db;
use intervals_bridge::domain::lifecycle::retention;
use intervals_bridge::support::crypto;

const ATHLETE: &str = "i317960";

/// The value of the first hidden (or any) input named `name` in a page.
pub fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no field {name} in:\n{html}"))
        + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

/// The `Set-Cookie` header that sets `name`.
fn set_cookie(resp: &reqwest::Response, name: &str) -> Option<String> {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

fn cookie_value(set_cookie: &str) -> String {
    set_cookie
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_owned()
}

async fn sessions(app: &TestApp) -> usize {
    app.strings("SELECT token_hash AS v FROM dashboard_sessions")
        .await
        .len()
}

/// A signed-in browser: its cookies and the session's CSRF token.
struct Dash {
    client: reqwest::Client,
    csrf: String,
}

/// Opens the sign-in page and submits `key`; returns the browser and the answer.
async fn try_sign_in(app: &TestApp, key: &str) -> (reqwest::Client, reqwest::Response) {
    let client = browser();
    let page = client.get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    let resp = form_post(&client, &app.url("/dashboard/sign-in"))
        .form(&[
            ("csrf", hidden(&html, "csrf").as_str()),
            ("next", "/dashboard/users"),
            ("api_key", key),
        ])
        .send()
        .await
        .unwrap();
    (client, resp)
}

async fn sign_in(app: &TestApp, key: &str) -> Dash {
    let (client, resp) = try_sign_in(app, key).await;
    assert_eq!(resp.status(), 303, "{}", resp.text().await.unwrap());
    assert_eq!(location(&resp), "/dashboard/users");
    let html = client
        .get(app.url("/dashboard/users"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    Dash {
        csrf: hidden(&html, "csrf"),
        client,
    }
}

impl Dash {
    async fn get(&self, app: &TestApp, path: &str) -> (u16, String) {
        let resp = self.client.get(app.url(path)).send().await.unwrap();
        let status = resp.status().as_u16();
        (status, resp.text().await.unwrap())
    }

    /// A form POST from our own page, with the session's CSRF token.
    async fn post(&self, app: &TestApp, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut form: Vec<(&str, &str)> = vec![("csrf", &self.csrf)];
        form.extend_from_slice(fields);
        form_post(&self.client, &app.url(path))
            .form(&form)
            .send()
            .await
            .unwrap()
    }
}

async fn tenant(app: &TestApp, key: &str) -> Value {
    let resp = app.get(key, "/v1/tenant").await;
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

async fn deliveries(app: &TestApp, key: &str) -> Vec<Value> {
    let v: Value = app
        .get(key, "/v1/webhook-deliveries")
        .await
        .json()
        .await
        .unwrap();
    v["data"].as_array().unwrap().clone()
}

#[actix_web::test]
async fn signing_in_takes_the_api_key_and_sets_a_strict_http_only_cookie() {
    let app = TestApp::spawn().await;
    // The sign-in page: a password field, the consent pages' headers.
    let page = browser().get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(csp.contains("form-action 'self'"), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("script-src"),
        "{csp}"
    );
    assert_eq!(page.headers()["x-frame-options"], "DENY");
    assert_eq!(page.headers()["cache-control"], "no-store");
    let html = page.text().await.unwrap();
    assert!(
        html.contains(r#"type="password" id="api_key" name="api_key""#),
        "{html}"
    );
    assert!(!html.contains("<script"), "{html}");

    // A wrong key: a 401 page, and no session stored.
    let (_, resp) = try_sign_in(&app, "ibk_not-a-key").await;
    assert_eq!(resp.status(), 401);
    assert!(set_cookie(&resp, "ib_dashboard").is_none());
    let html = resp.text().await.unwrap();
    assert!(html.contains("This API key is not valid."), "{html}");
    assert!(html.contains(r#"aria-invalid="true""#), "{html}");
    let (_, resp) = try_sign_in(&app, "  ").await;
    assert_eq!(resp.status(), 401);
    assert_eq!(sessions(&app).await, 0);

    // The right key: a session whose cookie is httpOnly, SameSite=Strict, for /dashboard only,
    // for 12 hours, not Secure over plain http; the database holds the token's hash only.
    let (client, resp) = try_sign_in(&app, &app.tenant.api_key).await;
    assert_eq!(resp.status(), 303);
    let cookie = set_cookie(&resp, "ib_dashboard").expect("a session cookie");
    let attrs: Vec<String> = cookie
        .split(';')
        .map(|a| a.trim().to_ascii_lowercase())
        .collect();
    for want in ["httponly", "samesite=strict", "path=/dashboard"] {
        assert!(attrs.iter().any(|a| a == want), "{want} in {cookie}");
    }
    assert!(!attrs.iter().any(|a| a == "secure"), "{cookie}");
    let max_age: i64 = attrs
        .iter()
        .find_map(|a| a.strip_prefix("max-age="))
        .expect("a max-age")
        .parse()
        .unwrap();
    assert!((43_190..=43_200).contains(&max_age), "{max_age}");
    let token = cookie_value(&cookie);
    assert!(token.len() >= 43);
    let stored = app
        .strings("SELECT token_hash AS v FROM dashboard_sessions")
        .await;
    assert_eq!(stored, vec![crypto::sha256_hex(token.as_bytes())]);
    assert!(!app.dump_table("dashboard_sessions").await.contains(&token));

    // Signed in: the pages show the tenant.
    let resp = client
        .get(app.url("/dashboard/users"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let html = resp.text().await.unwrap();
    assert!(html.contains("Partner A"), "{html}");
    // `/dashboard` itself sends a signed-in browser on.
    let resp = client.get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/dashboard/users");

    // Signing in again (here with a token planted in the browser) always issues a new token and
    // ends the session the browser had.
    let html = client
        .get(app.url("/dashboard/settings"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Settings"));
    let page = app.api.get(app.url("/dashboard")).send().await.unwrap();
    let sign_in_cookie = cookie_value(&set_cookie(&page, "ib_dashboard_sign_in").unwrap());
    let html = page.text().await.unwrap();
    let resp = app
        .api
        .post(app.url("/dashboard/sign-in"))
        .header("origin", &app.base)
        .header(
            "cookie",
            format!("ib_dashboard={token}; ib_dashboard_sign_in={sign_in_cookie}"),
        )
        .form(&[
            ("csrf", hidden(&html, "csrf").as_str()),
            ("api_key", app.tenant.api_key.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    let new_token = cookie_value(&set_cookie(&resp, "ib_dashboard").unwrap());
    assert_ne!(new_token, token);
    assert_eq!(
        app.strings("SELECT token_hash AS v FROM dashboard_sessions")
            .await,
        vec![crypto::sha256_hex(new_token.as_bytes())],
        "the planted session is gone"
    );
    let resp = client
        .get(app.url("/dashboard/users"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401, "the old token no longer opens anything");
}

#[actix_web::test]
async fn under_https_the_cookies_are_secure() {
    let public = "https://bridge.example";
    let app = TestApp::spawn_with(Options {
        env: vec![("BRIDGE_PUBLIC_URL", public.into())],
        ..Default::default()
    })
    .await;
    // A plain client: a cookie store would keep Secure cookies from this http test server.
    let page = app.api.get(app.url("/dashboard")).send().await.unwrap();
    let pre = set_cookie(&page, "ib_dashboard_sign_in").unwrap();
    assert!(pre.to_ascii_lowercase().contains("; secure"), "{pre}");
    let html = page.text().await.unwrap();
    let resp = app
        .api
        .post(app.url("/dashboard/sign-in"))
        .header("origin", public)
        .header(
            "cookie",
            format!("ib_dashboard_sign_in={}", cookie_value(&pre)),
        )
        .form(&[
            ("csrf", hidden(&html, "csrf").as_str()),
            ("api_key", app.tenant.api_key.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    let cookie = set_cookie(&resp, "ib_dashboard")
        .unwrap()
        .to_ascii_lowercase();
    for want in [
        "; secure",
        "; httponly",
        "; samesite=strict",
        "; path=/dashboard",
    ] {
        assert!(cookie.contains(want), "{want} in {cookie}");
    }
}

#[actix_web::test]
async fn sign_in_attempts_are_rate_limited_per_client() {
    let app = TestApp::spawn().await;
    let client = browser();
    let html = client
        .get(app.url("/dashboard"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = hidden(&html, "csrf");
    let attempt = |key: String| {
        let (client, csrf, url) = (client.clone(), csrf.clone(), app.url("/dashboard/sign-in"));
        async move {
            form_post(&client, &url)
                .form(&[("csrf", csrf.as_str()), ("api_key", key.as_str())])
                .send()
                .await
                .unwrap()
        }
    };
    for i in 0..10 {
        let resp = attempt(format!("ibk_wrong-{i}")).await;
        assert_eq!(resp.status(), 401, "attempt {i}");
    }
    // The eleventh within the minute is refused before the key is looked at, even the right key.
    for key in ["ibk_wrong-10".to_owned(), app.tenant.api_key.clone()] {
        let resp = attempt(key).await;
        assert_eq!(resp.status(), 429);
        let wait: u64 = resp.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=60).contains(&wait), "{wait}");
        assert!(set_cookie(&resp, "ib_dashboard").is_none());
        let html = resp.text().await.unwrap();
        assert!(html.contains("Too many sign-in attempts"), "{html}");
    }
    assert_eq!(sessions(&app).await, 0);
}

#[actix_web::test]
async fn a_rotated_out_key_signs_in_until_its_overlap_ends() {
    let app = TestApp::spawn().await;
    let old = app.tenant.api_key.clone();
    let resp = app
        .api
        .post(app.url("/v1/tenant/api-keys/rotate"))
        .bearer_auth(&old)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let new: Value = resp.json().await.unwrap();
    let new = new["api_key"].as_str().unwrap().to_owned();
    sign_in(&app, &new).await;
    sign_in(&app, &old).await;
    // A session opened with the previous key ends with its overlap at the latest.
    let soon = (db::now() + chrono::Duration::hours(1))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string();
    app.exec(format!(
        "UPDATE tenants SET previous_api_key_until = '{soon}'"
    ))
    .await;
    app.exec("DELETE FROM dashboard_sessions".into()).await;
    sign_in(&app, &old).await;
    let ends = app
        .strings("SELECT CAST(expires_at AS TEXT) AS v FROM dashboard_sessions")
        .await;
    assert_eq!(ends, vec![soon.clone()]);
    sign_in(&app, &new).await;
    let ends = app
        .strings("SELECT CAST(MAX(expires_at) AS TEXT) AS v FROM dashboard_sessions")
        .await;
    assert!(
        ends[0] > soon,
        "{ends:?}: the current key's session lasts 12 hours"
    );
    app.exec("UPDATE tenants SET previous_api_key_until = '2000-01-01 00:00:00'".into())
        .await;
    let (_, resp) = try_sign_in(&app, &old).await;
    assert_eq!(resp.status(), 401);
}

#[actix_web::test]
async fn forms_without_the_sessions_csrf_token_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Partner B", &[]).await;
    let dash = sign_in(&app, &app.tenant.api_key).await;
    let other = sign_in(&app, &b.api_key).await;
    let before = tenant(&app, &app.tenant.api_key).await;
    let secrets = app
        .strings("SELECT webhook_secret_enc AS v FROM tenants ORDER BY id")
        .await;
    for csrf in [
        None,
        Some("not-the-token"),
        Some(other.csrf.as_str()),
        Some(""),
    ] {
        for (path, fields) in [
            ("/dashboard/settings", vec![("name", "Hijacked")]),
            ("/dashboard/settings/webhook-secret", vec![]),
            ("/dashboard/settings/webhook-secret/reveal", vec![]),
            ("/dashboard/settings/api-key", vec![]),
            ("/dashboard/settings/test-event", vec![]),
            ("/dashboard/sign-out", vec![]),
        ] {
            let mut form: Vec<(&str, &str)> = fields;
            if let Some(c) = csrf {
                form.push(("csrf", c));
            }
            let resp = form_post(&dash.client, &app.url(path))
                .form(&form)
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), 403, "{path} with {csrf:?}");
            let html = resp.text().await.unwrap();
            assert!(html.contains("This form has expired"), "{html}");
            assert!(!html.contains(&app.tenant.webhook_secret), "{path}");
        }
    }
    assert_eq!(tenant(&app, &app.tenant.api_key).await, before);
    assert_eq!(
        app.strings("SELECT webhook_secret_enc AS v FROM tenants ORDER BY id")
            .await,
        secrets
    );
    assert_eq!(sessions(&app).await, 2, "sign-out refused too");
    // The sign-in form has its own token, bound to a cookie of the browser that loaded it.
    let resp = form_post(&browser(), &app.url("/dashboard/sign-in"))
        .form(&[
            ("csrf", dash.csrf.as_str()),
            ("api_key", app.tenant.api_key.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403);
    assert_eq!(sessions(&app).await, 2);
    // With the token, the same form works.
    let resp = dash
        .post(&app, "/dashboard/settings", &[("name", "Renamed")])
        .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(tenant(&app, &app.tenant.api_key).await["name"], "Renamed");
}

#[actix_web::test]
async fn cross_site_form_posts_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let dash = sign_in(&app, &app.tenant.api_key).await;
    let before = tenant(&app, &app.tenant.api_key).await;
    let url = app.url("/dashboard/settings");
    let fields = [("csrf", dash.csrf.as_str()), ("name", "Hijacked")];
    let refused = [
        // Another site's form, as browsers announce it.
        dash.client
            .post(&url)
            .header("origin", "https://evil.example")
            .header("sec-fetch-site", "cross-site"),
        // A same-site sibling is another origin too.
        dash.client
            .post(&url)
            .header("origin", app.base.replace("127.0.0.1", "localhost")),
        // No Origin: fetch metadata decides; then the Referer.
        dash.client
            .post(&url)
            .header("sec-fetch-site", "cross-site"),
        dash.client
            .post(&url)
            .header("referer", "https://evil.example/page"),
        // Nothing to tell where it came from.
        dash.client.post(&url),
    ];
    for req in refused {
        let resp = req.form(&fields).send().await.unwrap();
        assert_eq!(resp.status(), 403);
        let html = resp.text().await.unwrap();
        assert!(html.contains("did not come from the dashboard"), "{html}");
    }
    assert_eq!(tenant(&app, &app.tenant.api_key).await, before);
    // Signing in from another site's form (login CSRF) is refused too, before any key is read.
    let client = browser();
    let html = client
        .get(app.url("/dashboard"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let resp = client
        .post(app.url("/dashboard/sign-in"))
        .header("origin", "https://evil.example")
        .form(&[
            ("csrf", hidden(&html, "csrf").as_str()),
            ("api_key", app.tenant.api_key.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403);
    assert_eq!(sessions(&app).await, 1);
    // Our own origin passes (also told by fetch metadata alone).
    let resp = dash
        .client
        .post(&url)
        .header("sec-fetch-site", "same-origin")
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(tenant(&app, &app.tenant.api_key).await["name"], "Hijacked");
}

#[actix_web::test]
async fn an_expired_session_gets_the_sign_in_page_and_retention_purges_it() {
    // No background work: a starting instance runs the day's retention by itself, which would
    // race the purge below.
    let app = TestApp::spawn_with(Options {
        no_background: true,
        ..Default::default()
    })
    .await;
    let (client, resp) = try_sign_in(&app, &app.tenant.api_key).await;
    let token = cookie_value(&set_cookie(&resp, "ib_dashboard").unwrap());
    let html = client
        .get(app.url("/dashboard/users"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let dash = Dash {
        csrf: hidden(&html, "csrf"),
        client,
    };
    let lasted = app
        .strings(
            "SELECT CAST(expires_at AS TEXT) || '|' || CAST(created_at AS TEXT) AS v \
             FROM dashboard_sessions",
        )
        .await;
    let at =
        |s: &str| chrono::NaiveDateTime::parse_from_str(&s[..19], "%Y-%m-%d %H:%M:%S").unwrap();
    let (expires, created) = lasted[0].split_once('|').unwrap();
    assert_eq!(
        (at(expires) - at(created)).num_hours(),
        12,
        "a session lasts 12 hours"
    );
    app.exec("UPDATE dashboard_sessions SET expires_at = '2000-01-01 00:00:00'".into())
        .await;
    for path in [
        "/dashboard/users",
        "/dashboard/deliveries",
        "/dashboard/settings",
    ] {
        let resp = app
            .api
            .get(app.url(path))
            .header("cookie", format!("ib_dashboard={token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 401, "{path}");
        let cleared = set_cookie(&resp, "ib_dashboard").expect("the stale cookie is cleared");
        assert!(
            cleared.to_ascii_lowercase().contains("max-age=0"),
            "{cleared}"
        );
        let html = resp.text().await.unwrap();
        assert!(html.contains(r#"id="api_key""#), "{html}");
        assert!(html.contains("Your session has ended"), "{html}");
        assert!(
            html.contains(&format!(r#"name="next" value="{path}""#)),
            "{html}"
        );
    }
    // A form of the expired session does nothing.
    let before = tenant(&app, &app.tenant.api_key).await;
    let resp = dash
        .post(&app, "/dashboard/settings", &[("name", "Too late")])
        .await;
    assert_eq!(resp.status(), 401);
    assert_eq!(tenant(&app, &app.tenant.api_key).await, before);
    // The retention job deletes expired sessions (a live one stays).
    sign_in(&app, &app.tenant.api_key).await;
    let purged = retention::purge(
        &app.state.pool,
        retention::cutoff(db::now(), app.state.config.retention_days),
        500,
    )
    .await
    .unwrap();
    assert_eq!(purged.dashboard_sessions, 1);
    assert_eq!(sessions(&app).await, 1);
}

#[actix_web::test]
async fn signing_out_deletes_the_session() {
    let app = TestApp::spawn().await;
    let dash = sign_in(&app, &app.tenant.api_key).await;
    let token = app
        .strings("SELECT token_hash AS v FROM dashboard_sessions")
        .await;
    assert_eq!(token.len(), 1);
    let resp = dash.post(&app, "/dashboard/sign-out", &[]).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/dashboard?notice=signed-out");
    let cleared = set_cookie(&resp, "ib_dashboard").unwrap();
    assert!(
        cleared.to_ascii_lowercase().contains("max-age=0"),
        "{cleared}"
    );
    assert_eq!(sessions(&app).await, 0);
    let (status, html) = dash.get(&app, "/dashboard?notice=signed-out").await;
    assert_eq!(status, 200);
    assert!(html.contains("You are signed out."), "{html}");
    let (status, _) = dash.get(&app, "/dashboard/users").await;
    assert_eq!(status, 401);
}

#[actix_web::test]
async fn a_tenant_sees_and_resends_only_its_own_users_and_deliveries() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let (ra, rb) = (Receiver::start().await, Receiver::start().await);
    app.set_webhook(&app.tenant.id, &ra.url).await;
    app.set_webhook(&b.id, &rb.url).await;
    connect_ok(&app, &app.tenant.api_key, "alice-1", ATHLETE).await;
    connect_ok(&app, &app.tenant.api_key, "bob_2", "2049151").await;
    connect_ok(&app, &b.api_key, "carol-b", ATHLETE).await;
    eventually(10, "three deliveries", || async {
        ra.received().len() == 2 && rb.received().len() == 1
    })
    .await;
    eventually(10, "recorded as succeeded", || async {
        let all = [
            deliveries(&app, &app.tenant.api_key).await,
            deliveries(&app, &b.api_key).await,
        ]
        .concat();
        all.len() == 3 && all.iter().all(|d| d["status"] == "succeeded")
    })
    .await;
    let b_delivery = deliveries(&app, &b.api_key).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let a_delivery = deliveries(&app, &app.tenant.api_key).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let dash = sign_in(&app, &app.tenant.api_key).await;
    let (status, html) = dash.get(&app, "/dashboard/users").await;
    assert_eq!(status, 200);
    for own in ["alice-1", "bob_2", "ACTIVITY:WRITE", "active"] {
        assert!(html.contains(own), "{own} in {html}");
    }
    assert!(!html.contains("carol-b"), "{html}");
    // Search by the start of the user id: exact, case included, on both databases; `_` is no
    // wildcard.
    let (_, html) = dash.get(&app, "/dashboard/users?q=ali").await;
    assert!(
        html.contains("alice-1") && !html.contains("bob_2"),
        "{html}"
    );
    for none in ["ALI", "carol", "bob%", "b_b"] {
        let (_, html) = dash
            .get(&app, &format!("/dashboard/users?q={}", urlencode(none)))
            .await;
        assert!(html.contains("id=\"no-users\""), "{none}: {html}");
    }
    let (_, html) = dash.get(&app, "/dashboard/users?q=bob_").await;
    assert!(
        html.contains("bob_2") && !html.contains("alice-1"),
        "{html}"
    );
    let (status, html) = dash.get(&app, "/dashboard/users?q=%3Cscript%3E").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("User ids are letters") && !html.contains("<script>"),
        "{html}"
    );

    // Deliveries: A's own, with their attempts; filters by status and type.
    let (status, html) = dash.get(&app, "/dashboard/deliveries").await;
    assert_eq!(status, 200);
    assert!(html.contains(&a_delivery), "{html}");
    assert!(
        !html.contains(&b_delivery) && !html.contains("carol-b"),
        "{html}"
    );
    assert!(
        html.contains("connection.created") && html.contains("Attempt 1"),
        "{html}"
    );
    assert!(
        html.contains(r#"<span class="code ok">200</span>"#),
        "{html}"
    );
    assert_eq!(html.matches("class=\"delivery\"").count(), 2, "{html}");
    let (_, html) = dash.get(&app, "/dashboard/deliveries?status=failed").await;
    assert!(html.contains("id=\"no-deliveries\""), "{html}");
    let (_, html) = dash
        .get(
            &app,
            "/dashboard/deliveries?status=succeeded&type=connection.created",
        )
        .await;
    assert_eq!(html.matches("class=\"delivery\"").count(), 2, "{html}");
    let (_, html) = dash
        .get(&app, "/dashboard/deliveries?type=wellness.pushed")
        .await;
    assert!(html.contains("id=\"no-deliveries\""), "{html}");

    // Resending B's delivery from A's session: not found, nothing sent.
    let resp = dash
        .post(
            &app,
            &format!("/dashboard/deliveries/{b_delivery}/resend"),
            &[],
        )
        .await;
    assert_eq!(resp.status(), 404);
    actix_web::rt::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(rb.received().len(), 1);
    assert_eq!(ra.received().len(), 2);
    // A's own: sent again with the same webhook-id, back to the list it came from.
    let resp = dash
        .post(
            &app,
            &format!("/dashboard/deliveries/{a_delivery}/resend"),
            &[("status", "succeeded"), ("type", "connection.created")],
        )
        .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(
        location(&resp),
        "/dashboard/deliveries?status=succeeded&type=connection.created&notice=resent"
    );
    eventually(10, "the resend", || async { ra.received().len() == 3 }).await;
    let first = ra
        .received()
        .into_iter()
        .find(|r| r.json()["data"]["user_id"] == ra.received()[2].json()["data"]["user_id"])
        .unwrap();
    assert_eq!(
        first.header("webhook-id"),
        ra.received()[2].header("webhook-id")
    );
    let (_, html) = dash.get(&app, &location(&resp)).await;
    assert!(html.contains("queued to be sent again"), "{html}");
    // Without a webhook URL there is nothing to send to: said so, nothing changed.
    app.exec(format!(
        "UPDATE tenants SET webhook_url = NULL WHERE id = '{}'",
        app.tenant.id
    ))
    .await;
    let resp = dash
        .post(
            &app,
            &format!("/dashboard/deliveries/{a_delivery}/resend"),
            &[],
        )
        .await;
    assert_eq!(
        location(&resp),
        "/dashboard/deliveries?notice=no-webhook-url"
    );
}

/// The new secret or key on a rotation's page.
fn shown_once(html: &str) -> String {
    html.split(r#"id="new-value" value=""#)
        .nth(1)
        .unwrap_or_else(|| panic!("no new value in {html}"))
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

fn current_secret(html: &str) -> String {
    html.split(r#"id="current-secret" value=""#)
        .nth(1)
        .unwrap_or_else(|| panic!("no current secret in {html}"))
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[actix_web::test]
async fn settings_follow_the_apis_rules_and_rotations_show_the_new_value_once() {
    let app = TestApp::spawn_with(Options {
        env: vec![("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "false".into())],
        ..Default::default()
    })
    .await;
    let dash = sign_in(&app, &app.tenant.api_key).await;
    let (status, html) = dash.get(&app, "/dashboard/settings").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"value="Partner A""#), "{html}");
    assert!(html.contains(PARTNER_REDIRECT), "{html}");
    let before = tenant(&app, &app.tenant.api_key).await;
    // The form as a browser sends it: every field, changed or not.
    let form = |changes: &[(&'static str, &'static str)]| {
        let mut fields = vec![
            ("name", "Acme"),
            ("webhook_url", ""),
            ("webhook_events", ""),
            ("redirect_urls", PARTNER_REDIRECT),
            ("activity_url_template", ""),
        ];
        for (k, v) in changes {
            fields.iter_mut().find(|(f, _)| f == k).unwrap().1 = v;
        }
        fields
    };
    // Refusals: 422, the message next to the field, the typed value kept, nothing saved.
    for (field, typed, says) in [
        (
            "webhook_url",
            "ftp://acme.example/hooks",
            "must be an https URL",
        ),
        (
            "webhook_url",
            "https://127.0.0.1/hooks",
            "BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS",
        ),
        (
            "webhook_events",
            "activity.*, activity.uplodaed",
            "Entry 2: &#39;activity.uplodaed&#39; is not a known event type",
        ),
        ("webhook_events", "bikes.*", "matches no known event type"),
        (
            "redirect_urls",
            "https://acme.example/ok\nhttp://acme.example/plain",
            "Line 2: &#39;http://acme.example/plain&#39; must be https",
        ),
        (
            "activity_url_template",
            "https://{external_id}.acme.example/",
            "only in its path or query",
        ),
        ("name", "  ", "The name must be 1 to 80 characters"),
    ] {
        let resp = dash
            .post(&app, "/dashboard/settings", &form(&[(field, typed)]))
            .await;
        assert_eq!(resp.status(), 422, "{field}");
        let html = resp.text().await.unwrap();
        let error_at = html
            .find(&format!(r#"id="{field}-error""#))
            .unwrap_or_else(|| panic!("an error next to {field}: {html}"));
        assert!(html[error_at..].contains(says), "{says} in {html}");
        let input = html
            .find(&format!(r#"id="{field}" name="{field}""#))
            .unwrap();
        assert!(input < error_at, "the error follows its field");
        assert!(html.contains(r#"aria-invalid="true""#), "{html}");
        assert!(
            html.contains(typed.trim().replace('\'', "&#39;").as_str()),
            "{typed} kept in {html}"
        );
        assert_eq!(tenant(&app, &app.tenant.api_key).await, before, "{field}");
    }
    // A valid change is saved (POST, redirect, GET) as the API shows it.
    let resp = dash
        .post(
            &app,
            "/dashboard/settings",
            &form(&[
                ("name", "Acme Coaching"),
                ("webhook_url", "https://acme.example/hooks"),
                ("webhook_events", " activity.*,connection.revoked \n"),
                (
                    "redirect_urls",
                    "https://acme.example/done\n\n  https://acme.example/other  \n",
                ),
                (
                    "activity_url_template",
                    "https://acme.example/rides/{external_id}",
                ),
            ]),
        )
        .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/dashboard/settings?notice=saved");
    let after = tenant(&app, &app.tenant.api_key).await;
    assert_eq!(after["name"], "Acme Coaching");
    assert_eq!(after["webhook_url"], "https://acme.example/hooks");
    assert_eq!(
        after["webhook_events"],
        json!(["activity.*", "connection.revoked"])
    );
    assert_eq!(
        after["redirect_urls"],
        json!(["https://acme.example/done", "https://acme.example/other"])
    );
    assert_eq!(
        after["activity_url_template"],
        "https://acme.example/rides/{external_id}"
    );
    let (_, html) = dash.get(&app, "/dashboard/settings?notice=saved").await;
    assert!(html.contains("Settings saved."), "{html}");
    assert!(
        html.contains("https://acme.example/done\nhttps://acme.example/other"),
        "{html}"
    );
    assert!(
        html.contains(r#"value="activity.*, connection.revoked""#),
        "{html}"
    );
    // Emptying the filter means every type again.
    let fields = form(&[
        ("name", "Acme Coaching"),
        ("webhook_url", "https://acme.example/hooks"),
        ("webhook_events", ""),
        (
            "redirect_urls",
            "https://acme.example/done\nhttps://acme.example/other",
        ),
        (
            "activity_url_template",
            "https://acme.example/rides/{external_id}",
        ),
    ]);
    let resp = dash.post(&app, "/dashboard/settings", &fields).await;
    assert_eq!(location(&resp), "/dashboard/settings?notice=saved");
    assert_eq!(
        tenant(&app, &app.tenant.api_key).await["webhook_events"],
        json!([])
    );
    // Sending the same values again changes nothing.
    let resp = dash.post(&app, "/dashboard/settings", &fields).await;
    assert_eq!(location(&resp), "/dashboard/settings?notice=unchanged");

    // Showing the current signing secret: on a page never cached, only when asked.
    let (_, html) = dash.get(&app, "/dashboard/settings").await;
    assert!(html.contains(r#"id="reveal-secret""#), "{html}");
    assert!(!html.contains(&app.tenant.webhook_secret));
    let reveal = || async {
        let resp = dash
            .post(&app, "/dashboard/settings/webhook-secret/reveal", &[])
            .await;
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.headers()["cache-control"], "no-store");
        current_secret(&resp.text().await.unwrap())
    };
    assert_eq!(reveal().await, app.tenant.webhook_secret);

    // Rotating the signing secret: the new one once, not cached; the old one still signs.
    let resp = dash
        .post(&app, "/dashboard/settings/webhook-secret", &[])
        .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["cache-control"], "no-store");
    let html = resp.text().await.unwrap();
    let value = shown_once(&html);
    assert!(value.starts_with("whsec_"), "{html}");
    assert!(
        tenant(&app, &app.tenant.api_key).await["previous_webhook_secret_valid_until"].is_string()
    );
    let (_, html) = dash.get(&app, "/dashboard/settings").await;
    assert!(!html.contains(&value), "shown once");
    assert_eq!(reveal().await, value, "the current secret is the new one");

    // Rotating the API key: the new key works at once, the old one for the overlap, and this
    // session stays signed in.
    let resp = dash.post(&app, "/dashboard/settings/api-key", &[]).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["cache-control"], "no-store");
    let html = resp.text().await.unwrap();
    let key = shown_once(&html);
    assert!(key.starts_with("ibk_"), "{html}");
    assert_eq!(tenant(&app, &key).await["id"], app.tenant.id);
    assert_eq!(tenant(&app, &app.tenant.api_key).await["id"], app.tenant.id);
    let (status, html) = dash.get(&app, "/dashboard/settings").await;
    assert_eq!(status, 200);
    assert!(html.contains(&key[..10]) && !html.contains(&key), "{html}");
    sign_in(&app, &key).await;
}

/// Fails unless the page fits the window's width (no horizontal scrolling); saves a screenshot
/// as `name.png` under the test target's temporary directory.
async fn fits(c: &fantoccini::Client, name: &str) -> Result<(), fantoccini::error::CmdError> {
    let widths = c
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth]",
            vec![],
        )
        .await?;
    let (scroll, inner) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
    assert!(
        scroll <= inner,
        "{name}: {scroll} px wide in a {inner} px window"
    );
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("dashboard");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), c.screenshot().await?).unwrap();
    Ok(())
}

#[actix_web::test]
async fn a_partner_works_through_the_dashboard_in_a_real_browser_on_a_phone() {
    use crate::browser::{chromedriver, start_browser, start_browser_on, Screen};
    use crate::common::receiver::Reply;
    use fantoccini::Locator;

    let Some(driver_path) = chromedriver() else {
        return;
    };
    // The retry schedule shrunk so a delivery's nine failing attempts take moments.
    let app = TestApp::spawn_with(Options {
        env: vec![("BRIDGE_WEBHOOK_RETRY_SCALE", "0.000001".into())],
        ..Default::default()
    })
    .await;
    let key = app.tenant.api_key.clone();
    let r = Receiver::start().await;
    r.script(vec![Reply(500, vec![]); 9]);
    app.set_webhook(&app.tenant.id, &r.url).await;
    connect_ok(&app, &key, "phone-user", ATHLETE).await;
    eventually(30, "the delivery to fail for good", || async {
        deliveries(&app, &key).await[0]["status"] == "failed"
    })
    .await;
    let id = deliveries(&app, &key).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let moved = Receiver::start().await;
    // Reads for the Users page's chart: one upstream, three from the read cache.
    for _ in 0..4 {
        assert_eq!(
            app.get(&key, "/v1/users/phone-user/activities")
                .await
                .status(),
            200
        );
    }

    let (_driver, c) = start_browser(&driver_path).await;
    let result = async {
        c.goto(&app.url("/dashboard")).await?;
        let width = c.execute("return window.innerWidth", vec![]).await?;
        assert_eq!(width, json!(360), "a phone's width");
        fits(&c, "sign-in").await?;
        // Signing in with the keyboard alone: type the key, press Enter.
        c.find(Locator::Id("api_key"))
            .await?
            .send_keys(&format!("{key}\u{E007}"))
            .await?;
        let users = c.wait().for_element(Locator::Id("users")).await?;
        assert!(users.text().await?.contains("phone-user"));
        let chart = c.find(Locator::Css("#cache-chart figcaption")).await?;
        assert!(
            chart
                .text()
                .await?
                .contains("Read cache: 75% of your 4 reads"),
            "{}",
            chart.text().await?
        );
        assert!(
            c.find(Locator::Css("#users svg.meter"))
                .await?
                .is_displayed()
                .await?
        );
        fits(&c, "users").await?;

        // The failed delivery, with its nine attempts; resend it and watch it succeed.
        c.find(Locator::Id("nav-deliveries")).await?.click().await?;
        let card = format!("delivery-{id}");
        let badge = format!("#{card} .badge");
        c.wait().for_element(Locator::Id(&card)).await?;
        assert_eq!(c.find(Locator::Css(&badge)).await?.text().await?, "failed");
        let attempts = c
            .find_all(Locator::Css(&format!("#{card} .attempt")))
            .await?;
        assert_eq!(attempts.len(), 9);
        fits(&c, "deliveries-failed").await?;
        c.find(Locator::Id(&format!("resend-{id}")))
            .await?
            .click()
            .await?;
        let notice = c.wait().for_element(Locator::Id("notice")).await?;
        assert!(notice.text().await?.contains("queued to be sent again"));
        let start = std::time::Instant::now();
        while c.find(Locator::Css(&badge)).await?.text().await? != "succeeded" {
            assert!(start.elapsed().as_secs() < 20, "the resend succeeds");
            actix_web::rt::time::sleep(std::time::Duration::from_millis(200)).await;
            c.refresh().await?;
        }
        let last = c
            .find(Locator::Css(&format!("#{card} .attempt:last-child .code")))
            .await?
            .text()
            .await?;
        assert_eq!(last, "200");
        fits(&c, "deliveries-resent").await?;

        // Settings: a new webhook URL and an event filter, then a new signing secret shown
        // once, then a test event signed with it.
        c.find(Locator::Id("nav-settings")).await?.click().await?;
        let field = c.wait().for_element(Locator::Id("webhook_url")).await?;
        field.clear().await?;
        field.send_keys(&moved.url).await?;
        c.find(Locator::Id("webhook_events"))
            .await?
            .send_keys("connection.*")
            .await?;
        fits(&c, "settings").await?;
        c.execute(
            "document.getElementById('keys-heading').scrollIntoView()",
            vec![],
        )
        .await?;
        fits(&c, "settings-secrets").await?;
        c.find(Locator::Id("save")).await?.click().await?;
        let notice = c.wait().for_element(Locator::Id("notice")).await?;
        assert_eq!(notice.text().await?, "Settings saved.");
        c.find(Locator::Id("rotate-secret")).await?.click().await?;
        let secret = c
            .wait()
            .for_element(Locator::Id("new-value"))
            .await?
            .prop("value")
            .await?
            .unwrap_or_default();
        assert!(secret.starts_with("whsec_"), "{secret}");
        fits(&c, "new-secret").await?;
        c.find(Locator::Id("back-to-settings"))
            .await?
            .click()
            .await?;
        c.wait()
            .for_element(Locator::Id("send-test"))
            .await?
            .click()
            .await?;
        let notice = c.wait().for_element(Locator::Id("notice")).await?;
        assert!(notice.text().await?.contains("webhook.test"));
        let newest = ".delivery:first-of-type";
        let title = c
            .find(Locator::Css(&format!("{newest} h2")))
            .await?
            .text()
            .await?;
        assert_eq!(title, "webhook.test");
        let start = std::time::Instant::now();
        while c
            .find(Locator::Css(&format!("{newest} .badge")))
            .await?
            .text()
            .await?
            != "succeeded"
        {
            assert!(
                start.elapsed().as_secs() < 20,
                "the test event is delivered"
            );
            actix_web::rt::time::sleep(std::time::Duration::from_millis(200)).await;
            c.refresh().await?;
        }
        fits(&c, "test-event").await?;

        // Signing out ends the session.
        c.find(Locator::Id("sign-out")).await?.click().await?;
        c.wait().for_element(Locator::Id("api_key")).await?;
        let notice = c.find(Locator::Id("notice")).await?;
        assert_eq!(notice.text().await?, "You are signed out.");
        c.goto(&app.url("/dashboard/users")).await?;
        c.wait().for_element(Locator::Id("api_key")).await?;
        Ok::<_, fantoccini::error::CmdError>(secret)
    }
    .await;
    let _ = c.close().await;
    let secret = result.expect("browser flow");
    assert_eq!(r.received().len(), 10, "nine failures and the resend");
    let settings = tenant(&app, &key).await;
    assert_eq!(settings["webhook_url"], moved.url);
    assert_eq!(settings["webhook_events"], json!(["connection.*"]));
    assert!(settings["previous_webhook_secret_valid_until"].is_string());
    assert_eq!(sessions(&app).await, 0);
    // The test event went to the new URL, signed with the secret the page showed.
    let test = moved.of_type("webhook.test");
    assert_eq!(test.len(), 1);
    crate::webhooks::verify(&secret, &test[0]);

    // The same pages on a desktop's screen (the README's picture is one of these).
    let (_driver, c) = start_browser_on(&driver_path, Screen::Desktop).await;
    let result = async {
        c.goto(&app.url("/dashboard")).await?;
        c.find(Locator::Id("api_key"))
            .await?
            .send_keys(&key)
            .await?;
        c.find(Locator::Id("sign-in")).await?.click().await?;
        c.wait().for_element(Locator::Id("users")).await?;
        fits(&c, "users-desktop").await?;
        c.find(Locator::Id("nav-deliveries")).await?.click().await?;
        c.wait()
            .for_element(Locator::Id("type"))
            .await?
            .send_keys("connection.created")
            .await?;
        c.find(Locator::Id("filter")).await?.click().await?;
        c.wait().for_element(Locator::Css(".delivery")).await?;
        fits(&c, "deliveries-desktop").await
    }
    .await;
    let _ = c.close().await;
    result.expect("desktop pages");
}

#[actix_web::test]
async fn a_test_event_goes_to_the_endpoint_whatever_the_filter_and_shows_in_the_log() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let dash = sign_in(&app, &key).await;
    // Without a webhook URL there is nowhere to send it: said so, nothing recorded.
    let resp = dash.post(&app, "/dashboard/settings/test-event", &[]).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/dashboard/settings?notice=no-webhook-url");
    let (_, html) = dash.get(&app, &location(&resp)).await;
    assert!(html.contains("There is no webhook URL"), "{html}");
    assert!(app.strings("SELECT id AS v FROM events").await.is_empty());

    let r = Receiver::start().await;
    app.set_webhook(&app.tenant.id, &r.url).await;
    let resp = app
        .api
        .patch(app.url("/v1/tenant"))
        .bearer_auth(&key)
        .json(&json!({"webhook_events": ["activity.*"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let resp = dash.post(&app, "/dashboard/settings/test-event", &[]).await;
    assert_eq!(location(&resp), "/dashboard/deliveries?notice=test-sent");
    eventually(10, "the test event", || async {
        r.of_type("webhook.test").len() == 1
    })
    .await;
    eventually(10, "its delivery recorded", || async {
        deliveries(&app, &key).await[0]["status"] == "succeeded"
    })
    .await;
    let (status, html) = dash.get(&app, &location(&resp)).await;
    assert_eq!(status, 200);
    assert!(html.contains("webhook.test event was queued"), "{html}");
    assert!(html.contains("<code>webhook.test</code>"), "{html}");
    assert!(
        html.contains(r#"<span class="code ok">200</span>"#),
        "{html}"
    );
}

#[actix_web::test]
async fn the_users_page_charts_calls_today_against_the_budget_and_the_cache_hit_ratio() {
    let app = TestApp::spawn_with(Options {
        env: vec![("INTERVALS_ATHLETE_DAILY_BUDGET", "40".into())],
        ..Default::default()
    })
    .await;
    let key = app.tenant.api_key.clone();
    connect_ok(&app, &key, "alice-1", ATHLETE).await;
    let dash = sign_in(&app, &key).await;
    let (_, html) = dash.get(&app, "/dashboard/users").await;
    assert!(html.contains("No reads yet on this instance"), "{html}");
    // One read upstream, three from the cache.
    for _ in 0..4 {
        assert_eq!(
            app.get(&key, "/v1/users/alice-1/activities").await.status(),
            200
        );
    }
    let calls: Value = app
        .get(&key, "/v1/users/alice-1")
        .await
        .json()
        .await
        .unwrap();
    let calls = calls["upstream_calls_today"].as_i64().unwrap();
    assert!(calls >= 1, "{calls}");
    eventually(5, "the counts are written", || async {
        let (_, html) = dash.get(&app, "/dashboard/users").await;
        html.contains(&format!("aria-label=\"{calls} of 40 calls today\""))
    })
    .await;
    let (_, html) = dash.get(&app, "/dashboard/users").await;
    assert!(html.contains(&format!("{calls} / 40")), "{html}");
    assert!(
        html.contains(&format!("width=\"{}\"", calls * 100 / 40)),
        "{html}"
    );
    assert!(
        html.contains("Read cache: <strong>75%</strong> of your 4 reads"),
        "{html}"
    );
    assert!(
        html.contains("width=\"150\""),
        "the hit bar is 75% of 200: {html}"
    );
}

async fn rotate_key(app: &TestApp, key: &str) -> String {
    let resp = app
        .api
        .post(app.url("/v1/tenant/api-keys/rotate"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    v["api_key"].as_str().unwrap().to_owned()
}

#[actix_web::test]
async fn a_session_lives_no_longer_than_its_key_and_all_sessions_can_be_signed_out() {
    let app = TestApp::spawn().await;
    let k1 = app.tenant.api_key.clone();
    let dash = sign_in(&app, &k1).await;
    // One rotation: K1 is the previous key, within its overlap, and so is the session.
    let k2 = rotate_key(&app, &k1).await;
    assert_eq!(dash.get(&app, "/dashboard/users").await.0, 200);
    // A second rotation ends K1 at once: the API refuses it, and so does the dashboard, which
    // can no longer mint a key with it.
    let k3 = rotate_key(&app, &k2).await;
    assert_eq!(app.get(&k1, "/v1/tenant").await.status(), 401);
    assert_eq!(dash.get(&app, "/dashboard/users").await.0, 401);
    let resp = dash.post(&app, "/dashboard/settings/api-key", &[]).await;
    assert_ne!(resp.status(), 200);
    assert!(!resp.text().await.unwrap().contains("ibk_"));
    assert_eq!(app.get(&k3, "/v1/tenant").await.status(), 200);
    assert_eq!(app.get(&k2, "/v1/tenant").await.status(), 200);

    // "Sign out everywhere" ends every session of the tenant, not another tenant's.
    let a = sign_in(&app, &k3).await;
    let b = sign_in(&app, &k2).await;
    let other = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let c = sign_in(&app, &other.api_key).await;
    let resp = a
        .post(&app, "/dashboard/sign-out", &[("everywhere", "1")])
        .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(a.get(&app, "/dashboard/users").await.0, 401);
    assert_eq!(b.get(&app, "/dashboard/users").await.0, 401);
    assert_eq!(c.get(&app, "/dashboard/users").await.0, 200);
    assert_eq!(sessions(&app).await, 1);
    // The settings page offers it.
    let (_, html) = c.get(&app, "/dashboard/settings").await;
    assert!(html.contains(r#"name="everywhere" value="1""#), "{html}");
}

/// Signs in from the loopback address `127.0.0.{host}`, a client of its own to the limiter.
async fn sign_in_from(app: &TestApp, host: u8, key: &str) -> reqwest::Response {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .local_address(std::net::IpAddr::from([127, 0, 0, host]))
        .build()
        .unwrap();
    let html = client
        .get(app.url("/dashboard"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    form_post(&client, &app.url("/dashboard/sign-in"))
        .form(&[("csrf", hidden(&html, "csrf").as_str()), ("api_key", key)])
        .send()
        .await
        .unwrap()
}

/// Strangers spending their own attempts (here 11 clients, 110 attempts in a minute) cannot lock
/// a tenant out: there is no cap they share with it. Guesses at one key prefix from many clients
/// are limited per prefix, which leaves other tenants' keys alone.
#[actix_web::test]
async fn strangers_cannot_spend_a_tenants_sign_in_attempts() {
    let app = TestApp::spawn().await;
    for host in 2..13u8 {
        for i in 0..10 {
            let resp = sign_in_from(&app, host, &format!("ibk_{host:03}{i:03}-stranger")).await;
            assert_eq!(resp.status(), 401, "client {host} attempt {i}");
        }
        // The eleventh from one client is refused.
        let resp = sign_in_from(&app, host, "ibk_stranger-more").await;
        assert_eq!(resp.status(), 429);
    }
    let resp = sign_in_from(&app, 1, &app.tenant.api_key).await;
    assert_eq!(resp.status(), 303, "the tenant signs in");

    // Guesses at another tenant's prefix from many clients: limited per prefix, and that tenant
    // is the only one they touch.
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let prefix: String = b.api_key.chars().take(10).collect();
    let mut refused = 0;
    for host in 20..45u8 {
        let resp = sign_in_from(&app, host, &format!("{prefix}guess{host}")).await;
        if resp.status() == 429 {
            refused += 1;
        } else {
            assert_eq!(resp.status(), 401);
        }
    }
    assert!(
        refused >= 10,
        "{refused} of 25 guesses at one prefix refused"
    );
    let resp = sign_in_from(&app, 61, &app.tenant.api_key).await;
    assert_eq!(resp.status(), 303);
}

#[actix_web::test]
async fn a_users_page_shows_its_scopes_and_budget_makes_connect_links_and_disconnects_after_confirming(
) {
    let app = TestApp::spawn_with(Options {
        env: vec![("INTERVALS_ATHLETE_DAILY_BUDGET", "40".into())],
        ..Default::default()
    })
    .await;
    let key = app.tenant.api_key.clone();
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    connect_ok(&app, &key, "alice-1", "i555003").await;
    connect_ok(&app, &b.api_key, "carol-b", ATHLETE).await;
    assert_eq!(
        app.get(&key, "/v1/users/alice-1/activities").await.status(),
        200
    );
    let calls = app
        .get(&key, "/v1/users/alice-1")
        .await
        .json::<Value>()
        .await
        .unwrap()["upstream_calls_today"]
        .as_i64()
        .unwrap();
    assert!(calls >= 1, "{calls}");

    let dash = sign_in(&app, &key).await;
    // Linked from the users list.
    let (_, html) = dash.get(&app, "/dashboard/users").await;
    assert!(
        html.contains(r#"<a href="/dashboard/users/alice-1" class="user-link">"#),
        "{html}"
    );
    let (status, html) = dash.get(&app, "/dashboard/users/alice-1").await;
    assert_eq!(status, 200, "{html}");
    for shown in [
        "i555003",
        "ACTIVITY:WRITE",
        "CALENDAR:READ",
        "WELLNESS:WRITE",
        r#"<span class="badge active" id="status">active</span>"#,
        &format!(r#"<strong id="calls">{calls} / 40</strong>"#),
        &format!("width=\"{}\"", calls * 100 / 40 * 2),
        // The link form starts from the scopes asked for last, and offers the registered URLs.
        r#"name="scopes" value="ACTIVITY:WRITE,CALENDAR:READ,WELLNESS:WRITE""#,
        &format!(r#"<option value="{PARTNER_REDIRECT}">"#),
    ] {
        assert!(html.contains(shown), "{shown} in {html}");
    }
    // Another tenant's user, an unknown one and one that cannot exist are the same 404.
    for other in ["carol-b", "nobody", "a%20b"] {
        let (status, html) = dash.get(&app, &format!("/dashboard/users/{other}")).await;
        assert_eq!(status, 404, "{other}");
        assert!(html.contains("No such user"), "{html}");
        assert!(!html.contains(ATHLETE), "{html}");
    }

    // A new connect link: the API's rules, then a link that opens the consent page.
    let link = "/dashboard/users/alice-1/connect-link";
    let resp = dash.post(&app, link, &[("scopes", "ACTIVITY:FLY")]).await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap();
    assert!(
        html.contains(r#"id="link-error""#) && !html.contains("id=\"connect-url\""),
        "{html}"
    );
    let resp = dash
        .post(
            &app,
            link,
            &[
                ("scopes", "ACTIVITY:WRITE"),
                ("redirect_url", "https://elsewhere.example/back"),
            ],
        )
        .await;
    assert_eq!(resp.status(), 422);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("That redirect URL is not registered"));
    let sessions_before = app
        .strings("SELECT id AS v FROM connect_sessions")
        .await
        .len();
    let resp = dash
        .post(
            &app,
            link,
            &[
                ("scopes", "ACTIVITY:WRITE,SETTINGS:READ"),
                ("redirect_url", PARTNER_REDIRECT),
            ],
        )
        .await;
    assert_eq!(resp.status(), 200);
    let html = resp.text().await.unwrap();
    let url = html
        .split(r#"id="connect-url" value=""#)
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("a connect link in {html}"))
        .to_owned();
    assert!(url.starts_with(&app.url("/connect/")), "{url}");
    assert!(
        html.contains("scopes ACTIVITY:WRITE, SETTINGS:READ"),
        "{html}"
    );
    assert_eq!(
        app.strings("SELECT id AS v FROM connect_sessions")
            .await
            .len(),
        sessions_before + 1
    );
    // Completing it connects the user again with the new scopes.
    let (browser, authorize) = open_consent(&url).await;
    let callback = answer_consent(&browser, &authorize, Answer::Approve("i555003")).await;
    let back = browser.get(callback).send().await.unwrap();
    assert_eq!(back.status(), 303);
    assert!(location(&back).starts_with(PARTNER_REDIRECT));
    let user: Value = app
        .get(&key, "/v1/users/alice-1")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(user["scopes"], json!(["ACTIVITY:WRITE", "SETTINGS:READ"]));

    // Disconnect: first a page that asks (nothing changed), then the confirmed form.
    let resp = dash
        .post(&app, "/dashboard/users/alice-1/disconnect", &[])
        .await;
    assert_eq!(resp.status(), 200);
    let html = resp.text().await.unwrap();
    assert!(
        html.contains(r#"id="confirm-disconnect""#) && html.contains(r#"id="revokes""#),
        "{html}"
    );
    assert_eq!(app.get(&key, "/v1/users/alice-1").await.status(), 200);
    // Another tenant's user cannot be disconnected from here.
    let resp = dash
        .post(
            &app,
            "/dashboard/users/carol-b/disconnect",
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(resp.status(), 404);
    assert_eq!(app.get(&b.api_key, "/v1/users/carol-b").await.status(), 200);
    // Without the session's CSRF token, refused and nothing changed.
    let resp = form_post(
        &dash.client,
        &app.url("/dashboard/users/alice-1/disconnect"),
    )
    .form(&[("csrf", "forged"), ("confirm", "yes")])
    .send()
    .await
    .unwrap();
    assert_eq!(resp.status(), 403);
    assert_eq!(app.get(&key, "/v1/users/alice-1").await.status(), 200);
    let resp = dash
        .post(
            &app,
            "/dashboard/users/alice-1/disconnect",
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/dashboard/users?notice=disconnected");
    assert_eq!(app.get(&key, "/v1/users/alice-1").await.status(), 404);
    let revoked = app.sandbox_tokens().await;
    assert!(
        revoked
            .iter()
            .any(|t| t["athlete_id"] == "i555003" && t["status"] == "revoked"),
        "{revoked:?}"
    );
    let (_, html) = dash.get(&app, &location(&resp)).await;
    assert!(html.contains("The user was disconnected"), "{html}");
    assert!(html.contains("id=\"no-users\""), "{html}");
    let (status, _) = dash.get(&app, "/dashboard/users/alice-1").await;
    assert_eq!(status, 404);
}

#[actix_web::test]
async fn a_deliverys_page_shows_the_payload_and_the_webhook_id_the_receiver_logged() {
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let (ra, rb) = (Receiver::start().await, Receiver::start().await);
    app.set_webhook(&app.tenant.id, &ra.url).await;
    app.set_webhook(&b.id, &rb.url).await;
    connect_ok(&app, &key, "alice-1", ATHLETE).await;
    connect_ok(&app, &b.api_key, "carol-b", ATHLETE).await;
    eventually(10, "both deliveries", || async {
        ra.received().len() == 1 && rb.received().len() == 1
    })
    .await;
    eventually(10, "recorded as succeeded", || async {
        deliveries(&app, &key).await[0]["status"] == "succeeded"
    })
    .await;
    let id = deliveries(&app, &key).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let b_id = deliveries(&app, &b.api_key).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let got = ra.received()[0].clone();
    let webhook_id = got.header("webhook-id").unwrap().to_owned();

    let dash = sign_in(&app, &key).await;
    // The list shows the webhook-id and links to the page.
    let (_, html) = dash.get(&app, "/dashboard/deliveries").await;
    assert!(html.contains(&webhook_id), "{html}");
    assert!(
        html.contains(&format!(r#"href="/dashboard/deliveries/{id}""#)),
        "{html}"
    );
    let (status, html) = dash.get(&app, &format!("/dashboard/deliveries/{id}")).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains(&format!(r#"id="webhook-id">{webhook_id}</code>"#)),
        "{html}"
    );
    // The payload shown is the body the endpoint received (HTML-escaped).
    let shown = html
        .split(r#"tabindex="0">"#)
        .nth(1)
        .and_then(|r| r.split("</pre>").next())
        .unwrap_or_else(|| panic!("a payload in {html}"));
    let unescaped = shown
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#x22;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    let payload: Value =
        serde_json::from_str(&unescaped).unwrap_or_else(|e| panic!("{e}: {unescaped}"));
    assert_eq!(payload, got.json());
    assert_eq!(payload["type"], "connection.created");
    assert_eq!(payload["data"]["user_id"], "alice-1");
    assert!(
        html.contains(r#"<span class="code ok">200</span>"#),
        "{html}"
    );
    // Another tenant's delivery is a 404 that shows nothing of it.
    let (status, html) = dash
        .get(&app, &format!("/dashboard/deliveries/{b_id}"))
        .await;
    assert_eq!(status, 404);
    assert!(!html.contains("carol-b"), "{html}");
    // Resending from the page comes back to it, and the receiver logs the same webhook-id.
    let resp = dash
        .post(
            &app,
            &format!("/dashboard/deliveries/{id}/resend"),
            &[("from", "delivery")],
        )
        .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(
        location(&resp),
        format!("/dashboard/deliveries/{id}?notice=resent")
    );
    eventually(10, "the resend", || async { ra.received().len() == 2 }).await;
    assert_eq!(
        ra.received()[1].header("webhook-id"),
        Some(webhook_id.as_str())
    );
    let (_, html) = dash.get(&app, &location(&resp)).await;
    assert!(html.contains("queued to be sent again"), "{html}");
}

#[actix_web::test]
async fn a_users_page_and_a_deliverys_page_work_on_a_phone() {
    use crate::browser::{chromedriver, start_browser};
    use fantoccini::Locator;

    let Some(driver_path) = chromedriver() else {
        return;
    };
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let r = Receiver::start().await;
    app.set_webhook(&app.tenant.id, &r.url).await;
    connect_ok(&app, &key, "phone-user", ATHLETE).await;
    eventually(10, "the delivery", || async {
        deliveries(&app, &key).await[0]["status"] == "succeeded"
    })
    .await;
    let id = deliveries(&app, &key).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let webhook_id = r.received()[0].header("webhook-id").unwrap().to_owned();

    let (_driver, c) = start_browser(&driver_path).await;
    let result = async {
        c.goto(&app.url("/dashboard")).await?;
        c.find(Locator::Id("api_key"))
            .await?
            .send_keys(&format!("{key}\u{E007}"))
            .await?;
        c.wait().for_element(Locator::Id("users")).await?;
        c.find(Locator::Css("a.user-link")).await?.click().await?;
        let caption = c.wait().for_element(Locator::Id("budget-caption")).await?;
        assert!(caption.text().await?.contains("Upstream calls today"));
        fits(&c, "user").await?;
        c.find(Locator::Id("make-link")).await?.click().await?;
        let link = c
            .wait()
            .for_element(Locator::Id("connect-url"))
            .await?
            .prop("value")
            .await?
            .unwrap_or_default();
        assert!(link.contains("/connect/"), "{link}");
        c.execute(
            "document.getElementById('link-box').scrollIntoView()",
            vec![],
        )
        .await?;
        fits(&c, "user-link").await?;
        c.execute(
            "document.getElementById('disconnect').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await?;
        c.find(Locator::Id("disconnect")).await?.click().await?;
        c.wait()
            .for_element(Locator::Id("confirm-disconnect"))
            .await?;
        fits(&c, "disconnect-confirm").await?;
        // Cancel changes nothing.
        c.find(Locator::Id("cancel")).await?.click().await?;
        c.wait().for_element(Locator::Id("budget-chart")).await?;

        c.goto(&app.url(&format!("/dashboard/deliveries/{id}")))
            .await?;
        let shown = c.wait().for_element(Locator::Id("webhook-id")).await?;
        assert_eq!(shown.text().await?, webhook_id);
        let payload = c.find(Locator::Id("payload")).await?.text().await?;
        assert!(payload.contains("\"phone-user\""), "{payload}");
        fits(&c, "delivery").await?;

        // Disconnect, confirmed.
        c.goto(&app.url("/dashboard/users/phone-user")).await?;
        c.wait()
            .for_element(Locator::Id("disconnect"))
            .await?
            .click()
            .await?;
        c.wait()
            .for_element(Locator::Id("confirm-disconnect"))
            .await?
            .click()
            .await?;
        let notice = c.wait().for_element(Locator::Id("notice")).await?;
        assert!(notice.text().await?.contains("disconnected"));
        Ok::<_, fantoccini::error::CmdError>(())
    }
    .await;
    let _ = c.close().await;
    result.expect("browser flow");
    assert_eq!(app.get(&key, "/v1/users/phone-user").await.status(), 404);
}
