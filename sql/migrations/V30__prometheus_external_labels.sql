-- The external labels each Prometheus source sets (global.external_labels): every series it sends on
-- (remote_write, federation, the Thanos sidecar's store API) carries them, and Thanos attributes the
-- series to a region by one of them, the estate's region label (RES-PROMETHEUS-REGION-LABEL).
-- Portable between H2 and PostgreSQL.

-- The region label the run judged by (central.thanos.regionLabel, default region); NULL in rows of
-- runs made before this migration, which judged nothing by it.
ALTER TABLE run_scope ADD COLUMN region_label VARCHAR(256);

-- One row per prometheus source that was read; an unread one has only its source_fact row.
CREATE TABLE prometheus_external_labels_fact (
    run_id           VARCHAR(64)   NOT NULL,
    source_id        VARCHAR(256)  NOT NULL,
    region           VARCHAR(64)   NOT NULL,   -- the region of the stack the Prometheus belongs to
    external_labels  VARCHAR(4096) NOT NULL,   -- JSON object, names sorted; '{}' for none
    region_label     VARCHAR(256)  NOT NULL,   -- the label Thanos attributes regions by
    region_value     VARCHAR(256),             -- its value; NULL: not set (or empty, which Prometheus drops)
    line             INTEGER,                  -- of the region label, else of global.external_labels, in the source file
    PRIMARY KEY (run_id, source_id),
    FOREIGN KEY (run_id, source_id) REFERENCES source_fact (run_id, source_id)
);
