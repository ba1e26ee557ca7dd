//! Connect sessions: the single-use, 30-minute link a partner hands its user, and the states of
//! the browser flow behind it (`pending` → `authorizing` → `exchanging` → `completed`/`failed`).
//! `tokens` signs the link and the OAuth `state`.

pub mod tokens;

use chrono::Duration;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::models::{ConnectSession, Tenant};
use crate::db::types::{SessionStatus, TenantId, UserId};
use crate::db::{self, DbConn};
use crate::domain::scopes::ScopeSet;
use crate::support::config::Config;
use crate::support::crypto::Keyring;

pub const SESSION_TTL_MINUTES: i64 = 30;

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "22c2ce9d-d663-4773-9229-0cc1f53904db",
    "connect_url": "https://bridge.example/connect/eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiIsImtpZCI6ImsxIn0.eyJzaWQiOiIyMmMyY2U5ZCJ9.tO8XqU0rrThZPy1V3SAufzWQ",
    "expires_at": "2026-03-01T09:30:00+00:00",
    "scopes": ["ACTIVITY:WRITE", "CALENDAR:READ", "WELLNESS:WRITE"]
}))]
pub struct ConnectSessionCreated {
    pub id: String,
    /// Send the user's browser here; it works once.
    pub connect_url: String,
    /// 30 minutes from now (UTC).
    pub expires_at: String,
    /// The scopes the consent page will ask for.
    pub scopes: Vec<String>,
}

/// Stores a pending session and signs its link.
pub fn create(
    conn: &mut DbConn,
    keys: &Keyring,
    config: &Config,
    tenant_id: &TenantId,
    user_id: &UserId,
    redirect_url: Option<String>,
    scopes: &ScopeSet,
) -> anyhow::Result<ConnectSessionCreated> {
    let now = db::now();
    let row = ConnectSession {
        id: db::new_id(),
        tenant_id: tenant_id.clone(),
        user_id: user_id.clone(),
        redirect_url,
        scopes: scopes.to_string(),
        status: SessionStatus::Pending,
        error: None,
        created_at: now,
        expires_at: now + Duration::minutes(SESSION_TTL_MINUTES),
        used_at: None,
        completed_at: None,
        extra_trips: 0,
        athlete_id: None,
        prior_scopes: None,
        owed_scopes: None,
    };
    let token = tokens::connect_token(keys, &row.id, row.expires_at)?;
    row.insert(conn)?;
    Ok(ConnectSessionCreated {
        id: row.id,
        connect_url: config.public(&format!("/connect/{token}")),
        expires_at: row.expires_at.and_utc().to_rfc3339(),
        scopes: scopes.to_vec(),
    })
}

/// What a connect link leads to.
pub enum Link {
    Open(Box<(ConnectSession, Tenant)>),
    /// Altered, or signed by a key we no longer have.
    Invalid,
    Expired,
    Used,
}

/// Opens the session behind a connect link (its token already verified to name `session_id`).
pub fn open(conn: &mut DbConn, session_id: &str) -> diesel::QueryResult<Link> {
    let Some((session, tenant)) = ConnectSession::find_with_tenant(conn, session_id)? else {
        return Ok(Link::Invalid);
    };
    Ok(if session.status != SessionStatus::Pending {
        Link::Used
    } else if session.expires_at <= db::now() {
        Link::Expired
    } else {
        Link::Open(Box::new((session, tenant)))
    })
}

/// Spends the link (of two concurrent submits, one wins): on to `authorizing`, or `failed` with
/// `access_denied` when the athlete cancelled. False when it was spent already.
pub fn spend(conn: &mut DbConn, session_id: &str, cancel: bool) -> diesel::QueryResult<bool> {
    let (to, error) = if cancel {
        (SessionStatus::Failed, Some("access_denied"))
    } else {
        (SessionStatus::Authorizing, None)
    };
    ConnectSession::transition(conn, session_id, SessionStatus::Pending, to, error)
}

/// Claims the OAuth callback (a replayed or concurrent callback finds the session no longer
/// authorizing): the session, or `None`.
pub fn claim_callback(
    conn: &mut DbConn,
    session_id: &str,
) -> diesel::QueryResult<Option<ConnectSession>> {
    if !ConnectSession::transition(
        conn,
        session_id,
        SessionStatus::Authorizing,
        SessionStatus::Exchanging,
        None,
    )? {
        return Ok(None);
    }
    ConnectSession::find(conn, session_id)
}

/// The exchange failed with `code`.
pub fn fail(conn: &mut DbConn, session_id: &str, code: &str) -> diesel::QueryResult<()> {
    ConnectSession::transition(
        conn,
        session_id,
        SessionStatus::Exchanging,
        SessionStatus::Failed,
        Some(code),
    )
    .map(|_| ())
}

/// The parameters of the redirect back to the partner (`user_id`, `status`, `error`, `scopes`)
/// with `ts` (Unix seconds) and `sig`: the hex HMAC-SHA256, keyed with the tenant's webhook
/// signing secret (the bytes base64-encoded after `whsec_`, as Standard Webhooks uses them), of
/// the other parameters sorted by name as `name=value` joined with `&`, values as they are
/// before URL encoding (`scopes` holds `:` and `,`). A partner recomputes it from the decoded
/// query to know the answer came from us and is fresh.
pub fn signed_result(
    webhook_secret: &str,
    params: &[(&str, &str)],
    ts: i64,
) -> anyhow::Result<Vec<(String, String)>> {
    use hmac::{Hmac, Mac};
    let mut out: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    out.push(("ts".into(), ts.to_string()));
    let mut sorted = out.clone();
    sorted.sort();
    let message = sorted
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    let key = secret_key(webhook_secret)?;
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&key)?;
    mac.update(message.as_bytes());
    out.push(("sig".into(), hex::encode(mac.finalize().into_bytes())));
    Ok(out)
}

fn secret_key(webhook_secret: &str) -> anyhow::Result<Vec<u8>> {
    use base64::Engine;
    let raw = webhook_secret
        .strip_prefix("whsec_")
        .unwrap_or(webhook_secret);
    Ok(base64::engine::general_purpose::STANDARD.decode(raw)?)
}

#[cfg(test)]
mod signing {
    #[test]
    fn the_result_signature_is_the_documented_hmac() {
        // Known vector: key = 32 bytes of 0x01, message "status=connected&ts=1700000000&user_id=u-1".
        let secret = format!(
            "whsec_{}",
            base64::Engine::encode(&base64::engine::general_purpose::STANDARD, [1u8; 32])
        );
        let params = super::signed_result(
            &secret,
            &[("user_id", "u-1"), ("status", "connected")],
            1_700_000_000,
        )
        .unwrap();
        let sig = &params.iter().find(|(k, _)| k == "sig").unwrap().1;
        use hmac::{Hmac, Mac};
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&[1u8; 32]).unwrap();
        mac.update(b"status=connected&ts=1700000000&user_id=u-1");
        assert_eq!(sig, &hex::encode(mac.finalize().into_bytes()));
        assert_eq!(params[2], ("ts".to_owned(), "1700000000".to_owned()));
    }
}
