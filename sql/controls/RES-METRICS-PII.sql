-- RES-METRICS-PII: the series a region federates to the central querier carry no personal data
-- in label names or values. Judged for regions whose jurisdiction lets only some data classes
-- cross (a federation rule). A scan the querier answered only partly is UNVERIFIED.
SELECT
    CASE
        WHEN s.status <> 'OK' THEN 'UNVERIFIED'
        WHEN l.label IS NULL THEN 'PASS'
        ELSE 'FAIL'
    END AS status,
    s.region,
    j.jurisdiction,
    CASE WHEN l.label IS NULL THEN 'federated series of ' || s.region
         ELSE 'label ' || l.label || ' (' || l.detector || ') in federated series of ' || s.region END AS resource,
    CASE
        WHEN s.status <> 'OK' THEN 'The series of ' || s.region || ' could not be verified: ' || s.reason
        WHEN l.label IS NULL THEN 'No personal data in ' || CAST(s.labels_scanned AS VARCHAR(20)) || ' labels and '
            || CAST(s.values_scanned AS VARCHAR(20)) || ' distinct values of the series ' || s.region || ' federates'
        ELSE 'Label ' || l.label || ' carries ' || CAST(l.matching_values AS VARCHAR(20)) || ' values detected as '
            || l.detector || ' in ' || CASE WHEN l.series_count_complete THEN '' ELSE 'more than ' END
            || CAST(l.series_count AS VARCHAR(20)) || ' series that reach the central querier'
    END AS message,
    l.detector,
    l.metrics,
    l.series_count,
    l.series_count_complete,
    l.distinct_values,
    l.matching_values,
    l.samples AS redacted_samples,
    l.sample_hashes AS sample_hmacs,
    l.set_hash AS value_set_hmac
FROM series_scan_fact s
LEFT JOIN series_label_fact l ON l.run_id = s.run_id AND l.region = s.region
LEFT JOIN run_jurisdiction_region j ON j.run_id = s.run_id AND j.region = s.region
WHERE s.run_id = :runId
  AND EXISTS (SELECT 1 FROM run_residency_rule rule
              WHERE rule.run_id = s.run_id AND rule.jurisdiction = j.jurisdiction AND rule.rule_kind = 'federation')
