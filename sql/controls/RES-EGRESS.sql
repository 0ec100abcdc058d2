-- RES-EGRESS: collectors, remote_write, Thanos buckets and Grafana data sources move a region's
-- logs, traces and raw metrics only to places inside its jurisdiction. Data classes that no rule
-- binds (aggregated metrics) may cross. An end whose region is unknown is UNVERIFIED.
SELECT
    CASE
        WHEN e.origin_region IS NULL OR e.destination_region IS NULL THEN 'UNVERIFIED'
        WHEN origin.jurisdiction IS NULL THEN 'UNVERIFIED'
        WHEN destination.jurisdiction = origin.jurisdiction THEN 'PASS'
        ELSE 'FAIL'
    END AS status,
    e.region,
    origin.jurisdiction,
    e.source_id || ' ' || e.config_path || ' ' || e.data_class || ' -> ' || e.endpoint AS resource,
    CASE
        WHEN e.origin_region IS NULL THEN
            'Cannot tell which region''s ' || e.data_class || ' ' || e.endpoint || ' holds: ' || e.region_basis
        WHEN e.destination_region IS NULL THEN
            'Cannot tell where ' || e.endpoint || ' is: ' || e.region_basis
        WHEN origin.jurisdiction IS NULL THEN
            'Region ' || e.origin_region || ' is in no jurisdiction of the policy, so its ' || e.data_class || ' flows cannot be judged'
        ELSE
            e.origin_region || ' ' || e.data_class
            || CASE e.direction WHEN 'store' THEN ' are stored in ' WHEN 'query' THEN ' are read into ' ELSE ' are sent to ' END
            || e.destination_region
            || CASE WHEN destination.jurisdiction = origin.jurisdiction THEN ', inside ' ELSE ', outside ' END
            || origin.jurisdiction
    END AS message,
    e.direction,
    e.endpoint,
    e.origin_region,
    e.destination_region,
    e.region_basis,
    src.location AS file,
    e.line,
    e.source_id,
    src.answer_ref
FROM egress_fact e
JOIN source_fact src ON src.run_id = e.run_id AND src.source_id = e.source_id
LEFT JOIN run_jurisdiction_region origin ON origin.run_id = e.run_id AND origin.region = e.origin_region
LEFT JOIN run_jurisdiction_region destination ON destination.run_id = e.run_id AND destination.region = e.destination_region
WHERE e.run_id = :runId
  AND (e.origin_region IS NULL OR origin.jurisdiction IS NULL OR EXISTS (
        SELECT 1 FROM run_residency_rule rule
        WHERE rule.run_id = e.run_id AND rule.jurisdiction = origin.jurisdiction
          AND rule.rule_kind = 'storage' AND rule.data_class = e.data_class))

UNION ALL

-- An egress source that could not be read leaves its region's flows unverified.
SELECT
    'UNVERIFIED',
    s.region,
    stack.jurisdiction,
    s.source_id,
    'The ' || s.kind || ' configuration ' || s.location || ' could not be read: ' || s.reason,
    CAST(NULL AS VARCHAR(16)),
    CAST(NULL AS VARCHAR(512)),
    CAST(NULL AS VARCHAR(64)),
    CAST(NULL AS VARCHAR(64)),
    CAST(NULL AS VARCHAR(256)),
    s.location,
    CAST(NULL AS INTEGER),
    s.source_id,
    s.answer_ref
FROM source_fact s
LEFT JOIN run_jurisdiction_region stack ON stack.run_id = s.run_id AND stack.region = s.region
WHERE s.run_id = :runId
  AND s.status = 'ERROR'
  AND s.kind IN ('otel-collector', 'prometheus', 'grafana-datasources', 'thanos-objstore')
