//! Activity uploads by `external_id`: the id is namespaced per tenant upstream (so two tenants'
//! `ride-1` never meet, and `/links/activities/{external_id}` can find the tenant), mapped back
//! to each tenant's own id on the way out (another tenant's is hidden), and claimed before an
//! upload so the same `external_id` never uploads twice.

use diesel::QueryResult;
use serde_json::{Map, Value};

use crate::db::models::{Upload, UploadClaim};
use crate::db::types::{TenantId, UserId};
use crate::db::DbConn;

/// A pending upload older than this is taken to have died with its instance and may be retried.
pub const STALE_PENDING_SECS: i64 = 600;

/// The `external_id` sent upstream: namespaced by tenant so tenants cannot collide, and
/// resolvable by `/links/activities/{external_id}`.
pub fn upstream_external_id(tenant_id: &str, external_id: &str) -> String {
    format!("{tenant_id}.{external_id}")
}

/// The tenant's own `external_id` back from an upstream one; another tenant's is hidden.
pub fn own_external_id(tenant_id: &str, upstream: &str) -> Option<String> {
    if let Some(own) = namespaced_for(tenant_id, upstream) {
        return Some(own);
    }
    match upstream.split_once('.') {
        Some((t, _)) if uuid::Uuid::parse_str(t).is_ok() => None,
        _ => Some(upstream.to_owned()),
    }
}

/// The tenant's own `external_id` when `upstream` is in its namespace, else `None` (another
/// tenant's, or an id the bridge did not send).
pub fn namespaced_for(tenant_id: &str, upstream: &str) -> Option<String> {
    match upstream.split_once('.') {
        Some((t, ext)) if t == tenant_id => Some(ext.to_owned()),
        _ => None,
    }
}

/// Rewrites `external_id` in an upstream object to what the tenant knows (or null).
pub fn map_external_id(obj: &mut Map<String, Value>, tenant_id: &str) {
    if let Some(ext) = obj
        .get("external_id")
        .and_then(Value::as_str)
        .map(str::to_owned)
    {
        obj.insert(
            "external_id".into(),
            own_external_id(tenant_id, &ext)
                .map(Value::String)
                .unwrap_or(Value::Null),
        );
    }
}

/// Claims (tenant, user, external_id) for an upload of the file with SHA-256 `sha`.
pub fn claim(
    conn: &mut DbConn,
    tenant_id: &TenantId,
    user_id: &UserId,
    external_id: &str,
    sha: &str,
) -> QueryResult<UploadClaim> {
    Upload::claim(
        conn,
        tenant_id,
        user_id,
        external_id,
        sha,
        chrono::Duration::seconds(STALE_PENDING_SECS),
    )
}
