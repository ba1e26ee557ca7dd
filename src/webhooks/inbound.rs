//! `POST /webhooks/intervals`: checks the secret in the body (constant time), stores each event
//! of the batch once (exact duplicates are recognised by hash) before answering 200, and queues
//! its routing: every connection of the athlete, across tenants, gets its own event.

use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use subtle::ConstantTimeEq;
use utoipa::ToSchema;

use crate::api::activities::map_external_id;
use crate::app::{AppState, State};
use crate::db::models::{record_event, retire_token, token_status, Connection, Token};
use crate::db::schema::{connections, inbound_events as ie, tokens};
use crate::db::{self, DbConn};
use crate::errors::AppError;
use crate::jobs::{self, JobError, NewJob};
use crate::scopes::{Access, Scope, ScopeSet};

pub const ROUTE: &str = "webhook.route";
/// Largest inbound batch accepted.
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

#[derive(Debug, Deserialize)]
pub struct Batch {
    #[serde(default)]
    secret: Option<String>,
    #[serde(default)]
    events: Vec<Value>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Received {
    pub received: usize,
    pub duplicates: usize,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct RouteJob {
    pub inbound_id: String,
}

/// Intervals.icu's webhook receiver. Its 200 needs a body (anything else is retried upstream).
pub async fn receive(state: State, body: web::Bytes) -> Result<HttpResponse, AppError> {
    let batch: Batch = serde_json::from_slice(&body)
        .map_err(|e| AppError::bad_request(format!("Invalid webhook body: {e}")))?;
    let given = batch.secret.unwrap_or_default();
    let expected = state.config.webhook_secret.as_bytes();
    if !bool::from(given.as_bytes().ct_eq(expected)) {
        log::warn!("webhook with a wrong or missing secret refused");
        return Err(AppError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Wrong or missing webhook secret.",
        ));
    }
    if batch.events.len() > 1000 {
        return Err(AppError::bad_request("At most 1000 events per batch."));
    }
    let events = batch.events;
    let (received, duplicates) = db::run(&state.pool, move |conn| {
        Ok(crate::db::write_tx(conn, |conn| {
            let mut dups = 0;
            for ev in &events {
                if !store(conn, ev)? {
                    dups += 1;
                }
            }
            Ok::<_, diesel::result::Error>((events.len(), dups))
        })?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(Received {
        received,
        duplicates,
    }))
}

/// Stores one event and queues its routing; false when it was seen before.
fn store(conn: &mut DbConn, ev: &Value) -> QueryResult<bool> {
    // serde_json's map is ordered by key, so this text is canonical for equal events.
    let canonical = ev.to_string();
    let hash = crate::crypto::sha256_hex(canonical.as_bytes());
    let exists: i64 = ie::table
        .filter(ie::dedupe_hash.eq(&hash))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(false);
    }
    let id = db::new_id();
    let athlete = ev.get("athlete_id").map(|a| match a {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    let kind = ev
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("UNKNOWN")
        .to_owned();
    diesel::insert_into(ie::table)
        .values((
            ie::id.eq(&id),
            ie::dedupe_hash.eq(&hash),
            ie::athlete_id.eq(athlete),
            ie::event_type.eq(&kind),
            ie::payload.eq(&canonical),
            ie::received_at.eq(db::now()),
        ))
        .execute(conn)?;
    jobs::enqueue(
        conn,
        &NewJob::new(
            crate::webhooks::QUEUE,
            ROUTE,
            serde_json::json!({ "inbound_id": id }),
        )
        .dedupe_key(format!("{ROUTE}:{id}")),
    )?;
    Ok(true)
}

pub fn register(registry: &mut jobs::Registry<Arc<AppState>>) {
    registry.register_typed(ROUTE, |state: Arc<AppState>, job: RouteJob| async move {
        let pool = state.pool.clone();
        let client_id = state.config.client_id.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(JobError::new)?;
            route(&mut conn, &client_id, &job.inbound_id).map_err(JobError::new)
        })
        .await
        .map_err(JobError::new)?
    });
}

/// The event for one tenant's connection: our own fields, then the upstream ones.
fn tenant_data(ev: &Map<String, Value>, conn: &Connection, client_id: &str) -> Value {
    let mut data = Map::new();
    for (k, v) in ev {
        if matches!(k.as_str(), "athlete_id" | "type" | "timestamp" | "secret") {
            continue;
        }
        data.insert(k.clone(), v.clone());
    }
    // Our own uploads and events carry `{tenant}.{id}`: each tenant sees its own id, never
    // another tenant's.
    if let Some(Value::Object(a)) = data.get_mut("activity") {
        map_external_id(a, &conn.tenant_id);
    }
    if let Some(Value::Array(list)) = data.get_mut("events") {
        for e in list.iter_mut() {
            if let Value::Object(obj) = e {
                let ours = obj.get("oauth_client_id").map(|c| match c {
                    Value::String(s) => s == client_id,
                    Value::Number(n) => n.to_string() == client_id,
                    _ => false,
                });
                obj.insert(
                    "created_by_this_app".into(),
                    Value::Bool(ours.unwrap_or(false)),
                );
                map_external_id(obj, &conn.tenant_id);
            }
        }
    }
    if let Some(ts) = ev.get("timestamp") {
        data.insert("upstream_timestamp".into(), ts.clone());
    }
    if let Some(t) = ev.get("type") {
        data.insert("upstream_type".into(), t.clone());
    }
    Value::Object(data)
}

/// Fans one stored event out to every connection of its athlete (idempotent: done once).
pub fn route(conn: &mut DbConn, client_id: &str, inbound_id: &str) -> QueryResult<()> {
    crate::db::write_tx(conn, |conn| {
        let (payload, routed): (String, Option<chrono::NaiveDateTime>) = ie::table
            .find(inbound_id)
            .select((ie::payload, ie::routed_at))
            .first(conn)?;
        if routed.is_some() {
            return Ok(());
        }
        diesel::update(ie::table.find(inbound_id))
            .set(ie::routed_at.eq(Some(db::now())))
            .execute(conn)?;
        let Ok(Value::Object(ev)) = serde_json::from_str::<Value>(&payload) else {
            return Ok(());
        };
        let Some(athlete) = ev.get("athlete_id").map(|a| match a {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }) else {
            return Ok(());
        };
        let kind = ev
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("UNKNOWN")
            .to_ascii_uppercase();
        let token: Option<Token> = tokens::table
            .filter(tokens::client_id.eq(client_id))
            .filter(tokens::athlete_id.eq(&athlete))
            .select(Token::as_select())
            .first(conn)
            .optional()?;
        if kind == "APP_SCOPE_CHANGED" {
            return scope_changed(conn, &ev, token);
        }
        let conns: Vec<Connection> = connections::table
            .filter(connections::athlete_id.eq(&athlete))
            .select(Connection::as_select())
            .load(conn)?;
        let granted = token
            .as_ref()
            .map(|t| ScopeSet::parse_lenient(&t.scopes))
            .unwrap_or_default();
        for c in conns {
            if token.as_ref().is_some_and(|t| t.id != c.token_id) {
                continue;
            }
            if let Some(area) = crate::webhooks::area_of(&kind) {
                let effective = ScopeSet::parse_lenient(&c.scopes).effective(&granted);
                if !effective.allows(&Scope {
                    area,
                    access: Access::Read,
                }) {
                    continue;
                }
            }
            let data = tenant_data(&ev, &c, client_id);
            record_event(
                conn,
                &c.tenant_id,
                &c.user_id,
                &athlete,
                &crate::webhooks::dotted(&kind),
                data,
            )?;
        }
        Ok(())
    })
}

/// `APP_SCOPE_CHANGED`: a narrower or wider grant (`connection.updated`), or deauthorization
/// (`connection.revoked`).
fn scope_changed(
    conn: &mut DbConn,
    ev: &Map<String, Value>,
    token: Option<Token>,
) -> QueryResult<()> {
    let Some(token) = token else { return Ok(()) };
    let deauthorized = ev
        .get("deauthorized")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    if deauthorized {
        retire_token(
            conn,
            &token.id,
            token_status::REVOKED,
            "the athlete withdrew access on Intervals.icu",
        )?;
        return Ok(());
    }
    let scope = ev.get("scope").and_then(Value::as_str).unwrap_or_default();
    let granted = ScopeSet::parse_lenient(scope);
    diesel::update(tokens::table.find(&token.id))
        .set((
            tokens::scopes.eq(granted.to_string()),
            tokens::updated_at.eq(db::now()),
        ))
        .execute(conn)?;
    let conns: Vec<Connection> = connections::table
        .filter(connections::token_id.eq(&token.id))
        .select(Connection::as_select())
        .load(conn)?;
    for c in conns {
        let effective = ScopeSet::parse_lenient(&c.scopes).effective(&granted);
        record_event(
            conn,
            &c.tenant_id,
            &c.user_id,
            &c.athlete_id,
            "connection.updated",
            serde_json::json!({ "scopes": effective.to_vec(), "status": token.status }),
        )?;
    }
    Ok(())
}
