//! Benchmarks of the partner data API against the sandbox, reported as ratios against a baseline
//! measured in the same run (machines are shared and noisy):
//! - a proxied GET (`/v1/users/{u}/activities`) against the same request sent straight to the
//!   sandbox (`/api/v1/athlete/0/activities`), one at a time;
//! - the same GET under load (`wrk`, 32 keep-alive connections) against nginx `proxy_pass` to the
//!   same sandbox: throughput at full load, and p99 latency at about half of nginx's full load
//!   (each connection pausing between requests), every answer compared byte for byte with one
//!   checked first (BENCHMARKS.md, P1). Needs `nginx` and `wrk` on the PATH; skipped without;
//!   `PROXY_BENCH_SECS` sets each round's length (default 5);
//! - the bridge process's peak memory growth while it streams a 100 MB upload, against a 1 MB one.
//!
//! Run: `cargo bench --bench proxy` (release build of the binary; the bridge runs as its own
//! process on SQLite with its pacer off and no access log, the sandbox in this process with its
//! own 10 r/s limiter off).

use std::io::Write;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use intervals_bridge::support::crypto::Keyring;
use intervals_sandbox::{Sandbox, SandboxClient};
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_intervals-bridge");

struct Bridge(Child);
impl Drop for Bridge {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Peak resident memory (VmHWM) of a process, in KiB.
fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap()
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap()
}

fn loc(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_owned()
}

/// Connects `user` through the browser flow; returns the sandbox access token.
async fn connect(base: &str, sandbox: &str, key: &str, user: &str) -> String {
    let c = client();
    let s: Value = c
        .post(format!("{base}/v1/connect-sessions"))
        .bearer_auth(key)
        .json(&json!({"user_id": user}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let url = s["connect_url"].as_str().unwrap();
    // The consent form is same-origin: a browser sends its Origin.
    let origin = url::Url::parse(url).unwrap().origin().ascii_serialization();
    let r = c
        .post(url)
        .header("origin", origin)
        .form(&[("action", "continue")])
        .send()
        .await
        .unwrap();
    let authorize = loc(&r);
    let q: std::collections::HashMap<String, String> = url::Url::parse(&authorize)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect();
    let mut form: Vec<(&str, String)> = vec![
        ("client_id", q["client_id"].clone()),
        ("redirect_uri", q["redirect_uri"].clone()),
        ("state", q["state"].clone()),
        ("scope", q["scope"].clone()),
        ("athlete", "i317960".into()),
        ("action", "approve".into()),
    ];
    for s in q["scope"].split(',') {
        form.push(("grant", s.to_owned()));
    }
    let r = c
        .post(format!("{sandbox}/oauth/authorize"))
        .form(&form)
        .send()
        .await
        .unwrap();
    let done = c.get(loc(&r)).send().await.unwrap();
    assert_eq!(done.status(), 200, "connected");
    let tokens: Value = c
        .get(format!("{sandbox}/_sandbox/tokens"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    tokens[0]["access_token"].as_str().unwrap().to_owned()
}

async fn timed(n: usize, mut f: impl FnMut() -> reqwest::RequestBuilder) -> Vec<Duration> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let r = f().send().await.unwrap();
        assert!(r.status().is_success(), "{}", r.status());
        let _ = r.bytes().await.unwrap();
        out.push(t.elapsed());
    }
    out
}

/// What one `wrk` run measured, and whether every answer was the expected one.
#[derive(Debug, Clone, Copy)]
struct Load {
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    good: u64,
    bad: u64,
}

/// Compares every answer with the expected body (a file), and reports the counts.
const CHECK_LUA: &str = r#"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  local f = assert(io.open(args[1], "rb")); expected = f:read("*a"); f:close()
  pause = tonumber(args[2]) or 0
  good = 0; bad = 0
end
function delay() return pause end
function response(status, headers, body)
  if status == 200 and body == expected then good = good + 1 else bad = bad + 1 end
end
function done(summary, latency, requests)
  local g, b = 0, 0
  for _, t in ipairs(threads) do g = g + t:get("good"); b = b + t:get("bad") end
  io.write(string.format("CHECK %d %d\n", g, b))
  io.write(string.format("LAT %f %f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("RPS %f\n", summary.requests / (summary.duration / 1e6)))
end
"#;

fn which(cmd: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(cmd))
            .chain([std::path::PathBuf::from("/usr/sbin").join(cmd)])
            .find(|p| p.is_file())
    })
}

fn wrk(
    url: &str,
    auth: &str,
    extra_header: Option<&str>,
    expected: &std::path::Path,
    script: &std::path::Path,
    secs: u64,
    pause_ms: u64,
) -> Load {
    let out = Command::new("wrk")
        .args(["-t2", "-c32", &format!("-d{secs}s"), "--latency", "-s"])
        .arg(script)
        .args(["-H", &format!("Authorization: Bearer {auth}")])
        .args(extra_header.map(|h| ["-H", h]).into_iter().flatten())
        .args([url, "--"])
        .arg(expected)
        .arg(pause_ms.to_string())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let line = |p: &str| -> Vec<f64> {
        text.lines()
            .find_map(|l| l.strip_prefix(p))
            .unwrap_or_else(|| panic!("wrk printed no {p}: {text}"))
            .split_whitespace()
            .map(|v| v.parse().unwrap())
            .collect()
    };
    let (check, lat, rps) = (line("CHECK "), line("LAT "), line("RPS "));
    Load {
        rps: rps[0],
        p50_ms: lat[0],
        p99_ms: lat[1],
        good: check[0] as u64,
        bad: check[1] as u64,
    }
}

struct Nginx(Child);
impl Drop for Nginx {
    /// SIGTERM, so the master stops its workers too.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

/// nginx as a plain reverse proxy to the sandbox: keep-alive both sides, no access log, a
/// worker per core (as the bridge has).
fn start_nginx(dir: &std::path::Path, port: u16, upstream: &str) -> Nginx {
    let upstream = upstream.trim_start_matches("http://");
    let d = dir.display();
    let conf = format!(
        "daemon off; worker_processes auto; pid {d}/nginx.pid; error_log {d}/nginx.err warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {d}/nb; proxy_temp_path {d}/np; fastcgi_temp_path {d}/nf;
  uwsgi_temp_path {d}/nu; scgi_temp_path {d}/ns;
  upstream sandbox {{ server {upstream}; keepalive 64; }}
  server {{
    listen 127.0.0.1:{port};
    location / {{ proxy_pass http://sandbox; proxy_http_version 1.1; proxy_set_header Connection \"\"; }}
  }}
}}\n"
    );
    let path = dir.join("nginx.conf");
    std::fs::write(&path, conf).unwrap();
    let nginx = which("nginx").expect("nginx");
    Nginx(
        Command::new(nginx)
            .arg("-c")
            .arg(&path)
            .arg("-p")
            .arg(dir)
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

/// P1: the bridge against nginx under the same load, in alternating rounds.
async fn throughput_vs_nginx(
    dir: &std::path::Path,
    sandbox_url: &str,
    base: &str,
    key: &str,
    token: &str,
) {
    if which("nginx").is_none() || which("wrk").is_none() {
        println!("P1 skipped: needs nginx and wrk on the PATH");
        return;
    }
    let secs: u64 = std::env::var("PROXY_BENCH_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let port = free_port();
    let _nginx = start_nginx(dir, port, sandbox_url);
    let http = reqwest::Client::new();
    let query = format!("oldest={}", oldest());
    let via_nginx = format!("http://127.0.0.1:{port}/api/v1/athlete/0/activities?{query}");
    let via_bridge = format!("{base}/v1/users/bench/activities?{query}");
    let mut direct = None;
    for _ in 0..100 {
        match http.get(&via_nginx).bearer_auth(token).send().await {
            Ok(r) if r.status() == 200 => {
                direct = Some(r.bytes().await.unwrap());
                break;
            }
            _ => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
    let direct = direct.expect("nginx answers");
    let bridged = http.get(&via_bridge).bearer_auth(key).send().await.unwrap();
    assert_eq!(bridged.status(), 200);
    let bridged = bridged.bytes().await.unwrap();
    // The bridge's answer is Intervals.icu's, each activity marked `stub` (Strava's are).
    let upstream: Vec<Value> = serde_json::from_slice(&direct).unwrap();
    let ours: Value = serde_json::from_slice(&bridged).unwrap();
    let ours = ours["data"].as_array().unwrap();
    assert!(!upstream.is_empty(), "the sandbox has activities");
    assert_eq!(ours.len(), upstream.len().min(100));
    for (mine, theirs) in ours.iter().zip(&upstream) {
        let mut mine = mine.clone();
        let stub = theirs["source"] == "STRAVA" && theirs.get("_note").is_some();
        assert_eq!(
            mine.as_object_mut().unwrap().remove("stub"),
            Some(Value::Bool(stub))
        );
        assert_eq!(&mine, theirs);
    }
    // The passthrough answers Intervals.icu's own list, each `external_id` mapped for this
    // tenant (its own, else null: the bench's tenant uploaded none of these).
    let via_pass = format!("{base}/v1/users/bench/icu/api/v1/athlete/0/activities?{query}");
    let passed = http.get(&via_pass).bearer_auth(key).send().await.unwrap();
    assert_eq!(passed.status(), 200);
    let passed = passed.bytes().await.unwrap();
    let mapped: Vec<Value> = serde_json::from_slice(&passed).unwrap();
    assert_eq!(mapped.len(), upstream.len());
    for (mine, theirs) in mapped.iter().zip(&upstream) {
        let mut theirs = theirs.clone();
        if let Some(e) = theirs.get_mut("external_id") {
            *e = Value::Null;
        }
        assert_eq!(mine, &theirs);
    }
    let (expect_direct, expect_bridged) = (dir.join("direct.json"), dir.join("bridged.json"));
    let expect_passed = dir.join("passed.json");
    std::fs::write(&expect_direct, &direct).unwrap();
    std::fs::write(&expect_bridged, &bridged).unwrap();
    std::fs::write(&expect_passed, &passed).unwrap();
    let script = dir.join("check.lua");
    std::fs::write(&script, CHECK_LUA).unwrap();
    // A connection of its own each time: a pooled one may have idled out during a round.
    let clear = || async {
        reqwest::Client::builder()
            .pool_max_idle_per_host(0)
            .build()
            .unwrap()
            .delete(format!("{sandbox_url}/_sandbox/requests"))
            .send()
            .await
            .unwrap();
    };
    // The bridge twice: reading Intervals.icu every time (`no-cache`, P1), and from its read
    // cache (P1h: a hit never leaves the process but for the generation check).
    const MISS: Option<&str> = Some("Cache-Control: no-cache");
    let run = |url: &str,
               auth: &str,
               header: Option<&str>,
               expected: &std::path::Path,
               secs: u64,
               pause: u64| {
        let load = wrk(url, auth, header, expected, &script, secs, pause);
        assert!(
            load.good > 0 && load.bad == 0,
            "every answer checked: {load:?}"
        );
        load
    };
    // Warm both, then alternate full-load rounds.
    run(&via_nginx, token, None, &expect_direct, 2, 0);
    run(&via_bridge, key, MISS, &expect_bridged, 2, 0);
    run(&via_bridge, key, None, &expect_bridged, 2, 0);
    run(&via_pass, key, MISS, &expect_passed, 2, 0);
    run(&via_pass, key, None, &expect_passed, 2, 0);
    clear().await;
    let (mut n_full, mut b_full, mut h_full) = (Vec::new(), Vec::new(), Vec::new());
    let (mut p_full, mut ph_full) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        n_full.push(run(&via_nginx, token, None, &expect_direct, secs, 0));
        clear().await;
        b_full.push(run(&via_bridge, key, MISS, &expect_bridged, secs, 0));
        clear().await;
        h_full.push(run(&via_bridge, key, None, &expect_bridged, secs, 0));
        clear().await;
        p_full.push(run(&via_pass, key, MISS, &expect_passed, secs, 0));
        clear().await;
        ph_full.push(run(&via_pass, key, None, &expect_passed, secs, 0));
        clear().await;
    }
    let med = |v: &[Load], f: fn(&Load) -> f64| {
        let mut x: Vec<f64> = v.iter().map(f).collect();
        x.sort_by(|a, b| a.partial_cmp(b).unwrap());
        x[x.len() / 2]
    };
    let (n_rps, b_rps) = (med(&n_full, |l| l.rps), med(&b_full, |l| l.rps));
    println!(
        "P1 full load (32 connections, {secs} s x 3 rounds, median): nginx {n_rps:.0} req/s p99 {:.2} ms; bridge {b_rps:.0} req/s p99 {:.2} ms",
        med(&n_full, |l| l.p99_ms),
        med(&b_full, |l| l.p99_ms)
    );
    // Half load: each connection pauses between requests so that nginx runs at about half of
    // its full-load rate; the bridge gets the same connections and pauses.
    let per_conn_ms = 32.0 * 1000.0 / (n_rps / 2.0);
    let pause = (per_conn_ms - med(&n_full, |l| l.p50_ms)).round().max(1.0) as u64;
    let (mut n_half, mut b_half, mut h_half) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..3 {
        n_half.push(run(&via_nginx, token, None, &expect_direct, secs, pause));
        clear().await;
        b_half.push(run(&via_bridge, key, MISS, &expect_bridged, secs, pause));
        clear().await;
        h_half.push(run(&via_bridge, key, None, &expect_bridged, secs, pause));
        clear().await;
    }
    let (n_p99, b_p99) = (med(&n_half, |l| l.p99_ms), med(&b_half, |l| l.p99_ms));
    println!(
        "P1 half load ({pause} ms pause per connection): nginx {:.0} req/s p99 {n_p99:.2} ms; bridge {:.0} req/s p99 {b_p99:.2} ms",
        med(&n_half, |l| l.rps),
        med(&b_half, |l| l.rps)
    );
    let h_rps = med(&h_full, |l| l.rps);
    let h_p99 = med(&h_half, |l| l.p99_ms);
    println!(
        "P1h read cache hits: full load {h_rps:.0} req/s p99 {:.2} ms; half load {:.0} req/s p99 {h_p99:.2} ms; ratio hit/nginx throughput {:.2}x, p99 at half load {:.2}x",
        med(&h_full, |l| l.p99_ms),
        med(&h_half, |l| l.rps),
        h_rps / n_rps,
        h_p99 / n_p99
    );
    let (p_rps, ph_rps) = (med(&p_full, |l| l.rps), med(&ph_full, |l| l.rps));
    println!(
        "P1p passthrough GET of the same list: proxied (no-cache) {p_rps:.0} req/s p99 {:.2} ms ({:.2}x nginx); from the read cache {ph_rps:.0} req/s p99 {:.2} ms ({:.2}x nginx)",
        med(&p_full, |l| l.p99_ms),
        p_rps / n_rps,
        med(&ph_full, |l| l.p99_ms),
        ph_rps / n_rps
    );
    let checked: u64 = n_full
        .iter()
        .chain(&b_full)
        .chain(&p_full)
        .chain(&ph_full)
        .chain(&h_full)
        .chain(&n_half)
        .chain(&b_half)
        .chain(&h_half)
        .map(|l| l.good)
        .sum();
    println!(
        "P1 ratio bridge/nginx throughput {:.2}x; added p99 at half load {:.2} ms ({checked} answers checked, 0 wrong)",
        b_rps / n_rps,
        b_p99 - n_p99
    );
}

/// A year back: reads take a window of at most 366 days.
fn oldest() -> String {
    (chrono::Utc::now().date_naive() - chrono::Duration::days(365))
        .format("%Y-%m-%d")
        .to_string()
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// A 14-byte FIT header followed by `size` bytes in all.
fn big_fit(path: &std::path::Path, size: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut header = vec![14u8, 0x20, 0x54, 0x08];
    header.extend_from_slice(&((size - 16) as u32).to_le_bytes());
    header.extend_from_slice(b".FIT\0\0");
    f.write_all(&header).unwrap();
    let chunk = vec![0u8; 1 << 20];
    let mut left = size - header.len();
    let salt = std::process::id().to_le_bytes();
    f.write_all(&salt).unwrap();
    left -= salt.len();
    while left > 0 {
        let n = left.min(chunk.len());
        f.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
}

async fn upload(base: &str, key: &str, path: &std::path::Path) {
    let file = tokio::fs::File::open(path).await.unwrap();
    let len = file.metadata().await.unwrap().len();
    let body = reqwest::Body::wrap_stream(tokio_util::io::ReaderStream::new(file));
    let part = reqwest::multipart::Part::stream_with_length(body, len).file_name("big.fit");
    let form = reqwest::multipart::Form::new().part("file", part);
    let r = client()
        .post(format!("{base}/v1/users/bench/activities"))
        .bearer_auth(key)
        .multipart(form)
        .timeout(Duration::from_secs(600))
        .send()
        .await
        .unwrap();
    assert!(
        r.status().is_success(),
        "upload: {} {}",
        r.status(),
        r.text().await.unwrap()
    );
}

#[actix_web::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
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

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let env = [
        (
            "BRIDGE_DATABASE_URL",
            format!("sqlite://{}/bridge.db", dir.path().display()),
        ),
        ("BRIDGE_ENCRYPTION_KEYS", Keyring::generate_spec("k1")),
        ("BRIDGE_LISTEN", format!("127.0.0.1:{port}")),
        ("BRIDGE_PUBLIC_URL", base.clone()),
        ("INTERVALS_BASE_URL", sandbox_url.clone()),
        ("INTERVALS_CLIENT_ID", "bench".into()),
        ("INTERVALS_CLIENT_SECRET", "bench-secret".into()),
        ("INTERVALS_WEBHOOK_SECRET", "x".into()),
        ("INTERVALS_RATE_LIMIT", "0".into()),
        ("INTERVALS_ATHLETE_DAILY_BUDGET", "0".into()),
        ("BRIDGE_MAX_UPLOAD_MB", "200".into()),
        ("RUST_LOG", "warn".into()),
    ];
    let created = Command::new(BIN)
        .args(["tenant", "create", "--name", "Bench", "--json"])
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .unwrap();
    let tenant: Value = serde_json::from_slice(&created.stdout).unwrap();
    let key = tenant["api_key"].as_str().unwrap().to_owned();
    let bridge = Bridge(
        Command::new(BIN)
            .arg("serve")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    );
    for _ in 0..200 {
        if c.get(format!("{base}/readyz")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let token = connect(&base, &sandbox_url, &key, "bench").await;

    // 1. Proxied GET against the same GET straight to the sandbox, interleaved in rounds.
    let http = reqwest::Client::new();
    let (mut via, mut direct) = (Vec::new(), Vec::new());
    let oldest = oldest();
    let proxied_url = format!("{base}/v1/users/bench/activities?oldest={oldest}");
    let direct_url = format!("{sandbox_url}/api/v1/athlete/0/activities?oldest={oldest}");
    let proxied = || {
        http.get(&proxied_url)
            .bearer_auth(&key)
            .header("Cache-Control", "no-cache")
    };
    timed(50, proxied).await;
    timed(50, || http.get(&direct_url).bearer_auth(&token)).await;
    for _ in 0..10 {
        via.extend(timed(100, proxied).await);
        direct.extend(timed(100, || http.get(&direct_url).bearer_auth(&token)).await);
    }
    let (mv, md) = (median(&mut via), median(&mut direct));
    let total_v: Duration = via.iter().sum();
    let total_d: Duration = direct.iter().sum();
    println!(
        "proxied GET  median {:>8.3} ms   throughput {:>7.0} req/s",
        mv.as_secs_f64() * 1e3,
        via.len() as f64 / total_v.as_secs_f64()
    );
    println!(
        "direct GET   median {:>8.3} ms   throughput {:>7.0} req/s",
        md.as_secs_f64() * 1e3,
        direct.len() as f64 / total_d.as_secs_f64()
    );
    println!(
        "ratio proxied/direct: median latency {:.2}x, mean latency {:.2}x",
        mv.as_secs_f64() / md.as_secs_f64(),
        total_v.as_secs_f64() / total_d.as_secs_f64()
    );

    // 2. Under load, against nginx.
    throughput_vs_nginx(dir.path(), &sandbox_url, &base, &key, &token).await;

    // 3. Peak memory growth of the bridge process while streaming uploads.
    let pid = bridge.0.id();
    let small = dir.path().join("small.fit");
    let large = dir.path().join("large.fit");
    big_fit(&small, 1 << 20);
    big_fit(&large, 100 << 20);
    let before = peak_rss_kib(pid);
    upload(&base, &key, &small).await;
    let after_small = peak_rss_kib(pid);
    let t = Instant::now();
    upload(&base, &key, &large).await;
    let upload_time = t.elapsed();
    let after_large = peak_rss_kib(pid);
    let grow_small = after_small.saturating_sub(before);
    let grow_large = after_large.saturating_sub(after_small);
    println!("bridge peak RSS before uploads {} KiB", before);
    println!("1 MB upload:   peak RSS growth {grow_small} KiB");
    println!(
        "100 MB upload: peak RSS growth {grow_large} KiB ({:.1} s, {:.1} MB/s)",
        upload_time.as_secs_f64(),
        100.0 / upload_time.as_secs_f64()
    );
    println!(
        "ratio: 100 MB upload growth / 100 MB = {:.3}; growth(100 MB) / growth(1 MB) = {}",
        grow_large as f64 / (100.0 * 1024.0),
        if grow_small == 0 {
            "n/a (1 MB grew nothing)".to_owned()
        } else {
            format!("{:.2}", grow_large as f64 / grow_small as f64)
        }
    );
}
