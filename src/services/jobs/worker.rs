//! Running jobs: a registry of handlers by kind, worker tasks that lease and run due jobs on the
//! tokio runtime (heartbeating the lease, catching panics), and `run_one`/`drain` for callers.

use std::any::Any;
use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures_util::future::BoxFuture;
use futures_util::FutureExt;
use rand::Rng;
use serde_json::Value;
use tokio::sync::{watch, OwnedSemaphorePermit};
use tokio::task::JoinHandle;

use super::error::JobError;
use super::job::Job;
use super::store::{self, JobRow, Outcome};
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

    /// Registers the handler of the job type `J` (under `J::KIND`), which gets the payload
    /// decoded into `J`; a payload that does not fit fails the job permanently (retrying would
    /// not change it).
    pub fn register_job<J, F, Fut>(&mut self, handler: F) -> &mut Self
    where
        J: Job,
        F: Fn(C, J) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), JobError>> + Send + 'static,
    {
        self.insert_typed(move |ctx, job: J| handler(ctx, job).map(|r| r.map(|()| None)).boxed())
    }

    /// Like [`Registry::register_job`], for a handler that ends with a write: it returns that
    /// write as a [`Finish`] instead of making it, and the queue makes it together with the
    /// job's result (and other jobs'), one transaction for many jobs.
    pub fn register_finishing<J, F, Fut>(&mut self, handler: F) -> &mut Self
    where
        J: Job,
        F: Fn(C, J) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<Finish, JobError>> + Send + 'static,
    {
        self.insert_typed(move |ctx, job: J| handler(ctx, job).map(|r| r.map(Some)).boxed())
    }

    fn insert_typed<J: Job>(
        &mut self,
        run: impl Fn(C, J) -> HandlerFuture + Send + Sync + 'static,
    ) -> &mut Self {
        let handler: Handler<C> =
            Arc::new(
                move |ctx, payload| match serde_json::from_value::<J>(payload) {
                    Ok(job) => run(ctx, job),
                    Err(e) => {
                        let error = JobError::permanent(format!("payload does not fit: {e}"));
                        async move { Err(error) }.boxed()
                    }
                },
            );
        self.handlers.insert(J::KIND.to_owned(), handler);
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
    let (results, inbox) = tokio::sync::mpsc::unbounded_channel();
    let mut d = Dispatcher::new(pool, registry, ctx, config, results);
    let recorder = tokio::spawn(record_results(
        d.pool.clone(),
        d.config.clone(),
        inbox,
        d.unrecorded.clone(),
        d.recorded.clone(),
    ));
    let mut bell = bell(&d.config.queue);
    bell.mark_unchanged();
    let mut follow_up = false;
    while !stopping(&stop) {
        if d.unrecorded() >= MAX_UNRECORDED {
            tokio::select! {
                _ = d.recorded.notified() => {}
                _ = stop.changed() => {}
            }
            continue;
        }
        let Some(permits) = d.free_slots(&mut stop).await else {
            continue;
        };
        let claimed = d.claim().await;
        if let Ok(true) = claimed {
            follow_up = false;
            d.start(permits);
            continue;
        }
        drop(permits);
        let wait = match claimed {
            Ok(_) if until_idle && d.settled() => break,
            Ok(_) => d.idle_wait(until_idle, std::mem::take(&mut follow_up)),
            Err(e) => {
                log::warn!("job worker {} on queue {}: {e:#}", d.me, d.config.queue);
                d.config.poll_interval
            }
        };
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            rung = bell.changed() => follow_up = rung.is_ok(),
            _ = stop.changed() => {}
        }
    }
    d.wind_down().await;
    Ok(recorder.await?)
}

/// One queue's dispatcher: its free slots, the jobs leased and not yet started, and the channel
/// that takes finished attempts to the recorder.
struct Dispatcher<C> {
    pool: DbPool,
    registry: Arc<Registry<C>>,
    ctx: C,
    config: Arc<WorkerConfig>,
    me: String,
    concurrency: usize,
    slots: Arc<tokio::sync::Semaphore>,
    unrecorded: Arc<AtomicUsize>,
    recorded: Arc<tokio::sync::Notify>,
    results: tokio::sync::mpsc::UnboundedSender<(JobRow, Ran)>,
    in_hand: VecDeque<JobRow>,
}

impl<C: Clone + Send + Sync + 'static> Dispatcher<C> {
    fn new(
        pool: DbPool,
        registry: Arc<Registry<C>>,
        ctx: C,
        config: Arc<WorkerConfig>,
        results: tokio::sync::mpsc::UnboundedSender<(JobRow, Ran)>,
    ) -> Self {
        let concurrency = config.concurrency.max(1);
        Dispatcher {
            pool,
            registry,
            ctx,
            me: format!("{}/0", config.worker_id),
            config,
            concurrency,
            slots: Arc::new(tokio::sync::Semaphore::new(concurrency)),
            unrecorded: Arc::new(AtomicUsize::new(0)),
            recorded: Arc::new(tokio::sync::Notify::new()),
            results,
            in_hand: VecDeque::new(),
        }
    }

    fn unrecorded(&self) -> usize {
        self.unrecorded.load(Ordering::SeqCst)
    }

    /// Nothing running and nothing waiting to be written.
    fn settled(&self) -> bool {
        self.slots.available_permits() == self.concurrency && self.unrecorded() == 0
    }

    fn want(&self) -> usize {
        MAX_BATCH.min(self.concurrency)
    }

    /// Waits for one free slot and takes every other one free now; `None` if asked to stop.
    async fn free_slots(
        &self,
        stop: &mut watch::Receiver<bool>,
    ) -> Option<Vec<OwnedSemaphorePermit>> {
        let first = tokio::select! {
            permit = self.slots.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            _ = stop.changed() => return None,
        };
        let mut permits = vec![first];
        while permits.len() < self.want() {
            match self.slots.clone().try_acquire_owned() {
                Ok(p) => permits.push(p),
                Err(_) => break,
            }
        }
        Some(permits)
    }

    /// Whether jobs are in hand, leasing a batch first if none is.
    ///
    /// A claim takes a whole batch (up to `concurrency`) even with one slot free, keeping the
    /// rest in hand for the next free slots: under load slots free one at a time, and a claim per
    /// job would cost a write per job. In hand, they are leased for milliseconds.
    async fn claim(&mut self) -> anyhow::Result<bool> {
        if self.in_hand.is_empty() {
            let (queue, worker, lease, want) = (
                self.config.queue.clone(),
                self.me.clone(),
                self.config.lease,
                self.want(),
            );
            let jobs = crate::db::run(&self.pool, move |c| {
                Ok::<_, anyhow::Error>(store::claim_batch(c, &queue, &worker, lease, want)?)
            })
            .await?;
            self.in_hand.extend(jobs);
        }
        Ok(!self.in_hand.is_empty())
    }

    /// Starts as many jobs in hand as there are permits, each in its own task; the permits not
    /// used go back.
    fn start(&mut self, permits: Vec<OwnedSemaphorePermit>) {
        let n = permits.len().min(self.in_hand.len());
        let jobs: Vec<JobRow> = self.in_hand.drain(..n).collect();
        for (job, permit) in jobs.into_iter().zip(permits) {
            let (pool, registry, ctx, config, results, unrecorded) = (
                self.pool.clone(),
                self.registry.clone(),
                self.ctx.clone(),
                self.config.clone(),
                self.results.clone(),
                self.unrecorded.clone(),
            );
            unrecorded.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                let result = attempt(&pool, &registry, ctx, &config, &job).await;
                drop(permit);
                if results.send((job, result)).is_err() {
                    unrecorded.fetch_sub(1, Ordering::SeqCst);
                }
            });
        }
    }

    /// How long to wait, when nothing is due, before looking again (unless the bell rings).
    fn idle_wait(&self, until_idle: bool, follow_up: bool) -> Duration {
        // Jittered so that instances started together do not poll in lockstep.
        let mut wait = self
            .config
            .poll_interval
            .mul_f64(rand::thread_rng().gen_range(0.75..1.25));
        if until_idle {
            // Running jobs may queue more (the nightly job queues the pushes).
            wait = wait.min(Duration::from_millis(50));
        }
        if follow_up {
            wait = wait.min(FOLLOW_UP);
        }
        wait
    }

    /// Stops claiming: hands back the jobs leased but not started (no attempt spent), lets the
    /// running ones finish, and closes the recorder's inbox once their results are sent.
    async fn wind_down(mut self) {
        for job in self.in_hand.drain(..) {
            let back = JobError::defer("the worker stopped before starting it", db::now());
            self.unrecorded.fetch_add(1, Ordering::SeqCst);
            let _ = self.results.send((job, Err(back)));
        }
        let _all = self.slots.acquire_many(self.concurrency as u32).await;
    }
}

/// Writes finished attempts in batches: whatever results have arrived, in one transaction.
async fn record_results(
    pool: DbPool,
    config: Arc<WorkerConfig>,
    mut inbox: tokio::sync::mpsc::UnboundedReceiver<(JobRow, Ran)>,
    unrecorded: Arc<AtomicUsize>,
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
        unrecorded.fetch_sub(n, Ordering::SeqCst);
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
    batch: Vec<(JobRow, Ran)>,
    retry: &RetryPolicy,
) -> anyhow::Result<Vec<(JobRow, Outcome)>> {
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
    job: &JobRow,
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
    job: JobRow,
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
    job: &JobRow,
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

fn log_outcome(job: &JobRow, outcome: &Outcome) {
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
    job: &JobRow,
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

async fn keep_leased(pool: DbPool, job: JobRow, lease: Duration) -> Infallible {
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
