//! A `kill -9` of the real binary in the middle of a wellness push loses nothing: after a restart
//! every acknowledged record reaches Intervals.icu.

mod common;

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use intervals_bridge::crypto::Keyring;
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

#[actix_web::test]
async fn kill_9_in_the_middle_of_a_push_loses_nothing() {
    let (_sandbox, sandbox_url, _h) = start_sandbox().await;
    let db = TestDb::new();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let dep = Deployment {
        env: vec![
            ("BRIDGE_DATABASE_URL", db.url.clone()),
            ("BRIDGE_ENCRYPTION_KEYS", Keyring::generate_spec("k1")),
            ("BRIDGE_LISTEN", format!("127.0.0.1:{port}")),
            ("BRIDGE_PUBLIC_URL", base.clone()),
            ("INTERVALS_BASE_URL", sandbox_url.clone()),
            ("INTERVALS_CLIENT_ID", CLIENT_ID.into()),
            ("INTERVALS_CLIENT_SECRET", CLIENT_SECRET.into()),
            ("INTERVALS_WEBHOOK_SECRET", "s".into()),
            ("BRIDGE_JOB_LEASE_SECS", "2".into()),
            ("BRIDGE_JOB_POLL_MS", "100".into()),
            ("RUST_LOG", "warn".into()),
        ],
        base: base.clone(),
    };
    let out = dep
        .command()
        .args(["tenant", "create", "--name", "Crash", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let key = serde_json::from_slice::<Value>(&out.stdout).unwrap()["api_key"]
        .as_str()
        .unwrap()
        .to_owned();

    let first = dep.start().await;
    let athletes = ["i317960", "2049151", "i555003"];
    for (i, athlete) in athletes.iter().enumerate() {
        let s: Value = http_client()
            .post(format!("{base}/v1/connect-sessions"))
            .bearer_auth(&key)
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
