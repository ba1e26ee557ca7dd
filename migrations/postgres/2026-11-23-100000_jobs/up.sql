-- The durable job queue: a row is leased (locked_until/locked_by) while a worker runs it; no
-- transaction spans a job. Finished rows stay ('done' until pruned, 'failed' until an operator acts).
CREATE TABLE jobs (
    id TEXT PRIMARY KEY NOT NULL,
    queue TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    run_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    locked_by TEXT,
    last_error TEXT,
    dedupe_key TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP
);
CREATE INDEX jobs_claim ON jobs (queue, status, run_at);
CREATE INDEX jobs_finished ON jobs (status, finished_at);
-- A dedupe key is unique among unfinished jobs only, so the same work can be queued again later.
CREATE UNIQUE INDEX jobs_dedupe_pending ON jobs (dedupe_key) WHERE status IN ('queued', 'running');

-- One row per (scheduled job, slot): the instance that inserts it first runs that slot.
CREATE TABLE job_slots (
    name TEXT NOT NULL,
    slot TEXT NOT NULL,
    claimed_by TEXT NOT NULL,
    claimed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (name, slot)
);
