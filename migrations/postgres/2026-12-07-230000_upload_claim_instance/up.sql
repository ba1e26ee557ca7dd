-- The instance uploading a pending claim: once it stops beating its heartbeat, another
-- instance may take the claim over without waiting for the claim to go stale.
ALTER TABLE uploads ADD COLUMN instance_id TEXT;
