DROP TRIGGER tenants_auth ON tenants;
CREATE TRIGGER tenants_auth AFTER DELETE OR UPDATE OF
    name, api_key_hash, api_key_prefix, webhook_url, webhook_secret_enc, webhook_secret_key_id,
    redirect_urls, activity_url_template, previous_webhook_secret_enc,
    previous_webhook_secret_key_id, previous_webhook_secret_until, webhook_disabled_at,
    previous_api_key_hash, previous_api_key_until
ON tenants FOR EACH STATEMENT EXECUTE FUNCTION bridge_auth_changed();
ALTER TABLE tenants DROP COLUMN webhook_events;
