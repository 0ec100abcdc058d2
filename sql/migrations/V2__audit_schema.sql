-- The auditor's own tables. Every row belongs to one run; natural keys make a restarted
-- step replace its rows instead of adding duplicates. Portable between H2 and PostgreSQL.

CREATE TABLE audit_run (
    run_id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    estate_id        VARCHAR(512) NOT NULL,   -- identifies "the same estate" across runs
    mode             VARCHAR(16)  NOT NULL,   -- audit | gate
    estate_sha256    CHAR(64)     NOT NULL,
    policy_sha256    CHAR(64)     NOT NULL,
    policy_source    VARCHAR(512) NOT NULL,
    waivers_sha256   CHAR(64),                -- NULL: no waiver file
    auditor_version  VARCHAR(64)  NOT NULL,
    started_at       TIMESTAMP    NOT NULL,
    ended_at         TIMESTAMP,
    status           VARCHAR(16)  NOT NULL    -- RUNNING | COMPLETED | FAILED
);

-- The policy as the run saw it, so control queries can join on it.
CREATE TABLE run_jurisdiction_region (
    run_id        VARCHAR(64) NOT NULL,
    jurisdiction  VARCHAR(64) NOT NULL,
    region        VARCHAR(64) NOT NULL,
    PRIMARY KEY (run_id, region),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

-- Minimum log retention a framework demands in a jurisdiction (SOX).
CREATE TABLE run_retention_rule (
    run_id        VARCHAR(64) NOT NULL,
    jurisdiction  VARCHAR(64) NOT NULL,
    framework     VARCHAR(32) NOT NULL,
    minimum_days  INTEGER     NOT NULL,
    PRIMARY KEY (run_id, jurisdiction, framework),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

CREATE TABLE run_residency_rule (
    run_id        VARCHAR(64) NOT NULL,
    jurisdiction  VARCHAR(64) NOT NULL,
    framework     VARCHAR(32) NOT NULL,
    rule_kind     VARCHAR(32) NOT NULL,   -- storage | replication | federation (data classes allowed to cross)
    data_class    VARCHAR(32) NOT NULL,   -- logs | traces | metrics-raw | metrics-aggregate
    PRIMARY KEY (run_id, jurisdiction, framework, rule_kind, data_class),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

-- Every source the estate names, read or not.
CREATE TABLE source_fact (
    run_id        VARCHAR(64)   NOT NULL,
    source_id     VARCHAR(256)  NOT NULL,
    region        VARCHAR(64)   NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    location      VARCHAR(1024) NOT NULL,   -- file path or URL, secrets removed
    status        VARCHAR(16)   NOT NULL,   -- OK | ERROR
    reason        VARCHAR(2048),
    content_sha256 CHAR(64),
    PRIMARY KEY (run_id, source_id),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

-- Where a component's configuration says its data is stored.
CREATE TABLE storage_fact (
    run_id         VARCHAR(64)   NOT NULL,
    source_id      VARCHAR(256)  NOT NULL,
    region         VARCHAR(64)   NOT NULL,   -- the stack's region
    component      VARCHAR(32)   NOT NULL,   -- loki | tempo
    data_class     VARCHAR(32)   NOT NULL,
    config_path    VARCHAR(256)  NOT NULL,   -- e.g. common.storage.s3
    backend        VARCHAR(32)   NOT NULL,   -- s3 | filesystem | gcs | azure | ...
    bucket         VARCHAR(256)  NOT NULL,   -- '' where the backend has no bucket
    declared_region VARCHAR(64),             -- NULL: the config does not say
    region_basis   VARCHAR(256)  NOT NULL,   -- how declared_region was found
    endpoint       VARCHAR(512),
    in_effect      BOOLEAN       NOT NULL,   -- FALSE: configured, but no schema period or ruler uses it
    used_by        VARCHAR(1024) NOT NULL,   -- e.g. schema_config.configs[0] (from 2020-10-24)
    line           INTEGER,                  -- where config_path starts in the source file, when known
    PRIMARY KEY (run_id, source_id, config_path, bucket),
    FOREIGN KEY (run_id, source_id) REFERENCES source_fact (run_id, source_id)
);

-- A flow of one data class between regions that a config sets up: an exporter or remote_write
-- sending it (send), a bucket holding it (store), or a data source pulling it in (query).
CREATE TABLE egress_fact (
    run_id             VARCHAR(64)   NOT NULL,
    source_id          VARCHAR(256)  NOT NULL,
    region             VARCHAR(64)   NOT NULL,   -- the region of the stack the config belongs to
    component          VARCHAR(32)   NOT NULL,   -- otel-collector | prometheus | tempo | grafana-datasources | thanos-objstore
    config_path        VARCHAR(256)  NOT NULL,
    data_class         VARCHAR(32)   NOT NULL,
    direction          VARCHAR(16)   NOT NULL,   -- send | store | query
    endpoint           VARCHAR(512)  NOT NULL,   -- host or s3://bucket, never credentials
    origin_region      VARCHAR(64),              -- where the data lives; NULL: unknown
    destination_region VARCHAR(64),              -- where it goes; NULL: unknown
    region_basis       VARCHAR(256)  NOT NULL,
    line               INTEGER,                  -- where config_path starts in the source file, when known
    PRIMARY KEY (run_id, source_id, config_path, endpoint, data_class),
    FOREIGN KEY (run_id, source_id) REFERENCES source_fact (run_id, source_id)
);

-- How long a component keeps data for a tenant (or a stream of it).
CREATE TABLE retention_fact (
    run_id        VARCHAR(64)   NOT NULL,
    source_id     VARCHAR(256)  NOT NULL,
    region        VARCHAR(64)   NOT NULL,
    component     VARCHAR(32)   NOT NULL,
    config_path   VARCHAR(256)  NOT NULL,
    tenant        VARCHAR(128)  NOT NULL,   -- '*' for the default
    scope         VARCHAR(512)  NOT NULL,   -- 'tenant' or 'stream <selector>'
    hours         BIGINT,                   -- NULL: kept without limit
    enforced      BOOLEAN       NOT NULL,   -- whether anything deletes data after that time
    PRIMARY KEY (run_id, source_id, config_path, tenant, scope),
    FOREIGN KEY (run_id, source_id) REFERENCES source_fact (run_id, source_id)
);

-- What S3 says about each bucket the run inspected.
CREATE TABLE bucket_fact (
    run_id            VARCHAR(64)   NOT NULL,
    bucket            VARCHAR(256)  NOT NULL,
    region            VARCHAR(64),              -- the real location; NULL when it could not be read
    status            VARCHAR(16)   NOT NULL,   -- OK | ABSENT | ERROR
    reason            VARCHAR(1024),
    replication_error VARCHAR(1024),            -- why the replication rules could not be read
    encryption        VARCHAR(256),
    tags              VARCHAR(2048),
    PRIMARY KEY (run_id, bucket),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

-- Each replication rule of an inspected bucket, with where its destination really is.
CREATE TABLE replication_rule_fact (
    run_id              VARCHAR(64)   NOT NULL,
    bucket              VARCHAR(256)  NOT NULL,
    rule_id             VARCHAR(256)  NOT NULL,
    status              VARCHAR(16)   NOT NULL,   -- Enabled | Disabled
    filter              VARCHAR(1024) NOT NULL,
    destination_bucket  VARCHAR(256)  NOT NULL,
    destination_account VARCHAR(64),
    storage_class       VARCHAR(64),
    destination_region  VARCHAR(64),              -- NULL: could not be read
    destination_basis   VARCHAR(1024) NOT NULL,
    PRIMARY KEY (run_id, bucket, rule_id),
    FOREIGN KEY (run_id, bucket) REFERENCES bucket_fact (run_id, bucket)
);

-- How the scan of each region's federated series went.
CREATE TABLE series_scan_fact (
    run_id          VARCHAR(64)   NOT NULL,
    region          VARCHAR(64)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,   -- OK | UNVERIFIED
    reason          VARCHAR(1024),
    labels_scanned  INTEGER       NOT NULL,
    values_scanned  BIGINT        NOT NULL,
    PRIMARY KEY (run_id, region),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

-- Labels of federated series that carry personal data: counts, redacted samples and keyed hashes, never values.
CREATE TABLE series_label_fact (
    run_id           VARCHAR(64)   NOT NULL,
    region           VARCHAR(64)   NOT NULL,
    label            VARCHAR(256)  NOT NULL,
    detector         VARCHAR(64)   NOT NULL,
    distinct_values  BIGINT        NOT NULL,
    matching_values  BIGINT        NOT NULL,
    series_count     BIGINT        NOT NULL,
    metrics          VARCHAR(2048) NOT NULL,
    samples          VARCHAR(512)  NOT NULL,
    sample_hashes    VARCHAR(256)  NOT NULL,
    set_hash         CHAR(64)      NOT NULL,
    PRIMARY KEY (run_id, region, label, detector),
    FOREIGN KEY (run_id, region) REFERENCES series_scan_fact (run_id, region)
);

-- The estate's tenants as the run saw them.
CREATE TABLE run_tenant (
    run_id      VARCHAR(64)  NOT NULL,
    tenant_id   VARCHAR(128) NOT NULL,
    sox         BOOLEAN      NOT NULL,
    home_region VARCHAR(64),
    PRIMARY KEY (run_id, tenant_id),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

CREATE TABLE finding (
    run_id        VARCHAR(64)   NOT NULL,
    fingerprint   CHAR(32)      NOT NULL,
    control_id    VARCHAR(64)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,   -- PASS | FAIL | UNVERIFIED | WAIVED
    severity      VARCHAR(16)   NOT NULL,   -- critical | high | medium | low
    frameworks    VARCHAR(128)  NOT NULL,   -- comma list, e.g. GDPR
    region        VARCHAR(64),
    jurisdiction  VARCHAR(64),
    resource      VARCHAR(1024) NOT NULL,
    message       VARCHAR(2048) NOT NULL,
    evidence_json TEXT          NOT NULL,
    first_seen    TIMESTAMP     NOT NULL,
    lifecycle     VARCHAR(16),              -- new | open (still open) for FAIL/UNVERIFIED/WAIVED; NULL for PASS
    PRIMARY KEY (run_id, fingerprint),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

-- Problems of the previous run of the same estate that this run no longer has.
CREATE TABLE resolved_finding (
    run_id           VARCHAR(64)   NOT NULL,
    fingerprint      CHAR(32)      NOT NULL,
    previous_run_id  VARCHAR(64)   NOT NULL,
    control_id       VARCHAR(64)   NOT NULL,
    previous_status  VARCHAR(16)   NOT NULL,
    region           VARCHAR(64),
    resource         VARCHAR(1024) NOT NULL,
    now_status       VARCHAR(16),             -- PASS, or NULL when the resource is gone
    PRIMARY KEY (run_id, fingerprint),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

-- The waivers the run was given, whether in force or expired, and how many findings each covered.
CREATE TABLE run_waiver (
    run_id        VARCHAR(64)   NOT NULL,
    waiver_index  INTEGER       NOT NULL,
    control_id    VARCHAR(64)   NOT NULL,
    resource      VARCHAR(1024),            -- glob pattern, or NULL when the waiver names a fingerprint
    fingerprint   CHAR(32),
    reason        VARCHAR(2048) NOT NULL,
    approver      VARCHAR(256)  NOT NULL,
    expires       DATE          NOT NULL,
    state         VARCHAR(16)   NOT NULL,   -- ACTIVE | EXPIRED
    matched       INTEGER       NOT NULL,
    PRIMARY KEY (run_id, waiver_index),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

CREATE INDEX finding_by_fingerprint ON finding (fingerprint);
