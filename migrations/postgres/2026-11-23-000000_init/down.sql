DROP TABLE events;
DROP TABLE connections;
DROP TABLE tokens;
DROP TABLE connect_sessions;
DROP TABLE tenants;
