//! `uploads`: an activity upload claimed by (tenant, athlete, external_id), so the same
//! `external_id` never uploads twice to one athlete, whichever of the tenant's users sends it,
//! with the answer stored once it is done.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::uploads;
use crate::db::types::{AthleteId, TenantId, UploadStatus, UserId};
use crate::db::{new_id, now, DbConn};

/// What a finished upload answered.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = uploads)]
pub struct Upload {
    pub id: String,
    pub status: UploadStatus,
    pub activity_id: Option<String>,
    /// JSON array of every activity id.
    pub activity_ids: Option<String>,
    pub duplicate: bool,
    pub updated_at: NaiveDateTime,
}

/// The outcome of claiming an `external_id`.
#[derive(Debug)]
pub enum UploadClaim {
    /// Ours now: upload it.
    Proceed,
    /// Uploaded before: answer what it answered then.
    Done(Upload),
    /// Another request is uploading it right now.
    InProgress,
}

impl Upload {
    pub fn activity_id_list(&self) -> Vec<String> {
        self.activity_ids
            .as_deref()
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default()
    }

    /// Claims (tenant, athlete, external_id) for the user's upload of the file with hash `sha`,
    /// made by `instance`. A pending claim is taken over (of two takers, one wins) when it was
    /// untouched for `stale_after`, or when it is older than `dead_after` and its instance has
    /// not beaten its heartbeat for as long (it died: killed, or its machine went).
    #[allow(clippy::too_many_arguments)]
    pub fn claim(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        athlete_id: &AthleteId,
        user_id: &UserId,
        external_id: &str,
        sha: &str,
        instance: &str,
        stale_after: chrono::Duration,
        dead_after: chrono::Duration,
    ) -> QueryResult<UploadClaim> {
        let now = now();
        let inserted = diesel::insert_into(uploads::table)
            .values((
                uploads::id.eq(new_id()),
                uploads::tenant_id.eq(tenant_id),
                uploads::athlete_id.eq(athlete_id),
                uploads::user_id.eq(user_id),
                uploads::external_id.eq(external_id),
                uploads::status.eq(UploadStatus::Pending),
                uploads::duplicate.eq(false),
                uploads::file_sha256.eq(sha),
                uploads::created_at.eq(now),
                uploads::updated_at.eq(now),
                uploads::instance_id.eq(instance),
            ))
            .execute(conn);
        match inserted {
            Ok(_) => return Ok(UploadClaim::Proceed),
            Err(e) if super::is_unique_violation(&e) => {}
            Err(e) => return Err(e),
        }
        let row: Upload = uploads::table
            .filter(uploads::tenant_id.eq(tenant_id))
            .filter(uploads::athlete_id.eq(athlete_id))
            .filter(uploads::external_id.eq(external_id))
            .select(Upload::as_select())
            .first(conn)?;
        if row.status == UploadStatus::Done {
            return Ok(UploadClaim::Done(row));
        }
        if row.updated_at > now - stale_after && !Self::holder_died(conn, &row, now - dead_after)? {
            return Ok(UploadClaim::InProgress);
        }
        let n = diesel::update(
            uploads::table
                .filter(uploads::id.eq(&row.id))
                .filter(uploads::updated_at.eq(row.updated_at)),
        )
        .set((
            uploads::updated_at.eq(now),
            uploads::user_id.eq(user_id),
            uploads::file_sha256.eq(sha),
            uploads::instance_id.eq(instance),
        ))
        .execute(conn)?;
        Ok(if n == 1 {
            UploadClaim::Proceed
        } else {
            UploadClaim::InProgress
        })
    }

    /// Whether the pending claim `row`, untouched since before `since`, was made by an instance
    /// that has not been seen since then either.
    fn holder_died(conn: &mut DbConn, row: &Upload, since: NaiveDateTime) -> QueryResult<bool> {
        use crate::db::schema::bridge_instances;
        if row.updated_at > since {
            return Ok(false);
        }
        let holder: Option<String> = uploads::table
            .find(&row.id)
            .select(uploads::instance_id)
            .first(conn)?;
        let Some(holder) = holder else {
            return Ok(false);
        };
        let seen: i64 = bridge_instances::table
            .filter(bridge_instances::id.eq(&holder))
            .filter(bridge_instances::last_seen.gt(since))
            .count()
            .get_result(conn)?;
        Ok(seen == 0)
    }

    /// Stores the answer of a finished upload.
    pub fn finish(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        athlete_id: &AthleteId,
        external_id: &str,
        activity_id: &str,
        activity_ids: &[String],
        duplicate: bool,
    ) -> QueryResult<()> {
        diesel::update(
            uploads::table
                .filter(uploads::tenant_id.eq(tenant_id))
                .filter(uploads::athlete_id.eq(athlete_id))
                .filter(uploads::external_id.eq(external_id)),
        )
        .set((
            uploads::status.eq(UploadStatus::Done),
            uploads::activity_id.eq(Some(activity_id)),
            uploads::activity_ids.eq(Some(
                serde_json::to_string(activity_ids).unwrap_or_default(),
            )),
            uploads::duplicate.eq(duplicate),
            uploads::updated_at.eq(now()),
        ))
        .execute(conn)
        .map(|_| ())
    }

    /// Takes the user out of the tenant's upload claims; returns how many rows were deleted. A
    /// claim on an athlete another of the tenant's users is connected to passes to that user: it
    /// still names the activity upstream and must keep its `external_id` from uploading again.
    pub fn delete_of_user(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        user_id: &UserId,
    ) -> QueryResult<usize> {
        let athletes: Vec<AthleteId> = uploads::table
            .filter(uploads::tenant_id.eq(tenant_id))
            .filter(uploads::user_id.eq(user_id))
            .select(uploads::athlete_id)
            .distinct()
            .load(conn)?;
        for athlete in athletes {
            let heir = super::Connection::of_athlete(conn, &athlete)?
                .into_iter()
                .find(|c| &c.tenant_id == tenant_id && &c.user_id != user_id)
                .map(|c| c.user_id);
            if let Some(heir) = heir {
                diesel::update(
                    uploads::table
                        .filter(uploads::tenant_id.eq(tenant_id))
                        .filter(uploads::user_id.eq(user_id))
                        .filter(uploads::athlete_id.eq(&athlete)),
                )
                .set(uploads::user_id.eq(&heir))
                .execute(conn)?;
            }
        }
        diesel::delete(
            uploads::table
                .filter(uploads::tenant_id.eq(tenant_id))
                .filter(uploads::user_id.eq(user_id)),
        )
        .execute(conn)
    }

    /// Forgets the upload of `external_id` whatever its state (the activity was deleted), so
    /// the id may be uploaded again.
    pub fn forget(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        athlete_id: &AthleteId,
        external_id: &str,
    ) -> QueryResult<usize> {
        diesel::delete(
            uploads::table
                .filter(uploads::tenant_id.eq(tenant_id))
                .filter(uploads::athlete_id.eq(athlete_id))
                .filter(uploads::external_id.eq(external_id)),
        )
        .execute(conn)
    }

    /// Gives a pending claim back (the upload failed), so the partner can retry it.
    pub fn release(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        athlete_id: &AthleteId,
        external_id: &str,
    ) -> QueryResult<()> {
        diesel::delete(
            uploads::table
                .filter(uploads::tenant_id.eq(tenant_id))
                .filter(uploads::athlete_id.eq(athlete_id))
                .filter(uploads::external_id.eq(external_id))
                .filter(uploads::status.eq(UploadStatus::Pending)),
        )
        .execute(conn)
        .map(|_| ())
    }
}
