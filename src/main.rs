//! The `intervals-bridge` binary: the command line. Each subcommand parses its arguments and
//! calls into the library; `push-wellness` also drives the queue's workers in the foreground.

use std::io::Write;
use std::net::TcpListener;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use intervals_bridge::app;
use intervals_bridge::domain::tenants::{self, TenantOptions, UrlPolicy};
use intervals_bridge::services::state::AppState;
use intervals_bridge::support::config::{Config, Mode};
use intervals_bridge::support::validation::{self, escape_unprintable_json as escape_json};
use intervals_sandbox::{Sandbox, SandboxClient};

#[derive(Parser)]
#[command(
    name = "intervals-bridge",
    version,
    about = "Connect partner apps to Intervals.icu"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate, then serve HTTP and run background work.
    Serve {
        /// Also run the built-in Intervals.icu sandbox in-process and point the bridge at it
        /// (refused with a real app's INTERVALS_* settings, and off loopback).
        #[arg(long)]
        sandbox: bool,
        /// With --sandbox, allow listening on a non-loopback address (the sandbox's control
        /// endpoints need no authentication).
        #[arg(long, requires = "sandbox")]
        sandbox_public: bool,
    },
    /// Apply pending migrations and exit.
    Migrate,
    /// Print the partner API's OpenAPI document (what `GET /openapi.json` serves) and exit; the
    /// clients under `clients/` are generated from it. Needs no configuration or database.
    Openapi,
    /// Manage tenants (partner apps).
    #[command(subcommand)]
    Tenant(TenantCommand),
    /// Run the wellness push in this process: claims today's slot first (so a scheduler calling
    /// it, and the instances' own schedulers, push once); with --now, pushes everything pending
    /// regardless of the slot.
    PushWellness {
        #[arg(long)]
        now: bool,
    },
    /// Re-encrypt every stored secret under the first key of BRIDGE_ENCRYPTION_KEYS (after a
    /// rotation), in batches; idempotent. Afterwards the older keys can be removed.
    Reencrypt,
    /// Run only the Intervals.icu sandbox.
    Sandbox {
        #[arg(long, default_value = "127.0.0.1:8090")]
        listen: String,
        /// Register an OAuth app: CLIENT_ID:CLIENT_SECRET (repeatable).
        #[arg(long = "client")]
        clients: Vec<String>,
    },
}

#[derive(Args)]
struct TenantFields {
    /// Where tenant webhooks go.
    #[arg(long)]
    webhook_url: Option<String>,
    /// A URL the connect flow may send browsers back to (repeatable).
    #[arg(long = "redirect-url")]
    redirect_urls: Vec<String>,
    /// The partner's activity page, with `{external_id}`.
    #[arg(long)]
    activity_url_template: Option<String>,
    /// Event types to deliver, comma-separated: exact types or `prefix.*` (e.g.
    /// `activity.*,connection.revoked`); empty for every type.
    #[arg(long, value_name = "TYPES")]
    webhook_events: Option<String>,
}

impl TenantFields {
    /// `--webhook-events` as a list (`''` is the empty list: every type).
    fn webhook_events(&self) -> Option<Vec<String>> {
        self.webhook_events.as_deref().map(|list| {
            list.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        })
    }
}

#[derive(Subcommand)]
enum TenantCommand {
    /// Create a tenant; prints its id, API key and webhook signing secret once.
    Create {
        #[arg(long)]
        name: String,
        #[command(flatten)]
        fields: TenantFields,
        /// Print one JSON object {"id","api_key","webhook_secret"}.
        #[arg(long)]
        json: bool,
    },
    /// List tenants (never their secrets).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Change a tenant's name, URLs, template or event filter (an empty value clears a URL or
    /// the filter).
    Update {
        id: String,
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        fields: TenantFields,
    },
    /// Issue a new API key; the old one keeps working for 24 hours.
    RotateKey { id: String },
    /// Issue a new webhook signing secret; for 24 hours deliveries carry both signatures.
    RotateWebhookSecret { id: String },
}

fn main() {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve {
            sandbox,
            sandbox_public,
        } => serve(if sandbox {
            Mode::Sandbox {
                public: sandbox_public,
            }
        } else {
            Mode::Serve
        }),
        Command::Migrate => {
            AppState::init(Config::from_env(Mode::DatabaseOnly)?)?;
            println!("migrations applied");
            Ok(())
        }
        Command::Tenant(cmd) => tenant(cmd),
        Command::Openapi => {
            let doc = app::openapi_document();
            writeln!(
                std::io::stdout().lock(),
                "{}",
                serde_json::to_string_pretty(&doc)?
            )?;
            Ok(())
        }
        Command::Sandbox { listen, clients } => run_sandbox(&listen, &clients),
        Command::PushWellness { now } => push_wellness(now),
        Command::Reencrypt => reencrypt(),
    }
}

/// Commands that only touch the database do not need the OAuth app settings.
fn db_state() -> anyhow::Result<std::sync::Arc<AppState>> {
    AppState::init(Config::from_env(Mode::DatabaseOnly)?)
}

fn reencrypt() -> anyhow::Result<()> {
    use intervals_bridge::domain::lifecycle::reencrypt;
    let state = db_state()?;
    let mut conn = state.pool.get()?;
    let report = reencrypt::run(&mut conn, &state.keys, reencrypt::BATCH)?;
    println!("{report}");
    report.check()
}

fn tenant(cmd: TenantCommand) -> anyhow::Result<()> {
    let state = db_state()?;
    let policy = UrlPolicy::of(&state.config);
    let mut conn = state.pool.get()?;
    let out = std::io::stdout();
    let mut out = out.lock();
    match cmd {
        TenantCommand::Create { name, fields, json } => {
            let created = tenants::create(
                &mut conn,
                &state.keys,
                policy,
                TenantOptions {
                    name: Some(name),
                    webhook_events: fields.webhook_events(),
                    webhook_url: fields.webhook_url,
                    redirect_urls: Some(fields.redirect_urls),
                    activity_url_template: fields.activity_url_template,
                },
            )?;
            if json {
                writeln!(out, "{}", serde_json::to_string(&created)?)?;
            } else {
                writeln!(out, "tenant id:      {}", created.id)?;
                writeln!(out, "API key:        {}", created.api_key)?;
                writeln!(out, "webhook secret: {}", created.webhook_secret)?;
                writeln!(out, "Store both secrets now: they are not shown again.")?;
            }
        }
        TenantCommand::List { json } => {
            let list = tenants::list(&mut conn)?;
            if json {
                writeln!(
                    out,
                    "{}",
                    escape_json(&serde_json::to_string_pretty(&list)?)
                )?;
            } else {
                for t in list {
                    let line = format!(
                        "{}  {}  key {}…  webhook {}  events [{}]  redirects [{}]",
                        t.id,
                        t.name,
                        t.api_key_prefix,
                        t.webhook_url.as_deref().unwrap_or("-"),
                        if t.webhook_events.is_empty() {
                            "all".to_owned()
                        } else {
                            t.webhook_events.join(", ")
                        },
                        t.redirect_urls.join(", ")
                    );
                    // Stored values never reach the terminal raw: no escape sequences, no
                    // right-to-left overrides.
                    writeln!(out, "{}", validation::escape_unprintable(&line))?;
                }
            }
        }
        TenantCommand::Update { id, name, fields } => {
            let updated = tenants::update(
                &mut conn,
                &id.into(),
                policy,
                TenantOptions {
                    name,
                    webhook_events: fields.webhook_events(),
                    webhook_url: fields.webhook_url,
                    redirect_urls: (!fields.redirect_urls.is_empty())
                        .then_some(fields.redirect_urls),
                    activity_url_template: fields.activity_url_template,
                },
            )?;
            writeln!(
                out,
                "{}",
                escape_json(&serde_json::to_string_pretty(&updated)?)
            )?;
        }
        TenantCommand::RotateWebhookSecret { id } => {
            let secret = tenants::rotate_webhook_secret(&mut conn, &state.keys, &id.into())?;
            writeln!(
                out,
                "new webhook secret: {secret}\nFor 24 hours deliveries are signed with both the old and the new secret. Store this one now: it is not shown again."
            )?;
        }
        TenantCommand::RotateKey { id } => {
            let key = tenants::rotate_key(&mut conn, &id.into())?;
            writeln!(out, "new API key: {key}\nThe old key no longer works. Store this one now: it is not shown again.")?;
        }
    }
    Ok(())
}

#[actix_web::main]
async fn serve(mode: Mode) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let sandbox = matches!(mode, Mode::Sandbox { .. });
    let config = Config::from_env(mode)?;
    let listener = TcpListener::bind(&config.listen)
        .with_context(|| format!("BRIDGE_LISTEN: cannot bind {}", config.listen))?;
    let sb = sandbox.then(|| {
        let sb = Sandbox::new();
        sb.register_client(SandboxClient {
            client_id: config.client_id.clone(),
            client_secret: config.client_secret.clone(),
            name: "intervals-bridge (sandbox)".into(),
        });
        // The sandbox's webhooks come back to this bridge, as Intervals.icu's would.
        sb.set_webhook(
            &config.client_id,
            &config.public("/webhooks/intervals"),
            &config.webhook_secret,
        );
        sb
    });
    let state = actix_web::web::block(move || AppState::init(config)).await??;
    if sandbox {
        print_sandbox_welcome(&state)?;
    }
    log::info!(
        "listening on {} (public URL {}), ready in {} ms",
        state.config.listen,
        state.config.public_url,
        started.elapsed().as_millis()
    );
    let background = app::start_background(state.clone());
    let served = app::server(state.clone(), listener, sb)?.await;
    background.shutdown().await;
    state.leave();
    served?;
    Ok(())
}

/// Creates (or re-keys) the demo tenant and prints its key and a connect link.
fn print_sandbox_welcome(state: &AppState) -> anyhow::Result<()> {
    const DEMO: &str = "Demo partner";
    let mut conn = state.pool.get()?;
    let (id, api_key, webhook_secret) = match tenants::find_by_name(&mut conn, DEMO)? {
        Some(t) => (
            t.id.clone(),
            tenants::rotate_key(&mut conn, &t.id)?,
            tenants::current_webhook_secret(&state.keys, &t)?,
        ),
        None => {
            let c = tenants::create(
                &mut conn,
                &state.keys,
                UrlPolicy::of(&state.config),
                TenantOptions {
                    name: Some(DEMO.into()),
                    ..Default::default()
                },
            )?;
            (c.id.into(), c.api_key, c.webhook_secret)
        }
    };
    let link = intervals_bridge::domain::connect_sessions::create(
        &mut conn,
        &state.keys,
        &state.config,
        &id,
        &"demo-user".into(),
        None,
        &intervals_bridge::domain::scopes::ScopeSet::parse(
            intervals_bridge::domain::scopes::DEFAULT_SCOPES,
        )
        .map_err(anyhow::Error::msg)?,
    )?;
    println!();
    println!("  intervals-bridge is running with the built-in Intervals.icu sandbox.");
    println!("  Demo tenant API key: {api_key}");
    println!("  Demo tenant webhook signing secret: {webhook_secret}");
    println!(
        "    (verifies webhooks and the redirect's sig; Settings in the dashboard shows it too)"
    );
    println!("  Open this link in a browser to connect the demo user (works once, 30 minutes):");
    println!("    {}", link.connect_url);
    println!(
        "  Then: curl -H 'Authorization: Bearer {api_key}' {}",
        state.config.public("/v1/users")
    );
    println!(
        "  Getting started and the API reference: {}",
        state.config.public("/docs")
    );
    println!(
        "  Sandbox controls (revoke a connection, send any Intervals.icu event, faults…): {}",
        state.config.public("/sandbox/_sandbox/")
    );
    println!(
        "  Partner dashboard (sign in with the API key): {}",
        state.config.public("/dashboard")
    );
    println!();
    Ok(())
}

#[actix_web::main]
async fn push_wellness(now: bool) -> anyhow::Result<()> {
    use intervals_bridge::domain::wellness::push;
    use intervals_bridge::services::jobs;
    let state = actix_web::web::block(|| AppState::init(Config::from_env(Mode::Serve)?)).await??;
    // It calls Intervals.icu too: it takes a share of the budget and counts athletes' calls.
    state.start_upkeep();
    let instance = jobs::instance_id();
    let at = state.config.wellness_push_at;
    let st = state.clone();
    let started = actix_web::web::block(move || -> anyhow::Result<String> {
        let mut conn = st.pool.get()?;
        if now {
            let n = push::enqueue_all(&mut conn)?;
            return Ok(format!("{n} athlete(s) with pending wellness queued"));
        }
        let day = jobs::latest_slot(intervals_bridge::db::now(), at);
        Ok(
            if jobs::run_slot(&mut conn, push::SLOT, day, &instance, push::enqueue_nightly)? {
                format!("claimed the {day} push")
            } else {
                format!("the {day} push was already claimed; running what is queued")
            },
        )
    })
    .await??;
    println!("{started}");
    let mut config = jobs::WorkerConfig::new(push::QUEUE);
    config.worker_id = jobs::instance_id();
    // BRIDGE_JOB_CONCURRENCY at once: one cannot keep up with a high INTERVALS_RATE_LIMIT. It
    // stops once nothing is due and nothing runs (the nightly job queues the pushes).
    config.concurrency = state.config.job_concurrency.max(1);
    let tally = jobs::run_until_idle(
        &state.pool,
        std::sync::Arc::new(app::registry()),
        state.clone(),
        config,
    )
    .await?;
    let (run, failed) = (tally.run, tally.not_done);
    println!("{run} job(s) run, {failed} not done (see `last_error`)");
    actix_web::web::block(move || state.leave()).await?;
    Ok(())
}

#[actix_web::main]
async fn run_sandbox(listen: &str, clients: &[String]) -> anyhow::Result<()> {
    let sb = Sandbox::new();
    for c in clients {
        let (id, secret) = c
            .split_once(':')
            .context("--client must be CLIENT_ID:CLIENT_SECRET")?;
        sb.register_client(SandboxClient {
            client_id: id.into(),
            client_secret: secret.into(),
            name: id.into(),
        });
    }
    let listener =
        TcpListener::bind(listen).with_context(|| format!("--listen: cannot bind {listen}"))?;
    log::info!(
        "Intervals.icu sandbox listening on http://{}",
        listener.local_addr()?
    );
    sb.server(listener)?.await?;
    Ok(())
}
