-- Where an OpenTelemetry Collector's own processing decides what personal data leaves it: connector
-- dimensions that copy span attributes into metrics (RES-OTEL-PII-DIMENSIONS) and the processors
-- that redact (RES-OTEL-REDACTION). Portable between H2 and PostgreSQL.

-- One row per attribute a spanmetrics or servicegraph connector used by a pipeline turns into a metric label.
CREATE TABLE otel_dimension_fact (
    run_id            VARCHAR(64)   NOT NULL,
    source_id         VARCHAR(256)  NOT NULL,
    config_path       VARCHAR(256)  NOT NULL,   -- connectors.spanmetrics.dimensions[2].name
    region            VARCHAR(64)   NOT NULL,   -- the region of the stack the collector belongs to
    connector         VARCHAR(256)  NOT NULL,   -- the connector id, type/name
    attribute         VARCHAR(256)  NOT NULL,   -- the span attribute copied
    personal_pattern  VARCHAR(256),             -- the policy's pii.labelNamePatterns entry it matches; NULL: none
    exported_by       VARCHAR(1024) NOT NULL,   -- exporters that send the connector's metrics on, sorted; '' for none
    line              INTEGER,
    PRIMARY KEY (run_id, source_id, config_path),
    FOREIGN KEY (run_id, source_id) REFERENCES source_fact (run_id, source_id)
);

-- One row per transform or redaction processor a pipeline uses.
CREATE TABLE otel_processor_fact (
    run_id            VARCHAR(64)   NOT NULL,
    source_id         VARCHAR(256)  NOT NULL,
    config_path       VARCHAR(256)  NOT NULL,   -- processors.transform/redact
    region            VARCHAR(64)   NOT NULL,
    processor         VARCHAR(256)  NOT NULL,   -- the processor id, type/name
    processor_type    VARCHAR(32)   NOT NULL,   -- transform | redaction
    pipelines         VARCHAR(1024) NOT NULL,   -- the pipelines that use it, sorted, comma-joined
    redacts           BOOLEAN       NOT NULL,   -- transform: a statement deletes, masks or hashes; redaction: always
    redaction_calls   VARCHAR(512)  NOT NULL,   -- transform: the redacting OTTL functions, sorted; '' otherwise
    error_mode        VARCHAR(32),              -- transform: the error mode its redacting statements run with; NULL otherwise
    allow_all_keys    BOOLEAN,                  -- redaction: allow_all_keys; NULL otherwise
    line              INTEGER,
    PRIMARY KEY (run_id, source_id, config_path),
    FOREIGN KEY (run_id, source_id) REFERENCES source_fact (run_id, source_id)
);
