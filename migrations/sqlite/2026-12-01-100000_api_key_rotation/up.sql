-- A rotated-out API key keeps working until `previous_api_key_until`, so a partner can switch over.
ALTER TABLE tenants ADD COLUMN previous_api_key_hash TEXT;
ALTER TABLE tenants ADD COLUMN previous_api_key_until TIMESTAMP;
CREATE INDEX tenants_previous_api_key_hash ON tenants (previous_api_key_hash);
