//! The bridge's OpenAPI document is valid (`openapi-spec-validator`) and a maintained generator
//! (`openapi-python-client`) builds a Python client from it without a warning; that client then
//! drives a connect session, a user read, a wellness PUT and a planned-workout upsert against
//! the running bridge. Both tools come from PyPI: without them the test skips with a notice,
//! unless `BRIDGE_REQUIRE_PY_CLIENT=1` (CI) makes them required.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::*;
use serde_json::Value;

/// The generator's settings a partner would use: the file downloads' vendor and XML types are
/// binary, which it reads only as `application/octet-stream`.
const GENERATOR_CONFIG: &str = "\
content_type_overrides:
  application/vnd.ant.fit: application/octet-stream
  application/vnd.garmin.tcx+xml: application/octet-stream
  application/gpx+xml: application/octet-stream
  application/zip: application/octet-stream
  application/gzip: application/octet-stream
  application/xml: application/octet-stream
";

const SCRIPT: &str = r#"
import json, os
from bridge_client import AuthenticatedClient
from bridge_client.api.connect import create_connect_session
from bridge_client.api.users import get_user
from bridge_client.api.wellness import queue_wellness
from bridge_client.api.workouts import upsert_workouts
from bridge_client.models import (ConnectSessionCreated, CreateConnectSession, PlannedWorkoutIn,
    Queued, User, WellnessRecordIn, WrittenWorkouts)

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
print(json.dumps({"session": session.to_dict(), "user": user.to_dict(),
                  "queued": queued.to_dict(), "written": written.to_dict()}))
"#;

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

/// Both tools present, or a notice (or a failure when they are required).
fn tools_present() -> bool {
    let validator = Command::new("python3")
        .args(["-c", "import openapi_spec_validator"])
        .output()
        .is_ok_and(|o| o.status.success());
    let generator = Command::new("openapi-python-client")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if validator && generator {
        return true;
    }
    let msg = "openapi-spec-validator and openapi-python-client (pip install openapi-spec-validator openapi-python-client)";
    if std::env::var("BRIDGE_REQUIRE_PY_CLIENT").as_deref() == Ok("1") {
        panic!("{msg} are required (BRIDGE_REQUIRE_PY_CLIENT=1)");
    }
    eprintln!("skipping the generated-client test: {msg} not installed");
    false
}

#[actix_web::test]
async fn the_document_validates_and_a_generated_python_client_drives_the_api() {
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
        .map(|op| {
            op["operationId"]
                .as_str()
                .expect("every operation has an id")
        })
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "operation ids are unique: {ids:?}");

    // Generated without a warning.
    let config = dir.path().join("generator.yaml");
    std::fs::write(&config, GENERATOR_CONFIG).unwrap();
    let package = dir.path().join("bridge_client");
    let output_path = package.clone();
    let out = blocking(move || {
        run(Command::new("openapi-python-client")
            .arg("generate")
            .arg("--path")
            .arg(&doc_path)
            .arg("--output-path")
            .arg(&output_path)
            .args(["--meta", "none"])
            .arg("--config")
            .arg(&config))
    })
    .await;
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!said.to_lowercase().contains("warning"), "{said}");
    assert!(Path::new(&package).join("client.py").exists(), "{said}");

    // The client drives the bridge.
    connect_scopes(
        &app,
        &key,
        "py",
        "i317960",
        &["ACTIVITY:WRITE", "CALENDAR:WRITE", "WELLNESS:WRITE"],
    )
    .await;
    let day = (chrono::Utc::now().date_naive() + chrono::Duration::days(1)).to_string();
    let script = dir.path().join("drive.py");
    std::fs::write(&script, SCRIPT).unwrap();
    let (url, key_env, dir_path) = (app.url(""), key.clone(), dir.path().to_owned());
    let out = blocking(move || {
        run(Command::new("python3")
            .arg(&script)
            .env("PYTHONPATH", &dir_path)
            .env("BRIDGE_URL", url.trim_end_matches('/'))
            .env("BRIDGE_KEY", key_env)
            .env("REDIRECT", PARTNER_REDIRECT)
            .env("DAY", day))
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
    // What the client did is what the bridge holds.
    let pending: Value = app
        .get(&key, "/v1/users/py/wellness/pending")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(pending["data"][0]["fields"]["weight"], 70.5);
}
