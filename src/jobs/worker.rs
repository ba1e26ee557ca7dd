//! Running jobs: a registry of handlers by kind, worker tasks that lease and run due jobs on the
//! tokio runtime (heartbeating the lease, catching panics), and `run_one`/`drain` for callers.

use std::any::Any;
use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use futures_util::future::BoxFuture;
use futures_util::FutureExt;
use rand::Rng;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::error::JobError;
use super::store::{self, Job, Outcome};
use crate::backoff::RetryPolicy;
use crate::db::{self, DbPool};

pub type HandlerFuture = BoxFuture<'static, Result<(), JobError>>;
type Handler<C> = Arc<dyn Fn(C, Value) -> HandlerFuture + Send + Sync>;

/// Job handlers by kind. `C` is the application context every handler receives (the bridge passes
/// its `Arc<AppState>`); the queue itself knows nothing about it.
pub struct Registry<C> {
    handlers: HashMap<String, Handler<C>>,
}

impl<C> Default for Registry<C> {
    fn default() -> Self {
        Registry {
            handlers: HashMap::new(),
        }
    }
}

impl<C: Clone + Send + Sync + 'static> Registry<C> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers the handler of `kind`; it gets the context and the job's JSON payload. Handlers
    /// must be idempotent: a job runs at least once, and again if its worker dies mid-way.
    pub fn register<F, Fut>(&mut self, kind: &str, handler: F) -> &mut Self
    where
        F: Fn(C, Value) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), JobError>> + Send + 'static,
    {
        self.handlers.insert(
            kind.to_owned(),
            Arc::new(move |ctx, payload| handler(ctx, payload).boxed()),
        );
        self
    }

    /// Like [`Registry::register`], with the payload deserialized into `T`; a payload that does
    /// not fit fails the job permanently (retrying would not change it).
    pub fn register_typed<T, F, Fut>(&mut self, kind: &str, handler: F) -> &mut Self
    where
        T: DeserializeOwned + Send + 'static,
        F: Fn(C, T) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), JobError>> + Send + 'static,
    {
        self.handlers.insert(
            kind.to_owned(),
            Arc::new(
                move |ctx, payload| match serde_json::from_value::<T>(payload) {
                    Ok(typed) => handler(ctx, typed).boxed(),
                    Err(e) => {
                        let error = JobError::permanent(format!("payload does not fit: {e}"));
                        async move { Err(error) }.boxed()
                    }
                },
            ),
        );
        self
    }
}

/// How a set of workers serves one queue.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    pub queue: String,
    /// Jobs run at once by this instance.
    pub concurrency: usize,
    /// How long a claimed job stays invisible to other workers; renewed every third of it while
    /// the job runs, so it only bounds how long a dead worker's job waits to be taken over.
    pub lease: Duration,
    /// Idle wait between looks for due jobs (jittered ±25 %).
    pub poll_interval: Duration,
    /// Names this instance in `locked_by` (each worker task appends `/n`).
    pub worker_id: String,
    pub retry: RetryPolicy,
}

impl WorkerConfig {
    /// Two workers, a 5-minute lease, polling every second, the default retry policy.
    pub fn new(queue: &str) -> WorkerConfig {
        WorkerConfig {
            queue: queue.to_owned(),
            concurrency: 2,
            lease: Duration::from_secs(300),
            poll_interval: Duration::from_secs(1),
            worker_id: instance_id(),
            retry: RetryPolicy::default(),
        }
    }
}

/// A name for this process that is unique among instances: host, pid and a random suffix (pids
/// repeat across containers).
pub fn instance_id() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "bridge".into());
    format!("{host}:{}:{}", std::process::id(), &db::new_id()[..8])
}

/// What one run of one job came to.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub job_id: String,
    pub kind: String,
    /// 1 for the first attempt.
    pub attempt: i32,
    pub outcome: Outcome,
}

/// Stops background tasks started by [`spawn_workers`] or [`super::spawn_daily`]. Dropping it
/// stops them too (after the job in hand), so keep it for as long as they should run.
#[must_use = "dropping the handle stops the tasks"]
pub struct WorkerHandle {
    pub(crate) stop: watch::Sender<bool>,
    pub(crate) tasks: Vec<JoinHandle<()>>,
}

impl WorkerHandle {
    /// Stops claiming and waits for the jobs in hand to finish.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        for task in self.tasks {
            if let Err(e) = task.await {
                log::error!("job task ended abnormally: {e}");
            }
        }
    }
}

/// True once the owner asked to stop or dropped the handle.
pub(crate) fn stopping(stop: &watch::Receiver<bool>) -> bool {
    *stop.borrow() || stop.has_changed().is_err()
}

/// Sleeps `d`, or less if asked to stop.
pub(crate) async fn pause(stop: &mut watch::Receiver<bool>, d: Duration) {
    tokio::select! {
        _ = tokio::time::sleep(d) => {}
        _ = stop.changed() => {}
    }
}

/// Starts `config.concurrency` worker tasks for one queue on the current tokio runtime.
pub fn spawn_workers<C>(
    pool: DbPool,
    registry: Arc<Registry<C>>,
    ctx: C,
    config: WorkerConfig,
) -> WorkerHandle
where
    C: Clone + Send + Sync + 'static,
{
    let (stop, watch) = watch::channel(false);
    let config = Arc::new(config);
    let tasks = (0..config.concurrency.max(1))
        .map(|n| {
            let me = format!("{}/{n}", config.worker_id);
            tokio::spawn(work(
                pool.clone(),
                registry.clone(),
                ctx.clone(),
                config.clone(),
                me,
                watch.clone(),
            ))
        })
        .collect();
    WorkerHandle { stop, tasks }
}

async fn work<C: Clone + Send + Sync + 'static>(
    pool: DbPool,
    registry: Arc<Registry<C>>,
    ctx: C,
    config: Arc<WorkerConfig>,
    me: String,
    mut stop: watch::Receiver<bool>,
) {
    while !stopping(&stop) {
        let idle = match run_as(&pool, &registry, &ctx, &config, &me).await {
            Ok(Some(_)) => false,
            Ok(None) => true,
            Err(e) => {
                log::warn!("job worker {me} on queue {}: {e:#}", config.queue);
                true
            }
        };
        if idle {
            // Jittered so that instances started together do not poll in lockstep.
            let wait = config
                .poll_interval
                .mul_f64(rand::thread_rng().gen_range(0.75..1.25));
            pause(&mut stop, wait).await;
        }
    }
}

/// Leases one due job of `config.queue` as `config.worker_id` and runs it; `None` when nothing
/// is due.
pub async fn run_one<C: Clone + Send + Sync + 'static>(
    pool: &DbPool,
    registry: &Registry<C>,
    ctx: &C,
    config: &WorkerConfig,
) -> anyhow::Result<Option<Report>> {
    run_as(pool, registry, ctx, config, &config.worker_id).await
}

/// Runs due jobs one after another until none is due (a job retried for later is not due).
pub async fn drain<C: Clone + Send + Sync + 'static>(
    pool: &DbPool,
    registry: &Registry<C>,
    ctx: &C,
    config: &WorkerConfig,
) -> anyhow::Result<Vec<Report>> {
    let mut reports = Vec::new();
    while let Some(report) = run_one(pool, registry, ctx, config).await? {
        reports.push(report);
    }
    Ok(reports)
}

async fn run_as<C: Clone + Send + Sync + 'static>(
    pool: &DbPool,
    registry: &Registry<C>,
    ctx: &C,
    config: &WorkerConfig,
    me: &str,
) -> anyhow::Result<Option<Report>> {
    let (queue, worker, lease) = (config.queue.clone(), me.to_owned(), config.lease);
    let claimed = crate::db::run(pool, move |c| {
        Ok::<_, anyhow::Error>(store::claim(c, &queue, &worker, lease)?)
    })
    .await?;
    match claimed {
        Some(job) => execute(pool, registry, ctx, config, job).await.map(Some),
        None => Ok(None),
    }
}

async fn execute<C: Clone + Send + Sync + 'static>(
    pool: &DbPool,
    registry: &Registry<C>,
    ctx: &C,
    config: &WorkerConfig,
    job: Job,
) -> anyhow::Result<Report> {
    let result = match registry.handlers.get(&job.kind) {
        // Retried rather than failed at once: during a rolling deploy an older instance may
        // lease a kind that only newer ones know.
        None => Err(JobError::new(format!(
            "no handler for job kind `{}` on this instance",
            job.kind
        ))),
        Some(handler) => match serde_json::from_str::<Value>(&job.payload) {
            Ok(payload) => {
                run_leased(pool, handler, ctx.clone(), payload, &job, config.lease).await
            }
            Err(e) => Err(JobError::permanent(format!("payload is not JSON: {e}"))),
        },
    };
    let outcome = record(pool, &job, result, &config.retry).await?;
    match &outcome {
        Outcome::Done => log::debug!("job {} ({}) done", job.id, job.kind),
        Outcome::Retrying { at, error } => log::warn!(
            "job {} ({}) attempt {} failed, retrying at {at}: {error}",
            job.id,
            job.kind,
            job.attempts
        ),
        Outcome::Failed { error } => log::error!(
            "job {} ({}) failed after {} attempt(s): {error}",
            job.id,
            job.kind,
            job.attempts
        ),
        Outcome::LeaseLost => log::warn!(
            "job {} ({}) finished after its lease passed to another worker; result dropped",
            job.id,
            job.kind
        ),
    }
    Ok(Report {
        job_id: job.id,
        kind: job.kind,
        attempt: job.attempts,
        outcome,
    })
}

/// Writes the attempt's result, retrying a few times: after a successful run, a database blip
/// would otherwise cost a whole second run once the lease expires.
async fn record(
    pool: &DbPool,
    job: &Job,
    result: Result<(), JobError>,
    retry: &RetryPolicy,
) -> anyhow::Result<Outcome> {
    let mut tries = 0;
    loop {
        let (held_job, result, retry) = (job.clone(), result.clone(), retry.clone());
        let written = crate::db::run(pool, move |c| {
            Ok::<_, anyhow::Error>(match result {
                Ok(()) => store::complete(c, &held_job).map(|held| {
                    if held {
                        Outcome::Done
                    } else {
                        Outcome::LeaseLost
                    }
                })?,
                Err(error) => store::fail(c, &held_job, &error, &retry)?,
            })
        })
        .await;
        match written {
            Ok(outcome) => return Ok(outcome),
            Err(e) if tries < 3 => {
                tries += 1;
                log::warn!("recording the result of job {}: {e:#}", job.id);
                tokio::time::sleep(Duration::from_millis(500 * tries)).await;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Runs the handler with panics caught, renewing the lease while it runs.
async fn run_leased<C>(
    pool: &DbPool,
    handler: &Handler<C>,
    ctx: C,
    payload: Value,
    job: &Job,
    lease: Duration,
) -> Result<(), JobError> {
    // The handler may panic while building its future as well as while it runs.
    let work = match std::panic::catch_unwind(AssertUnwindSafe(|| handler(ctx, payload))) {
        Ok(work) => AssertUnwindSafe(work).catch_unwind(),
        Err(panic) => return Err(panicked(panic)),
    };
    tokio::select! {
        result = work => result.unwrap_or_else(|panic| Err(panicked(panic))),
        never = keep_leased(pool.clone(), job.clone(), lease) => match never {},
    }
}

async fn keep_leased(pool: DbPool, job: Job, lease: Duration) -> Infallible {
    let every = (lease / 3).max(Duration::from_millis(10));
    loop {
        tokio::time::sleep(every).await;
        let held = job.clone();
        match crate::db::run(&pool, move |c| {
            Ok::<_, anyhow::Error>(store::heartbeat(c, &held, lease)?)
        })
        .await
        {
            Ok(true) => {}
            Ok(false) => {
                log::warn!(
                    "job {} ({}) lost its lease; another worker may run it",
                    job.id,
                    job.kind
                );
                return std::future::pending().await;
            }
            Err(e) => log::warn!("renewing the lease of job {}: {e:#}", job.id),
        }
    }
}

fn panicked(panic: Box<dyn Any + Send>) -> JobError {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a non-text panic payload".into());
    JobError::new(format!("job panicked: {message}"))
}
