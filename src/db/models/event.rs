//! `events`: every tenant event, lifecycle and routed upstream ones alike (the webhook outbox).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::events;
use crate::db::types::{AthleteId, TenantId, UserId};
use crate::db::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = events)]
pub struct Event {
    pub id: String,
    pub tenant_id: TenantId,
    pub user_id: Option<UserId>,
    pub athlete_id: Option<AthleteId>,
    pub event_type: String,
    pub payload: String,
    pub created_at: NaiveDateTime,
}

impl Event {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(events::table)
            .values(self)
            .execute(conn)
            .map(|_| ())
    }
}
