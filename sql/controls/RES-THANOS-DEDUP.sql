-- RES-THANOS-DEDUP: the central querier does not deduplicate on the region label. A replica label
-- (query.replica-label, matched element by element) equal to the estate's region label strips the
-- region from every series and merges the regions' series into one. A flags answer that was not
-- complete is UNVERIFIED; only a successful answer without the region among the replica labels passes.
SELECT
    CASE
        WHEN t.flags_status <> 'OK' THEN 'UNVERIFIED'
        WHEN t.region_label_is_replica THEN 'FAIL'
        ELSE 'PASS'
    END AS status,
    CAST(NULL AS VARCHAR(64)) AS region,
    CAST(NULL AS VARCHAR(64)) AS jurisdiction,
    'central Thanos Querier query.replica-label' AS resource,
    CASE
        WHEN t.flags_status <> 'OK' THEN 'The querier''s flags could not be read: ' || COALESCE(t.flags_reason, 'no reason given')
        WHEN t.region_label_is_replica THEN 'The querier''s replica labels (query.replica-label=' || t.replica_labels
            || ') include the region label ' || t.region_label || ': deduplication merges series of different regions into one without a region'
        WHEN t.replica_labels = '' THEN 'The querier names no replica label; ' || t.region_label || ' is kept on every series'
        ELSE 'The querier deduplicates on ' || t.replica_labels || ', not on the region label ' || t.region_label
    END AS message,
    t.replica_labels,
    t.region_label
FROM querier_topology_fact t
WHERE t.run_id = :runId
