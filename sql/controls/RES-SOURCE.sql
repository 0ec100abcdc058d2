-- RES-SOURCE: every source in the estate was read. An unreadable one is UNVERIFIED, with the reason.
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
    s.content_sha256
FROM source_fact s
LEFT JOIN run_jurisdiction_region stack ON stack.run_id = s.run_id AND stack.region = s.region
WHERE s.run_id = :runId
