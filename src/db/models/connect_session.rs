//! `connect_sessions`: one connect link each, and the state of its browser flow.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Tenant;
use crate::db::schema::{connect_sessions as cs, tenants};
use crate::db::types::SessionStatus;
use crate::db::types::{AthleteId, TenantId, UserId};
use crate::db::{now, DbConn};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = cs)]
pub struct ConnectSession {
    pub id: String,
    pub tenant_id: TenantId,
    pub user_id: UserId,
    pub redirect_url: Option<String>,
    pub scopes: String,
    pub status: SessionStatus,
    pub error: Option<String>,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
    pub completed_at: Option<NaiveDateTime>,
    /// Trips back to Intervals.icu for scopes other connections hold (at most two).
    pub extra_trips: i32,
    /// The athlete of the first grant of this session.
    pub athlete_id: Option<AthleteId>,
    /// The athlete's grant before this session (empty when there was none, or not active).
    pub prior_scopes: Option<String>,
    /// What other active connections of the athlete held before this session.
    pub owed_scopes: Option<String>,
}

impl ConnectSession {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(cs::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<ConnectSession>> {
        cs::table
            .find(id)
            .select(ConnectSession::as_select())
            .first(conn)
            .optional()
    }

    pub fn find_with_tenant(
        conn: &mut DbConn,
        id: &str,
    ) -> QueryResult<Option<(ConnectSession, Tenant)>> {
        cs::table
            .inner_join(tenants::table)
            .filter(cs::id.eq(id))
            .select((ConnectSession::as_select(), Tenant::as_select()))
            .first(conn)
            .optional()
    }

    /// Remembers, at the first grant, whose grant it replaced and what others held then.
    pub fn remember_prior(
        conn: &mut DbConn,
        id: &str,
        athlete_id: &AthleteId,
        prior_scopes: &str,
        owed_scopes: &str,
    ) -> QueryResult<()> {
        diesel::update(cs::table.find(id))
            .set((
                cs::athlete_id.eq(Some(athlete_id)),
                cs::prior_scopes.eq(Some(prior_scopes)),
                cs::owed_scopes.eq(Some(owed_scopes)),
            ))
            .execute(conn)
            .map(|_| ())
    }

    /// The browser goes back to Intervals.icu for more: `top_up` → `authorizing`, one more
    /// trip counted. False when the session was not waiting (a replay).
    pub fn continue_top_up(conn: &mut DbConn, id: &str) -> QueryResult<bool> {
        let n = diesel::update(
            cs::table
                .filter(cs::id.eq(id))
                .filter(cs::status.eq(SessionStatus::TopUp)),
        )
        .set((
            cs::status.eq(SessionStatus::Authorizing),
            cs::extra_trips.eq(cs::extra_trips + 1),
        ))
        .execute(conn)?;
        Ok(n == 1)
    }

    /// Deletes up to `limit` spent sessions created before `older_than`: every one whose link
    /// was used (completed, failed, or abandoned on the way), and pending ones whose link expired
    /// before `older_than`. A pending link still valid stays whatever its age. Returns how many.
    pub fn purge_spent_before(
        conn: &mut DbConn,
        older_than: NaiveDateTime,
        limit: i64,
    ) -> QueryResult<usize> {
        // expires_at follows created_at, so created_at bounds both kinds (one index range).
        let ids: Vec<String> = cs::table
            .filter(cs::created_at.lt(older_than))
            .filter(
                cs::status
                    .ne(SessionStatus::Pending)
                    .or(cs::expires_at.lt(older_than)),
            )
            .order(cs::created_at)
            .limit(limit)
            .select(cs::id)
            .load(conn)?;
        if ids.is_empty() {
            return Ok(0);
        }
        diesel::delete(cs::table.filter(cs::id.eq_any(&ids))).execute(conn)
    }

    /// Deletes every session of the tenant's user, its links included; returns how many.
    pub fn delete_of_user(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        user_id: &UserId,
    ) -> QueryResult<usize> {
        diesel::delete(
            cs::table
                .filter(cs::tenant_id.eq(tenant_id))
                .filter(cs::user_id.eq(user_id)),
        )
        .execute(conn)
    }

    /// Moves the session from `from` to `to` atomically (of two racing callers, one wins):
    /// true for the winner. Leaving `pending` spends the link (`used_at`); `error` is recorded
    /// with a failure.
    pub fn transition(
        conn: &mut DbConn,
        id: &str,
        from: SessionStatus,
        to: SessionStatus,
        error: Option<&str>,
    ) -> QueryResult<bool> {
        let now = now();
        let finished = matches!(to, SessionStatus::Completed | SessionStatus::Failed);
        let target = cs::table.filter(cs::id.eq(id)).filter(cs::status.eq(from));
        let n = if from == SessionStatus::Pending {
            diesel::update(target)
                .set((
                    cs::status.eq(to),
                    cs::used_at.eq(Some(now)),
                    cs::error.eq(error),
                ))
                .execute(conn)?
        } else {
            diesel::update(target)
                .set((
                    cs::status.eq(to),
                    cs::error.eq(error),
                    cs::completed_at.eq(finished.then_some(now)),
                ))
                .execute(conn)?
        };
        Ok(n == 1)
    }
}
