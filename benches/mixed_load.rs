//! H1 (BENCHMARKS.md): a mixed load on three instances sharing one PostgreSQL, with one
//! instance killed (`SIGKILL`) and restarted and a spell of upstream faults, then integrity
//! checks. Open-loop load at `MIXED_RATE` requests/s (seeded choices): reads of activities,
//! planned workouts and wellness (half), uploads with `external_id` (and replays of acknowledged
//! ones), wellness PUTs (half with `push=now`), planned-workout upserts, passthrough reads, and the
//! sandbox's athletes changing their data (webhooks relayed to the instances in turn, each
//! fanned out to two tenants' endpoints).
//!
//! Phases: `clean` (the baseline), `faults` (20 % of Intervals.icu's answers are 503, seeded;
//! one instance is killed 5 s in and restarted 10 s later), `recovery`; then the load stops,
//! the faults go, and everything queued drains. Each phase lasts `MIXED_PHASE_SECS`.
//!
//! Checked, and the bench fails otherwise:
//! - every acknowledged upload is on Intervals.icu exactly once under its tenant's
//!   `external_id`, and a replay answers the first upload's activity;
//! - for every athlete-day, Intervals.icu holds the last acknowledged wellness values, and the
//!   bridge marked exactly that version pushed;
//! - every planned workout upstream carries its last acknowledged upsert, once;
//! - every inbound webhook was routed; every tenant event was delivered, to the endpoint, once
//!   (no event twice: no two events of one user with one payload, but `wellness.pushed`, which
//!   repeats when a day is pushed again; no `webhook-id` with two bodies);
//! - no 500 at all, no 5xx but from the killed instance while it died, or Intervals.icu's own
//!   failures passed on as `upstream-*` problems;
//! - no deadlock in the database (`pg_stat_database.deadlocks`);
//! - upstream calls counted (`upstream_usage`) against the calls Intervals.icu saw.
//!
//! Run: `cargo bench --bench mixed_load` (PostgreSQL at `BRIDGE_TEST_PG_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`). `MIXED_RATE` (100), `MIXED_PHASE_SECS` (30),
//! `MIXED_ATHLETES` (16), `MIXED_SEED` (11).

mod common;
#[path = "../tests/api/common/files.rs"]
#[allow(dead_code)]
mod files;

use std::collections::{HashMap, HashSet};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use diesel::{Connection, PgConnection, RunQueryDsl};
use intervals_bridge::support::crypto::Keyring;
use intervals_sandbox::{Area, Sandbox};
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

use common::{connect_with, free_port, ready, Bridge, BIN};
use files::fit;

const SECRET: &str = "mixed-webhook-secret";
const INSTANCES: usize = 3;
const KILLED: usize = 2;
const TENANTS: usize = 2;
const SCOPES: &[&str] = &["ACTIVITY:WRITE", "WELLNESS:WRITE", "CALENDAR:WRITE"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Phase {
    Clean,
    Faults,
    Recovery,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    Read,
    Upload,
    Replay,
    Wellness,
    Workouts,
    Passthrough,
}

/// One answer the load got (a connection error is status 0).
struct Answer {
    phase: Phase,
    kind: Kind,
    instance: usize,
    at: Instant,
    status: u16,
    problem: String,
    ms: f64,
}

#[derive(Default)]
struct Ledger {
    answers: Vec<Answer>,
    /// (tenant, athlete index, external_id) → the acknowledged activity id.
    uploads: HashMap<(usize, usize, String), String>,
    replays_checked: u64,
    /// (athlete index, day) → the last acknowledged values (restingHR, hrv).
    wellness: HashMap<(usize, String), (i64, f64)>,
    /// (tenant, athlete index, external_id) → the last acknowledged name.
    workouts: HashMap<(usize, usize, String), String>,
    /// What is being written now, so that writes of one thing never overlap.
    busy: HashSet<String>,
    changes: u64,
    /// Calendar events the athletes edited or deleted themselves.
    edited_events: HashSet<i64>,
    /// (tenant, athlete index, external_id) → the event ids its upserts answered.
    workout_events: HashMap<(usize, usize, String), HashSet<i64>>,
}

/// The tenants' webhook endpoint: every request's `webhook-id` and body.
#[derive(Default)]
struct Received {
    by_id: HashMap<String, Vec<String>>,
}

async fn receive(
    req: HttpRequest,
    body: web::Bytes,
    rx: web::Data<Mutex<Received>>,
) -> HttpResponse {
    let id = req
        .headers()
        .get("webhook-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = String::from_utf8_lossy(&body).into_owned();
    rx.lock().unwrap().by_id.entry(id).or_default().push(body);
    HttpResponse::NoContent().finish()
}

static RELAY: std::sync::OnceLock<reqwest::Client> = std::sync::OnceLock::new();

/// Forwards the sandbox's webhook batches to the instances in turn, the next one when one does
/// not answer (the killed one).
async fn relay(
    body: web::Bytes,
    state: web::Data<(Vec<String>, std::sync::atomic::AtomicUsize)>,
) -> HttpResponse {
    let (bases, next) = state.get_ref();
    let first = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    for i in 0..bases.len() {
        let base = &bases[(first + i) % bases.len()];
        let resp = RELAY
            .get_or_init(reqwest::Client::new)
            .post(format!("{base}/webhooks/intervals"))
            .header("content-type", "application/json")
            .body(body.to_vec())
            .timeout(Duration::from_secs(10))
            .send()
            .await;
        if let Ok(r) = resp {
            if r.status() == 200 {
                return HttpResponse::Ok().body(r.bytes().await.unwrap_or_default());
            }
        }
    }
    HttpResponse::BadGateway().finish()
}

struct World {
    bases: Vec<String>,
    keys: Vec<String>,
    athletes: Vec<String>,
    http: reqwest::Client,
    ledger: Mutex<Ledger>,
    phase: Mutex<Phase>,
    sandbox: Sandbox,
}

impl World {
    fn user(t: usize, i: usize) -> String {
        format!("t{t}u{i}")
    }

    fn note(&self, kind: Kind, instance: usize, began: Instant, status: u16, problem: String) {
        let phase = *self.phase.lock().unwrap();
        self.ledger.lock().unwrap().answers.push(Answer {
            phase,
            kind,
            instance,
            at: began,
            status,
            problem,
            ms: began.elapsed().as_secs_f64() * 1000.0,
        });
    }

    /// Sends `req` to instance `n`, notes the answer; `None` for a connection error.
    async fn send(
        &self,
        kind: Kind,
        n: usize,
        req: reqwest::RequestBuilder,
    ) -> Option<(u16, Value)> {
        let began = Instant::now();
        match req.timeout(Duration::from_secs(60)).send().await {
            Ok(r) => {
                let status = r.status().as_u16();
                let body: Value = r.json().await.unwrap_or(Value::Null);
                let problem = body["type"].as_str().unwrap_or_default().to_owned();
                self.note(kind, n, began, status, problem);
                Some((status, body))
            }
            Err(_) => {
                self.note(kind, n, began, 0, String::new());
                None
            }
        }
    }

    /// Claims `what` for one writer; false when another write of it is in flight.
    fn claim(&self, what: String) -> bool {
        self.ledger.lock().unwrap().busy.insert(what)
    }

    fn release(&self, what: &str) {
        self.ledger.lock().unwrap().busy.remove(what);
    }
}

/// An answer that settles a write: anything but a connection error, a 409 (in flight) or a 5xx
/// (the bridge could not finish it now).
fn settled(a: &Option<(u16, Value)>) -> bool {
    matches!(a, Some((s, _)) if *s != 409 && *s < 500)
}

/// One operation of the load, chosen by `roll` (0–99).
async fn operate(w: Arc<World>, roll: u32, seq: u64, n: usize, t: usize, i: usize, pick: u64) {
    let base = &w.bases[n];
    let key = &w.keys[t];
    let user = World::user(t, i);
    let today = chrono::Utc::now().date_naive();
    match roll {
        0..=49 => {
            let path = match pick % 3 {
                0 => format!(
                    "/v1/users/{user}/activities?oldest={}",
                    today - chrono::Duration::days(30)
                ),
                1 => format!(
                    "/v1/users/{user}/workouts?oldest={today}&newest={}",
                    today + chrono::Duration::days(14)
                ),
                _ => format!(
                    "/v1/users/{user}/wellness?oldest={}&newest={today}",
                    today - chrono::Duration::days(7)
                ),
            };
            w.send(
                Kind::Read,
                n,
                w.http.get(format!("{base}{path}")).bearer_auth(key),
            )
            .await;
        }
        50..=54 => {
            let path = format!("/v1/users/{user}/icu/api/v1/athlete/0");
            w.send(
                Kind::Passthrough,
                n,
                w.http.get(format!("{base}{path}")).bearer_auth(key),
            )
            .await;
        }
        55..=64 => {
            // An upload, retried with the same external_id until it is settled.
            let ext = format!("up-{seq}");
            let at = chrono::Utc::now().timestamp() - 3600 * (1 + (pick % 400) as i64);
            let file = fit(at, seq as u32);
            let mut instance = n;
            let mut last = None;
            for attempt in 0..40 {
                let form = reqwest::multipart::Form::new()
                    .part(
                        "file",
                        reqwest::multipart::Part::bytes(file.clone()).file_name("ride.fit"),
                    )
                    .text("external_id", ext.clone());
                let got = w
                    .send(
                        Kind::Upload,
                        instance,
                        w.http
                            .post(format!("{}/v1/users/{user}/activities", w.bases[instance]))
                            .bearer_auth(key)
                            .multipart(form),
                    )
                    .await;
                if settled(&got) {
                    let (status, body) = got.unwrap();
                    assert!(
                        status == 201 || status == 200,
                        "upload {ext}: {status} {body}"
                    );
                    let id = body["activity_id"].as_str().unwrap().to_owned();
                    w.ledger
                        .lock()
                        .unwrap()
                        .uploads
                        .insert((t, i, ext.clone()), id);
                    return;
                }
                last = got;
                instance = (instance + 1 + attempt) % INSTANCES;
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            panic!("upload {ext} never settled: {last:?}");
        }
        65..=67 => {
            // A replay of an acknowledged upload (another file): the first answer again.
            let first = {
                let l = w.ledger.lock().unwrap();
                l.uploads
                    .iter()
                    .filter(|((tt, ii, _), _)| *tt == t && *ii == i)
                    .map(|((_, _, e), id)| (e.clone(), id.clone()))
                    .min()
            };
            let Some((ext, id)) = first else { return };
            let form = reqwest::multipart::Form::new()
                .part(
                    "file",
                    reqwest::multipart::Part::bytes(fit(1_700_000_000, seq as u32))
                        .file_name("again.fit"),
                )
                .text("external_id", ext.clone());
            let got = w
                .send(
                    Kind::Replay,
                    n,
                    w.http
                        .post(format!("{base}/v1/users/{user}/activities"))
                        .bearer_auth(key)
                        .multipart(form),
                )
                .await;
            if let Some((status, body)) = got {
                if status < 300 {
                    assert_eq!(body["replayed"], true, "replay of {ext}: {body}");
                    assert_eq!(body["activity_id"], id.as_str(), "replay of {ext}");
                    w.ledger.lock().unwrap().replays_checked += 1;
                }
            }
        }
        68..=84 => {
            // Wellness: athlete i's days are written by one tenant only, one write at a time.
            let t = i % TENANTS;
            let (key, user) = (&w.keys[t], World::user(t, i));
            let day = (today - chrono::Duration::days((pick % 3) as i64)).to_string();
            let what = format!("wellness {i} {day}");
            if !w.claim(what.clone()) {
                return;
            }
            let (rhr, hrv) = (40 + (seq % 50) as i64, (seq % 998) as f64 + 1.5);
            let record = json!([{"id": day, "restingHR": rhr, "hrv": hrv}]);
            let push = if pick.is_multiple_of(2) {
                "?push=now"
            } else {
                ""
            };
            let mut instance = n;
            for attempt in 0..40 {
                let got = w
                    .send(
                        Kind::Wellness,
                        instance,
                        w.http
                            .put(format!(
                                "{}/v1/users/{user}/wellness{push}",
                                w.bases[instance]
                            ))
                            .bearer_auth(key)
                            .json(&record),
                    )
                    .await;
                if settled(&got) {
                    let (status, body) = got.unwrap();
                    assert_eq!(status, 202, "wellness: {status} {body}");
                    w.ledger
                        .lock()
                        .unwrap()
                        .wellness
                        .insert((i, day.clone()), (rhr, hrv));
                    w.release(&what);
                    return;
                }
                instance = (instance + 1 + attempt) % INSTANCES;
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            panic!("wellness {what} never settled");
        }
        85..=94 => {
            let ext = format!("w{}", pick % 3);
            let what = format!("workout {t} {i} {ext}");
            if !w.claim(what.clone()) {
                return;
            }
            let date = today + chrono::Duration::days(1 + (pick % 5) as i64);
            let name = format!("Tempo {seq}");
            let record = json!([{"external_id": ext, "start_date_local": date.to_string(),
                "type": "Ride", "name": name, "description": "- 20m 80%"}]);
            let mut instance = n;
            for attempt in 0..40 {
                let got = w
                    .send(
                        Kind::Workouts,
                        instance,
                        w.http
                            .put(format!("{}/v1/users/{user}/workouts", w.bases[instance]))
                            .bearer_auth(key)
                            .json(&record),
                    )
                    .await;
                if settled(&got) {
                    let (status, body) = got.unwrap();
                    assert_eq!(status, 200, "workouts: {status} {body}");
                    let mut l = w.ledger.lock().unwrap();
                    l.workouts.insert((t, i, ext.clone()), name);
                    if let Some(id) = body["data"][0]["event_id"].as_i64().or_else(|| {
                        body["data"][0]["event_id"]
                            .as_str()
                            .and_then(|s| s.parse().ok())
                    }) {
                        l.workout_events
                            .entry((t, i, ext.clone()))
                            .or_default()
                            .insert(id);
                    }
                    drop(l);
                    w.release(&what);
                    return;
                }
                instance = (instance + 1 + attempt) % INSTANCES;
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            panic!("workouts {what} never settled");
        }
        _ => {
            let area = [Area::Activities, Area::Wellness, Area::Calendar][(pick % 3) as usize];
            let made = w.sandbox.change(&w.athletes[i], area).expect("a change");
            let mut l = w.ledger.lock().unwrap();
            l.changes += 1;
            // The athlete's own calendar edits may touch the tenants' planned workouts.
            for key in ["events", "deleted_events"] {
                for e in made.detail[key].as_array().into_iter().flatten() {
                    if let Some(id) = e["id"].as_i64().or_else(|| e.as_i64()) {
                        l.edited_events.insert(id);
                    }
                }
            }
        }
    }
}

fn start_instance(env: &[(&'static str, String)], log: &std::path::Path) -> Bridge {
    Bridge(
        Command::new(BIN)
            .arg("serve")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .stderr(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(log)
                    .unwrap(),
            )
            .spawn()
            .unwrap(),
    )
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn count(db: &str, sql: &str) -> i64 {
    diesel::sql_query(sql)
        .get_result::<Count>(&mut PgConnection::establish(db).unwrap())
        .unwrap()
        .n
}

#[derive(diesel::QueryableByName)]
struct Text {
    #[diesel(sql_type = diesel::sql_types::Text)]
    v: String,
}

fn strings(db: &str, sql: &str) -> Vec<String> {
    diesel::sql_query(sql)
        .load::<Text>(&mut PgConnection::establish(db).unwrap())
        .unwrap()
        .into_iter()
        .map(|t| t.v)
        .collect()
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

#[actix_web::main]
async fn main() {
    let rate = common::env_num("MIXED_RATE", 100);
    let phase_secs = common::env_num("MIXED_PHASE_SECS", 30);
    let athletes_n = common::env_num("MIXED_ATHLETES", 16) as usize;
    let seed = common::env_num("MIXED_SEED", 11);
    let dir = tempfile::tempdir().unwrap();

    let admin = std::env::var("BRIDGE_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let name = format!("bridge_mixed_{}", uuid::Uuid::new_v4().simple());
    let mut conn = PgConnection::establish(&admin).expect("PostgreSQL");
    diesel::sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .unwrap();
    let mut db = url::Url::parse(&admin).unwrap();
    db.set_path(&format!("/{name}"));
    db.set_query(Some("sslmode=disable"));
    let db = db.to_string();

    let (sandbox, sandbox_url) = common::start_sandbox();

    let keyring = Keyring::generate_spec("k1");
    let ports: Vec<u16> = (0..INSTANCES).map(|_| free_port()).collect();
    let bases: Vec<String> = ports
        .iter()
        .map(|p| format!("http://127.0.0.1:{p}"))
        .collect();

    let relay_listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let relay_url = format!("http://{}/hook", relay_listener.local_addr().unwrap());
    let relay_state = web::Data::new((bases.clone(), std::sync::atomic::AtomicUsize::new(0)));
    let received = web::Data::new(Mutex::new(Received::default()));
    let rx = received.clone();
    let server = HttpServer::new(move || {
        App::new()
            .app_data(relay_state.clone())
            .app_data(rx.clone())
            .route("/hook", web::post().to(relay))
            .route("/tenant", web::post().to(receive))
            .route("/ping", web::get().to(HttpResponse::NoContent))
    })
    .workers(2)
    .listen(relay_listener)
    .unwrap()
    .run();
    let server_handle = server.handle();
    actix_web::rt::spawn(server);
    sandbox.set_webhook("4242", &relay_url, SECRET);
    let endpoint = relay_url.replace("/hook", "/tenant");

    let env = |port: u16| -> Vec<(&'static str, String)> {
        vec![
            ("BRIDGE_DATABASE_URL", db.clone()),
            ("BRIDGE_ENCRYPTION_KEYS", keyring.clone()),
            ("BRIDGE_LISTEN", format!("127.0.0.1:{port}")),
            ("BRIDGE_PUBLIC_URL", format!("http://127.0.0.1:{port}")),
            ("INTERVALS_BASE_URL", sandbox_url.clone()),
            ("INTERVALS_CLIENT_ID", "4242".into()),
            ("INTERVALS_CLIENT_SECRET", "bench-secret".into()),
            ("INTERVALS_WEBHOOK_SECRET", SECRET.into()),
            ("INTERVALS_RATE_LIMIT", "0".into()),
            ("INTERVALS_ATHLETE_DAILY_BUDGET", "0".into()),
            ("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "true".into()),
            // The retry schedule and the endpoint's breaker at a hundredth: a receiver starved
            // by the load (it shares the machine) opens the breaker for seconds, not an hour.
            ("BRIDGE_WEBHOOK_RETRY_SCALE", "0.01".into()),
            ("RUST_LOG", "warn".into()),
        ]
    };
    let mut keys = Vec::new();
    let mut tenant_ids = Vec::new();
    for t in 0..TENANTS {
        let out = Command::new(BIN)
            .args([
                "tenant",
                "create",
                "--name",
                &format!("Partner {t}"),
                "--webhook-url",
                &endpoint,
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
        keys.push(created["api_key"].as_str().unwrap().to_owned());
        tenant_ids.push(created["id"].as_str().unwrap().to_owned());
    }
    let logs: Vec<std::path::PathBuf> = (0..INSTANCES)
        .map(|n| dir.path().join(format!("instance-{n}.log")))
        .collect();
    let mut processes: Vec<Option<Bridge>> = ports
        .iter()
        .enumerate()
        .map(|(n, p)| Some(start_instance(&env(*p), &logs[n])))
        .collect();
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .pool_idle_timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    for base in &bases {
        ready(&http, base).await;
    }
    let athletes: Vec<String> = (0..athletes_n)
        .map(|i| format!("i{}", 600_000 + i))
        .collect();
    for athlete in &athletes {
        let minted = http
            .post(format!("{sandbox_url}/_sandbox/tokens/mint"))
            .json(&json!({"client_id": "4343", "athlete_id": athlete, "scope": "ACTIVITY:READ"}))
            .send()
            .await
            .unwrap();
        assert!(minted.status().is_success());
    }
    for (t, key) in keys.iter().enumerate() {
        for (i, athlete) in athletes.iter().enumerate() {
            connect_with(
                &bases[(t + i) % INSTANCES],
                &sandbox_url,
                key,
                &World::user(t, i),
                athlete,
                SCOPES,
            )
            .await;
        }
    }
    let deadlocks_before = count(
        &admin,
        &format!(
            "SELECT CAST(deadlocks AS BIGINT) AS n FROM pg_stat_database WHERE datname = '{name}'"
        ),
    );
    let upstream_before = sandbox_requests(&http, &sandbox_url).await;
    let counted_before = count(
        &db,
        "SELECT CAST(COALESCE(SUM(calls), 0) AS BIGINT) AS n FROM upstream_usage",
    );

    let world = Arc::new(World {
        bases: bases.clone(),
        keys: keys.clone(),
        athletes: athletes.clone(),
        http: http.clone(),
        ledger: Mutex::new(Ledger::default()),
        phase: Mutex::new(Phase::Clean),
        sandbox: sandbox.clone(),
    });

    // The load: open loop, at most 256 in flight.
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let gate = Arc::new(tokio::sync::Semaphore::new(256));
    let started = Instant::now();
    let total = Duration::from_secs(3 * phase_secs);
    let interval = Duration::from_secs_f64(1.0 / rate as f64);
    let mut tasks = Vec::new();
    let (mut killed_at, mut restarted_at) = (None::<Instant>, None::<Instant>);
    let mut seq = 0u64;
    let mut next = started;
    let mut sent = 0u64;
    while started.elapsed() < total {
        let elapsed = started.elapsed();
        let phase = match elapsed.as_secs() / phase_secs {
            0 => Phase::Clean,
            1 => Phase::Faults,
            _ => Phase::Recovery,
        };
        {
            let mut p = world.phase.lock().unwrap();
            if *p != phase {
                *p = phase;
                let faults = match phase {
                    Phase::Faults => {
                        json!({"error_rate": 0.2, "error_status": 503, "paths": ["/api/v1/"], "seed": seed})
                    }
                    _ => Value::Null,
                };
                let c = http.clone();
                let url = format!("{sandbox_url}/_sandbox/faults");
                tokio::spawn(async move {
                    let r = if faults.is_null() {
                        c.delete(url).send().await
                    } else {
                        c.post(url).json(&faults).send().await
                    };
                    assert!(r.unwrap().status().is_success());
                });
            }
        }
        if phase == Phase::Faults && killed_at.is_none() && elapsed.as_secs() >= phase_secs + 5 {
            if let Some(mut b) = processes[KILLED].take() {
                // SIGKILL: nothing of the instance's own shutdown runs.
                let _ = b.0.kill();
                let _ = b.0.wait();
            }
            killed_at = Some(Instant::now());
        }
        if let Some(k) = killed_at {
            if restarted_at.is_none() && k.elapsed() >= Duration::from_secs(10) {
                processes[KILLED] = Some(start_instance(&env(ports[KILLED]), &logs[KILLED]));
                restarted_at = Some(Instant::now());
            }
        }
        let roll = rng.gen_range(0..100u32);
        let (n, t, i, pick) = (
            rng.gen_range(0..INSTANCES),
            rng.gen_range(0..TENANTS),
            rng.gen_range(0..athletes_n),
            rng.gen::<u64>(),
        );
        seq += 1;
        let permit = gate.clone().acquire_owned().await.unwrap();
        let w = world.clone();
        tasks.push(tokio::spawn(async move {
            operate(w, roll, seq, n, t, i, pick).await;
            drop(permit);
        }));
        sent += 1;
        next += interval;
        let now = Instant::now();
        if next > now {
            tokio::time::sleep(next - now).await;
        }
    }
    let load_secs = started.elapsed().as_secs_f64();
    for t in tasks {
        t.await.expect("an operation failed its check");
    }
    let _ = http
        .delete(format!("{sandbox_url}/_sandbox/faults"))
        .send()
        .await;
    if processes[KILLED].is_none() {
        processes[KILLED] = Some(start_instance(&env(ports[KILLED]), &logs[KILLED]));
    }
    ready(&http, &bases[KILLED]).await;

    // Drain: every wellness day pushed (the days queued for the nightly push are asked for now,
    // with their last acknowledged values again), every event routed and delivered.
    let last: Vec<((usize, String), (i64, f64))> = world
        .ledger
        .lock()
        .unwrap()
        .wellness
        .iter()
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    for ((i, day), (rhr, hrv)) in last {
        let t = i % TENANTS;
        let r = http
            .put(format!(
                "{}/v1/users/{}/wellness?push=now",
                bases[0],
                World::user(t, i)
            ))
            .bearer_auth(&keys[t])
            .json(&json!([{"id": day, "restingHR": rhr, "hrv": hrv}]))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 202);
    }
    let drained = Instant::now();
    loop {
        let waiting = [
            count(
                &db,
                "SELECT COUNT(*) AS n FROM wellness_records WHERE pushed_version < version",
            ),
            count(
                &db,
                "SELECT COUNT(*) AS n FROM inbound_events WHERE routed_at IS NULL",
            ),
            count(
                &db,
                "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status <> 'succeeded'",
            ),
        ];
        let pending: i64 = waiting.iter().sum();
        if pending == 0 {
            break;
        }
        // While it waits: whether the receiver and each instance answer at once.
        if drained.elapsed().as_secs() % 15 == 14 {
            let ping = endpoint.replace("/tenant", "/ping");
            let mut seen = Vec::new();
            for url in std::iter::once(ping).chain(bases.iter().map(|b| format!("{b}/healthz"))) {
                let at = Instant::now();
                let r = http.get(&url).timeout(Duration::from_secs(5)).send().await;
                seen.push(format!(
                    "{url}: {} in {} ms",
                    r.map(|r| r.status().to_string())
                        .unwrap_or_else(|e| e.to_string()),
                    at.elapsed().as_millis()
                ));
            }
            println!("H1 drain, still waiting {waiting:?}: {seen:?}");
        }
        assert!(
            drained.elapsed() < Duration::from_secs(300),
            "still waiting after 300 s (wellness days, inbound events, deliveries): {waiting:?}"
        );
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    let drain_secs = drained.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_millis(2500)).await;

    let ledger = std::mem::take(&mut *world.ledger.lock().unwrap());
    let mut failures = Vec::new();

    // Uploads: once each, under the tenant's id.
    let mut on_upstream: HashMap<(String, String), Vec<String>> = HashMap::new();
    for athlete in &athletes {
        let list: Value = http
            .get(format!("{sandbox_url}/_sandbox/activities/{athlete}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        for a in list.as_array().unwrap() {
            if let Some(e) = a["external_id"].as_str() {
                on_upstream
                    .entry((athlete.clone(), e.to_owned()))
                    .or_default()
                    .push(a["id"].as_str().unwrap_or_default().to_owned());
            }
        }
    }
    for ((t, i, ext), id) in &ledger.uploads {
        let upstream = format!("{}.{ext}", tenant_ids[*t]);
        match on_upstream.get(&(athletes[*i].clone(), upstream)) {
            Some(ids) if ids.len() == 1 && &ids[0] == id => {}
            other => failures.push(format!(
                "upload {ext} of t{t}u{i}: {id} acknowledged, upstream {other:?}"
            )),
        }
    }
    let doubled_uploads = on_upstream.values().filter(|v| v.len() > 1).count();
    if doubled_uploads > 0 {
        failures.push(format!("{doubled_uploads} external ids twice upstream"));
    }

    // Wellness: the last acknowledged values are what Intervals.icu holds.
    let mut wellness_checked = 0;
    for (i, athlete) in athletes.iter().enumerate() {
        let list: Value = http
            .get(format!("{sandbox_url}/_sandbox/wellness/{athlete}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        for ((ii, day), (rhr, hrv)) in ledger.wellness.iter().filter(|((ii, _), _)| *ii == i) {
            let held = list
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["id"] == day.as_str())
                .cloned()
                .unwrap_or(Value::Null);
            wellness_checked += 1;
            if held["restingHR"].as_i64() != Some(*rhr) || held["hrv"].as_f64() != Some(*hrv) {
                failures.push(format!(
                    "wellness of athlete {ii} on {day}: acknowledged restingHR {rhr} hrv {hrv}, upstream {held}"
                ));
            }
        }
    }

    // Planned workouts: the last acknowledged name, once.
    let (mut workouts_checked, mut workouts_edited) = (0, 0);
    for (t, key) in keys.iter().enumerate() {
        for i in 0..athletes_n {
            let today = chrono::Utc::now().date_naive();
            let r: Value = http
                .get(format!(
                    "{}/v1/users/{}/workouts?oldest={today}&newest={}",
                    bases[0],
                    World::user(t, i),
                    today + chrono::Duration::days(14)
                ))
                .bearer_auth(key)
                .header("cache-control", "no-cache")
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            for ((tt, ii, ext), name) in ledger
                .workouts
                .iter()
                .filter(|((tt, ii, _), _)| *tt == t && *ii == i)
            {
                let edited = ledger
                    .workout_events
                    .get(&(*tt, *ii, ext.clone()))
                    .is_some_and(|ids| ids.iter().any(|id| ledger.edited_events.contains(id)));
                if edited {
                    workouts_edited += 1;
                    continue;
                }
                workouts_checked += 1;
                let found: Vec<&Value> = r["data"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|e| e["external_id"] == ext.as_str())
                    .collect();
                if found.len() != 1 || found[0]["name"] != name.as_str() {
                    failures.push(format!(
                        "workout {ext} of t{tt}u{ii}: acknowledged {name}, upstream {found:?}"
                    ));
                }
            }
        }
    }

    // Webhooks: every event delivered once, each webhook-id with one body.
    let deliveries = count(&db, "SELECT COUNT(*) AS n FROM webhook_deliveries");
    // One change, one event: no two events of a tenant's user with one payload. Not
    // `wellness.pushed`, which names the days a push sent: a day pushed again (new values) is
    // another event with the same payload.
    const TWICE: &str = "SELECT tenant_id, user_id, event_type, payload FROM events \
         WHERE event_type <> 'wellness.pushed' \
         GROUP BY tenant_id, user_id, event_type, payload HAVING COUNT(*) > 1";
    let doubled_events = count(&db, &format!("SELECT COUNT(*) AS n FROM ({TWICE}) d"));
    let inbound = count(&db, "SELECT COUNT(*) AS n FROM inbound_events");
    if doubled_events > 0 {
        let kinds = strings(
            &db,
            &format!("SELECT event_type || ' ' || payload AS v FROM ({TWICE}) d LIMIT 6"),
        );
        println!("H1 events twice, e.g.: {kinds:#?}");
    }
    let (ids, redelivered, two_bodies) = {
        let rx = received.lock().unwrap();
        let ids = rx.by_id.len() as i64;
        let redelivered: usize = rx.by_id.values().map(|v| v.len() - 1).sum();
        let two_bodies = rx
            .by_id
            .values()
            .filter(|v| v.iter().collect::<HashSet<_>>().len() > 1)
            .count();
        (ids, redelivered, two_bodies)
    };
    if ids != deliveries || doubled_events > 0 || two_bodies > 0 {
        failures.push(format!(
            "webhooks: {deliveries} deliveries, {ids} webhook-ids received, {doubled_events} events twice, {two_bodies} ids with two bodies"
        ));
    }

    // Answers: no 500; 5xx only from the killed instance around its death, or upstream's.
    let window = |a: &Answer| match (killed_at, restarted_at) {
        (Some(k), Some(r)) => {
            a.instance == KILLED
                && a.at + Duration::from_millis(a.ms as u64) >= k - Duration::from_secs(1)
                && a.at <= r + Duration::from_secs(5)
        }
        _ => false,
    };
    let mut bad = Vec::new();
    let mut upstream_5xx = 0;
    let mut killed_errors = 0;
    for a in &ledger.answers {
        if a.status == 0 || a.status >= 500 {
            if window(a) {
                killed_errors += 1;
            } else if a.status >= 502 && a.problem.contains("upstream") {
                upstream_5xx += 1;
            } else {
                bad.push(format!(
                    "{:?} {:?} on instance {}: {} {}",
                    a.phase, a.kind, a.instance, a.status, a.problem
                ));
            }
        }
    }
    if !bad.is_empty() {
        failures.push(format!(
            "{} bad answers, e.g. {:?}",
            bad.len(),
            &bad[..bad.len().min(5)]
        ));
    }
    let deadlocks = count(
        &admin,
        &format!(
            "SELECT CAST(deadlocks AS BIGINT) AS n FROM pg_stat_database WHERE datname = '{name}'"
        ),
    ) - deadlocks_before;
    let logged_deadlocks: usize = logs
        .iter()
        .map(|l| {
            std::fs::read_to_string(l)
                .unwrap_or_default()
                .matches("deadlock")
                .count()
        })
        .sum();
    if deadlocks > 0 || logged_deadlocks > 0 {
        failures.push(format!(
            "{deadlocks} deadlocks in the database, {logged_deadlocks} logged"
        ));
    }
    let made = sandbox_requests(&http, &sandbox_url).await - upstream_before;
    let counted = count(
        &db,
        "SELECT CAST(COALESCE(SUM(calls), 0) AS BIGINT) AS n FROM upstream_usage",
    ) - counted_before;

    // Figures: per phase, throughput and latency of every answer and of reads alone.
    println!(
        "H1 mixed load: {sent} operations in {load_secs:.1} s ({:.0}/s) on {INSTANCES} instances, {athletes_n} athletes x {TENANTS} tenants; instance {KILLED} killed (SIGKILL) {} s into the faults and restarted 10 s later; drained in {drain_secs:.1} s",
        sent as f64 / load_secs,
        5
    );
    let mut clean_p99 = 0.0;
    for phase in [Phase::Clean, Phase::Faults, Phase::Recovery] {
        let of: Vec<&Answer> = ledger.answers.iter().filter(|a| a.phase == phase).collect();
        let mut all: Vec<f64> = of.iter().map(|a| a.ms).collect();
        let mut reads: Vec<f64> = of
            .iter()
            .filter(|a| a.kind == Kind::Read)
            .map(|a| a.ms)
            .collect();
        let mut writes: Vec<f64> = of
            .iter()
            .filter(|a| matches!(a.kind, Kind::Upload | Kind::Wellness | Kind::Workouts))
            .map(|a| a.ms)
            .collect();
        let p99 = pct(&mut all, 0.99);
        if phase == Phase::Clean {
            clean_p99 = p99;
        }
        println!(
            "H1 {phase:?}: {} answers, p50 {:.1} ms, p99 {p99:.1} ms ({:.2}x the clean phase); reads p50 {:.1} p99 {:.1} ms; writes p50 {:.1} p99 {:.1} ms",
            of.len(),
            pct(&mut all, 0.5),
            p99 / clean_p99.max(0.001),
            pct(&mut reads, 0.5),
            pct(&mut reads, 0.99),
            pct(&mut writes, 0.5),
            pct(&mut writes, 0.99),
        );
    }
    println!(
        "H1 checked: {} uploads once upstream ({} replays answered the first), {wellness_checked} wellness days hold the last acknowledged values, {workouts_checked} planned workouts the last upsert ({workouts_edited} edited by their athletes since, not checked); {inbound} inbound events routed, {deliveries} tenant deliveries received ({redelivered} redelivered with the same webhook-id, {doubled_events} events twice); {} changes by the athletes",
        ledger.uploads.len(),
        ledger.replays_checked,
        ledger.changes
    );
    println!(
        "H1 failures: {} 5xx or refused connections from the killed instance while it died, {upstream_5xx} Intervals.icu failures passed on, {} others; {deadlocks} deadlocks; upstream calls counted {counted} of {made} Intervals.icu saw",
        killed_errors,
        bad.len()
    );
    drop(processes);
    server_handle.stop(true).await;
    // Kept when a check failed, for a look at what went wrong.
    assert!(
        failures.is_empty(),
        "integrity (database {name} kept): {failures:#?}"
    );
    let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn);
}

async fn sandbox_requests(http: &reqwest::Client, sandbox: &str) -> i64 {
    let stats: Value = http
        .get(format!("{sandbox}/_sandbox/stats"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    stats["requests"].as_i64().unwrap_or(0)
}
