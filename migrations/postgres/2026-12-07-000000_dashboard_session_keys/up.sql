-- A dashboard session lives no longer than the API key it signed in with: each remembers that
-- key's hash, and a session whose key is neither the tenant's current one nor its previous one
-- within the overlap no longer matches. Sessions from before this column have no key and end.
ALTER TABLE dashboard_sessions ADD COLUMN api_key_hash TEXT NOT NULL DEFAULT '';
