-- An upload's external_id is claimed per (tenant, athlete), not per (tenant, user): Intervals.icu
-- keeps one external_id namespace per tenant on each athlete, so two users of one tenant on one
-- athlete must not upload the same external_id twice. Existing claims take their user's athlete;
-- of claims that now collide the oldest stays (it named the activity first); a claim without a
-- connection (its user was erased) goes.
CREATE TABLE uploads_new (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    athlete_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    external_id TEXT NOT NULL,
    status TEXT NOT NULL,
    activity_id TEXT,
    activity_ids TEXT,
    duplicate BOOLEAN NOT NULL,
    file_sha256 TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (tenant_id, athlete_id, external_id)
);
INSERT OR IGNORE INTO uploads_new (id, tenant_id, athlete_id, user_id, external_id, status,
    activity_id, activity_ids, duplicate, file_sha256, created_at, updated_at)
SELECT u.id, u.tenant_id, c.athlete_id, u.user_id, u.external_id, u.status,
    u.activity_id, u.activity_ids, u.duplicate, u.file_sha256, u.created_at, u.updated_at
FROM uploads u
JOIN connections c ON c.tenant_id = u.tenant_id AND c.user_id = u.user_id
ORDER BY u.created_at, u.id;
DROP TABLE uploads;
ALTER TABLE uploads_new RENAME TO uploads;
CREATE INDEX uploads_user ON uploads (tenant_id, user_id);
