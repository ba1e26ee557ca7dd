//! Storage: one diesel `MultiConnection` over SQLite (embedded default) and PostgreSQL
//! (scale-out), pooled by r2d2, with migrations embedded per backend.

pub mod models;
pub mod schema;
pub mod types;

use std::cell::Cell;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use anyhow::{anyhow, Context};
use chrono::{NaiveDateTime, SubsecRound, Utc};
use diesel::connection::SimpleConnection;
use diesel::r2d2::{CustomizeConnection, ManageConnection, Pool, R2D2Connection};
use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

pub type DbPool = Pool<Manager>;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Arbitrary constant naming the advisory lock that serialises migrations across instances.
const MIGRATION_LOCK_KEY: i64 = 0x1b_72_1d_9e;

/// Which backend a database URL selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// The file path inside a `sqlite://PATH` URL (`sqlite://./data/bridge.db`, `sqlite:///abs/path.db`).
pub fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url)
}

/// Opens connections of the backend the URL names. (The derived `MultiConnection::establish`
/// tries every backend in turn, which would turn an unreachable PostgreSQL URL into a SQLite file.)
#[derive(Debug)]
pub struct Manager {
    url: String,
    backend: Backend,
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConn, Self::Error> {
        match self.backend {
            Backend::Sqlite => {
                SqliteConnection::establish(sqlite_path(&self.url)).map(DbConn::Sqlite)
            }
            Backend::Postgres => PgConnection::establish(&self.url).map(DbConn::Postgresql),
        }
        .map_err(diesel::r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), Self::Error> {
        conn.ping().map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        std::thread::panicking() || conn.is_broken()
    }
}

#[derive(Debug)]
struct SqlitePragmas;

impl CustomizeConnection<DbConn, diesel::r2d2::Error> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut DbConn) -> Result<(), diesel::r2d2::Error> {
        if let DbConn::Sqlite(c) = conn {
            c.batch_execute(
                // busy_timeout first: switching to WAL needs a lock another process may hold.
                "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                 PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
            )
            .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

/// Opens the pool (creating the SQLite file and its directory when needed).
pub fn connect(url: &str) -> anyhow::Result<DbPool> {
    let backend = Backend::of(url).ok_or_else(|| anyhow!("unsupported database URL"))?;
    let size = match backend {
        Backend::Sqlite => {
            let path = sqlite_path(url);
            if let Some(dir) = Path::new(path).parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir)
                        .with_context(|| format!("creating {}", dir.display()))?;
                }
            }
            8
        }
        Backend::Postgres => 10,
    };
    let manager = Manager {
        url: url.to_owned(),
        backend,
    };
    Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(10))
        .connection_customizer(Box::new(SqlitePragmas))
        .build(manager)
        .context("opening the database")
}

/// Applies pending migrations. On PostgreSQL an advisory lock makes instances starting together
/// take turns, so exactly one applies each migration.
pub fn migrate(pool: &DbPool) -> anyhow::Result<()> {
    let mut conn = pool.get().context("connecting to the database")?;
    let applied = match &mut *conn {
        // One writer at a time: the write lock is taken before anything is read, so processes
        // starting together (serve and a CLI command) take turns.
        sqlite @ DbConn::Sqlite(_) => write_tx(sqlite, |c| {
            let DbConn::Sqlite(c) = c else { unreachable!() };
            c.run_pending_migrations(SQLITE_MIGRATIONS)
                .map(|v| v.len())
                .map_err(|e| anyhow!("migrating: {e}"))
        })?,
        DbConn::Postgresql(c) => {
            diesel::sql_query(format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})"))
                .execute(c)?;
            let result = c
                .run_pending_migrations(PG_MIGRATIONS)
                .map(|v| v.len())
                .map_err(|e| anyhow!("migrating: {e}"));
            diesel::sql_query(format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})"))
                .execute(c)?;
            result?
        }
    };
    if applied > 0 {
        log::info!("applied {applied} database migration(s)");
    }
    Ok(())
}

/// Checks the database answers (for `/readyz`).
pub fn ping(conn: &mut DbConn) -> diesel::QueryResult<()> {
    diesel::sql_query("SELECT 1").execute(conn).map(|_| ())
}

/// A new random row id.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Now, in naive UTC at microsecond precision (what both backends store).
pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc().trunc_subsecs(6)
}

/// Why diesel work could not run, or failed.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// No connection could be had from the pool in time.
    #[error("the database is not available: {0}")]
    Unavailable(#[from] diesel::r2d2::PoolError),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    /// The blocking task died (a panic in the closure).
    #[error("database task failed: {0}")]
    Task(String),
}

/// The one way to run diesel work from async code: on the blocking pool, with a pooled
/// connection, so neither an actix worker nor a job worker ever blocks on the database. The
/// closure's error type only has to take a [`DbError`] (the HTTP error type, `JobError` and
/// `anyhow::Error` all do).
pub async fn run<T, E, F>(pool: &DbPool, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<DbError> + Send + 'static,
{
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || {
        AUTH_TOUCHED.set(false);
        let mut conn = pool.get().map_err(DbError::from)?;
        let result = f(&mut conn);
        // Once more after the closure, so after its transaction committed: a cache that reloaded
        // between the first bump and the commit read the old rows, and must drop them again.
        if AUTH_TOUCHED.replace(false) {
            AUTH_WRITES.fetch_add(1, Ordering::SeqCst);
        }
        result
    })
    .await
    .map_err(|e| E::from(DbError::Task(e.to_string())))?
}

/// Taken around every SQLite write transaction of this process ([`write_tx`]): SQLite has one
/// writer at a time, and a connection that finds the write lock taken sleeps in its busy handler
/// (1 ms, 2 ms, 5 ms… steps) while the lock may long be free again. Queueing here instead hands
/// the lock over at once. (Other processes on the same file still meet `busy_timeout`.)
static SQLITE_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Writes by this process to what instances cache (tenants, tokens, connections), counted so the
/// cache (`access_cache`) drops what it holds before its next use: a change made here takes
/// effect here at once. Other processes' changes reach it through the database.
static AUTH_WRITES: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// Set when the current [`run`] closure wrote such a row.
    static AUTH_TOUCHED: Cell<bool> = const { Cell::new(false) };
}

/// Called by the models of `tenants`, `tokens` and `connections` whenever they write.
pub fn auth_changed() {
    AUTH_WRITES.fetch_add(1, Ordering::SeqCst);
    AUTH_TOUCHED.set(true);
}

/// How many writes to cached tables this process made (see [`auth_changed`]).
pub fn auth_writes() -> u64 {
    AUTH_WRITES.load(Ordering::SeqCst)
}

/// A transaction that writes. On SQLite it starts with `BEGIN IMMEDIATE`, taking the write lock
/// up front (waiting under `busy_timeout`, after this process's other writers: see
/// `SQLITE_WRITER`): a deferred transaction that reads and then writes fails at once with
/// SQLITE_BUSY when another connection wrote in between. Nested calls become savepoints as usual;
/// PostgreSQL uses a plain transaction.
pub fn write_tx<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    // Held until the outermost transaction ends (dropped with this frame).
    let mut writer = None;
    let immediate = match conn {
        DbConn::Sqlite(inner) => {
            let depth = AnsiTransactionManager::transaction_manager_status_mut(inner)
                .transaction_depth()?;
            if depth.is_none() {
                writer = Some(SQLITE_WRITER.lock().unwrap_or_else(|e| e.into_inner()));
                AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?;
                true
            } else {
                false
            }
        }
        DbConn::Postgresql(_) => false,
    };
    if !immediate {
        return conn.transaction(f);
    }
    let result = f(conn);
    let DbConn::Sqlite(inner) = conn else {
        unreachable!("only SQLite takes the immediate path")
    };
    let ended = match result {
        Ok(v) => {
            AnsiTransactionManager::commit_transaction(inner)?;
            Ok(v)
        }
        Err(e) => {
            if let Err(rollback) = AnsiTransactionManager::rollback_transaction(inner) {
                log::error!("rollback failed: {rollback}");
            }
            Err(e)
        }
    };
    drop(writer);
    ended
}

/// Makes the caller's transaction take turns with every other transaction that takes the lock
/// named `name` (until it ends): a transaction-scoped advisory lock on PostgreSQL; nothing on
/// SQLite, whose write transactions already take turns.
pub fn turn_lock(conn: &mut DbConn, name: &str) -> diesel::QueryResult<()> {
    if let DbConn::Postgresql(c) = conn {
        use diesel::RunQueryDsl;
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind::<diesel::sql_types::Text, _>(name)
            .execute(c)?;
    }
    Ok(())
}

#[cfg(test)]
mod migration_versions {
    /// Diesel knows a migration by the version before its name's first `_`: two folders with one
    /// version would leave one of them never applied.
    #[test]
    fn every_migration_has_a_version_of_its_own() {
        for backend in ["sqlite", "postgres"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("migrations")
                .join(backend);
            let mut versions: Vec<String> = std::fs::read_dir(&dir)
                .expect("migrations")
                .map(|e| {
                    let name = e.expect("entry").file_name().to_string_lossy().into_owned();
                    name.split('_').next().unwrap_or_default().to_owned()
                })
                .collect();
            let n = versions.len();
            versions.sort();
            versions.dedup();
            assert!(n > 10, "{backend}: {n} migrations found");
            assert_eq!(versions.len(), n, "{backend}: a version is used twice");
        }
    }
}
