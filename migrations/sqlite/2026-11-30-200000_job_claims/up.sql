-- Claims read only runnable rows: queued jobs by due time, running ones by lease expiry. Finished
-- jobs never enter these partial indexes, so a claim's range stays as small as the work waiting.
CREATE INDEX jobs_runnable ON jobs (queue, run_at) WHERE status = 'queued';
CREATE INDEX jobs_leased ON jobs (queue, locked_until) WHERE status = 'running';
