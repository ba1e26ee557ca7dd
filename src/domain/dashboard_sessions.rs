//! Partner dashboard sessions: signing in with the tenant's API key (the same check as the REST
//! API, so a rotated-out key works during its overlap), finding a session by its cookie token,
//! signing out. Tokens are random and shown only to the browser; the database keeps their SHA-256.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::QueryResult;

use crate::db::models::{DashboardSession, Tenant};
use crate::db::{self, write_tx, DbConn};
use crate::domain::tenants;
use crate::support::crypto;

/// How long a session lasts from sign-in.
pub const TTL_HOURS: i64 = 12;

/// A new session, for the browser: the token goes in its cookie, nowhere else.
pub struct Issued {
    pub token: String,
    pub expires_at: NaiveDateTime,
    pub tenant: Tenant,
}

fn hash(token: &str) -> String {
    crypto::sha256_hex(token.as_bytes())
}

/// Signs in with an API key: a new session (always a new token, so a token planted before
/// sign-in is worth nothing), replacing the browser's previous one if it had one. `None` when
/// the key is not a tenant's current key or its previous one within the overlap. A session
/// opened with a previous key ends with that key's overlap at the latest.
pub fn sign_in(
    conn: &mut DbConn,
    api_key: &str,
    replacing: Option<&str>,
) -> QueryResult<Option<Issued>> {
    let key_hash = crypto::hash_api_key(api_key);
    let Some(tenant) = tenants::by_api_key_hash(conn, &key_hash)? else {
        return Ok(None);
    };
    let now = db::now();
    let mut expires_at = now + TimeDelta::hours(TTL_HOURS);
    if tenant.api_key_hash != key_hash {
        if let Some(until) = tenant.previous_api_key_until {
            expires_at = expires_at.min(until);
        }
    }
    let token = crypto::random_token(32);
    let row = DashboardSession {
        token_hash: hash(&token),
        tenant_id: tenant.id.clone(),
        csrf_token: crypto::random_token(32),
        created_at: now,
        expires_at,
        api_key_hash: key_hash,
    };
    write_tx(conn, |conn| {
        if let Some(old) = replacing {
            DashboardSession::delete(conn, &hash(old))?;
        }
        row.insert(conn)
    })?;
    Ok(Some(Issued {
        token,
        expires_at,
        tenant,
    }))
}

/// The live session behind a cookie token, with its tenant as it is now.
pub fn open(conn: &mut DbConn, token: &str) -> QueryResult<Option<(DashboardSession, Tenant)>> {
    DashboardSession::find_live_with_tenant(conn, &hash(token), db::now())
}

/// Ends the session behind a cookie token; true when there was one.
pub fn sign_out(conn: &mut DbConn, token: &str) -> QueryResult<bool> {
    DashboardSession::delete(conn, &hash(token))
}

/// Ends every session of the session's tenant (every browser signed in to its dashboard);
/// returns how many.
pub fn sign_out_everywhere(conn: &mut DbConn, session: &DashboardSession) -> QueryResult<usize> {
    DashboardSession::delete_all_of(conn, &session.tenant_id)
}

/// Whether a form carried the session's CSRF token (compared in constant time).
pub fn csrf_matches(session: &DashboardSession, presented: &str) -> bool {
    use subtle::ConstantTimeEq;
    session
        .csrf_token
        .as_bytes()
        .ct_eq(presented.as_bytes())
        .into()
}
