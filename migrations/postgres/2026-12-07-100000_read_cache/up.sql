-- The read cache's generations: one number per (athlete, area), raised by every change the
-- bridge learns of (its own writes, Intervals.icu's webhooks). A cached answer is served only
-- while the generation it was read under is still the current one.
CREATE TABLE cache_generations (
    athlete_id TEXT NOT NULL,
    area TEXT NOT NULL,
    generation BIGINT NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (athlete_id, area)
);

-- Upstream answers shared by the instances of a deployment. UNLOGGED: a cache, not a record; a
-- crash empties it, which costs reads, never correctness.
CREATE UNLOGGED TABLE read_cache (
    key TEXT PRIMARY KEY,
    athlete_id TEXT NOT NULL,
    area TEXT NOT NULL,
    generation BIGINT NOT NULL,
    stored_at TIMESTAMP NOT NULL,
    content_type TEXT NOT NULL,
    body BYTEA NOT NULL
);
CREATE INDEX read_cache_stored_at ON read_cache (stored_at);
