-- What instances need to agree on for Intervals.icu's limits: each athlete's upstream calls per
-- UTC day, and the instances alive (each paces at INTERVALS_RATE_LIMIT / live instances).
CREATE TABLE upstream_usage (
    day TEXT NOT NULL,
    athlete_id TEXT NOT NULL,
    calls BIGINT NOT NULL,
    PRIMARY KEY (day, athlete_id)
);
CREATE TABLE bridge_instances (
    id TEXT PRIMARY KEY NOT NULL,
    started_at TIMESTAMP NOT NULL,
    last_seen TIMESTAMP NOT NULL
);

-- Instances cache API keys, connections and decrypted tokens. Any change to what they cache, by
-- any process (a CLI key rotation, another instance), bumps this one row's version; instances
-- poll it. (PostgreSQL notifies instead: see its migration.)
CREATE TABLE auth_epoch (
    id INTEGER PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL
);
INSERT INTO auth_epoch (id, version) VALUES (1, 0);
CREATE TRIGGER tokens_auth_insert AFTER INSERT ON tokens
BEGIN UPDATE auth_epoch SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tokens_auth_update AFTER UPDATE ON tokens
BEGIN UPDATE auth_epoch SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tokens_auth_delete AFTER DELETE ON tokens
BEGIN UPDATE auth_epoch SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER connections_auth_insert AFTER INSERT ON connections
BEGIN UPDATE auth_epoch SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER connections_auth_update AFTER UPDATE ON connections
BEGIN UPDATE auth_epoch SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER connections_auth_delete AFTER DELETE ON connections
BEGIN UPDATE auth_epoch SET version = version + 1 WHERE id = 1; END;
-- Every tenant column but the webhook breaker's, which changes with each delivery failure.
CREATE TRIGGER tenants_auth_update AFTER UPDATE OF
    name, api_key_hash, api_key_prefix, webhook_url, webhook_secret_enc, webhook_secret_key_id,
    redirect_urls, activity_url_template, previous_webhook_secret_enc,
    previous_webhook_secret_key_id, previous_webhook_secret_until, webhook_disabled_at,
    previous_api_key_hash, previous_api_key_until
ON tenants
BEGIN UPDATE auth_epoch SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tenants_auth_delete AFTER DELETE ON tenants
BEGIN UPDATE auth_epoch SET version = version + 1 WHERE id = 1; END;
