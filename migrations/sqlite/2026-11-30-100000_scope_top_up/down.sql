ALTER TABLE connect_sessions DROP COLUMN owed_scopes;
ALTER TABLE connect_sessions DROP COLUMN prior_scopes;
ALTER TABLE connect_sessions DROP COLUMN athlete_id;
ALTER TABLE connect_sessions DROP COLUMN extra_trips;
