-- RES-OTEL-PII-DIMENSIONS: no spanmetrics or servicegraph connector of a collector copies a personal
-- attribute (by the policy's pii.labelNamePatterns, minus pii.allowLabels) into metric labels that an
-- exporter sends on. Those metrics count as aggregates, which may cross to the central querier, yet
-- every distinct value of the attribute becomes a series of its own. Judged for regions whose
-- jurisdiction lets only some data classes cross (a federation rule), as RES-METRICS-PII is.
SELECT
    CASE
        WHEN d.personal_pattern IS NULL OR d.exported_by = '' THEN 'PASS'
        ELSE 'FAIL'
    END AS status,
    d.region,
    j.jurisdiction,
    d.source_id || ' ' || d.config_path AS resource,
    CASE
        WHEN d.personal_pattern IS NULL THEN 'Connector ' || d.connector || ' copies ' || d.attribute
            || ' into metric labels; the policy''s PII patterns do not count it as personal data'
        WHEN d.exported_by = '' THEN 'Connector ' || d.connector || ' copies the personal attribute ' || d.attribute
            || ' into metric labels, but only local exporters receive those metrics'
        ELSE 'Connector ' || d.connector || ' copies the personal attribute ' || d.attribute || ' (policy pattern '
            || d.personal_pattern || ') into metric labels that leave the collector through ' || d.exported_by
            || ': every value becomes a label of series that may cross regions'
    END AS message,
    d.connector,
    d.attribute,
    d.personal_pattern,
    d.exported_by,
    d.config_path,
    src.location AS file,
    d.line,
    d.source_id,
    src.answer_ref
FROM otel_dimension_fact d
JOIN source_fact src ON src.run_id = d.run_id AND src.source_id = d.source_id
LEFT JOIN run_jurisdiction_region j ON j.run_id = d.run_id AND j.region = d.region
WHERE d.run_id = :runId
  AND EXISTS (SELECT 1 FROM run_residency_rule rule
              WHERE rule.run_id = d.run_id AND rule.jurisdiction = j.jurisdiction AND rule.rule_kind = 'federation')
