//! Outbound webhooks: every tenant event (the `events` table is the outbox) gets a delivery to the
//! tenant's endpoint, sent by a job with Standard Webhooks headers, retried on a schedule of about
//! three days (or at `Retry-After`), logged per attempt, behind a per-endpoint circuit breaker,
//! with at most `BRIDGE_WEBHOOK_ENDPOINT_CONCURRENCY` in flight per endpoint from this instance.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use rand::Rng;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use chrono::NaiveDateTime;
use diesel::QueryResult;
use serde_json::Value;

use crate::db::models::{Attempt, Delivery, Event, Tenant};
use crate::db::types::{DeliveryStatus, TenantId};
use crate::db::{self, write_tx, DbConn};
use crate::domain::webhooks::outbox::DeliverJob;
use crate::services::jobs::{self, JobError};
use crate::services::state::AppState;
use crate::support::backoff::{Jitter, RetryPolicy};

/// Delays after each failed attempt: about three days in all.
pub const SCHEDULE_SECS: [u64; 8] = [5, 300, 1800, 7200, 18_000, 36_000, 36_000, 36_000];
/// Consecutive failures that open an endpoint's breaker.
pub const BREAKER_THRESHOLD: i32 = 5;

/// How long a delivery waits (jittered ±50 %) when its endpoint already has as many deliveries
/// in flight from this instance as it may.
const BUSY_DEFER: Duration = Duration::from_millis(500);

/// How long a delivery waits for a place among its endpoint's deliveries in flight before it is
/// deferred: enough for a fast endpoint's next answer, too short to hold a worker on a slow one.
const SLOT_WAIT: Duration = Duration::from_millis(20);

/// A place among the deliveries in flight to the tenant's endpoint from this process, or `None`
/// when it has had `limit` for [`SLOT_WAIT`]: so a slow endpoint holds at most `limit` webhook
/// workers and the other tenants keep the rest.
async fn endpoint_slot(tenant_id: &TenantId, limit: usize) -> Option<OwnedSemaphorePermit> {
    type Slots = Mutex<HashMap<String, Arc<Semaphore>>>;
    static SLOTS: OnceLock<Slots> = OnceLock::new();
    let slots = {
        let mut all = SLOTS
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        all.entry(tenant_id.to_string())
            .or_insert_with(|| Arc::new(Semaphore::new(limit.max(1))))
            .clone()
    };
    tokio::time::timeout(SLOT_WAIT, slots.acquire_owned())
        .await
        .ok()?
        .ok()
}

/// The `webhook-id` of an event: stable across attempts and manual resends.
pub fn webhook_id(event_id: &str) -> String {
    format!("msg_{}", event_id.replace('-', ""))
}

/// The body tenants receive.
pub fn body(event: &Event) -> Value {
    let mut data = serde_json::Map::new();
    data.insert(
        "user_id".into(),
        event
            .user_id
            .as_deref()
            .map(|id| Value::String(id.to_owned()))
            .unwrap_or(Value::Null),
    );
    data.insert(
        "athlete_id".into(),
        event
            .athlete_id
            .as_deref()
            .map(|id| Value::String(id.to_owned()))
            .unwrap_or(Value::Null),
    );
    if let Ok(Value::Object(extra)) = serde_json::from_str::<Value>(&event.payload) {
        for (k, v) in extra {
            data.entry(k).or_insert(v);
        }
    }
    serde_json::json!({
        "type": event.event_type,
        "timestamp": event.created_at.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "data": data,
    })
}

/// The delay after `attempts` failed attempts, jittered ±10 %, scaled for tests and staging;
/// `None` once the schedule has run out.
fn delay_after(attempts: i32, scale: f64) -> Option<Duration> {
    if !(1..=SCHEDULE_SECS.len()).contains(&usize::try_from(attempts).ok()?) {
        return None;
    }
    let schedule = RetryPolicy::schedule(SCHEDULE_SECS.map(Duration::from_secs).to_vec())
        .with_jitter(Jitter::Spread(0.1));
    Some(schedule.delay(attempts).mul_f64(scale))
}

/// How long an endpoint's breaker stays open once it has seen `failures` consecutive failures
/// (at least `BREAKER_THRESHOLD`): 30 s, doubling with each further failure, at most an hour.
/// Only failures while it is closed count (`Tenant::endpoint_failed`), so it doubles once per
/// open period whose first attempt fails.
fn breaker_open_for(failures: i32, scale: f64) -> Duration {
    RetryPolicy::exponential(Duration::from_secs(30), Duration::from_secs(3600))
        .with_jitter(Jitter::None)
        .delay(failures - BREAKER_THRESHOLD + 1)
        .mul_f64(scale)
}

fn plus(t: NaiveDateTime, d: Duration) -> NaiveDateTime {
    t + chrono::Duration::from_std(d).unwrap_or(chrono::Duration::days(1))
}

/// Signs with the current secret and, during a rotation's grace period, the previous one too.
fn signature(
    state: &AppState,
    tenant: &Tenant,
    msg_id: &str,
    ts: i64,
    body: &[u8],
) -> anyhow::Result<String> {
    let mut sigs = Vec::new();
    let current = state
        .keys
        .decrypt(&tenant.webhook_secret_key_id, &tenant.webhook_secret_enc)?;
    sigs.push(standardwebhooks::Webhook::new(&current)?.sign(msg_id, ts, body)?);
    if let (Some(enc), Some(kid), Some(until)) = (
        &tenant.previous_webhook_secret_enc,
        &tenant.previous_webhook_secret_key_id,
        tenant.previous_webhook_secret_until,
    ) {
        if until > db::now() {
            let previous = state.keys.decrypt(kid, enc)?;
            sigs.push(standardwebhooks::Webhook::new(&previous)?.sign(msg_id, ts, body)?);
        }
    }
    Ok(sigs.join(" "))
}

pub fn register(registry: &mut jobs::Registry<Arc<AppState>>) {
    // The attempt's record is written with the job's result, many deliveries per transaction.
    registry.register_finishing(|state: Arc<AppState>, job: DeliverJob| async move {
        deliver(&state, &job.delivery_id).await
    });
}

#[derive(Clone)]
enum Sent {
    Ok(u16),
    Gone,
    Failed {
        code: Option<u16>,
        error: String,
        retry_after: Option<Duration>,
    },
}

/// Nothing left to write.
fn nothing() -> jobs::Finish {
    Box::new(|_| Ok(Ok(())))
}

/// One attempt of one delivery; what it leaves to write (the attempt, the delivery's and the
/// endpoint's new state) is returned for the queue to write with the job's result. Idempotent: a
/// delivery no longer pending is left alone.
pub async fn deliver(state: &Arc<AppState>, delivery_id: &str) -> Result<jobs::Finish, JobError> {
    let id = delivery_id.to_owned();
    let loaded = db::run(&state.pool, move |conn| {
        Ok::<_, JobError>(Delivery::load_for_attempt(conn, &id)?)
    })
    .await?;
    let Some((delivery, event, tenant)) = loaded else {
        return Ok(nothing());
    };
    if delivery.status != DeliveryStatus::Pending {
        return Ok(nothing());
    }
    let now = db::now();
    if tenant.webhook_disabled_at.is_some() {
        let id = delivery.id.clone();
        db::run(&state.pool, move |conn| {
            Ok::<_, JobError>(Delivery::disable(conn, &id, "the endpoint was disabled (it answered 410 Gone); update the webhook URL to enable it")?)
        })
        .await?;
        return Ok(nothing());
    }
    // An open breaker defers the attempt without spending it.
    if let Some(open_until) = tenant.webhook_open_until.filter(|t| *t > now) {
        let id = delivery.id.clone();
        db::run(&state.pool, move |conn| {
            Ok::<_, JobError>(Delivery::defer(conn, &id, open_until)?)
        })
        .await?;
        return Err(JobError::new("circuit breaker open for this endpoint").retry_at(open_until));
    }
    // Taken before anything is spent; held until the endpoint has answered.
    let Some(slot) = endpoint_slot(&tenant.id, state.config.webhook_endpoint_concurrency).await
    else {
        let wait = BUSY_DEFER.mul_f64(rand::thread_rng().gen_range(0.5..1.5));
        return Err(JobError::defer(
            "the endpoint has as many deliveries in flight as it may",
            plus(now, wait),
        ));
    };
    let attempt = delivery.attempts + 1;
    let msg_id = webhook_id(&event.id);
    let payload = serde_json::to_vec(&body(&event)).map_err(JobError::new)?;
    let started = Instant::now();
    let sent = match crate::support::ssrf::refuse_url(
        &delivery.url,
        state.config.allow_private_webhook_urls,
    ) {
        Some(why) => Sent::Failed {
            code: None,
            error: format!("refused: {why}"),
            retry_after: None,
        },
        None => {
            let ts = chrono::Utc::now().timestamp();
            match signature(state, &tenant, &msg_id, ts, &payload) {
                Err(e) => return Err(JobError::new(e)),
                Ok(sig) => {
                    let resp = state
                        .webhooks
                        .post(&delivery.url)
                        .header("content-type", "application/json")
                        .header("webhook-id", &msg_id)
                        .header("webhook-timestamp", ts.to_string())
                        .header("webhook-signature", sig)
                        .body(payload)
                        .send()
                        .await;
                    match resp {
                        Ok(r) if r.status().is_success() => Sent::Ok(r.status().as_u16()),
                        Ok(r) if r.status().as_u16() == 410 => Sent::Gone,
                        Ok(r) => {
                            let code = r.status().as_u16();
                            let after = matches!(code, 429 | 503)
                                .then(|| {
                                    crate::services::intervals::retry_after_header(r.headers())
                                })
                                .flatten();
                            Sent::Failed {
                                code: Some(code),
                                error: format!("HTTP {code}"),
                                retry_after: after,
                            }
                        }
                        Err(e) => {
                            let what = if e.is_timeout() {
                                "timed out".to_owned()
                            } else if e.is_redirect()
                                || e.status().is_some_and(|s| s.is_redirection())
                            {
                                "redirects are not followed".to_owned()
                            } else {
                                // The causes say what failed (refused address, DNS); the URL is not logged.
                                let mut causes = Vec::new();
                                let mut src = std::error::Error::source(&e);
                                while let Some(inner) = src {
                                    causes.push(inner.to_string());
                                    src = inner.source();
                                }
                                let head = e.without_url().to_string();
                                std::iter::once(head)
                                    .chain(causes)
                                    .collect::<Vec<_>>()
                                    .join(": ")
                            };
                            Sent::Failed {
                                code: None,
                                error: what,
                                retry_after: None,
                            }
                        }
                    }
                }
            }
        }
    };
    drop(slot);
    let latency = started.elapsed().as_millis() as i64;
    let scale = state.config.webhook_retry_scale;
    let (d_id, t_id) = (delivery.id.clone(), tenant.id.clone());
    Ok(Box::new(move |conn| {
        let retry_at = record(conn, &d_id, &t_id, attempt, latency, sent.clone(), scale)?;
        Ok(match retry_at {
            Some(at) => {
                Err(JobError::new(format!("attempt {attempt} failed; next at {at}")).retry_at(at))
            }
            None => Ok(()),
        })
    }))
}

/// Logs the attempt and moves the delivery and the endpoint's breaker on; returns when to try
/// again, if ever.
fn record(
    conn: &mut DbConn,
    delivery_id: &str,
    tenant_id: &TenantId,
    attempt: i32,
    latency_ms: i64,
    sent: Sent,
    scale: f64,
) -> QueryResult<Option<NaiveDateTime>> {
    write_tx(conn, |conn| {
        let now = db::now();
        let (code, error) = match &sent {
            Sent::Ok(c) => (Some(*c as i32), None),
            Sent::Gone => (Some(410), Some("410 Gone: endpoint disabled".to_owned())),
            Sent::Failed { code, error, .. } => (code.map(|c| c as i32), Some(error.clone())),
        };
        Attempt::insert(
            conn,
            delivery_id,
            attempt,
            code,
            error.as_deref(),
            latency_ms,
        )?;
        let (status, next) = match sent {
            Sent::Ok(_) => {
                Tenant::endpoint_succeeded(conn, tenant_id)?;
                (DeliveryStatus::Succeeded, None)
            }
            Sent::Gone => {
                Tenant::endpoint_gone(conn, tenant_id)?;
                (DeliveryStatus::Disabled, None)
            }
            Sent::Failed { retry_after, .. } => {
                Tenant::endpoint_failed(conn, tenant_id, now, |failures| {
                    (failures >= BREAKER_THRESHOLD)
                        .then(|| plus(now, breaker_open_for(failures, scale)))
                })?;
                let next = match (retry_after, delay_after(attempt, scale)) {
                    (_, None) => None,
                    (Some(after), Some(_)) => {
                        Some(plus(now, after.min(Duration::from_secs(86_400))))
                    }
                    (None, Some(d)) => Some(plus(now, d)),
                };
                let status = if next.is_some() {
                    DeliveryStatus::Pending
                } else {
                    DeliveryStatus::Failed
                };
                (status, next)
            }
        };
        Delivery::record_outcome(
            conn,
            delivery_id,
            attempt,
            status,
            code,
            error.as_deref(),
            next,
        )?;
        Ok(next)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_follow_the_schedule_within_ten_percent_then_stop() {
        for (i, secs) in SCHEDULE_SECS.iter().enumerate() {
            let attempts = i as i32 + 1;
            for _ in 0..100 {
                let d = delay_after(attempts, 0.5).unwrap().as_secs_f64();
                let nominal = *secs as f64 * 0.5;
                assert!(d >= nominal * 0.9 && d <= nominal * 1.1, "{attempts}: {d}");
            }
        }
        for attempts in [i32::MIN, -1, 0, SCHEDULE_SECS.len() as i32 + 1, i32::MAX] {
            assert_eq!(delay_after(attempts, 1.0), None, "{attempts}");
        }
    }

    #[test]
    fn the_breaker_opens_for_30_s_doubling_up_to_an_hour() {
        let open: Vec<u64> = (BREAKER_THRESHOLD..BREAKER_THRESHOLD + 10)
            .map(|failures| breaker_open_for(failures, 1.0).as_secs())
            .collect();
        assert_eq!(open, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
        assert_eq!(breaker_open_for(i32::MAX, 1.0), Duration::from_secs(3600));
        assert_eq!(
            breaker_open_for(BREAKER_THRESHOLD + 1, 0.001),
            Duration::from_millis(60)
        );
    }
}
