-- Wellness handed to us by a tenant, merged per (tenant, user, day) and pushed to Intervals.icu
-- per athlete. A row is pushed when pushed_version = version.
CREATE TABLE wellness_records (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    athlete_id TEXT NOT NULL,
    day TEXT NOT NULL,
    fields TEXT NOT NULL,
    version INTEGER NOT NULL,
    pushed_version INTEGER NOT NULL,
    push_now BOOLEAN NOT NULL,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    pushed_at TIMESTAMP,
    UNIQUE (tenant_id, user_id, day)
);
CREATE INDEX wellness_records_athlete ON wellness_records (athlete_id, day);
CREATE INDEX wellness_records_pending ON wellness_records (athlete_id) WHERE pushed_version < version;
