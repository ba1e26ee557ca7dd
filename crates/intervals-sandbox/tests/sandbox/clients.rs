//! A real Intervals.icu client against the sandbox: the PyPI package `intervals-icu-client`
//! (generated from Intervals.icu's OpenAPI document), as shipped, only its host changed, with
//! HTTP Basic and a simulated athlete's personal key. The script
//! `tests/clients/intervals_icu_client_check.py` makes and checks each call; this test serves
//! the sandbox on port 0, runs it with `python3` and requires every call to pass.
//!
//! Without the package the test is skipped with a notice, unless `BRIDGE_REQUIRE_PY_CLIENT=1`
//! (CI), which makes its absence a failure.

use std::path::Path;
use std::process::Command;

use crate::support::*;
use serde_json::Value;

/// The checks the script makes; fewer would mean some were lost.
const CALLS: usize = 40;

fn client_installed() -> bool {
    Command::new("python3")
        .args(["-c", "import intervals_icu_client"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[tokio::test]
async fn intervals_icu_client_from_pypi_works_against_the_sandbox() {
    if !client_installed() {
        assert!(
            std::env::var("BRIDGE_REQUIRE_PY_CLIENT").as_deref() != Ok("1"),
            "BRIDGE_REQUIRE_PY_CLIENT=1 but python3 cannot import intervals_icu_client \
             (pip install intervals-icu-client)"
        );
        eprintln!(
            "skipped: the Python package intervals-icu-client is not installed \
             (pip install intervals-icu-client)"
        );
        return;
    }
    let env = Env::start().await;
    let key = env.sb.api_key(ALEX).expect("key");
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients/intervals_icu_client_check.py");
    let base = env.base.clone();
    // The script blocks on its HTTP calls; the sandbox answers on this runtime meanwhile.
    let output = tokio::task::spawn_blocking(move || {
        Command::new("python3")
            .arg(&script)
            .args([&base, ALEX, &key])
            .output()
            .expect("run python3")
    })
    .await
    .expect("join");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    let summary: Value = stdout
        .lines()
        .last()
        .and_then(|l| serde_json::from_str(l).ok())
        .unwrap_or_else(|| panic!("no summary from the script:\n{stdout}\n{stderr}"));
    let failed: Vec<&Value> = summary["calls"]
        .as_array()
        .expect("calls")
        .iter()
        .filter(|c| c["ok"] != true)
        .collect();
    assert!(failed.is_empty(), "calls failed: {failed:#?}\n{stderr}");
    assert_eq!(summary["passed"], CALLS, "{stdout}");
    assert!(output.status.success(), "{stderr}");
}
