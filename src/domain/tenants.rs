//! Tenants (partner apps): creation, listing, updates and secret rotation, shared by the CLI,
//! `serve --sandbox` and the tests. API keys are shown once and stored as hashes.

use anyhow::Context;
use diesel::QueryResult;
use serde::Serialize;

use crate::db::models::Tenant;
use crate::db::types::TenantId;
use crate::db::{self, DbConn};
use crate::domain::webhooks::outbox::EventFilter;
use crate::support::config::Config;
use crate::support::crypto::{self, Keyring};
use crate::support::validation;

/// The longest tenant name, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// How long a rotated-out signing secret still signs, and a rotated-out API key still works, so
/// partners can switch over.
pub const ROTATION_GRACE_HOURS: i64 = 24;

/// What the operator passes on `tenant create` / `tenant update`.
#[derive(Debug, Clone, Default)]
pub struct TenantOptions {
    pub name: Option<String>,
    pub webhook_url: Option<String>,
    pub redirect_urls: Option<Vec<String>>,
    pub activity_url_template: Option<String>,
    /// Event types and `prefix.*` patterns the webhooks carry; empty for every type.
    pub webhook_events: Option<Vec<String>>,
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
    pub webhook_events: Vec<String>,
    pub created_at: String,
}

/// Which URLs a tenant may register: https only, or, in development
/// (`BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS=true`, on with `--sandbox`), plain http and private
/// addresses too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlPolicy {
    HttpsOnly,
    AllowPrivate,
}

impl UrlPolicy {
    pub fn of(config: &Config) -> UrlPolicy {
        if config.allow_private_webhook_urls {
            UrlPolicy::AllowPrivate
        } else {
            UrlPolicy::HttpsOnly
        }
    }
}

/// The placeholder of an activity URL template.
pub const EXTERNAL_ID: &str = "{external_id}";

/// A setting refused: the field (as the API names it), the CLI option, and why. Shown to an
/// operator as one line starting with the option; to a partner as a field error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub field: String,
    pub option: &'static str,
    pub message: String,
    /// Further refusals of the same setting (each bad entry of a list), as (field, message).
    pub more: Vec<(String, String)>,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.option.is_empty() {
            f.write_str(&self.message)?;
        } else {
            write!(f, "{} {}", self.option, self.message)?;
        }
        for (_, message) in &self.more {
            write!(f, "; {message}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Invalid {}

/// Where a URL setting lives: its API field and its CLI option.
#[derive(Debug, Clone, Copy)]
struct Setting<'a> {
    field: &'a str,
    option: &'static str,
}

impl Setting<'_> {
    fn refuse(&self, message: String) -> Invalid {
        Invalid {
            field: self.field.to_owned(),
            option: self.option,
            message,
            more: Vec::new(),
        }
    }
}

/// `url` (shown to the operator as `shown`, the option's own value) as an acceptable URL.
fn check_url(
    at: Setting<'_>,
    shown: &str,
    url: &str,
    policy: UrlPolicy,
) -> Result<url::Url, Invalid> {
    if url.chars().any(validation::is_unprintable) {
        return Err(at.refuse(format!(
            "'{}' holds control, format or bidirectional override characters",
            validation::escape_unprintable(shown)
        )));
    }
    let url =
        url::Url::parse(url).map_err(|e| at.refuse(format!("'{shown}' is not a URL: {e}")))?;
    match (url.scheme(), policy) {
        ("https", _) | ("http", UrlPolicy::AllowPrivate) if url.host().is_some() => {}
        ("http", UrlPolicy::HttpsOnly) => return Err(at.refuse(format!(
            "'{shown}' must be https (plain http only with BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS=true, for development)"
        ))),
        (_, UrlPolicy::HttpsOnly) => return Err(at.refuse(format!("'{shown}' must be an https URL"))),
        (_, UrlPolicy::AllowPrivate) => return Err(at.refuse(format!("'{shown}' must be an http(s) URL"))),
    }
    if url.fragment().is_some() {
        return Err(at.refuse(format!("'{shown}' must not have a #fragment")));
    }
    Ok(url)
}

/// A template's scheme, userinfo, host and port are its own: `{external_id}` may appear only
/// in the path or query, so no external id can send a browser to another site.
fn check_template(template: &str, policy: UrlPolicy) -> Result<(), Invalid> {
    let at = Setting {
        field: "activity_url_template",
        option: "--activity-url-template",
    };
    if !template.contains(EXTERNAL_ID) {
        return Err(at.refuse(format!("'{template}' must contain {EXTERNAL_ID}")));
    }
    let with = |id: &str| template.replace(EXTERNAL_ID, id);
    let url = check_url(at, template, &with("1"), policy)?;
    // External ids are letters, digits and `-_.~`: if any of these probes moves the authority,
    // the placeholder is in it.
    for probe in ["x", "Z-9._~"] {
        let same = url::Url::parse(&with(probe)).is_ok_and(|u| same_authority(&u, &url));
        if !same {
            return Err(at.refuse(format!("'{template}' may hold {EXTERNAL_ID} only in its path or query (its scheme and host must be fixed)")));
        }
    }
    Ok(())
}

/// Same scheme, userinfo, host and port: a link-back target stays on the template's site.
pub fn same_authority(a: &url::Url, b: &url::Url) -> bool {
    a.scheme() == b.scheme()
        && a.username() == b.username()
        && a.password() == b.password()
        && a.host() == b.host()
        && a.port_or_known_default() == b.port_or_known_default()
}

/// At most this many redirect URLs per tenant.
pub const MAX_REDIRECT_URLS: usize = 20;

/// The event filter of `--webhook-events` / `webhook_events`, checked (trimmed, repeats dropped).
fn event_filter(entries: &[String]) -> Result<EventFilter, Invalid> {
    EventFilter::parse(entries).map_err(|e| Invalid {
        field: match e.index {
            Some(i) => format!("webhook_events[{i}]"),
            None => "webhook_events".into(),
        },
        option: "--webhook-events",
        message: e.message,
        more: e
            .more
            .into_iter()
            .map(|(i, message)| (format!("webhook_events[{i}]"), message))
            .collect(),
    })
}

pub fn validate(opts: &TenantOptions, policy: UrlPolicy) -> Result<(), Invalid> {
    if let Some(name) = &opts.name {
        let name = name.trim();
        let refuse = |message: &str| Invalid {
            field: "name".into(),
            option: "",
            message: message.into(),
            more: Vec::new(),
        };
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(refuse("the name must be 1 to 80 characters"));
        }
        if name.chars().any(validation::is_unprintable) {
            return Err(refuse(
                "the name must not hold control, format or bidirectional override characters",
            ));
        }
    }
    if let Some(url) = &opts.webhook_url {
        let at = Setting {
            field: "webhook_url",
            option: "--webhook-url",
        };
        check_url(at, url, url, policy)?;
        let allow_private = policy == UrlPolicy::AllowPrivate;
        if let Some(why) = crate::support::ssrf::refuse_url(url, allow_private) {
            return Err(at.refuse(format!(
                "'{url}': {why} (allowed only with BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS=true)"
            )));
        }
    }
    if let Some(urls) = &opts.redirect_urls {
        if urls.len() > MAX_REDIRECT_URLS {
            return Err(Invalid {
                field: "redirect_urls".into(),
                option: "--redirect-url",
                message: format!("at most {MAX_REDIRECT_URLS} redirect URLs"),
                more: Vec::new(),
            });
        }
        for (i, url) in urls.iter().enumerate() {
            let field = format!("redirect_urls[{i}]");
            let at = Setting {
                field: &field,
                option: "--redirect-url",
            };
            check_url(at, url, url, policy)?;
        }
    }
    if let Some(t) = &opts.activity_url_template {
        check_template(t, policy)?;
    }
    if let Some(events) = &opts.webhook_events {
        event_filter(events)?;
    }
    Ok(())
}

fn key_prefix(key: &str) -> String {
    key.chars().take(10).collect()
}

pub fn create(
    conn: &mut DbConn,
    keys: &Keyring,
    policy: UrlPolicy,
    opts: TenantOptions,
) -> anyhow::Result<CreatedTenant> {
    validate(&opts, policy)?;
    let name = opts.name.clone().context("a name is required")?;
    let events = event_filter(&opts.webhook_events.unwrap_or_default())?;
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
        previous_api_key_hash: None,
        previous_api_key_until: None,
        webhook_events: serde_json::to_string(events.entries())?,
    };
    db::write_tx(conn, |conn| {
        name_is_free(conn, &row.name, None)?;
        row.insert(conn).map_err(anyhow::Error::from)
    })?;
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
        webhook_events: t.webhook_event_list(),
        created_at: t.created_at.and_utc().to_rfc3339(),
    }
}

pub fn list(conn: &mut DbConn) -> anyhow::Result<Vec<TenantSummary>> {
    Ok(Tenant::all(conn)?.iter().map(summary).collect())
}

pub fn find(conn: &mut DbConn, id: &TenantId) -> anyhow::Result<Tenant> {
    Tenant::find(conn, id)?.with_context(|| format!("no tenant with id {id}"))
}

pub fn find_by_name(conn: &mut DbConn, name: &str) -> QueryResult<Option<Tenant>> {
    Tenant::find_by_name(conn, name)
}

/// Updates the given fields; an empty string clears the webhook URL or template, an empty
/// event list the filter.
pub fn update(
    conn: &mut DbConn,
    id: &TenantId,
    policy: UrlPolicy,
    opts: TenantOptions,
) -> anyhow::Result<TenantSummary> {
    let clear = |v: Option<String>| v.map(|s| if s.is_empty() { None } else { Some(s) });
    let webhook_url = clear(opts.webhook_url.clone());
    let template = clear(opts.activity_url_template.clone());
    validate(
        &TenantOptions {
            name: opts.name.clone(),
            webhook_url: webhook_url.clone().flatten(),
            redirect_urls: opts.redirect_urls.clone(),
            activity_url_template: template.clone().flatten(),
            webhook_events: opts.webhook_events.clone(),
        },
        policy,
    )?;
    let events = opts
        .webhook_events
        .as_deref()
        .map(event_filter)
        .transpose()?;
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
    if let Some(events) = events {
        tenant.webhook_events = serde_json::to_string(events.entries())?;
    }
    tenant.updated_at = db::now();
    db::write_tx(conn, |conn| {
        name_is_free(conn, &tenant.name, Some(&tenant.id))?;
        tenant.save(conn).map_err(anyhow::Error::from)
    })?;
    Ok(summary(&tenant))
}

/// Refuses a name another tenant holds, ignoring case. Called in the transaction that writes
/// the name; on PostgreSQL a transaction-scoped advisory lock makes two such writers take turns
/// (SQLite's write transactions already do).
fn name_is_free(conn: &mut DbConn, name: &str, except: Option<&TenantId>) -> anyhow::Result<()> {
    if let DbConn::Postgresql(_) = conn {
        use diesel::RunQueryDsl;
        diesel::sql_query(format!("SELECT pg_advisory_xact_lock({NAME_LOCK_KEY})"))
            .execute(conn)?;
    }
    let folded = name.to_lowercase();
    let taken = Tenant::all(conn)?
        .iter()
        .any(|t| Some(&t.id) != except && t.name.to_lowercase() == folded);
    if taken {
        return Err(Invalid {
            field: "name".into(),
            option: "",
            message: "another tenant has this name (names are unique ignoring case)".into(),
            more: Vec::new(),
        }
        .into());
    }
    Ok(())
}

/// Arbitrary constant naming the advisory lock that serialises tenant name writes.
const NAME_LOCK_KEY: i64 = 0x7465_6e61_6e74;

/// Issues a new API key. The old one keeps working for the grace period, so a partner can
/// switch over; a key rotated out before that is dropped at once.
pub fn rotate_key(conn: &mut DbConn, id: &TenantId) -> anyhow::Result<String> {
    let mut tenant = find(conn, id)?;
    let api_key = crypto::new_api_key();
    let now = db::now();
    tenant.previous_api_key_hash = Some(std::mem::replace(
        &mut tenant.api_key_hash,
        crypto::hash_api_key(&api_key),
    ));
    tenant.previous_api_key_until = Some(now + chrono::Duration::hours(ROTATION_GRACE_HOURS));
    tenant.api_key_prefix = key_prefix(&api_key);
    tenant.updated_at = now;
    tenant.save(conn)?;
    Ok(api_key)
}

/// Issues a new webhook signing secret. The old one keeps signing (a second signature) for
/// the grace period, so receivers can switch without losing deliveries.
/// The tenant's current webhook signing secret (`whsec_…`), decrypted: for the sandbox banner
/// and the dashboard's reveal, which show it to the tenant's own people.
pub fn current_webhook_secret(keys: &Keyring, tenant: &Tenant) -> anyhow::Result<String> {
    keys.decrypt(&tenant.webhook_secret_key_id, &tenant.webhook_secret_enc)
        .context("decrypting the webhook signing secret")
}

pub fn rotate_webhook_secret(
    conn: &mut DbConn,
    keys: &Keyring,
    id: &TenantId,
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
    by_api_key_hash(conn, &crypto::hash_api_key(api_key))
}

/// The tenant whose API key hashes to `hash` (`crypto::hash_api_key`).
pub fn by_api_key_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<Tenant>> {
    Tenant::find_by_api_key_hash(conn, hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use UrlPolicy::{AllowPrivate, HttpsOnly};

    fn check(opts: TenantOptions, policy: UrlPolicy) -> Result<(), String> {
        validate(&opts, policy).map_err(|e| format!("{e:#}"))
    }

    fn webhook(url: &str) -> TenantOptions {
        TenantOptions {
            webhook_url: Some(url.into()),
            ..Default::default()
        }
    }

    fn redirect(url: &str) -> TenantOptions {
        TenantOptions {
            redirect_urls: Some(vec!["https://partner.example/ok".into(), url.into()]),
            ..Default::default()
        }
    }

    fn template(t: &str) -> TenantOptions {
        TenantOptions {
            activity_url_template: Some(t.into()),
            ..Default::default()
        }
    }

    /// Refused with one line that names the option.
    fn refused(opts: TenantOptions, policy: UrlPolicy, option: &str, why: &str) {
        let err = check(opts.clone(), policy).expect_err(&format!("{opts:?} is refused"));
        assert!(err.starts_with(option), "{err}");
        assert!(err.contains(why), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }

    #[test]
    fn urls_must_be_https_unless_private_urls_are_allowed() {
        for (opts, option) in [
            (webhook("http://partner.example/hooks"), "--webhook-url"),
            (redirect("http://partner.example/done"), "--redirect-url"),
            (
                template("http://partner.example/rides/{external_id}"),
                "--activity-url-template",
            ),
        ] {
            refused(
                opts.clone(),
                HttpsOnly,
                option,
                "must be https (plain http only with BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS=true",
            );
            assert_eq!(check(opts, AllowPrivate), Ok(()));
        }
        for policy in [HttpsOnly, AllowPrivate] {
            assert_eq!(
                check(webhook("https://partner.example/hooks"), policy),
                Ok(())
            );
            assert_eq!(
                check(redirect("https://partner.example/cb?a=1"), policy),
                Ok(())
            );
            refused(
                webhook("ftp://partner.example/x"),
                policy,
                "--webhook-url",
                "must be an http",
            );
            refused(
                redirect("javascript:alert(1)"),
                policy,
                "--redirect-url",
                "must be an http",
            );
            refused(
                redirect("partner.example/cb"),
                policy,
                "--redirect-url",
                "is not a URL",
            );
            refused(
                redirect("https://partner.example/#x"),
                policy,
                "--redirect-url",
                "#fragment",
            );
        }
    }

    #[test]
    fn webhook_urls_at_private_addresses_are_refused_unless_allowed() {
        for url in [
            "https://127.0.0.1/hooks",
            "https://10.0.0.7/hooks",
            "https://[::1]/hooks",
            "https://[64:ff9b::a00:1]/hooks",
            "https://localhost/hooks",
        ] {
            refused(
                webhook(url),
                HttpsOnly,
                "--webhook-url",
                "BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS=true",
            );
            assert_eq!(check(webhook(url), AllowPrivate), Ok(()));
        }
    }

    #[test]
    fn event_filters_are_known_types_or_prefixes() {
        let events = |list: &[&str]| TenantOptions {
            webhook_events: Some(list.iter().map(|s| s.to_string()).collect()),
            ..Default::default()
        };
        for good in [
            &[][..],
            &["activity.*", "connection.revoked"][..],
            &["wellness.push_failed", "sport_settings.*", "webhook.test"][..],
        ] {
            assert_eq!(check(events(good), HttpsOnly), Ok(()), "{good:?}");
        }
        refused(
            events(&["activity.*", "activity.uplodaed"]),
            HttpsOnly,
            "--webhook-events",
            "'activity.uplodaed' is not a known event type",
        );
        refused(
            events(&["bikes.*"]),
            HttpsOnly,
            "--webhook-events",
            "matches no known event type",
        );
        let err = validate(&events(&["connection.created", "nope"]), HttpsOnly).unwrap_err();
        assert_eq!(err.field, "webhook_events[1]");
        // Every bad entry is named, not only the first.
        let err = validate(&events(&["nope", "activity.*", "", "bikes.*"]), HttpsOnly).unwrap_err();
        assert_eq!(err.field, "webhook_events[0]");
        let more: Vec<&str> = err.more.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(more, ["webhook_events[2]", "webhook_events[3]"]);
        let many: Vec<&str> = vec!["activity.*"; 51];
        let err = validate(&events(&many), HttpsOnly).unwrap_err();
        assert_eq!(err.field, "webhook_events");
    }

    #[test]
    fn templates_keep_their_scheme_and_host() {
        for good in [
            "https://partner.example/rides/{external_id}",
            "https://partner.example/r/{external_id}/{external_id}.html",
            "https://partner.example/ride?id={external_id}&src=intervals",
            "https://user@partner.example:8443/{external_id}",
        ] {
            for policy in [HttpsOnly, AllowPrivate] {
                assert_eq!(check(template(good), policy), Ok(()), "{good}");
            }
        }
        for bad in [
            "https://{external_id}",
            "https://{external_id}/rides",
            "https://x.example{external_id}",
            "https://x.example{external_id}/rides",
            "https://{external_id}.x.example/",
            "https://{external_id}@x.example/",
            "https://user:{external_id}@x.example/",
            "https://x.example:{external_id}/",
            "https://x.example:8{external_id}/",
            "https:{external_id}",
            "https:/{external_id}/rides",
            "https:\\\\{external_id}\\rides",
        ] {
            for policy in [HttpsOnly, AllowPrivate] {
                refused(
                    template(bad),
                    policy,
                    "--activity-url-template",
                    "only in its path or query",
                );
            }
        }
        refused(
            template("{external_id}://x.example/"),
            AllowPrivate,
            "--activity-url-template",
            "is not a URL",
        );
        refused(
            template("x{external_id}://x.example/"),
            AllowPrivate,
            "--activity-url-template",
            "must be an http(s) URL",
        );
        refused(
            template("https://x.example/rides"),
            HttpsOnly,
            "--activity-url-template",
            "must contain {external_id}",
        );
        refused(
            template("https://x.example/rides#{external_id}"),
            HttpsOnly,
            "--activity-url-template",
            "#fragment",
        );
    }
}
