//! A benchmark of a 100,000-athlete night against the sandbox: wall time as a ratio of N / the
//! configured rate, and peak memory at 10k and 100k athletes.
//!
//! For each N (`WELLNESS_BENCH_N=1000,10000` overrides the default `10000,100000`) and each
//! database (SQLite in a temp dir; PostgreSQL too when `BENCH_PG_URL` names an admin database,
//! e.g. `postgres://postgres@127.0.0.1:5432/postgres`, in which a database is created and dropped):
//! 1. setup, not measured: a fresh sandbox in this process (rate limit off, one app) mints N
//!    tokens (`/_sandbox/tokens/mint`); the same tokens, a tenant, N connections and 1–2 pending
//!    wellness days per athlete go straight into a fresh bridge database through the library, in
//!    big transactions;
//! 2. the night as an operator runs it: `intervals-bridge push-wellness --now` as a child process
//!    with `INTERVALS_RATE_LIMIT=R` (`WELLNESS_BENCH_RATE`, default 1000/s) and
//!    `BRIDGE_JOB_CONCURRENCY` (`WELLNESS_BENCH_CONCURRENCY`, default 4); its wall time, peak
//!    RSS (`VmHWM` polled every 20 ms; `ru_maxrss` is no use here, since exec carries the
//!    parent's high-water mark into it) and CPU time (`wait4`), with progress every 30 s;
//! 3. checks: the sandbox's `/_sandbox/wellness-pushes` holds N writes of N distinct athletes,
//!    every day that was pending; the database has nothing pending and N push jobs done.
//!
//! Baselines from the same run: the pacing floor N/R (wall / floor; 1.0 = the configured rate
//! was reached) and, for memory, peak(largest N) / peak(smallest N) (1.0 = flat). Each database
//! ends with its row in `BENCHMARKS.md`'s table format (P3 is PostgreSQL's).
//!
//! Run: `cargo bench --bench wellness_night` (release build of the binary).

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use diesel::PgConnection;
use futures_util::stream::{self, StreamExt};
use intervals_bridge::db::models::{Connection as ConnectionRow, Token};
use intervals_bridge::db::schema::{connections, jobs, tokens, wellness_records as wr};
use intervals_bridge::db::types::{JobStatus, TokenStatus};
use intervals_bridge::db::{self, DbConn};
use intervals_bridge::domain::tenants::{self, TenantOptions};
use intervals_bridge::support::crypto::Keyring;
use intervals_sandbox::{Sandbox, SandboxClient};
use serde_json::{json, Map, Value};

const BIN: &str = env!("CARGO_BIN_EXE_intervals-bridge");
const CLIENT_ID: &str = "bench-night";
const CLIENT_SECRET: &str = "bench-night-secret";
const SCOPES: &str = "WELLNESS:WRITE";
/// Athletes per setup transaction.
const SETUP_TX: usize = 5000;
/// Rows per multi-row INSERT (11 columns: well under SQLite's 32766 and PostgreSQL's 65535).
const INSERT_ROWS: usize = 1000;

fn env_or<T: std::str::FromStr>(var: &str, default: T) -> T {
    match std::env::var(var) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{var} is malformed")),
        Err(_) => default,
    }
}

fn sizes() -> Vec<usize> {
    match std::env::var("WELLNESS_BENCH_N") {
        Ok(v) => v
            .split(',')
            .map(|s| s.trim().replace('_', "").parse().expect("WELLNESS_BENCH_N"))
            .collect(),
        Err(_) => vec![10_000, 100_000],
    }
}

fn athlete_id(i: usize) -> String {
    format!("b{i:06}")
}

fn user_id(i: usize) -> String {
    format!("user-{i}")
}

/// Athlete i has yesterday pending, odd ones the day before too.
fn pending_days(i: usize, today: chrono::NaiveDate) -> Vec<(String, Map<String, Value>)> {
    let mut out = Vec::new();
    for back in 1..=(1 + i % 2) {
        let day = today - chrono::Duration::days(back as i64);
        let fields = json!({
            "weight": 60.0 + (i % 40) as f64 / 2.0,
            "restingHR": 42 + (i % 20),
            "hrv": 55.5,
            "sleepSecs": 27_000 + (i % 3600),
        });
        let Value::Object(map) = fields else {
            unreachable!()
        };
        out.push((day.format("%Y-%m-%d").to_string(), map));
    }
    out
}

/// A fresh database: SQLite in a temp dir, or a PostgreSQL database dropped afterwards.
struct BenchDb {
    url: String,
    label: &'static str,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl BenchDb {
    fn sqlite() -> BenchDb {
        let dir = tempfile::tempdir().unwrap();
        BenchDb {
            url: format!("sqlite://{}/bridge.db", dir.path().display()),
            label: "sqlite",
            _dir: Some(dir),
            pg: None,
        }
    }

    fn postgres(admin: &str) -> BenchDb {
        let name = format!("bench_night_{}", uuid::Uuid::new_v4().simple());
        let mut conn = PgConnection::establish(admin).expect("BENCH_PG_URL reachable");
        diesel::sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .unwrap();
        let mut url = url::Url::parse(admin).unwrap();
        url.set_path(&format!("/{name}"));
        BenchDb {
            url: url.to_string(),
            label: "postgres",
            _dir: None,
            pg: Some((admin.to_owned(), name)),
        }
    }
}

impl Drop for BenchDb {
    fn drop(&mut self) {
        if let Some((admin, name)) = &self.pg {
            if let Ok(mut conn) = PgConnection::establish(admin) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn);
            }
        }
    }
}

/// Mints one token per athlete on the sandbox, in order.
async fn mint(sandbox_url: &str, n: usize) -> Vec<String> {
    let http = reqwest::Client::new();
    let url = format!("{sandbox_url}/_sandbox/tokens/mint");
    stream::iter(0..n)
        .map(|i| {
            let (http, url) = (&http, &url);
            async move {
                let r = http
                    .post(url)
                    .json(&json!({"client_id": CLIENT_ID, "athlete_id": athlete_id(i), "scope": SCOPES}))
                    .send()
                    .await
                    .unwrap();
                assert!(r.status().is_success(), "mint: {}", r.status());
                let v: Value = r.json().await.unwrap();
                v["access_token"].as_str().unwrap().to_owned()
            }
        })
        .buffered(32)
        .collect()
        .await
}

/// A multi-row INSERT; it needs the concrete connection (the multi-backend one has none).
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr) => {
        match $conn {
            DbConn::Sqlite(c) => diesel::insert_into($table).values($rows).execute(c),
            DbConn::Postgresql(c) => diesel::insert_into($table).values($rows).execute(c),
        }
    };
}

/// Tenant, tokens, connections and pending days, straight into the database. Returns the number
/// of pending days.
fn seed(url: &str, keys: &Keyring, access: &[String]) -> anyhow::Result<usize> {
    let pool = db::connect(url)?;
    db::migrate(&pool)?;
    let mut conn = pool.get()?;
    let tenant = tenants::create(
        &mut conn,
        keys,
        tenants::UrlPolicy::HttpsOnly,
        TenantOptions {
            name: Some("Bench tenant".into()),
            ..Default::default()
        },
    )?;
    let today = chrono::Utc::now().date_naive();
    let mut days = 0;
    let ids: Vec<usize> = (0..access.len()).collect();
    for chunk in ids.chunks(SETUP_TX) {
        days += db::write_tx(&mut conn, |c: &mut DbConn| -> anyhow::Result<usize> {
            let now = db::now();
            let mut token_rows = Vec::with_capacity(chunk.len());
            for &i in chunk {
                let (key_id, enc) = keys.encrypt(&access[i])?;
                token_rows.push(Token {
                    id: db::new_id(),
                    client_id: CLIENT_ID.into(),
                    athlete_id: athlete_id(i).into(),
                    athlete_name: Some(format!("Athlete {}", athlete_id(i))),
                    access_token_enc: enc,
                    key_id,
                    scopes: SCOPES.into(),
                    status: TokenStatus::Active,
                    status_reason: None,
                    created_at: now,
                    updated_at: now,
                });
            }
            let conn_rows: Vec<ConnectionRow> = chunk
                .iter()
                .zip(&token_rows)
                .map(|(&i, t)| ConnectionRow {
                    id: db::new_id(),
                    tenant_id: tenant.id.clone().into(),
                    user_id: user_id(i).into(),
                    athlete_id: athlete_id(i).into(),
                    token_id: t.id.clone(),
                    scopes: SCOPES.into(),
                    connected_at: now,
                    updated_at: now,
                })
                .collect();
            for part in token_rows.chunks(INSERT_ROWS) {
                insert_rows!(c, tokens::table, part)?;
            }
            for part in conn_rows.chunks(INSERT_ROWS) {
                insert_rows!(c, connections::table, part)?;
            }
            let mut n = 0;
            for &i in chunk {
                let records = pending_days(i, today);
                n += records.len();
                intervals_bridge::domain::wellness::merge(
                    c,
                    &tenant.id.clone().into(),
                    &user_id(i).into(),
                    &athlete_id(i).into(),
                    &records,
                    false,
                )?;
            }
            Ok(n)
        })?;
    }
    Ok(days)
}

/// `struct rusage` on 64-bit Linux: two `timeval`s (user, system CPU), then 14 `long`s.
#[repr(C)]
#[derive(Default)]
struct RUsage {
    utime: [i64; 2],
    stime: [i64; 2],
    _longs: [i64; 14],
}

extern "C" {
    fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut RUsage) -> i32;
}

/// Reaps the child and returns its exit status and resource usage.
fn reap(pid: u32) -> (i32, RUsage) {
    let mut status = 0;
    let mut usage = RUsage::default();
    // SAFETY: both pointers are to live, writable values of the layout the kernel fills in;
    // `pid` is our own child, not yet reaped (std's `Child::wait` is never called for it).
    let r = unsafe { wait4(pid as i32, &mut status, 0, &mut usage) };
    assert_eq!(r, pid as i32, "wait4 failed");
    (status, usage)
}

/// `VmHWM` (peak RSS) of a live process, in KiB.
fn vm_hwm_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

struct Night {
    wall: Duration,
    /// Until `push-wellness` printed that the athletes were queued.
    enqueue: Duration,
    /// `VmHWM` at the last poll before exit.
    peak_kib: u64,
    cpu: Duration,
    queued: usize,
    run: usize,
    not_done: usize,
}

/// `VmRSS` of a live process, in KiB.
fn vm_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

/// Push jobs done so far.
fn done_jobs(pool: &db::DbPool) -> i64 {
    let mut c = pool.get().unwrap();
    jobs::table
        .filter(jobs::kind.eq(intervals_bridge::domain::wellness::push::PUSH))
        .filter(jobs::status.eq(JobStatus::Done))
        .count()
        .get_result(&mut c)
        .unwrap_or(-1)
}

/// Runs `push-wellness --now` and watches it, printing progress every `PROGRESS`.
// The child is reaped by `wait4` in `reap` (for its CPU times), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn run_night(env: &[(&str, String)], cwd: &std::path::Path, label: &str, n: usize) -> Night {
    const PROGRESS: Duration = Duration::from_secs(30);
    let db_url = &env
        .iter()
        .find(|(k, _)| *k == "BRIDGE_DATABASE_URL")
        .unwrap()
        .1;
    let progress_pool = db::connect(db_url).unwrap();
    let mut next_progress = PROGRESS;
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .args(["push-wellness", "--now"])
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .current_dir(cwd)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<(Instant, String)>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let _ = tx.send((Instant::now(), line));
        }
    });
    let mut polled = 0;
    let mut lines = Vec::new();
    loop {
        if let Some(kib) = vm_hwm_kib(pid) {
            polled = polled.max(kib);
        }
        while let Ok(l) = rx.try_recv() {
            lines.push(l);
        }
        if reader.is_finished() {
            break;
        }
        if started.elapsed() >= next_progress {
            next_progress += PROGRESS;
            let done = done_jobs(&progress_pool);
            println!(
                "[{label} N={n}]   {:>4.0} s: {done}/{n} pushed, RSS {:.1} MiB (peak {:.1})",
                started.elapsed().as_secs_f64(),
                mib(vm_rss_kib(pid).unwrap_or(0)),
                mib(polled)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let (status, usage) = reap(pid);
    let wall = started.elapsed();
    lines.extend(rx.try_iter());
    assert_eq!(status, 0, "push-wellness failed: {lines:?}");
    let number = |l: &str| -> usize {
        l.split_whitespace()
            .next()
            .and_then(|w| w.parse().ok())
            .unwrap_or(0)
    };
    let (queued_at, queued_line) = lines
        .iter()
        .find(|(_, l)| l.contains("queued"))
        .cloned()
        .expect("the queued line");
    let done_line = &lines
        .iter()
        .find(|(_, l)| l.contains("job(s) run"))
        .unwrap()
        .1;
    let not_done = done_line
        .split(", ")
        .nth(1)
        .map(number)
        .unwrap_or(usize::MAX);
    let cpu = Duration::from_micros(
        (usage.utime[0] * 1_000_000 + usage.utime[1] + usage.stime[0] * 1_000_000 + usage.stime[1])
            as u64,
    );
    Night {
        wall,
        enqueue: queued_at.duration_since(started),
        peak_kib: polled,
        cpu,
        queued: number(&queued_line),
        run: number(done_line),
        not_done,
    }
}

/// Checks what the sandbox received and what the database says.
async fn check(sandbox_url: &str, db_url: &str, n: usize, days: usize) -> String {
    let pushes: Value = reqwest::get(format!("{sandbox_url}/_sandbox/wellness-pushes"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let pushes = pushes.as_array().unwrap();
    let mut per_athlete: HashMap<&str, usize> = HashMap::new();
    let mut records = 0;
    for p in pushes {
        *per_athlete
            .entry(p["athlete_id"].as_str().unwrap())
            .or_default() += 1;
        records += p["records"].as_array().unwrap().len();
        assert!(p["path"].as_str().unwrap().ends_with("/wellness-bulk"));
    }
    assert_eq!(pushes.len(), n, "wellness writes");
    assert_eq!(per_athlete.len(), n, "distinct athletes pushed");
    assert!(per_athlete.values().all(|c| *c == 1), "one write each");
    let expected: HashSet<String> = (0..n).map(athlete_id).collect();
    assert!(per_athlete.keys().all(|a| expected.contains(*a)));
    assert_eq!(records, days, "days pushed");
    let stats: Value = reqwest::get(format!("{sandbox_url}/_sandbox/stats"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(stats["rate_limited"], 0);
    let url = db_url.to_owned();
    let (pending, done): (i64, i64) = tokio::task::spawn_blocking(move || {
        let pool = db::connect(&url).unwrap();
        let mut c = pool.get().unwrap();
        let pending = wr::table
            .filter(wr::pushed_version.lt(wr::version))
            .count()
            .get_result(&mut c)
            .unwrap();
        let done = jobs::table
            .filter(jobs::kind.eq(intervals_bridge::domain::wellness::push::PUSH))
            .filter(jobs::status.eq(JobStatus::Done))
            .count()
            .get_result(&mut c)
            .unwrap();
        (pending, done)
    })
    .await
    .unwrap();
    assert_eq!(pending, 0, "days still pending");
    assert_eq!(done as usize, n, "push jobs done");
    format!(
        "ok: {} writes, {} athletes once each, {records} days, {} upstream requests, 0 pending",
        pushes.len(),
        per_athlete.len(),
        stats["requests"]
    )
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

#[actix_web::main]
async fn main() {
    let rate: f64 = env_or("WELLNESS_BENCH_RATE", 1000.0);
    let concurrency: usize = env_or("WELLNESS_BENCH_CONCURRENCY", 4);
    let sizes = sizes();
    let mut backends = vec![None];
    if let Ok(admin) = std::env::var("BENCH_PG_URL") {
        backends.push(Some(admin));
    }
    println!(
        "wellness night: R = {rate}/s (INTERVALS_RATE_LIMIT), BRIDGE_JOB_CONCURRENCY = {concurrency}, N = {sizes:?}"
    );
    let keys_spec = Keyring::generate_spec("k1");
    for admin in &backends {
        let mut peaks: Vec<(usize, u64)> = Vec::new();
        let mut walls: Vec<(usize, f64)> = Vec::new();
        for &n in &sizes {
            let bench_db = match admin {
                None => BenchDb::sqlite(),
                Some(a) => BenchDb::postgres(a),
            };
            let cwd = tempfile::tempdir().unwrap();

            // Setup (not measured).
            let sandbox = Sandbox::new();
            sandbox.register_client(SandboxClient {
                client_id: CLIENT_ID.into(),
                client_secret: CLIENT_SECRET.into(),
                name: "Bench night".into(),
            });
            sandbox.set_rate_limit(0.0, 1.0);
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            let sandbox_url = format!("http://{}", listener.local_addr().unwrap());
            let server = sandbox.server(listener).unwrap();
            let server_handle = server.handle();
            actix_web::rt::spawn(server);
            let t = Instant::now();
            let access = mint(&sandbox_url, n).await;
            let minted = t.elapsed();
            let t = Instant::now();
            let (url, spec) = (bench_db.url.clone(), keys_spec.clone());
            let days = tokio::task::spawn_blocking(move || {
                seed(&url, &Keyring::parse(&spec).unwrap(), &access)
            })
            .await
            .unwrap()
            .unwrap();
            println!(
                "[{} N={n}] setup: minted {n} tokens in {:.1} s, seeded {days} pending days in {:.1} s",
                bench_db.label,
                minted.as_secs_f64(),
                t.elapsed().as_secs_f64()
            );

            // The night.
            let env = [
                ("BRIDGE_DATABASE_URL", bench_db.url.clone()),
                ("BRIDGE_ENCRYPTION_KEYS", keys_spec.clone()),
                ("INTERVALS_BASE_URL", sandbox_url.clone()),
                ("INTERVALS_CLIENT_ID", CLIENT_ID.into()),
                ("INTERVALS_CLIENT_SECRET", CLIENT_SECRET.into()),
                ("INTERVALS_WEBHOOK_SECRET", "bench".into()),
                ("INTERVALS_RATE_LIMIT", rate.to_string()),
                ("BRIDGE_JOB_CONCURRENCY", concurrency.to_string()),
                ("RUST_LOG", "warn".into()),
            ];
            let cwd_path = cwd.path().to_owned();
            let label = bench_db.label;
            let night = tokio::task::spawn_blocking(move || run_night(&env, &cwd_path, label, n))
                .await
                .unwrap();
            assert_eq!(night.queued, n, "athletes queued");
            assert_eq!(night.run, n, "jobs run");
            assert_eq!(night.not_done, 0, "jobs not done");
            let verdict = check(&sandbox_url, &bench_db.url, n, days).await;
            server_handle.stop(true).await;

            let floor = n as f64 / rate;
            let pushes = night.wall - night.enqueue;
            println!(
                "[{} N={n}] wall {:.2} s (enqueue {:.2} s + pushes {:.2} s); floor N/R {:.2} s",
                bench_db.label,
                night.wall.as_secs_f64(),
                night.enqueue.as_secs_f64(),
                pushes.as_secs_f64(),
                floor
            );
            println!(
                "[{} N={n}] ratio wall/(N/R) = {:.3}   (pushes only: {:.3}; achieved {:.0} athletes/s of R = {rate})",
                bench_db.label,
                night.wall.as_secs_f64() / floor,
                pushes.as_secs_f64() / floor,
                n as f64 / night.wall.as_secs_f64()
            );
            println!(
                "[{} N={n}] peak RSS (VmHWM) {:.1} MiB; CPU {:.2} s = {:.3} ms/athlete",
                bench_db.label,
                mib(night.peak_kib),
                night.cpu.as_secs_f64(),
                night.cpu.as_secs_f64() * 1e3 / n as f64
            );
            println!("[{} N={n}] check {verdict}", bench_db.label);
            peaks.push((n, night.peak_kib));
            walls.push((n, night.wall.as_secs_f64()));
        }
        if let (Some(small), Some(large)) = (
            peaks.iter().min_by_key(|p| p.0),
            peaks.iter().max_by_key(|p| p.0),
        ) {
            if small.0 != large.0 {
                let label = if admin.is_some() {
                    "postgres"
                } else {
                    "sqlite"
                };
                println!(
                    "[{label}] memory ratio peak(N={}) / peak(N={}) = {:.1} / {:.1} MiB = {:.2}   (flat = 1.00; N grew {}x)",
                    large.0,
                    small.0,
                    mib(large.1),
                    mib(small.1),
                    large.1 as f64 / small.1 as f64,
                    large.0 / small.0
                );
            }
        }
        if let (Some(small), Some(large), Some(&(n, wall))) = (
            peaks.iter().min_by_key(|p| p.0),
            peaks.iter().max_by_key(|p| p.0),
            walls.iter().max_by_key(|w| w.0),
        ) {
            let (goal, db_name) = if admin.is_some() {
                ("P3", "PostgreSQL")
            } else {
                ("P3 (SQLite)", "SQLite")
            };
            let floor = n as f64 / rate;
            println!(
                "| {goal} | {n}-athlete night on {db_name}, wall / (N/R); peak RSS at N={} / at N={} | pacing floor N/R = {floor:.0} s (R = {rate}/s); peak RSS at N={}: {:.1} MiB | {:.2}× ({wall:.1} s); RSS {:.2}× ({:.1} MiB) | {} |",
                large.0,
                small.0,
                small.0,
                mib(small.1),
                wall / floor,
                large.1 as f64 / small.1 as f64,
                mib(large.1),
                chrono::Utc::now().format("%Y-%m-%d")
            );
        }
    }
}
