//! The running service: the HTTP server that serves the bridge (plus, with `--sandbox`, the
//! in-process Intervals.icu sandbox under `/sandbox`) and the background work of one instance.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Service;
use actix_web::{middleware, web, App, HttpServer};
use intervals_sandbox::Sandbox;
use utoipa_actix_web::AppExt;

use crate::services::jobs;
use crate::services::state::AppState;

/// The background work of one instance: job workers, the nightly wellness slot and the daily
/// retention slot.
pub struct Background {
    handles: Vec<jobs::WorkerHandle>,
}

impl Background {
    /// Stops claiming new work and waits for the jobs in hand.
    pub async fn shutdown(self) {
        for h in self.handles {
            h.shutdown().await;
        }
    }
}

/// The registry of every job kind this service runs.
pub fn registry() -> jobs::Registry<Arc<AppState>> {
    let mut registry = jobs::Registry::new();
    crate::domain::wellness::push::register(&mut registry);
    crate::domain::webhooks::outbound::register(&mut registry);
    crate::domain::webhooks::inbound::register(&mut registry);
    crate::domain::connections::register(&mut registry);
    crate::domain::lifecycle::retention::register(&mut registry);
    registry
}

/// Starts the job workers and the daily scheduler on the current tokio runtime.
pub fn start_background(state: Arc<AppState>) -> Background {
    let registry = Arc::new(registry());
    let instance = jobs::instance_id();
    let mut worker = jobs::WorkerConfig::new(crate::domain::wellness::push::QUEUE);
    worker.concurrency = state.config.job_concurrency;
    worker.poll_interval = state.config.job_poll;
    worker.lease = state.config.job_lease;
    worker.worker_id = instance.clone();
    worker.retry = jobs::RetryPolicy::exponential(
        std::time::Duration::from_secs(30),
        std::time::Duration::from_secs(3600),
    );
    let mut hooks = worker.clone();
    hooks.queue = crate::domain::webhooks::outbox::QUEUE.into();
    hooks.concurrency = state.config.webhook_concurrency;
    let mut upkeep = worker.clone();
    upkeep.queue = crate::domain::lifecycle::retention::QUEUE.into();
    upkeep.concurrency = 1;
    let wellness = jobs::spawn_workers(state.pool.clone(), registry.clone(), state.clone(), worker);
    let webhooks = jobs::spawn_workers(state.pool.clone(), registry.clone(), state.clone(), hooks);
    let maintenance = jobs::spawn_workers(state.pool.clone(), registry, state.clone(), upkeep);
    let nightly = jobs::spawn_daily(
        state.pool.clone(),
        crate::domain::wellness::push::SLOT,
        state.config.wellness_push_at,
        &instance,
        crate::domain::wellness::push::enqueue_nightly,
    );
    let retention = jobs::spawn_daily(
        state.pool.clone(),
        crate::domain::lifecycle::retention::SLOT,
        crate::domain::lifecycle::retention::daily_at(),
        &instance,
        crate::domain::lifecycle::retention::enqueue_daily,
    );
    Background {
        handles: vec![wellness, webhooks, maintenance, nightly, retention],
    }
}

/// Builds the HTTP server on an already-bound listener (port 0 in tests).
pub fn server(
    state: Arc<AppState>,
    listener: TcpListener,
    sandbox: Option<Sandbox>,
) -> std::io::Result<actix_web::dev::Server> {
    // A serving instance shares the upstream budget and keeps its cache in step.
    state.start_upkeep();
    // One per server, shared by the workers, and empty until the document is first asked for.
    let served = web::Data::new(crate::web::openapi::Served::new(
        state.config.public_url.as_str(),
    ));
    let data = web::Data::from(state);
    // One per server, so per instance: every worker shares the cached connection count.
    let connection_count = web::Data::new(crate::web::ops::ConnectionCount::default());
    // Sign-in attempts are counted per instance too.
    let sign_ins = web::Data::new(crate::web::dashboard::SignInLimiter::default());
    let server = HttpServer::new(move || {
        // The route table collects the operations again as it registers them; only the routes
        // are kept.
        let (app, _) = App::new()
            .into_utoipa_app()
            .configure(crate::web::routes::configure)
            .split_for_parts();
        let app = app
            .app_data(data.clone())
            .app_data(connection_count.clone())
            .app_data(sign_ins.clone())
            .app_data(served.clone())
            .wrap(middleware::from_fn(crate::web::errors::catch_panic))
            // Inside the request id, so a replayed answer carries this request's id.
            .wrap(middleware::from_fn(crate::web::idempotency::idempotency))
            // Outside the replay, so a replayed answer carries today's budget, not the first's.
            .wrap(middleware::from_fn(crate::web::budget::headers))
            // Inside the logger, so its line shows the id the answer carries.
            .wrap(middleware::from_fn(crate::web::request_id::request_id))
            // Method and path only: query strings carry OAuth codes and state, and connect links
            // carry their token in the path, so neither may reach a log line. Not there at all
            // when info lines are not logged (it renders each request's line before it knows).
            .wrap(middleware::Condition::new(
                log::log_enabled!(target: "actix_web::middleware::logger", log::Level::Info),
                middleware::Logger::new("%a \"%{request}xi\" %s %b %Dms %{x-request-id}o")
                    .custom_request_replace("request", |req| {
                        format!(
                            "{} {}",
                            req.method(),
                            crate::web::security::redact_path(req.path())
                        )
                    })
                    .exclude("/healthz"),
            ))
            .wrap_fn(|req, srv| {
                let fut = srv.call(req);
                async move {
                    let res = fut.await?;
                    crate::web::ops::count_response(res.status().as_u16());
                    Ok(res)
                }
            });
        let app = match &sandbox {
            Some(sb) => app
                .service(
                    web::scope("/sandbox")
                        .configure(|cfg| sb.configure(cfg))
                        .default_service(web::to(intervals_sandbox::not_found)),
                )
                // The sandbox's controls where a reader of its docs looks first.
                .route("/_sandbox", web::get().to(sandbox_controls))
                .route("/_sandbox/", web::get().to(sandbox_controls)),
            None => app,
        };
        app.default_service(web::to(crate::web::errors::not_found))
    })
    .listen(listener)?
    .shutdown_timeout(10)
    .run();
    Ok(server)
}

/// `GET /_sandbox/` with the sandbox mounted: its controls' index, under `/sandbox`.
async fn sandbox_controls() -> actix_web::HttpResponse {
    actix_web::HttpResponse::TemporaryRedirect()
        .insert_header((actix_web::http::header::LOCATION, "/sandbox/_sandbox/"))
        .finish()
}

/// The partner API's OpenAPI document as `GET /openapi.json` serves it (the `openapi` command
/// prints it; the clients under `clients/` are generated from it).
pub fn openapi_document() -> serde_json::Value {
    crate::web::openapi::typed(&crate::web::openapi::document())
}
