-- Idempotency-Key on the partner API's POSTs: the first answer to a tenant's key, replayed to
-- a repeat with the same request (Stripe's semantics). `status` is NULL while the first request
-- runs. Kept 24 hours.
CREATE TABLE idempotency_keys (
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER,
    content_type TEXT,
    body TEXT,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
