-- What instances need to agree on for Intervals.icu's limits: each athlete's upstream calls per
-- UTC day, and the instances alive (each paces at INTERVALS_RATE_LIMIT / live instances).
CREATE TABLE upstream_usage (
    day TEXT NOT NULL,
    athlete_id TEXT NOT NULL,
    calls BIGINT NOT NULL,
    PRIMARY KEY (day, athlete_id)
);
CREATE TABLE bridge_instances (
    id TEXT PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    last_seen TIMESTAMP NOT NULL
);

-- Instances cache API keys, connections and decrypted tokens. Any committed change to what they
-- cache, by any process, is announced on the `bridge_auth` channel (delivered at commit, no row
-- locked: a shared version row would make unrelated writers wait on each other, and could
-- deadlock them). SQLite bumps a version row instead (`auth_epoch`).
CREATE FUNCTION bridge_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('bridge_auth', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER tokens_auth AFTER INSERT OR UPDATE OR DELETE ON tokens
    FOR EACH STATEMENT EXECUTE FUNCTION bridge_auth_changed();
CREATE TRIGGER connections_auth AFTER INSERT OR UPDATE OR DELETE ON connections
    FOR EACH STATEMENT EXECUTE FUNCTION bridge_auth_changed();
-- Every tenant column but the webhook breaker's, which changes with each delivery failure.
CREATE TRIGGER tenants_auth AFTER DELETE OR UPDATE OF
    name, api_key_hash, api_key_prefix, webhook_url, webhook_secret_enc, webhook_secret_key_id,
    redirect_urls, activity_url_template, previous_webhook_secret_enc,
    previous_webhook_secret_key_id, previous_webhook_secret_until, webhook_disabled_at,
    previous_api_key_hash, previous_api_key_until
ON tenants FOR EACH STATEMENT EXECUTE FUNCTION bridge_auth_changed();
