//! Connections and the tokens behind them: who may do what now (effective scopes, the token's
//! status), storing a completed grant, retiring a token for every tenant that shares it, and
//! erasing a disconnected user. Handlers and jobs both call these; none of them knows HTTP.

use diesel::QueryResult;
use serde_json::json;

use crate::db::models::{
    ConnectSession, Connection, InboundEvent, NewConnection, NewGrant, PlannedWorkout, Token,
    Upload, WellnessRow,
};
use crate::db::types::{AthleteId, SessionStatus, TenantId, TokenStatus, UserId};
use crate::db::{now, write_tx, DbConn};
use crate::domain::scopes::{Scope, ScopeSet};
use crate::domain::webhooks::outbox::{self, EventType, Recipient};
use crate::services::jobs::{self, Job, NewJob};

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
            tell(
                conn,
                c,
                EventType::retired(status),
                json!({ "reason": reason }),
            )?;
        }
        Ok(affected.len())
    })
}

/// Tells a connection's tenant of a change to it: the event, and the connection's `updated_at`
/// (what `GET /v1/users/{user_id}` shows moves only with the tenant's own connection's events).
fn tell(
    conn: &mut DbConn,
    c: &Connection,
    event: EventType,
    data: serde_json::Value,
) -> QueryResult<()> {
    Connection::touch(conn, &c.id)?;
    outbox::record_event(conn, c.into(), event, data)
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
        tell(
            conn,
            &c,
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

/// Trips back to Intervals.icu a connect may take for scopes other connections hold.
pub const MAX_EXTRA_TRIPS: i32 = 2;
/// The job that settles a connect whose athlete left during a top-up.
pub const TOP_UP_EXPIRED: &str = "connect.top_up_expired";
/// How long the athlete has on the top-up page and at Intervals.icu before the connect settles.
pub const TOP_UP_TTL_SECONDS: i64 = 15 * 60;

/// What a grant leads to.
#[derive(Debug, PartialEq)]
pub enum GrantOutcome {
    /// The connection is stored and announced.
    Connected,
    /// The athlete's new grant leaves out scopes other connections of the athlete hold, which
    /// this consent did not ask for: the browser goes back to Intervals.icu for them first
    /// (the session waits in `top_up`).
    TopUp { missing: ScopeSet },
}

/// Stores a grant and decides whether the connect is done. Intervals.icu keeps one token per
/// app and athlete and a new grant replaces the old one, so a narrower grant for one tenant
/// would take access away from the others sharing the token: when the grant lacks scopes other
/// active connections held and this trip did not ask for them, the connect takes another trip
/// (at most [`MAX_EXTRA_TRIPS`]). What the athlete was asked for and still left out is a
/// deliberate choice: it is accepted, and every tenant whose scopes shrank hears
/// `connection.updated`. Two callbacks racing to insert one athlete's token: the loser retries.
pub fn accept_grant(
    conn: &mut DbConn,
    session: &ConnectSession,
    grant: &StoredGrant<'_>,
) -> QueryResult<GrantOutcome> {
    match accept_grant_once(conn, session, grant) {
        Err(e) if crate::db::models::is_unique_violation(&e) => {
            accept_grant_once(conn, session, grant)
        }
        other => other,
    }
}

fn accept_grant_once(
    conn: &mut DbConn,
    session: &ConnectSession,
    grant: &StoredGrant<'_>,
) -> QueryResult<GrantOutcome> {
    let granted = ScopeSet::parse_lenient(grant.scope);
    write_tx(conn, |conn| {
        let same_athlete = session.athlete_id.as_ref() == Some(grant.athlete_id);
        let owed = if session.extra_trips > 0 && same_athlete {
            ScopeSet::parse_lenient(session.owed_scopes.as_deref().unwrap_or_default())
        } else {
            if session.extra_trips > 0 {
                // The athlete switched accounts on the way back: the first trip's grant stays on
                // the first account, and the connections there that it narrowed hear it now
                // (this connect will no longer settle that account).
                announce_switched_away(conn, grant.client_id, session)?;
            }
            // The first grant (or the athlete switched accounts on the way): what the others
            // held under the grant this one replaces.
            let prior = Token::find_for(conn, grant.client_id, grant.athlete_id)?
                .filter(|t| t.status == TokenStatus::Active);
            let mut owed = ScopeSet::default();
            if let Some(t) = &prior {
                for c in Connection::of_token(conn, &t.id)? {
                    if !is_session_user(&c, session) {
                        owed = owed.union(&effective_scopes(&c, t));
                    }
                }
            }
            let prior_scopes = prior.map(|t| t.scopes).unwrap_or_default();
            ConnectSession::remember_prior(
                conn,
                &session.id,
                grant.athlete_id,
                &prior_scopes,
                &owed.to_string(),
            )?;
            owed
        };
        Token::save_grant(
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
        let requested = ScopeSet::parse_lenient(&session.scopes);
        let asked = if session.extra_trips == 0 {
            requested
        } else {
            requested.union(&owed)
        };
        let missing = owed.not_allowed_by(&granted);
        let never_asked = missing.not_allowed_by(&asked);
        if !never_asked.is_empty() && session.extra_trips < MAX_EXTRA_TRIPS {
            ConnectSession::transition(
                conn,
                &session.id,
                SessionStatus::Exchanging,
                SessionStatus::TopUp,
                None,
            )?;
            // If the athlete leaves now, the connect settles with what was granted.
            let settle_at = now() + chrono::Duration::seconds(TOP_UP_TTL_SECONDS);
            let job = TopUpJob {
                session_id: session.id.clone(),
            };
            jobs::enqueue(
                conn,
                &NewJob::of(&job).run_at(settle_at).dedupe_key(format!(
                    "{TOP_UP_EXPIRED}:{}:{}",
                    session.id, session.extra_trips
                )),
            )?;
            return Ok(GrantOutcome::TopUp { missing });
        }
        finish(conn, grant.client_id, &session.id)?;
        Ok(GrantOutcome::Connected)
    })
}

/// Every connection of `token` but the session's own whose scopes the token's grant narrowed
/// (against `prior`, the grant it replaced) hears `connection.updated` with what it may do now.
fn announce_narrowed(
    conn: &mut DbConn,
    session: &ConnectSession,
    token: &Token,
    prior: &ScopeSet,
) -> QueryResult<()> {
    let granted = ScopeSet::parse_lenient(&token.scopes);
    for c in Connection::of_token(conn, &token.id)? {
        if is_session_user(&c, session) {
            continue;
        }
        let requested = ScopeSet::parse_lenient(&c.scopes);
        let (before, after) = (requested.effective(prior), requested.effective(&granted));
        if !after.covers(&before) {
            tell(
                conn,
                &c,
                EventType::ConnectionUpdated,
                json!({ "scopes": after.to_vec(), "status": token.status }),
            )?;
        }
    }
    Ok(())
}

/// A top-up came back with another athlete's grant: the first athlete keeps the first trip's
/// grant, so its other connections hear what it narrowed against the grant before this connect.
fn announce_switched_away(
    conn: &mut DbConn,
    client_id: &str,
    session: &ConnectSession,
) -> QueryResult<()> {
    let Some(first) = &session.athlete_id else {
        return Ok(());
    };
    let Some(token) = Token::find_for(conn, client_id, first)? else {
        return Ok(());
    };
    let prior = ScopeSet::parse_lenient(session.prior_scopes.as_deref().unwrap_or_default());
    announce_narrowed(conn, session, &token, &prior)
}

/// What a top-up trip asks for: what the first trip granted (not what the athlete just declined
/// there) plus what the athlete's other connections are owed.
pub fn top_up_scopes(
    conn: &mut DbConn,
    client_id: &str,
    session: &ConnectSession,
) -> QueryResult<ScopeSet> {
    let owed = ScopeSet::parse_lenient(session.owed_scopes.as_deref().unwrap_or_default());
    let granted = match &session.athlete_id {
        Some(athlete) => Token::find_for(conn, client_id, athlete)?
            .map(|t| ScopeSet::parse_lenient(&t.scopes))
            .unwrap_or_default(),
        None => ScopeSet::default(),
    };
    Ok(granted.union(&owed))
}

fn is_session_user(c: &Connection, session: &ConnectSession) -> bool {
    c.tenant_id == session.tenant_id && c.user_id == session.user_id
}

/// Completes a connect with the athlete's current grant: the connection is stored and
/// announced (`connection.created`/`connection.updated`), every other connection whose scopes
/// the grant narrowed hears `connection.updated` with what it may do now, and the session is
/// `completed`. The session must be `exchanging` (claimed by the caller).
pub fn finish(conn: &mut DbConn, client_id: &str, session_id: &str) -> QueryResult<()> {
    write_tx(conn, |conn| {
        let Some(session) = ConnectSession::find(conn, session_id)? else {
            return Ok(());
        };
        let Some(athlete) = session.athlete_id.clone() else {
            return Ok(());
        };
        let Some(token) = Token::find_for(conn, client_id, &athlete)? else {
            return Ok(());
        };
        let granted = ScopeSet::parse_lenient(&token.scopes);
        let prior = ScopeSet::parse_lenient(session.prior_scopes.as_deref().unwrap_or_default());
        let created = Connection::upsert(
            conn,
            &NewConnection {
                tenant_id: &session.tenant_id,
                user_id: &session.user_id,
                athlete_id: &athlete,
                token_id: &token.id,
                scopes: &session.scopes,
            },
        )?;
        let effective = ScopeSet::parse_lenient(&session.scopes).effective(&granted);
        outbox::record_event(
            conn,
            Recipient {
                tenant_id: &session.tenant_id,
                user_id: &session.user_id,
                athlete_id: &athlete,
            },
            if created {
                EventType::ConnectionCreated
            } else {
                EventType::ConnectionUpdated
            },
            json!({"scopes": effective.to_vec(), "athlete_name": token.athlete_name}),
        )?;
        announce_narrowed(conn, &session, &token, &prior)?;
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

/// The athlete left a top-up (never came back from our page or from Intervals.icu): the connect
/// settles with the grant in force. Idempotent; a session that moved on is left alone.
pub fn settle_abandoned_top_up(
    conn: &mut DbConn,
    client_id: &str,
    session_id: &str,
) -> QueryResult<bool> {
    write_tx(conn, |conn| {
        let from_page = ConnectSession::transition(
            conn,
            session_id,
            SessionStatus::TopUp,
            SessionStatus::Exchanging,
            None,
        )?;
        let from_upstream = !from_page
            && ConnectSession::find(conn, session_id)?
                .is_some_and(|s| s.extra_trips > 0 && s.status == SessionStatus::Authorizing)
            && ConnectSession::transition(
                conn,
                session_id,
                SessionStatus::Authorizing,
                SessionStatus::Exchanging,
                None,
            )?;
        if from_page || from_upstream {
            finish(conn, client_id, session_id)?;
        }
        Ok(from_page || from_upstream)
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

/// Rows an erasure deletes per transaction (events with their deliveries, or wellness records).
pub const ERASE_BATCH: i64 = 500;

/// Erases what the bridge holds for the (tenant, user): the connection, its connect sessions, its
/// wellness (pending and pushed), its upload and planned-workout records, and its events with
/// their deliveries, attempts and delivery jobs. With the athlete's last connection (across
/// tenants) the token and the athlete's inbound Intervals.icu events go too.
///
/// The bulk (events and wellness, which grow with time) goes first, [`ERASE_BATCH`] rows per
/// short transaction, while the connection still stands: no lock is held for the whole erasure,
/// and a crash halfway leaves the user connected, so the partner's retry finishes the job. The
/// last transaction deletes the connection and whatever arrived meanwhile.
///
/// `false`, with nothing changed, when this turned out to be the athlete's last connection
/// though the plan said otherwise (another tenant's user of the athlete was disconnected
/// meanwhile, trusting this one to remain): the caller plans again, which revokes the active
/// token upstream first. Disconnects of one token take turns on its row.
pub fn forget(conn: &mut DbConn, d: &Disconnect) -> QueryResult<bool> {
    let (tenant, user) = (&d.connection.tenant_id, &d.connection.user_id);
    let batch = ERASE_BATCH as usize;
    loop {
        let events = write_tx(conn, |conn| {
            outbox::forget_user_batch(conn, tenant, user, ERASE_BATCH)
        })?;
        if events < batch {
            break;
        }
    }
    loop {
        let records = write_tx(conn, |conn| {
            WellnessRow::delete_batch_of_user(conn, tenant, user, ERASE_BATCH)
        })?;
        if records < batch {
            break;
        }
    }
    let erased = write_tx(conn, |conn| {
        Token::lock(conn, &d.token.id)?;
        let now_last = Connection::count_of_token(conn, &d.token.id)? <= 1;
        if now_last && !d.last_user && d.token.status == TokenStatus::Active {
            return Err(diesel::result::Error::RollbackTransaction);
        }
        Connection::delete(conn, &d.connection.id)?;
        ConnectSession::delete_of_user(conn, tenant, user)?;
        WellnessRow::delete_of_user(conn, tenant, user)?;
        Upload::delete_of_user(conn, tenant, user)?;
        PlannedWorkout::delete_of_user(conn, tenant, user)?;
        outbox::forget_user(conn, tenant, user)?;
        if Connection::count_of_token(conn, &d.token.id)? == 0 {
            Token::delete(conn, &d.token.id)?;
        }
        if Connection::count_of_athlete(conn, &d.connection.athlete_id)? == 0 {
            InboundEvent::delete_of_athlete(conn, &d.connection.athlete_id)?;
        }
        Ok(())
    });
    match erased {
        Ok(()) => Ok(true),
        Err(diesel::result::Error::RollbackTransaction) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Settles a connect whose athlete left the top-up page.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct TopUpJob {
    session_id: String,
}

impl Job for TopUpJob {
    const QUEUE: &'static str = outbox::QUEUE;
    const KIND: &'static str = TOP_UP_EXPIRED;
}

/// Registers the job that settles abandoned top-ups.
pub fn register(registry: &mut jobs::Registry<std::sync::Arc<crate::services::state::AppState>>) {
    registry.register_job(
        |state: std::sync::Arc<crate::services::state::AppState>, job: TopUpJob| async move {
            let client_id = state.config.client_id.clone();
            crate::db::run(&state.pool, move |conn| {
                let settled = settle_abandoned_top_up(conn, &client_id, &job.session_id)?;
                if settled {
                    log::info!("connect {}: top-up abandoned, settled", job.session_id);
                }
                Ok::<_, jobs::JobError>(())
            })
            .await
        },
    );
}
