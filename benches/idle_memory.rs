//! M1 (BENCHMARKS.md): the memory `serve --sandbox` holds idle, the figure a newcomer's first
//! `serve --sandbox` shows in `top`.
//!
//! Rounds alternate two processes of the same release binary, each started, waited for (a TCP
//! connect: no request reaches it) and then left alone for `IDLE_BENCH_SECS` (12), with the
//! default logging (no `RUST_LOG`):
//! - the baseline, `intervals-bridge sandbox`: the runtime, actix and the Intervals.icu simulator,
//!   without the bridge;
//! - `serve --sandbox` on a new SQLite file in a temporary directory: the bridge, its job workers,
//!   schedulers and upkeep thread, with the sandbox mounted.
//!
//! Reported per process (medians of `IDLE_BENCH_ROUNDS`, 3): `VmRSS`, `VmHWM`, `RssAnon`,
//! `RssFile` and threads from `/proc/<pid>/status`; the bridge's `VmRSS` against the baseline's
//! and against the goal (32 MB). Then, for the bridge, what the idle figure leaves out: its
//! `VmRSS` after `/openapi.json`, a `405` and `/docs` have made the document once (the
//! document itself is not kept). Checked: the bridge is ready, `/openapi.json` describes the
//! partner API, the `405`'s `Allow` names what the document says that path serves, and `/docs`
//! is the page made from it.
//!
//! Run: `cargo bench --bench idle_memory`.

mod common;

use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use common::{free_port, proc_status, Bridge, BIN};

/// The goal, in MB of 10^6 bytes (`/proc` counts kB of 1,024 bytes; [`mb`] converts).
const GOAL_MB: f64 = 32.0;

/// One process's figures, in kB (threads: a count).
#[derive(Debug, Clone, Copy, Default)]
struct Idle {
    rss: u64,
    hwm: u64,
    anon: u64,
    file: u64,
    threads: u64,
}

impl Idle {
    fn read(pid: u32) -> Idle {
        Idle {
            rss: proc_status(pid, "VmRSS"),
            hwm: proc_status(pid, "VmHWM"),
            anon: proc_status(pid, "RssAnon"),
            file: proc_status(pid, "RssFile"),
            threads: proc_status(pid, "Threads"),
        }
    }
}

fn mb(kib: u64) -> f64 {
    kib as f64 * 1024.0 / 1e6
}

/// Waits (up to 20 s) until something listens on `port`.
fn listening(port: u16) {
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "nothing listens on {port}"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// Starts `args` of the binary on a free port, waits for it to listen, leaves it idle for
/// `secs` and reads its figures.
fn idle_process(args: &[&str], env: &[(&str, String)], secs: u64) -> (Bridge, u16, Idle) {
    let port = free_port();
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if args[0] == "sandbox" {
        cmd.args(["--listen", &format!("127.0.0.1:{port}")]);
    } else {
        cmd.env("BRIDGE_LISTEN", format!("127.0.0.1:{port}"))
            .env("BRIDGE_PUBLIC_URL", format!("http://127.0.0.1:{port}"));
    }
    let process = Bridge(cmd.spawn().unwrap());
    listening(port);
    std::thread::sleep(Duration::from_secs(secs));
    let idle = Idle::read(process.0.id());
    (process, port, idle)
}

/// A request's answer, which must be a success.
async fn ok(request: reqwest::RequestBuilder) -> reqwest::Response {
    request.send().await.unwrap().error_for_status().unwrap()
}

/// Asks the idle bridge for what needs the document, checking each answer; its figures after.
async fn after_the_document(pid: u32, base: &str) -> Idle {
    let http = reqwest::Client::new();
    common::ready(&http, base).await;
    let doc: Value = ok(http.get(format!("{base}/openapi.json")))
        .await
        .json()
        .await
        .unwrap();
    let paths = doc["paths"].as_object().expect("the document has paths");
    assert!(
        paths.contains_key("/v1/users/{user_id}/activities"),
        "/openapi.json describes the partner API"
    );
    // A method the document does not list for /v1/tenant: 405, with what it does list.
    let mut listed: Vec<String> = paths["/v1/tenant"]
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| ["get", "post", "put", "patch", "delete"].contains(&k.as_str()))
        .map(|k| k.to_uppercase())
        .collect();
    listed.sort();
    assert!(!listed.iter().any(|m| m == "PUT"));
    let r = http.put(format!("{base}/v1/tenant")).send().await.unwrap();
    assert_eq!(r.status(), 405);
    assert_eq!(r.headers()["allow"].to_str().unwrap(), listed.join(", "));
    let page = ok(http.get(format!("{base}/docs")))
        .await
        .text()
        .await
        .unwrap();
    let first_operation = paths["/v1/users/{user_id}/activities"]["get"]["operationId"]
        .as_str()
        .unwrap();
    assert!(
        page.contains(first_operation),
        "/docs shows the document's operations"
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    Idle::read(pid)
}

fn median(mut values: Vec<u64>) -> u64 {
    values.sort_unstable();
    values[values.len() / 2]
}

fn medians(runs: &[Idle]) -> Idle {
    let of = |f: fn(&Idle) -> u64| median(runs.iter().map(f).collect());
    Idle {
        rss: of(|i| i.rss),
        hwm: of(|i| i.hwm),
        anon: of(|i| i.anon),
        file: of(|i| i.file),
        threads: of(|i| i.threads),
    }
}

fn line(name: &str, i: &Idle) {
    println!(
        "{name:<28} VmRSS {:>5.1} MB  VmHWM {:>5.1} MB  anonymous {:>5.1} MB  files {:>5.1} MB  threads {}",
        mb(i.rss),
        mb(i.hwm),
        mb(i.anon),
        mb(i.file),
        i.threads
    );
}

#[actix_web::main]
async fn main() {
    let rounds = common::env_num("IDLE_BENCH_ROUNDS", 3).max(1);
    let secs = common::env_num("IDLE_BENCH_SECS", 12);
    let (mut baseline, mut bridge, mut used) = (Vec::new(), Vec::new(), Vec::new());
    for round in 1..=rounds {
        // Nothing else runs on this thread's runtime while a process idles.
        let (sandbox, _, idle) = idle_process(&["sandbox", "--client", "1:s"], &[], secs);
        drop(sandbox);
        baseline.push(idle);
        let dir = tempfile::tempdir().unwrap();
        let env = [(
            "BRIDGE_DATABASE_URL",
            format!("sqlite://{}", dir.path().join("bridge.db").display()),
        )];
        let (process, port, idle) = idle_process(&["serve", "--sandbox"], &env, secs);
        bridge.push(idle);
        used.push(after_the_document(process.0.id(), &format!("http://127.0.0.1:{port}")).await);
        println!(
            "round {round}: sandbox alone {:.1} MB, serve --sandbox {:.1} MB, after the document {:.1} MB",
            mb(baseline[baseline.len() - 1].rss),
            mb(idle.rss),
            mb(used[used.len() - 1].rss)
        );
    }
    let (baseline, bridge, used) = (medians(&baseline), medians(&bridge), medians(&used));
    println!("\nM1 idle memory, medians of {rounds} rounds, {secs} s idle (MB = 10^6 bytes)");
    line("sandbox alone (baseline)", &baseline);
    line("serve --sandbox", &bridge);
    line("after the document once", &used);
    let met = mb(bridge.rss) <= GOAL_MB;
    println!(
        "serve --sandbox idles at {:.1} MB = {:.2}x the sandbox alone; goal <= {GOAL_MB} MB: {}",
        mb(bridge.rss),
        bridge.rss as f64 / baseline.rss as f64,
        if met { "met" } else { "NOT MET" }
    );
    println!(
        "after /openapi.json, a 405 and /docs: {:.1} MB ({:+.1} MB over idle)",
        mb(used.rss),
        mb(used.rss) - mb(bridge.rss)
    );
}
