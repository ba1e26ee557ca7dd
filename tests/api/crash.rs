//! A `kill -9` of the real binary in the middle of a wellness push loses nothing: after a restart
//! every acknowledged record reaches Intervals.icu.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;
use intervals_bridge::support::crypto::Keyring;
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_intervals-bridge");

struct Proc(Child);
impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

struct Deployment {
    env: Vec<(&'static str, String)>,
    base: String,
}

impl Deployment {
    fn command(&self) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .envs(self.env.iter().map(|(k, v)| (*k, v.as_str())))
            .current_dir(std::env::temp_dir());
        cmd
    }

    async fn start(&self) -> Proc {
        let child = self
            .command()
            .arg("serve")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let p = Proc(child);
        let start = Instant::now();
        while http_client()
            .get(format!("{}/readyz", self.base))
            .send()
            .await
            .is_err()
        {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "serve did not start"
            );
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        }
        p
    }
}

async fn pending_count(base: &str, key: &str, user: &str) -> usize {
    let v: Value = http_client()
        .get(format!("{base}/v1/users/{user}/wellness/pending"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["data"].as_array().unwrap().len()
}

fn deployment(db: &TestDb, sandbox_url: &str, extra: Vec<(&'static str, String)>) -> Deployment {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let mut env = vec![
        ("BRIDGE_DATABASE_URL", db.url.clone()),
        ("BRIDGE_ENCRYPTION_KEYS", Keyring::generate_spec("k1")),
        ("BRIDGE_LISTEN", format!("127.0.0.1:{port}")),
        ("BRIDGE_PUBLIC_URL", base.clone()),
        ("INTERVALS_BASE_URL", sandbox_url.to_owned()),
        ("INTERVALS_CLIENT_ID", CLIENT_ID.into()),
        ("INTERVALS_CLIENT_SECRET", CLIENT_SECRET.into()),
        ("INTERVALS_WEBHOOK_SECRET", "s".into()),
        ("BRIDGE_JOB_LEASE_SECS", "2".into()),
        ("BRIDGE_JOB_POLL_MS", "100".into()),
        ("RUST_LOG", "warn".into()),
    ];
    env.extend(extra);
    Deployment { env, base }
}

/// Creates a tenant with the CLI; returns (id, API key).
fn create_tenant(dep: &Deployment, extra: &[&str]) -> (String, String) {
    let out = dep
        .command()
        .args(["tenant", "create", "--name", "Crash", "--json"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = serde_json::from_slice::<Value>(&out.stdout).unwrap();
    (
        v["id"].as_str().unwrap().to_owned(),
        v["api_key"].as_str().unwrap().to_owned(),
    )
}

async fn connect_users(base: &str, key: &str, athletes: &[&str]) {
    for (i, athlete) in athletes.iter().enumerate() {
        let s: Value = http_client()
            .post(format!("{base}/v1/connect-sessions"))
            .bearer_auth(key)
            .json(&json!({"user_id": format!("c{i}")}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let (browser, authorize) = open_consent(s["connect_url"].as_str().unwrap()).await;
        let callback = answer_consent(&browser, &authorize, Answer::Approve(athlete)).await;
        assert_eq!(browser.get(callback).send().await.unwrap().status(), 200);
    }
}

#[actix_web::test]
async fn kill_9_in_the_middle_of_a_push_loses_nothing() {
    let (_sandbox, sandbox_url, _h) = start_sandbox().await;
    let db = TestDb::new();
    let dep = deployment(&db, &sandbox_url, vec![]);
    let base = dep.base.clone();
    let (_, key) = create_tenant(&dep, &[]);
    let first = dep.start().await;
    let athletes = ["i317960", "2049151", "i555003"];
    connect_users(&base, &key, &athletes).await;
    // Intervals.icu answers slowly, so the pushes are in flight when the instance dies.
    let faults = http_client()
        .post(format!("{sandbox_url}/_sandbox/faults"))
        .json(&json!({"latency_ms": 600, "paths": ["/api/v1/athlete"]}))
        .send()
        .await
        .unwrap();
    assert!(faults.status().is_success());
    for i in 0..3 {
        let records: Vec<Value> = (1..=10).map(|d| json!({"id": format!("2026-08-{d:02}"), "weight": 60 + i, "sleepSecs": 25_000 + d})).collect();
        let r = http_client()
            .put(format!("{base}/v1/users/c{i}/wellness?push=now"))
            .bearer_auth(&key)
            .json(&records)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 202, "acknowledged");
    }
    actix_web::rt::time::sleep(Duration::from_millis(300)).await;
    let mut first = first;
    first.0.kill().unwrap(); // SIGKILL
    first.0.wait().unwrap();

    // Interrupted: records are still pending in the database.
    let pool = intervals_bridge::db::connect(&db.url).unwrap();
    let still: i64 = {
        use diesel::prelude::*;
        use intervals_bridge::db::schema::wellness_records as wr;
        let mut conn = pool.get().unwrap();
        wr::table
            .filter(wr::pushed_version.lt(wr::version))
            .count()
            .get_result(&mut conn)
            .unwrap()
    };
    assert!(still > 0, "the kill happened before the push finished");

    http_client()
        .delete(format!("{sandbox_url}/_sandbox/faults"))
        .send()
        .await
        .unwrap();
    let _second = dep.start().await;
    let start = Instant::now();
    for i in 0..3 {
        while pending_count(&base, &key, &format!("c{i}")).await > 0 {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "pushes resumed after the restart"
            );
            actix_web::rt::time::sleep(Duration::from_millis(100)).await;
        }
    }
    for (i, athlete) in athletes.iter().enumerate() {
        let stored: Value = http_client()
            .get(format!("{sandbox_url}/_sandbox/wellness/{athlete}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let days = stored.as_array().unwrap();
        assert_eq!(days.len(), 10, "{athlete}: every acknowledged day arrived");
        assert!(
            days.iter()
                .all(|d| d["weight"].as_f64() == Some(60.0 + i as f64)),
            "{days:?}"
        );
    }
}

#[actix_web::test]
async fn kill_9_between_acceptance_and_delivery_still_delivers_after_restart() {
    let (_sandbox, sandbox_url, _h) = start_sandbox().await;
    let db = TestDb::new();
    let dep = deployment(
        &db,
        &sandbox_url,
        vec![
            ("BRIDGE_WEBHOOK_RETRY_SCALE", "0.001".into()),
            ("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "true".into()),
        ],
    );
    let base = dep.base.clone();
    // The partner's endpoint is down until after the crash.
    let hook_port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let hook_url = format!("http://127.0.0.1:{hook_port}/hooks");
    let (_, key) = create_tenant(&dep, &["--webhook-url", &hook_url]);
    let first = dep.start().await;
    connect_users(&base, &key, &["i317960"]).await;
    let accepted = http_client()
        .post(format!("{base}/webhooks/intervals"))
        .json(&json!({"secret": "s", "events": [
            {"athlete_id": "i317960", "type": "ACTIVITY_UPLOADED", "timestamp": "2026-11-23T06:40:47.011+00:00", "activity": {"id": "i42"}}
        ]}))
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), 200, "acknowledged to Intervals.icu");
    let mut first = first;
    first.0.kill().unwrap();
    first.0.wait().unwrap();
    let pool = intervals_bridge::db::connect(&db.url).unwrap();
    let delivered: i64 = {
        use diesel::prelude::*;
        use intervals_bridge::db::schema::webhook_deliveries as wd;
        let mut conn = pool.get().unwrap();
        wd::table
            .filter(wd::status.eq("succeeded"))
            .count()
            .get_result(&mut conn)
            .unwrap()
    };
    assert_eq!(delivered, 0, "nothing was delivered before the crash");

    let receiver = {
        let listener = TcpListener::bind(("127.0.0.1", hook_port)).unwrap();
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<Value>::new()));
        let s2 = seen.clone();
        let server = actix_web::HttpServer::new(move || {
            let s = s2.clone();
            actix_web::App::new().default_service(actix_web::web::to(
                move |body: actix_web::web::Json<Value>| {
                    let s = s.clone();
                    async move {
                        s.lock().unwrap().push(body.into_inner());
                        actix_web::HttpResponse::Ok().body("ok")
                    }
                },
            ))
        })
        .workers(1)
        .listen(listener)
        .unwrap()
        .run();
        actix_web::rt::spawn(server);
        seen
    };
    let _second = dep.start().await;
    let start = Instant::now();
    loop {
        let got = receiver
            .lock()
            .unwrap()
            .iter()
            .filter(|b| b["type"] == "activity.uploaded")
            .count();
        if got >= 1 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the accepted event was delivered after the restart"
        );
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    let body = receiver
        .lock()
        .unwrap()
        .iter()
        .find(|b| b["type"] == "activity.uploaded")
        .cloned()
        .unwrap();
    assert_eq!(body["data"]["activity"]["id"], "i42");
    assert_eq!(body["data"]["user_id"], "c0");
}
