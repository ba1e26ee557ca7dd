DROP TABLE webhook_attempts;
DROP TABLE webhook_deliveries;
DROP TABLE inbound_events;
ALTER TABLE tenants DROP COLUMN previous_webhook_secret_enc;
ALTER TABLE tenants DROP COLUMN previous_webhook_secret_key_id;
ALTER TABLE tenants DROP COLUMN previous_webhook_secret_until;
ALTER TABLE tenants DROP COLUMN webhook_disabled_at;
ALTER TABLE tenants DROP COLUMN webhook_failures;
ALTER TABLE tenants DROP COLUMN webhook_open_until;
