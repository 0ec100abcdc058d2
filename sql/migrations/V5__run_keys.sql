-- Which keys a run used, by id only (never the key), so every report can name them:
-- the Ed25519 key that signed the bundle (NULL: unsigned) and the HMAC key of the redacted-value
-- hashes (NULL: nothing was hashed; comparable FALSE: a random per-run key). Portable H2 + PostgreSQL.
ALTER TABLE audit_run ADD COLUMN signing_key_id CHAR(64);
ALTER TABLE audit_run ADD COLUMN hmac_key_id CHAR(16);
ALTER TABLE audit_run ADD COLUMN hmac_key_comparable BOOLEAN;
