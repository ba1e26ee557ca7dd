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
use crate::db::{self, DbPool};
use crate::support::backoff::RetryPolicy;

/// Database work a handler leaves to the queue ([`Registry::register_finishing`]): it runs in
/// the transaction that records the job's result, batched with other jobs' results (each in its
/// own savepoint), and its answer is the job's result. It may run again if that transaction has
/// to be retried.
pub type Finish =
    Box<dyn FnMut(&mut crate::db::DbConn) -> diesel::QueryResult<Result<(), JobError>> + Send>;
/// What a run of a handler comes to: failed, or done with perhaps a [`Finish`] left to write.
type Ran = Result<Option<Finish>, JobError>;
pub type HandlerFuture = BoxFuture<'static, Ran>;
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
            Arc::new(move |ctx, payload| handler(ctx, payload).map(|r| r.map(|()| None)).boxed()),
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
                    Ok(typed) => handler(ctx, typed).map(|r| r.map(|()| None)).boxed(),
                    Err(e) => {
                        let error = JobError::permanent(format!("payload does not fit: {e}"));
                        async move { Err(error) }.boxed()
                    }
                },
            ),
        );
        self
    }

    /// Like [`Registry::register_typed`], for a handler that ends with a write: it returns that
    /// write as a [`Finish`] instead of making it, and the queue makes it together with the
    /// job's result (and other jobs'), one transaction for many jobs.
    pub fn register_finishing<T, F, Fut>(&mut self, kind: &str, handler: F) -> &mut Self
    where
        T: DeserializeOwned + Send + 'static,
        F: Fn(C, T) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<Finish, JobError>> + Send + 'static,
    {
        self.handlers.insert(
            kind.to_owned(),
            Arc::new(
                move |ctx, payload| match serde_json::from_value::<T>(payload) {
                    Ok(typed) => handler(ctx, typed).map(|r| r.map(Some)).boxed(),
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

/// Most jobs one claim leases.
const MAX_BATCH: usize = 64;
/// Most results written in one transaction.
const MAX_RECORD: usize = 256;
/// Most finished jobs whose results wait to be written: past it the dispatcher claims nothing
/// until the recorder catches up, so a slow database holds memory flat instead of piling up
/// results.
const MAX_UNRECORDED: usize = 2 * MAX_RECORD;
/// After a wake-up that found nothing due (the enqueuer's transaction had not committed yet),
/// look again this soon once.
const FOLLOW_UP: Duration = Duration::from_millis(25);

type Bells = std::sync::Mutex<HashMap<String, watch::Sender<u64>>>;

fn bells() -> &'static Bells {
    static BELLS: std::sync::OnceLock<Bells> = std::sync::OnceLock::new();
    BELLS.get_or_init(Default::default)
}

fn bell(queue: &str) -> watch::Receiver<u64> {
    let mut bells = bells().lock().unwrap_or_else(|e| e.into_inner());
    bells
        .entry(queue.to_owned())
        .or_insert_with(|| watch::channel(0).0)
        .subscribe()
}

/// Tells this process's idle workers of `queue` that work may be due, so they look now rather
/// than after their poll interval. Cheap, and harmless when nothing is due: [`super::enqueue`]
/// rings it (before its transaction commits, so a worker that finds nothing looks once more
/// shortly after), and so does whoever commits work it knows of. Other instances still find
/// the work by polling.
pub fn wake(queue: &str) {
    let bells = bells().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(bell) = bells.get(queue) {
        bell.send_modify(|n| *n = n.wrapping_add(1));
    }
}

/// Jobs run and jobs that did not end `done`, by a dispatcher.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub run: usize,
    pub not_done: usize,
}

/// Starts one queue's workers on the current tokio runtime: a dispatcher that leases due jobs in
/// batches (as many as it has free slots, at most `config.concurrency` running at once), runs
/// each in its own task, and writes their results in batches.
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
    let task = tokio::spawn(async move {
        if let Err(e) = dispatch(pool, registry, ctx, Arc::new(config), watch, false).await {
            log::error!("job dispatcher ended: {e:#}");
        }
    });
    WorkerHandle {
        stop,
        tasks: vec![task],
    }
}

/// Runs `config.queue`'s due jobs (`config.concurrency` at once) until none is due and none is
/// running; what `push-wellness` does in the foreground.
pub async fn run_until_idle<C>(
    pool: &DbPool,
    registry: Arc<Registry<C>>,
    ctx: C,
    config: WorkerConfig,
) -> anyhow::Result<Tally>
where
    C: Clone + Send + Sync + 'static,
{
    let (_stop, watch) = watch::channel(false);
    dispatch(pool.clone(), registry, ctx, Arc::new(config), watch, true).await
}

async fn dispatch<C: Clone + Send + Sync + 'static>(
    pool: DbPool,
    registry: Arc<Registry<C>>,
    ctx: C,
    config: Arc<WorkerConfig>,
    mut stop: watch::Receiver<bool>,
    until_idle: bool,
) -> anyhow::Result<Tally> {
    let concurrency = config.concurrency.max(1);
    let slots = Arc::new(tokio::sync::Semaphore::new(concurrency));
    let unrecorded = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (results, inbox) = tokio::sync::mpsc::unbounded_channel();
    let recorded = Arc::new(tokio::sync::Notify::new());
    let recorder = tokio::spawn(record_results(
        pool.clone(),
        config.clone(),
        inbox,
        unrecorded.clone(),
        recorded.clone(),
    ));
    let mut bell = bell(&config.queue);
    bell.mark_unchanged();
    let me = format!("{}/0", config.worker_id);
    let mut follow_up = false;
    let mut in_hand: std::collections::VecDeque<Job> = Default::default();
    while !stopping(&stop) {
        if unrecorded.load(std::sync::atomic::Ordering::SeqCst) >= MAX_UNRECORDED {
            tokio::select! {
                _ = recorded.notified() => {}
                _ = stop.changed() => {}
            }
            continue;
        }
        let first = tokio::select! {
            permit = slots.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            _ = stop.changed() => continue,
        };
        let mut permits = vec![first];
        while permits.len() < MAX_BATCH.min(concurrency) {
            match slots.clone().try_acquire_owned() {
                Ok(p) => permits.push(p),
                Err(_) => break,
            }
        }
        // A claim takes a whole batch (up to `concurrency`) even with one slot free, keeping the
        // rest in hand for the next free slots: under load slots free one at a time, and a
        // claim per job would cost a write per job. In hand, they are leased for milliseconds.
        let claimed = if in_hand.is_empty() {
            let (queue, worker, lease, want) = (
                config.queue.clone(),
                me.clone(),
                config.lease,
                MAX_BATCH.min(concurrency),
            );
            crate::db::run(&pool, move |c| {
                Ok::<_, anyhow::Error>(store::claim_batch(c, &queue, &worker, lease, want)?)
            })
            .await
            .map(|jobs| {
                in_hand.extend(jobs);
                !in_hand.is_empty()
            })
        } else {
            Ok(true)
        };
        let idle_for = match claimed {
            Ok(true) => {
                follow_up = false;
                let n = permits.len().min(in_hand.len());
                let jobs: Vec<Job> = in_hand.drain(..n).collect();
                for (job, permit) in jobs.into_iter().zip(permits.drain(..)) {
                    let (pool, registry, ctx, config, results, unrecorded) = (
                        pool.clone(),
                        registry.clone(),
                        ctx.clone(),
                        config.clone(),
                        results.clone(),
                        unrecorded.clone(),
                    );
                    unrecorded.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    tokio::spawn(async move {
                        let result = attempt(&pool, &registry, ctx, &config, &job).await;
                        drop(permit);
                        if results.send((job, result)).is_err() {
                            unrecorded.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                        }
                    });
                }
                None
            }
            Ok(false) => {
                drop(permits);
                let settled = slots.available_permits() == concurrency
                    && unrecorded.load(std::sync::atomic::Ordering::SeqCst) == 0;
                if until_idle && settled {
                    break;
                }
                // Jittered so that instances started together do not poll in lockstep.
                let mut wait = config
                    .poll_interval
                    .mul_f64(rand::thread_rng().gen_range(0.75..1.25));
                if until_idle {
                    // Running jobs may queue more (the nightly job queues the pushes).
                    wait = wait.min(Duration::from_millis(50));
                }
                if std::mem::take(&mut follow_up) {
                    wait = wait.min(FOLLOW_UP);
                }
                Some(wait)
            }
            Err(e) => {
                drop(permits);
                log::warn!("job worker {me} on queue {}: {e:#}", config.queue);
                Some(config.poll_interval)
            }
        };
        if let Some(wait) = idle_for {
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                rung = bell.changed() => {
                    follow_up = rung.is_ok();
                }
                _ = stop.changed() => {}
            }
        }
    }
    // Stop claiming; hand back the jobs leased but not started (no attempt spent), let the
    // running ones finish and their results be written.
    for job in in_hand.drain(..) {
        let back = JobError::defer("the worker stopped before starting it", db::now());
        unrecorded.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let _ = results.send((job, Err(back)));
    }
    let _all = slots.acquire_many(concurrency as u32).await;
    drop(results);
    Ok(recorder.await?)
}

/// Writes finished attempts in batches: whatever results have arrived, in one transaction.
async fn record_results(
    pool: DbPool,
    config: Arc<WorkerConfig>,
    mut inbox: tokio::sync::mpsc::UnboundedReceiver<(Job, Ran)>,
    unrecorded: Arc<std::sync::atomic::AtomicUsize>,
    recorded: Arc<tokio::sync::Notify>,
) -> Tally {
    let mut tally = Tally::default();
    while let Some(first) = inbox.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_RECORD {
            match inbox.try_recv() {
                Ok(r) => batch.push(r),
                Err(_) => break,
            }
        }
        let n = batch.len();
        match record_many(&pool, batch, &config.retry).await {
            Ok(outcomes) => {
                for (job, outcome) in &outcomes {
                    log_outcome(job, outcome);
                    tally.run += 1;
                    tally.not_done += usize::from(!matches!(outcome, Outcome::Done));
                }
            }
            Err(e) => {
                // The leases expire and the jobs run again: at least once.
                log::error!("recording {n} job result(s) on {}: {e:#}", config.queue);
                tally.run += n;
                tally.not_done += n;
            }
        }
        unrecorded.fetch_sub(n, std::sync::atomic::Ordering::SeqCst);
        recorded.notify_one();
        // Finished jobs may have queued more work on this queue.
        wake(&config.queue);
    }
    tally
}

/// Writes the results of finished attempts (and their [`Finish`]es) in one transaction, retrying
/// a few times: after a successful run, a database blip would otherwise cost a whole second run
/// once the lease expires.
async fn record_many(
    pool: &DbPool,
    batch: Vec<(Job, Ran)>,
    retry: &RetryPolicy,
) -> anyhow::Result<Vec<(Job, Outcome)>> {
    let n = batch.len();
    let shared = Arc::new(std::sync::Mutex::new(batch));
    let mut tries = 0;
    loop {
        let (results, retry) = (shared.clone(), retry.clone());
        let written = crate::db::run(pool, move |c| {
            let mut results = results.lock().unwrap_or_else(|e| e.into_inner());
            crate::db::write_tx(c, |c| {
                results
                    .iter_mut()
                    .map(|(job, ran)| write_result(c, job, ran, &retry))
                    .collect::<diesel::QueryResult<Vec<_>>>()
            })
            .map_err(anyhow::Error::from)
        })
        .await;
        match written {
            Ok(outcomes) => {
                let batch = std::mem::take(&mut *shared.lock().unwrap_or_else(|e| e.into_inner()));
                return Ok(batch
                    .into_iter()
                    .map(|(job, _)| job)
                    .zip(outcomes)
                    .collect());
            }
            Err(e) if tries < 3 => {
                tries += 1;
                log::warn!("recording {n} job result(s): {e:#}");
                tokio::time::sleep(Duration::from_millis(500 * tries)).await;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Runs the job's [`Finish`] (in a savepoint: its failure fails the job, not the batch) and
/// records the result under the job's lease.
fn write_result(
    c: &mut crate::db::DbConn,
    job: &Job,
    ran: &mut Ran,
    retry: &RetryPolicy,
) -> diesel::QueryResult<Outcome> {
    use diesel::Connection;
    let finished = match ran {
        Err(error) => Err(error.clone()),
        Ok(None) => Ok(()),
        Ok(Some(finish)) => match c.transaction(|c| finish(c)) {
            Ok(result) => result,
            Err(e) => Err(JobError::new(format!("finishing the job: {e}"))),
        },
    };
    match finished {
        Ok(()) => store::complete(c, job).map(|held| {
            if held {
                Outcome::Done
            } else {
                Outcome::LeaseLost
            }
        }),
        Err(error) => store::fail(c, job, &error, retry),
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
    let ran = attempt(pool, registry, ctx.clone(), config, &job).await;
    let (job, outcome) = record_many(pool, vec![(job, ran)], &config.retry)
        .await?
        .pop()
        .expect("one result per job");
    log_outcome(&job, &outcome);
    Ok(Report {
        job_id: job.id,
        kind: job.kind,
        attempt: job.attempts,
        outcome,
    })
}

/// Runs a leased job's handler (lease renewed, panics caught).
async fn attempt<C: Clone + Send + Sync + 'static>(
    pool: &DbPool,
    registry: &Registry<C>,
    ctx: C,
    config: &WorkerConfig,
    job: &Job,
) -> Ran {
    match registry.handlers.get(&job.kind) {
        // Retried rather than failed at once: during a rolling deploy an older instance may
        // lease a kind that only newer ones know.
        None => Err(JobError::new(format!(
            "no handler for job kind `{}` on this instance",
            job.kind
        ))),
        Some(handler) => match serde_json::from_str::<Value>(&job.payload) {
            Ok(payload) => run_leased(pool, handler, ctx, payload, job, config.lease).await,
            Err(e) => Err(JobError::permanent(format!("payload is not JSON: {e}"))),
        },
    }
}

fn log_outcome(job: &Job, outcome: &Outcome) {
    match outcome {
        Outcome::Done => log::debug!("job {} ({}) done", job.id, job.kind),
        Outcome::Retrying { at, error } => log::warn!(
            "job {} ({}) attempt {} failed, retrying at {at}: {error}",
            job.id,
            job.kind,
            job.attempts
        ),
        Outcome::Deferred { at } => {
            log::debug!("job {} ({}) deferred to {at}", job.id, job.kind)
        }
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
}

/// Runs the handler with panics caught, renewing the lease while it runs.
async fn run_leased<C>(
    pool: &DbPool,
    handler: &Handler<C>,
    ctx: C,
    payload: Value,
    job: &Job,
    lease: Duration,
) -> Ran {
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
