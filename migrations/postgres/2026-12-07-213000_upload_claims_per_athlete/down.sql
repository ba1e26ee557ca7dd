DROP INDEX uploads_user;
ALTER TABLE uploads DROP CONSTRAINT uploads_tenant_id_athlete_id_external_id_key;
ALTER TABLE uploads ADD CONSTRAINT uploads_tenant_id_user_id_external_id_key
    UNIQUE (tenant_id, user_id, external_id);
ALTER TABLE uploads DROP COLUMN athlete_id;
