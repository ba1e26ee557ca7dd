ALTER TABLE uploads DROP COLUMN instance_id;
