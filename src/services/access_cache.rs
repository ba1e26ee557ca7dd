//! This instance's memory of what every partner call looks up first: API key → tenant, and
//! (tenant, user) → connection, token and the decrypted access token. A hit costs no trip to
//! the database (nor to the blocking pool).
//!
//! Everything is dropped at once whenever any of it may have changed:
//! - by this process: the models of `tenants`, `tokens` and `connections` count their writes
//!   ([`crate::db::auth_writes`]), and the next lookup that sees a new count starts afresh, so a
//!   revoked or invalid token, a disconnected user, a rotated key take effect here at once;
//! - by another process (another instance, a CLI key rotation): triggers on those tables notify
//!   the `bridge_auth` channel on PostgreSQL, which [`Watcher`] listens to, or bump
//!   `auth_epoch` on SQLite, which it reads; the upkeep thread runs it every 100 ms. While it
//!   cannot tell (the listener is down), nothing is served from memory; the entries' age limit
//!   (`BRIDGE_AUTH_CACHE_SECS`) bounds the rest.
//!
//! Misses are not remembered (an unknown key or user always asks the database), and a lookup
//! that raced a change does not store what it read (a generation number).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::RwLock;
use std::time::{Duration, Instant};

use diesel::{Connection as _, PgConnection, RunQueryDsl};

use crate::db::models::{Connection, Instance, Tenant, Token};
use crate::db::types::{TenantId, UserId};
use crate::db::{Backend, DbPool};

/// Entries kept at most (per map); past it the map starts again empty.
const MAX_ENTRIES: usize = 100_000;

/// A user's connection as partner calls need it.
#[derive(Clone)]
pub struct CachedUser {
    pub connection: Connection,
    pub token: Token,
    /// `None` when it could not be decrypted (the caller decrypts again for the error).
    pub access_token: Option<String>,
}

struct Map<K, V> {
    entries: RwLock<HashMap<K, (V, Instant)>>,
}

impl<K: Eq + Hash, V: Clone> Map<K, V> {
    fn new() -> Self {
        Map {
            entries: RwLock::new(HashMap::new()),
        }
    }

    fn get(&self, k: &K, ttl: Duration) -> Option<V> {
        let entries = self.entries.read().unwrap_or_else(|e| e.into_inner());
        entries
            .get(k)
            .filter(|(_, at)| at.elapsed() < ttl)
            .map(|(v, _)| v.clone())
    }

    fn clear(&self) {
        self.entries
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

pub struct AccessCache {
    ttl: Duration,
    tenants: Map<String, Tenant>,
    users: Map<(TenantId, UserId), CachedUser>,
    /// Bumped by every invalidation; a lookup stores what it read only if it did not change.
    generation: AtomicU64,
    /// [`crate::db::auth_writes`] when this cache last looked.
    seen_writes: AtomicU64,
    /// Whether other processes' changes reach it now ([`Watcher`] says); until then, and
    /// whenever that fails, nothing is served from memory.
    trusted: AtomicBool,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl AccessCache {
    /// `ttl` zero turns the cache off.
    pub fn new(ttl: Duration) -> AccessCache {
        AccessCache {
            ttl,
            tenants: Map::new(),
            users: Map::new(),
            generation: AtomicU64::new(0),
            seen_writes: AtomicU64::new(crate::db::auth_writes()),
            trusted: AtomicBool::new(false),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// On, and told of other processes' changes.
    pub fn enabled(&self) -> bool {
        !self.ttl.is_zero() && self.trusted.load(Ordering::SeqCst)
    }

    fn set_trusted(&self, trusted: bool) {
        if !trusted {
            self.invalidate();
        }
        self.trusted.store(trusted, Ordering::SeqCst);
    }

    /// Drops everything (a change may have happened).
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.tenants.clear();
        self.users.clear();
    }

    /// Drops everything if this process wrote to a cached table since the last look.
    fn sync_local(&self) {
        let writes = crate::db::auth_writes();
        if self.seen_writes.swap(writes, Ordering::SeqCst) != writes {
            self.invalidate();
        }
    }

    /// The generation to pass to `put_*` with what a lookup then reads from the database.
    pub fn generation(&self) -> u64 {
        self.sync_local();
        self.generation.load(Ordering::SeqCst)
    }

    fn count(&self, hit: bool) {
        let counter = if hit { &self.hits } else { &self.misses };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// (hits, misses) since the start.
    pub fn stats(&self) -> (u64, u64) {
        (
            self.hits.load(Ordering::Relaxed),
            self.misses.load(Ordering::Relaxed),
        )
    }

    /// The tenant whose API key hashes to `key_hash`, if remembered.
    pub fn tenant(&self, key_hash: &str) -> Option<Tenant> {
        if !self.enabled() {
            return None;
        }
        self.sync_local();
        let found = self.tenants.get(&key_hash.to_owned(), self.ttl);
        self.count(found.is_some());
        found
    }

    pub fn put_tenant(&self, generation: u64, key_hash: String, tenant: Tenant) {
        self.put(&self.tenants, generation, key_hash, tenant);
    }

    pub fn user(&self, tenant: &TenantId, user: &UserId) -> Option<CachedUser> {
        if !self.enabled() {
            return None;
        }
        self.sync_local();
        let found = self.users.get(&(tenant.clone(), user.clone()), self.ttl);
        self.count(found.is_some());
        found
    }

    pub fn put_user(&self, generation: u64, tenant: TenantId, user: UserId, entry: CachedUser) {
        self.put(&self.users, generation, (tenant, user), entry);
    }

    fn put<K: Eq + Hash, V: Clone>(&self, map: &Map<K, V>, generation: u64, k: K, v: V) {
        if !self.enabled() {
            return;
        }
        self.sync_local();
        let mut entries = map.entries.write().unwrap_or_else(|e| e.into_inner());
        // Checked under the lock: an invalidation either came before (and this read may be
        // stale: not stored) or comes after (and clears it).
        if self.generation.load(Ordering::SeqCst) != generation {
            return;
        }
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(k, (v, Instant::now()));
    }
}

/// Follows other processes' changes for one cache: on PostgreSQL a connection of its own that
/// listens to `bridge_auth`, on SQLite reads of `auth_epoch`. Driven by the upkeep thread.
pub struct Watcher {
    url: String,
    backend: Backend,
    listener: Option<PgConnection>,
    /// When the listener's connection was last checked with a query (a connection lost without
    /// a word would otherwise look like a quiet channel).
    pinged: Instant,
    epoch: Option<i64>,
    retry_at: Option<Instant>,
}

/// How often the listening connection is checked.
const PING_EVERY: Duration = Duration::from_secs(5);

impl Watcher {
    pub fn new(url: &str) -> Option<Watcher> {
        Some(Watcher {
            url: url.to_owned(),
            backend: Backend::of(url)?,
            listener: None,
            pinged: Instant::now(),
            epoch: None,
            retry_at: None,
        })
    }

    /// Looks for changes once; invalidates `cache` on any. While it cannot tell, the cache
    /// serves nothing.
    pub fn check(&mut self, cache: &AccessCache, pool: &DbPool) {
        match self.backend {
            Backend::Sqlite => {
                let epoch = pool
                    .get()
                    .map_err(|e| e.to_string())
                    .and_then(|mut c| Instance::auth_epoch(&mut c).map_err(|e| e.to_string()));
                match epoch {
                    Ok(epoch) => {
                        if self.epoch.is_some() && epoch != self.epoch {
                            cache.invalidate();
                        }
                        self.epoch = epoch;
                        cache.set_trusted(true);
                    }
                    Err(e) => {
                        log::warn!("reading auth_epoch failed: {e}");
                        self.epoch = None;
                        cache.set_trusted(false);
                    }
                }
            }
            Backend::Postgres => {
                let ok = self.check_pg(cache);
                cache.set_trusted(ok);
            }
        }
    }

    fn check_pg(&mut self, cache: &AccessCache) -> bool {
        if self.listener.is_none() {
            if self.retry_at.is_some_and(|at| Instant::now() < at) {
                return false;
            }
            let listening = PgConnection::establish(&self.url)
                .map_err(|e| e.to_string())
                .and_then(|mut c| {
                    diesel::sql_query("LISTEN bridge_auth")
                        .execute(&mut c)
                        .map_err(|e| e.to_string())?;
                    Ok(c)
                });
            match listening {
                Ok(c) => {
                    self.listener = Some(c);
                    self.retry_at = None;
                    self.pinged = Instant::now();
                    // Anything may have changed while nobody listened.
                    cache.invalidate();
                }
                Err(e) => {
                    log::warn!("listening for cache invalidations failed: {e}");
                    self.retry_at = Some(Instant::now() + Duration::from_secs(5));
                    return false;
                }
            }
        }
        let Some(listener) = self.listener.as_mut() else {
            return false;
        };
        let mut changed = false;
        let mut broken = false;
        if self.pinged.elapsed() >= PING_EVERY {
            self.pinged = Instant::now();
            broken = diesel::sql_query("SELECT 1").execute(listener).is_err();
        }
        if !broken {
            for n in listener.notifications_iter() {
                match n {
                    Ok(_) => changed = true,
                    Err(e) => {
                        log::warn!("the cache invalidation listener failed: {e}");
                        broken = true;
                        break;
                    }
                }
            }
        }
        if changed {
            cache.invalidate();
        }
        if broken {
            self.listener = None;
            return false;
        }
        true
    }
}
