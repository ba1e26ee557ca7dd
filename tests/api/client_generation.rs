//! The partner clients under `clients/`: the bridge's OpenAPI document is valid
//! (`openapi-spec-validator`); `clients/generate.sh` regenerates `clients/openapi.json`,
//! `clients/python` (openapi-python-client) and `clients/typescript/src` (@hey-api/openapi-ts)
//! into a temporary directory and the committed ones must be identical; and both committed
//! clients drive a connect session, a user read, a wellness PUT and an upload against the
//! running bridge. The tools come from PyPI and npm (`pip install -r clients/requirements.txt`,
//! `cd clients && npm ci`): without them these tests skip with a notice, unless
//! `BRIDGE_REQUIRE_CLIENTS=1` (CI) makes them required.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::*;
use serde_json::Value;

const PY_SCRIPT: &str = r#"
import json, os
from intervals_bridge_client import AuthenticatedClient
from intervals_bridge_client.api.activities import upload_activity
from intervals_bridge_client.api.connect import create_connect_session
from intervals_bridge_client.api.users import get_user
from intervals_bridge_client.api.wellness import queue_wellness
from intervals_bridge_client.api.workouts import upsert_workouts
from intervals_bridge_client.models import (ConnectSessionCreated, CreateConnectSession,
    PlannedWorkoutIn, WellnessRecordIn, Queued, UploadForm, UploadResponse, User,
    WrittenWorkouts)
from intervals_bridge_client.types import File

client = AuthenticatedClient(base_url=os.environ["BRIDGE_URL"], token=os.environ["BRIDGE_KEY"])
# from_dict: scopes and the workout's type are enums in the document, so the client's models
# take their enum classes; from_dict reads the wire form.
session = create_connect_session.sync(client=client, body=CreateConnectSession.from_dict({
    "user_id": "py-new", "redirect_url": os.environ["REDIRECT"], "scopes": ["ACTIVITY:WRITE"]}))
assert isinstance(session, ConnectSessionCreated), session
user = get_user.sync("py", client=client)
assert isinstance(user, User), user
queued = queue_wellness.sync("py", client=client,
    body=[WellnessRecordIn.from_dict({"id": "2026-11-01", "weight": 70.5, "restingHR": 48})])
assert isinstance(queued, Queued), queued
written = upsert_workouts.sync("py", client=client, body=[PlannedWorkoutIn.from_dict({
    "external_id": "py-plan", "name": "Sweet spot", "start_date_local": os.environ["DAY"],
    "type": "Ride", "description": "- 10m 60%\n- 20m 90%\n- 10m 50%"})])
assert isinstance(written, WrittenWorkouts), written
with open(os.environ["FIT"], "rb") as f:
    uploaded = upload_activity.sync_detailed("py", client=client, body=UploadForm(
        file=File(payload=f, file_name="ride.fit"), external_id="py-ride", name="Python ride"))
assert isinstance(uploaded.parsed, UploadResponse), uploaded
print(json.dumps({"session": session.to_dict(), "user": user.to_dict(),
                  "queued": queued.to_dict(), "written": written.to_dict(),
                  "uploaded": uploaded.parsed.to_dict(), "upload_status": int(uploaded.status_code)}))
"#;

/// Run with node against the committed TypeScript client compiled to CommonJS in `CLIENT`.
const TS_SCRIPT: &str = r#"
const fs = require("fs");
const path = require("path");
const sdk = require(path.join(process.env.CLIENT, "index.js"));
const { createClient } = require(path.join(process.env.CLIENT, "client", "index.js"));
const client = createClient({ baseUrl: process.env.BRIDGE_URL, auth: process.env.BRIDGE_KEY });
(async () => {
  const session = await sdk.createConnectSession({ client, throwOnError: true, body: {
    user_id: "ts-new", redirect_url: process.env.REDIRECT, scopes: ["ACTIVITY:WRITE"] } });
  const user = await sdk.getUser({ client, throwOnError: true, path: { user_id: "ts" } });
  const queued = await sdk.queueWellness({ client, throwOnError: true, path: { user_id: "ts" },
    body: [{ id: "2026-11-02", weight: 71.5, restingHR: 47 }] });
  const file = new File([fs.readFileSync(process.env.FIT)], "ride.fit");
  const uploaded = await sdk.uploadActivity({ client, throwOnError: true, path: { user_id: "ts" },
    body: { file, external_id: "ts-ride", name: "TypeScript ride" } });
  console.log(JSON.stringify({ session: session.data, user: user.data, queued: queued.data,
    uploaded: uploaded.data, upload_status: uploaded.response.status }));
})().catch((e) => { console.error(e); process.exit(1); });
"#;

fn clients_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("clients")
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("the command starts");
    assert!(
        out.status.success(),
        "{cmd:?}: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    actix_web::rt::task::spawn_blocking(f).await.unwrap()
}

fn succeeds(cmd: &mut Command) -> bool {
    cmd.output().is_ok_and(|o| o.status.success())
}

/// The generators and compilers at their pinned versions, or a notice (or a failure when they
/// are required).
fn tools_present() -> bool {
    let pinned = std::fs::read_to_string(clients_dir().join("requirements.txt")).unwrap();
    let want = pinned
        .lines()
        .find_map(|l| l.strip_prefix("openapi-python-client=="))
        .expect("requirements.txt pins openapi-python-client")
        .trim()
        .to_owned();
    let have = Command::new("openapi-python-client")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    let missing: Vec<String> = [
        (
            succeeds(Command::new("python3").args(["-c", "import openapi_spec_validator"])),
            "openapi-spec-validator (pip)".to_owned(),
        ),
        (
            have.ends_with(&format!(" {want}")),
            format!("openapi-python-client {want} (pip install -r clients/requirements.txt; found {have:?})"),
        ),
        (
            succeeds(Command::new("node").arg("--version")),
            "node".to_owned(),
        ),
        (
            clients_dir().join("node_modules/.bin/openapi-ts").exists()
                && clients_dir().join("node_modules/.bin/tsc").exists(),
            "@hey-api/openapi-ts and typescript (cd clients && npm ci)".to_owned(),
        ),
    ]
    .into_iter()
    .filter(|(ok, _)| !ok)
    .map(|(_, what)| what)
    .collect();
    if missing.is_empty() {
        return true;
    }
    let msg = missing.join(", ");
    if std::env::var("BRIDGE_REQUIRE_CLIENTS").as_deref() == Ok("1") {
        panic!("missing {msg}, required with BRIDGE_REQUIRE_CLIENTS=1");
    }
    eprintln!("skipping the client test: missing {msg}");
    false
}

/// Every file under `root` (skipping caches and dependencies), by path relative to it.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if ["__pycache__", "node_modules", "dist"].contains(&name.as_str()) {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    if root.exists() {
        walk(root, root, &mut out);
    }
    out
}

/// What differs between two trees: files only in one, and files whose content differs.
fn differences(committed: &Path, fresh: &Path) -> Vec<String> {
    let (a, b) = (tree(committed), tree(fresh));
    let mut diffs = Vec::new();
    for (path, content) in &a {
        match b.get(path) {
            None => diffs.push(format!("{path}: no longer generated")),
            Some(c) if c != content => diffs.push(format!("{path}: differs")),
            Some(_) => {}
        }
    }
    for path in b.keys().filter(|p| !a.contains_key(*p)) {
        diffs.push(format!("{path}: generated but not committed"));
    }
    diffs
}

#[actix_web::test]
async fn the_committed_clients_are_what_the_generators_make_of_the_document() {
    if !tools_present() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let out_path = out.path().to_owned();
    blocking(move || {
        run(Command::new(clients_dir().join("generate.sh"))
            .arg(&out_path)
            .env("BRIDGE_BIN", env!("CARGO_BIN_EXE_intervals-bridge")))
    })
    .await;
    let clients = clients_dir();
    let mut stale = Vec::new();
    for part in ["python", "typescript/src"] {
        stale.extend(
            differences(&clients.join(part), &out.path().join(part))
                .into_iter()
                .map(|d| format!("{part}/{d}")),
        );
    }
    let committed = std::fs::read(clients.join("openapi.json")).unwrap();
    if committed != std::fs::read(out.path().join("openapi.json")).unwrap() {
        stale.push("openapi.json: differs".into());
    }
    assert!(
        stale.is_empty(),
        "the committed clients are stale; run clients/generate.sh and commit the result:\n{}",
        stale.join("\n")
    );
    // The document the command prints is the one a running bridge serves (but for `servers`,
    // which may name the deployment).
    let app = TestApp::spawn().await;
    let mut served: Value = app
        .get(&app.tenant.api_key, "/openapi.json")
        .await
        .json()
        .await
        .unwrap();
    let mut printed: Value = serde_json::from_slice(&committed).unwrap();
    for doc in [&mut served, &mut printed] {
        doc.as_object_mut().unwrap().remove("servers");
    }
    assert!(
        served == printed,
        "GET /openapi.json and `intervals-bridge openapi` differ"
    );
}

#[actix_web::test]
async fn the_document_validates_and_both_committed_clients_drive_the_api() {
    if !tools_present() {
        return;
    }
    let app = TestApp::spawn().await;
    let key = app.tenant.api_key.clone();
    let doc: Value = app.get(&key, "/openapi.json").await.json().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let doc_path = dir.path().join("openapi.json");
    std::fs::write(&doc_path, serde_json::to_vec(&doc).unwrap()).unwrap();

    // Valid OpenAPI 3, operation ids unique. (The tools run off the runtime that serves the
    // bridge.)
    let check = format!(
        "import json; from openapi_spec_validator import validate; validate(json.load(open({:?})))",
        doc_path.display().to_string()
    );
    blocking(move || run(Command::new("python3").arg("-c").arg(check))).await;
    let mut ids: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .filter_map(|op| op.get("operationId"))
        .map(|id| id.as_str().expect("operation ids are strings"))
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "operation ids are unique: {ids:?}");

    let fit = dir.path().join("ride.fit");
    std::fs::write(&fit, crate::common::files::fit(1_764_000_000, 0x5059)).unwrap();
    let day = (chrono::Utc::now().date_naive() + chrono::Duration::days(1)).to_string();
    let url = app.url("").trim_end_matches('/').to_owned();

    // Python.
    connect_scopes(
        &app,
        &key,
        "py",
        "i317960",
        &["ACTIVITY:WRITE", "CALENDAR:WRITE", "WELLNESS:WRITE"],
    )
    .await;
    let script = dir.path().join("drive.py");
    std::fs::write(&script, PY_SCRIPT).unwrap();
    let (u, k, f) = (url.clone(), key.clone(), fit.clone());
    let out = blocking(move || {
        run(Command::new("python3")
            .arg(&script)
            .env("PYTHONPATH", clients_dir().join("python"))
            .env("BRIDGE_URL", u)
            .env("BRIDGE_KEY", k)
            .env("REDIRECT", PARTNER_REDIRECT)
            .env("DAY", day)
            .env("FIT", f))
    })
    .await;
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(got["session"]["connect_url"]
        .as_str()
        .unwrap()
        .contains("/connect/"));
    assert_eq!(got["user"]["user_id"], "py");
    assert_eq!(got["user"]["athlete_id"], "i317960");
    assert_eq!(got["queued"]["queued"][0]["id"], "2026-11-01");
    assert_eq!(got["written"]["data"][0]["external_id"], "py-plan");
    assert_eq!(got["written"]["data"][0]["created"], true);
    assert_eq!(got["upload_status"], 201, "{got}");
    assert!(got["uploaded"]["activity_id"].is_string(), "{got}");
    // What the client did is what the bridge holds.
    let pending: Value = app
        .get(&key, "/v1/users/py/wellness/pending")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(pending["data"][0]["fields"]["weight"], 70.5);

    // TypeScript: the committed sources compiled as a partner's build would.
    connect_scopes(
        &app,
        &key,
        "ts",
        "2049151",
        &["ACTIVITY:WRITE", "WELLNESS:WRITE"],
    )
    .await;
    let compiled = dir.path().join("ts");
    let c = compiled.clone();
    blocking(move || {
        run(Command::new(clients_dir().join("node_modules/.bin/tsc"))
            .arg("-p")
            .arg(clients_dir().join("typescript"))
            .arg("--outDir")
            .arg(&c))
    })
    .await;
    let script = dir.path().join("drive.js");
    std::fs::write(&script, TS_SCRIPT).unwrap();
    let (u, k) = (url.clone(), key.clone());
    let out = blocking(move || {
        run(Command::new("node")
            .arg(&script)
            .env("CLIENT", &compiled)
            .env("BRIDGE_URL", u)
            .env("BRIDGE_KEY", k)
            .env("REDIRECT", PARTNER_REDIRECT)
            .env("FIT", fit))
    })
    .await;
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(got["session"]["connect_url"]
        .as_str()
        .unwrap()
        .contains("/connect/"));
    assert_eq!(got["user"]["user_id"], "ts");
    assert_eq!(got["user"]["athlete_id"], "2049151");
    assert_eq!(got["queued"]["queued"][0]["id"], "2026-11-02");
    // The same file as the Python upload, for another athlete: new there.
    assert_eq!(got["upload_status"], 201, "{got}");
    assert!(got["uploaded"]["activity_id"].is_string(), "{got}");
    let pending: Value = app
        .get(&key, "/v1/users/ts/wellness/pending")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(pending["data"][0]["fields"]["weight"], 71.5);
}
