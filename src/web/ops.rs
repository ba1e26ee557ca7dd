//! Operations endpoints: health, readiness, metrics and the OpenAPI document (its readable page
//! and the stylesheets are `docs`).

use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use actix_web::get;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use prometheus::proto::MetricFamily;
use prometheus::{IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry, TextEncoder};
use serde::Serialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use utoipa::ToSchema;

use crate::web::api::State;
use crate::web::errors::AppError;

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"status": "ok", "version": "0.1.0"}))]
pub struct Health {
    /// `ok` (liveness) or `ready` (readiness).
    pub status: &'static str,
    /// The bridge's version.
    pub version: &'static str,
}

/// Liveness
///
/// The process answers. Reads nothing; for a load balancer's or orchestrator's liveness probe.
#[utoipa::path(
    operation_id = "check_health",
    tag = "operations",
    responses((status = 200, body = Health, description = "Alive")),
)]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    })
}

/// Readiness
///
/// The instance can serve: its database answers. For a load balancer's readiness probe.
#[utoipa::path(
    operation_id = "check_readiness",
    tag = "operations",
    responses(
        (status = 200, body = Health, description = "Ready", example = json!({"status": "ready", "version": "0.1.0"})),
        (status = 503, body = crate::web::errors::Problem, content_type = "application/problem+json", description = "`not-ready`: the database is not reachable."),
    )
)]
#[get("/readyz")]
pub async fn readyz(state: State) -> Result<HttpResponse, AppError> {
    crate::db::run(&state.pool, |conn| {
        Ok::<_, AppError>(crate::db::ping(conn)?)
    })
    .await
    .map_err(|_| {
        AppError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            crate::web::errors::ProblemKind::NotReady,
            "The database is not reachable.",
        )
    })?;
    Ok(HttpResponse::Ok().json(Health {
        status: "ready",
        version: env!("CARGO_PKG_VERSION"),
    }))
}

pub async fn openapi_json(served: web::Data<crate::web::openapi::Served>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(actix_web::http::header::ContentType::json())
        .body(served.body())
}

/// This instance's own metrics: the build and its response counters by status class.
struct InstanceMetrics {
    registry: Registry,
    /// `bridge_http_responses_total` for 1xx to 5xx, looked up once.
    responses: [IntCounter; 5],
}

static INSTANCE: LazyLock<InstanceMetrics> = LazyLock::new(|| {
    let registry = Registry::new();
    let build = IntGaugeVec::new(
        Opts::new("bridge_build_info", "The running version."),
        &["version"],
    )
    .expect("valid metric");
    build.with_label_values(&[env!("CARGO_PKG_VERSION")]).set(1);
    let responses = IntCounterVec::new(
        Opts::new(
            "bridge_http_responses_total",
            "HTTP responses of this instance by status class.",
        ),
        &["class"],
    )
    .expect("valid metric");
    registry
        .register(Box::new(build))
        .and_then(|()| registry.register(Box::new(responses.clone())))
        .expect("metrics registered once");
    // Every class is listed from the start, at 0 until it is seen.
    let responses = ["1xx", "2xx", "3xx", "4xx", "5xx"].map(|c| responses.with_label_values(&[c]));
    InstanceMetrics {
        registry,
        responses,
    }
});

pub fn count_response(status: u16) {
    let class = (status / 100).clamp(1, 5) as usize - 1;
    INSTANCE.responses[class].inc();
}

/// The gauges, in a registry of their own built per scrape, so that a status no longer in the
/// database is no longer reported: the shared database's and this instance's spool.
fn database_gauges(
    jobs: Vec<(&str, Vec<(String, i64)>)>,
    deliveries: Vec<(crate::db::types::DeliveryStatus, i64)>,
    connections: i64,
    pending: i64,
    spooled: u64,
) -> prometheus::Result<Vec<MetricFamily>> {
    let registry = Registry::new();
    let by_queue = IntGaugeVec::new(
        Opts::new(
            "bridge_jobs",
            "Background jobs by queue and status (queued, running, failed).",
        ),
        &["queue", "status"],
    )?;
    for (queue, counts) in jobs {
        for (status, n) in counts {
            by_queue.with_label_values(&[queue, status.as_str()]).set(n);
        }
    }
    registry.register(Box::new(by_queue))?;
    let by_status = IntGaugeVec::new(
        Opts::new(
            "bridge_webhook_deliveries",
            "Tenant webhook deliveries not succeeded, by status (pending, failed, disabled).",
        ),
        &["status"],
    )?;
    for (status, n) in deliveries {
        by_status.with_label_values(&[status.as_str()]).set(n);
    }
    registry.register(Box::new(by_status))?;
    let gauge = |name: &str, help: &str, value: i64| {
        let gauge = IntGauge::new(name, help)?;
        gauge.set(value);
        registry.register(Box::new(gauge))
    };
    gauge(
        "bridge_connections",
        "Connected users across tenants (counted at most once a minute per instance).",
        connections,
    )?;
    gauge(
        "bridge_wellness_pending_days",
        "Wellness days waiting for a push.",
        pending,
    )?;
    gauge(
        "bridge_upload_spool_bytes",
        "Upload bytes this instance holds in spool files (BRIDGE_MAX_SPOOL_MB caps them).",
        i64::try_from(spooled).unwrap_or(i64::MAX),
    )?;
    Ok(registry.gather())
}

/// Athletes' upstream calls today (from the database, one index range: `upstream_usage`'s key
/// starts with the day), this instance's refusals, pace and cache.
fn upstream_gauges(
    state: &State,
    today: crate::db::models::DaySummary,
) -> prometheus::Result<Vec<MetricFamily>> {
    let registry = Registry::new();
    let gauge = |name: &str, help: &str, value: i64| {
        let gauge = IntGauge::new(name, help)?;
        gauge.set(value);
        registry.register(Box::new(gauge))
    };
    gauge(
        "bridge_upstream_athletes_today",
        "Athletes with calls to Intervals.icu since midnight UTC (all instances).",
        today.athletes,
    )?;
    gauge(
        "bridge_upstream_calls_today",
        "Calls to Intervals.icu since midnight UTC, all athletes and instances (each instance writes its counts every second).",
        today.calls,
    )?;
    gauge(
        "bridge_upstream_athlete_calls_today_max",
        "The most calls to Intervals.icu any one athlete made since midnight UTC.",
        today.max_calls,
    )?;
    gauge(
        "bridge_upstream_athletes_at_budget",
        "Athletes whose INTERVALS_ATHLETE_DAILY_BUDGET is spent today (0 without a budget).",
        today.at_cap,
    )?;
    let counter = |name: &str, help: &str, value: u64| {
        let counter = IntCounter::new(name, help)?;
        counter.inc_by(value);
        registry.register(Box::new(counter))
    };
    counter(
        "bridge_upstream_budget_refusals_total",
        "Calls this instance refused because the athlete's daily budget was spent.",
        state.intervals.usage().refused(),
    )?;
    let (hits, misses) = state.access.stats();
    counter(
        "bridge_auth_cache_hits_total",
        "API key and connection lookups this instance answered from memory.",
        hits,
    )?;
    counter(
        "bridge_auth_cache_misses_total",
        "API key and connection lookups this instance read from the database.",
        misses,
    )?;
    let cache = state.intervals.cache();
    let stats = &cache.stats;
    let load = |c: &std::sync::atomic::AtomicU64| c.load(std::sync::atomic::Ordering::Relaxed);
    counter(
        "bridge_read_cache_hits_total",
        "Upstream reads this instance answered from the read cache (its memory or the shared table).",
        load(&stats.hits),
    )?;
    counter(
        "bridge_read_cache_misses_total",
        "Upstream reads this instance sent to Intervals.icu (nothing fresh was cached, or the request said no-cache).",
        load(&stats.misses),
    )?;
    counter(
        "bridge_read_cache_collapsed_total",
        "Reads this instance answered with another request's concurrent upstream call.",
        load(&stats.collapsed),
    )?;
    counter(
        "bridge_read_cache_stale_total",
        "Reads answered with an older entry because Intervals.icu failed or the budget was spent.",
        load(&stats.stale),
    )?;
    counter(
        "bridge_read_cache_calls_saved_total",
        "Upstream calls the read cache saved on this instance (hits, collapsed reads, stale answers sent nothing).",
        load(&stats.saved),
    )?;
    counter(
        "bridge_read_cache_invalidations_total",
        "(athlete, area) generations this process raised: its own writes and Intervals.icu's webhooks.",
        crate::services::read_cache::INVALIDATIONS.load(std::sync::atomic::Ordering::Relaxed),
    )?;
    gauge(
        "bridge_read_cache_bytes",
        "Bytes the read cache holds in this instance's memory (at most BRIDGE_CACHE_MB).",
        i64::try_from(cache.memory_bytes()).unwrap_or(i64::MAX),
    )?;
    gauge(
        "bridge_upstream_instances",
        "Instances sharing INTERVALS_RATE_LIMIT, as this one last counted them.",
        i64::from(state.intervals.pacer().share()),
    )?;
    let rate = prometheus::Gauge::new(
        "bridge_upstream_rate",
        "Upstream requests per second this instance paces at now (0 = unpaced).",
    )?;
    rate.set(state.intervals.pacer().rate_now());
    registry.register(Box::new(rate))?;
    Ok(registry.gather())
}

/// How long one instance reuses its count of every connection.
const CONNECTIONS_EVERY: Duration = Duration::from_secs(60);

/// `bridge_connections` as this instance last counted it, and when. Counting connections reads
/// them all (there is no narrower question to ask an index), so it happens at most once per
/// [`CONNECTIONS_EVERY`] per instance, not on every scrape.
#[derive(Default)]
pub struct ConnectionCount(Mutex<Option<(Instant, i64)>>);

impl ConnectionCount {
    fn fresh(&self) -> Option<i64> {
        let last = *self.0.lock().unwrap_or_else(|e| e.into_inner());
        last.filter(|(at, _)| at.elapsed() < CONNECTIONS_EVERY)
            .map(|(_, n)| n)
    }

    fn store(&self, n: i64) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), n));
    }
}

/// With `BRIDGE_METRICS_TOKEN` set, `/metrics` wants it as a bearer token. Both sides are hashed
/// first so the comparison is constant-time whatever their lengths.
fn check_metrics_token(state: &State, req: &HttpRequest) -> Result<(), AppError> {
    let Some(token) = &state.config.metrics_token else {
        return Ok(());
    };
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, rest) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
        })
        .unwrap_or_default();
    let matches = Sha256::digest(given.as_bytes()).ct_eq(&Sha256::digest(token.as_bytes()));
    if given.is_empty() || !bool::from(matches) {
        return Err(AppError::unauthorized(
            "Send the metrics token as 'Authorization: Bearer <BRIDGE_METRICS_TOKEN>'.",
        ));
    }
    Ok(())
}

/// `GET /metrics`: Prometheus text format. Counters and the spool are this instance's; the other
/// gauges read the shared database, so every instance reports the same queue depths.
///
/// A scrape reads no table whole, only what is outstanding. `EXPLAIN (ANALYZE)` on PostgreSQL
/// 15 over 200,000 jobs, 200,000 deliveries, 100,000 wellness days and 50,000 connections, nearly
/// all finished, after `VACUUM ANALYZE`:
/// - `bridge_jobs`: `WHERE queue = $1 AND status = ANY($2) GROUP BY status` is an Index Only
///   Scan of `jobs_claim (queue, status, run_at)` with both in its Index Cond, custom and generic
///   plan alike: 278 entries read, 0.2 ms (counting every status read the queue's 150,000, 31 ms);
/// - `bridge_webhook_deliveries`: `WHERE status = ANY($1) GROUP BY status` is an Index Only Scan
///   of `webhook_deliveries_delivered (status, delivered_at)` (the retention job's index) over
///   those three statuses: 470 entries, 0.1 ms (every status read all 200,000 entries, 23 ms;
///   before that index, a parallel Seq Scan of the table, 76 ms);
/// - `bridge_wellness_pending_days`: `WHERE pushed_version < version` is an Index Only Scan of
///   the partial index `wellness_records_pending`, whose predicate it is (it was already): the
///   1,000 pending rows, 0.1 ms;
/// - `bridge_connections`: counting connections is a Seq Scan of them all (50,000 rows, 4 ms),
///   the one read that grows with the data, so [`ConnectionCount`] makes it at most once a
///   minute per instance.
///
/// SQLite plans the same (`EXPLAIN QUERY PLAN`: `SEARCH jobs USING COVERING INDEX jobs_claim`,
/// `SEARCH webhook_deliveries USING COVERING INDEX webhook_deliveries_delivered`, `SCAN
/// wellness_records USING INDEX wellness_records_pending`).
pub async fn metrics(
    state: State,
    req: HttpRequest,
    connections: web::Data<ConnectionCount>,
) -> Result<HttpResponse, AppError> {
    check_metrics_token(&state, &req)?;
    let cached = connections.fresh();
    let cap = state.intervals.usage().cap();
    let gauges = crate::db::run(&state.pool, move |conn| {
        use crate::db::models::{Connection, Delivery, WellnessRow};
        let mut jobs = Vec::new();
        for queue in [
            crate::domain::wellness::push::QUEUE,
            crate::domain::webhooks::outbox::QUEUE,
        ] {
            let mut counts: Vec<(String, i64)> =
                crate::services::jobs::outstanding_counts(conn, queue)?
                    .into_iter()
                    .collect();
            counts.sort();
            jobs.push((queue, counts));
        }
        let deliveries = Delivery::count_unsucceeded_by_status(conn)?;
        let counted = match cached {
            Some(_) => None,
            None => Some(Connection::count(conn)?),
        };
        let pending = WellnessRow::count_pending(conn)?;
        let today = crate::db::models::UpstreamUsage::summary(
            conn,
            &crate::services::intervals::usage::day_key(crate::services::intervals::usage::today()),
            cap,
        )?;
        Ok::<_, AppError>((jobs, deliveries, counted, pending, today))
    })
    .await?;
    let (jobs, deliveries, counted, pending, today) = gauges;
    if let Some(n) = counted {
        connections.store(n);
    }
    let connections = counted.or(cached).unwrap_or_default();
    let mut families = INSTANCE.registry.gather();
    families.extend(
        database_gauges(jobs, deliveries, connections, pending, state.spool.in_use())
            .map_err(AppError::internal)?,
    );
    families.extend(upstream_gauges(&state, today).map_err(AppError::internal)?);
    let out = TextEncoder::new()
        .encode_to_string(&families)
        .map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        ))
        .body(out))
}
