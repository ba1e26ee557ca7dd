-- One row per (tenant, user, external_id): the same external_id never uploads twice.
CREATE TABLE uploads (
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
