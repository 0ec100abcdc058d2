-- RES-LOKI-STORAGE and RES-TEMPO-STORAGE (:component is loki or tempo): every store that a
-- region's component writes to is inside the region's jurisdiction. Stores that no schema period,
-- ruler or trace backend uses are facts but not judged. The declared region comes from the config
-- (endpoint, region key or s3:// URL); where the config does not say, or the region is in no
-- jurisdiction, the result is UNVERIFIED, never PASS.
SELECT
    CASE
        WHEN stack.jurisdiction IS NULL THEN 'UNVERIFIED'
        WHEN f.declared_region IS NULL THEN 'UNVERIFIED'
        WHEN store.jurisdiction = stack.jurisdiction THEN 'PASS'
        ELSE 'FAIL'
    END AS status,
    f.region,
    stack.jurisdiction,
    -- The store as StorageLocation.target() writes it: never s3:// for a store that is not S3.
    f.source_id || ' ' || f.config_path || CASE
        WHEN f.bucket = '' THEN ''
        WHEN f.backend IN ('s3', 'aws') THEN ' s3://' || f.bucket
        WHEN f.backend = 'gcs' THEN ' gs://' || f.bucket
        WHEN f.backend = 'azure' AND f.endpoint IS NOT NULL THEN ' https://' || f.endpoint || '/' || f.bucket
        WHEN f.backend = 'azure' THEN ' azure container ' || f.bucket
        ELSE ' ' || f.backend || '://' || f.bucket
    END AS resource,
    CASE
        WHEN stack.jurisdiction IS NULL THEN
            'Region ' || f.region || ' is in no jurisdiction of the policy, so where its ' || f.data_class || ' are stored cannot be judged'
        WHEN f.declared_region IS NULL THEN
            'The config does not fix where ' || f.config_path || ' stores ' || f.data_class || ': ' || f.region_basis
        WHEN store.jurisdiction = stack.jurisdiction THEN
            f.region || ' ' || f.data_class || ' are stored in ' || f.declared_region || ', inside ' || stack.jurisdiction
        ELSE
            f.region || ' ' || f.data_class || ' are stored in ' || f.declared_region || ', outside ' || stack.jurisdiction
    END AS message,
    f.backend,
    f.bucket,
    f.declared_region,
    f.region_basis,
    f.endpoint,
    f.used_by,
    src.location AS file,
    f.line,
    f.source_id,
    src.answer_ref
FROM storage_fact f
JOIN source_fact src ON src.run_id = f.run_id AND src.source_id = f.source_id
LEFT JOIN run_jurisdiction_region stack ON stack.run_id = f.run_id AND stack.region = f.region
LEFT JOIN run_jurisdiction_region store ON store.run_id = f.run_id AND store.region = f.declared_region
WHERE f.run_id = :runId
  AND f.component = :component
  AND f.in_effect = TRUE
  AND (stack.jurisdiction IS NULL OR EXISTS (
        SELECT 1 FROM run_residency_rule rule
        WHERE rule.run_id = f.run_id AND rule.jurisdiction = stack.jurisdiction
          AND rule.rule_kind = 'storage' AND rule.data_class = f.data_class))

UNION ALL

-- A source of this component that could not be read, or names no storage, leaves its region unverified.
SELECT
    'UNVERIFIED',
    s.region,
    stack.jurisdiction,
    s.source_id,
    CASE WHEN s.status = 'ERROR'
        THEN 'The ' || s.kind || ' configuration ' || s.location || ' could not be read: ' || s.reason
        ELSE 'The ' || s.kind || ' configuration ' || s.location || ' names no storage in effect'
    END,
    CAST(NULL AS VARCHAR(32)),
    CAST(NULL AS VARCHAR(256)),
    CAST(NULL AS VARCHAR(64)),
    CAST(NULL AS VARCHAR(256)),
    CAST(NULL AS VARCHAR(512)),
    CAST(NULL AS VARCHAR(1024)),
    s.location,
    CAST(NULL AS INTEGER),
    s.source_id,
    s.answer_ref
FROM source_fact s
LEFT JOIN run_jurisdiction_region stack ON stack.run_id = s.run_id AND stack.region = s.region
WHERE s.run_id = :runId
  AND s.kind = :component
  AND (s.status = 'ERROR'
       OR NOT EXISTS (SELECT 1 FROM storage_fact f WHERE f.run_id = s.run_id AND f.source_id = s.source_id AND f.in_effect = TRUE))
