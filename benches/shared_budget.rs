//! P5 (BENCHMARKS.md): three bridge instances share one upstream budget R. Every instance is kept
//! busy with proxied GETs (`/v1/users/{u}/activities`, each answer checked); the sandbox's request
//! log gives the requests per second that reached it. Baseline in the same run: the same three
//! instances each on a database of its own, so none knows the others (each paces at R, as every
//! instance did before they shared the budget).
//!
//! Run: `cargo bench --bench shared_budget` (PostgreSQL at `BRIDGE_TEST_PG_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`; `SHARED_BUDGET_RATE` sets R, default 20;
//! `SHARED_BUDGET_SECS` the measured window, default 12).

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use diesel::{Connection, PgConnection, RunQueryDsl};
use intervals_bridge::support::crypto::Keyring;
use intervals_sandbox::{Sandbox, SandboxClient};
use serde_json::{json, Value};

mod common;

use common::{connect, free_port, Bridge, BIN};
const ATHLETES: [&str; 3] = ["i317960", "2049151", "i555003"];
/// The deployment's burst (`intervals::BURST`).
const BURST: f64 = 5.0;

struct Instance {
    _process: Bridge,
    base: String,
}

fn env_for(
    db: &str,
    keys: &str,
    port: u16,
    sandbox: &str,
    rate: f64,
) -> Vec<(&'static str, String)> {
    vec![
        ("BRIDGE_DATABASE_URL", db.to_owned()),
        ("BRIDGE_ENCRYPTION_KEYS", keys.to_owned()),
        ("BRIDGE_LISTEN", format!("127.0.0.1:{port}")),
        ("BRIDGE_PUBLIC_URL", format!("http://127.0.0.1:{port}")),
        ("INTERVALS_BASE_URL", sandbox.to_owned()),
        ("INTERVALS_CLIENT_ID", "bench".into()),
        ("INTERVALS_CLIENT_SECRET", "bench-secret".into()),
        ("INTERVALS_WEBHOOK_SECRET", "x".into()),
        ("INTERVALS_RATE_LIMIT", rate.to_string()),
        ("BRIDGE_JOB_CONCURRENCY", "1".into()),
        ("RUST_LOG", "warn".into()),
    ]
}

fn tenant_key(env: &[(&'static str, String)]) -> String {
    let out = Command::new(BIN)
        .args(["tenant", "create", "--name", "Bench", "--json"])
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t: Value = serde_json::from_slice(&out.stdout).unwrap();
    t["api_key"].as_str().unwrap().to_owned()
}

async fn start(env: &[(&'static str, String)]) -> Instance {
    let port = env
        .iter()
        .find(|(k, _)| *k == "BRIDGE_LISTEN")
        .map(|(_, v)| v.rsplit(':').next().unwrap().parse::<u16>().unwrap())
        .unwrap();
    let process = Bridge(
        Command::new(BIN)
            .arg("serve")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let base = format!("http://127.0.0.1:{port}");
    let c = reqwest::Client::new();
    for _ in 0..400 {
        if c.get(format!("{base}/readyz")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    Instance {
        _process: process,
        base,
    }
}

async fn metric(base: &str, name: &str) -> Option<f64> {
    let text = reqwest::get(format!("{base}/metrics"))
        .await
        .ok()?
        .text()
        .await
        .ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} ")))
        .and_then(|v| v.trim().parse().ok())
}

/// Keeps every instance busy for `secs` (8 requests in flight each); returns the sandbox's
/// requests per whole second of the window, and how many answers were checked.
async fn measure(
    sandbox: &str,
    targets: &[(String, String, String, Value)],
    secs: u64,
) -> (Vec<u64>, u64) {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let checked = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for (base, key, user, expected) in targets {
        for _ in 0..8 {
            let (http, stop, checked) = (http.clone(), stop.clone(), checked.clone());
            let url = format!("{base}/v1/users/{user}/activities?oldest={}", oldest());
            let (key, expected) = (key.clone(), expected.clone());
            tasks.push(tokio::spawn(async move {
                while !stop.load(Ordering::Relaxed) {
                    // Past the read cache: every read is an upstream call.
                    let r = http
                        .get(&url)
                        .bearer_auth(&key)
                        .header("Cache-Control", "no-cache")
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(r.status(), 200);
                    let body: Value = r.json().await.unwrap();
                    assert_eq!(body, expected, "every answer checked");
                    checked.fetch_add(1, Ordering::Relaxed);
                }
            }));
        }
    }
    // Let the queues fill, then count whole seconds.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let from = chrono::Utc::now();
    tokio::time::sleep(Duration::from_secs(secs)).await;
    let to = chrono::Utc::now();
    stop.store(true, Ordering::Relaxed);
    for t in tasks {
        t.await.unwrap();
    }
    let log: Vec<Value> = reqwest::get(format!("{sandbox}/_sandbox/requests"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut per_second: BTreeMap<i64, u64> = BTreeMap::new();
    let (first, last) = (from.timestamp() + 1, to.timestamp() - 1);
    for s in first..=last {
        per_second.insert(s, 0);
    }
    for r in &log {
        if !r["path"].as_str().unwrap_or_default().starts_with("/api/") {
            continue;
        }
        let t = chrono::DateTime::parse_from_rfc3339(r["time"].as_str().unwrap())
            .unwrap()
            .timestamp();
        if let Some(n) = per_second.get_mut(&t) {
            *n += 1;
        }
    }
    (
        per_second.into_values().collect(),
        checked.load(Ordering::Relaxed),
    )
}

fn report(what: &str, per_second: &[u64], rate: f64, checked: u64) -> (f64, u64) {
    let max = per_second.iter().copied().max().unwrap_or(0);
    let mean = per_second.iter().sum::<u64>() as f64 / per_second.len().max(1) as f64;
    println!(
        "{what}: upstream requests per second over {} s: mean {mean:.1}, max {max} (R = {rate}, R + burst = {}); mean/R {:.2}; {checked} answers checked",
        per_second.len(),
        rate + BURST,
        mean / rate
    );
    (mean, max)
}

/// A year back: reads take a window of at most 366 days.
fn oldest() -> String {
    (chrono::Utc::now().date_naive() - chrono::Duration::days(365))
        .format("%Y-%m-%d")
        .to_string()
}

/// Expected answers: what each user's list answers right after connecting.
async fn expected(base: &str, key: &str, user: &str) -> Value {
    let r = reqwest::Client::new()
        .get(format!(
            "{base}/v1/users/{user}/activities?oldest={}",
            oldest()
        ))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

#[actix_web::main]
async fn main() {
    let rate: f64 = std::env::var("SHARED_BUDGET_RATE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20.0);
    let secs: u64 = std::env::var("SHARED_BUDGET_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12);
    let sandbox = Sandbox::new();
    sandbox.register_client(SandboxClient {
        client_id: "bench".into(),
        client_secret: "bench-secret".into(),
        name: "Bench".into(),
    });
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let sandbox_url = format!("http://{}", listener.local_addr().unwrap());
    actix_web::rt::spawn(sandbox.server(listener).unwrap());
    let c = reqwest::Client::new();
    c.post(format!("{sandbox_url}/_sandbox/settings"))
        .json(&json!({"rate_limit_per_sec": 0}))
        .send()
        .await
        .unwrap();
    let keys = Keyring::generate_spec("k1");
    let dir = tempfile::tempdir().unwrap();

    // Baseline: three instances, each on a database of its own.
    let mut targets = Vec::new();
    let mut alone = Vec::new();
    for (i, athlete) in ATHLETES.iter().enumerate() {
        let db = format!("sqlite://{}/alone-{i}.db", dir.path().display());
        let env = env_for(&db, &keys, free_port(), &sandbox_url, rate);
        let key = tenant_key(&env);
        let inst = start(&env).await;
        let user = format!("u{i}");
        connect(&inst.base, &sandbox_url, &key, &user, athlete).await;
        let exp = expected(&inst.base, &key, &user).await;
        targets.push((inst.base.clone(), key, user, exp));
        alone.push(inst);
    }
    c.delete(format!("{sandbox_url}/_sandbox/requests"))
        .send()
        .await
        .unwrap();
    let (per_second, checked) = measure(&sandbox_url, &targets, secs).await;
    let (base_mean, base_max) = report("baseline, no shared budget", &per_second, rate, checked);
    drop(alone);

    // Shared: the three on one PostgreSQL database.
    let admin = std::env::var("BRIDGE_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let name = format!("bridge_bench_{}", uuid::Uuid::new_v4().simple());
    let mut pg = PgConnection::establish(&admin).expect("PostgreSQL reachable");
    diesel::sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut pg)
        .unwrap();
    let mut url = url::Url::parse(&admin).unwrap();
    url.set_path(&format!("/{name}"));
    let db = url.to_string();
    let envs: Vec<_> = (0..3)
        .map(|_| env_for(&db, &keys, free_port(), &sandbox_url, rate))
        .collect();
    let key = tenant_key(&envs[0]);
    let mut shared = Vec::new();
    for env in &envs {
        shared.push(start(env).await);
    }
    for (i, athlete) in ATHLETES.iter().enumerate() {
        connect(
            &shared[0].base,
            &sandbox_url,
            &key,
            &format!("s{i}"),
            athlete,
        )
        .await;
    }
    for inst in &shared {
        for _ in 0..100 {
            if metric(&inst.base, "bridge_upstream_instances").await == Some(3.0) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(
            metric(&inst.base, "bridge_upstream_instances").await,
            Some(3.0)
        );
    }
    let mut targets = Vec::new();
    for (i, inst) in shared.iter().enumerate() {
        let user = format!("s{i}");
        let exp = expected(&inst.base, &key, &user).await;
        targets.push((inst.base.clone(), key.clone(), user, exp));
    }
    c.delete(format!("{sandbox_url}/_sandbox/requests"))
        .send()
        .await
        .unwrap();
    let (per_second, checked) = measure(&sandbox_url, &targets, secs).await;
    let (mean, max) = report("shared budget, one database", &per_second, rate, checked);
    drop(shared);
    let _ =
        diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut pg);
    println!(
        "P5: with 3 instances busy, R = {rate}: baseline mean {base_mean:.1}/s (max {base_max}) = {:.2} R; shared mean {mean:.1}/s = {:.2} R, max {max} (<= R + burst {}: {})",
        base_mean / rate,
        mean / rate,
        rate + BURST,
        if (max as f64) <= rate + BURST { "yes" } else { "NO" }
    );
}
