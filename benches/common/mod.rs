//! What the benches that run bridge processes share: the process guard, free ports, a browser-like
//! client, and connecting a user through the browser flow.

#![allow(dead_code)]

use std::net::TcpListener;
use std::process::Child;

use serde_json::{json, Value};

pub const BIN: &str = env!("CARGO_BIN_EXE_intervals-bridge");

pub struct Bridge(pub Child);
impl Drop for Bridge {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The sandbox in this process, on a free port, its rate limit off, with the bench's OAuth app
/// (`4242`, secret `bench-secret`) and another app (`4343`); returns it and its URL. Call it on
/// an actix runtime.
pub fn start_sandbox() -> (intervals_sandbox::Sandbox, String) {
    use intervals_sandbox::{Sandbox, SandboxClient};
    let sandbox = Sandbox::new();
    for (id, secret, name) in [
        ("4242", "bench-secret", "Bench"),
        ("4343", "other-secret", "Another app"),
    ] {
        sandbox.register_client(SandboxClient {
            client_id: id.into(),
            client_secret: secret.into(),
            name: name.into(),
        });
    }
    sandbox.set_rate_limit(0.0, 0.0);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    actix_web::rt::spawn(sandbox.server(listener).unwrap());
    (sandbox, url)
}

/// Waits (up to 20 s) until the bridge at `base` answers `/readyz` with 200.
pub async fn ready(http: &reqwest::Client, base: &str) {
    for _ in 0..800 {
        if http
            .get(format!("{base}/readyz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("{base} never became ready");
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap()
}

pub fn loc(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_owned()
}

/// Connects `user` to `athlete` through the browser flow, with the default scopes.
pub async fn connect(base: &str, sandbox: &str, key: &str, user: &str, athlete: &str) {
    connect_with(base, sandbox, key, user, athlete, &[]).await
}

/// [`connect`] asking for `scopes` (none: the default set).
pub async fn connect_with(
    base: &str,
    sandbox: &str,
    key: &str,
    user: &str,
    athlete: &str,
    scopes: &[&str],
) {
    let c = client();
    let mut body = json!({"user_id": user});
    if !scopes.is_empty() {
        body["scopes"] = json!(scopes);
    }
    let s: Value = c
        .post(format!("{base}/v1/connect-sessions"))
        .bearer_auth(key)
        .json(&body)
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
    assert_eq!(
        r.status(),
        303,
        "consent: {}",
        r.text().await.unwrap_or_default()
    );
    let q: std::collections::HashMap<String, String> = url::Url::parse(&loc(&r))
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect();
    let mut form: Vec<(&str, String)> = vec![
        ("client_id", q["client_id"].clone()),
        ("redirect_uri", q["redirect_uri"].clone()),
        ("state", q["state"].clone()),
        ("scope", q["scope"].clone()),
        ("athlete", athlete.into()),
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
    assert_eq!(
        r.status(),
        302,
        "authorize: {}",
        r.text().await.unwrap_or_default()
    );
    let done = c.get(loc(&r)).send().await.unwrap();
    assert_eq!(done.status(), 200, "connected");
}

/// A `kB` field of `/proc/<pid>/status` (`VmRSS`, `VmHWM`, `RssAnon`, `RssFile`), or a count
/// (`Threads`).
pub fn proc_status(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("/proc/{pid}/status has no {field}"))
}

/// A whole-number setting of a bench from the environment, or its default.
pub fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
