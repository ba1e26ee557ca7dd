//! `/_sandbox/...`: switches and inspection for tests and demos; nothing Intervals.icu has.
//! The endpoints are listed in the crate documentation.

use std::time::{Duration, Instant};

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;

use super::activities::stored;
use super::api::error;
use super::faults::{Faults, FaultsBody, Stats};
use super::webhooks::{stage, Outgoing, Route};
use super::{
    calendar, oauth, scope, webhooks, wellness, Sandbox, SandboxClient, TokenStatus, ATHLETES,
};

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/requests")
            .route(web::get().to(requests))
            .route(web::delete().to(clear_requests)),
    )
    .service(web::resource("/clients").route(web::post().to(register_client)))
    .service(web::resource("/settings").route(web::post().to(settings)))
    .service(web::resource("/codes/expire").route(web::post().to(expire_codes)))
    .service(web::resource("/tokens").route(web::get().to(tokens)))
    .service(web::resource("/tokens/mint").route(web::post().to(mint)))
    .service(web::resource("/tokens/revoke").route(web::post().to(revoke)))
    .service(web::resource("/outage").route(web::post().to(outage)))
    .service(web::resource("/athletes").route(web::get().to(athletes)))
    .service(
        web::resource("/faults")
            .route(web::get().to(get_faults))
            .route(web::post().to(set_faults))
            .route(web::delete().to(reset_faults)),
    )
    .service(
        web::resource("/stats")
            .route(web::get().to(stats))
            .route(web::delete().to(reset_stats)),
    )
    .service(web::resource("/activities/{athlete_id}").route(web::get().to(activities)))
    .service(web::resource("/tokens/scope").route(web::post().to(narrow_scope)))
    .configure(wellness::control_routes)
    .configure(webhooks::routes)
    .configure(calendar::routes);
}

pub(super) async fn not_found(req: HttpRequest) -> HttpResponse {
    let path = format!("/_sandbox{}", req.match_info().unprocessed());
    error(
        StatusCode::NOT_FOUND,
        &format!("No sandbox control endpoint {} {path}", req.method()),
    )
}

/// Parsed by hand so a bad body gets the sandbox's JSON error rather than actix's plain text.
pub(super) fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, HttpResponse> {
    serde_json::from_slice(body)
        .map_err(|e| error(StatusCode::BAD_REQUEST, &format!("Invalid JSON body: {e}")))
}

async fn requests(sandbox: web::Data<Sandbox>) -> HttpResponse {
    let log = sandbox.lock().requests.clone();
    HttpResponse::Ok().json(log)
}

async fn clear_requests(sandbox: web::Data<Sandbox>) -> HttpResponse {
    sandbox.lock().requests.clear();
    HttpResponse::Ok().json(json!({}))
}

#[derive(Deserialize)]
struct ClientBody {
    client_id: String,
    client_secret: String,
    name: String,
}

async fn register_client(body: web::Bytes, sandbox: web::Data<Sandbox>) -> HttpResponse {
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
    sandbox.register_client(SandboxClient {
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

async fn settings(body: web::Bytes, sandbox: web::Data<Sandbox>) -> HttpResponse {
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
    let mut st = sandbox.lock();
    if let Some(secs) = s.code_ttl_secs {
        st.code_ttl = Duration::from_secs(secs);
    }
    if s.rate_limit_per_sec.is_some() || s.rate_limit_burst.is_some() {
        st.limiter
            .configure(s.rate_limit_per_sec, s.rate_limit_burst);
    }
    if let Some(max) = s.max_upload_bytes {
        st.max_upload_bytes = max;
    }
    if let Some(ms) = s.analyzed_delay_ms {
        st.webhooks.analyzed_delay = Duration::from_millis(ms);
    }
    let analyzed_delay_ms =
        u64::try_from(st.webhooks.analyzed_delay.as_millis()).unwrap_or(u64::MAX);
    HttpResponse::Ok().json(json!({
        "code_ttl_secs": st.code_ttl.as_secs(),
        "down": st.down,
        "rate_limit_per_sec": st.limiter.per_sec,
        "rate_limit_burst": st.limiter.burst,
        "max_upload_bytes": st.max_upload_bytes,
        "analyzed_delay_ms": analyzed_delay_ms,
    }))
}

async fn expire_codes(sandbox: web::Data<Sandbox>) -> HttpResponse {
    let mut st = sandbox.lock();
    let now = Instant::now();
    let mut expired = 0;
    for code in st.codes.values_mut().filter(|c| c.expires_at > now) {
        code.expires_at = now;
        expired += 1;
    }
    HttpResponse::Ok().json(json!({ "expired": expired }))
}

async fn tokens(sandbox: web::Data<Sandbox>) -> HttpResponse {
    let st = sandbox.lock();
    let list: Vec<_> = st
        .tokens
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
async fn mint(body: web::Bytes, sandbox: web::Data<Sandbox>) -> HttpResponse {
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
    let mut st = sandbox.lock();
    if !st.clients.contains_key(&b.client_id) {
        return error(
            StatusCode::NOT_FOUND,
            &format!(
                "No application is registered with client_id {}",
                b.client_id
            ),
        );
    }
    HttpResponse::Ok().json(oauth::grant_token(
        &mut st,
        b.client_id,
        b.athlete_id,
        scopes,
    ))
}

#[derive(Deserialize)]
struct RevokeBody {
    client_id: String,
    athlete_id: String,
}

async fn revoke(req: HttpRequest, body: web::Bytes, sandbox: web::Data<Sandbox>) -> HttpResponse {
    let r: RevokeBody = match parse(&body) {
        Ok(r) => r,
        Err(res) => return res,
    };
    let mut st = sandbox.lock();
    let mut revoked = 0;
    for t in st.tokens.iter_mut().filter(|t| {
        t.status == TokenStatus::Active
            && t.client_id == r.client_id
            && t.athlete_id == r.athlete_id
    }) {
        t.status = TokenStatus::Revoked;
        revoked += 1;
    }
    if revoked == 0 {
        return error(
            StatusCode::NOT_FOUND,
            "No active token for that app and athlete",
        );
    }
    let client_name = st.clients.get(&r.client_id).map(|c| c.name.clone());
    drop(st);
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
struct ScopeBody {
    client_id: String,
    athlete_id: String,
    scope: String,
}

/// The athlete unticks scopes in their settings: the token keeps working with less. Only a
/// narrowing is possible there, so a wider scope is refused.
async fn narrow_scope(
    req: HttpRequest,
    body: web::Bytes,
    sandbox: web::Data<Sandbox>,
) -> HttpResponse {
    let b: ScopeBody = match parse(&body) {
        Ok(b) => b,
        Err(res) => return res,
    };
    let scopes = match scope::parse_list(&b.scope) {
        Ok(s) => s,
        Err(msg) => return error(StatusCode::BAD_REQUEST, &msg),
    };
    let mut st = sandbox.lock();
    let Some(token) = st.tokens.iter_mut().find(|t| {
        t.status == TokenStatus::Active
            && t.client_id == b.client_id
            && t.athlete_id == b.athlete_id
    }) else {
        return error(
            StatusCode::NOT_FOUND,
            "No active token for that app and athlete",
        );
    };
    if let Some(extra) = scopes
        .iter()
        .find(|s| !token.scopes.iter().any(|old| old.allows(s.area, s.access)))
    {
        return error(
            StatusCode::BAD_REQUEST,
            &format!(
                "{extra} was not granted ({}); the athlete can only narrow a grant",
                scope::join(&token.scopes)
            ),
        );
    }
    token.scopes = scopes;
    let joined = scope::join(&token.scopes);
    let client_name = st.clients.get(&b.client_id).map(|c| c.name.clone());
    drop(st);
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

async fn outage(body: web::Bytes, sandbox: web::Data<Sandbox>) -> HttpResponse {
    let o: OutageBody = match parse(&body) {
        Ok(o) => o,
        Err(res) => return res,
    };
    sandbox.lock().down = o.down;
    HttpResponse::Ok().json(json!({ "down": o.down }))
}

async fn athletes() -> HttpResponse {
    let list: Vec<_> = ATHLETES
        .iter()
        .map(|a| json!({"id": a.id, "name": a.name}))
        .collect();
    HttpResponse::Ok().json(list)
}

async fn get_faults(sandbox: web::Data<Sandbox>) -> HttpResponse {
    HttpResponse::Ok().json(&sandbox.lock().faults)
}

async fn set_faults(body: web::Bytes, sandbox: web::Data<Sandbox>) -> HttpResponse {
    let b: FaultsBody = match parse(&body) {
        Ok(b) => b,
        Err(res) => return res,
    };
    match Faults::from_body(b) {
        Ok(f) => {
            let mut st = sandbox.lock();
            st.faults = f;
            HttpResponse::Ok().json(&st.faults)
        }
        Err(msg) => error(StatusCode::BAD_REQUEST, &msg),
    }
}

async fn reset_faults(sandbox: web::Data<Sandbox>) -> HttpResponse {
    let mut st = sandbox.lock();
    st.faults = Faults::default();
    HttpResponse::Ok().json(&st.faults)
}

async fn stats(sandbox: web::Data<Sandbox>) -> HttpResponse {
    HttpResponse::Ok().json(&sandbox.lock().stats)
}

async fn reset_stats(sandbox: web::Data<Sandbox>) -> HttpResponse {
    let mut st = sandbox.lock();
    st.stats = Stats::default();
    HttpResponse::Ok().json(&st.stats)
}

async fn activities(req: HttpRequest, sandbox: web::Data<Sandbox>) -> HttpResponse {
    let athlete_id = req.match_info().get("athlete_id").unwrap_or_default();
    let st = sandbox.lock();
    if !st.knows_athlete(athlete_id) {
        return error(
            StatusCode::NOT_FOUND,
            &format!("No simulated athlete {athlete_id}"),
        );
    }
    HttpResponse::Ok().json(stored(&st, athlete_id))
}

#[cfg(test)]
mod tests {
    use actix_web::{test, App};
    use serde_json::{json, Value};

    use super::super::{Sandbox, SandboxClient};

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
