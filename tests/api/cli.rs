//! The binary as operators use it: tenant commands and the URLs they accept, configuration
//! errors, proxies in the environment, and the README's `serve --sandbox` first run, driven end
//! to end.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;
use intervals_bridge::support::crypto::Keyring;
use serde_json::Value;

/// Kills the server even when an assertion fails first.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

const BIN: &str = env!("CARGO_BIN_EXE_intervals-bridge");

/// A command on the test database, with nothing inherited that could change its behaviour.
fn bridge(db: &TestDb, keys: &str) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "warn")
        .env("BRIDGE_DATABASE_URL", &db.url)
        .env("BRIDGE_ENCRYPTION_KEYS", keys)
        .current_dir(std::env::temp_dir());
    cmd
}

fn run_ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn tenant_commands() {
    let db = TestDb::new();
    let keys = Keyring::generate_spec("k1");
    let created: Value = serde_json::from_str(&run_ok(bridge(&db, &keys).args([
        "tenant",
        "create",
        "--name",
        "Acme",
        "--redirect-url",
        "https://acme.example/cb",
        "--webhook-url",
        "https://acme.example/hooks",
        "--json",
    ])))
    .unwrap();
    let id = created["id"].as_str().unwrap().to_owned();
    let key = created["api_key"].as_str().unwrap().to_owned();
    assert!(key.starts_with("ibk_"));
    assert!(created["webhook_secret"]
        .as_str()
        .unwrap()
        .starts_with("whsec_"));

    let list = run_ok(bridge(&db, &keys).args(["tenant", "list", "--json"]));
    let tenants: Value = serde_json::from_str(&list).unwrap();
    assert_eq!(tenants[0]["name"], "Acme");
    assert_eq!(tenants[0]["redirect_urls"][0], "https://acme.example/cb");
    assert!(!list.contains(&key), "secrets are never listed");

    let updated = run_ok(bridge(&db, &keys).args([
        "tenant",
        "update",
        &id,
        "--activity-url-template",
        "https://acme.example/rides/{external_id}",
    ]));
    assert!(updated.contains("rides/{external_id}"));

    let rotated = run_ok(bridge(&db, &keys).args(["tenant", "rotate-key", &id]));
    assert!(rotated.contains("ibk_") && !rotated.contains(&key));

    // Bad input: one clear line, non-zero exit, nothing changed.
    for args in [
        vec!["tenant", "update", &id, "--webhook-url", "not a url"],
        vec![
            "tenant",
            "update",
            &id,
            "--activity-url-template",
            "https://acme.example/rides",
        ],
        vec!["tenant", "rotate-key", "no-such-tenant"],
    ] {
        let out = bridge(&db, &keys).args(&args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("error: "), "{err}");
    }
}

/// Refused with one line that names the option and says why; nothing is written.
fn refused(cmd: &mut Command, option: &str, why: &str) {
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{cmd:?} is refused");
    assert!(err.starts_with(&format!("error: {option} ")), "{err}");
    assert!(err.contains(why), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn tenant_urls_are_https_and_templates_keep_their_host() {
    let db = TestDb::new();
    let keys = Keyring::generate_spec("k1");
    let create = |extra: &[&str]| {
        let mut cmd = bridge(&db, &keys);
        cmd.args(["tenant", "create", "--name", "Acme", "--json"])
            .args(extra);
        cmd
    };
    let https = "must be https (plain http only with BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS=true";
    for (option, value, why) in [
        ("--webhook-url", "http://acme.example/hooks", https),
        ("--redirect-url", "http://acme.example/cb", https),
        (
            "--activity-url-template",
            "http://acme.example/r/{external_id}",
            https,
        ),
        (
            "--webhook-url",
            "https://127.0.0.1/hooks",
            "not a public address",
        ),
        (
            "--webhook-url",
            "https://[64:ff9b::a00:1]/hooks",
            "not a public address",
        ),
        (
            "--webhook-url",
            "https://localhost/hooks",
            "not a public host",
        ),
    ] {
        refused(&mut create(&[option, value]), option, why);
    }
    let bad_templates = [
        "https://{external_id}",
        "https://x.example{external_id}",
        "https://{external_id}.x.example/",
        "https://{external_id}@x.example/rides",
        "https://x.example:{external_id}/rides",
    ];
    for t in bad_templates {
        refused(
            &mut create(&["--activity-url-template", t]),
            "--activity-url-template",
            "only in its path or query",
        );
    }
    let list = || -> Value {
        serde_json::from_str(&run_ok(
            bridge(&db, &keys).args(["tenant", "list", "--json"]),
        ))
        .unwrap()
    };
    assert_eq!(list(), serde_json::json!([]), "nothing was created");

    // Development: plain http and local addresses, when the operator says so.
    let dev: Value = serde_json::from_str(&run_ok(
        create(&[
            "--webhook-url",
            "http://127.0.0.1:9/hooks",
            "--redirect-url",
            "http://localhost:3000/cb",
            "--activity-url-template",
            "http://localhost:3000/rides/{external_id}",
        ])
        .env("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "true"),
    ))
    .unwrap();
    let id = dev["id"].as_str().unwrap().to_owned();
    // Even then, the template's host is fixed.
    for t in bad_templates {
        refused(
            bridge(&db, &keys)
                .env("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "true")
                .args(["tenant", "update", &id, "--activity-url-template", t]),
            "--activity-url-template",
            "only in its path or query",
        );
    }
    // Without it, an update to plain http is refused and changes nothing.
    refused(
        bridge(&db, &keys).args([
            "tenant",
            "update",
            &id,
            "--webhook-url",
            "http://127.0.0.2:9/hooks",
        ]),
        "--webhook-url",
        https,
    );
    let tenants = list();
    assert_eq!(tenants[0]["webhook_url"], "http://127.0.0.1:9/hooks");
    assert_eq!(
        tenants[0]["activity_url_template"],
        "http://localhost:3000/rides/{external_id}"
    );
    run_ok(bridge(&db, &keys).args([
        "tenant",
        "update",
        &id,
        "--webhook-url",
        "https://acme.example/hooks",
        "--activity-url-template",
        "https://acme.example/rides/{external_id}?from=intervals",
    ]));
    assert_eq!(list()[0]["webhook_url"], "https://acme.example/hooks");
}

#[test]
fn tenant_event_filters() {
    let db = TestDb::new();
    let keys = Keyring::generate_spec("k1");
    let created: Value = serde_json::from_str(&run_ok(bridge(&db, &keys).args([
        "tenant",
        "create",
        "--name",
        "Acme",
        "--webhook-events",
        "activity.*, connection.revoked",
        "--json",
    ])))
    .unwrap();
    let id = created["id"].as_str().unwrap().to_owned();
    let list = || -> Value {
        serde_json::from_str(&run_ok(
            bridge(&db, &keys).args(["tenant", "list", "--json"]),
        ))
        .unwrap()
    };
    assert_eq!(
        list()[0]["webhook_events"],
        serde_json::json!(["activity.*", "connection.revoked"])
    );
    refused(
        bridge(&db, &keys).args([
            "tenant",
            "update",
            &id,
            "--webhook-events",
            "activity.*,activity.uplaoded",
        ]),
        "--webhook-events",
        "'activity.uplaoded' is not a known event type",
    );
    refused(
        bridge(&db, &keys).args([
            "tenant",
            "create",
            "--name",
            "Other",
            "--webhook-events",
            "bikes.*",
        ]),
        "--webhook-events",
        "'bikes.*' matches no known event type",
    );
    let tenants = list();
    assert_eq!(tenants.as_array().unwrap().len(), 1, "nothing created");
    assert_eq!(
        tenants[0]["webhook_events"],
        serde_json::json!(["activity.*", "connection.revoked"]),
        "nothing changed"
    );
    // An empty value clears the filter: every type again.
    run_ok(bridge(&db, &keys).args(["tenant", "update", &id, "--webhook-events", ""]));
    assert_eq!(list()[0]["webhook_events"], serde_json::json!([]));
}

/// `HTTPS_PROXY`, `HTTP_PROXY` and `ALL_PROXY` in the bridge's environment do not reroute tenant
/// webhooks: a proxy would connect on the bridge's behalf, past the address check.
#[actix_web::test]
async fn webhook_deliveries_ignore_the_environment_proxy() {
    use crate::common::receiver::Receiver;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    // A "proxy" that counts the connections it gets and closes them.
    let proxy = actix_web::rt::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap();
    let proxy_url = format!("http://{}", proxy.local_addr().unwrap());
    let proxied = Arc::new(AtomicUsize::new(0));
    let counter = proxied.clone();
    actix_web::rt::spawn(async move {
        while let Ok((socket, _)) = proxy.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            drop(socket);
        }
    });
    let receiver = Receiver::start().await;
    // The trap works: a client that does use the proxy lands there, not at the receiver.
    let through = reqwest::Client::builder()
        .proxy(reqwest::Proxy::all(&proxy_url).unwrap())
        .build()
        .unwrap();
    assert!(through.post(&receiver.url).send().await.is_err());
    assert_eq!(proxied.load(Ordering::SeqCst), 1);
    assert!(receiver.received().is_empty());
    proxied.store(0, Ordering::SeqCst);

    let db = TestDb::new();
    let keys = Keyring::generate_spec("k1");
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let deployment = || {
        let mut cmd = bridge(&db, &keys);
        cmd.env("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "true")
            .env("BRIDGE_LISTEN", format!("127.0.0.1:{port}"))
            .env("BRIDGE_PUBLIC_URL", &base)
            .env("BRIDGE_JOB_POLL_MS", "50")
            .env("INTERVALS_CLIENT_ID", "x")
            .env("INTERVALS_CLIENT_SECRET", "y")
            .env("INTERVALS_WEBHOOK_SECRET", "z");
        for var in ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"] {
            cmd.env(var, &proxy_url)
                .env(var.to_ascii_lowercase(), &proxy_url);
        }
        cmd
    };
    let created: Value = serde_json::from_str(&run_ok(deployment().args([
        "tenant",
        "create",
        "--name",
        "Proxied",
        "--webhook-url",
        &receiver.url,
        "--json",
    ])))
    .unwrap();
    let _server = KillOnDrop(
        deployment()
            .arg("serve")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let started = Instant::now();
    while http_client()
        .get(format!("{base}/readyz"))
        .send()
        .await
        .is_err()
    {
        assert!(started.elapsed() < Duration::from_secs(30), "serve started");
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }

    // An event for the tenant, recorded as the bridge records them: the running instance's
    // worker delivers it.
    let pool = intervals_bridge::db::connect(&db.url).unwrap();
    let tenant_id = created["id"].as_str().unwrap().to_owned().into();
    intervals_bridge::db::write_tx(&mut pool.get().unwrap(), |c| {
        intervals_bridge::domain::webhooks::outbox::record_event(
            c,
            intervals_bridge::domain::webhooks::outbox::Recipient {
                tenant_id: &tenant_id,
                user_id: &"proxied-user".to_owned().into(),
                athlete_id: &"i1".into(),
            },
            intervals_bridge::domain::webhooks::outbox::EventType::ConnectionCreated,
            serde_json::json!({"user_id": "proxied-user", "athlete_id": "i1"}),
        )
    })
    .unwrap();
    eventually(30, "a delivery attempt", || async {
        !receiver.received().is_empty() || proxied.load(Ordering::SeqCst) > 0
    })
    .await;
    assert_eq!(
        proxied.load(Ordering::SeqCst),
        0,
        "nothing went through the proxy"
    );
    assert_eq!(receiver.of_type("connection.created").len(), 1);
}

#[test]
fn configuration_errors_name_the_variable() {
    let db = TestDb::new();
    for (var, value) in [
        ("BRIDGE_LISTEN", "not-an-address"),
        ("BRIDGE_ENCRYPTION_KEYS", "k1:tooshort"),
        ("BRIDGE_WELLNESS_PUSH_AT", "3am"),
        ("INTERVALS_BASE_URL", "intervals"),
        ("BRIDGE_RETENTION_DAYS", "a month"),
    ] {
        let out = bridge(&db, &Keyring::generate_spec("k1"))
            .env("INTERVALS_CLIENT_ID", "x")
            .env("INTERVALS_CLIENT_SECRET", "y")
            .env("INTERVALS_WEBHOOK_SECRET", "z")
            .env(var, value)
            .arg("serve")
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(var), "{var}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    let out = bridge(&db, &Keyring::generate_spec("k1"))
        .arg("serve")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("INTERVALS_CLIENT_ID"));
}

/// `cargo run -- serve --sandbox` from an empty directory: SQLite and a generated key appear, the
/// printed connect link completes, and the printed API key lists the connected user.
#[actix_web::test]
async fn serve_sandbox_prints_a_working_connect_link() {
    let dir = tempfile::tempdir().unwrap();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let mut child = KillOnDrop(
        Command::new(BIN)
            .args(["serve", "--sandbox"])
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("BRIDGE_LISTEN", format!("127.0.0.1:{port}"))
            .env("BRIDGE_PUBLIC_URL", &base)
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stdout = child.0.stdout.take().unwrap();
    let started = Instant::now();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let (mut key, mut link, mut secret, mut controls) = (None, None, None, None);
    while key.is_none() || link.is_none() || secret.is_none() || controls.is_none() {
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("serve --sandbox prints its welcome");
        if let Some(k) = line.trim().strip_prefix("Demo tenant API key: ") {
            key = Some(k.to_owned());
        }
        if let Some(s) = line
            .trim()
            .strip_prefix("Demo tenant webhook signing secret: ")
        {
            secret = Some(s.to_owned());
        }
        if let Some((_, url)) = line.trim().split_once("Sandbox controls") {
            controls = url.rsplit(' ').next().map(str::to_owned);
        }
        if line.trim().starts_with(&format!("{base}/connect/")) {
            link = Some(line.trim().to_owned());
        }
    }
    let (key, link, secret, controls) = (
        key.unwrap(),
        link.unwrap(),
        secret.unwrap(),
        controls.unwrap(),
    );
    eprintln!(
        "serve --sandbox printed its link after {} ms",
        started.elapsed().as_millis()
    );

    // The flow through the in-process sandbox, mounted under /sandbox.
    {
        let (browser, authorize) = open_consent(&link).await;
        assert!(
            authorize.starts_with(&format!("{base}/sandbox/oauth/authorize?")),
            "{authorize}"
        );
        let callback = answer_consent(&browser, &authorize, Answer::Approve("i317960")).await;
        let done = browser.get(&callback).send().await.unwrap();
        assert_eq!(done.status(), 200);
        let users: Value = http_client()
            .get(format!("{base}/v1/users"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(users["data"][0]["user_id"], "demo-user");
        assert_eq!(users["data"][0]["athlete_id"], "i317960");

        // The printed secret is the one the demo tenant's webhooks are signed with.
        let receiver = crate::common::receiver::Receiver::start().await;
        let set = http_client()
            .patch(format!("{base}/v1/tenant"))
            .bearer_auth(&key)
            .json(&serde_json::json!({"webhook_url": receiver.url}))
            .send()
            .await
            .unwrap();
        assert_eq!(set.status(), 200, "{}", set.text().await.unwrap());
        let sent = http_client()
            .post(format!("{base}/v1/webhook-test"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), 202);
        crate::common::eventually(10, "the test event", || async {
            !receiver.received().is_empty()
        })
        .await;
        crate::webhooks::verify(&secret, &receiver.received()[0]);

        // The printed controls' index lists them, and `/_sandbox/` leads there too.
        assert_eq!(controls, format!("{base}/sandbox/_sandbox/"));
        let index: Value = http_client()
            .get(&controls)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let paths: Vec<String> = index["controls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                format!(
                    "{} {}",
                    c["method"].as_str().unwrap(),
                    c["path"].as_str().unwrap()
                )
            })
            .collect();
        for wanted in [
            "POST /sandbox/_sandbox/tokens/revoke",
            "POST /sandbox/_sandbox/webhooks/trigger",
            "POST /sandbox/_sandbox/faults",
        ] {
            assert!(paths.iter().any(|p| p == wanted), "{wanted} in {paths:?}");
        }
        let short = http_client()
            .get(format!("{base}/_sandbox/"))
            .send()
            .await
            .unwrap();
        assert_eq!(short.status(), 307);
        assert_eq!(location(&short), "/sandbox/_sandbox/");
    }
    let _ = child.0.kill();
    let mut logs = String::new();
    use std::io::Read;
    child
        .0
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut logs)
        .unwrap();
    // Zero setup: the database and a 0600 key file were created under ./data.
    assert!(dir.path().join("data/bridge.db").exists());
    let key_file = dir.path().join("data/encryption.keys");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(logs.contains("generated an encryption key"), "{logs}");
    // No secret in any log line: API key, connect link token, OAuth code or state.
    assert!(
        logs.contains("GET /connect/[redacted]"),
        "requests are logged: {logs}"
    );
    assert!(!logs.contains(&key));
    let link_token = link.rsplit('/').next().unwrap();
    assert!(!logs.contains(link_token));
    assert!(
        !logs.contains("code=") && !logs.contains("state="),
        "{logs}"
    );
    let key_spec = std::fs::read_to_string(key_file).unwrap();
    assert!(!logs.contains(key_spec.split(':').nth(1).unwrap()));
}

/// `serve --sandbox` never starts with a real Intervals.icu app's settings in its environment,
/// nor on a reachable address unless `--sandbox-public` says so; each refusal is one line
/// naming what to change.
#[test]
fn the_sandbox_refuses_production_settings_and_public_addresses() {
    let db = TestDb::new();
    let keys = Keyring::generate_spec("k1");
    let free = || {
        TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    };
    for (var, value) in [
        ("INTERVALS_CLIENT_ID", "real-app".to_owned()),
        ("INTERVALS_CLIENT_SECRET", "real-secret".to_owned()),
        ("INTERVALS_WEBHOOK_SECRET", "real-webhook-secret".to_owned()),
        ("INTERVALS_BASE_URL", "https://intervals.icu".to_owned()),
        ("BRIDGE_LISTEN", format!("0.0.0.0:{}", free())),
    ] {
        let out = bridge(&db, &keys)
            .env(var, &value)
            .args(["serve", "--sandbox"])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{var} started");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(var), "{var}: {err}");
        assert!(!err.contains("real-secret") && !err.contains("real-webhook-secret"));
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    // Asked for, it listens on every address.
    let port = free();
    let mut child = bridge(&db, &keys)
        .env("BRIDGE_LISTEN", format!("0.0.0.0:{port}"))
        .env("BRIDGE_PUBLIC_URL", format!("http://127.0.0.1:{port}"))
        .args(["serve", "--sandbox", "--sandbox-public"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let ready = loop {
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            use std::io::{Read, Write};
            let _ = s.write_all(b"GET /healthz HTTP/1.0\r\n\r\n");
            let mut answer = String::new();
            let _ = s.read_to_string(&mut answer);
            if answer.starts_with("HTTP/1.0 200") || answer.starts_with("HTTP/1.1 200") {
                break true;
            }
        }
        if Instant::now() > deadline {
            break false;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let _ = child.kill();
    let _ = child.wait();
    assert!(ready, "serve --sandbox --sandbox-public did not start");
    // `--sandbox-public` alone means nothing.
    let out = bridge(&db, &keys)
        .args(["serve", "--sandbox-public"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

/// Every encrypted column's key id (tokens, webhook secrets, previous webhook secrets) and
/// ciphertext, read straight from the database.
fn sealed(db: &TestDb) -> Vec<(String, String)> {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        k: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        c: String,
    }
    let pool = intervals_bridge::db::connect(&db.url).unwrap();
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT key_id AS k, access_token_enc AS c FROM tokens \
         UNION ALL SELECT webhook_secret_key_id AS k, webhook_secret_enc AS c FROM tenants \
         UNION ALL SELECT previous_webhook_secret_key_id AS k, previous_webhook_secret_enc AS c \
           FROM tenants WHERE previous_webhook_secret_enc IS NOT NULL",
    )
    .load(&mut *pool.get().unwrap())
    .unwrap();
    let mut out: Vec<(String, String)> = rows.into_iter().map(|r| (r.k, r.c)).collect();
    out.sort();
    out
}

/// `reencrypt` after a rotation: data written under `k1`, re-encrypted with `k2,k1`, then served
/// with `k2` alone: the token still works upstream and both webhook secrets (current and, during
/// the rotation's grace period, previous) still sign.
#[actix_web::test]
async fn reencrypt_moves_every_secret_to_the_current_key() {
    use crate::common::receiver::Receiver;
    use std::sync::Arc;

    let (sandbox, sandbox_url, _sandbox_server) = start_sandbox().await;
    let db = Arc::new(TestDb::new());
    let (k1, k2) = (Keyring::generate_spec("k1"), Keyring::generate_spec("k2"));
    let receiver = Receiver::start().await;
    let mut first = TestApp::spawn_with(Options {
        keys_spec: Some(k1.clone()),
        db: Some(db.clone()),
        sandbox: Some((sandbox.clone(), sandbox_url.clone())),
        ..Default::default()
    })
    .await;
    let (tenant_id, api_key) = (first.tenant.id.clone(), first.tenant.api_key.clone());
    first.set_webhook(&tenant_id, &receiver.url).await;
    connect_ok(&first, &api_key, "rider", "i317960").await;
    let previous = first.tenant.webhook_secret.clone();
    let current = {
        let (state, id) = (first.state.clone(), tenant_id.clone());
        actix_web::web::block(move || {
            intervals_bridge::domain::tenants::rotate_webhook_secret(
                &mut state.pool.get().unwrap(),
                &state.keys,
                &intervals_bridge::db::types::TenantId::new(id.clone()),
            )
            .unwrap()
        })
        .await
        .unwrap()
    };
    first.stop().await;
    drop(first);
    let before = sealed(&db);
    assert_eq!(
        before.len(),
        3,
        "a token, a webhook secret and the previous one"
    );
    assert!(before.iter().all(|(k, _)| k == "k1"), "{before:?}");

    let both = format!("{k2},{k1}");
    let out = run_ok(bridge(&db, &both).arg("reencrypt"));
    assert!(out.contains("current key: k2"), "{out}");
    for line in [
        "access tokens: 1 re-encrypted, 0 already",
        "webhook secrets: 1 re-encrypted, 0 already",
        "previous webhook secrets: 1 re-encrypted, 0 already",
    ] {
        assert!(out.contains(line), "{out}");
    }
    let after = sealed(&db);
    assert!(after.iter().all(|(k, _)| k == "k2"), "{after:?}");
    assert!(after.iter().all(|row| !before.contains(row)));
    // Idempotent: a second run (or one with k2 alone) rewrites nothing.
    for keys in [both.as_str(), k2.as_str()] {
        let again = run_ok(bridge(&db, keys).arg("reencrypt"));
        assert!(
            again.contains("access tokens: 0 re-encrypted, 1 already"),
            "{again}"
        );
        assert_eq!(sealed(&db), after);
    }
    // A key that is missing is named, on one line, and nothing changes.
    let out = bridge(&db, &k1).arg("reencrypt").output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("k2") && err.contains("BRIDGE_ENCRYPTION_KEYS"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert_eq!(sealed(&db), after);

    // Served with k2 alone.
    let app = TestApp::spawn_with(Options {
        keys_spec: Some(k2.clone()),
        db: Some(db.clone()),
        sandbox: Some((sandbox.clone(), sandbox_url.clone())),
        ..Default::default()
    })
    .await;
    let listed = app.get(&api_key, "/v1/users/rider/activities").await;
    assert_eq!(
        listed.status(),
        200,
        "the token decrypts and Intervals.icu takes it: {}",
        listed.text().await.unwrap()
    );
    connect_ok(&app, &api_key, "rider-2", "2049151").await;
    let mut got = Vec::new();
    eventually(10, "the delivery", || {
        got = receiver
            .of_type("connection.created")
            .into_iter()
            .filter(|r| r.json()["data"]["user_id"] == "rider-2")
            .collect();
        std::future::ready(!got.is_empty())
    })
    .await;
    let mut headers = http::HeaderMap::new();
    for name in ["webhook-id", "webhook-timestamp", "webhook-signature"] {
        headers.insert(name, got[0].header(name).unwrap().parse().unwrap());
    }
    for secret in [&current, &previous] {
        standardwebhooks::Webhook::new(secret)
            .unwrap()
            .verify(&got[0].body, &headers)
            .expect("the re-encrypted secret signs");
    }
}
