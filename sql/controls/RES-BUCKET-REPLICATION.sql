-- RES-BUCKET-REPLICATION: no enabled replication rule sends jurisdiction-bound data outside its
-- jurisdiction. A bucket's jurisdiction comes from the stack whose config writes to it, else from
-- the bucket's own location. Disabled rules are recorded and pass (nothing is replicated); a
-- destination whose location S3 would not give (another account, access denied) is UNVERIFIED.
WITH uses AS (
    SELECT f.region, f.data_class, f.bucket
    FROM storage_fact f
    WHERE f.run_id = :runId AND f.backend = 's3' AND f.bucket <> '' AND f.in_effect = TRUE
    UNION
    SELECT e.region, e.data_class, SUBSTRING(e.endpoint, 6)
    FROM egress_fact e
    WHERE e.run_id = :runId AND e.direction = 'store' AND e.endpoint LIKE 's3://_%'
),
homes AS (
    SELECT b.bucket, b.region AS bucket_region, b.account_id, b.answer_file, COALESCE(used.jurisdiction, own.jurisdiction) AS jurisdiction,
           u.data_class, CASE WHEN u.bucket IS NULL THEN 'its own location' ELSE 'the stack of ' || u.region END AS basis
    FROM bucket_fact b
    LEFT JOIN uses u ON u.bucket = b.bucket
    LEFT JOIN run_jurisdiction_region used ON used.run_id = :runId AND used.region = u.region
    LEFT JOIN run_jurisdiction_region own ON own.run_id = :runId AND own.region = b.region
    WHERE b.run_id = :runId AND b.status = 'OK'
)
SELECT
    CASE
        WHEN r.status <> 'Enabled' THEN 'PASS'
        WHEN h.jurisdiction IS NULL THEN 'UNVERIFIED'
        WHEN r.destination_region IS NULL THEN 'UNVERIFIED'
        WHEN destination.jurisdiction = h.jurisdiction THEN 'PASS'
        ELSE 'FAIL'
    END AS status,
    h.bucket_region AS region,
    h.jurisdiction,
    's3://' || r.bucket || ' rule ' || r.rule_id || ' -> s3://' || r.destination_bucket AS resource,
    CASE
        WHEN r.status <> 'Enabled' THEN 'Rule ' || r.rule_id || ' is ' || r.status || ': nothing is replicated'
        WHEN h.jurisdiction IS NULL THEN 'Bucket ' || r.bucket || ' (' || h.bucket_region || ') belongs to no jurisdiction of the policy'
        WHEN r.destination_region IS NULL THEN 'Cannot tell where s3://' || r.destination_bucket || ' is: ' || r.destination_basis
        ELSE 'Rule ' || r.rule_id || ' replicates ' || CASE WHEN r.filter = '' THEN 'the whole bucket' ELSE r.filter END
            || ' to ' || r.destination_region
            || CASE WHEN destination.jurisdiction = h.jurisdiction THEN ', inside ' ELSE ', outside ' END || h.jurisdiction
    END AS message,
    r.status AS rule_status,
    r.filter,
    r.destination_bucket,
    r.destination_account,
    r.storage_class,
    r.destination_region,
    r.destination_basis,
    h.basis AS jurisdiction_from,
    h.account_id AS account,
    h.answer_file
FROM replication_rule_fact r
JOIN homes h ON h.bucket = r.bucket
LEFT JOIN run_jurisdiction_region destination ON destination.run_id = :runId AND destination.region = r.destination_region
WHERE r.run_id = :runId
  AND (h.jurisdiction IS NULL OR EXISTS (
        SELECT 1 FROM run_residency_rule rule
        WHERE rule.run_id = :runId AND rule.jurisdiction = h.jurisdiction AND rule.rule_kind = 'replication'
          AND (h.data_class IS NULL OR rule.data_class = h.data_class)))

UNION ALL

-- Buckets whose replication rules S3 would not give.
SELECT 'UNVERIFIED', b.region, own.jurisdiction, 's3://' || b.bucket || ' replication', 
       'Cannot read the replication rules of s3://' || b.bucket || COALESCE(' of account ' || b.account_id, '') || ': ' || b.replication_error,
       CAST(NULL AS VARCHAR(16)), CAST(NULL AS VARCHAR(1024)), CAST(NULL AS VARCHAR(256)), CAST(NULL AS VARCHAR(64)),
       CAST(NULL AS VARCHAR(64)), CAST(NULL AS VARCHAR(64)), CAST(NULL AS VARCHAR(1024)), CAST(NULL AS VARCHAR(256)),
       b.account_id, b.answer_file
FROM bucket_fact b
LEFT JOIN run_jurisdiction_region own ON own.run_id = :runId AND own.region = b.region
WHERE b.run_id = :runId AND b.replication_error IS NOT NULL
