//! Connections and the tokens behind them: who may do what now (effective scopes, the token's
//! status), storing a completed grant, retiring a token for every tenant that shares it, and
//! forgetting a disconnected user. Handlers and jobs both call these; none of them knows HTTP.

use diesel::QueryResult;
use serde_json::json;

use crate::db::models::{ConnectSession, Connection, NewConnection, NewGrant, Token, WellnessRow};
use crate::db::types::{AthleteId, SessionStatus, TenantId, TokenStatus, UserId};
use crate::db::{write_tx, DbConn};
use crate::outbox::{self, EventType, Recipient};
use crate::scopes::{Scope, ScopeSet};

/// Why a connected user may not do something now.
#[derive(Debug, Clone, PartialEq)]
pub enum AccessError {
    /// The athlete withdrew access on Intervals.icu.
    Revoked,
    /// Intervals.icu no longer accepts the token.
    Invalid,
    /// The tenant did not ask for this, or the athlete did not grant it.
    MissingScope { needed: Scope, granted: ScopeSet },
}

/// What the tenant may do now: what it asked for, narrowed by the athlete's current grant.
pub fn effective_scopes(connection: &Connection, token: &Token) -> ScopeSet {
    ScopeSet::parse_lenient(&connection.scopes).effective(&ScopeSet::parse_lenient(&token.scopes))
}

/// Checks the user may do `needed` now: token still accepted, scope granted.
pub fn check_access(
    connection: &Connection,
    token: &Token,
    needed: &Scope,
) -> Result<ScopeSet, AccessError> {
    match token.status {
        TokenStatus::Active => {}
        TokenStatus::Revoked => return Err(AccessError::Revoked),
        TokenStatus::Invalid => return Err(AccessError::Invalid),
    }
    let scopes = effective_scopes(connection, token);
    if !scopes.allows(needed) {
        return Err(AccessError::MissingScope {
            needed: needed.clone(),
            granted: scopes,
        });
    }
    Ok(scopes)
}

/// Moves an active token to `revoked` or `invalid` and records one event per connection that
/// uses it (`connection.revoked` / `connection.invalid`). Does nothing if it was not active, so
/// concurrent callers announce it once. Returns the connections told.
pub fn retire_token(
    conn: &mut DbConn,
    token_id: &str,
    status: TokenStatus,
    reason: &str,
) -> QueryResult<usize> {
    write_tx(conn, |conn| {
        if !Token::retire(conn, token_id, status, reason)? {
            return Ok(0);
        }
        let affected = Connection::of_token(conn, token_id)?;
        for c in &affected {
            outbox::record_event(
                conn,
                c.into(),
                EventType::retired(status),
                json!({ "reason": reason }),
            )?;
        }
        Ok(affected.len())
    })
}

/// The athlete changed what our app may do (`APP_SCOPE_CHANGED`, not a deauthorization): the
/// token's scopes follow and every connection using it hears its new effective scopes.
pub fn token_scopes_changed(
    conn: &mut DbConn,
    token: &Token,
    granted: &ScopeSet,
) -> QueryResult<()> {
    Token::set_scopes(conn, &token.id, &granted.to_string())?;
    for c in Connection::of_token(conn, &token.id)? {
        let effective = ScopeSet::parse_lenient(&c.scopes).effective(granted);
        outbox::record_event(
            conn,
            (&c).into(),
            EventType::ConnectionUpdated,
            json!({ "scopes": effective.to_vec(), "status": token.status }),
        )?;
    }
    Ok(())
}

/// A grant Intervals.icu completed, its access token already encrypted.
pub struct StoredGrant<'a> {
    pub client_id: &'a str,
    pub athlete_id: &'a AthleteId,
    pub athlete_name: Option<&'a str>,
    pub scope: &'a str,
    pub key_id: &'a str,
    pub access_token_enc: &'a str,
}

/// Stores the token (one per OAuth app and athlete: a new grant replaces the old), creates or
/// updates the connection, announces it and completes the session, in one transaction. Two
/// callbacks for one athlete racing to insert the token: the loser updates what the winner
/// inserted.
pub fn store_grant(
    conn: &mut DbConn,
    session: &ConnectSession,
    grant: &StoredGrant<'_>,
) -> QueryResult<()> {
    match store_grant_once(conn, session, grant) {
        Err(e) if crate::db::models::is_unique_violation(&e) => {
            store_grant_once(conn, session, grant)
        }
        other => other,
    }
}

fn store_grant_once(
    conn: &mut DbConn,
    session: &ConnectSession,
    grant: &StoredGrant<'_>,
) -> QueryResult<()> {
    let granted = ScopeSet::parse_lenient(grant.scope);
    write_tx(conn, |conn| {
        let token_id = Token::save_grant(
            conn,
            &NewGrant {
                client_id: grant.client_id,
                athlete_id: grant.athlete_id,
                athlete_name: grant.athlete_name,
                key_id: grant.key_id,
                access_token_enc: grant.access_token_enc,
                scopes: &granted.to_string(),
            },
        )?;
        let created = Connection::upsert(
            conn,
            &NewConnection {
                tenant_id: &session.tenant_id,
                user_id: &session.user_id,
                athlete_id: grant.athlete_id,
                token_id: &token_id,
                scopes: &session.scopes,
            },
        )?;
        let effective = ScopeSet::parse_lenient(&session.scopes).effective(&granted);
        outbox::record_event(
            conn,
            Recipient {
                tenant_id: &session.tenant_id,
                user_id: &session.user_id,
                athlete_id: grant.athlete_id,
            },
            if created {
                EventType::ConnectionCreated
            } else {
                EventType::ConnectionUpdated
            },
            json!({"scopes": effective.to_vec(), "athlete_name": grant.athlete_name}),
        )?;
        ConnectSession::transition(
            conn,
            &session.id,
            SessionStatus::Exchanging,
            SessionStatus::Completed,
            None,
        )?;
        Ok(())
    })
}

/// A user about to be disconnected.
pub struct Disconnect {
    pub connection: Connection,
    pub token: Token,
    /// No other connection uses the athlete's token: it is revoked upstream and deleted.
    pub last_user: bool,
}

/// Looks up what disconnecting the tenant's user involves; `None` when there is no such user.
pub fn plan_disconnect(
    conn: &mut DbConn,
    tenant_id: &TenantId,
    user_id: &UserId,
) -> QueryResult<Option<Disconnect>> {
    let Some((connection, token)) = Connection::find_with_token(conn, tenant_id, user_id)? else {
        return Ok(None);
    };
    let users = Connection::count_of_token(conn, &token.id)?;
    Ok(Some(Disconnect {
        connection,
        token,
        last_user: users <= 1,
    }))
}

/// Forgets the connection and what still waited to be pushed for it, and the token with its
/// last connection, in one transaction.
pub fn forget(conn: &mut DbConn, d: &Disconnect) -> QueryResult<()> {
    write_tx(conn, |conn| {
        Connection::delete(conn, &d.connection.id)?;
        WellnessRow::forget_pending_of_user(conn, &d.connection.tenant_id, &d.connection.user_id)?;
        if Connection::count_of_token(conn, &d.token.id)? == 0 {
            Token::delete(conn, &d.token.id)?;
        }
        Ok(())
    })
}
