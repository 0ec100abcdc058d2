-- How the central Thanos Querier is set up: its replica labels, and the store APIs it fans out to
-- with the region their external labels attribute them to. Portable between H2 and PostgreSQL.

-- One row per run that asked the querier; none when offline or without central.thanos.
CREATE TABLE querier_topology_fact (
    run_id                   VARCHAR(64)   NOT NULL PRIMARY KEY,
    flags_status             VARCHAR(16)   NOT NULL,   -- OK | UNVERIFIED
    flags_reason             VARCHAR(1024),
    replica_labels           VARCHAR(1024) NOT NULL,   -- query.replica-label elements in the querier's order, comma-joined; '' for none
    region_label             VARCHAR(256)  NOT NULL,
    region_label_is_replica  BOOLEAN       NOT NULL,
    stores_status            VARCHAR(16)   NOT NULL,   -- OK | UNVERIFIED
    stores_reason            VARCHAR(1024),
    FOREIGN KEY (run_id) REFERENCES audit_run (run_id)
);

-- Every store API /api/v1/stores lists, in (type, name) order.
CREATE TABLE querier_store_fact (
    run_id         VARCHAR(64)   NOT NULL,
    ordinal        INTEGER       NOT NULL,
    store_type     VARCHAR(32)   NOT NULL,   -- store | sidecar | rule | receive | query | ...
    name           VARCHAR(512)  NOT NULL,
    label_sets     VARCHAR(4096) NOT NULL,   -- JSON, as announced
    regions_named  VARCHAR(1024) NOT NULL,   -- region label values across the label sets; '' for none
    region         VARCHAR(64),              -- the one region named; NULL when none or several
    min_time       BIGINT,
    max_time       BIGINT,
    last_error     VARCHAR(1024),
    cut_reason     VARCHAR(1024),            -- a value did not fit its column: the store is not verified
    PRIMARY KEY (run_id, ordinal),
    FOREIGN KEY (run_id) REFERENCES querier_topology_fact (run_id)
);
