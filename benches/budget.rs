//! B1 (BENCHMARKS.md): one simulated day, time-compressed, of partners polling athletes whose
//! data changes on Intervals.icu a few times a day. Three bridge instances share one PostgreSQL;
//! three tenants each poll each of their users' activities (last 30 days), planned workouts (next
//! 14 days) and wellness (last 7 days) every simulated 10 minutes (144 rounds); the sandbox's
//! athletes change their data about four times a day (`Sandbox::change`, seeded), and its
//! webhooks reach the bridges through a relay in this process, which notes when each was
//! answered 200.
//!
//! Reported: upstream calls per athlete-day (the bridges' own count, `upstream_usage`) with the
//! read cache, against the same day with it off (`BRIDGE_CACHE_TTL_SECS=0`, the baseline in the
//! same run), and against the floor (the distinct first reads plus one read per change per area it
//! invalidates); stale reads: reads that began after the invalidating webhook's 200 and did not
//! show the change (every such read is checked); peak RSS of the instances.
//!
//! Run: `cargo bench --bench budget` (PostgreSQL at `BRIDGE_TEST_PG_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`). `BUDGET_ATHLETES` (200), `BUDGET_TENANTS` (3),
//! `BUDGET_ROUNDS` (144), `BUDGET_CHANGES_PER_DAY` (4), `BUDGET_SEED` (7),
//! `BUDGET_BASELINE=0` skips the cache-off day.

mod common;

use std::collections::HashMap;
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::{web, App, HttpResponse, HttpServer};
use diesel::{Connection, PgConnection, RunQueryDsl};
use intervals_bridge::support::crypto::Keyring;
use intervals_sandbox::{Area, Sandbox, SandboxClient};
use rand::{Rng, SeedableRng};
use serde_json::Value;

use common::{connect, free_port, Bridge, BIN};

const SECRET: &str = "bench-webhook-secret";
const INSTANCES: usize = 3;

/// The three reads a partner polls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Read {
    Activities,
    Workouts,
    Wellness,
}

const READS: [Read; 3] = [Read::Activities, Read::Workouts, Read::Wellness];

impl Read {
    fn path(self, user: &str) -> String {
        let today = chrono::Utc::now().date_naive();
        let d = |days: i64| (today + chrono::Duration::days(days)).to_string();
        match self {
            Read::Activities => format!("/v1/users/{user}/activities?oldest={}", d(-30)),
            Read::Workouts => format!("/v1/users/{user}/workouts?oldest={}&newest={}", d(0), d(14)),
            Read::Wellness => format!("/v1/users/{user}/wellness?oldest={}&newest={}", d(-7), d(0)),
        }
    }
}

/// What a read of an athlete's area must show once the change's webhook was answered.
#[derive(Debug, Clone)]
enum Check {
    Activity(String),
    Wellness(Value),
    Event { id: i64, name: String },
}

#[derive(Debug, Clone)]
struct Expectation {
    /// Just before the change was made: the first 200 of its webhook after this arms it.
    started: Instant,
    webhook: String,
    check: Check,
}

#[derive(Default)]
struct Shared {
    /// (athlete, webhook type) → when bridges answered 200 to an event, and the event's JSON.
    acks: HashMap<(String, String), Vec<(Instant, String)>>,
    expect: HashMap<(String, Read), Expectation>,
}

impl Shared {
    /// When the webhook announcing this very change was answered 200 (another change's webhook
    /// of the same type, answered late, does not count).
    fn armed_at(&self, athlete: &str, e: &Expectation) -> Option<Instant> {
        self.acks
            .get(&(athlete.to_owned(), e.webhook.clone()))?
            .iter()
            .filter(|(t, event)| *t >= e.started && announces(event, &e.check))
            .map(|(t, _)| *t)
            .min()
    }
}

/// Whether a webhook event (its JSON) is about the change `check` expects.
fn announces(event: &str, check: &Check) -> bool {
    match check {
        Check::Activity(id) => event.contains(&format!("\"{id}\"")),
        Check::Event { id, name } => {
            event.contains(&format!("\"id\":{id}")) && event.contains(&format!("\"{name}\""))
        }
        Check::Wellness(record) => ["restingHR", "hrv"].iter().all(|k| {
            record
                .get(*k)
                .is_none_or(|v| event.contains(&format!("\"{k}\":{v}")))
        }),
    }
}

/// Forwards the sandbox's webhook batches to the bridges in turn and notes each 200.
async fn relay(
    body: web::Bytes,
    state: web::Data<(
        Arc<Mutex<Shared>>,
        Vec<String>,
        std::sync::atomic::AtomicUsize,
    )>,
) -> HttpResponse {
    let (shared, bases, next) = state.get_ref();
    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % bases.len();
    let resp = reqwest::Client::new()
        .post(format!("{}/webhooks/intervals", bases[i]))
        .header("content-type", "application/json")
        .body(body.to_vec())
        .send()
        .await;
    match resp {
        Ok(r) if r.status() == 200 => {
            let at = Instant::now();
            let batch: Value = serde_json::from_slice(&body).unwrap_or_default();
            {
                let mut s = shared.lock().unwrap();
                for ev in batch["events"].as_array().into_iter().flatten() {
                    let athlete = ev["athlete_id"].as_str().unwrap_or_default().to_owned();
                    let kind = ev["type"].as_str().unwrap_or_default().to_owned();
                    s.acks
                        .entry((athlete, kind))
                        .or_default()
                        .push((at, ev.to_string()));
                }
            }
            HttpResponse::Ok().body(r.bytes().await.unwrap_or_default())
        }
        Ok(r) => HttpResponse::build(
            actix_web::http::StatusCode::from_u16(r.status().as_u16())
                .unwrap_or(actix_web::http::StatusCode::BAD_GATEWAY),
        )
        .finish(),
        Err(_) => HttpResponse::BadGateway().finish(),
    }
}

/// Whether `body` (the bridge's answer to `read`) shows `check`.
fn shows(read: Read, body: &Value, check: &Check) -> bool {
    let data = body["data"].as_array().cloned().unwrap_or_default();
    match (read, check) {
        (Read::Activities, Check::Activity(id)) => data.iter().any(|a| a["id"] == *id),
        (Read::Wellness, Check::Wellness(record)) => data.iter().any(|r| {
            r["id"] == record["id"]
                && ["restingHR", "hrv", "weight"]
                    .iter()
                    .all(|k| record.get(*k).is_none() || r[*k] == record[*k])
        }),
        (Read::Workouts, Check::Event { id, name }) => data
            .iter()
            .any(|e| e["id"].as_i64() == Some(*id) && e["name"] == *name),
        _ => true,
    }
}

struct Day {
    upstream_calls: i64,
    reads: u64,
    checked: u64,
    stale: u64,
    changes: u64,
    invalidated_reads: u64,
    peak_rss_kib: Vec<u64>,
    secs: f64,
}

fn peak_rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

async fn one_day(cache_on: bool) -> Day {
    let athletes_n = common::env_num("BUDGET_ATHLETES", 200) as usize;
    let tenants_n = common::env_num("BUDGET_TENANTS", 3) as usize;
    let rounds = common::env_num("BUDGET_ROUNDS", 144);
    let per_day = common::env_num("BUDGET_CHANGES_PER_DAY", 4);
    let seed = common::env_num("BUDGET_SEED", 7);

    // The database, fresh.
    let admin = std::env::var("BRIDGE_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let name = format!("bridge_budget_{}", uuid::Uuid::new_v4().simple());
    let mut conn = PgConnection::establish(&admin).expect("PostgreSQL");
    diesel::sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .unwrap();
    let mut db = url::Url::parse(&admin).unwrap();
    db.set_path(&format!("/{name}"));
    db.set_query(Some("sslmode=disable"));
    let db = db.to_string();

    // The sandbox, its webhooks going through the relay.
    let sandbox = Sandbox::new();
    sandbox.register_client(SandboxClient {
        client_id: "4242".into(),
        client_secret: "bench-secret".into(),
        name: "Bench".into(),
    });
    sandbox.set_rate_limit(0.0, 0.0);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let sandbox_url = format!("http://{}", listener.local_addr().unwrap());
    actix_web::rt::spawn(sandbox.server(listener).unwrap());

    let keys = Keyring::generate_spec("k1");
    let ports: Vec<u16> = (0..INSTANCES).map(|_| free_port()).collect();
    let bases: Vec<String> = ports
        .iter()
        .map(|p| format!("http://127.0.0.1:{p}"))
        .collect();
    let shared = Arc::new(Mutex::new(Shared::default()));
    let relay_listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let relay_url = format!("http://{}/hook", relay_listener.local_addr().unwrap());
    let relay_state = web::Data::new((
        shared.clone(),
        bases.clone(),
        std::sync::atomic::AtomicUsize::new(0),
    ));
    let relay_server = HttpServer::new(move || {
        App::new()
            .app_data(relay_state.clone())
            .route("/hook", web::post().to(relay))
    })
    .workers(1)
    .listen(relay_listener)
    .unwrap()
    .run();
    let relay_handle = relay_server.handle();
    actix_web::rt::spawn(relay_server);
    sandbox.set_webhook("4242", &relay_url, SECRET);

    let env = |port: u16| -> Vec<(&'static str, String)> {
        vec![
            ("BRIDGE_DATABASE_URL", db.clone()),
            ("BRIDGE_ENCRYPTION_KEYS", keys.clone()),
            ("BRIDGE_LISTEN", format!("127.0.0.1:{port}")),
            ("BRIDGE_PUBLIC_URL", format!("http://127.0.0.1:{port}")),
            ("INTERVALS_BASE_URL", sandbox_url.clone()),
            ("INTERVALS_CLIENT_ID", "4242".into()),
            ("INTERVALS_CLIENT_SECRET", "bench-secret".into()),
            ("INTERVALS_WEBHOOK_SECRET", SECRET.into()),
            ("INTERVALS_RATE_LIMIT", "0".into()),
            (
                "BRIDGE_CACHE_TTL_SECS",
                if cache_on { "21600" } else { "0" }.into(),
            ),
            ("BRIDGE_JOB_CONCURRENCY", "1".into()),
            ("RUST_LOG", "error".into()),
        ]
    };
    let mut keys_of_tenants = Vec::new();
    for t in 0..tenants_n {
        let out = Command::new(BIN)
            .args([
                "tenant",
                "create",
                "--name",
                &format!("Partner {t}"),
                "--json",
            ])
            .envs(env(ports[0]).iter().map(|(k, v)| (*k, v.as_str())))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let created: Value = serde_json::from_slice(&out.stdout).unwrap();
        keys_of_tenants.push(created["api_key"].as_str().unwrap().to_owned());
    }
    let processes: Vec<Bridge> = ports
        .iter()
        .map(|p| {
            Bridge(
                Command::new(BIN)
                    .arg("serve")
                    .envs(env(*p).iter().map(|(k, v)| (*k, v.as_str())))
                    .stdout(Stdio::null())
                    .spawn()
                    .unwrap(),
            )
        })
        .collect();
    // Idle connections go well before the servers' 5-second keep-alive closes them.
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .pool_idle_timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    for base in &bases {
        for _ in 0..400 {
            if http
                .get(format!("{base}/readyz"))
                .send()
                .await
                .is_ok_and(|r| r.status() == 200)
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
    // Simulated athletes beyond the three seeded ones exist once a token was minted for them
    // (by another app, so the bench app's own grant comes from the consent page).
    sandbox.register_client(SandboxClient {
        client_id: "4343".into(),
        client_secret: "other-secret".into(),
        name: "Another app".into(),
    });
    let athletes: Vec<String> = (0..athletes_n)
        .map(|i| format!("i{}", 500_000 + i))
        .collect();
    for athlete in &athletes {
        let minted = http
            .post(format!("{sandbox_url}/_sandbox/tokens/mint"))
            .json(&serde_json::json!({"client_id": "4343", "athlete_id": athlete, "scope": "ACTIVITY:READ"}))
            .send()
            .await
            .unwrap();
        assert!(
            minted.status().is_success(),
            "{}",
            minted.text().await.unwrap()
        );
    }
    for (t, key) in keys_of_tenants.iter().enumerate() {
        for (i, athlete) in athletes.iter().enumerate() {
            let base = &bases[(t + i) % INSTANCES];
            connect(base, &sandbox_url, key, &format!("u{i}"), athlete).await;
        }
    }
    // Connecting is not part of the day.
    diesel::sql_query("DELETE FROM upstream_usage")
        .execute(&mut PgConnection::establish(&db).unwrap())
        .unwrap();

    // The changes: each athlete about `per_day` times, at seeded rounds and areas.
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut plan: Vec<Vec<(String, Area)>> = vec![Vec::new(); rounds as usize];
    for athlete in &athletes {
        for _ in 0..per_day {
            let round = rng.gen_range(0..rounds) as usize;
            let area = [Area::Activities, Area::Wellness, Area::Calendar][rng.gen_range(0..3)];
            plan[round].push((athlete.clone(), area));
        }
    }
    let started = Instant::now();
    let (mut reads, mut checked, mut stale, mut changes, mut invalidated) =
        (0u64, 0u64, 0u64, 0u64, 0u64);
    for (round, changes_now) in plan.iter().enumerate() {
        for (athlete, area) in changes_now {
            let before = Instant::now();
            let made = sandbox.change(athlete, *area).expect("a change");
            changes += 1;
            let webhook = made.webhooks.first().cloned().unwrap_or_default();
            let mut s = shared.lock().unwrap();
            match area {
                Area::Activities => {
                    invalidated += 1;
                    if let Some(id) = made.detail["activity"]["id"].as_str() {
                        s.expect.insert(
                            (athlete.clone(), Read::Activities),
                            Expectation {
                                started: before,
                                webhook,
                                check: Check::Activity(id.to_owned()),
                            },
                        );
                    }
                }
                Area::Wellness => {
                    // WELLNESS_UPDATED invalidates wellness and activities.
                    invalidated += 2;
                    s.expect.insert(
                        (athlete.clone(), Read::Wellness),
                        Expectation {
                            started: before,
                            webhook,
                            check: Check::Wellness(made.detail["record"].clone()),
                        },
                    );
                }
                Area::Calendar => {
                    invalidated += 1;
                    if let Some(ev) = made.detail["events"].as_array().and_then(|e| e.first()) {
                        if let (Some(id), Some(name)) = (ev["id"].as_i64(), ev["name"].as_str()) {
                            s.expect.insert(
                                (athlete.clone(), Read::Workouts),
                                Expectation {
                                    started: before,
                                    webhook,
                                    check: Check::Event {
                                        id,
                                        name: name.to_owned(),
                                    },
                                },
                            );
                        }
                    }
                }
            }
        }
        // Every tenant reads every user's three areas, spread over the instances, 48 at once.
        let mut jobs = Vec::new();
        for (t, key) in keys_of_tenants.iter().enumerate() {
            for (i, athlete) in athletes.iter().enumerate() {
                for read in READS {
                    let base = bases[(round + t + i) % INSTANCES].clone();
                    jobs.push((base, key.clone(), format!("u{i}"), athlete.clone(), read));
                }
            }
        }
        let results =
            futures_util::stream::iter(jobs.into_iter().map(|(base, key, user, athlete, read)| {
                let (http, shared) = (http.clone(), shared.clone());
                async move {
                    let began = Instant::now();
                    let r = http
                        .get(format!("{base}{}", read.path(&user)))
                        .bearer_auth(&key)
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(r.status(), 200, "{read:?} of {user}");
                    let body: Value = r.json().await.unwrap();
                    let s = shared.lock().unwrap();
                    let due = s.expect.get(&(athlete.clone(), read)).and_then(|e| {
                        s.armed_at(&athlete, e)
                            .filter(|at| *at <= began)
                            .map(|_| e.check.clone())
                    });
                    match due {
                        Some(check) => (1u64, u64::from(!shows(read, &body, &check))),
                        None => (0, 0),
                    }
                }
            }))
            .buffer_unordered(48)
            .collect::<Vec<_>>()
            .await;
        for (c, s) in results {
            reads += 1;
            checked += c;
            stale += s;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    // The instances write their counts every second.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    #[derive(diesel::QueryableByName)]
    struct Sum {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let sum: Sum = diesel::sql_query(
        "SELECT CAST(COALESCE(SUM(calls), 0) AS BIGINT) AS n FROM upstream_usage",
    )
    .get_result(&mut PgConnection::establish(&db).unwrap())
    .unwrap();
    let peak_rss_kib = processes.iter().map(|p| peak_rss_kib(p.0.id())).collect();
    drop(processes);
    relay_handle.stop(true).await;
    let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn);
    Day {
        upstream_calls: sum.n,
        reads,
        checked,
        stale,
        changes,
        invalidated_reads: invalidated,
        peak_rss_kib,
        secs,
    }
}

use futures_util::StreamExt;

#[actix_web::main]
async fn main() {
    let athletes = common::env_num("BUDGET_ATHLETES", 200) as f64;
    let tenants = common::env_num("BUDGET_TENANTS", 3);
    let cached = one_day(true).await;
    // Floor: each athlete's three distinct reads once (shared by the tenants), and one read per
    // area a change invalidates.
    let floor = athletes * 3.0 + cached.invalidated_reads as f64;
    let per = |n: f64| n / athletes;
    println!(
        "B1 read cache on: {} reads by {tenants} tenants in {:.1} s ({:.0} reads/s), {} changes; upstream calls {} = {:.2} per athlete-day; floor {:.0} = {:.2} per athlete-day; ratio to the floor {:.2}x",
        cached.reads,
        cached.secs,
        cached.reads as f64 / cached.secs,
        cached.changes,
        cached.upstream_calls,
        per(cached.upstream_calls as f64),
        floor,
        per(floor),
        cached.upstream_calls as f64 / floor
    );
    println!(
        "B1 stale reads: {} of {} reads that began after an invalidating webhook's 200 were checked against the change; peak RSS per instance {:?} KiB",
        cached.stale, cached.checked, cached.peak_rss_kib
    );
    assert!(
        cached.checked > 0,
        "the day's reads were checked against its changes"
    );
    if std::env::var("BUDGET_BASELINE").as_deref() != Ok("0") {
        let off = one_day(false).await;
        println!(
            "B1 read cache off (same day, same seed): upstream calls {} = {:.2} per athlete-day in {:.1} s; with the cache {:.4}x of that; stale reads {} of {}",
            off.upstream_calls,
            per(off.upstream_calls as f64),
            off.secs,
            cached.upstream_calls as f64 / off.upstream_calls.max(1) as f64,
            off.stale,
            off.checked
        );
    }
}
