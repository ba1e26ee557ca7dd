-- Data lifecycle: the daily retention job walks these age ranges in batches, and deleting a user
-- finds its rows (and the jobs that deliver its webhooks) by these keys.
CREATE INDEX jobs_dedupe ON jobs (dedupe_key);
CREATE INDEX events_created ON events (created_at);
CREATE INDEX events_user ON events (tenant_id, user_id);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);
CREATE INDEX webhook_deliveries_delivered ON webhook_deliveries (status, delivered_at);
CREATE INDEX inbound_events_received ON inbound_events (received_at);
CREATE INDEX inbound_events_athlete ON inbound_events (athlete_id);
CREATE INDEX connect_sessions_created ON connect_sessions (created_at);
