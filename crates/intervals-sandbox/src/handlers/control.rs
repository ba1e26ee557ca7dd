//! `/_sandbox/...`: switches and inspection for tests and demos; nothing Intervals.icu has.
//! The endpoints are listed in the crate documentation.

use std::time::Duration;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::athletes::ATHLETES;
use crate::dates::fmt_local;
use crate::errors::error;
use crate::files::activity::Packing;
use crate::outbox::{stage, Outgoing, Route};
use crate::request::parse;
use crate::scope;
use crate::store::gate::{Faults, FaultsBody};
use crate::store::grants::{NarrowError, SandboxClient};
use crate::store::Shared;

pub(crate) async fn requests(sandbox: Shared) -> HttpResponse {
    HttpResponse::Ok().json(sandbox.requests.all())
}

pub(crate) async fn clear_requests(sandbox: Shared) -> HttpResponse {
    sandbox.requests.clear();
    HttpResponse::Ok().json(json!({}))
}

#[derive(Deserialize)]
struct ClientBody {
    client_id: String,
    client_secret: String,
    name: String,
}

pub(crate) async fn register_client(body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let c: ClientBody = match parse(&body) {
        Ok(c) => c,
        Err(res) => return res,
    };
    if c.client_id.is_empty() || c.client_secret.is_empty() {
        return error(
            StatusCode::BAD_REQUEST,
            "client_id and client_secret must not be empty",
        );
    }
    sandbox.grants.register(SandboxClient {
        client_id: c.client_id.clone(),
        client_secret: c.client_secret,
        name: c.name.clone(),
    });
    HttpResponse::Created().json(json!({"client_id": c.client_id, "name": c.name}))
}

#[derive(Deserialize)]
struct SettingsBody {
    code_ttl_secs: Option<u64>,
    rate_limit_per_sec: Option<f64>,
    rate_limit_burst: Option<f64>,
    max_upload_bytes: Option<u64>,
    analyzed_delay_ms: Option<u64>,
}

pub(crate) async fn settings(body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let s: SettingsBody = match parse(&body) {
        Ok(s) => s,
        Err(res) => return res,
    };
    if s.rate_limit_per_sec
        .is_some_and(|r| !r.is_finite() || r < 0.0)
        || s.rate_limit_burst
            .is_some_and(|b| !b.is_finite() || b < 1.0)
    {
        return error(
            StatusCode::BAD_REQUEST,
            "rate_limit_per_sec must be >= 0 (0 = off) and rate_limit_burst >= 1",
        );
    }
    // Each setting lives with the concern it governs.
    if let Some(secs) = s.code_ttl_secs {
        sandbox.grants.set_code_ttl(Duration::from_secs(secs));
    }
    let (per_sec, burst) = if s.rate_limit_per_sec.is_some() || s.rate_limit_burst.is_some() {
        sandbox.gate.limit(s.rate_limit_per_sec, s.rate_limit_burst)
    } else {
        sandbox.gate.limits()
    };
    if let Some(max) = s.max_upload_bytes {
        sandbox.activities.set_max_upload_bytes(max);
    }
    if let Some(ms) = s.analyzed_delay_ms {
        sandbox
            .webhooks
            .set_analyzed_delay(Duration::from_millis(ms));
    }
    let analyzed_delay_ms =
        u64::try_from(sandbox.webhooks.analyzed_delay().as_millis()).unwrap_or(u64::MAX);
    HttpResponse::Ok().json(json!({
        "code_ttl_secs": sandbox.grants.code_ttl().as_secs(),
        "down": sandbox.gate.down(),
        "rate_limit_per_sec": per_sec,
        "rate_limit_burst": burst,
        "max_upload_bytes": sandbox.activities.max_upload_bytes(),
        "analyzed_delay_ms": analyzed_delay_ms,
    }))
}

pub(crate) async fn expire_codes(sandbox: Shared) -> HttpResponse {
    let expired = sandbox.grants.expire_codes();
    HttpResponse::Ok().json(json!({ "expired": expired }))
}

pub(crate) async fn tokens(sandbox: Shared) -> HttpResponse {
    let list: Vec<_> = sandbox
        .grants
        .tokens()
        .iter()
        .map(|t| {
            json!({
                "client_id": t.client_id,
                "athlete_id": t.athlete_id,
                "scope": scope::join(&t.scopes),
                "access_token": t.access_token,
                "status": t.status,
            })
        })
        .collect();
    HttpResponse::Ok().json(list)
}

#[derive(Deserialize)]
struct MintBody {
    client_id: String,
    athlete_id: String,
    scope: String,
}

/// A completed grant without the consent page; creates the athlete if need be.
pub(crate) async fn mint(body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let b: MintBody = match parse(&body) {
        Ok(b) => b,
        Err(res) => return res,
    };
    let id_ok = (1..=64).contains(&b.athlete_id.len())
        && b.athlete_id
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-');
    if !id_ok {
        return error(
            StatusCode::BAD_REQUEST,
            "athlete_id must be 1 to 64 of A-Z, a-z, 0-9, _ and -",
        );
    }
    let scopes = match scope::parse_list(&b.scope) {
        Ok(s) => s,
        Err(msg) => return error(StatusCode::BAD_REQUEST, &msg),
    };
    let not_found = format!(
        "No application is registered with client_id {}",
        b.client_id
    );
    match sandbox.grants.mint(b.client_id, b.athlete_id, scopes) {
        Some(body) => HttpResponse::Ok().json(body),
        None => error(StatusCode::NOT_FOUND, &not_found),
    }
}

#[derive(Deserialize)]
struct RevokeBody {
    client_id: String,
    athlete_id: String,
}

pub(crate) async fn revoke(req: HttpRequest, body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let r: RevokeBody = match parse(&body) {
        Ok(r) => r,
        Err(res) => return res,
    };
    let (revoked, client_name) = sandbox.grants.revoke(&r.client_id, &r.athlete_id);
    if revoked == 0 {
        return error(
            StatusCode::NOT_FOUND,
            "No active token for that app and athlete",
        );
    }
    stage(
        &req,
        scope_changed(&r.client_id, client_name, &r.athlete_id, "", true),
    );
    HttpResponse::Ok().json(json!({ "revoked": revoked }))
}

/// Goes to the app concerned whatever its scope: it is about the grant itself.
fn scope_changed(
    client_id: &str,
    client_name: Option<String>,
    athlete_id: &str,
    scope: &str,
    deauthorized: bool,
) -> Outgoing {
    Outgoing::new(
        athlete_id,
        "APP_SCOPE_CHANGED",
        Route::Apps(vec![client_id.to_owned()]),
        json!({
            "client_id": client_id,
            "client_name": client_name,
            "scope": scope,
            "deauthorized": deauthorized,
        }),
    )
}

#[derive(Deserialize)]
struct CoachBody {
    coach: String,
    athlete: String,
}

/// `coach` becomes a coach of `athlete`: the coach's tokens read the athlete's activities.
pub(crate) async fn add_coach(body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let b: CoachBody = match parse(&body) {
        Ok(b) => b,
        Err(res) => return res,
    };
    if b.coach.is_empty() || b.athlete.is_empty() || b.coach == b.athlete {
        return error(
            StatusCode::BAD_REQUEST,
            "coach and athlete must be two athlete ids",
        );
    }
    sandbox.activities.add_coach(&b.coach, &b.athlete);
    HttpResponse::Ok().json(serde_json::json!({"coach": b.coach, "athlete": b.athlete}))
}

#[derive(Deserialize)]
struct ScopeBody {
    client_id: String,
    athlete_id: String,
    scope: String,
}

/// The athlete unticks scopes in their settings: the token keeps working with less. Only a
/// narrowing is possible there, so a wider scope is refused.
pub(crate) async fn narrow_scope(
    req: HttpRequest,
    body: web::Bytes,
    sandbox: Shared,
) -> HttpResponse {
    let b: ScopeBody = match parse(&body) {
        Ok(b) => b,
        Err(res) => return res,
    };
    let scopes = match scope::parse_list(&b.scope) {
        Ok(s) => s,
        Err(msg) => return error(StatusCode::BAD_REQUEST, &msg),
    };
    let (joined, client_name) = match sandbox.grants.narrow(&b.client_id, &b.athlete_id, scopes) {
        Ok(done) => done,
        Err(NarrowError::NoActiveToken) => {
            return error(
                StatusCode::NOT_FOUND,
                "No active token for that app and athlete",
            )
        }
        Err(NarrowError::Wider(extra, granted)) => {
            return error(
                StatusCode::BAD_REQUEST,
                &format!(
                    "{extra} was not granted ({granted}); the athlete can only narrow a grant"
                ),
            )
        }
    };
    stage(
        &req,
        scope_changed(&b.client_id, client_name, &b.athlete_id, &joined, false),
    );
    HttpResponse::Ok().json(json!({
        "client_id": b.client_id,
        "athlete_id": b.athlete_id,
        "scope": joined,
    }))
}

#[derive(Deserialize)]
struct OutageBody {
    down: bool,
}

pub(crate) async fn outage(body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let o: OutageBody = match parse(&body) {
        Ok(o) => o,
        Err(res) => return res,
    };
    sandbox.gate.set_down(o.down);
    HttpResponse::Ok().json(json!({ "down": o.down }))
}

/// The seeded athletes with their personal API keys.
pub(crate) async fn athletes(sandbox: Shared) -> HttpResponse {
    let list: Vec<_> = ATHLETES
        .iter()
        .map(|a| json!({"id": a.id, "name": a.name, "api_key": sandbox.grants.api_key(a.id)}))
        .collect();
    HttpResponse::Ok().json(list)
}

/// Any known athlete (seeded or minted) with their personal API key.
pub(crate) async fn athlete(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let id = req.match_info().get("id").unwrap_or_default();
    match sandbox.grants.api_key(id) {
        Some(key) => HttpResponse::Ok().json(json!({
            "id": id,
            "name": crate::athletes::athlete(id)
                .map_or_else(|| crate::athletes::minted_name(id), |a| a.name.to_owned()),
            "api_key": key,
        })),
        None => error(StatusCode::NOT_FOUND, &format!("No simulated athlete {id}")),
    }
}

pub(crate) async fn get_faults(sandbox: Shared) -> HttpResponse {
    HttpResponse::Ok().json(sandbox.gate.faults())
}

/// Replaces the whole fault configuration, so what a test posts is exactly what applies.
pub(crate) async fn set_faults(body: web::Bytes, sandbox: Shared) -> HttpResponse {
    let b: FaultsBody = match parse(&body) {
        Ok(b) => b,
        Err(res) => return res,
    };
    match Faults::from_body(b) {
        Ok(f) => HttpResponse::Ok().json(sandbox.gate.set_faults(f)),
        Err(msg) => error(StatusCode::BAD_REQUEST, &msg),
    }
}

pub(crate) async fn reset_faults(sandbox: Shared) -> HttpResponse {
    HttpResponse::Ok().json(sandbox.gate.set_faults(Faults::default()))
}

pub(crate) async fn stats(sandbox: Shared) -> HttpResponse {
    HttpResponse::Ok().json(sandbox.gate.stats())
}

pub(crate) async fn reset_stats(sandbox: Shared) -> HttpResponse {
    HttpResponse::Ok().json(sandbox.gate.reset_stats())
}

/// That athlete's uploads, oldest upload first.
pub(crate) async fn activities(req: HttpRequest, sandbox: Shared) -> HttpResponse {
    let athlete_id = req.match_info().get("athlete_id").unwrap_or_default();
    if !sandbox.grants.knows_athlete(athlete_id) {
        return error(
            StatusCode::NOT_FOUND,
            &format!("No simulated athlete {athlete_id}"),
        );
    }
    let list: Vec<Value> = sandbox
        .activities
        .uploads(athlete_id)
        .iter()
        .filter_map(|a| {
            let u = a.upload.as_ref()?;
            Some(json!({
                "id": a.id,
                "external_id": u.external_id,
                "name": u.name,
                "description": u.description,
                "type": u.sport,
                "start_date_local": fmt_local(a.start),
                "device_name": u.device_name,
                "paired_event_id": u.paired_event_id,
                "file_type": u.file.as_ref().map(|f| f.file_type.ext()),
                "compression": u.file.as_ref().and_then(|f| match f.packing {
                    Packing::Plain => None,
                    Packing::Gzip => Some("gz"),
                    Packing::Zip => Some("zip"),
                }),
                "size": u.file.as_ref().map(|f| f.bytes.len()),
                "sha256": u.file.as_ref().map(|f| f.sha256.clone()),
                "oauth_client_name": u.client_name,
            }))
        })
        .collect();
    HttpResponse::Ok().json(list)
}

#[cfg(test)]
mod tests {
    use actix_web::{test, App};
    use serde_json::{json, Value};

    use crate::{Sandbox, SandboxClient};

    #[actix_web::test]
    async fn minted_tokens_work_like_granted_ones_and_replace_older_ones() {
        let sb = Sandbox::new();
        sb.register_client(SandboxClient {
            client_id: "app".into(),
            client_secret: "secret".into(),
            name: "App".into(),
        });
        let app = test::init_service(App::new().configure(|c| sb.configure(c))).await;
        let mint = |body: Value| {
            test::TestRequest::post()
                .uri("/_sandbox/tokens/mint")
                .set_json(body)
                .to_request()
        };
        let body = json!({"client_id": "app", "athlete_id": "m42", "scope": "WELLNESS:WRITE"});
        let first: Value = test::call_and_read_body_json(&app, mint(body.clone())).await;
        assert_eq!(
            first["athlete"],
            json!({"id": "m42", "name": "Athlete m42"})
        );
        assert_eq!(first["scope"], "WELLNESS:WRITE");
        let second: Value = test::call_and_read_body_json(&app, mint(body)).await;
        let me = |token: &Value| {
            test::TestRequest::get()
                .uri("/api/v1/athlete/0")
                .insert_header((
                    "Authorization",
                    format!("Bearer {}", token.as_str().unwrap()),
                ))
                .to_request()
        };
        let res = test::call_service(&app, me(&first["access_token"])).await;
        assert_eq!(res.status(), 401, "the older token was replaced");
        let athlete: Value = test::call_and_read_body_json(&app, me(&second["access_token"])).await;
        assert_eq!(athlete["id"], "m42");
        assert_eq!(athlete["name"], "Athlete m42");
        let push = test::TestRequest::put()
            .uri("/api/v1/athlete/m42/wellness-bulk")
            .insert_header((
                "Authorization",
                format!("Bearer {}", second["access_token"].as_str().unwrap()),
            ))
            .set_json(json!([{"id": "2026-11-20", "weight": 70}]))
            .to_request();
        assert_eq!(test::call_service(&app, push).await.status(), 200);
        let stored: Value = test::call_and_read_body_json(
            &app,
            test::TestRequest::get()
                .uri("/_sandbox/wellness/m42")
                .to_request(),
        )
        .await;
        assert_eq!(stored[0]["weight"], 70.0);
        let tokens: Value = test::call_and_read_body_json(
            &app,
            test::TestRequest::get()
                .uri("/_sandbox/tokens")
                .to_request(),
        )
        .await;
        let statuses: Vec<&str> = tokens
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, ["replaced", "active"]);
        for (bad, status) in [
            (
                json!({"client_id": "nope", "athlete_id": "m1", "scope": "WELLNESS:WRITE"}),
                404,
            ),
            (
                json!({"client_id": "app", "athlete_id": "a/b", "scope": "WELLNESS:WRITE"}),
                400,
            ),
            (
                json!({"client_id": "app", "athlete_id": "m1", "scope": "WELLNESS:FLY"}),
                400,
            ),
            (json!({"client_id": "app"}), 400),
        ] {
            let res = test::call_service(&app, mint(bad.clone())).await;
            assert_eq!(res.status(), status, "{bad}");
        }
        let unknown = test::call_service(
            &app,
            test::TestRequest::get()
                .uri("/_sandbox/wellness/m1")
                .to_request(),
        )
        .await;
        assert_eq!(unknown.status(), 404, "a refused mint creates no athlete");
    }
}
