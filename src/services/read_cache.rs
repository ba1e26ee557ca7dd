//! The read cache: every upstream GET of a user's data is answered from here when nothing
//! changed since it was read, whichever tenant asks and (on PostgreSQL) whichever instance read
//! it. Keyed by athlete, upstream path and query as sent.
//!
//! - Freshness is a generation number per (athlete, area) in the database
//!   (`cache_generations`), raised by the bridge's own successful writes and by Intervals.icu's
//!   webhooks before the receiver answers; every read looks it up first, so a read that starts
//!   after an invalidation committed never gets what was read before it, on any instance.
//! - An entry also ages out: `BRIDGE_CACHE_TTL_SECS` for areas Intervals.icu announces changes
//!   of, `BRIDGE_CACHE_UNANNOUNCED_TTL_SECS` for the others; a TTL of 0 turns caching off.
//! - Memory per instance is bounded by `BRIDGE_CACHE_MB`, least recently used first; on
//!   PostgreSQL answers are also written to the UNLOGGED `read_cache` table, where another
//!   instance finds them.
//! - On SQLite (one process owns the database) the generations read are also kept in memory,
//!   valid until this process raises any generation ([`committed`], called once the raise
//!   committed and before anyone is told): a hit then never leaves the process. On PostgreSQL a
//!   hit reads the generation from the database, the price of another instance's
//!   invalidation being honoured by every read that starts after it.
//! - What each tenant gets from an entry (its rewritten body and `ETag`) is kept beside the
//!   entry ([`ReadCache::view`]), so a repeated hit is a lookup and a copy.
//! - Concurrent misses of one key on one instance wait for one upstream call (`collapsed`).
//! - When Intervals.icu fails (or the athlete's budget is spent), an entry up to 24 hours old is
//!   served instead, marked stale.
//!
//! Callers check the tenant, user, scope and ownership before asking, and rewrite per tenant
//! after: the cache holds Intervals.icu's bytes, never a tenant's view.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use bytes::Bytes;
use chrono::NaiveDateTime;

use crate::db::models::CacheGenerations;
use crate::db::{DbConn, DbError, DbPool};
use crate::services::intervals::UpstreamError;

/// Oldest entry served when Intervals.icu cannot answer.
pub const STALE_LIMIT: Duration = Duration::from_secs(24 * 3600);

/// What an upstream read is about, for invalidation and for its TTL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    Activities,
    Calendar,
    Wellness,
    Settings,
    /// What Intervals.icu sends no webhook about (profile, gear, library, chats…).
    Other,
}

impl Area {
    pub const ALL: [Area; 5] = [
        Area::Activities,
        Area::Calendar,
        Area::Wellness,
        Area::Settings,
        Area::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Area::Activities => "activities",
            Area::Calendar => "calendar",
            Area::Wellness => "wellness",
            Area::Settings => "settings",
            Area::Other => "other",
        }
    }

    /// Whether Intervals.icu announces changes of this area with a webhook.
    pub fn announced(self) -> bool {
        self != Area::Other
    }

    /// The areas an Intervals.icu webhook event type changes.
    pub fn changed_by(event_type: &str) -> &'static [Area] {
        match event_type {
            t if t.starts_with("ACTIVITY_") => &[Area::Activities],
            "CALENDAR_UPDATED" => &[Area::Calendar],
            "WELLNESS_UPDATED" | "FITNESS_UPDATED" => &[Area::Wellness, Area::Activities],
            "SPORT_SETTINGS_UPDATED" => &[Area::Settings],
            "APP_SCOPE_CHANGED" => &Area::ALL,
            _ => &[],
        }
    }
}

/// `BRIDGE_CACHE_*`.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub ttl: Duration,
    pub unannounced_ttl: Duration,
    pub max_bytes: usize,
}

impl Settings {
    fn ttl(&self, area: Area) -> Duration {
        if area.announced() {
            self.ttl
        } else {
            self.unannounced_ttl
        }
    }
}

/// How an answer was obtained, as RFC 9211's `Cache-Status` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// From the cache; `ttl` seconds of freshness left.
    Hit { ttl: i64 },
    /// Another request's upstream call answered this one.
    Collapsed,
    /// Read upstream and stored.
    Stored,
    /// Read upstream because the request said `no-cache` (and stored).
    Request,
    /// Read upstream, not stored (caching is off).
    Miss,
    /// Intervals.icu failed with `status`; an older entry answered.
    Stale { status: u16 },
    /// Nothing was sent (the athlete's budget is spent); an entry `ttl` seconds past its
    /// freshness answered.
    StaleUnsent { ttl: i64 },
}

/// What one upstream read returned: the body and its content type.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub body: Bytes,
    pub content_type: String,
}

/// The content type of Intervals.icu's JSON answers.
pub const JSON: &str = "application/json";

/// An upstream answer and where it came from.
#[derive(Debug, Clone)]
pub struct Answer {
    pub body: Bytes,
    /// As Intervals.icu sent it.
    pub content_type: Arc<str>,
    pub outcome: Outcome,
    /// Seconds since it was read from Intervals.icu.
    pub age: u64,
    /// The memory entry it came from (key, generation, stored at), where tenants' views of it
    /// are kept.
    origin: Option<Origin>,
}

#[derive(Debug, Clone)]
struct Origin {
    key: Arc<str>,
    generation: i64,
    stored_at: i64,
}

/// One tenant's form of an answer: the bytes it gets and their `ETag`.
#[derive(Debug, Clone)]
pub struct View {
    pub body: Bytes,
    /// Its `ETag` (a quoted digest; shared, so a kept view is cloned without copying).
    pub etag: Bytes,
}

impl View {
    /// `body` with its `ETag`.
    pub fn of(body: Bytes) -> View {
        View {
            etag: Bytes::from(etag(&body)),
            body,
        }
    }

    /// The `ETag` as text.
    pub fn etag(&self) -> &str {
        std::str::from_utf8(&self.etag).unwrap_or_default()
    }
}

impl Answer {
    /// The `Cache-Status` header value.
    pub fn cache_status(&self) -> String {
        const NAME: &str = "intervals-bridge";
        match self.outcome {
            Outcome::Hit { ttl } => format!("{NAME}; hit; ttl={ttl}"),
            Outcome::Collapsed => format!("{NAME}; fwd=miss; collapsed"),
            Outcome::Stored => format!("{NAME}; fwd=miss; stored"),
            Outcome::Request => format!("{NAME}; fwd=request; stored"),
            Outcome::Miss => format!("{NAME}; fwd=miss"),
            Outcome::Stale { status } => format!("{NAME}; fwd=stale; fwd-status={status}"),
            Outcome::StaleUnsent { ttl } => format!("{NAME}; hit; ttl={ttl}"),
        }
    }

    /// The body as JSON (an unreadable one is Intervals.icu failing).
    pub fn json(&self) -> Result<serde_json::Value, UpstreamError> {
        serde_json::from_slice(&self.body)
            .map_err(|e| UpstreamError::Unavailable(format!("unreadable answer: {e}")))
    }

    /// Whether an upstream call was avoided.
    pub fn saved_a_call(&self) -> bool {
        matches!(
            self.outcome,
            Outcome::Hit { .. } | Outcome::Collapsed | Outcome::StaleUnsent { .. }
        )
    }
}

/// One read: what to look up and how.
pub struct Read<'a> {
    pub athlete: &'a str,
    pub area: Area,
    /// Upstream path and query as sent.
    pub key: &'a str,
    /// `Cache-Control: no-cache`: read upstream whatever the cache holds.
    pub no_cache: bool,
    /// Who asked (for the dashboard's hit ratio).
    pub tenant: &'a str,
}

#[derive(Clone)]
struct Entry {
    /// Its key in [`Memory::entries`], shared with the answers made from it.
    key: Arc<str>,
    body: Bytes,
    content_type: Arc<str>,
    generation: i64,
    stored_at: i64,
    /// Tenants' views of the body, by (tenant, form).
    views: Vec<(String, View)>,
}

/// Views kept per entry at most (one per tenant and form that read it).
const MAX_VIEWS: usize = 16;

/// The generations this process read, on SQLite: athlete → per area (generation, epoch when
/// read). Valid while [`EPOCH`] has not moved. Keyed by the athlete alone so that a lookup
/// borrows the read's `&str`.
struct Mirror {
    generations: HashMap<String, [Option<(i64, u64)>; Area::ALL.len()]>,
}

/// Entries of the mirror at most; past it the mirror starts again empty.
const MAX_MIRRORED: usize = 100_000;

/// Moves whenever this process committed a raise of any generation (see [`committed`]).
static EPOCH: AtomicU64 = AtomicU64::new(0);

/// Tells this process's caches that a raise of generations committed: every generation kept in
/// memory is read from the database again. Call it after the transaction that called
/// [`invalidate`] or [`invalidate_many`] committed, before anyone is told it did.
pub fn committed() {
    EPOCH.fetch_add(1, Ordering::SeqCst);
}

struct Memory {
    entries: lru::LruCache<Arc<str>, Entry>,
    bytes: usize,
}

/// This instance's counters (`/metrics`).
#[derive(Default)]
pub struct Stats {
    pub hits: AtomicU64,
    pub misses: AtomicU64,
    pub collapsed: AtomicU64,
    pub stale: AtomicU64,
    pub saved: AtomicU64,
}

/// Invalidations this process made (`/metrics`).
pub static INVALIDATIONS: AtomicU64 = AtomicU64::new(0);

pub struct ReadCache {
    settings: Settings,
    pool: DbPool,
    memory: Mutex<Memory>,
    inflight: Mutex<HashMap<String, Weak<tokio::sync::Mutex<()>>>>,
    /// `Some` on SQLite: the generations read, kept in memory.
    mirror: Option<Mutex<Mirror>>,
    pub stats: Stats,
    /// (hits, reads) per tenant since start, for the dashboard.
    by_tenant: Mutex<HashMap<String, (u64, u64)>>,
}

fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn entry_size(e: &Entry) -> usize {
    e.key.len()
        + e.body.len()
        + e.content_type.len()
        + 64
        + e.views.iter().map(|(t, v)| view_size(t, v)).sum::<usize>()
}

fn view_size(tenant: &str, v: &View) -> usize {
    tenant.len() + v.body.len() + v.etag.len() + 32
}

/// Raises the generation of `areas` of the athlete: every read that starts after the caller's
/// transaction commits reads Intervals.icu again. Call it inside the transaction that records
/// the change (a webhook batch) or right after a successful upstream write.
pub fn invalidate(conn: &mut DbConn, athlete: &str, areas: &[Area]) -> diesel::QueryResult<()> {
    let keys: Vec<(String, &'static str)> = areas
        .iter()
        .map(|a| (athlete.to_owned(), a.as_str()))
        .collect();
    invalidate_many(conn, &keys)
}

/// [`invalidate`] for many (athlete, area) at once, in one fixed order.
pub fn invalidate_many(
    conn: &mut DbConn,
    keys: &[(String, &'static str)],
) -> diesel::QueryResult<()> {
    if keys.is_empty() {
        return Ok(());
    }
    CacheGenerations::raise(conn, keys, crate::db::now())?;
    INVALIDATIONS.fetch_add(keys.len() as u64, Ordering::Relaxed);
    Ok(())
}

impl ReadCache {
    /// `local`: this process is the database's only user (SQLite), so the generations it read
    /// stay valid in memory until it raises one.
    pub fn new(settings: Settings, pool: DbPool, local: bool) -> ReadCache {
        ReadCache {
            settings,
            pool,
            mirror: local.then(|| {
                Mutex::new(Mirror {
                    generations: HashMap::new(),
                })
            }),
            memory: Mutex::new(Memory {
                entries: lru::LruCache::unbounded(),
                bytes: 0,
            }),
            inflight: Mutex::new(HashMap::new()),
            stats: Stats::default(),
            by_tenant: Mutex::new(HashMap::new()),
        }
    }

    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// Bytes held in this instance's memory.
    pub fn memory_bytes(&self) -> usize {
        self.memory.lock().unwrap_or_else(|p| p.into_inner()).bytes
    }

    /// (hits, reads) of a tenant's reads on this instance since it started.
    pub fn tenant_ratio(&self, tenant: &str) -> (u64, u64) {
        self.by_tenant
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(tenant)
            .copied()
            .unwrap_or((0, 0))
    }

    /// Answers `read` from the cache when it is fresh, else from `fetch` (one upstream call),
    /// storing what it got; see the module's rules.
    pub async fn get<F, Fut>(&self, read: Read<'_>, fetch: F) -> Result<Answer, UpstreamError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Fetched, UpstreamError>>,
    {
        let answer = self.get_inner(&read, fetch).await;
        if let Ok(a) = &answer {
            let hit = a.saved_a_call();
            if hit {
                self.stats.saved.fetch_add(1, Ordering::Relaxed);
            }
            let mut by = self.by_tenant.lock().unwrap_or_else(|p| p.into_inner());
            let e = match by.get_mut(read.tenant) {
                Some(e) => e,
                None => by.entry(read.tenant.to_owned()).or_default(),
            };
            e.0 += u64::from(hit);
            e.1 += 1;
        }
        answer
    }

    async fn get_inner<F, Fut>(&self, read: &Read<'_>, fetch: F) -> Result<Answer, UpstreamError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Fetched, UpstreamError>>,
    {
        let ttl = self.settings.ttl(read.area);
        if ttl.is_zero() {
            self.stats.misses.fetch_add(1, Ordering::Relaxed);
            let f = fetch().await?;
            return Ok(Answer {
                body: f.body,
                content_type: f.content_type.into(),
                outcome: Outcome::Miss,
                age: 0,
                origin: None,
            });
        }
        let ttl = ttl.as_secs() as i64;
        // The generation first: whatever is found must have been read under it.
        let generation = match self.generation(read).await {
            Ok(g) => g,
            Err(e) => {
                log::warn!("read cache: generation unknown ({e}); reading upstream");
                self.stats.misses.fetch_add(1, Ordering::Relaxed);
                let f = fetch().await?;
                return Ok(Answer {
                    body: f.body,
                    content_type: f.content_type.into(),
                    outcome: Outcome::Miss,
                    age: 0,
                    origin: None,
                });
            }
        };
        if !read.no_cache {
            if let Some(a) = self.fresh(read, generation, ttl).await {
                return Ok(a);
            }
        }
        // One upstream call per key at a time on this instance; the others wait, then find
        // its answer.
        let started = unix_now();
        let gate = if read.no_cache {
            None
        } else {
            Some(self.gate(read.key))
        };
        let _held = match &gate {
            Some(g) => Some(g.lock().await),
            None => None,
        };
        if gate.is_some() {
            if let Some(mut a) = self.in_memory(read.key, generation, ttl) {
                if a.age as i64 <= unix_now() - started + 1 {
                    a.outcome = Outcome::Collapsed;
                    self.stats.collapsed.fetch_add(1, Ordering::Relaxed);
                    return Ok(a);
                }
            }
        }
        self.stats.misses.fetch_add(1, Ordering::Relaxed);
        match fetch().await {
            Ok(f) => {
                let (key, content_type, stored_at) = self
                    .store(read, generation, f.body.clone(), f.content_type)
                    .await;
                Ok(Answer {
                    body: f.body,
                    content_type,
                    outcome: if read.no_cache {
                        Outcome::Request
                    } else {
                        Outcome::Stored
                    },
                    age: 0,
                    origin: Some(Origin {
                        key,
                        generation,
                        stored_at,
                    }),
                })
            }
            Err(e) if !read.no_cache && e.is_transient() => match self.stale(read, ttl, &e).await {
                Some(a) => {
                    self.stats.stale.fetch_add(1, Ordering::Relaxed);
                    Ok(a)
                }
                None => Err(e),
            },
            Err(e) => Err(e),
        }
    }

    async fn generation(&self, read: &Read<'_>) -> Result<i64, DbError> {
        // The epoch before the database: a raise that commits after this read began moves it,
        // and what is read here is then never used again.
        let epoch = EPOCH.load(Ordering::SeqCst);
        if let Some(mirror) = &self.mirror {
            let m = mirror.lock().unwrap_or_else(|p| p.into_inner());
            let kept = m
                .generations
                .get(read.athlete)
                .and_then(|a| a[read.area as usize]);
            if let Some((g, at)) = kept {
                if at == epoch {
                    return Ok(g);
                }
            }
        }
        let athlete = read.athlete.to_owned();
        let area = read.area.as_str();
        let g = crate::db::run(&self.pool, move |c| {
            CacheGenerations::current(c, &athlete, area).map_err(DbError::from)
        })
        .await?;
        if let Some(mirror) = &self.mirror {
            let mut m = mirror.lock().unwrap_or_else(|p| p.into_inner());
            if m.generations.len() >= MAX_MIRRORED {
                m.generations.clear();
            }
            let areas = match m.generations.get_mut(read.athlete) {
                Some(areas) => areas,
                None => m.generations.entry(read.athlete.to_owned()).or_default(),
            };
            areas[read.area as usize] = Some((g, epoch));
        }
        Ok(g)
    }

    /// `tenant`'s view of `answer` (its key names the tenant and the form, e.g.
    /// `"t_123 activities"`): kept beside the memory entry the answer came from, else made by
    /// `make` from the body (and kept when the entry is still there). `make`'s error is
    /// returned as it is.
    pub fn view<E>(
        &self,
        answer: &Answer,
        tenant: &str,
        make: impl FnOnce(&[u8]) -> Result<Vec<u8>, E>,
    ) -> Result<View, E> {
        // The entry still holds this very body (a read stored again in the same second under the
        // same generation is another entry, without views).
        let same = |e: &Entry, o: &Origin| {
            e.generation == o.generation
                && e.stored_at == o.stored_at
                && e.body.as_ptr() == answer.body.as_ptr()
                && e.body.len() == answer.body.len()
        };
        if let Some(o) = &answer.origin {
            let mem = self.memory.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(e) = mem.entries.peek(&*o.key) {
                if same(e, o) {
                    if let Some((_, v)) = e.views.iter().find(|(t, _)| t == tenant) {
                        return Ok(v.clone());
                    }
                }
            }
        }
        let view = View::of(Bytes::from(make(&answer.body)?));
        if let Some(o) = &answer.origin {
            let mut mem = self.memory.lock().unwrap_or_else(|p| p.into_inner());
            let size = view_size(tenant, &view);
            let mut added = false;
            if let Some(e) = mem.entries.peek_mut(&*o.key) {
                if same(e, o)
                    && e.views.len() < MAX_VIEWS
                    && !e.views.iter().any(|(t, _)| t == tenant)
                {
                    e.views.push((tenant.to_owned(), view.clone()));
                    added = true;
                }
            }
            if added {
                mem.bytes += size;
                self.evict(&mut mem);
            }
        }
        Ok(view)
    }

    fn in_memory(&self, key: &str, generation: i64, ttl: i64) -> Option<Answer> {
        let mut mem = self.memory.lock().unwrap_or_else(|p| p.into_inner());
        let e = mem.entries.get(key)?;
        let age = (unix_now() - e.stored_at).max(0);
        (e.generation == generation && age < ttl).then(|| Answer {
            body: e.body.clone(),
            content_type: e.content_type.clone(),
            outcome: Outcome::Hit { ttl: ttl - age },
            age: age as u64,
            origin: Some(Origin {
                key: e.key.clone(),
                generation,
                stored_at: e.stored_at,
            }),
        })
    }

    /// A fresh entry: this instance's memory, else (PostgreSQL) the shared table.
    async fn fresh(&self, read: &Read<'_>, generation: i64, ttl: i64) -> Option<Answer> {
        if let Some(a) = self.in_memory(read.key, generation, ttl) {
            self.stats.hits.fetch_add(1, Ordering::Relaxed);
            return Some(a);
        }
        if self.mirror.is_some() {
            // SQLite: nothing is shared beyond this process's memory.
            return None;
        }
        let shared = self.load_shared(read.key).await?;
        let age = (unix_now() - shared.stored_at).max(0);
        if shared.generation != generation || age >= ttl {
            return None;
        }
        let origin = Origin {
            key: shared.key.clone(),
            generation,
            stored_at: shared.stored_at,
        };
        self.remember(shared.clone());
        self.stats.hits.fetch_add(1, Ordering::Relaxed);
        Some(Answer {
            body: shared.body,
            content_type: shared.content_type,
            outcome: Outcome::Hit { ttl: ttl - age },
            age: age as u64,
            origin: Some(origin),
        })
    }

    async fn load_shared(&self, key: &str) -> Option<Entry> {
        let key: Arc<str> = key.into();
        let k = key.clone();
        let found = crate::db::run(&self.pool, move |c| {
            CacheGenerations::load(c, &k).map_err(DbError::from)
        })
        .await;
        match found {
            Ok(Some(s)) => Some(Entry {
                key,
                body: Bytes::from(s.body),
                content_type: s.content_type.into(),
                generation: s.generation,
                stored_at: s.stored_at.and_utc().timestamp(),
                views: Vec::new(),
            }),
            Ok(None) => None,
            Err(e) => {
                log::warn!("read cache: reading a shared answer failed: {e}");
                None
            }
        }
    }

    /// Any entry up to [`STALE_LIMIT`] old, for when Intervals.icu cannot answer.
    async fn stale(&self, read: &Read<'_>, ttl: i64, err: &UpstreamError) -> Option<Answer> {
        let mem = {
            let mut mem = self.memory.lock().unwrap_or_else(|p| p.into_inner());
            mem.entries.get(read.key).cloned()
        };
        let entry = match mem {
            Some(e) => e,
            None if self.mirror.is_some() => return None,
            None => self.load_shared(read.key).await?,
        };
        let age = (unix_now() - entry.stored_at).max(0);
        if age as u64 > STALE_LIMIT.as_secs() {
            return None;
        }
        let outcome = match err {
            UpstreamError::BudgetSpent { .. } => Outcome::StaleUnsent {
                ttl: (ttl - age).min(-1),
            },
            UpstreamError::RateLimited { .. } => Outcome::Stale { status: 429 },
            _ => Outcome::Stale { status: 503 },
        };
        Some(Answer {
            body: entry.body,
            content_type: entry.content_type,
            outcome,
            age: age as u64,
            origin: None,
        })
    }

    /// Keeps `body` in memory (and, on PostgreSQL, in the shared table); returns the entry's
    /// key, its content type and when it was stored.
    async fn store(
        &self,
        read: &Read<'_>,
        generation: i64,
        body: Bytes,
        content_type: String,
    ) -> (Arc<str>, Arc<str>, i64) {
        let stored_at = unix_now();
        let entry = Entry {
            key: read.key.into(),
            body,
            content_type: content_type.into(),
            generation,
            stored_at,
            views: Vec::new(),
        };
        let made = (entry.key.clone(), entry.content_type.clone(), stored_at);
        self.remember(entry.clone());
        if self.mirror.is_some() {
            return made;
        }
        let (key, athlete, area) = (read.key.to_owned(), read.athlete.to_owned(), read.area);
        let at = naive(stored_at);
        let stored = crate::db::run(&self.pool, move |c| {
            CacheGenerations::store(
                c,
                &key,
                &athlete,
                area.as_str(),
                generation,
                at,
                &entry.content_type,
                &entry.body,
            )
            .map_err(DbError::from)
        })
        .await;
        if let Err(e) = stored {
            log::warn!("read cache: sharing an answer failed: {e}");
        }
        made
    }

    fn remember(&self, entry: Entry) {
        let size = entry_size(&entry);
        let mut mem = self.memory.lock().unwrap_or_else(|p| p.into_inner());
        if size > self.settings.max_bytes {
            if let Some(old) = mem.entries.pop(&*entry.key) {
                mem.bytes -= entry_size(&old);
            }
            return;
        }
        if let Some(old) = mem.entries.put(entry.key.clone(), entry) {
            mem.bytes -= entry_size(&old);
        }
        mem.bytes += size;
        self.evict(&mut mem);
    }

    /// Drops the least recently used entries until the memory bound holds.
    fn evict(&self, mem: &mut Memory) {
        while mem.bytes > self.settings.max_bytes {
            match mem.entries.pop_lru() {
                Some((_, e)) => mem.bytes -= entry_size(&e),
                None => break,
            }
        }
    }

    fn gate(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut inflight = self.inflight.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(g) = inflight.get(key).and_then(Weak::upgrade) {
            return g;
        }
        if inflight.len() > 1024 {
            inflight.retain(|_, w| w.strong_count() > 0);
        }
        let g = Arc::new(tokio::sync::Mutex::new(()));
        inflight.insert(key.to_owned(), Arc::downgrade(&g));
        g
    }

    /// After a successful upstream write for the athlete: its `areas` are read again by every
    /// read that starts once this returns. A failure is logged (the entries then live out their
    /// TTL).
    pub async fn changed(&self, athlete: &str, areas: &'static [Area]) {
        let athlete = athlete.to_owned();
        let done = crate::db::run(&self.pool, move |c| {
            invalidate(c, &athlete, areas).map_err(DbError::from)
        })
        .await;
        committed();
        if let Err(e) = done {
            log::warn!("read cache: recording a change failed: {e}");
        }
    }

    /// Forgets shared answers too old to serve even as stale ones (the upkeep thread, hourly).
    pub fn purge(conn: &mut DbConn) -> diesel::QueryResult<usize> {
        let before = crate::db::now() - chrono::Duration::seconds(STALE_LIMIT.as_secs() as i64);
        CacheGenerations::purge_before(conn, before)
    }
}

/// A strong validator of exact bytes (an answer's `ETag`).
pub fn etag(body: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(body);
    format!("\"{}\"", hex::encode(&digest[..16]))
}

fn naive(secs: i64) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}
