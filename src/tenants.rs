//! Tenants (partner apps): creation, listing, updates and secret rotation, shared by the CLI,
//! `serve --sandbox` and the tests. API keys are shown once and stored as hashes.

use anyhow::{bail, Context};
use diesel::QueryResult;
use serde::Serialize;

use crate::crypto::{self, Keyring};
use crate::db::models::Tenant;
use crate::db::types::TenantId;
use crate::db::{self, DbConn};

/// How long a rotated-out signing secret still signs, so receivers can switch over.
pub const ROTATION_GRACE_HOURS: i64 = 24;

/// What the operator passes on `tenant create` / `tenant update`.
#[derive(Debug, Clone, Default)]
pub struct TenantOptions {
    pub name: Option<String>,
    pub webhook_url: Option<String>,
    pub redirect_urls: Option<Vec<String>>,
    pub activity_url_template: Option<String>,
}

/// Shown once, at creation.
#[derive(Debug, Clone, Serialize)]
pub struct CreatedTenant {
    pub id: String,
    pub api_key: String,
    pub webhook_secret: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TenantSummary {
    pub id: String,
    pub name: String,
    pub api_key_prefix: String,
    pub webhook_url: Option<String>,
    pub redirect_urls: Vec<String>,
    pub activity_url_template: Option<String>,
    pub created_at: String,
}

fn check_url(what: &str, value: &str) -> anyhow::Result<()> {
    let url = url::Url::parse(value).with_context(|| format!("{what} '{value}' is not a URL"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        bail!("{what} '{value}' must be an http(s) URL");
    }
    if url.fragment().is_some() {
        bail!("{what} '{value}' must not have a #fragment");
    }
    Ok(())
}

fn validate(opts: &TenantOptions) -> anyhow::Result<()> {
    if let Some(name) = &opts.name {
        if name.trim().is_empty() || name.len() > 200 {
            bail!("the name must be 1 to 200 characters");
        }
    }
    if let Some(url) = &opts.webhook_url {
        check_url("webhook URL", url)?;
    }
    for url in opts.redirect_urls.iter().flatten() {
        check_url("redirect URL", url)?;
    }
    if let Some(t) = &opts.activity_url_template {
        if !t.contains("{external_id}") {
            bail!("the activity URL template must contain {{external_id}}");
        }
        check_url("activity URL template", &t.replace("{external_id}", "x"))?;
    }
    Ok(())
}

fn key_prefix(key: &str) -> String {
    key.chars().take(10).collect()
}

pub fn create(
    conn: &mut DbConn,
    keys: &Keyring,
    opts: TenantOptions,
) -> anyhow::Result<CreatedTenant> {
    validate(&opts)?;
    let name = opts.name.clone().context("a name is required")?;
    let api_key = crypto::new_api_key();
    let webhook_secret = crypto::new_webhook_secret();
    let (key_id, secret_enc) = keys.encrypt(&webhook_secret)?;
    let now = db::now();
    let row = Tenant {
        id: TenantId::new(db::new_id()),
        name: name.trim().to_owned(),
        api_key_hash: crypto::hash_api_key(&api_key),
        api_key_prefix: key_prefix(&api_key),
        webhook_url: opts.webhook_url,
        webhook_secret_enc: secret_enc,
        webhook_secret_key_id: key_id,
        redirect_urls: serde_json::to_string(&opts.redirect_urls.unwrap_or_default())?,
        activity_url_template: opts.activity_url_template,
        created_at: now,
        updated_at: now,
        previous_webhook_secret_enc: None,
        previous_webhook_secret_key_id: None,
        previous_webhook_secret_until: None,
        webhook_disabled_at: None,
        webhook_failures: 0,
        webhook_open_until: None,
    };
    row.insert(conn)?;
    Ok(CreatedTenant {
        id: row.id.into_string(),
        api_key,
        webhook_secret,
    })
}

pub fn summary(t: &Tenant) -> TenantSummary {
    TenantSummary {
        id: t.id.to_string(),
        name: t.name.clone(),
        api_key_prefix: t.api_key_prefix.clone(),
        webhook_url: t.webhook_url.clone(),
        redirect_urls: t.redirect_url_list(),
        activity_url_template: t.activity_url_template.clone(),
        created_at: t.created_at.and_utc().to_rfc3339(),
    }
}

pub fn list(conn: &mut DbConn) -> anyhow::Result<Vec<TenantSummary>> {
    Ok(Tenant::all(conn)?.iter().map(summary).collect())
}

pub fn find(conn: &mut DbConn, id: &str) -> anyhow::Result<Tenant> {
    Tenant::find(conn, id)?.with_context(|| format!("no tenant with id {id}"))
}

pub fn find_by_name(conn: &mut DbConn, name: &str) -> QueryResult<Option<Tenant>> {
    Tenant::find_by_name(conn, name)
}

/// Updates the given fields; an empty string clears the webhook URL or template.
pub fn update(conn: &mut DbConn, id: &str, opts: TenantOptions) -> anyhow::Result<TenantSummary> {
    let clear = |v: Option<String>| v.map(|s| if s.is_empty() { None } else { Some(s) });
    let opts = TenantOptions {
        name: opts.name,
        webhook_url: opts.webhook_url,
        redirect_urls: opts.redirect_urls,
        activity_url_template: opts.activity_url_template,
    };
    let webhook_url = clear(opts.webhook_url.clone());
    let template = clear(opts.activity_url_template.clone());
    validate(&TenantOptions {
        name: opts.name.clone(),
        webhook_url: webhook_url.clone().flatten(),
        redirect_urls: opts.redirect_urls.clone(),
        activity_url_template: template.clone().flatten(),
    })?;
    let mut tenant = find(conn, id)?;
    if let Some(name) = opts.name {
        tenant.name = name.trim().to_owned();
    }
    if let Some(url) = webhook_url {
        // A new URL is a new endpoint: re-enabled, breaker closed.
        tenant.webhook_url = url;
        tenant.webhook_disabled_at = None;
        tenant.webhook_failures = 0;
        tenant.webhook_open_until = None;
    }
    if let Some(urls) = opts.redirect_urls {
        tenant.redirect_urls = serde_json::to_string(&urls)?;
    }
    if let Some(t) = template {
        tenant.activity_url_template = t;
    }
    tenant.updated_at = db::now();
    tenant.save(conn)?;
    Ok(summary(&tenant))
}

/// Issues a new API key; the old one stops working at once.
pub fn rotate_key(conn: &mut DbConn, id: &str) -> anyhow::Result<String> {
    let mut tenant = find(conn, id)?;
    let api_key = crypto::new_api_key();
    tenant.api_key_hash = crypto::hash_api_key(&api_key);
    tenant.api_key_prefix = key_prefix(&api_key);
    tenant.updated_at = db::now();
    tenant.save(conn)?;
    Ok(api_key)
}

/// Issues a new webhook signing secret. The old one keeps signing (a second signature) for
/// the grace period, so receivers can switch without losing deliveries.
pub fn rotate_webhook_secret(
    conn: &mut DbConn,
    keys: &Keyring,
    id: &str,
) -> anyhow::Result<String> {
    let mut tenant = find(conn, id)?;
    let secret = crypto::new_webhook_secret();
    let (key_id, enc) = keys.encrypt(&secret)?;
    let now = db::now();
    tenant.previous_webhook_secret_enc =
        Some(std::mem::replace(&mut tenant.webhook_secret_enc, enc));
    tenant.previous_webhook_secret_key_id =
        Some(std::mem::replace(&mut tenant.webhook_secret_key_id, key_id));
    tenant.previous_webhook_secret_until =
        Some(now + chrono::Duration::hours(ROTATION_GRACE_HOURS));
    tenant.updated_at = now;
    tenant.save(conn)?;
    Ok(secret)
}

pub fn by_api_key(conn: &mut DbConn, api_key: &str) -> QueryResult<Option<Tenant>> {
    Tenant::find_by_api_key_hash(conn, &crypto::hash_api_key(api_key))
}
