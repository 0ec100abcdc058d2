-- Many AWS accounts and what really deletes data in a bucket. Portable between H2 and PostgreSQL.

-- The account whose role listed and inspected the bucket (NULL: the default credentials, or a
-- bucket no audited account listed); why its lifecycle rules and Object Lock configuration could
-- not be read; and where the bundle keeps the raw S3 answers that decided its findings.
ALTER TABLE bucket_fact ADD COLUMN account_id VARCHAR(64);
ALTER TABLE bucket_fact ADD COLUMN lifecycle_error VARCHAR(1024);
ALTER TABLE bucket_fact ADD COLUMN object_lock_error VARCHAR(1024);
ALTER TABLE bucket_fact ADD COLUMN answer_file VARCHAR(512);

-- Retention a bucket itself enforces, as rows of the one retention concept: an S3 lifecycle
-- expiration (component s3-lifecycle: deletes after hours) or Object Lock's default retention
-- (component s3-object-lock: protects for hours). bucket is NULL for a component's own setting;
-- prefix is the rule's key prefix ('' for the whole bucket), NULL when the rule filters on tags
-- or sizes, which no config can tell apart from log objects.
ALTER TABLE retention_fact ADD COLUMN bucket VARCHAR(256);
ALTER TABLE retention_fact ADD COLUMN prefix VARCHAR(1024);

-- The raw S3 answers per inspected bucket, as JSON in S3's own element names (no credentials,
-- no signed URLs), copied into the bundle's inputs/ at answer_file. Not a fact table: facts/
-- holds what the controls judged, inputs/ what they were judged from.
CREATE TABLE bucket_answer (
    run_id       VARCHAR(64)  NOT NULL,
    bucket       VARCHAR(256) NOT NULL,
    answer_file  VARCHAR(512) NOT NULL,
    content      TEXT         NOT NULL,
    PRIMARY KEY (run_id, bucket),
    FOREIGN KEY (run_id, bucket) REFERENCES bucket_fact (run_id, bucket)
);
