CREATE TABLE uploads_old (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    external_id TEXT NOT NULL,
    status TEXT NOT NULL,
    activity_id TEXT,
    activity_ids TEXT,
    duplicate BOOLEAN NOT NULL,
    file_sha256 TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (tenant_id, user_id, external_id)
);
INSERT OR IGNORE INTO uploads_old (id, tenant_id, user_id, external_id, status, activity_id,
    activity_ids, duplicate, file_sha256, created_at, updated_at)
SELECT id, tenant_id, user_id, external_id, status, activity_id, activity_ids, duplicate,
    file_sha256, created_at, updated_at
FROM uploads ORDER BY created_at, id;
DROP TABLE uploads;
ALTER TABLE uploads_old RENAME TO uploads;
