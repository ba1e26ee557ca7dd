//! C1 (BENCHMARKS.md): the bridge process's peak resident memory with its read cache full at
//! `BRIDGE_CACHE_MB`. One release bridge on SQLite, the sandbox in this process (its limiter
//! off); athletes with a year of manual activities each, connected by three tenants; then
//! distinct activity-list reads (distinct `oldest`/`newest` windows and limits), each read by
//! every tenant so the tenants' views are kept beside the entry too, until the bytes read total
//! `CACHE_BENCH_FILL` (6) times the cache's bound.
//!
//! Reported per bound: the process's `VmRSS` before the fill (baseline, same process, users
//! connected and a first read done), its `VmRSS` and `VmHWM` after, the growth against the
//! baseline and against the bound; the cache's own byte count (`bridge_read_cache_bytes` in
//! `/metrics`), sampled throughout (it must never exceed the bound); the entries stored and
//! (about) how many were evicted. Checked: a sample of answers, missed and hit, equals what the
//! sandbox holds for the same window.
//!
//! Evictions: entries stored (first reads, `Cache-Status: …stored`) less the entries still
//! held, found by reading the keys again newest first until the first one that is not a hit
//! (least recently used goes first, so what is held is the newest keys; the later reads of a
//! probe are then no longer counted).
//!
//! Run: `cargo bench --bench cache_memory`. `CACHE_BENCH_MB` (`8,32`), `CACHE_BENCH_ATHLETES`
//! (4), `CACHE_BENCH_ACTIVITIES` (365 per athlete, one a day), `CACHE_BENCH_FILL` (6).

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use futures_util::StreamExt;
use intervals_bridge::support::crypto::Keyring;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

use common::{connect, free_port, Bridge, BIN};

const TENANTS: usize = 3;
const MIB: f64 = 1024.0 * 1024.0;

/// `VmRSS` and `VmHWM` of a process, in KiB.
fn rss_kib(pid: u32) -> (u64, u64) {
    (
        common::proc_status(pid, "VmRSS"),
        common::proc_status(pid, "VmHWM"),
    )
}

/// A counter or gauge of `/metrics`.
async fn metric(http: &reqwest::Client, base: &str, name: &str) -> f64 {
    let text = http
        .get(format!("{base}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .find_map(|l| {
            let (k, v) = l.split_once(' ')?;
            (k == name).then(|| v.trim().parse().ok())?
        })
        .unwrap_or_else(|| panic!("/metrics has no {name}"))
}

/// One distinct read: an athlete (by user index), a window and a page size.
#[derive(Debug, Clone)]
struct Window {
    user: usize,
    oldest: String,
    newest: String,
    limit: u32,
}

impl Window {
    fn path(&self) -> String {
        format!(
            "/v1/users/u{}/activities?oldest={}&newest={}&limit={}",
            self.user, self.oldest, self.newest, self.limit
        )
    }
}

/// The bridge's `data` with its own `stub` marks taken off, to compare with the sandbox's list.
fn without_stub(body: &Value) -> Vec<Value> {
    body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let mut a = a.clone();
            a.as_object_mut().unwrap().remove("stub");
            a
        })
        .collect()
}

struct Run {
    cache_mb: u64,
    baseline_rss_kib: u64,
    rss_after_kib: u64,
    hwm_after_kib: u64,
    cache_bytes_max: f64,
    cache_bytes_end: f64,
    reads: u64,
    distinct: u64,
    stored: u64,
    held: u64,
    bytes_read: u64,
    checked: u64,
    secs: f64,
}

async fn one_run(cache_mb: u64) -> Run {
    let athletes_n = common::env_num("CACHE_BENCH_ATHLETES", 4) as usize;
    let per_athlete = common::env_num("CACHE_BENCH_ACTIVITIES", 365) as i64;
    let fill = common::env_num("CACHE_BENCH_FILL", 6);
    let bound = cache_mb * 1024 * 1024;

    // The sandbox, with athletes that have a year of activities.
    let (sandbox, sandbox_url) = common::start_sandbox();
    let http = reqwest::Client::builder()
        .pool_idle_timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    let athletes: Vec<String> = (0..athletes_n)
        .map(|i| format!("i{}", 600_000 + i))
        .collect();
    let now = chrono::Utc::now();
    let today = now.date_naive();
    for (i, athlete) in athletes.iter().enumerate() {
        // Minted by another app, so the athlete exists and the bench's app is granted by consent.
        let minted = http
            .post(format!("{sandbox_url}/_sandbox/tokens/mint"))
            .json(&json!({"client_id": "4343", "athlete_id": athlete, "scope": "ACTIVITY:READ"}))
            .send()
            .await
            .unwrap();
        assert!(minted.status().is_success());
        let key = sandbox.api_key(athlete).expect("the athlete's API key");
        let made = futures_util::stream::iter(0..per_athlete)
            .map(|d| {
                let (http, key, url) = (
                    http.clone(),
                    key.clone(),
                    format!("{sandbox_url}/api/v1/athlete/0/activities/manual"),
                );
                let start = now - chrono::Duration::days(d) - chrono::Duration::hours(i as i64);
                async move {
                    let r = http
                        .post(url)
                        .basic_auth("API_KEY", Some(key))
                        .json(&json!({
                            "start_date_local": start.format("%Y-%m-%dT%H:%M:%S").to_string(),
                            "type": if d % 3 == 0 { "Run" } else { "Ride" },
                            "name": format!("Session {d} of the year"),
                            "description": "Steady endurance with a few efforts in the middle.",
                            "elapsed_time": 3600 + d * 7,
                            "moving_time": 3500 + d * 7,
                            "distance": 30_000.0 + d as f64 * 11.0,
                            "icu_training_load": 40 + d % 50,
                        }))
                        .send()
                        .await
                        .unwrap();
                    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
                }
            })
            .buffer_unordered(16)
            .collect::<Vec<_>>()
            .await;
        assert_eq!(made.len() as i64, per_athlete);
    }

    // The bridge, its own process.
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let env: Vec<(&str, String)> = vec![
        (
            "BRIDGE_DATABASE_URL",
            format!("sqlite://{}/bridge.db", dir.path().display()),
        ),
        ("BRIDGE_ENCRYPTION_KEYS", Keyring::generate_spec("k1")),
        ("BRIDGE_LISTEN", format!("127.0.0.1:{port}")),
        ("BRIDGE_PUBLIC_URL", base.clone()),
        ("INTERVALS_BASE_URL", sandbox_url.clone()),
        ("INTERVALS_CLIENT_ID", "4242".into()),
        ("INTERVALS_CLIENT_SECRET", "bench-secret".into()),
        ("INTERVALS_WEBHOOK_SECRET", "x".into()),
        ("INTERVALS_RATE_LIMIT", "0".into()),
        ("INTERVALS_ATHLETE_DAILY_BUDGET", "0".into()),
        ("BRIDGE_CACHE_TTL_SECS", "21600".into()),
        ("BRIDGE_CACHE_MB", cache_mb.to_string()),
        ("RUST_LOG", "error".into()),
    ];
    let mut keys = Vec::new();
    for t in 0..TENANTS {
        let out = Command::new(BIN)
            .args([
                "tenant",
                "create",
                "--name",
                &format!("Partner {t}"),
                "--json",
            ])
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let created: Value = serde_json::from_slice(&out.stdout).unwrap();
        keys.push(created["api_key"].as_str().unwrap().to_owned());
    }
    let bridge = Bridge(
        Command::new(BIN)
            .arg("serve")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let pid = bridge.0.id();
    common::ready(&http, &base).await;
    for key in &keys {
        for (i, athlete) in athletes.iter().enumerate() {
            connect(&base, &sandbox_url, key, &format!("u{i}"), athlete).await;
        }
    }

    // The distinct reads, seeded: a window of 20 to 200 days ending 0 to 150 days ago, a page
    // of 20 to 400.
    let mut rng = rand::rngs::StdRng::seed_from_u64(cache_mb);
    let day = |n: i64| (today - chrono::Duration::days(n)).to_string();
    let mut seen = std::collections::HashSet::new();
    let mut windows = Vec::new();
    while windows.len() < 100_000 {
        let end = rng.gen_range(0..150i64);
        let span = rng.gen_range(20..200i64);
        let w = Window {
            user: rng.gen_range(0..athletes_n),
            oldest: day(end + span),
            newest: day(end),
            limit: rng.gen_range(20..400u32),
        };
        if seen.insert(w.path()) {
            windows.push(w);
        }
    }

    // Warm: one read per tenant of a window the fill does not use, then the baseline.
    for key in &keys {
        let r = http
            .get(format!(
                "{base}/v1/users/u0/activities?oldest={}&newest={}&limit=5",
                day(400),
                day(390)
            ))
            .bearer_auth(key)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (baseline_rss_kib, _) = rss_kib(pid);
    let mut cache_bytes_max = metric(&http, &base, "bridge_read_cache_bytes").await;

    // The fill: each window read by every tenant (the first stores the entry, the others hit it
    // and keep their views), 8 windows at once.
    let started = std::time::Instant::now();
    let (mut reads, mut bytes_read, mut stored, mut distinct) = (0u64, 0u64, 0u64, 0u64);
    let mut sample: Vec<(Window, Value)> = Vec::new();
    let mut used = 0;
    while bytes_read < fill * bound {
        let batch: Vec<Window> = windows[used..used + 64].to_vec();
        used += 64;
        let results = futures_util::stream::iter(batch.into_iter().map(|w| {
            let (http, keys, base) = (http.clone(), keys.clone(), base.clone());
            async move {
                let mut out = Vec::new();
                for key in &keys {
                    let r = http
                        .get(format!("{base}{}", w.path()))
                        .bearer_auth(key)
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(r.status(), 200, "{}", w.path());
                    let status = r.headers()["cache-status"].to_str().unwrap().to_owned();
                    let body = r.bytes().await.unwrap();
                    out.push((status, body));
                }
                (w, out)
            }
        }))
        .buffer_unordered(8)
        .collect::<Vec<_>>()
        .await;
        for (w, answers) in results {
            distinct += 1;
            for (i, (status, body)) in answers.iter().enumerate() {
                reads += 1;
                bytes_read += body.len() as u64;
                if status.contains("stored") {
                    stored += 1;
                } else {
                    assert!(status.contains("; hit"), "{status}");
                }
                // Every 25th window: its first (missed) and last (hit) answers are checked.
                if distinct % 25 == 0 && (i == 0 || i == TENANTS - 1) {
                    sample.push((w.clone(), serde_json::from_slice(body).unwrap()));
                }
            }
        }
        let bytes = metric(&http, &base, "bridge_read_cache_bytes").await;
        assert!(
            bytes <= bound as f64,
            "the cache holds {bytes} bytes, over its bound of {bound}"
        );
        cache_bytes_max = cache_bytes_max.max(bytes);
    }
    let secs = started.elapsed().as_secs_f64();
    let (rss_after_kib, hwm_after_kib) = rss_kib(pid);
    let cache_bytes_end = metric(&http, &base, "bridge_read_cache_bytes").await;

    // What is held: the newest windows read again (by the first tenant, whose view is kept) until
    // the first that is not a hit.
    let mut held = 0u64;
    for w in windows[..used].iter().rev() {
        let r = http
            .get(format!("{base}{}", w.path()))
            .bearer_auth(&keys[0])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        if !r.headers()["cache-status"]
            .to_str()
            .unwrap()
            .contains("; hit")
        {
            break;
        }
        held += 1;
    }

    // The sample against the sandbox's own answer for the same window.
    let mut checked = 0;
    for (w, body) in &sample {
        let key = sandbox.api_key(&athletes[w.user]).unwrap();
        let theirs: Vec<Value> = http
            .get(format!(
                "{sandbox_url}/api/v1/athlete/0/activities?oldest={}&newest={}&limit={}",
                w.oldest,
                w.newest,
                w.limit + 1
            ))
            .basic_auth("API_KEY", Some(key))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ours = without_stub(body);
        assert!(!ours.is_empty(), "{}: an empty window", w.path());
        let n = theirs.len().min(w.limit as usize);
        assert_eq!(ours, theirs[..n], "{}", w.path());
        assert_eq!(body["has_more"], json!(theirs.len() > n), "{}", w.path());
        checked += 1;
    }
    drop(bridge);
    Run {
        cache_mb,
        baseline_rss_kib,
        rss_after_kib,
        hwm_after_kib,
        cache_bytes_max,
        cache_bytes_end,
        reads,
        distinct,
        stored,
        held,
        bytes_read,
        checked,
        secs,
    }
}

#[actix_web::main]
async fn main() {
    let bounds: Vec<u64> = std::env::var("CACHE_BENCH_MB")
        .unwrap_or_else(|_| "8,32".into())
        .split(',')
        .map(|s| s.trim().parse().expect("CACHE_BENCH_MB: numbers"))
        .collect();
    for mb in bounds {
        let r = one_run(mb).await;
        let kib = |k: u64| k as f64 / 1024.0;
        let growth = kib(r.hwm_after_kib) - kib(r.baseline_rss_kib);
        println!(
            "C1 BRIDGE_CACHE_MB={}: {} reads of {} distinct windows ({:.1} MiB read = {:.1}x the bound) in {:.1} s; entries stored {}, held at the end {}, evicted about {}",
            r.cache_mb,
            r.reads,
            r.distinct,
            r.bytes_read as f64 / MIB,
            r.bytes_read as f64 / (r.cache_mb as f64 * MIB),
            r.secs,
            r.stored,
            r.held,
            r.stored.saturating_sub(r.held),
        );
        println!(
            "C1 BRIDGE_CACHE_MB={}: VmRSS baseline {:.1} MiB; after the fill VmRSS {:.1} MiB, VmHWM {:.1} MiB; peak growth {:+.1} MiB = {:.2}x the baseline, {:.2}x BRIDGE_CACHE_MB; the cache's own count max {:.2} MiB, at the end {:.2} MiB (bound {} MiB, never exceeded); {} sampled answers equal the sandbox's",
            r.cache_mb,
            kib(r.baseline_rss_kib),
            kib(r.rss_after_kib),
            kib(r.hwm_after_kib),
            growth,
            r.hwm_after_kib as f64 / r.baseline_rss_kib as f64,
            growth / r.cache_mb as f64,
            r.cache_bytes_max / MIB,
            r.cache_bytes_end / MIB,
            r.cache_mb,
            r.checked,
        );
        assert!(r.checked > 0, "answers were checked");
    }
}
