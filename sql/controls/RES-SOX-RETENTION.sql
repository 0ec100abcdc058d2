-- RES-SOX-RETENTION: each SOX tenant's logs are kept on its home stack for at least the minimum
-- that the home jurisdiction's frameworks demand. A tenant override wins over the default; a
-- per-stream rule shorter than the minimum fails on its own. Retention that nothing enforces
-- (compactor.retention_enabled false) or a limit of 0 keeps logs without limit, which complies.
-- What else deletes logs fails on its own too: Loki's table_manager retention, and an S3
-- lifecycle expiration (of current or noncurrent versions) on a bucket the tenant's logs are in,
-- whose prefix covers them. S3 Object Lock is recorded as the strongest evidence; no lifecycle
-- configuration means nothing in S3 deletes early; S3 answers that could not be read are UNVERIFIED.
-- line is the retention setting's line in its source (NULL for a default the source does not hold).
SELECT
    CASE
        WHEN t.home_region IS NULL OR rule.minimum_days IS NULL THEN 'UNVERIFIED'
        WHEN NOT EXISTS (SELECT 1 FROM source_fact s WHERE s.run_id = t.run_id AND s.region = t.home_region
                         AND s.kind = 'loki' AND s.status = 'OK') THEN 'UNVERIFIED'
        WHEN COALESCE(o.enforced, d.enforced) IS NULL THEN 'UNVERIFIED'
        WHEN COALESCE(o.enforced, d.enforced) = FALSE THEN 'PASS'
        WHEN o.config_path IS NULL AND rf.config_path IS NOT NULL THEN 'UNVERIFIED'
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
        WHEN o.config_path IS NULL AND rf.config_path IS NOT NULL THEN
            'Retention of ' || t.tenant_id || ' is not known: Loki reads per-tenant overrides from ' || rf.config_path
            || ', a file this source does not hold; expected that runtime config in the source (its overrides: block) so the tenant''s retention_period can be read'
        WHEN (CASE WHEN o.config_path IS NOT NULL THEN o.hours ELSE d.hours END) IS NULL THEN
            'Logs of ' || t.tenant_id || ' are kept without limit (retention_period 0 or unset)'
        ELSE
            'Logs of ' || t.tenant_id || ' are kept ' || CAST((CASE WHEN o.config_path IS NOT NULL THEN o.hours ELSE d.hours END) / 24 AS VARCHAR(20))
            || ' days; the minimum is ' || CAST(rule.minimum_days AS VARCHAR(20)) || ' days (' || rule.framework || ')'
    END AS message,
    CASE WHEN o.config_path IS NOT NULL THEN o.config_path ELSE d.config_path END AS retention_setting,
    CASE WHEN o.config_path IS NOT NULL THEN o.hours ELSE d.hours END AS retention_hours,
    rule.minimum_days,
    CASE WHEN o.config_path IS NOT NULL THEN o.source_id ELSE d.source_id END AS source_id,
    CAST(NULL AS VARCHAR(256)) AS bucket,
    CAST(NULL AS VARCHAR(64)) AS account,
    CAST(NULL AS VARCHAR(512)) AS object_lock,
    CAST(NULL AS VARCHAR(512)) AS answer_file,
    CASE WHEN o.config_path IS NOT NULL THEN o.line ELSE d.line END AS line
FROM run_tenant t
LEFT JOIN run_jurisdiction_region j ON j.run_id = t.run_id AND j.region = t.home_region
LEFT JOIN run_retention_rule rule ON rule.run_id = t.run_id AND rule.jurisdiction = j.jurisdiction
LEFT JOIN retention_fact o ON o.run_id = t.run_id AND o.region = t.home_region AND o.component = 'loki'
                          AND o.tenant = t.tenant_id AND o.scope = 'tenant'
LEFT JOIN retention_fact d ON d.run_id = t.run_id AND d.region = t.home_region AND d.component = 'loki'
                          AND d.tenant = '*' AND d.scope = 'tenant'
LEFT JOIN (SELECT run_id, region, MIN(config_path) AS config_path FROM retention_fact
           WHERE component = 'loki' AND scope = 'runtime_config' GROUP BY run_id, region) rf
       ON rf.run_id = t.run_id AND rf.region = t.home_region
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
    r.source_id,
    CAST(NULL AS VARCHAR(256)),
    CAST(NULL AS VARCHAR(64)),
    CAST(NULL AS VARCHAR(512)),
    CAST(NULL AS VARCHAR(512)),
    r.line
FROM run_tenant t
JOIN run_jurisdiction_region j ON j.run_id = t.run_id AND j.region = t.home_region
JOIN run_retention_rule rule ON rule.run_id = t.run_id AND rule.jurisdiction = j.jurisdiction
JOIN retention_fact r ON r.run_id = t.run_id AND r.region = t.home_region AND r.component = 'loki'
                     AND r.tenant IN (t.tenant_id, '*') AND r.scope LIKE 'stream %'
WHERE t.run_id = :runId AND t.sox = TRUE

UNION ALL

-- Loki's table_manager retention deletes whole index tables, every tenant's at once.
SELECT
    CASE WHEN r.enforced = TRUE AND r.hours IS NOT NULL AND r.hours < rule.minimum_days * 24 THEN 'FAIL' ELSE 'PASS' END,
    t.home_region,
    j.jurisdiction,
    'tenant ' || t.tenant_id || ' logs on ' || t.home_region || ' table_manager',
    CASE
        WHEN r.enforced = FALSE THEN 'table_manager deletes nothing: retention_deletes_enabled is not true'
        WHEN r.hours IS NULL THEN 'table_manager keeps logs without limit (retention_period 0 or unset)'
        ELSE 'table_manager deletes the logs of every tenant, ' || t.tenant_id || ' included, after '
            || CAST(r.hours / 24 AS VARCHAR(20)) || ' days; the minimum is ' || CAST(rule.minimum_days AS VARCHAR(20))
            || ' days (' || rule.framework || ')'
    END,
    r.config_path,
    r.hours,
    rule.minimum_days,
    r.source_id,
    CAST(NULL AS VARCHAR(256)),
    CAST(NULL AS VARCHAR(64)),
    CAST(NULL AS VARCHAR(512)),
    CAST(NULL AS VARCHAR(512)),
    r.line
FROM run_tenant t
JOIN run_jurisdiction_region j ON j.run_id = t.run_id AND j.region = t.home_region
JOIN run_retention_rule rule ON rule.run_id = t.run_id AND rule.jurisdiction = j.jurisdiction
JOIN retention_fact r ON r.run_id = t.run_id AND r.region = t.home_region AND r.component = 'loki'
                     AND r.tenant = '*' AND r.scope = 'table_manager'
WHERE t.run_id = :runId AND t.sox = TRUE

UNION ALL

-- Each bucket the tenant's home Loki writes its logs to (not a bucket only the ruler uses: it holds rules), judged on what S3 itself deletes (lifecycle
-- expirations whose prefix covers the tenant's chunks, <tenant>/, or Loki's index, index/) and what
-- it protects (Object Lock). A rule narrowed by tags or object sizes may cover log objects: UNVERIFIED.
SELECT
    CASE
        WHEN b.status IS NULL OR b.status <> 'OK' THEN 'UNVERIFIED'
        WHEN b.lifecycle_error IS NOT NULL THEN 'UNVERIFIED'
        WHEN shortest.hours IS NOT NULL THEN 'FAIL'
        WHEN narrowed.config_path IS NOT NULL THEN 'UNVERIFIED'
        WHEN b.object_lock_error IS NOT NULL THEN 'UNVERIFIED'
        ELSE 'PASS'
    END,
    tb.home_region,
    tb.jurisdiction,
    'tenant ' || tb.tenant_id || ' logs in s3://' || tb.bucket,
    CASE
        WHEN b.status IS NULL THEN 'Bucket ' || tb.bucket || ' was not inspected: what S3 deletes in it is unknown'
        WHEN b.status <> 'OK' THEN 'S3 would not describe bucket ' || tb.bucket || ': ' || b.reason
        WHEN b.lifecycle_error IS NOT NULL THEN 'Cannot read the lifecycle rules of s3://' || tb.bucket || ': ' || b.lifecycle_error
        WHEN shortest.hours IS NOT NULL THEN
            'S3 ' || SUBSTRING(shortest.config_path, LENGTH(tb.bucket) + 7) || ' deletes ' || shortest.scope || ' of s3://' || tb.bucket
            || ' after ' || CAST(shortest.hours / 24 AS VARCHAR(20)) || ' days; the minimum is ' || CAST(tb.minimum_days AS VARCHAR(20))
            || ' days (' || tb.framework || ')'
        WHEN narrowed.config_path IS NOT NULL THEN
            'S3 ' || SUBSTRING(narrowed.config_path, LENGTH(tb.bucket) + 7) || ' deletes objects of s3://' || tb.bucket
            || ' matching tags or sizes after ' || CAST(narrowed.hours / 24 AS VARCHAR(20)) || ' days; whether log objects match cannot be told'
        WHEN b.object_lock_error IS NOT NULL THEN
            'No lifecycle rule deletes logs of ' || tb.tenant_id || ' early, but the Object Lock configuration of s3://' || tb.bucket
            || ' could not be read: ' || b.object_lock_error
        ELSE 'No S3 lifecycle rule of s3://' || tb.bucket || ' deletes logs of ' || tb.tenant_id || ' before '
            || CAST(tb.minimum_days AS VARCHAR(20)) || ' days; '
            || CASE
                WHEN ol.config_path IS NULL THEN 'no Object Lock: nothing in S3 prevents an early deletion (weaker evidence)'
                WHEN ol.hours IS NULL THEN 'Object Lock is enabled without a default retention (weaker evidence)'
                ELSE 'Object Lock ' || SUBSTRING(ol.scope, 6) || ' protects new objects for ' || CAST(ol.hours / 24 AS VARCHAR(20))
                    || ' days' || CASE WHEN ol.hours >= tb.minimum_days * 24 THEN ' (the strongest evidence)'
                                       ELSE ', less than the minimum (weaker evidence)' END
               END
    END,
    COALESCE(shortest.config_path, narrowed.config_path),
    COALESCE(shortest.hours, narrowed.hours),
    tb.minimum_days,
    CASE WHEN b.account_id IS NULL THEN 'aws/s3' ELSE 'aws/s3/' || b.account_id END,
    tb.bucket,
    b.account_id,
    CASE WHEN ol.config_path IS NULL THEN CAST(NULL AS VARCHAR(512))
         ELSE ol.scope || COALESCE(', ' || CAST(ol.hours / 24 AS VARCHAR(20)) || ' days', '') END,
    b.answer_file,
    CAST(NULL AS INTEGER)
FROM (
    SELECT DISTINCT t.tenant_id, t.home_region, j.jurisdiction, rule.minimum_days, rule.framework, f.bucket
    FROM run_tenant t
    JOIN run_jurisdiction_region j ON j.run_id = t.run_id AND j.region = t.home_region
    JOIN run_retention_rule rule ON rule.run_id = t.run_id AND rule.jurisdiction = j.jurisdiction
    JOIN storage_fact f ON f.run_id = t.run_id AND f.region = t.home_region AND f.component = 'loki' AND f.backend = 's3'
                       AND f.bucket <> '' AND f.in_effect = TRUE AND f.used_by NOT LIKE 'ruler%'
    WHERE t.run_id = :runId AND t.sox = TRUE
) tb
LEFT JOIN bucket_fact b ON b.run_id = :runId AND b.bucket = tb.bucket
LEFT JOIN retention_fact shortest ON shortest.run_id = :runId AND shortest.bucket = tb.bucket AND shortest.component = 's3-lifecycle'
    AND shortest.config_path = (
        SELECT MIN(e.config_path) FROM retention_fact e
        WHERE e.run_id = :runId AND e.bucket = tb.bucket AND e.component = 's3-lifecycle' AND e.enforced = TRUE
          AND e.hours < tb.minimum_days * 24 AND e.prefix IS NOT NULL
          AND (e.prefix = ''
               OR SUBSTRING(tb.tenant_id || '/', 1, LENGTH(e.prefix)) = e.prefix
               OR SUBSTRING(e.prefix, 1, LENGTH(tb.tenant_id) + 1) = tb.tenant_id || '/'
               OR SUBSTRING('index/', 1, LENGTH(e.prefix)) = e.prefix
               OR SUBSTRING(e.prefix, 1, 6) = 'index/')
          AND e.hours = (
              SELECT MIN(m.hours) FROM retention_fact m
              WHERE m.run_id = :runId AND m.bucket = tb.bucket AND m.component = 's3-lifecycle' AND m.enforced = TRUE
                AND m.prefix IS NOT NULL
                AND (m.prefix = ''
                     OR SUBSTRING(tb.tenant_id || '/', 1, LENGTH(m.prefix)) = m.prefix
                     OR SUBSTRING(m.prefix, 1, LENGTH(tb.tenant_id) + 1) = tb.tenant_id || '/'
                     OR SUBSTRING('index/', 1, LENGTH(m.prefix)) = m.prefix
                     OR SUBSTRING(m.prefix, 1, 6) = 'index/')))
LEFT JOIN retention_fact narrowed ON narrowed.run_id = :runId AND narrowed.bucket = tb.bucket AND narrowed.component = 's3-lifecycle'
    AND narrowed.config_path = (
        SELECT MIN(n.config_path) FROM retention_fact n
        WHERE n.run_id = :runId AND n.bucket = tb.bucket AND n.component = 's3-lifecycle' AND n.enforced = TRUE
          AND n.hours < tb.minimum_days * 24 AND n.prefix IS NULL)
LEFT JOIN retention_fact ol ON ol.run_id = :runId AND ol.bucket = tb.bucket AND ol.component = 's3-object-lock'
WHERE EXISTS (SELECT 1 FROM source_fact s WHERE s.run_id = :runId AND s.kind IN ('s3', 'aws-organizations'))
