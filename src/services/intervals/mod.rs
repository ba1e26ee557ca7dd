//! The one client for Intervals.icu: every upstream call goes through here, paced under the
//! per-IP rate, retried on connection errors, 5xx and 429 (honouring `Retry-After`), with
//! timeouts, an honest User-Agent, no redirects followed, and errors a partner can act on.

mod oauth;
pub mod pacer;
pub mod usage;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use reqwest::{Method, RequestBuilder, Response};
use serde::Deserialize;
use serde_json::Value;

use crate::db::types::AthleteId;
use crate::db::DbPool;
use crate::services::read_cache::{self, Answer, Area, ReadCache};
use crate::support::backoff::{Jitter, RetryPolicy};
use crate::support::config::Config;
use pacer::Pacer;
use usage::Usage;

pub const USER_AGENT: &str = concat!(
    "intervals-bridge/",
    env!("CARGO_PKG_VERSION"),
    " (self-hosted Intervals.icu integration service)"
);

/// Longest `Retry-After` we wait out inside one call; longer ones are handed to the caller.
const MAX_INLINE_RETRY_AFTER: Duration = Duration::from_secs(30);
const BACKOFF_CAP: Duration = Duration::from_secs(10);
/// Requests the deployment may send at once above its rate (shared by its instances).
const BURST: u32 = 5;

/// An athlete's decrypted access token, with the athlete it speaks for (whose daily calls it
/// counts). Reads as the token itself where a `&str` is wanted; never printed.
#[derive(Clone)]
pub struct AccessToken {
    athlete_id: AthleteId,
    secret: String,
}

impl AccessToken {
    pub fn new(athlete_id: impl Into<AthleteId>, secret: String) -> AccessToken {
        AccessToken {
            athlete_id: athlete_id.into(),
            secret,
        }
    }

    pub fn athlete_id(&self) -> &AthleteId {
        &self.athlete_id
    }
}

impl std::ops::Deref for AccessToken {
    type Target = str;
    fn deref(&self) -> &str {
        &self.secret
    }
}

impl std::fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AccessToken({}, [redacted])", self.athlete_id)
    }
}

/// What went wrong upstream, after retries.
#[derive(Debug, thiserror::Error)]
pub enum UpstreamError {
    /// 401: the token is no longer accepted (revoked, replaced or invalid).
    #[error("Intervals.icu refused the athlete's token")]
    Unauthorized,
    #[error("Intervals.icu denied access: {0}")]
    Forbidden(String),
    #[error("Intervals.icu has no such resource: {0}")]
    NotFound(String),
    /// 422: kept verbatim for the partner.
    #[error("Intervals.icu rejected the request: {0}")]
    Rejected(String),
    #[error("Intervals.icu is rate limiting")]
    RateLimited { retry_after: Option<Duration> },
    #[error("Intervals.icu is unavailable: {0}")]
    Unavailable(String),
    #[error("Intervals.icu answered {status}: {message}")]
    Other { status: u16, message: String },
    /// The athlete made as many calls today as `INTERVALS_ATHLETE_DAILY_BUDGET` allows; nothing
    /// was sent. The budget starts again at midnight UTC.
    #[error("the athlete's daily budget of Intervals.icu calls is spent")]
    BudgetSpent { retry_after: Duration },
    /// A definite answer other than success (a 4xx but 401, 408 and 429), kept whole for the
    /// passthrough, which hands it on as Intervals.icu sent it.
    #[error("Intervals.icu answered {status}")]
    Answered {
        status: u16,
        content_type: String,
        body: bytes::Bytes,
    },
}

impl UpstreamError {
    /// Worth retrying later (from a job), as opposed to a definite answer.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            UpstreamError::RateLimited { .. }
                | UpstreamError::Unavailable(_)
                | UpstreamError::BudgetSpent { .. }
        )
    }

    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            UpstreamError::RateLimited { retry_after } => *retry_after,
            UpstreamError::BudgetSpent { retry_after } => Some(*retry_after),
            _ => None,
        }
    }
}

/// The JSON error body Intervals.icu sends: `{"status":..,"error":".."}`.
#[derive(Debug, Deserialize)]
struct UpstreamErrorBody {
    #[serde(default)]
    error: Option<String>,
}

#[derive(Clone)]
pub struct IntervalsClient {
    http: reqwest::Client,
    oauth: oauth::OAuthClient,
    base: String,
    pacer: Arc<Pacer>,
    usage: Arc<Usage>,
    max_attempts: u32,
    backoff: RetryPolicy,
    cache: Arc<ReadCache>,
}

/// Who reads, for the read cache: the tenant asking, and whether its request said
/// `Cache-Control: no-cache`.
#[derive(Debug, Clone, Copy)]
pub struct Caller<'a> {
    pub tenant: &'a str,
    pub no_cache: bool,
}

/// Parses `Retry-After` (seconds or an HTTP date).
pub fn retry_after_header(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let v = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let secs = (when.timestamp() - chrono::Utc::now().timestamp()).max(0);
    Some(Duration::from_secs(secs as u64))
}

/// Upload metadata passed as query parameters.
#[derive(Debug, Clone, Default)]
pub struct UploadMeta {
    pub name: Option<String>,
    pub description: Option<String>,
    pub device_name: Option<String>,
    pub external_id: Option<String>,
    pub paired_event_id: Option<i64>,
}

/// `POST /athlete/{id}/activities` answer (201 new, 200 all duplicates).
#[derive(Debug, Clone, Deserialize)]
pub struct UploadResult {
    pub id: String,
    #[serde(default)]
    pub activities: Vec<UploadedActivity>,
    #[serde(skip)]
    pub created: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct UploadedActivity {
    pub id: String,
}

impl IntervalsClient {
    /// `pool` holds the athletes' daily counts.
    pub fn new(config: &Config, pool: DbPool) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .use_preconfigured_tls(crate::support::tls::client_config())
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(5))
            .read_timeout(Duration::from_secs(60))
            .pool_idle_timeout(Duration::from_secs(60))
            .build()?;
        Ok(IntervalsClient {
            http,
            oauth: oauth::client(config)?,
            base: config
                .intervals_base_url
                .as_str()
                .trim_end_matches('/')
                .to_owned(),
            pacer: Arc::new(Pacer::new(config.upstream_rate, BURST)),
            cache: Arc::new(ReadCache::new(
                read_cache::Settings {
                    ttl: config.cache_ttl,
                    unannounced_ttl: config.cache_unannounced_ttl,
                    max_bytes: config.cache_bytes,
                },
                pool.clone(),
                config.backend() == crate::db::Backend::Sqlite,
            )),
            usage: Arc::new(Usage::new(
                pool,
                config.athlete_daily_budget,
                config.upstream_rate,
                BURST,
            )),
            max_attempts: config.upstream_max_attempts,
            // Full jitter, capped; the wait after the n-th attempt is up to base * 2^n, so the
            // first retry already waits up to twice the base.
            backoff: RetryPolicy::exponential(
                config.upstream_retry_base.saturating_mul(2),
                BACKOFF_CAP,
            )
            .with_jitter(Jitter::Full),
        })
    }

    pub fn pacer(&self) -> &Pacer {
        &self.pacer
    }

    pub fn usage(&self) -> &Usage {
        &self.usage
    }

    pub fn cache(&self) -> &ReadCache {
        &self.cache
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Sends a request built afresh for each attempt, paced, counted against the athlete's
    /// daily budget, and retried on connection errors, 5xx and 429. Any other answer is returned
    /// as is (errors mapped).
    async fn send<F, Fut>(
        &self,
        what: &str,
        athlete: &str,
        build: F,
    ) -> Result<Response, UpstreamError>
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<RequestBuilder, UpstreamError>>,
    {
        self.send_as(what, athlete, false, build).await
    }

    /// [`send`](Self::send); with `raw`, a definite answer other than success and 401 is
    /// returned as it came (the passthrough hands it on).
    async fn send_as<F, Fut>(
        &self,
        what: &str,
        athlete: &str,
        raw: bool,
        build: F,
    ) -> Result<Response, UpstreamError>
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<RequestBuilder, UpstreamError>>,
    {
        let mut attempt = 0;
        loop {
            attempt += 1;
            self.usage.admit(athlete).await?;
            self.pacer.acquire().await;
            let last = attempt >= self.max_attempts;
            let failure = match build().await?.send().await {
                Ok(resp) if resp.status().is_success() => return Ok(resp),
                Ok(resp)
                    if raw
                        && resp.status().is_client_error()
                        && ![401, 408, 429].contains(&resp.status().as_u16()) =>
                {
                    return Ok(resp)
                }
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    if status == 408 || status == 429 || status >= 500 {
                        let after = retry_after_header(resp.headers());
                        let message = error_message(resp).await;
                        log::warn!("{what}: Intervals.icu answered {status} (attempt {attempt}): {message}");
                        let err = if status == 429 {
                            UpstreamError::RateLimited { retry_after: after }
                        } else {
                            UpstreamError::Unavailable(format!("{status} {message}"))
                        };
                        (err, after)
                    } else {
                        return Err(map_status(status, error_message(resp).await));
                    }
                }
                Err(e) => {
                    let msg = e.without_url().to_string();
                    log::warn!("{what}: request failed (attempt {attempt}): {msg}");
                    (UpstreamError::Unavailable(msg), None)
                }
            };
            let (err, after) = failure;
            if last || after.is_some_and(|a| a > MAX_INLINE_RETRY_AFTER) {
                return Err(err);
            }
            let backoff = || {
                self.backoff
                    .delay(i32::try_from(attempt).unwrap_or(i32::MAX))
            };
            tokio::time::sleep(after.unwrap_or_else(backoff)).await;
        }
    }

    /// A GET of the athlete's data through the read cache: answered from it when nothing
    /// changed, else sent (paced, counted, retried) and stored. The cache key is the path and
    /// query exactly as sent.
    #[allow(clippy::too_many_arguments)]
    async fn get_cached(
        &self,
        what: &str,
        athlete: &str,
        token: &str,
        area: Area,
        path: &str,
        query: &[(&str, String)],
        caller: &Caller<'_>,
    ) -> Result<Answer, UpstreamError> {
        let mut target = path.to_owned();
        if !query.is_empty() {
            let qs = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(query.iter().map(|(k, v)| (*k, v.as_str())))
                .finish();
            target.push('?');
            target.push_str(&qs);
        }
        self.read_through(what, athlete, token, area, &target, false, caller)
            .await
    }

    /// A GET of `target` (path and query as sent) through the read cache. With `raw`, a
    /// definite refusal comes back whole as [`UpstreamError::Answered`].
    #[allow(clippy::too_many_arguments)]
    async fn read_through(
        &self,
        what: &str,
        athlete: &str,
        token: &str,
        area: Area,
        target: &str,
        raw: bool,
        caller: &Caller<'_>,
    ) -> Result<Answer, UpstreamError> {
        let url = self.url(target);
        let key = format!("{athlete} {target}");
        let read = read_cache::Read {
            athlete,
            area,
            key: &key,
            no_cache: caller.no_cache,
            tenant: caller.tenant,
        };
        self.cache
            .get(read, || async {
                let resp = self
                    .send_as(what, athlete, raw, || async {
                        Ok(self.http.get(&url).bearer_auth(token))
                    })
                    .await?;
                let status = resp.status().as_u16();
                let content_type = content_type_of(&resp);
                let body = resp.bytes().await.map_err(|e| {
                    UpstreamError::Unavailable(format!("unreadable answer: {}", e.without_url()))
                })?;
                if status >= 300 {
                    return Err(UpstreamError::Answered {
                        status,
                        content_type,
                        body,
                    });
                }
                Ok(read_cache::Fetched { body, content_type })
            })
            .await
    }

    /// The passthrough's read: a GET of `target` (`/api/v1/...?query`, checked by the caller)
    /// through the read cache; Intervals.icu's refusals come back whole
    /// ([`UpstreamError::Answered`]).
    pub async fn pass_read(
        &self,
        token: &AccessToken,
        area: Area,
        target: &str,
        caller: &Caller<'_>,
    ) -> Result<Answer, UpstreamError> {
        self.read_through(
            "passthrough read",
            token.athlete_id(),
            token,
            area,
            target,
            true,
            caller,
        )
        .await
    }

    /// The passthrough's other calls: `method` on `target` with `body`, paced, counted and
    /// retried like any call, the answer (success or a definite refusal) returned as it came for
    /// the caller to stream. A successful write raises every area of the athlete in the read
    /// cache.
    pub async fn pass(
        &self,
        token: &AccessToken,
        method: Method,
        target: &str,
        body: Outgoing,
    ) -> Result<Response, UpstreamError> {
        let url = self.url(target);
        let write = method != Method::GET;
        let resp = self
            .send_as("passthrough", token.athlete_id(), true, || async {
                let req = self
                    .http
                    .request(method.clone(), &url)
                    .bearer_auth(&**token)
                    .timeout(Duration::from_secs(300));
                Ok(match &body {
                    Outgoing::Empty => req,
                    Outgoing::Bytes {
                        content_type,
                        bytes,
                    } => req
                        .header(reqwest::header::CONTENT_TYPE, content_type.as_str())
                        .body(bytes.clone()),
                    Outgoing::File { content_type, path } => {
                        let f = tokio::fs::File::open(path).await.map_err(|e| {
                            UpstreamError::Unavailable(format!("reading the spooled body: {e}"))
                        })?;
                        let len = f
                            .metadata()
                            .await
                            .map_err(|e| {
                                UpstreamError::Unavailable(format!("reading the spooled body: {e}"))
                            })?
                            .len();
                        req.header(reqwest::header::CONTENT_TYPE, content_type.as_str())
                            .header(reqwest::header::CONTENT_LENGTH, len)
                            .body(reqwest::Body::wrap_stream(
                                tokio_util::io::ReaderStream::new(f),
                            ))
                    }
                })
            })
            .await?;
        if write && resp.status().is_success() {
            self.cache.changed(token.athlete_id(), &Area::ALL).await;
        }
        Ok(resp)
    }

    /// A GET whose body the caller streams.
    pub async fn get_stream(
        &self,
        what: &str,
        token: &AccessToken,
        path: &str,
    ) -> Result<Response, UpstreamError> {
        let url = self.url(path);
        self.send(what, token.athlete_id(), || async {
            Ok(self.http.get(&url).bearer_auth(&**token))
        })
        .await
    }

    /// `GET /api/v1/activity/{id}[?intervals=true]`: one activity's summary (with
    /// `icu_athlete_id`), and its `icu_intervals` when asked.
    pub async fn activity(
        &self,
        token: &AccessToken,
        activity_id: &str,
        intervals: bool,
        caller: &Caller<'_>,
    ) -> Result<Answer, UpstreamError> {
        let query = if intervals {
            vec![("intervals", "true".to_owned())]
        } else {
            Vec::new()
        };
        self.get_cached(
            "activity",
            token.athlete_id(),
            token,
            Area::Activities,
            &format!("/api/v1/activity/{}", enc(activity_id)),
            &query,
            caller,
        )
        .await
    }

    /// `GET /api/v1/athlete/{id}/activities?oldest&newest&limit`.
    pub async fn list_activities(
        &self,
        token: &str,
        athlete_id: &AthleteId,
        oldest: &str,
        newest: Option<&str>,
        limit: u32,
        caller: &Caller<'_>,
    ) -> Result<Answer, UpstreamError> {
        let mut q = vec![("oldest", oldest.to_owned())];
        if let Some(n) = newest {
            q.push(("newest", n.to_owned()));
        }
        q.push(("limit", limit.to_string()));
        self.get_cached(
            "list activities",
            athlete_id,
            token,
            Area::Activities,
            &format!("/api/v1/athlete/{}/activities", enc(athlete_id)),
            &q,
            caller,
        )
        .await
    }

    /// `POST /api/v1/athlete/{id}/activities`: multipart `file`, metadata as query parameters.
    /// The file is streamed from disk for every attempt, so a retry resends the same bytes.
    pub async fn upload_activity(
        &self,
        token: &str,
        athlete_id: &AthleteId,
        file: &Path,
        filename: &str,
        meta: &UploadMeta,
    ) -> Result<UploadResult, UpstreamError> {
        let url = self.url(&format!("/api/v1/athlete/{}/activities", enc(athlete_id)));
        let mut q: Vec<(&str, String)> = Vec::new();
        for (k, v) in [
            ("name", &meta.name),
            ("description", &meta.description),
            ("device_name", &meta.device_name),
            ("external_id", &meta.external_id),
        ] {
            if let Some(v) = v {
                q.push((k, v.clone()));
            }
        }
        if let Some(id) = meta.paired_event_id {
            q.push(("paired_event_id", id.to_string()));
        }
        let resp = self
            .send("upload activity", athlete_id, || async {
                let f = tokio::fs::File::open(file).await.map_err(|e| {
                    UpstreamError::Unavailable(format!("reading the spooled upload: {e}"))
                })?;
                let len = f
                    .metadata()
                    .await
                    .map_err(|e| {
                        UpstreamError::Unavailable(format!("reading the spooled upload: {e}"))
                    })?
                    .len();
                let body = reqwest::Body::wrap_stream(tokio_util::io::ReaderStream::new(f));
                let part = reqwest::multipart::Part::stream_with_length(body, len)
                    .file_name(filename.to_owned())
                    .mime_str("application/octet-stream")
                    .map_err(|e| UpstreamError::Unavailable(e.to_string()))?;
                let form = reqwest::multipart::Form::new().part("file", part);
                Ok(self
                    .http
                    .request(Method::POST, &url)
                    .bearer_auth(token)
                    .query(&q)
                    .timeout(Duration::from_secs(300))
                    .multipart(form))
            })
            .await?;
        let created = resp.status() == reqwest::StatusCode::CREATED;
        let mut result: UploadResult = resp.json().await.map_err(|e| {
            UpstreamError::Unavailable(format!("unreadable upload answer: {}", e.without_url()))
        })?;
        result.created = created;
        self.cache
            .changed(athlete_id, &[Area::Activities, Area::Wellness])
            .await;
        if result.activities.is_empty() {
            result.activities.push(UploadedActivity {
                id: result.id.clone(),
            });
        }
        Ok(result)
    }

    /// `GET /api/v1/athlete/{id}/events?category=WORKOUT&resolve=true[&ext=]`.
    pub async fn workouts(
        &self,
        token: &str,
        athlete_id: &AthleteId,
        oldest: Option<&str>,
        newest: Option<&str>,
        ext: Option<&str>,
        caller: &Caller<'_>,
    ) -> Result<Answer, UpstreamError> {
        let mut q = vec![
            ("category", "WORKOUT".to_owned()),
            ("resolve", "true".to_owned()),
        ];
        if let Some(o) = oldest {
            q.push(("oldest", o.to_owned()));
        }
        if let Some(n) = newest {
            q.push(("newest", n.to_owned()));
        }
        if let Some(e) = ext {
            q.push(("ext", e.to_owned()));
        }
        self.get_cached(
            "list workouts",
            athlete_id,
            token,
            Area::Calendar,
            &format!("/api/v1/athlete/{}/events", enc(athlete_id)),
            &q,
            caller,
        )
        .await
    }

    /// `POST /api/v1/athlete/{id}/events/bulk?upsert=true&upsertOnUid=false&updatePlanApplied=false`:
    /// creates the events, or replaces the ones this OAuth app wrote with the same `external_id`.
    /// Answers the events as stored.
    pub async fn upsert_events(
        &self,
        token: &str,
        athlete_id: &AthleteId,
        events: &Value,
    ) -> Result<Value, UpstreamError> {
        let url = self.url(&format!("/api/v1/athlete/{}/events/bulk", enc(athlete_id)));
        let q = [
            ("upsert", "true"),
            ("upsertOnUid", "false"),
            ("updatePlanApplied", "false"),
        ];
        let resp = self
            .send("write planned workouts", athlete_id, || async {
                Ok(self
                    .http
                    .post(&url)
                    .bearer_auth(token)
                    .query(&q)
                    .json(events))
            })
            .await?;
        self.cache.changed(athlete_id, &[Area::Calendar]).await;
        read_json(resp).await
    }

    /// `PUT /api/v1/athlete/{id}/events/bulk-delete` with `[{"external_id"}]`: deletes this OAuth
    /// app's events with those ids (unknown ones are ignored); answers how many went.
    pub async fn delete_events(
        &self,
        token: &str,
        athlete_id: &AthleteId,
        external_ids: &[String],
    ) -> Result<u64, UpstreamError> {
        let url = self.url(&format!(
            "/api/v1/athlete/{}/events/bulk-delete",
            enc(athlete_id)
        ));
        let doomed: Vec<Value> = external_ids
            .iter()
            .map(|e| serde_json::json!({ "external_id": e }))
            .collect();
        let resp = self
            .send("delete planned workouts", athlete_id, || async {
                Ok(self.http.put(&url).bearer_auth(token).json(&doomed))
            })
            .await?;
        self.cache.changed(athlete_id, &[Area::Calendar]).await;
        let answer = read_json(resp).await?;
        Ok(answer
            .get("eventsDeleted")
            .and_then(Value::as_u64)
            .unwrap_or(0))
    }

    /// `GET /api/v1/athlete/{id}/sport-settings`: one object per group of sports.
    pub async fn sport_settings(
        &self,
        token: &str,
        athlete_id: &AthleteId,
        caller: &Caller<'_>,
    ) -> Result<Answer, UpstreamError> {
        self.get_cached(
            "sport settings",
            athlete_id,
            token,
            Area::Settings,
            &format!("/api/v1/athlete/{}/sport-settings", enc(athlete_id)),
            &[],
            caller,
        )
        .await
    }

    /// `DELETE /api/v1/activity/{id}`.
    pub async fn delete_activity(
        &self,
        token: &AccessToken,
        activity_id: &str,
    ) -> Result<(), UpstreamError> {
        let url = self.url(&format!("/api/v1/activity/{}", enc(activity_id)));
        self.send("delete activity", token.athlete_id(), || async {
            Ok(self.http.delete(&url).bearer_auth(&**token))
        })
        .await?;
        self.cache
            .changed(token.athlete_id(), &[Area::Activities, Area::Wellness])
            .await;
        Ok(())
    }

    /// `PUT /api/v1/athlete/{id}/wellness-bulk`.
    pub async fn put_wellness_bulk(
        &self,
        token: &str,
        athlete_id: &AthleteId,
        records: &Value,
    ) -> Result<(), UpstreamError> {
        let url = self.url(&format!(
            "/api/v1/athlete/{}/wellness-bulk",
            enc(athlete_id)
        ));
        self.send("push wellness", athlete_id, || async {
            Ok(self.http.put(&url).bearer_auth(token).json(records))
        })
        .await?;
        self.cache.changed(athlete_id, &[Area::Wellness]).await;
        Ok(())
    }

    /// `GET /api/v1/athlete/{id}/wellness?oldest&newest`.
    pub async fn wellness(
        &self,
        token: &str,
        athlete_id: &AthleteId,
        oldest: &str,
        newest: &str,
        caller: &Caller<'_>,
    ) -> Result<Answer, UpstreamError> {
        self.get_cached(
            "read wellness",
            athlete_id,
            token,
            Area::Wellness,
            &format!("/api/v1/athlete/{}/wellness", enc(athlete_id)),
            &[("oldest", oldest.to_owned()), ("newest", newest.to_owned())],
            caller,
        )
        .await
    }

    /// `DELETE /api/v1/disconnect-app`. A 401 means the token was already dead: done.
    pub async fn disconnect_app(&self, token: &AccessToken) -> Result<(), UpstreamError> {
        let url = self.url("/api/v1/disconnect-app");
        match self
            .send("disconnect", token.athlete_id(), || async {
                Ok(self.http.delete(&url).bearer_auth(&**token))
            })
            .await
        {
            Ok(_) | Err(UpstreamError::Unauthorized) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// A passthrough request's body: none, small (JSON, rewritten), or spooled to disk so a retry
/// resends the same bytes without holding them in memory.
#[derive(Debug, Clone)]
pub enum Outgoing {
    Empty,
    Bytes {
        content_type: String,
        bytes: bytes::Bytes,
    },
    File {
        content_type: String,
        path: std::path::PathBuf,
    },
}

fn content_type_of(resp: &Response) -> String {
    resp.headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or(read_cache::JSON)
        .to_owned()
}

/// What stays as it is in a path segment: RFC 3986's unreserved characters.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes one path segment (a space becomes `%20`, a slash `%2F`).
pub fn enc(segment: &str) -> String {
    percent_encoding::utf8_percent_encode(segment, SEGMENT).to_string()
}

async fn read_json(resp: Response) -> Result<Value, UpstreamError> {
    resp.json()
        .await
        .map_err(|e| UpstreamError::Unavailable(format!("unreadable answer: {}", e.without_url())))
}

async fn error_message(resp: Response) -> String {
    let status = resp.status();
    let text = resp.text().await.unwrap_or_default();
    serde_json::from_str::<UpstreamErrorBody>(&text)
        .ok()
        .and_then(|b| b.error)
        .or_else(|| {
            let t = text.trim();
            (!t.is_empty() && t.len() < 300 && !t.starts_with('<')).then(|| t.to_owned())
        })
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("error").to_owned())
}

fn map_status(status: u16, message: String) -> UpstreamError {
    match status {
        401 => UpstreamError::Unauthorized,
        403 => UpstreamError::Forbidden(message),
        404 => UpstreamError::NotFound(message),
        422 => UpstreamError::Rejected(message),
        _ => UpstreamError::Other { status, message },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn path_segments_are_percent_encoded() {
        assert_eq!(super::enc("i317960"), "i317960");
        assert_eq!(super::enc("a b/c?d"), "a%20b%2Fc%3Fd");
        assert_eq!(super::enc("t-1.x_y~z"), "t-1.x_y~z");
    }
}
