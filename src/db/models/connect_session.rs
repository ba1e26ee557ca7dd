//! `connect_sessions`: one connect link each, and the state of its browser flow.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Tenant;
use crate::db::schema::{connect_sessions as cs, tenants};
use crate::db::types::SessionStatus;
use crate::db::types::{TenantId, UserId};
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
