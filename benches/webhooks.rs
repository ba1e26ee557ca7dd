//! Benchmarks of the webhook paths, each reported as a ratio against a baseline measured in the
//! same run (machines are shared and noisy):
//! - inbound: Intervals.icu events accepted per second at `POST /webhooks/intervals` in batches
//!   of 50 by a few concurrent clients, against the raw insert rate of the same rows (the
//!   `inbound_events` rows and the routing job the receiver queues for each batch, through the
//!   library, 50 events per transaction) on an identical fresh database. Measured twice: with the routing workers held
//!   off (`BRIDGE_JOB_POLL_MS` = 10 min: the receiver alone) and with them routing as deployed
//!   (20 ms), then how long routing takes to catch up;
//! - outbound: signed deliveries per second from the bridge's webhook workers to a local
//!   receiver, against the same number of POSTs of the same bodies sent straight to it by
//!   reqwest with the same concurrency. Every signature is verified with `standardwebhooks`;
//! - latency: inbound events posted at a steady rate (1,000/s), each about an athlete connected to
//!   a tenant whose webhook URL is the local receiver, to a bridge polling at the default interval:
//!   the time from each delivery's creation (`webhook_deliveries.created_at`, when routing queued
//!   it) to its arrival, p50/p99/max.
//!
//! Each part ends with the row it measured in `BENCHMARKS.md`'s table format (P2, P4).
//!
//! The bridge runs as its own process (`serve`, SQLite in a temp dir); the receiver and the
//! baselines run in this process. Baselines are measured before and after (and between) the
//! bridge runs and their median is used.
//!
//! Run: `cargo bench --bench webhooks` (release build of the binary).
//! `WEBHOOK_BENCH_BATCHES` (200), `WEBHOOK_BENCH_CLIENTS` (4), `WEBHOOK_BENCH_DELIVERIES` (10000),
//! `WEBHOOK_BENCH_CONCURRENCY` (`BRIDGE_WEBHOOK_CONCURRENCY`, 32), `WEBHOOK_BENCH_RATE` (1000)
//! and `WEBHOOK_BENCH_SECS` (5, the latency run) override the defaults.

use std::collections::HashSet;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use diesel::prelude::*;
use futures_util::stream::{self, StreamExt};
use intervals_bridge::db::models::{Connection as ConnectionRow, Event, Token};
use intervals_bridge::db::schema::{
    connections, events, inbound_events as ie, jobs, tokens, webhook_attempts,
    webhook_deliveries as wd,
};
use intervals_bridge::db::types::{DeliveryStatus, TokenStatus};
use intervals_bridge::db::{self, DbConn};
use intervals_bridge::domain::tenants::{self, TenantOptions};
use intervals_bridge::domain::webhooks::outbox::{record_event, EventType, Recipient};
use intervals_bridge::domain::webhooks::{inbound, outbound};
use intervals_bridge::services::jobs::NewJob;
use intervals_bridge::support::crypto::{self, Keyring};
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_intervals-bridge");
const CLIENT_ID: &str = "bench-hooks";
const INBOUND_SECRET: &str = "bench-inbound-secret";
const BATCH: usize = 50;
/// Distinct athletes the events are about; the first `CONNECTED` have a connection in each of
/// the two tenants, so routing fans those out twice and drops the rest.
const ATHLETES: usize = 200;
const CONNECTED: usize = 100;
/// Untimed batches first (both in the bridge and in the baseline).
const WARMUP_BATCHES: usize = 4;

fn env_or<T: std::str::FromStr>(var: &str, default: T) -> T {
    match std::env::var(var) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{var} is malformed")),
        Err(_) => default,
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn athlete(k: usize) -> String {
    format!("i{}", 700_000 + k)
}

/// Distinct upstream events: `ACTIVITY_UPLOADED` with an activity summary as Intervals.icu sends.
fn inbound_event(n: usize) -> Value {
    let a = athlete(n % ATHLETES);
    json!({
        "athlete_id": a,
        "type": "ACTIVITY_UPLOADED",
        "timestamp": format!("2026-11-23T{:02}:{:02}:{:02}.000+00:00", n / 3600 % 24, n / 60 % 60, n % 60),
        "activity": {
            "id": format!("i{}", 90_000_000 + n),
            "icu_athlete_id": a,
            "start_date_local": "2026-11-22T07:30:00",
            "type": "Ride",
            "name": format!("Morning ride {n}"),
            "moving_time": 3600 + n % 600,
            "distance": 30_000.0 + (n % 1000) as f64,
            "icu_training_load": 60 + n % 40,
            "source": "OAUTH_CLIENT",
        },
    })
}

struct Bridge(Child);

impl Drop for Bridge {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A fresh SQLite database (migrated) with its keyring.
struct Db {
    url: String,
    _dir: tempfile::TempDir,
    pool: db::DbPool,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/bridge.db", dir.path().display());
        let pool = db::connect(&url).unwrap();
        db::migrate(&pool).unwrap();
        Db {
            url,
            _dir: dir,
            pool,
        }
    }

    fn count<F>(&self, f: F) -> i64
    where
        F: FnOnce(&mut DbConn) -> QueryResult<i64>,
    {
        let mut conn = self.pool.get().unwrap();
        f(&mut conn).unwrap()
    }
}

fn tenant(
    conn: &mut DbConn,
    keys: &Keyring,
    name: &str,
    webhook_url: Option<String>,
) -> tenants::CreatedTenant {
    tenants::create(
        conn,
        keys,
        // The receivers are local.
        tenants::UrlPolicy::AllowPrivate,
        TenantOptions {
            name: Some(name.into()),
            webhook_url,
            ..Default::default()
        },
    )
    .unwrap()
}

/// Two tenants, each connected to the first `CONNECTED` athletes (one token per athlete); the
/// first has `webhook_url`, if any. Returns the first.
fn seed_connections(db: &Db, keys: &Keyring, webhook_url: Option<&str>) -> tenants::CreatedTenant {
    let mut conn = db.pool.get().unwrap();
    let first = tenant(&mut conn, keys, "Tenant A", webhook_url.map(str::to_owned));
    let tenants = [
        first.id.clone(),
        tenant(&mut conn, keys, "Tenant B", None).id,
    ];
    db::write_tx(&mut conn, |c: &mut DbConn| -> QueryResult<()> {
        let now = db::now();
        for k in 0..CONNECTED {
            let (key_id, enc) = keys.encrypt(&format!("token-{k}")).unwrap();
            let token = Token {
                id: db::new_id(),
                client_id: CLIENT_ID.into(),
                athlete_id: athlete(k).into(),
                athlete_name: None,
                access_token_enc: enc,
                key_id,
                scopes: "ACTIVITY:READ".into(),
                status: TokenStatus::Active,
                status_reason: None,
                created_at: now,
                updated_at: now,
            };
            diesel::insert_into(tokens::table)
                .values(&token)
                .execute(c)?;
            for t in &tenants {
                diesel::insert_into(connections::table)
                    .values(&ConnectionRow {
                        id: db::new_id(),
                        tenant_id: t.clone().into(),
                        user_id: format!("user-{k}").into(),
                        athlete_id: athlete(k).into(),
                        token_id: token.id.clone(),
                        scopes: "ACTIVITY:READ".into(),
                        connected_at: now,
                        updated_at: now,
                    })
                    .execute(c)?;
            }
        }
        Ok(())
    })
    .unwrap();
    first
}

fn bridge_env(
    db: &Db,
    keys_spec: &str,
    port: u16,
    extra: &[(&'static str, String)],
) -> Vec<(&'static str, String)> {
    let mut env = vec![
        ("BRIDGE_DATABASE_URL", db.url.clone()),
        ("BRIDGE_ENCRYPTION_KEYS", keys_spec.to_owned()),
        ("BRIDGE_LISTEN", format!("127.0.0.1:{port}")),
        ("BRIDGE_PUBLIC_URL", format!("http://127.0.0.1:{port}")),
        // Nothing here calls upstream; a closed local port keeps it that way.
        (
            "INTERVALS_BASE_URL",
            format!("http://127.0.0.1:{}", free_port()),
        ),
        ("INTERVALS_CLIENT_ID", CLIENT_ID.into()),
        ("INTERVALS_CLIENT_SECRET", "bench-secret".into()),
        ("INTERVALS_WEBHOOK_SECRET", INBOUND_SECRET.into()),
        ("RUST_LOG", "warn".into()),
    ];
    env.extend(extra.iter().cloned());
    env
}

fn spawn_bridge(env: &[(&'static str, String)], cwd: &std::path::Path) -> Bridge {
    Bridge(
        Command::new(BIN)
            .arg("serve")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .current_dir(cwd)
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

async fn wait_ready(http: &reqwest::Client, base: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(r) = http.get(format!("{base}/readyz")).send().await {
            if r.status().is_success() {
                return;
            }
        }
        assert!(Instant::now() < deadline, "the bridge did not become ready");
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Posts `batches` (each a list of events) with `clients` at once; returns the elapsed time.
async fn post_batches(
    http: &reqwest::Client,
    base: &str,
    batches: &[Vec<Value>],
    clients: usize,
) -> Duration {
    let url = format!("{base}/webhooks/intervals");
    let t = Instant::now();
    stream::iter(batches)
        .map(|events| {
            let (http, url) = (http, &url);
            async move {
                let r = http
                    .post(url)
                    .json(&json!({"secret": INBOUND_SECRET, "events": events}))
                    .send()
                    .await
                    .unwrap();
                assert!(r.status().is_success(), "inbound: {}", r.status());
                let v: Value = r.json().await.unwrap();
                assert_eq!(v["received"], events.len());
                assert_eq!(v["duplicates"], 0);
            }
        })
        .buffer_unordered(clients)
        .collect::<Vec<()>>()
        .await;
    t.elapsed()
}

/// The receiver's rows and jobs (one routing job per batch, as the receiver queues it), inserted
/// straight through the library, 50 events per transaction.
fn raw_insert(db: &Db, batches: &[Vec<Value>]) -> Duration {
    let mut conn = db.pool.get().unwrap();
    let mut insert = |batch: &[Value]| {
        db::write_tx(&mut conn, |c: &mut DbConn| -> QueryResult<()> {
            let mut ids = Vec::with_capacity(batch.len());
            for ev in batch {
                let canonical = ev.to_string();
                let id = db::new_id();
                diesel::insert_into(ie::table)
                    .values((
                        ie::id.eq(&id),
                        ie::dedupe_hash.eq(crypto::sha256_hex(canonical.as_bytes())),
                        ie::athlete_id.eq(ev["athlete_id"].as_str()),
                        ie::event_type.eq(ev["type"].as_str().unwrap()),
                        ie::payload.eq(&canonical),
                        ie::received_at.eq(db::now()),
                    ))
                    .execute(c)?;
                ids.push(id);
            }
            intervals_bridge::services::jobs::enqueue(
                c,
                &NewJob::of(&inbound::RouteJob {
                    inbound_id: None,
                    inbound_ids: ids,
                }),
            )?;
            Ok(())
        })
        .unwrap();
    };
    for b in &batches[..WARMUP_BATCHES] {
        insert(b);
    }
    let t = Instant::now();
    for b in &batches[WARMUP_BATCHES..] {
        insert(b);
    }
    t.elapsed()
}

/// Baseline for the inbound path: a fresh, identically seeded database.
async fn inbound_baseline(keys_spec: &str, batches: &[Vec<Value>]) -> f64 {
    let (spec, batches) = (keys_spec.to_owned(), batches.to_vec());
    tokio::task::spawn_blocking(move || {
        let db = Db::new();
        seed_connections(&db, &Keyring::parse(&spec).unwrap(), None);
        let events = (batches.len() - WARMUP_BATCHES) * BATCH;
        let took = raw_insert(&db, &batches);
        let rows = db.count(|c| ie::table.count().get_result(c));
        assert_eq!(rows as usize, batches.len() * BATCH);
        events as f64 / took.as_secs_f64()
    })
    .await
    .unwrap()
}

struct InboundRun {
    accepted_per_sec: f64,
    /// From the first timed POST until every event was routed (live routing only).
    routed: Option<(Duration, Duration)>,
}

/// One bridge run of the inbound path on a fresh, seeded database.
async fn inbound_bridge(
    keys_spec: &str,
    batches: &[Vec<Value>],
    clients: usize,
    poll_ms: u64,
) -> InboundRun {
    let db = Db::new();
    seed_connections(&db, &Keyring::parse(keys_spec).unwrap(), None);
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let cwd = tempfile::tempdir().unwrap();
    let env = bridge_env(
        &db,
        keys_spec,
        port,
        &[("BRIDGE_JOB_POLL_MS", poll_ms.to_string())],
    );
    let bridge = spawn_bridge(&env, cwd.path());
    let http = reqwest::Client::new();
    wait_ready(&http, &base).await;
    post_batches(&http, &base, &batches[..WARMUP_BATCHES], clients).await;
    let timed = &batches[WARMUP_BATCHES..];
    let started = Instant::now();
    let took = post_batches(&http, &base, timed, clients).await;
    let total = batches.len() * BATCH;
    let rows = db.count(|c| ie::table.count().get_result(c));
    assert_eq!(rows as usize, total, "inbound rows stored");
    let routes = db.count(|c| {
        jobs::table
            .filter(jobs::kind.eq(inbound::ROUTE))
            .count()
            .get_result(c)
    });
    assert_eq!(
        routes as usize,
        batches.len(),
        "routing jobs queued (one per batch)"
    );
    let mut routed = None;
    if poll_ms < 1000 {
        let deadline = Instant::now() + Duration::from_secs(600);
        loop {
            let left = db.count(|c| {
                ie::table
                    .filter(ie::routed_at.is_null())
                    .count()
                    .get_result(c)
            });
            if left == 0 {
                break;
            }
            assert!(Instant::now() < deadline, "routing did not finish");
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        }
        routed = Some((started.elapsed(), started.elapsed() - took));
        // Every event about a connected athlete became one tenant event per tenant.
        let fanned = db.count(|c| events::table.count().get_result(c));
        let expected = (0..total).filter(|n| n % ATHLETES < CONNECTED).count() * 2;
        assert_eq!(fanned as usize, expected, "tenant events after routing");
    }
    drop(bridge);
    InboundRun {
        accepted_per_sec: (timed.len() * BATCH) as f64 / took.as_secs_f64(),
        routed,
    }
}

/// What the local receiver got.
#[derive(Default)]
struct Inbox {
    count: AtomicUsize,
    /// (arrival, headers, body) of every request.
    log: Mutex<Vec<(Instant, http::HeaderMap, web::Bytes)>>,
    /// (arrival by the wall clock, `webhook-id`) of every request, to compare with times the
    /// bridge stored.
    wall: Mutex<Vec<(SystemTime, String)>>,
}

async fn receive(req: HttpRequest, body: web::Bytes, inbox: web::Data<Inbox>) -> HttpResponse {
    let mut headers = http::HeaderMap::new();
    for (k, v) in req.headers() {
        headers.insert(
            http::HeaderName::from_bytes(k.as_str().as_bytes()).unwrap(),
            http::HeaderValue::from_bytes(v.as_bytes()).unwrap(),
        );
    }
    let id = headers
        .get("webhook-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    inbox.wall.lock().unwrap().push((SystemTime::now(), id));
    inbox
        .log
        .lock()
        .unwrap()
        .push((Instant::now(), headers, body));
    inbox.count.fetch_add(1, Ordering::SeqCst);
    HttpResponse::Ok().body("ok")
}

impl Inbox {
    fn take(&self) -> Vec<(Instant, http::HeaderMap, web::Bytes)> {
        self.count.store(0, Ordering::SeqCst);
        self.wall.lock().unwrap().clear();
        std::mem::take(&mut *self.log.lock().unwrap())
    }
}

/// Requests per second between the first and the last arrival.
fn arrival_rate(log: &[(Instant, http::HeaderMap, web::Bytes)]) -> f64 {
    let first = log.iter().map(|l| l.0).min().unwrap();
    let last = log.iter().map(|l| l.0).max().unwrap();
    (log.len() - 1) as f64 / last.duration_since(first).as_secs_f64()
}

/// The same bodies POSTed straight to the receiver, `concurrency` at once.
async fn outbound_baseline(
    inbox: &Inbox,
    url: &str,
    bodies: &[Vec<u8>],
    concurrency: usize,
) -> f64 {
    let http = reqwest::Client::new();
    stream::iter(bodies)
        .map(|b| {
            let (http, body) = (&http, b.clone());
            async move {
                let r = http
                    .post(url)
                    .header("content-type", "application/json")
                    .header("webhook-id", "msg_00000000000000000000000000000000")
                    .header("webhook-timestamp", "1700000000")
                    .header("webhook-signature", format!("v1,{}", "A".repeat(44)))
                    .body(body)
                    .send()
                    .await
                    .unwrap();
                assert!(r.status().is_success());
                r.bytes().await.unwrap();
            }
        })
        .buffer_unordered(concurrency)
        .collect::<Vec<()>>()
        .await;
    let log = inbox.take();
    assert_eq!(log.len(), bodies.len());
    arrival_rate(&log)
}

#[actix_web::main]
async fn main() {
    let batches_n: usize = env_or("WEBHOOK_BENCH_BATCHES", 200);
    let clients: usize = env_or("WEBHOOK_BENCH_CLIENTS", 4);
    let m: usize = env_or("WEBHOOK_BENCH_DELIVERIES", 10_000);
    let concurrency: usize = env_or("WEBHOOK_BENCH_CONCURRENCY", 32);
    let keys_spec = Keyring::generate_spec("k1");
    let keys = Keyring::parse(&keys_spec).unwrap();

    // 1. Inbound events.
    let batches: Vec<Vec<Value>> = (0..WARMUP_BATCHES + batches_n)
        .map(|b| (0..BATCH).map(|i| inbound_event(b * BATCH + i)).collect())
        .collect();
    let events = batches_n * BATCH;
    println!(
        "inbound: {batches_n} batches of {BATCH} = {events} events ({WARMUP_BATCHES} batches warm-up), {clients} concurrent clients, {ATHLETES} athletes of which {CONNECTED} connected in 2 tenants"
    );
    let mut raw = vec![inbound_baseline(&keys_spec, &batches).await];
    let isolated = inbound_bridge(&keys_spec, &batches, clients, 600_000).await;
    raw.push(inbound_baseline(&keys_spec, &batches).await);
    let live = inbound_bridge(&keys_spec, &batches, clients, 20).await;
    raw.push(inbound_baseline(&keys_spec, &batches).await);
    let raw_rate = median(raw.clone());
    println!(
        "raw inserts (library, {BATCH}/tx)          {:>8.0} events/s   (runs: {})",
        raw_rate,
        raw.iter()
            .map(|r| format!("{r:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "accepted, routing held off            {:>8.0} events/s   ratio accepted/raw {:.3}",
        isolated.accepted_per_sec,
        isolated.accepted_per_sec / raw_rate
    );
    println!(
        "accepted, routing live (poll 20 ms)   {:>8.0} events/s   ratio accepted/raw {:.3}",
        live.accepted_per_sec,
        live.accepted_per_sec / raw_rate
    );
    if let Some((all, after)) = live.routed {
        println!(
            "  all {events} routed {:.2} s after the first POST ({:.2} s after the last answer): {:.0} events/s end to end, ratio {:.3} of raw",
            all.as_secs_f64(),
            after.as_secs_f64(),
            events as f64 / all.as_secs_f64(),
            events as f64 / all.as_secs_f64() / raw_rate
        );
    }

    let today = chrono::Utc::now().format("%Y-%m-%d");
    if let Some((all, _)) = live.routed {
        let rate = events as f64 / all.as_secs_f64();
        println!(
            "| P2 | webhook events routed to tenant events end to end ({events} events, batches of {BATCH}, {clients} clients, SQLite) | raw inserts of the same rows through the library, {BATCH} events/tx: {raw_rate:.0} events/s | {:.2}× ({rate:.0} events/s) | {today} |",
            rate / raw_rate
        );
    }

    // 2. Signed deliveries.
    let inbox = web::Data::new(Inbox::default());
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let hook_url = format!("http://{}/hooks", listener.local_addr().unwrap());
    let data = inbox.clone();
    let receiver = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .default_service(web::to(receive))
    })
    .workers(2)
    .listen(listener)
    .unwrap()
    .run();
    let receiver_handle = receiver.handle();
    actix_web::rt::spawn(receiver);

    let db = Db::new();
    let created = tenant(
        &mut db.pool.get().unwrap(),
        &keys,
        "Hooked",
        Some(hook_url.clone()),
    );
    {
        let mut conn = db.pool.get().unwrap();
        for chunk in (0..m).collect::<Vec<_>>().chunks(500) {
            db::write_tx(&mut conn, |c: &mut DbConn| -> QueryResult<()> {
                for &n in chunk {
                    let ev = inbound_event(n);
                    record_event(
                        c,
                        Recipient {
                            tenant_id: &created.id.clone().into(),
                            user_id: &format!("user-{}", n % ATHLETES).into(),
                            athlete_id: &ev["athlete_id"].as_str().unwrap().into(),
                        },
                        EventType::from_upstream("ACTIVITY_UPLOADED"),
                        json!({ "activity": ev["activity"], "upstream_type": "ACTIVITY_UPLOADED" }),
                    )?;
                }
                Ok(())
            })
            .unwrap();
        }
    }
    let queued = db.count(|c| wd::table.count().get_result(c));
    assert_eq!(queued as usize, m, "deliveries created");
    // The bodies the bridge will send, for the baseline.
    let bodies: Vec<Vec<u8>> = events::table
        .select(Event::as_select())
        .load(&mut db.pool.get().unwrap())
        .unwrap()
        .iter()
        .map(|e| serde_json::to_vec(&outbound::body(e)).unwrap())
        .collect();
    let hook_workers = concurrency;
    let mean_body = bodies.iter().map(Vec::len).sum::<usize>() / bodies.len();
    println!(
        "outbound: {m} signed deliveries (bodies ~{mean_body} B) by {hook_workers} webhook workers (BRIDGE_WEBHOOK_CONCURRENCY)"
    );

    let mut direct = vec![outbound_baseline(&inbox, &hook_url, &bodies, hook_workers).await];
    let port = free_port();
    let cwd = tempfile::tempdir().unwrap();
    let env = bridge_env(
        &db,
        &keys_spec,
        port,
        &[
            ("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "true".into()),
            ("BRIDGE_JOB_POLL_MS", "20".into()),
            ("BRIDGE_WEBHOOK_CONCURRENCY", concurrency.to_string()),
        ],
    );
    let spawned = Instant::now();
    let bridge = spawn_bridge(&env, cwd.path());
    let deadline = Instant::now() + Duration::from_secs(900);
    while inbox.count.load(Ordering::SeqCst) < m {
        assert!(Instant::now() < deadline, "deliveries did not arrive");
        actix_web::rt::time::sleep(Duration::from_millis(5)).await;
    }
    let since_spawn = spawned.elapsed();
    // Let the last attempts be recorded before stopping the bridge.
    let deadline = Instant::now() + Duration::from_secs(30);
    while db.count(|c| {
        wd::table
            .filter(wd::status.eq(DeliveryStatus::Succeeded))
            .count()
            .get_result(c)
    }) < m as i64
    {
        assert!(Instant::now() < deadline, "deliveries not all recorded");
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    drop(bridge);
    let log = inbox.take();
    let bridge_rate = arrival_rate(&log);
    direct.push(outbound_baseline(&inbox, &hook_url, &bodies, hook_workers).await);
    direct.push(outbound_baseline(&inbox, &hook_url, &bodies, hook_workers).await);

    // Every delivery exactly once, every signature valid.
    assert_eq!(log.len(), m, "requests received");
    let ids: HashSet<&str> = log
        .iter()
        .map(|(_, h, _)| h["webhook-id"].to_str().unwrap())
        .collect();
    assert_eq!(ids.len(), m, "distinct webhook-ids");
    let verifier = standardwebhooks::Webhook::new(&created.webhook_secret).unwrap();
    for (_, headers, body) in &log {
        verifier.verify(body, headers).expect("signature verifies");
    }
    let attempts = db.count(|c| webhook_attempts::table.count().get_result(c));
    assert_eq!(attempts as usize, m, "one attempt each");

    let direct_rate = median(direct.clone());
    println!(
        "direct POSTs (reqwest, {hook_workers} at once)     {:>8.0} req/s          (runs: {})",
        direct_rate,
        direct
            .iter()
            .map(|r| format!("{r:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "signed deliveries by the bridge       {:>8.0} deliveries/s   ratio bridge/direct {:.3}",
        bridge_rate,
        bridge_rate / direct_rate
    );
    println!(
        "  (first to last arrival; {m} in {:.2} s from the process spawn = {:.0}/s; {} signatures verified, {m} distinct webhook-ids, {attempts} attempts)",
        since_spawn.as_secs_f64(),
        m as f64 / since_spawn.as_secs_f64(),
        log.len()
    );

    // 3. Latency at a steady rate, polling at the default interval.
    let rate: usize = env_or("WEBHOOK_BENCH_RATE", 1000);
    let secs: usize = env_or("WEBHOOK_BENCH_SECS", 5);
    let per_tick = (rate / 100).max(1);
    let total = per_tick * 100 * secs;
    let db = Db::new();
    let hooked = seed_connections(&db, &keys, Some(&hook_url));
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let cwd = tempfile::tempdir().unwrap();
    let env = bridge_env(
        &db,
        &keys_spec,
        port,
        &[
            ("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "true".into()),
            ("BRIDGE_WEBHOOK_CONCURRENCY", concurrency.to_string()),
        ],
    );
    let bridge = spawn_bridge(&env, cwd.path());
    let http = reqwest::Client::new();
    wait_ready(&http, &base).await;
    println!(
        "latency: {total} inbound events at {} events/s ({per_tick} every 10 ms) about connected athletes, one delivery each; default BRIDGE_JOB_POLL_MS",
        per_tick * 100
    );
    // Only athletes with a connection: k % ATHLETES < CONNECTED.
    let connected_event = |j: usize| inbound_event((j / CONNECTED) * ATHLETES + j % CONNECTED);
    let url = format!("{base}/webhooks/intervals");
    let mut tick = tokio::time::interval(Duration::from_millis(10));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let mut posts = Vec::new();
    for t in 0..(total / per_tick) {
        tick.tick().await;
        let events: Vec<Value> = (0..per_tick)
            .map(|i| connected_event(t * per_tick + i))
            .collect();
        let (http, url) = (http.clone(), url.clone());
        posts.push(actix_web::rt::spawn(async move {
            let r = http
                .post(url)
                .json(&json!({"secret": INBOUND_SECRET, "events": events}))
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success(), "inbound: {}", r.status());
        }));
    }
    for p in posts {
        p.await.unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(120);
    while inbox.count.load(Ordering::SeqCst) < total {
        assert!(
            Instant::now() < deadline,
            "latency deliveries did not arrive"
        );
        actix_web::rt::time::sleep(Duration::from_millis(5)).await;
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while db.count(|c| {
        wd::table
            .filter(wd::status.eq(DeliveryStatus::Succeeded))
            .count()
            .get_result(c)
    }) < total as i64
    {
        assert!(
            Instant::now() < deadline,
            "latency deliveries not all recorded"
        );
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    drop(bridge);
    let wall = std::mem::take(&mut *inbox.wall.lock().unwrap());
    let log = inbox.take();
    receiver_handle.stop(true).await;
    assert_eq!(log.len(), total, "latency: requests received");
    let verifier = standardwebhooks::Webhook::new(&hooked.webhook_secret).unwrap();
    for (_, headers, body) in &log {
        verifier.verify(body, headers).expect("signature verifies");
    }
    let created: std::collections::HashMap<String, chrono::NaiveDateTime> = wd::table
        .inner_join(events::table)
        .select((events::id, wd::created_at))
        .load::<(String, chrono::NaiveDateTime)>(&mut db.pool.get().unwrap())
        .unwrap()
        .into_iter()
        .map(|(event, at)| (outbound::webhook_id(&event), at))
        .collect();
    assert_eq!(created.len(), total, "one delivery per event");
    let mut latencies: Vec<f64> = wall
        .iter()
        .map(|(arrived, id)| {
            let arrived = chrono::DateTime::<chrono::Utc>::from(*arrived).naive_utc();
            let queued = created[id];
            (arrived - queued).num_microseconds().unwrap() as f64 / 1000.0
        })
        .collect();
    let distinct: HashSet<&str> = wall.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(distinct.len(), total, "distinct webhook-ids");
    latencies.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        latencies[((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1]
    };
    let (p50, p99, max) = (pct(0.50), pct(0.99), latencies[latencies.len() - 1]);
    println!(
        "enqueue → delivered at {} /s: p50 {p50:.1} ms, p99 {p99:.1} ms, max {max:.1} ms ({total} deliveries, all verified)",
        per_tick * 100
    );
    println!(
        "| P4 | signed deliveries per second per instance to a local receiver ({m}, {hook_workers} webhook workers, SQLite); p99 enqueue → delivered at {}/s | plain POSTs of the same bodies by reqwest, {hook_workers} at once: {direct_rate:.0}/s | {bridge_rate:.0}/s ({:.2}× plain); p99 {p99:.0} ms (p50 {p50:.0} ms) | {today} |",
        per_tick * 100,
        bridge_rate / direct_rate
    );
}
