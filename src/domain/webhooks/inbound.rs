//! Intervals.icu's events after the receiver (`api::intervals_webhook`) checked the secret:
//! each event of a batch is stored once (exact duplicates are recognised by hash), with one
//! routing job for the batch's new events, in one transaction; routing gives every connection of
//! the athlete, across tenants, its own event (unless the tenant's event filter leaves its type
//! out), for the whole batch in one transaction.

use crate::services::read_cache::{self, Area};
use std::sync::Arc;

use diesel::QueryResult;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::db::models::{Connection, InboundEvent, NewInbound, Token};
use crate::db::types::{AthleteId, TenantId, TokenStatus};
use crate::db::{self, write_tx, DbConn};
use crate::domain::connections::{self, effective_scopes};
use crate::domain::scopes::ScopeSet;
use crate::domain::uploads::map_external_id;
use crate::domain::webhooks::outbox::{self, EventType, Targets};
use crate::services::jobs::{self, Job, JobError, NewJob};
use crate::services::state::AppState;

pub const ROUTE: &str = "webhook.route";

#[derive(Debug, Serialize, Deserialize)]
pub struct RouteJob {
    /// One event: the payload of routing jobs queued before batches were routed together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_id: Option<String>,
    /// The new events of one received batch, routed together.
    #[serde(default)]
    pub inbound_ids: Vec<String>,
}

impl Job for RouteJob {
    const QUEUE: &'static str = outbox::QUEUE;
    const KIND: &'static str = ROUTE;

    fn dedupe_key(&self) -> Option<String> {
        let first = self.inbound_id.as_ref().or(self.inbound_ids.first())?;
        Some(format!("{ROUTE}:{first}"))
    }
}

/// Stores a batch: each new event once, and one routing job for the new ones, in one
/// transaction. Returns (received, duplicates).
pub fn store_batch(conn: &mut DbConn, events: &[Value]) -> QueryResult<(usize, usize)> {
    let prepared: Vec<Prepared> = events.iter().map(Prepared::of).collect();
    let rows: Vec<NewInbound> = prepared
        .iter()
        .map(|p| NewInbound {
            dedupe_hash: &p.hash,
            athlete_id: p.athlete.as_deref(),
            event_type: &p.kind,
            payload: &p.canonical,
        })
        .collect();
    write_tx(conn, |conn| {
        let stored = InboundEvent::insert_new(conn, &rows)?;
        // What the new events changed is read again from Intervals.icu by every read that
        // starts after this transaction commits, on any instance.
        let changed: Vec<(String, &'static str)> = stored
            .iter()
            .zip(&prepared)
            .filter(|(id, _)| id.is_some())
            .filter_map(|(_, p)| Some((p.athlete.clone()?, Area::changed_by(&p.kind))))
            .flat_map(|(a, areas)| areas.iter().map(move |area| (a.clone(), area.as_str())))
            .collect();
        read_cache::invalidate_many(conn, &changed)?;
        let new: Vec<String> = stored.into_iter().flatten().collect();
        let dups = events.len() - new.len();
        if !new.is_empty() {
            let job = RouteJob {
                inbound_id: None,
                inbound_ids: new,
            };
            jobs::enqueue(conn, &NewJob::of(&job))?;
        }
        Ok((events.len(), dups))
    })
}

/// An event as stored: its canonical text, that text's hash, its athlete and type.
struct Prepared {
    canonical: String,
    hash: String,
    athlete: Option<String>,
    kind: String,
}

impl Prepared {
    fn of(ev: &Value) -> Prepared {
        // serde_json's map is ordered by key, so this text is canonical for equal events.
        let canonical = ev.to_string();
        let hash = crate::support::crypto::sha256_hex(canonical.as_bytes());
        let athlete = ev.get("athlete_id").map(|a| match a {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        let kind = ev
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("UNKNOWN")
            .to_owned();
        Prepared {
            canonical,
            hash,
            athlete,
            kind,
        }
    }
}

pub fn register(registry: &mut jobs::Registry<Arc<AppState>>) {
    registry.register_job(|state: Arc<AppState>, job: RouteJob| async move {
        let client_id = state.config.client_id.clone();
        let ids: Vec<String> = job.inbound_id.into_iter().chain(job.inbound_ids).collect();
        db::run(&state.pool, move |conn| {
            Ok::<_, JobError>(route_batch(conn, &client_id, &ids)?)
        })
        .await
    });
}

/// The event's data for one tenant: Intervals.icu's fields less its envelope, each id as the
/// tenant knows it, and the upstream type and timestamp. (`outbound::body` adds the user.)
pub(crate) fn tenant_data(ev: &Map<String, Value>, tenant_id: &TenantId, client_id: &str) -> Value {
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
        map_external_id(a, tenant_id);
    }
    // Calendar events as the workouts list shows them.
    if let Some(Value::Array(list)) = data.get_mut("events") {
        for e in list.iter_mut() {
            if let Value::Object(obj) = e {
                crate::domain::workouts::map_event(obj, tenant_id, client_id);
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

/// Fans stored events out, all in one transaction (idempotent: each is routed once). Each
/// tenant's webhook settings are read once for the batch.
pub fn route_batch(conn: &mut DbConn, client_id: &str, inbound_ids: &[String]) -> QueryResult<()> {
    write_tx(conn, |conn| {
        let mut targets = Targets::default();
        for id in inbound_ids {
            route_one(conn, &mut targets, client_id, id)?;
        }
        Ok(())
    })
}

/// Fans one stored event out to every connection of its athlete (idempotent: done once).
pub fn route(conn: &mut DbConn, client_id: &str, inbound_id: &str) -> QueryResult<()> {
    write_tx(conn, |conn| {
        route_one(conn, &mut Targets::default(), client_id, inbound_id)
    })
}

/// [`route`] inside the caller's write transaction.
fn route_one(
    conn: &mut DbConn,
    targets: &mut Targets,
    client_id: &str,
    inbound_id: &str,
) -> QueryResult<()> {
    let Some(payload) = InboundEvent::take_for_routing(conn, inbound_id)? else {
        return Ok(());
    };
    let Ok(Value::Object(ev)) = serde_json::from_str::<Value>(&payload) else {
        return Ok(());
    };
    let Some(athlete) = ev.get("athlete_id").map(|a| match a {
        Value::String(s) => AthleteId::new(s.as_str()),
        other => AthleteId::new(other.to_string()),
    }) else {
        return Ok(());
    };
    let kind = ev
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("UNKNOWN")
        .to_ascii_uppercase();
    let token = Token::find_for(conn, client_id, &athlete)?;
    if kind == "APP_SCOPE_CHANGED" {
        return scope_changed(conn, &ev, token);
    }
    let event_type = EventType::from_upstream(&kind);
    for c in Connection::of_athlete(conn, &athlete)? {
        if token.as_ref().is_some_and(|t| t.id != c.token_id) {
            continue;
        }
        let effective = match &token {
            Some(t) => effective_scopes(&c, t),
            None => ScopeSet::default(),
        };
        if !crate::domain::webhooks::may_receive(&effective, &kind) {
            continue;
        }
        // The tenant's filter before building its copy of the event.
        if !targets.wants(conn, &c.tenant_id, &event_type)? {
            continue;
        }
        let data = tenant_data(&ev, &c.tenant_id, client_id);
        outbox::record_event_with(conn, targets, (&c).into(), event_type.clone(), data)?;
    }
    Ok(())
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
        connections::retire_token(
            conn,
            &token.id,
            TokenStatus::Revoked,
            "the athlete withdrew access on Intervals.icu",
        )?;
        return Ok(());
    }
    let scope = ev.get("scope").and_then(Value::as_str).unwrap_or_default();
    connections::token_scopes_changed(conn, &token, &ScopeSet::parse_lenient(scope))
}
