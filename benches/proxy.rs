//! Benchmarks of the partner data API against the sandbox, reported as ratios against a baseline
//! measured in the same run (machines are shared and noisy):
//! - a proxied GET (`/v1/users/{u}/activities`) against the same request sent straight to the
//!   sandbox (`/api/v1/athlete/0/activities`);
//! - the bridge process's peak memory growth while it streams a 100 MB upload, against a 1 MB one.
//!
//! Run: `cargo bench --bench proxy` (release build of the binary; the bridge runs as its own
//! process on SQLite, the sandbox in this process).

use std::io::Write;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use intervals_bridge::crypto::Keyring;
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
    let r = c
        .post(url)
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
    let proxied_url = format!("{base}/v1/users/bench/activities?oldest=2020-01-01");
    let direct_url = format!("{sandbox_url}/api/v1/athlete/0/activities?oldest=2020-01-01");
    timed(50, || http.get(&proxied_url).bearer_auth(&key)).await;
    timed(50, || http.get(&direct_url).bearer_auth(&token)).await;
    for _ in 0..10 {
        via.extend(timed(100, || http.get(&proxied_url).bearer_auth(&key)).await);
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

    // 2. Peak memory growth of the bridge process while streaming uploads.
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
