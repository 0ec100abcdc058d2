-- One place for every answer a run received from a live source, as it was received (bounded; cut or
-- unreadable answers as far as read), keyed by where the bundle keeps it under inputs/: the raw S3
-- answers per bucket (inputs/s3/), the text a url: or k8s: source served (inputs/sources/), each
-- answer of a component's API (inputs/api/) and the Thanos querier's answers (inputs/querier/).
-- Secrets are redacted in place as an answer is recorded (content); sha256_as_read is the hash of the
-- bytes as received and redactions lists what was removed, one 'line kind' per line (never a value).
-- Not a fact table: facts/ holds what the controls judged, inputs/ what they were judged from.
-- Portable between H2 and PostgreSQL.
CREATE TABLE input_answer (
    run_id          VARCHAR(64)  NOT NULL,
    answer_file     VARCHAR(512) NOT NULL,
    content         TEXT         NOT NULL,
    sha256_as_read  CHAR(64),
    redactions      TEXT,
    PRIMARY KEY (run_id, answer_file),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

INSERT INTO input_answer (run_id, answer_file, content)
SELECT run_id, answer_file, content FROM bucket_answer;

DROP TABLE bucket_answer;

-- How the bundle names what a live source answered, for its findings' evidenceRef: the copy
-- (inputs/sources/<id>.yaml) for url: and k8s:, 'GET <endpoint> -> inputs/api/...' for api:.
-- NULL for a file source (its copy is read again from disk) and when nothing was received.
ALTER TABLE source_fact ADD COLUMN answer_ref VARCHAR(1024);

-- The line of a component's retention setting in its source, so a RES-SOX-RETENTION finding points
-- at it; NULL for a setting the source does not hold (a default) and for a bucket's own rules.
ALTER TABLE retention_fact ADD COLUMN line INTEGER;
