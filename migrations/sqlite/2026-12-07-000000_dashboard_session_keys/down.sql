ALTER TABLE dashboard_sessions DROP COLUMN api_key_hash;
