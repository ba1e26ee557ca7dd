//! Test harness: a real bridge and a real sandbox on port 0, over a fresh SQLite file or a fresh
//! PostgreSQL database (`BRIDGE_TEST_DATABASE=postgres`), talking HTTP.

pub mod files;
pub mod receiver;

use std::collections::HashMap;
use std::net::TcpListener;
use std::sync::Arc;

use diesel::{Connection, PgConnection, RunQueryDsl};
use intervals_bridge::app;
use intervals_bridge::domain::tenants::{self, CreatedTenant, TenantOptions, UrlPolicy};
use intervals_bridge::services::state::AppState;
use intervals_bridge::support::config::Config;
use intervals_bridge::support::crypto::Keyring;
use intervals_sandbox::{Sandbox, SandboxClient};
use serde_json::Value;

pub const CLIENT_ID: &str = "1002";
pub const CLIENT_SECRET: &str = "bridge-test-secret";
pub const PARTNER_REDIRECT: &str = "https://partner.example/intervals/done";

/// Admin URL for creating per-test databases.
fn pg_admin_url() -> String {
    std::env::var("BRIDGE_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub fn using_postgres() -> bool {
    std::env::var("BRIDGE_TEST_DATABASE")
        .map(|v| v == "postgres")
        .unwrap_or(false)
}

/// A database of its own for one test, dropped afterwards.
pub struct TestDb {
    pub url: String,
    dir: Option<tempfile::TempDir>,
    pg_name: Option<String>,
}

impl TestDb {
    pub fn new() -> TestDb {
        if using_postgres() {
            let name = format!("bridge_test_{}", uuid::Uuid::new_v4().simple());
            let mut admin =
                PgConnection::establish(&pg_admin_url()).expect("PostgreSQL reachable for tests");
            diesel::sql_query(format!("CREATE DATABASE {name}"))
                .execute(&mut admin)
                .unwrap();
            let mut url = url::Url::parse(&pg_admin_url()).unwrap();
            url.set_path(&format!("/{name}"));
            TestDb {
                url: url.to_string(),
                dir: None,
                pg_name: Some(name),
            }
        } else {
            let dir = tempfile::tempdir().unwrap();
            TestDb {
                url: format!("sqlite://{}/bridge.db", dir.path().display()),
                dir: Some(dir),
                pg_name: None,
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(name) = &self.pg_name {
            if let Ok(mut admin) = PgConnection::establish(&pg_admin_url()) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut admin);
            }
        }
    }
}

pub struct TestApp {
    pub base: String,
    pub sandbox_url: String,
    pub sandbox: Sandbox,
    pub state: Arc<AppState>,
    pub tenant: CreatedTenant,
    pub api: reqwest::Client,
    pub db: Arc<TestDb>,
    pub keys_spec: String,
    server: actix_web::dev::ServerHandle,
    background: Option<app::Background>,
    sandbox_server: Option<actix_web::dev::ServerHandle>,
}

#[derive(Default)]
pub struct Options {
    /// Do not start job workers and the nightly scheduler.
    pub no_background: bool,
    /// Extra environment for the bridge's configuration.
    pub env: Vec<(&'static str, String)>,
    pub keys_spec: Option<String>,
    pub db: Option<Arc<TestDb>>,
    pub sandbox: Option<(Sandbox, String)>,
}

/// Idle connections are dropped well before the servers' 5-second keep-alive closes them, so a
/// request never goes out on a connection the server is closing at that moment.
const POOL_IDLE: std::time::Duration = std::time::Duration::from_secs(2);

pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_idle_timeout(POOL_IDLE)
        .build()
        .unwrap()
}

/// A browser stand-in: keeps cookies, never follows redirects (the test follows them).
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_idle_timeout(POOL_IDLE)
        .cookie_store(true)
        .build()
        .unwrap()
}

pub async fn start_sandbox() -> (Sandbox, String, actix_web::dev::ServerHandle) {
    let sandbox = Sandbox::new();
    sandbox.register_client(SandboxClient {
        client_id: CLIENT_ID.into(),
        client_secret: CLIENT_SECRET.into(),
        name: "Bridge test app".into(),
    });
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let server = sandbox.server(listener).unwrap();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    (sandbox, url, handle)
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(Options::default()).await
    }

    pub async fn spawn_with(opts: Options) -> TestApp {
        let (sandbox, sandbox_url, sandbox_server) = match opts.sandbox {
            Some((sb, url)) => (sb, url, None),
            None => {
                let (sb, url, h) = start_sandbox().await;
                (sb, url, Some(h))
            }
        };
        let db = opts.db.unwrap_or_else(|| Arc::new(TestDb::new()));
        let keys_spec = opts
            .keys_spec
            .unwrap_or_else(|| Keyring::generate_spec("k1"));
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let mut vars: HashMap<&str, String> = HashMap::from([
            ("BRIDGE_DATABASE_URL", db.url.clone()),
            ("BRIDGE_LISTEN", listener.local_addr().unwrap().to_string()),
            ("BRIDGE_PUBLIC_URL", base.clone()),
            ("BRIDGE_ENCRYPTION_KEYS", keys_spec.clone()),
            ("INTERVALS_BASE_URL", sandbox_url.clone()),
            ("INTERVALS_CLIENT_ID", CLIENT_ID.into()),
            ("INTERVALS_CLIENT_SECRET", CLIENT_SECRET.into()),
            ("INTERVALS_WEBHOOK_SECRET", "upstream-webhook-secret".into()),
            // Fast retries keep fault-injection tests quick and their odds of exhausting retries tiny.
            ("INTERVALS_RETRY_BASE_MS", "5".into()),
            ("INTERVALS_MAX_ATTEMPTS", "12".into()),
            ("BRIDGE_JOB_POLL_MS", "50".into()),
            ("BRIDGE_WEBHOOK_RETRY_SCALE", "0.0002".into()),
            ("BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS", "true".into()),
        ]);
        vars.extend(opts.env);
        let config = Config::from_lookup(
            |k| vars.get(k).cloned(),
            intervals_bridge::support::config::Mode::Serve,
        )
        .unwrap();
        let state = actix_web::web::block(move || AppState::init(config))
            .await
            .unwrap()
            .unwrap();
        let server = app::server(state.clone(), listener, None).unwrap();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        let background = (!opts.no_background).then(|| app::start_background(state.clone()));
        let tenant = {
            let state = state.clone();
            actix_web::web::block(move || {
                let mut conn = state.pool.get().unwrap();
                // Names are unique: a bridge started again on the same database gets another.
                let name = match tenants::find_by_name(&mut conn, "Partner A").unwrap() {
                    None => "Partner A".to_owned(),
                    Some(_) => format!(
                        "Partner A {}",
                        &uuid::Uuid::new_v4().simple().to_string()[..8]
                    ),
                };
                tenants::create(
                    &mut conn,
                    &state.keys,
                    UrlPolicy::of(&state.config),
                    TenantOptions {
                        name: Some(name),
                        redirect_urls: Some(vec![PARTNER_REDIRECT.into()]),
                        ..Default::default()
                    },
                )
                .unwrap()
            })
            .await
            .unwrap()
        };
        TestApp {
            base,
            sandbox_url,
            sandbox,
            state,
            tenant,
            api: http_client(),
            db,
            keys_spec,
            server: handle,
            background,
            sandbox_server,
        }
    }

    /// Stops the bridge and its background work (not the sandbox, not the database).
    pub async fn stop(&mut self) {
        self.server.stop(true).await;
        if let Some(bg) = self.background.take() {
            bg.shutdown().await;
        }
    }

    pub async fn create_tenant(&self, name: &str, redirect_urls: &[&str]) -> CreatedTenant {
        let state = self.state.clone();
        let opts = TenantOptions {
            name: Some(name.into()),
            redirect_urls: Some(redirect_urls.iter().map(|s| s.to_string()).collect()),
            ..Default::default()
        };
        actix_web::web::block(move || {
            let mut conn = state.pool.get().unwrap();
            tenants::create(&mut conn, &state.keys, UrlPolicy::of(&state.config), opts).unwrap()
        })
        .await
        .unwrap()
    }

    /// Points the tenant's webhooks at `url`, a local receiver even where this bridge refuses
    /// private addresses: such a URL (or a name that resolves to one) must still be refused
    /// when a delivery is sent.
    pub async fn set_webhook(&self, tenant_id: &str, url: &str) {
        let state = self.state.clone();
        let (id, url) = (tenant_id.to_owned(), url.to_owned());
        actix_web::web::block(move || {
            let mut conn = state.pool.get().unwrap();
            tenants::update(
                &mut conn,
                &intervals_bridge::db::types::TenantId::new(id.clone()),
                UrlPolicy::AllowPrivate,
                TenantOptions {
                    webhook_url: Some(url),
                    ..Default::default()
                },
            )
            .unwrap();
        })
        .await
        .unwrap();
    }

    /// Configures the sandbox to send Intervals.icu webhooks to this bridge.
    pub async fn sandbox_webhooks_to_bridge(&self, extra: Value) {
        let mut body = serde_json::json!({
            "client_id": CLIENT_ID,
            "url": self.url("/webhooks/intervals"),
            "secret": "upstream-webhook-secret",
            "batch_window_ms": 50,
        });
        if let (Value::Object(b), Value::Object(e)) = (&mut body, extra) {
            b.extend(e);
        }
        self.sandbox_post("/_sandbox/webhooks", body).await;
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, key: &str, path: &str) -> reqwest::Response {
        self.api
            .get(self.url(path))
            .bearer_auth(key)
            .send()
            .await
            .unwrap()
    }

    pub async fn delete(&self, key: &str, path: &str) -> reqwest::Response {
        self.api
            .delete(self.url(path))
            .bearer_auth(key)
            .send()
            .await
            .unwrap()
    }

    pub async fn post_json(&self, key: &str, path: &str, body: Value) -> reqwest::Response {
        self.api
            .post(self.url(path))
            .bearer_auth(key)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// `POST /v1/connect-sessions` that must succeed; returns the connect URL.
    pub async fn connect_url(&self, key: &str, body: Value) -> String {
        let resp = self.post_json(key, "/v1/connect-sessions", body).await;
        assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
        let v: Value = resp.json().await.unwrap();
        v["connect_url"].as_str().unwrap().to_owned()
    }

    pub async fn sandbox_tokens(&self) -> Vec<Value> {
        http_client()
            .get(format!("{}/_sandbox/tokens", self.sandbox_url))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// The athlete's active access token as the sandbox holds it (to act on Intervals.icu
    /// directly, without the bridge).
    pub async fn athlete_token(&self, athlete: &str) -> String {
        self.sandbox_tokens()
            .await
            .into_iter()
            .find(|t| t["athlete_id"] == athlete && t["status"] == "active")
            .unwrap_or_else(|| panic!("an active token of {athlete}"))["access_token"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub async fn sandbox_post(&self, path: &str, body: Value) {
        let resp = http_client()
            .post(format!("{}{path}", self.sandbox_url))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(
            resp.status().is_success(),
            "sandbox {path}: {}",
            resp.status()
        );
    }

    pub async fn exec_sandbox_delete(&self, path: &str) {
        let resp = http_client()
            .delete(format!("{}{path}", self.sandbox_url))
            .send()
            .await
            .unwrap();
        assert!(
            resp.status().is_success(),
            "sandbox DELETE {path}: {}",
            resp.status()
        );
    }

    /// Runs SQL on the test database and returns every text cell of every row as one string.
    pub async fn dump_table(&self, table: &'static str) -> String {
        let state = self.state.clone();
        actix_web::web::block(move || {
            use diesel::sql_types::Text;
            #[derive(diesel::QueryableByName)]
            struct Row {
                #[diesel(sql_type = Text)]
                v: String,
            }
            let mut conn = state.pool.get().unwrap();
            let sql = match &mut *conn {
                intervals_bridge::db::DbConn::Postgresql(_) => {
                    format!("SELECT CAST(t.* AS TEXT) AS v FROM {table} t")
                }
                intervals_bridge::db::DbConn::Sqlite(_) => {
                    // SQLite has no row-to-text cast: concatenate the columns.
                    let cols = column_names(&mut conn, table);
                    format!(
                        "SELECT {} AS v FROM {table}",
                        cols.iter()
                            .map(|c| format!("COALESCE(CAST({c} AS TEXT),'')"))
                            .collect::<Vec<_>>()
                            .join(" || '|' || ")
                    )
                }
            };
            let rows: Vec<Row> = diesel::sql_query(sql).load(&mut *conn).unwrap();
            rows.into_iter().map(|r| r.v).collect::<Vec<_>>().join("\n")
        })
        .await
        .unwrap()
    }

    /// A one-column query (`... AS v`) on the test database.
    pub async fn strings(&self, sql: &str) -> Vec<String> {
        let state = self.state.clone();
        let sql = sql.to_owned();
        actix_web::web::block(move || {
            #[derive(diesel::QueryableByName)]
            struct Row {
                #[diesel(sql_type = diesel::sql_types::Text)]
                v: String,
            }
            let mut conn = state.pool.get().unwrap();
            let rows: Vec<Row> = diesel::sql_query(sql).load(&mut *conn).unwrap();
            rows.into_iter().map(|r| r.v).collect()
        })
        .await
        .unwrap()
    }

    /// Runs one statement against the test database.
    pub async fn exec(&self, sql: String) {
        let state = self.state.clone();
        actix_web::web::block(move || {
            let mut conn = state.pool.get().unwrap();
            diesel::sql_query(sql).execute(&mut *conn).unwrap();
        })
        .await
        .unwrap()
    }
}

fn column_names(conn: &mut intervals_bridge::db::DbConn, table: &str) -> Vec<String> {
    use diesel::sql_types::Text;
    #[derive(diesel::QueryableByName)]
    struct Col {
        #[diesel(sql_type = Text)]
        name: String,
    }
    let cols: Vec<Col> =
        diesel::sql_query(format!("SELECT name FROM pragma_table_info('{table}')"))
            .load(conn)
            .unwrap();
    cols.into_iter().map(|c| c.name).collect()
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let h = self.server.clone();
        drop(h.stop(false));
        if let Some(h) = &self.sandbox_server {
            drop(h.stop(false));
        }
    }
}

pub fn location(resp: &reqwest::Response) -> String {
    resp.headers()
        .get("location")
        .unwrap_or_else(|| panic!("no Location header on {}", resp.status()))
        .to_str()
        .unwrap()
        .to_owned()
}

pub fn query_of(url: &str) -> HashMap<String, String> {
    url::Url::parse(url)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

/// How the simulated athlete answers on the sandbox consent page.
pub enum Answer<'a> {
    /// Grant everything asked, as this athlete.
    Approve(&'a str),
    /// Grant only these scopes.
    Grant(&'a str, &'a [&'a str]),
    Decline,
}

/// A form POST as a browser sends it from our own page: with `Origin` set to the page's origin.
pub fn form_post(browser: &reqwest::Client, url: &str) -> reqwest::RequestBuilder {
    let origin = url::Url::parse(url).unwrap().origin().ascii_serialization();
    browser.post(url).header("origin", origin)
}

/// Walks the browser from the connect link to the sandbox consent page; returns the browser and
/// the sandbox authorize URL.
pub async fn open_consent(connect_url: &str) -> (reqwest::Client, String) {
    let browser = browser();
    let page = browser.get(connect_url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let resp = form_post(&browser, connect_url)
        .form(&[("action", "continue")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303, "{}", resp.text().await.unwrap());
    let authorize = location(&resp);
    (browser, authorize)
}

/// Answers the sandbox consent page; returns the callback URL it redirects to.
pub async fn answer_consent(
    browser: &reqwest::Client,
    authorize_url: &str,
    answer: Answer<'_>,
) -> String {
    let page = browser.get(authorize_url).send().await.unwrap();
    assert_eq!(page.status(), 200, "{}", page.text().await.unwrap());
    let q = query_of(authorize_url);
    let mut form: Vec<(String, String)> = vec![
        ("client_id".into(), q["client_id"].clone()),
        ("redirect_uri".into(), q["redirect_uri"].clone()),
        ("state".into(), q["state"].clone()),
        ("scope".into(), q["scope"].clone()),
    ];
    match answer {
        Answer::Approve(athlete) => {
            form.push(("athlete".into(), athlete.into()));
            for s in q["scope"].split(',') {
                form.push(("grant".into(), s.into()));
            }
            form.push(("action".into(), "approve".into()));
        }
        Answer::Grant(athlete, scopes) => {
            form.push(("athlete".into(), athlete.into()));
            for s in scopes {
                form.push(("grant".into(), s.to_string()));
            }
            form.push(("action".into(), "approve".into()));
        }
        Answer::Decline => form.push(("action".into(), "decline".into())),
    }
    let action = url::Url::parse(authorize_url).unwrap();
    let resp = browser
        .post(format!(
            "{}{}",
            action.origin().ascii_serialization(),
            action.path()
        ))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 302, "{}", resp.text().await.unwrap());
    location(&resp)
}

/// The whole flow; returns the final response of the callback.
pub async fn connect(
    app: &TestApp,
    key: &str,
    user_id: &str,
    answer: Answer<'_>,
) -> reqwest::Response {
    let url = app
        .connect_url(
            key,
            serde_json::json!({"user_id": user_id, "redirect_url": PARTNER_REDIRECT}),
        )
        .await;
    let (browser, authorize) = open_consent(&url).await;
    let callback = answer_consent(&browser, &authorize, answer).await;
    browser.get(callback).send().await.unwrap()
}

/// The full flow that must end connected.
pub async fn connect_ok(app: &TestApp, key: &str, user_id: &str, athlete: &str) {
    let resp = connect(app, key, user_id, Answer::Approve(athlete)).await;
    assert_eq!(resp.status(), 303);
    let q = query_of(&location(&resp));
    assert_eq!(
        q.get("status").map(String::as_str),
        Some("connected"),
        "{q:?}"
    );
}

/// The full flow for `scopes`, granted in full, that must end connected.
pub async fn connect_scopes(
    app: &TestApp,
    key: &str,
    user_id: &str,
    athlete: &str,
    scopes: &[&str],
) {
    let url = app
        .connect_url(
            key,
            serde_json::json!({"user_id": user_id, "redirect_url": PARTNER_REDIRECT, "scopes": scopes}),
        )
        .await;
    let (browser, authorize) = open_consent(&url).await;
    let callback = answer_consent(&browser, &authorize, Answer::Approve(athlete)).await;
    let resp = browser.get(callback).send().await.unwrap();
    assert_eq!(resp.status(), 303);
    let q = query_of(&location(&resp));
    assert_eq!(
        q.get("status").map(String::as_str),
        Some("connected"),
        "{q:?}"
    );
}

/// A GET of the sandbox (its controls or its API), as JSON.
pub async fn sandbox_json(app: &TestApp, path: &str) -> Value {
    http_client()
        .get(format!("{}{path}", app.sandbox_url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Waits until `cond` holds (polling), failing after `secs`.
pub async fn eventually<F, Fut>(secs: u64, what: &str, mut cond: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = std::time::Instant::now();
    while !cond().await {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(secs),
            "timed out waiting for {what}"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// This bridge's `/metrics` text.
pub async fn metrics(app: &TestApp) -> String {
    http_client()
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// One unlabelled value of a `/metrics` text.
pub fn metric(text: &str, name: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} ")))
        .and_then(|v| v.trim().parse().ok())
}
