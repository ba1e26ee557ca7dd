-- Planned workouts a tenant wrote through the bridge: its own external_id and the Intervals.icu
-- event that holds it, so an upsert can say whether it created the event or replaced it.
CREATE TABLE planned_workouts (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    external_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (tenant_id, user_id, external_id)
);
