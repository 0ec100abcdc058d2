-- Scope: what a run examined and what it could not test, so that nothing unexamined reads as
-- compliant; and the source of each finding, so an unreadable source keeps its problems open.
-- Portable between H2 and PostgreSQL.

-- How the run was asked to look: offline skips S3 and the querier; without an aws section no
-- bucket is inspected; without central.thanos no series is scanned.
CREATE TABLE run_scope (
    run_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    offline      BOOLEAN     NOT NULL,
    aws_section  BOOLEAN     NOT NULL,
    querier      BOOLEAN     NOT NULL,
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

-- The regions the estate lists, with or without sources: a region with none is still in scope.
CREATE TABLE run_region (
    run_id  VARCHAR(64) NOT NULL,
    region  VARCHAR(64) NOT NULL,
    PRIMARY KEY (run_id, region),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

-- Checks the run could not make, and why. region is '-' for a check skipped for the whole run.
CREATE TABLE not_tested (
    run_id      VARCHAR(64)   NOT NULL,
    control_id  VARCHAR(64)   NOT NULL,
    region      VARCHAR(64)   NOT NULL,
    reason      VARCHAR(1024) NOT NULL,
    PRIMARY KEY (run_id, control_id, region),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

-- The estate source a finding was judged from; NULL where no single source decides it (S3, the querier).
ALTER TABLE finding ADD COLUMN source_id VARCHAR(256);
