DROP INDEX connect_sessions_created;
DROP INDEX inbound_events_athlete;
DROP INDEX inbound_events_received;
DROP INDEX webhook_deliveries_delivered;
DROP INDEX webhook_deliveries_event;
DROP INDEX events_user;
DROP INDEX events_created;
DROP INDEX jobs_dedupe;
