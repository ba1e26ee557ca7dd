DROP INDEX tenants_previous_api_key_hash;
ALTER TABLE tenants DROP COLUMN previous_api_key_until;
ALTER TABLE tenants DROP COLUMN previous_api_key_hash;
