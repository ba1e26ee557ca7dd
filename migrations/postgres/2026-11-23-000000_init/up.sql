CREATE TABLE tenants (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    api_key_hash TEXT NOT NULL UNIQUE,
    api_key_prefix TEXT NOT NULL,
    webhook_url TEXT,
    webhook_secret_enc TEXT NOT NULL,
    webhook_secret_key_id TEXT NOT NULL,
    redirect_urls TEXT NOT NULL,
    activity_url_template TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE connect_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    redirect_url TEXT,
    scopes TEXT NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    completed_at TIMESTAMP
);
CREATE INDEX connect_sessions_tenant ON connect_sessions (tenant_id);

-- Intervals.icu keeps one token per (OAuth app, athlete); so do we.
CREATE TABLE tokens (
    id TEXT PRIMARY KEY NOT NULL,
    client_id TEXT NOT NULL,
    athlete_id TEXT NOT NULL,
    athlete_name TEXT,
    access_token_enc TEXT NOT NULL,
    key_id TEXT NOT NULL,
    scopes TEXT NOT NULL,
    status TEXT NOT NULL,
    status_reason TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (client_id, athlete_id)
);

CREATE TABLE connections (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    athlete_id TEXT NOT NULL,
    token_id TEXT NOT NULL REFERENCES tokens(id),
    scopes TEXT NOT NULL,
    connected_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (tenant_id, user_id)
);
CREATE INDEX connections_athlete ON connections (athlete_id);
CREATE INDEX connections_token ON connections (token_id);

-- Lifecycle events for partner webhooks (connection.created, connection.invalid, ...).
CREATE TABLE events (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id TEXT,
    athlete_id TEXT,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX events_tenant ON events (tenant_id, created_at);
