//! The Settings page: the tenant's name, webhook URL, event filter, redirect URLs and activity
//! URL template, changed under the same rules as `PATCH /v1/tenant` and the CLI (a refusal names
//! the field and changes nothing); a test event; and the rotation of the webhook signing secret
//! and the API key, whose new value is shown once.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::form::Form;
use super::{signed_in, utc, Chrome, Signed, SignedForm};
use crate::db::models::Tenant;
use crate::db::{self};
use crate::domain::tenants::{self, Invalid, TenantOptions, UrlPolicy};
use crate::domain::webhooks::outbox::{self, TestEventError};
use crate::web::api::State;
use crate::web::errors::AppError;
use crate::web::security::{page, redirect};

/// The form's fields as typed (or as stored, on a fresh page).
#[derive(Default)]
pub struct Values {
    pub name: String,
    pub webhook_url: String,
    /// Event types and `prefix.*` patterns, separated by commas (or spaces, or lines).
    pub webhook_events: String,
    /// One URL per line.
    pub redirect_urls: String,
    pub activity_url_template: String,
}

impl Values {
    fn of(t: &Tenant) -> Values {
        Values {
            name: t.name.clone(),
            webhook_url: t.webhook_url.clone().unwrap_or_default(),
            webhook_events: t.webhook_event_list().join(", "),
            redirect_urls: t.redirect_url_list().join("\n"),
            activity_url_template: t.activity_url_template.clone().unwrap_or_default(),
        }
    }

    fn from_form(form: &Form) -> Values {
        let field = |name: &str| form.get(name).unwrap_or_default().trim().to_owned();
        Values {
            name: field("name"),
            webhook_url: field("webhook_url"),
            webhook_events: field("webhook_events"),
            redirect_urls: field("redirect_urls"),
            activity_url_template: field("activity_url_template"),
        }
    }

    fn event_list(&self) -> Vec<String> {
        self.webhook_events
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|e| !e.is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn redirect_list(&self) -> Vec<String> {
        self.redirect_urls
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// What differs from the stored tenant: only that is handed to `tenants::update` (saving
    /// the same webhook URL again must not re-enable a disabled endpoint).
    fn changes(&self, t: &Tenant) -> TenantOptions {
        let changed =
            |new: &str, old: Option<&str>| (new != old.unwrap_or_default()).then(|| new.to_owned());
        let redirects = self.redirect_list();
        let events = self.event_list();
        TenantOptions {
            name: changed(&self.name, Some(&t.name)),
            webhook_url: changed(&self.webhook_url, t.webhook_url.as_deref()),
            webhook_events: (events != t.webhook_event_list()).then_some(events),
            redirect_urls: (redirects != t.redirect_url_list()).then_some(redirects),
            activity_url_template: changed(
                &self.activity_url_template,
                t.activity_url_template.as_deref(),
            ),
        }
    }
}

/// A refusal, next to its field.
#[derive(Default)]
pub struct Errors {
    pub name: Option<String>,
    pub webhook_url: Option<String>,
    pub webhook_events: Option<String>,
    pub redirect_urls: Option<String>,
    pub activity_url_template: Option<String>,
}

impl Errors {
    fn of(invalid: Invalid) -> Errors {
        let mut e = Errors::default();
        let field = invalid.field.as_str();
        // A list's entry: which one, counted from 1 as the partner typed them.
        let entry = |list: &str| {
            field
                .strip_prefix(list)
                .and_then(|r| r.strip_prefix('['))
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|i| i.parse::<usize>().ok())
                .map(|i| i + 1)
        };
        if let Some(n) = entry("redirect_urls") {
            e.redirect_urls = Some(format!("Line {n}: {}", invalid.message));
            return e;
        }
        if let Some(n) = entry("webhook_events") {
            let mut shown = vec![format!("Entry {n}: {}", invalid.message)];
            for (field, message) in &invalid.more {
                let n = field
                    .strip_prefix("webhook_events[")
                    .and_then(|r| r.strip_suffix(']'))
                    .and_then(|i| i.parse::<usize>().ok())
                    .map_or(0, |i| i + 1);
                shown.push(format!("Entry {n}: {message}"));
            }
            e.webhook_events = Some(shown.join(" "));
            return e;
        }
        let slot = match field {
            "webhook_url" => &mut e.webhook_url,
            "webhook_events" => &mut e.webhook_events,
            "redirect_urls" => &mut e.redirect_urls,
            "activity_url_template" => &mut e.activity_url_template,
            _ => &mut e.name,
        };
        *slot = Some(capitalised(&invalid.message));
        e
    }

    fn any(&self) -> bool {
        self.name.is_some()
            || self.webhook_url.is_some()
            || self.webhook_events.is_some()
            || self.redirect_urls.is_some()
            || self.activity_url_template.is_some()
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[derive(Template)]
#[template(path = "dashboard_settings.html")]
struct SettingsPage {
    chrome: Option<Chrome>,
    notice: Option<&'static str>,
    tenant_id: String,
    api_key_prefix: String,
    values: Values,
    errors: Errors,
    webhook_disabled_at: Option<String>,
    previous_key_until: Option<String>,
    previous_secret_until: Option<String>,
}

#[derive(Template)]
#[template(path = "dashboard_reveal.html")]
struct RevealPage {
    chrome: Option<Chrome>,
    value: String,
}

#[derive(Template)]
#[template(path = "dashboard_secret.html")]
struct SecretPage {
    chrome: Option<Chrome>,
    title: &'static str,
    /// What the value is, in a sentence's words.
    what: &'static str,
    value: String,
    previous_until: String,
    advice: &'static str,
}

fn settings_page(
    signed: &Signed,
    status: StatusCode,
    notice: Option<&'static str>,
    values: Values,
    errors: Errors,
) -> Result<HttpResponse, AppError> {
    let t = &signed.tenant;
    let now = db::now();
    let live = |until: Option<chrono::NaiveDateTime>| until.filter(|u| *u > now).map(utc);
    page(
        status,
        &SettingsPage {
            chrome: Some(signed.chrome("settings")),
            notice,
            tenant_id: t.id.to_string(),
            api_key_prefix: t.api_key_prefix.clone(),
            values,
            errors,
            webhook_disabled_at: t.webhook_disabled_at.map(utc),
            previous_key_until: live(t.previous_api_key_until),
            previous_secret_until: live(t.previous_webhook_secret_until),
        },
        &[],
    )
}

/// `GET /dashboard/settings`
pub async fn settings(state: State, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let signed = match signed_in(&state, &req).await? {
        Ok(s) => s,
        Err(resp) => return Ok(resp),
    };
    let notice = match Form::query(&req).get("notice") {
        Some("saved") => Some("Settings saved."),
        Some("unchanged") => Some("Nothing was changed."),
        Some("no-webhook-url") => Some("There is no webhook URL to send a test event to: set one first."),
        Some("endpoint-disabled") => Some("The webhook endpoint was disabled after it answered 410 Gone: save its URL again to enable it, then send the test event."),
        _ => None,
    };
    let values = Values::of(&signed.tenant);
    settings_page(&signed, StatusCode::OK, notice, values, Errors::default())
}

/// `POST /dashboard/settings`: saves what changed, or shows the form again (422) with the
/// refusal next to its field and nothing saved.
pub async fn save_settings(
    state: State,
    SignedForm { signed, form }: SignedForm,
) -> Result<HttpResponse, AppError> {
    let values = Values::from_form(&form);
    let opts = values.changes(&signed.tenant);
    if opts.name.is_none()
        && opts.webhook_url.is_none()
        && opts.webhook_events.is_none()
        && opts.redirect_urls.is_none()
        && opts.activity_url_template.is_none()
    {
        return Ok(redirect("/dashboard/settings?notice=unchanged"));
    }
    let policy = UrlPolicy::of(&state.config);
    let id = signed.tenant.id.clone();
    let refused = db::run(&state.pool, move |conn| {
        match tenants::update(conn, &id, policy, opts) {
            Ok(_) => Ok(None),
            Err(e) => match e.downcast::<Invalid>() {
                Ok(invalid) => Ok(Some(Errors::of(invalid))),
                Err(e) => Err(AppError::internal(e)),
            },
        }
    })
    .await?;
    match refused {
        None => Ok(redirect("/dashboard/settings?notice=saved")),
        Some(errors) if errors.any() => settings_page(
            &signed,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            values,
            errors,
        ),
        Some(_) => Err(AppError::internal(anyhow::anyhow!(
            "a refusal that names no field"
        ))),
    }
}

/// `POST /dashboard/settings/test-event`: a signed `webhook.test` to the webhook URL now (what
/// `POST /v1/webhook-test` does), then to the delivery log, where it shows.
pub async fn send_test_event(
    state: State,
    SignedForm { signed, .. }: SignedForm,
) -> Result<HttpResponse, AppError> {
    let id = signed.tenant.id.clone();
    let sent = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(outbox::send_test_event(conn, &id))
    })
    .await?;
    Ok(redirect(match sent {
        Ok(_) => "/dashboard/deliveries?notice=test-sent",
        Err(TestEventError::NoWebhookUrl) => "/dashboard/settings?notice=no-webhook-url",
        Err(TestEventError::EndpointDisabled) => "/dashboard/settings?notice=endpoint-disabled",
        Err(TestEventError::Query(e)) => return Err(e.into()),
    }))
}

fn grace_end() -> String {
    utc(db::now() + chrono::Duration::hours(tenants::ROTATION_GRACE_HOURS))
}

/// `POST /dashboard/settings/webhook-secret`: a new signing secret, shown on this answer only
/// (`Cache-Control: no-store`, as on every dashboard page).
pub async fn rotate_webhook_secret(
    state: State,
    SignedForm { signed, .. }: SignedForm,
) -> Result<HttpResponse, AppError> {
    let id = signed.tenant.id.clone();
    let app = state.clone();
    let secret = db::run(&state.pool, move |conn| {
        tenants::rotate_webhook_secret(conn, &app.keys, &id).map_err(AppError::internal)
    })
    .await?;
    page(
        StatusCode::OK,
        &SecretPage {
            chrome: Some(signed.chrome("settings")),
            title: "New webhook signing secret",
            what: "webhook signing secret",
            value: secret,
            previous_until: grace_end(),
            advice: "Until then every delivery carries two signatures, one with each secret, so your endpoint can switch to the new secret at any moment.",
        },
        &[],
    )
}

/// `POST /dashboard/settings/webhook-secret/reveal`: the current signing secret, on a page that
/// is never cached (a form POST, so only a signed-in page of this dashboard can ask).
pub async fn reveal_webhook_secret(
    state: State,
    SignedForm { signed, .. }: SignedForm,
) -> Result<HttpResponse, AppError> {
    let value = tenants::current_webhook_secret(&state.keys, &signed.tenant)?;
    page(
        StatusCode::OK,
        &RevealPage {
            chrome: Some(signed.chrome("settings")),
            value,
        },
        &[],
    )
}

/// `POST /dashboard/settings/api-key`: a new API key, shown on this answer only. This session
/// stays signed in.
pub async fn rotate_api_key(
    state: State,
    SignedForm { signed, .. }: SignedForm,
) -> Result<HttpResponse, AppError> {
    let id = signed.tenant.id.clone();
    let key = db::run(&state.pool, move |conn| {
        tenants::rotate_key(conn, &id).map_err(AppError::internal)
    })
    .await?;
    page(
        StatusCode::OK,
        &SecretPage {
            chrome: Some(signed.chrome("settings")),
            title: "New API key",
            what: "API key",
            value: key,
            previous_until: grace_end(),
            advice: "Until then the previous key keeps working too (a key rotated out before it stops now). Put the new key in your app's configuration, then sign in to the dashboard with it next time.",
        },
        &[],
    )
}
