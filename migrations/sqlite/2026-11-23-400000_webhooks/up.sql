-- Intervals.icu's webhook events as received (minus the secret), recorded once each.
CREATE TABLE inbound_events (
    id TEXT PRIMARY KEY NOT NULL,
    dedupe_hash TEXT NOT NULL UNIQUE,
    athlete_id TEXT,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at TIMESTAMP NOT NULL,
    routed_at TIMESTAMP
);

-- One delivery of one event (the events table is the outbox) to the tenant's endpoint.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP,
    last_status_code INTEGER,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    delivered_at TIMESTAMP
);
CREATE INDEX webhook_deliveries_tenant ON webhook_deliveries (tenant_id, created_at);

CREATE TABLE webhook_attempts (
    id TEXT PRIMARY KEY NOT NULL,
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
    attempt INTEGER NOT NULL,
    status_code INTEGER,
    error TEXT,
    latency_ms INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id);

-- Endpoint state: signing-secret rotation grace, 410 Gone, circuit breaker.
ALTER TABLE tenants ADD COLUMN previous_webhook_secret_enc TEXT;
ALTER TABLE tenants ADD COLUMN previous_webhook_secret_key_id TEXT;
ALTER TABLE tenants ADD COLUMN previous_webhook_secret_until TIMESTAMP;
ALTER TABLE tenants ADD COLUMN webhook_disabled_at TIMESTAMP;
ALTER TABLE tenants ADD COLUMN webhook_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tenants ADD COLUMN webhook_open_until TIMESTAMP;
