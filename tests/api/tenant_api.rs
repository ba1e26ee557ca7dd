//! The tenant API: a tenant reads and changes only its own settings (CLI rules, field errors,
//! nothing changed on a refusal) and rotates its API key and signing secret with a 24-hour
//! overlap.

use serde_json::{json, Value};

use crate::common::receiver::Receiver;
use crate::common::*;

async fn patch(app: &TestApp, key: &str, body: Value) -> reqwest::Response {
    app.api
        .patch(app.url("/v1/tenant"))
        .bearer_auth(key)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn post(app: &TestApp, key: &str, path: &str) -> reqwest::Response {
    app.api
        .post(app.url(path))
        .bearer_auth(key)
        .send()
        .await
        .unwrap()
}

async fn me(app: &TestApp, key: &str) -> Value {
    let resp = app.get(key, "/v1/tenant").await;
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

#[actix_web::test]
async fn a_tenant_reads_and_changes_only_its_own_settings() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let a_key = app.tenant.api_key.clone();
    let a = me(&app, &a_key).await;
    assert_eq!(a["id"], app.tenant.id);
    assert!(a_key.starts_with(a["api_key_prefix"].as_str().unwrap()));
    let b_before = me(&app, &b.api_key).await;
    assert_eq!(b_before["id"], b.id);
    assert_eq!(b_before["name"], "Partner B");

    let resp = patch(
        &app,
        &a_key,
        json!({"name": "Acme Coaching", "webhook_url": "https://acme.example/hooks",
               "redirect_urls": ["https://acme.example/done", "https://acme.example/other"],
               "activity_url_template": "https://acme.example/rides/{external_id}"}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let a: Value = resp.json().await.unwrap();
    assert_eq!(a["name"], "Acme Coaching");
    assert_eq!(a["webhook_url"], "https://acme.example/hooks");
    assert_eq!(a["redirect_urls"].as_array().unwrap().len(), 2);
    assert_eq!(me(&app, &a_key).await, a, "stored as answered");
    // B is untouched.
    assert_eq!(me(&app, &b.api_key).await, b_before);

    // Clearing with null; absent fields stay.
    let resp = patch(&app, &a_key, json!({"activity_url_template": null})).await;
    let a: Value = resp.json().await.unwrap();
    assert_eq!(a["activity_url_template"], Value::Null);
    assert_eq!(a["name"], "Acme Coaching");

    // Refusals name the field and change nothing.
    let before = me(&app, &a_key).await;
    for (body, field) in [
        (
            json!({"webhook_url": "ftp://acme.example/hooks"}),
            "webhook_url",
        ),
        (json!({"webhook_url": "not a url"}), "webhook_url"),
        (
            json!({"webhook_url": "https://acme.example/hooks#x"}),
            "webhook_url",
        ),
        (
            json!({"redirect_urls": ["https://acme.example/a", "ftp://acme.example/b"]}),
            "redirect_urls[1]",
        ),
        (
            json!({"redirect_urls": "https://acme.example/a"}),
            "redirect_urls",
        ),
        (
            json!({"activity_url_template": "https://{external_id}.acme.example/"}),
            "activity_url_template",
        ),
        (json!({"name": ""}), "name"),
        (json!({"name": null}), "name"),
        (json!({"id": "someone-else"}), "id"),
        (json!({"api_key_prefix": "x"}), "api_key_prefix"),
        (json!(["name"]), ""),
    ] {
        let resp = patch(&app, &a_key, body.clone()).await;
        assert_eq!(resp.status(), 422, "{body}");
        assert_eq!(resp.headers()["content-type"], "application/problem+json");
        let problem: Value = resp.json().await.unwrap();
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
    }
    assert_eq!(me(&app, &a_key).await, before);
    // No key, a wrong key: 401.
    let resp = app.api.get(app.url("/v1/tenant")).send().await.unwrap();
    assert_eq!(resp.status(), 401);
    assert_eq!(app.get("ibk_not-a-key", "/v1/tenant").await.status(), 401);
}

#[actix_web::test]
async fn a_rotated_api_key_keeps_working_for_the_overlap_only() {
    let app = TestApp::spawn().await;
    let b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let old = app.tenant.api_key.clone();
    let resp = post(&app, &old, "/v1/tenant/api-keys/rotate").await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["cache-control"], "no-store");
    let rotated: Value = resp.json().await.unwrap();
    let new = rotated["api_key"].as_str().unwrap().to_owned();
    assert_ne!(new, old);
    let until =
        chrono::DateTime::parse_from_rfc3339(rotated["previous_valid_until"].as_str().unwrap())
            .unwrap();
    let hours =
        (until.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_minutes() as f64 / 60.0;
    assert!((23.9..=24.0).contains(&hours), "{hours}");
    // Both keys name the same tenant; B's key is untouched.
    for key in [&new, &old] {
        assert_eq!(me(&app, key).await["id"], app.tenant.id);
    }
    assert!(me(&app, &new).await["previous_api_key_valid_until"].is_string());
    assert_eq!(me(&app, &b.api_key).await["id"], b.id);
    // After the overlap the old key is refused; the new one goes on.
    app.exec(format!(
        "UPDATE tenants SET previous_api_key_until = '2000-01-01 00:00:00' WHERE id = '{}'",
        app.tenant.id
    ))
    .await;
    assert_eq!(app.get(&old, "/v1/tenant").await.status(), 401);
    // That write came from outside the bridge: its cached view follows within a moment.
    eventually(2, "the cached tenant updated", || async {
        me(&app, &new).await["previous_api_key_valid_until"] == Value::Null
    })
    .await;
    // A second rotation retires the key rotated out first at once.
    let newer: Value = post(&app, &new, "/v1/tenant/api-keys/rotate")
        .await
        .json()
        .await
        .unwrap();
    let newer = newer["api_key"].as_str().unwrap().to_owned();
    assert_eq!(me(&app, &newer).await["id"], app.tenant.id);
    assert_eq!(me(&app, &new).await["id"], app.tenant.id, "in its overlap");
    assert_eq!(app.get(&old, "/v1/tenant").await.status(), 401);
    // The plaintext key is stored nowhere.
    let dump = app.dump_table("tenants").await;
    assert!(!dump.contains(&newer) && !dump.contains(&new));
}

#[actix_web::test]
async fn a_rotated_signing_secret_signs_alongside_the_new_one() {
    let app = TestApp::spawn().await;
    let r = Receiver::start().await;
    app.set_webhook(&app.tenant.id, &r.url).await;
    let key = app.tenant.api_key.clone();
    let resp = post(&app, &key, "/v1/tenant/webhook-secret/rotate").await;
    assert_eq!(resp.status(), 200);
    let rotated: Value = resp.json().await.unwrap();
    let secret = rotated["webhook_secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("whsec_"));
    assert_ne!(secret, app.tenant.webhook_secret);
    assert!(me(&app, &key).await["previous_webhook_secret_valid_until"].is_string());
    connect_ok(&app, &key, "u", "i317960").await;
    eventually(10, "a delivery", || async { !r.received().is_empty() }).await;
    let got = &r.received()[0];
    assert_eq!(
        got.header("webhook-signature").unwrap().split(' ').count(),
        2
    );
    crate::webhooks::verify(&secret, got);
    crate::webhooks::verify(&app.tenant.webhook_secret, got);
    assert!(!app.dump_table("tenants").await.contains(&secret));
}

/// Names are 1 to 80 characters with no control, format or bidirectional override characters,
/// unique among tenants ignoring case; URLs carry no such characters either; and the CLI never
/// prints what is stored raw to a terminal.
#[actix_web::test]
async fn tenant_names_are_printable_unique_and_printed_escaped() {
    let app = TestApp::spawn().await;
    let _b = app.create_tenant("Partner B", &[PARTNER_REDIRECT]).await;
    let a_key = app.tenant.api_key.clone();
    let before = me(&app, &a_key).await;
    let long = "é".repeat(81);
    for (body, field) in [
        (json!({"name": "partner b"}), "name"),
        (json!({"name": "PARTNER B "}), "name"),
        (json!({"name": "Acme\u{0}"}), "name"),
        (json!({"name": "Acme \u{202E}gnp.exe"}), "name"),
        (json!({"name": "\u{1b}[31mAcme"}), "name"),
        (json!({"name": "Ac\u{200B}me"}), "name"),
        (json!({"name": "Acme\u{2028}Two"}), "name"),
        (json!({"name": long}), "name"),
        (
            json!({"webhook_url": "https://acme.example/\u{1b}[2Jhooks"}),
            "webhook_url",
        ),
        (
            json!({"redirect_urls": ["https://acme.example/\u{202E}done"]}),
            "redirect_urls[0]",
        ),
        (
            json!({"activity_url_template": "https://acme.example/\u{7f}{external_id}"}),
            "activity_url_template",
        ),
    ] {
        let resp = patch(&app, &a_key, body.clone()).await;
        assert_eq!(resp.status(), 422, "{body}");
        let problem: Value = resp.json().await.unwrap();
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
    }
    assert_eq!(me(&app, &a_key).await, before);
    // 80 characters (not bytes) are fine, and so is a tenant's own name in another case.
    let eighty = "é".repeat(80);
    assert_eq!(
        patch(&app, &a_key, json!({"name": eighty})).await.status(),
        200
    );
    assert_eq!(
        patch(&app, &a_key, json!({"name": "PARTNER A"}))
            .await
            .status(),
        200
    );
    assert_eq!(
        patch(&app, &a_key, json!({"name": "Partner A"}))
            .await
            .status(),
        200
    );

    // A name stored before these rules (or by hand) is printed escaped by `tenant list`.
    app.exec(
        "UPDATE tenants SET name = 'Evil \u{1b}[2J\u{202E}name' WHERE name = 'Partner A'".into(),
    )
    .await;
    for json in [false, true] {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_intervals-bridge"));
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("RUST_LOG", "warn")
            .env("BRIDGE_DATABASE_URL", &app.db.url)
            .env("BRIDGE_ENCRYPTION_KEYS", &app.keys_spec)
            .current_dir(std::env::temp_dir())
            .args(["tenant", "list"]);
        if json {
            cmd.arg("--json");
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202E}'),
            "{text:?}"
        );
        assert!(text.contains("Evil "), "{text}");
        if json {
            let list: Value = serde_json::from_str(&text).expect(&text);
            let names: Vec<&str> = list
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["name"].as_str().unwrap())
                .collect();
            assert!(names.contains(&"Evil \u{1b}[2J\u{202E}name"), "{names:?}");
        } else {
            assert!(text.contains(r"Evil \u{1b}[2J\u{202e}name"), "{text}");
        }
    }
}
