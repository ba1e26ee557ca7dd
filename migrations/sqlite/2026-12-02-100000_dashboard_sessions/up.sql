-- Partner dashboard sessions: one row per signed-in browser. The cookie carries a random token;
-- only its SHA-256 is stored, so the table alone lets no one in.
CREATE TABLE dashboard_sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX dashboard_sessions_tenant ON dashboard_sessions (tenant_id);
CREATE INDEX dashboard_sessions_expires_at ON dashboard_sessions (expires_at);
