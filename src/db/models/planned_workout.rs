//! `planned_workouts`: the Intervals.icu event each of a tenant's planned-workout `external_id`s
//! was last written to, so an upsert can tell a new event from a replaced one.

use diesel::prelude::*;

use crate::db::schema::planned_workouts;
use crate::db::types::{TenantId, UserId};
use crate::db::{new_id, now, DbConn};

pub struct PlannedWorkout;

impl PlannedWorkout {
    /// Records that (tenant, user, external_id) is now event `event_id`; true when that is a new
    /// event (no record yet, or the one recorded was another event: deleted upstream since).
    pub fn record(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        user_id: &UserId,
        external_id: &str,
        event_id: &str,
    ) -> QueryResult<bool> {
        let mine = planned_workouts::table
            .filter(planned_workouts::tenant_id.eq(tenant_id))
            .filter(planned_workouts::user_id.eq(user_id))
            .filter(planned_workouts::external_id.eq(external_id));
        let before: Option<String> = mine
            .select(planned_workouts::event_id)
            .first(conn)
            .optional()?;
        let at = now();
        match before {
            Some(prev) => {
                diesel::update(mine)
                    .set((
                        planned_workouts::event_id.eq(event_id),
                        planned_workouts::updated_at.eq(at),
                    ))
                    .execute(conn)?;
                Ok(prev != event_id)
            }
            None => {
                diesel::insert_into(planned_workouts::table)
                    .values((
                        planned_workouts::id.eq(new_id()),
                        planned_workouts::tenant_id.eq(tenant_id),
                        planned_workouts::user_id.eq(user_id),
                        planned_workouts::external_id.eq(external_id),
                        planned_workouts::event_id.eq(event_id),
                        planned_workouts::created_at.eq(at),
                        planned_workouts::updated_at.eq(at),
                    ))
                    .execute(conn)?;
                Ok(true)
            }
        }
    }

    /// Forgets the given external ids of the tenant's user; returns how many were known.
    pub fn forget(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        user_id: &UserId,
        external_ids: &[String],
    ) -> QueryResult<usize> {
        diesel::delete(
            planned_workouts::table
                .filter(planned_workouts::tenant_id.eq(tenant_id))
                .filter(planned_workouts::user_id.eq(user_id))
                .filter(planned_workouts::external_id.eq_any(external_ids)),
        )
        .execute(conn)
    }

    /// Deletes every record of the tenant's user; returns how many.
    pub fn delete_of_user(
        conn: &mut DbConn,
        tenant_id: &TenantId,
        user_id: &UserId,
    ) -> QueryResult<usize> {
        diesel::delete(
            planned_workouts::table
                .filter(planned_workouts::tenant_id.eq(tenant_id))
                .filter(planned_workouts::user_id.eq(user_id)),
        )
        .execute(conn)
    }
}
