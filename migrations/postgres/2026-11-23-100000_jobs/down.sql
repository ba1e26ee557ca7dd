DROP TABLE job_slots;
DROP TABLE jobs;
