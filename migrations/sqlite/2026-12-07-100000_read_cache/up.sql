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
