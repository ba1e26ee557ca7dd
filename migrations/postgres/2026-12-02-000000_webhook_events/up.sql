-- Which event types the tenant's webhooks carry: a JSON array of event types and `prefix.*`
-- patterns; empty means every type.
ALTER TABLE tenants ADD COLUMN webhook_events TEXT NOT NULL DEFAULT '[]';

-- Instances' caches follow a change of the new column too (every column but the breaker's).
DROP TRIGGER tenants_auth ON tenants;
CREATE TRIGGER tenants_auth AFTER DELETE OR UPDATE OF
    name, api_key_hash, api_key_prefix, webhook_url, webhook_secret_enc, webhook_secret_key_id,
    redirect_urls, activity_url_template, previous_webhook_secret_enc,
    previous_webhook_secret_key_id, previous_webhook_secret_until, webhook_disabled_at,
    previous_api_key_hash, previous_api_key_until, webhook_events
ON tenants FOR EACH STATEMENT EXECUTE FUNCTION bridge_auth_changed();
