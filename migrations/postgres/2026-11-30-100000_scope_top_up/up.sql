-- A connect can take the browser back to Intervals.icu once or twice, to ask for scopes other
-- connections of the same athlete hold: the session remembers what it owes and what was there.
ALTER TABLE connect_sessions ADD COLUMN extra_trips INTEGER NOT NULL DEFAULT 0;
ALTER TABLE connect_sessions ADD COLUMN athlete_id TEXT;
ALTER TABLE connect_sessions ADD COLUMN prior_scopes TEXT;
ALTER TABLE connect_sessions ADD COLUMN owed_scopes TEXT;
