-- RES-SOURCE: every source in the estate was read. An unreadable one is UNVERIFIED, with the reason.
-- A region the estate lists without any source is UNVERIFIED too: nothing of it was examined.
SELECT
    CASE WHEN s.status = 'OK' THEN 'PASS' ELSE 'UNVERIFIED' END AS status,
    s.region,
    stack.jurisdiction,
    s.source_id AS resource,
    CASE WHEN s.status = 'OK'
        THEN 'Read ' || s.kind || ' source ' || s.location
        ELSE 'Could not read ' || s.kind || ' source ' || s.location || ': ' || s.reason
    END AS message,
    s.kind,
    s.location AS file,
    s.content_sha256,
    s.source_id,
    s.answer_ref
FROM source_fact s
LEFT JOIN run_jurisdiction_region stack ON stack.run_id = s.run_id AND stack.region = s.region
WHERE s.run_id = :runId

UNION ALL

SELECT
    'UNVERIFIED',
    r.region,
    stack.jurisdiction,
    'region ' || r.region,
    'Region ' || r.region || ' has no source: nothing of it was examined',
    CAST(NULL AS VARCHAR(32)),
    CAST(NULL AS VARCHAR(1024)),
    CAST(NULL AS CHAR(64)),
    CAST(NULL AS VARCHAR(256)),
    CAST(NULL AS VARCHAR(1024))
FROM run_region r
LEFT JOIN run_jurisdiction_region stack ON stack.run_id = r.run_id AND stack.region = r.region
WHERE r.run_id = :runId
  AND NOT EXISTS (SELECT 1 FROM source_fact s WHERE s.run_id = r.run_id AND s.region = r.region)
