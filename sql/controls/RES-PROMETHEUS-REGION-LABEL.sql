-- RES-PROMETHEUS-REGION-LABEL: every Prometheus of a stack names the stack's own region in the
-- region label of its external labels (global.external_labels). Every series it sends on (remote_write,
-- federation, the Thanos sidecar's store API) carries them, and Thanos attributes the series to a region
-- by that label. Another region there attributes the stack's series to the wrong region: FAIL. No
-- region label, a value Prometheus takes from its own environment ($VAR), or labels that could not be
-- read (the source unread, the API refused, the file unparseable) leave the attribution unknown:
-- UNVERIFIED, never PASS.
SELECT
    CASE
        WHEN s.status <> 'OK' OR l.source_id IS NULL OR l.region_value IS NULL OR l.region_value LIKE '%$%' THEN 'UNVERIFIED'
        WHEN l.region_value = s.region THEN 'PASS'
        ELSE 'FAIL'
    END AS status,
    s.region,
    stack.jurisdiction,
    s.source_id || ' global.external_labels.' || COALESCE(sc.region_label, l.region_label, 'region') AS resource,
    CASE
        WHEN s.status <> 'OK' THEN 'The external labels of ' || s.source_id || ' could not be read (' || COALESCE(s.reason, 'no reason given')
            || '); once it is readable, it must set global: external_labels: {' || COALESCE(sc.region_label, 'region') || ': '
            || s.region || '}'
        WHEN l.source_id IS NULL THEN 'The external labels of ' || s.source_id
            || ' were not recorded by the run that made these facts; re-run the audit'
        WHEN l.region_value IS NULL THEN 'Prometheus ' || s.source_id || ' sets no ' || l.region_label
            || ' external label: Thanos cannot attribute its series to ' || s.region || '; set global: external_labels: {'
            || l.region_label || ': ' || s.region || '}'
        WHEN l.region_value LIKE '%$%' THEN 'Prometheus ' || s.source_id || ' takes its ' || l.region_label
            || ' external label from its own environment (' || l.region_value
            || '), which the auditor cannot see; set global: external_labels: {' || l.region_label || ': ' || s.region || '}'
        WHEN l.region_value = s.region THEN 'Prometheus ' || s.source_id || ' labels its series ' || l.region_label || '='
            || l.region_value || ', its stack''s region'
        ELSE 'Prometheus ' || s.source_id || ' of ' || s.region || ' labels its series ' || l.region_label || '=' || l.region_value
            || CASE WHEN EXISTS (SELECT 1 FROM run_region r WHERE r.run_id = s.run_id AND r.region = l.region_value)
                    THEN ', another region of the estate' ELSE ', which is not a region of the estate' END
            || ': Thanos attributes its series to ' || l.region_value || ', so cross-region accounting is wrong; set global: external_labels: {'
            || l.region_label || ': ' || s.region || '}'
    END AS message,
    l.region_label,
    l.region_value,
    l.external_labels,
    s.location AS file,
    l.line,
    s.source_id,
    s.answer_ref
FROM source_fact s
LEFT JOIN prometheus_external_labels_fact l ON l.run_id = s.run_id AND l.source_id = s.source_id
LEFT JOIN run_scope sc ON sc.run_id = s.run_id
LEFT JOIN run_jurisdiction_region stack ON stack.run_id = s.run_id AND stack.region = s.region
WHERE s.run_id = :runId
  AND s.kind = 'prometheus'
