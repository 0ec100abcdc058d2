-- RES-BUCKET-LOCATION: every bucket a config writes to exists, and S3 puts it where the config
-- says (or, where the config does not say, inside the stack's jurisdiction). Judged only when the
-- run asked the S3 API (a source of kind s3: aws/s3, or aws/s3/<account> per audited account); a
-- bucket S3 would not describe, or that only an account that could not be read may own, is UNVERIFIED.
WITH uses AS (
    SELECT f.source_id, f.region, f.config_path, f.data_class, f.bucket, f.declared_region
    FROM storage_fact f
    WHERE f.run_id = :runId AND f.backend = 's3' AND f.bucket <> '' AND f.in_effect = TRUE
    UNION
    SELECT e.source_id, e.region, e.config_path, e.data_class, SUBSTRING(e.endpoint, 6), e.destination_region
    FROM egress_fact e
    WHERE e.run_id = :runId AND e.direction = 'store' AND e.endpoint LIKE 's3://_%'
)
SELECT
    CASE
        WHEN b.status = 'ABSENT' THEN 'FAIL'
        WHEN b.status IS NULL OR b.status <> 'OK' THEN 'UNVERIFIED'
        WHEN u.declared_region IS NOT NULL AND b.region = u.declared_region THEN 'PASS'
        WHEN u.declared_region IS NOT NULL THEN 'FAIL'
        WHEN stack.jurisdiction IS NULL THEN 'UNVERIFIED'
        WHEN actual.jurisdiction = stack.jurisdiction THEN 'PASS'
        ELSE 'FAIL'
    END AS status,
    u.region,
    stack.jurisdiction,
    's3://' || u.bucket || ' for ' || u.source_id || ' ' || u.config_path AS resource,
    CASE
        WHEN b.status = 'ABSENT' THEN 'Bucket ' || u.bucket || ' named by ' || u.config_path || ' does not exist'
        WHEN b.status IS NULL THEN 'Bucket ' || u.bucket || ' was not inspected'
        WHEN b.status <> 'OK' THEN 'S3 would not say where bucket ' || u.bucket || ' is: ' || b.reason
        WHEN u.declared_region IS NOT NULL AND b.region = u.declared_region THEN
            'Bucket ' || u.bucket || COALESCE(' of account ' || b.account_id, '') || ' is in ' || b.region || ', as the config declares'
        WHEN u.declared_region IS NOT NULL THEN
            'The config declares ' || u.declared_region || ' but bucket ' || u.bucket || COALESCE(' of account ' || b.account_id, '')
            || ' is in ' || b.region
        WHEN stack.jurisdiction IS NULL THEN
            'Region ' || u.region || ' is in no jurisdiction of the policy; bucket ' || u.bucket || ' is in ' || b.region
        ELSE
            'The config does not say; bucket ' || u.bucket || COALESCE(' of account ' || b.account_id, '') || ' is in ' || b.region
            || CASE WHEN actual.jurisdiction = stack.jurisdiction THEN ', inside ' ELSE ', outside ' END || stack.jurisdiction
    END AS message,
    u.bucket,
    b.account_id AS account,
    b.answer_file,
    u.declared_region,
    b.region AS actual_region,
    b.encryption,
    b.tags
FROM uses u
LEFT JOIN bucket_fact b ON b.run_id = :runId AND b.bucket = u.bucket
LEFT JOIN run_jurisdiction_region stack ON stack.run_id = :runId AND stack.region = u.region
LEFT JOIN run_jurisdiction_region actual ON actual.run_id = :runId AND actual.region = b.region
WHERE EXISTS (SELECT 1 FROM source_fact s WHERE s.run_id = :runId AND s.kind IN ('s3', 'aws-organizations'))
