DROP TRIGGER tenants_auth ON tenants;
DROP TRIGGER connections_auth ON connections;
DROP TRIGGER tokens_auth ON tokens;
DROP FUNCTION bridge_auth_changed();
DROP TABLE bridge_instances;
DROP TABLE upstream_usage;
