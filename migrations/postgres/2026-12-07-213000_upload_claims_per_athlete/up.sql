-- An upload's external_id is claimed per (tenant, athlete), not per (tenant, user): Intervals.icu
-- keeps one external_id namespace per tenant on each athlete, so two users of one tenant on one
-- athlete must not upload the same external_id twice. Existing claims take their user's athlete;
-- of claims that now collide the oldest stays (it named the activity first); a claim without a
-- connection (its user was erased) goes.
ALTER TABLE uploads ADD COLUMN athlete_id TEXT;
UPDATE uploads u SET athlete_id = c.athlete_id
FROM connections c WHERE c.tenant_id = u.tenant_id AND c.user_id = u.user_id;
DELETE FROM uploads WHERE athlete_id IS NULL;
DELETE FROM uploads u USING uploads older
WHERE older.tenant_id = u.tenant_id AND older.athlete_id = u.athlete_id
  AND older.external_id = u.external_id
  AND (older.created_at, older.id) < (u.created_at, u.id);
ALTER TABLE uploads ALTER COLUMN athlete_id SET NOT NULL;
ALTER TABLE uploads DROP CONSTRAINT uploads_tenant_id_user_id_external_id_key;
ALTER TABLE uploads ADD CONSTRAINT uploads_tenant_id_athlete_id_external_id_key
    UNIQUE (tenant_id, athlete_id, external_id);
CREATE INDEX uploads_user ON uploads (tenant_id, user_id);
