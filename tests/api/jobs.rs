//! The job queue against a real database (SQLite, or PostgreSQL with
//! `BRIDGE_TEST_DATABASE=postgres`): leases, reclaiming, panics, retries, dedupe, and several
//! "instances" (pools) sharing one database.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::time::Duration;

use crate::common::TestDb;
use chrono::{NaiveDate, NaiveTime, TimeDelta};
use diesel::prelude::*;
use intervals_bridge::db::schema::{job_slots, jobs as job_rows};
use intervals_bridge::db::{self, DbConn, DbPool};
use intervals_bridge::services::jobs::{
    self, Backoff, Jitter, JobError, JobStatus, NewJob, Outcome, Registry, RetryPolicy,
    WorkerConfig,
};
use serde_json::json;
use tokio::sync::Notify;

fn setup() -> (TestDb, DbPool) {
    let test_db = TestDb::new();
    let pool = db::connect(&test_db.url).unwrap();
    db::migrate(&pool).unwrap();
    (test_db, pool)
}

/// Another instance's pool on the same database.
fn another_pool(test_db: &TestDb) -> DbPool {
    db::connect(&test_db.url).unwrap()
}

/// Runs diesel work off the async threads.
async fn on<T, F>(pool: &DbPool, f: F) -> T
where
    F: FnOnce(&mut DbConn) -> T + Send + 'static,
    T: Send + 'static,
{
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || f(&mut pool.get().unwrap()))
        .await
        .unwrap()
}

async fn enqueue(pool: &DbPool, job: NewJob) -> String {
    on(pool, move |c| jobs::enqueue(c, &job).unwrap().unwrap()).await
}

async fn find(pool: &DbPool, id: &str) -> jobs::JobRow {
    let id = id.to_owned();
    on(pool, move |c| jobs::find(c, &id).unwrap().unwrap()).await
}

/// Moves a job's `run_at` into the past so the next claim takes it.
async fn make_due(pool: &DbPool, id: &str) {
    let id = id.to_owned();
    on(pool, move |c| {
        diesel::update(job_rows::table.find(id))
            .set(job_rows::run_at.eq(db::now() - TimeDelta::seconds(1)))
            .execute(c)
            .unwrap()
    })
    .await;
}

async fn claim(pool: &DbPool, queue: &str, worker: &str, lease: Duration) -> Option<jobs::JobRow> {
    let (queue, worker) = (queue.to_owned(), worker.to_owned());
    on(pool, move |c| {
        jobs::claim(c, &queue, &worker, lease).unwrap()
    })
    .await
}

/// A worker config for tests: fast polling, a long lease, retries due at once.
fn config(queue: &str, worker: &str) -> WorkerConfig {
    WorkerConfig {
        queue: queue.into(),
        concurrency: 1,
        lease: Duration::from_secs(30),
        poll_interval: Duration::from_millis(20),
        worker_id: worker.into(),
        retry: RetryPolicy {
            backoff: Backoff::Schedule(vec![Duration::ZERO]),
            jitter: Jitter::None,
        },
    }
}

async fn wait_until<F, Fut>(what: &str, mut cond: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while !cond().await {
        assert!(tokio::time::Instant::now() < deadline, "timed out: {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A registry with one handler that reports when it starts and waits for `release`.
fn blocking_registry(
    started: tokio::sync::mpsc::UnboundedSender<()>,
    release: Arc<Notify>,
) -> Arc<Registry<()>> {
    let mut registry = Registry::<()>::new();
    registry.register("block", move |_, _| {
        let (started, release) = (started.clone(), release.clone());
        async move {
            let _ = started.send(());
            release.notified().await;
            Ok(())
        }
    });
    Arc::new(registry)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn job_in_flight_is_invisible_to_other_workers() {
    let (_db, pool) = setup();
    let (started_tx, mut started) = tokio::sync::mpsc::unbounded_channel();
    let release = Arc::new(Notify::new());
    let registry = blocking_registry(started_tx, release.clone());
    let id = enqueue(&pool, NewJob::new("q", "block", json!({}))).await;

    let workers = jobs::spawn_workers(pool.clone(), registry.clone(), (), config("q", "a"));
    tokio::time::timeout(Duration::from_secs(10), started.recv())
        .await
        .expect("the first worker started the job");

    // A second worker, through the worker API and through a bare claim, finds nothing to do.
    let second = jobs::run_one(&pool, &registry, &(), &config("q", "b")).await;
    assert_eq!(second.unwrap(), None);
    assert_eq!(claim(&pool, "q", "c", Duration::from_secs(30)).await, None);
    let running = find(&pool, &id).await;
    assert_eq!(running.status, JobStatus::Running);
    assert_eq!(running.locked_by.as_deref(), Some("a/0"));

    release.notify_one();
    wait_until("the job is done", || {
        let pool = pool.clone();
        let id = id.clone();
        async move { find(&pool, &id).await.status == JobStatus::Done }
    })
    .await;
    workers.shutdown().await;
    let done = find(&pool, &id).await;
    assert_eq!(done.attempts, 1);
    assert!(done.finished_at.is_some());
    assert_eq!(done.locked_until, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn expired_lease_is_reclaimed_and_the_stale_runner_cannot_finish() {
    let (_db, pool) = setup();
    let id = enqueue(&pool, NewJob::new("q", "k", json!({}))).await;

    let stale = claim(&pool, "q", "a", Duration::from_millis(300))
        .await
        .unwrap();
    assert_eq!((stale.id.as_str(), stale.attempts), (id.as_str(), 1));
    assert_eq!(claim(&pool, "q", "b", Duration::from_secs(30)).await, None);
    tokio::time::sleep(Duration::from_millis(400)).await;

    let fresh = claim(&pool, "q", "b", Duration::from_secs(30))
        .await
        .expect("the expired lease is taken over");
    assert_eq!((fresh.id.as_str(), fresh.attempts), (id.as_str(), 2));
    assert_eq!(fresh.locked_by.as_deref(), Some("b"));

    let (s1, s2, s3) = (stale.clone(), stale.clone(), stale.clone());
    assert!(!on(&pool, move |c| jobs::complete(c, &s1).unwrap()).await);
    let failed = on(&pool, move |c| {
        jobs::fail(c, &s2, &JobError::new("late"), &RetryPolicy::default()).unwrap()
    })
    .await;
    assert_eq!(failed, Outcome::LeaseLost);
    assert!(
        !on(&pool, move |c| jobs::heartbeat(
            c,
            &s3,
            Duration::from_secs(30)
        )
        .unwrap())
        .await
    );
    let still = find(&pool, &id).await;
    assert_eq!(still.status, JobStatus::Running);
    assert_eq!(still.locked_by.as_deref(), Some("b"));
    assert_eq!(still.last_error, None);

    let f = fresh.clone();
    assert!(on(&pool, move |c| jobs::complete(c, &f).unwrap()).await);
    assert_eq!(find(&pool, &id).await.status, JobStatus::Done);

    // A runner that died on a job's last allowed attempt leaves it failed, not leased forever.
    let last = enqueue(&pool, NewJob::new("q", "k", json!({})).max_attempts(1)).await;
    claim(&pool, "q", "dies", Duration::from_millis(100))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(claim(&pool, "q", "b", Duration::from_secs(30)).await, None);
    let dead = find(&pool, &last).await;
    assert_eq!(dead.status, JobStatus::Failed);
    assert!(dead.last_error.unwrap().contains("lease expired"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_dead_workers_job_is_run_by_another_worker() {
    let (_db, pool) = setup();
    let runs = Arc::new(AtomicU32::new(0));
    let mut registry = Registry::<()>::new();
    let counter = runs.clone();
    registry.register("count", move |_, _| {
        counter.fetch_add(1, Ordering::SeqCst);
        async { Ok(()) }
    });
    let id = enqueue(&pool, NewJob::new("q", "count", json!({}))).await;
    claim(&pool, "q", "crashed", Duration::from_millis(100))
        .await
        .unwrap();
    let cfg = config("q", "survivor");
    assert_eq!(
        jobs::run_one(&pool, &registry, &(), &cfg).await.unwrap(),
        None
    );

    tokio::time::sleep(Duration::from_millis(200)).await;
    let report = jobs::run_one(&pool, &registry, &(), &cfg)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((report.job_id.as_str(), report.attempt), (id.as_str(), 2));
    assert_eq!(report.outcome, Outcome::Done);
    assert_eq!(runs.load(Ordering::SeqCst), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_panicking_job_counts_as_a_failure_and_is_retried() {
    let (_db, pool) = setup();
    let calls = Arc::new(AtomicU32::new(0));
    let mut registry = Registry::<()>::new();
    let counter = calls.clone();
    registry.register("flaky", move |_, _| {
        let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
        async move {
            tokio::task::yield_now().await;
            if n == 1 {
                panic!("boom on call {n}");
            }
            Ok(())
        }
    });
    registry.register(
        "eager",
        |_, _| -> std::future::Ready<Result<(), JobError>> {
            panic!("panicked before the future existed")
        },
    );

    let id = enqueue(&pool, NewJob::new("flaky", "flaky", json!({}))).await;
    let cfg = config("flaky", "w");
    let first = jobs::run_one(&pool, &registry, &(), &cfg)
        .await
        .unwrap()
        .unwrap();
    match &first.outcome {
        Outcome::Retrying { error, .. } => assert!(error.contains("boom on call 1"), "{error}"),
        other => panic!("expected a retry, got {other:?}"),
    }
    let after_panic = find(&pool, &id).await;
    assert_eq!(after_panic.status, JobStatus::Queued);
    assert_eq!(after_panic.attempts, 1);
    assert_eq!(
        after_panic.last_error.as_deref(),
        Some("job panicked: boom on call 1")
    );

    let second = jobs::run_one(&pool, &registry, &(), &cfg)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((second.attempt, second.outcome), (2, Outcome::Done));
    assert_eq!(calls.load(Ordering::SeqCst), 2);

    let eager = enqueue(
        &pool,
        NewJob::new("eager", "eager", json!({})).max_attempts(1),
    )
    .await;
    let report = jobs::run_one(&pool, &registry, &(), &config("eager", "w"))
        .await
        .unwrap()
        .unwrap();
    assert!(matches!(report.outcome, Outcome::Failed { .. }));
    let failed = find(&pool, &eager).await;
    assert_eq!(failed.status, JobStatus::Failed);
    assert!(failed
        .last_error
        .unwrap()
        .contains("panicked before the future existed"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_retry_cap_ends_in_a_visible_failed_state() {
    let (_db, pool) = setup();
    let calls = Arc::new(AtomicU32::new(0));
    let mut registry = Registry::<()>::new();
    let counter = calls.clone();
    registry.register("doomed", move |_, _| {
        let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
        async move { Err(JobError::new(format!("nope #{n}"))) }
    });
    registry.register("gone", |_, _| async {
        Err(JobError::permanent("410 Gone"))
    });
    let cfg = config("q", "w");

    let id = enqueue(&pool, NewJob::new("q", "doomed", json!({})).max_attempts(3)).await;
    let reports = jobs::drain(&pool, &registry, &(), &cfg).await.unwrap();
    let outcomes: Vec<&str> = reports
        .iter()
        .map(|r| match r.outcome {
            Outcome::Retrying { .. } => "retry",
            Outcome::Failed { .. } => "failed",
            _ => "other",
        })
        .collect();
    assert_eq!(outcomes, ["retry", "retry", "failed"]);
    let failed = find(&pool, &id).await;
    assert_eq!(failed.status, JobStatus::Failed);
    assert_eq!(failed.attempts, 3);
    assert_eq!(failed.last_error.as_deref(), Some("nope #3"));
    assert!(failed.finished_at.is_some());
    assert_eq!(failed.locked_until, None);
    // Failed is final: nothing claims it again.
    assert!(jobs::drain(&pool, &registry, &(), &cfg)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(calls.load(Ordering::SeqCst), 3);

    // A permanent error skips the remaining attempts.
    let gone = enqueue(&pool, NewJob::new("q", "gone", json!({})).max_attempts(5)).await;
    assert_eq!(
        jobs::drain(&pool, &registry, &(), &cfg)
            .await
            .unwrap()
            .len(),
        1
    );
    let gone = find(&pool, &gone).await;
    assert_eq!((gone.status, gone.attempts), (JobStatus::Failed, 1));

    // A kind nobody handles is retried (another instance may know it), then fails visibly.
    let unknown = enqueue(
        &pool,
        NewJob::new("q", "mystery", json!({})).max_attempts(2),
    )
    .await;
    assert_eq!(
        jobs::drain(&pool, &registry, &(), &cfg)
            .await
            .unwrap()
            .len(),
        2
    );
    let unknown = find(&pool, &unknown).await;
    assert_eq!(unknown.status, JobStatus::Failed);
    assert!(unknown.last_error.unwrap().contains("`mystery`"));

    let counts = on(&pool, |c| jobs::counts(c, "q").unwrap()).await;
    assert_eq!(
        counts,
        HashMap::from([(JobStatus::Failed.as_str().to_owned(), 3)])
    );
}

#[test]
fn backoff_grows_and_is_capped() {
    let exp = RetryPolicy::exponential(Duration::from_secs(1), Duration::from_secs(60))
        .with_jitter(Jitter::None);
    let secs: Vec<u64> = (1..=9).map(|n| exp.delay(n).as_secs()).collect();
    assert_eq!(secs, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
    assert_eq!(exp.delay(1000), Duration::from_secs(60));

    let equal = exp.clone().with_jitter(Jitter::Equal);
    let samples: Vec<Duration> = (0..200).map(|_| equal.delay(3)).collect();
    assert!(samples
        .iter()
        .all(|d| (Duration::from_secs(2)..=Duration::from_secs(4)).contains(d)));
    assert!(samples.iter().any(|d| *d != samples[0]), "jitter varies");
    let capped = (0..200).map(|_| equal.delay(40)).max().unwrap();
    assert!(capped <= Duration::from_secs(60));
    let full = exp.clone().with_jitter(Jitter::Full);
    assert!((0..200).all(|_| full.delay(3) <= Duration::from_secs(4)));

    let minutes = |m: u64| Duration::from_secs(60 * m);
    let webhooks = RetryPolicy::schedule(vec![
        Duration::from_secs(5),
        minutes(5),
        minutes(30),
        minutes(120),
        minutes(300),
        minutes(600),
    ]);
    assert_eq!(webhooks.nominal_delay(1), Duration::from_secs(5));
    assert_eq!(webhooks.nominal_delay(4), minutes(120));
    assert_eq!(webhooks.nominal_delay(12), minutes(600));
    for n in 1..12 {
        let d = webhooks.delay(n).as_secs_f64();
        let nominal = webhooks.nominal_delay(n).as_secs_f64();
        assert!(d >= nominal * 0.8 && d <= nominal * 1.2, "{n}: {d}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn failed_jobs_wait_out_their_backoff_or_retry_after() {
    let (_db, pool) = setup();
    let retry_after = db::now() + TimeDelta::hours(1);
    let mut registry = Registry::<()>::new();
    registry.register("fails", |_, _| async { Err(JobError::new("upstream 500")) });
    registry.register("throttled", move |_, _| async move {
        Err(JobError::new("429").retry_at(retry_after))
    });
    let mut cfg = config("q", "w");
    cfg.retry = RetryPolicy::exponential(Duration::from_secs(10), Duration::from_secs(20));

    let id = enqueue(&pool, NewJob::new("q", "fails", json!({})).max_attempts(10)).await;
    for (attempt, lo, hi) in [(1, 5, 10), (2, 10, 20), (3, 10, 20), (4, 10, 20)] {
        let before = db::now();
        let report = jobs::run_one(&pool, &registry, &(), &cfg)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(report.attempt, attempt);
        let job = find(&pool, &id).await;
        assert_eq!(job.status, JobStatus::Queued);
        let wait = (job.run_at - before).as_seconds_f64();
        assert!(
            wait >= lo as f64 - 0.5 && wait <= hi as f64 + 0.5,
            "attempt {attempt}: waits {wait}s"
        );
        // Not due yet: nothing to run until it is.
        assert_eq!(
            jobs::run_one(&pool, &registry, &(), &cfg).await.unwrap(),
            None
        );
        make_due(&pool, &id).await;
    }

    let throttled = enqueue(&pool, NewJob::new("q2", "throttled", json!({}))).await;
    jobs::run_one(&pool, &registry, &(), &config("q2", "w"))
        .await
        .unwrap()
        .unwrap();
    let job = find(&pool, &throttled).await;
    assert_eq!(job.status, JobStatus::Queued);
    assert_eq!(job.run_at, retry_after);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_dedupe_key_enqueues_once_while_unfinished() {
    let (test_db, pool) = setup();
    let job = || NewJob::new("q", "k", json!({})).dedupe_key("user-1");
    let first = on(&pool, move |c| jobs::enqueue(c, &job()).unwrap()).await;
    assert!(first.is_some());
    assert_eq!(
        on(&pool, move |c| jobs::enqueue(c, &job()).unwrap()).await,
        None
    );

    // Racing enqueuers, each inside its own transaction that goes on to enqueue more: exactly one
    // gets the key, and the losers' transactions stay usable (the savepoint on PostgreSQL).
    let pools: Vec<DbPool> = (0..4).map(|_| another_pool(&test_db)).collect();
    let barrier = Arc::new(Barrier::new(pools.len()));
    let threads: Vec<_> = pools
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let mut conn = p.get().unwrap();
                barrier.wait();
                conn.transaction(|c| {
                    let shared =
                        jobs::enqueue(c, &NewJob::new("q", "k", json!({})).dedupe_key("race"))?;
                    let own = jobs::enqueue(
                        c,
                        &NewJob::new("q", "k", json!({})).dedupe_key(format!("own-{i}")),
                    )?;
                    assert!(own.is_some());
                    QueryResult::Ok(shared.is_some())
                })
                .unwrap()
            })
        })
        .collect();
    let winners = threads
        .into_iter()
        .map(|t| t.join().unwrap())
        .filter(|won| *won)
        .count();
    assert_eq!(winners, 1);
    let keys: Vec<Option<String>> = on(&pool, |c| {
        job_rows::table
            .select(job_rows::dedupe_key)
            .order(job_rows::dedupe_key)
            .load(c)
            .unwrap()
    })
    .await;
    let keys: Vec<&str> = keys.iter().map(|k| k.as_deref().unwrap()).collect();
    assert_eq!(keys, ["own-0", "own-1", "own-2", "own-3", "race", "user-1"]);

    // Once the job has finished, the same key can be queued again.
    on(&pool, |c| {
        diesel::update(job_rows::table.filter(job_rows::dedupe_key.eq("user-1")))
            .set(job_rows::status.eq(JobStatus::Done))
            .execute(c)
            .unwrap()
    })
    .await;
    assert!(on(&pool, move |c| jobs::enqueue(c, &job()).unwrap())
        .await
        .is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_heartbeat_keeps_a_long_job_leased() {
    let (_db, pool) = setup();
    let runs = Arc::new(AtomicU32::new(0));
    let mut registry = Registry::<()>::new();
    let counter = runs.clone();
    registry.register("long", move |_, _| {
        counter.fetch_add(1, Ordering::SeqCst);
        async {
            tokio::time::sleep(Duration::from_millis(3000)).await;
            Ok(())
        }
    });
    let id = enqueue(&pool, NewJob::new("q", "long", json!({}))).await;
    let mut cfg = config("q", "a");
    cfg.lease = Duration::from_millis(900);
    let workers = jobs::spawn_workers(pool.clone(), Arc::new(registry), (), cfg);

    wait_until("the job started", || {
        let r = runs.clone();
        async move { r.load(Ordering::SeqCst) == 1 }
    })
    .await;
    // Three lease lengths: without renewal the intruder would take the job over.
    let mut probes = 0;
    while find(&pool, &id).await.status == JobStatus::Running {
        assert_eq!(
            claim(&pool, "q", "intruder", Duration::from_secs(30)).await,
            None
        );
        probes += 1;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    workers.shutdown().await;
    assert!(probes >= 15, "only {probes} probes");
    let done = find(&pool, &id).await;
    assert_eq!((done.status, done.attempts), (JobStatus::Done, 1));
    assert_eq!(runs.load(Ordering::SeqCst), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn shutdown_waits_for_the_job_in_hand_and_stops_claiming() {
    let (_db, pool) = setup();
    let (started_tx, mut started) = tokio::sync::mpsc::unbounded_channel();
    let release = Arc::new(Notify::new());
    let registry = blocking_registry(started_tx, release.clone());
    let first = enqueue(&pool, NewJob::new("q", "block", json!({}))).await;
    let workers = jobs::spawn_workers(pool.clone(), registry, (), config("q", "a"));
    tokio::time::timeout(Duration::from_secs(10), started.recv())
        .await
        .unwrap();

    let shutdown = tokio::spawn(workers.shutdown());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !shutdown.is_finished(),
        "shutdown waits for the running job"
    );
    release.notify_one();
    tokio::time::timeout(Duration::from_secs(10), shutdown)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(find(&pool, &first).await.status, JobStatus::Done);

    let second = enqueue(&pool, NewJob::new("q", "block", json!({}))).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(find(&pool, &second).await.status, JobStatus::Queued);
}

/// Which instances ran each job (by the job's `n`).
type Runs = Arc<Mutex<HashMap<u64, Vec<String>>>>;

struct Instance {
    name: String,
    runs: Runs,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_instances_run_every_job_exactly_once() {
    const N: u64 = 60;
    let (test_db, pool) = setup();
    let runs: Runs = Arc::default();
    let mut registry = Registry::<Arc<Instance>>::new();
    registry.register("record", |me: Arc<Instance>, payload| async move {
        let n = payload["n"].as_u64().ok_or_else(|| JobError::new("no n"))?;
        tokio::time::sleep(Duration::from_millis(5)).await;
        me.runs
            .lock()
            .unwrap()
            .entry(n)
            .or_default()
            .push(me.name.clone());
        Ok(())
    });
    let registry = Arc::new(registry);

    let mut handles = Vec::new();
    for i in 0..3 {
        let name = format!("instance-{i}");
        let ctx = Arc::new(Instance {
            name: name.clone(),
            runs: runs.clone(),
        });
        let mut cfg = config("q", &name);
        cfg.concurrency = 2;
        handles.push(jobs::spawn_workers(
            another_pool(&test_db),
            registry.clone(),
            ctx,
            cfg,
        ));
    }
    let mut ids = Vec::new();
    for n in 0..N {
        ids.push(enqueue(&pool, NewJob::new("q", "record", json!({ "n": n }))).await);
    }
    wait_until("all jobs done", || {
        let pool = pool.clone();
        async move {
            let counts = on(&pool, |c| jobs::counts(c, "q").unwrap()).await;
            counts.get(JobStatus::Done.as_str()).copied() == Some(N as i64)
        }
    })
    .await;
    for handle in handles {
        handle.shutdown().await;
    }

    let runs = runs.lock().unwrap().clone();
    assert_eq!(runs.len() as u64, N);
    for (n, by) in runs.iter() {
        assert_eq!(by.len(), 1, "job {n} ran {} times: {by:?}", by.len());
    }
    for id in ids {
        assert_eq!(find(&pool, &id).await.attempts, 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_instances_claim_a_slot_exactly_once() {
    let (test_db, _pool) = setup();
    let pools: Vec<DbPool> = (0..3).map(|_| another_pool(&test_db)).collect();
    type Work = Arc<dyn Fn(&mut DbConn, usize) -> bool + Send + Sync>;
    let race = |work: Work| {
        let barrier = Arc::new(Barrier::new(pools.len()));
        let threads: Vec<_> = pools
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, pool)| {
                let (barrier, work) = (barrier.clone(), work.clone());
                std::thread::spawn(move || {
                    let mut conn = pool.get().unwrap();
                    barrier.wait();
                    work(&mut conn, i)
                })
            })
            .collect();
        threads
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect::<Vec<bool>>()
    };

    for day in 1..=10 {
        let slot = format!("2026-12-{day:02}");
        let won = race(Arc::new(move |c, i| {
            jobs::claim_slot(c, "nightly", &slot, &format!("instance-{i}")).unwrap()
        }));
        assert_eq!(won.iter().filter(|w| **w).count(), 1, "day {day}: {won:?}");
    }

    // The winner enqueues in the claim's transaction; N instances push once.
    let date = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
    let won = race(Arc::new(move |c, i| {
        jobs::run_slot(
            c,
            "wellness-push",
            date,
            &format!("instance-{i}"),
            |c, d| {
                jobs::enqueue(c, &NewJob::new("wellness", "push", json!({ "date": d }))).map(|_| ())
            },
        )
        .unwrap()
    }));
    let winner = won.iter().position(|w| *w).unwrap();
    assert_eq!(won.iter().filter(|w| **w).count(), 1);
    let pool = pools[0].clone();
    let (payloads, claimed_by) = on(&pool, |c| {
        let payloads: Vec<String> = job_rows::table
            .filter(job_rows::queue.eq("wellness"))
            .select(job_rows::payload)
            .load(c)
            .unwrap();
        let by: String = job_slots::table
            .find(("wellness-push", "2026-12-24"))
            .select(job_slots::claimed_by)
            .first(c)
            .unwrap();
        (payloads, by)
    })
    .await;
    assert_eq!(payloads, [r#"{"date":"2026-12-24"}"#]);
    assert_eq!(claimed_by, format!("instance-{winner}"));

    // If the enqueue fails, the claim is rolled back with it, so the slot is not lost.
    let failed = on(&pool, move |c| {
        jobs::run_slot(c, "wellness-push", date.succ_opt().unwrap(), "x", |_, _| {
            Err(diesel::result::Error::RollbackTransaction)
        })
    })
    .await;
    assert!(failed.is_err());
    assert!(
        on(&pool, |c| jobs::claim_slot(
            c,
            "wellness-push",
            "2026-12-25",
            "y"
        )
        .unwrap())
        .await
    );
}

#[test]
fn slot_times() {
    let at = NaiveTime::from_hms_opt(4, 30, 0).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let before = day.and_hms_opt(4, 29, 59).unwrap();
    let after = day.and_hms_opt(4, 30, 0).unwrap();
    assert_eq!(jobs::latest_slot(before, at), day.pred_opt().unwrap());
    assert_eq!(jobs::latest_slot(after, at), day);
    assert_eq!(jobs::next_slot_time(before, at), after);
    assert_eq!(
        jobs::next_slot_time(after, at),
        day.succ_opt().unwrap().and_time(at)
    );
    assert_eq!(jobs::slot_key(day), "2026-03-01");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_daily_scheduler_catches_up_and_fires_once_across_instances() {
    let (test_db, pool) = setup();
    let start = db::now();
    let at = (start + TimeDelta::seconds(3)).time();
    let missed = jobs::latest_slot(start, at);
    let next = jobs::next_slot_time(start, at).date();

    let handles: Vec<_> = (0..3)
        .map(|i| {
            jobs::spawn_daily(
                another_pool(&test_db),
                "wellness-push",
                at,
                &format!("instance-{i}"),
                |c, date| {
                    jobs::enqueue(c, &NewJob::new("wellness", "push", json!({ "date": date })))
                        .map(|_| ())
                },
            )
        })
        .collect();
    let slots = |pool: DbPool| async move {
        on(&pool, |c| {
            job_slots::table
                .select(job_slots::slot)
                .order(job_slots::slot)
                .load::<String>(c)
                .unwrap()
        })
        .await
    };
    wait_until("the next slot fired", || {
        let pool = pool.clone();
        async move { slots(pool).await.len() >= 2 }
    })
    .await;
    // Let any late loser finish its attempt before counting.
    tokio::time::sleep(Duration::from_millis(500)).await;
    for handle in handles {
        handle.shutdown().await;
    }

    assert_eq!(
        slots(pool.clone()).await,
        [jobs::slot_key(missed), jobs::slot_key(next)]
    );
    let mut dates: Vec<String> = on(&pool, |c| {
        job_rows::table
            .filter(job_rows::queue.eq("wellness"))
            .select(job_rows::payload)
            .load(c)
            .unwrap()
    })
    .await;
    dates.sort();
    assert_eq!(
        dates,
        [
            json!({ "date": missed }).to_string(),
            json!({ "date": next }).to_string()
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn counts_by_status_and_pruning_keeps_failures() {
    let (_db, pool) = setup();
    let done = enqueue(&pool, NewJob::new("q", "k", json!({}))).await;
    let failed = enqueue(&pool, NewJob::new("q", "k", json!({}))).await;
    enqueue(
        &pool,
        NewJob::new("q", "k", json!({})).run_at(db::now() + TimeDelta::hours(1)),
    )
    .await;
    enqueue(&pool, NewJob::new("other", "k", json!({}))).await;
    for (id, ok) in [(done.clone(), true), (failed.clone(), false)] {
        let job = claim(&pool, "q", "w", Duration::from_secs(30))
            .await
            .unwrap();
        assert_eq!(job.id, id);
        on(&pool, move |c| {
            if ok {
                assert!(jobs::complete(c, &job).unwrap());
            } else {
                let e = JobError::permanent("bad");
                jobs::fail(c, &job, &e, &RetryPolicy::default()).unwrap();
            }
        })
        .await;
    }
    let counts = on(&pool, |c| jobs::counts(c, "q").unwrap()).await;
    let expected = [
        (JobStatus::Queued, 1),
        (JobStatus::Done, 1),
        (JobStatus::Failed, 1),
    ]
    .map(|(s, n)| (s.as_str().to_owned(), n));
    assert_eq!(counts, HashMap::from(expected));

    let past = db::now() - TimeDelta::hours(1);
    assert_eq!(
        on(&pool, move |c| jobs::prune_done(c, past, 100).unwrap()).await,
        0
    );
    let soon = db::now() + TimeDelta::seconds(1);
    assert_eq!(
        on(&pool, move |c| jobs::prune_done(c, soon, 100).unwrap()).await,
        1
    );
    assert_eq!(find(&pool, &failed).await.status, JobStatus::Failed);
    let done_id = done.clone();
    assert_eq!(
        on(&pool, move |c| jobs::find(c, &done_id).unwrap()).await,
        None
    );
}
