-- RES-SOX-RETENTION: each SOX tenant's logs are kept on its home stack for at least the minimum
-- that the home jurisdiction's frameworks demand. A tenant override wins over the default; a
-- per-stream rule shorter than the minimum fails on its own. Retention that nothing enforces
-- (compactor.retention_enabled false) or a limit of 0 keeps logs without limit, which complies.
SELECT
    CASE
        WHEN t.home_region IS NULL OR rule.minimum_days IS NULL THEN 'UNVERIFIED'
        WHEN NOT EXISTS (SELECT 1 FROM source_fact s WHERE s.run_id = t.run_id AND s.region = t.home_region
                         AND s.kind = 'loki' AND s.status = 'OK') THEN 'UNVERIFIED'
        WHEN COALESCE(o.enforced, d.enforced) IS NULL THEN 'UNVERIFIED'
        WHEN COALESCE(o.enforced, d.enforced) = FALSE THEN 'PASS'
        WHEN (CASE WHEN o.config_path IS NOT NULL THEN o.hours ELSE d.hours END) IS NULL THEN 'PASS'
        WHEN (CASE WHEN o.config_path IS NOT NULL THEN o.hours ELSE d.hours END) >= rule.minimum_days * 24 THEN 'PASS'
        ELSE 'FAIL'
    END AS status,
    t.home_region AS region,
    j.jurisdiction,
    'tenant ' || t.tenant_id || ' logs on ' || COALESCE(t.home_region, '(no home region)') AS resource,
    CASE
        WHEN t.home_region IS NULL THEN 'SOX tenant ' || t.tenant_id || ' has no home region in the estate'
        WHEN rule.minimum_days IS NULL THEN 'The policy sets no minimum log retention for ' || t.home_region
        WHEN COALESCE(o.enforced, d.enforced) IS NULL THEN 'No Loki configuration of ' || t.home_region || ' was read'
        WHEN COALESCE(o.enforced, d.enforced) = FALSE THEN
            'Logs of ' || t.tenant_id || ' are kept without limit: compactor.retention_enabled is not true'
        WHEN (CASE WHEN o.config_path IS NOT NULL THEN o.hours ELSE d.hours END) IS NULL THEN
            'Logs of ' || t.tenant_id || ' are kept without limit (retention_period 0 or unset)'
        ELSE
            'Logs of ' || t.tenant_id || ' are kept ' || CAST((CASE WHEN o.config_path IS NOT NULL THEN o.hours ELSE d.hours END) / 24 AS VARCHAR(20))
            || ' days; the minimum is ' || CAST(rule.minimum_days AS VARCHAR(20)) || ' days (' || rule.framework || ')'
    END AS message,
    CASE WHEN o.config_path IS NOT NULL THEN o.config_path ELSE d.config_path END AS retention_setting,
    CASE WHEN o.config_path IS NOT NULL THEN o.hours ELSE d.hours END AS retention_hours,
    rule.minimum_days,
    CASE WHEN o.config_path IS NOT NULL THEN o.source_id ELSE d.source_id END AS source_id
FROM run_tenant t
LEFT JOIN run_jurisdiction_region j ON j.run_id = t.run_id AND j.region = t.home_region
LEFT JOIN run_retention_rule rule ON rule.run_id = t.run_id AND rule.jurisdiction = j.jurisdiction
LEFT JOIN retention_fact o ON o.run_id = t.run_id AND o.region = t.home_region AND o.component = 'loki'
                          AND o.tenant = t.tenant_id AND o.scope = 'tenant'
LEFT JOIN retention_fact d ON d.run_id = t.run_id AND d.region = t.home_region AND d.component = 'loki'
                          AND d.tenant = '*' AND d.scope = 'tenant'
WHERE t.run_id = :runId AND t.sox = TRUE

UNION ALL

-- Per-stream rules that apply to the tenant (its own, or the default ones) on its home stack.
SELECT
    CASE WHEN r.enforced = TRUE AND r.hours IS NOT NULL AND r.hours < rule.minimum_days * 24 THEN 'FAIL' ELSE 'PASS' END,
    t.home_region,
    j.jurisdiction,
    'tenant ' || t.tenant_id || ' ' || r.scope || ' on ' || t.home_region,
    'Logs of ' || t.tenant_id || ' matching ' || SUBSTRING(r.scope, 8) || ' are kept '
        || COALESCE(CAST(r.hours / 24 AS VARCHAR(20)) || ' days', 'without limit')
        || '; the minimum is ' || CAST(rule.minimum_days AS VARCHAR(20)) || ' days (' || rule.framework || ')',
    r.config_path,
    r.hours,
    rule.minimum_days,
    r.source_id
FROM run_tenant t
JOIN run_jurisdiction_region j ON j.run_id = t.run_id AND j.region = t.home_region
JOIN run_retention_rule rule ON rule.run_id = t.run_id AND rule.jurisdiction = j.jurisdiction
JOIN retention_fact r ON r.run_id = t.run_id AND r.region = t.home_region AND r.component = 'loki'
                     AND r.tenant IN (t.tenant_id, '*') AND r.scope LIKE 'stream %'
WHERE t.run_id = :runId AND t.sox = TRUE
