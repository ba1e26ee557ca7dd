//! `dashboard_sessions`: one signed-in partner dashboard browser each, found by the SHA-256 of
//! the token its cookie carries.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Tenant;
use crate::db::schema::{dashboard_sessions as ds, tenants};
use crate::db::types::TenantId;
use crate::db::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = ds)]
pub struct DashboardSession {
    pub token_hash: String,
    pub tenant_id: TenantId,
    /// What every form of the session carries back (compared in constant time).
    pub csrf_token: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    /// The hash of the API key it signed in with: the session ends with that key.
    pub api_key_hash: String,
}

impl DashboardSession {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(ds::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }

    /// The session whose token hashes to `token_hash`, with its tenant, if it has not expired
    /// by `now` and its API key still works: the tenant's current key, or its previous one
    /// within the overlap.
    pub fn find_live_with_tenant(
        conn: &mut DbConn,
        token_hash: &str,
        now: NaiveDateTime,
    ) -> QueryResult<Option<(DashboardSession, Tenant)>> {
        ds::table
            .inner_join(tenants::table)
            .filter(ds::token_hash.eq(token_hash))
            .filter(ds::expires_at.gt(now))
            .filter(
                ds::api_key_hash
                    .eq(tenants::api_key_hash)
                    .or(ds::api_key_hash
                        .nullable()
                        .eq(tenants::previous_api_key_hash)
                        .and(tenants::previous_api_key_until.gt(now))),
            )
            .select((DashboardSession::as_select(), Tenant::as_select()))
            .first(conn)
            .optional()
    }

    /// Deletes the session; true when there was one.
    pub fn delete(conn: &mut DbConn, token_hash: &str) -> QueryResult<bool> {
        diesel::delete(ds::table.find(token_hash))
            .execute(conn)
            .map(|n| n > 0)
    }

    /// Deletes every session of a tenant; returns how many went.
    pub fn delete_all_of(conn: &mut DbConn, tenant_id: &TenantId) -> QueryResult<usize> {
        diesel::delete(ds::table.filter(ds::tenant_id.eq(tenant_id))).execute(conn)
    }

    /// Deletes up to `limit` sessions that expired before `now`; returns how many went.
    pub fn purge_expired(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<usize> {
        let hashes: Vec<String> = ds::table
            .filter(ds::expires_at.le(now))
            .order(ds::expires_at)
            .limit(limit)
            .select(ds::token_hash)
            .load(conn)?;
        let mut deleted = 0;
        for chunk in hashes.chunks(super::ID_CHUNK) {
            deleted +=
                diesel::delete(ds::table.filter(ds::token_hash.eq_any(chunk))).execute(conn)?;
        }
        Ok(deleted)
    }
}
