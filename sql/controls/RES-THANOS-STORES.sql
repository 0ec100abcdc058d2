-- RES-THANOS-STORES: every store API the central querier fans out to is attributable, through the
-- region label among its external labels, to exactly one region of the estate. A store in no region,
-- in several, or in a region the estate does not list is UNVERIFIED: what it serves cannot be
-- accounted to a jurisdiction. So is a store the querier cannot currently reach, a stores answer that
-- was not complete, and a region whose series reach the querier while no store names the region.
-- A store gateway's evidence names the bucket its region's thanos-objstore source points at.
SELECT
    CASE
        WHEN s.cut_reason IS NOT NULL OR s.region IS NULL OR s.last_error IS NOT NULL
             OR NOT EXISTS (SELECT 1 FROM run_region r WHERE r.run_id = s.run_id AND r.region = s.region) THEN 'UNVERIFIED'
        ELSE 'PASS'
    END AS status,
    s.region,
    j.jurisdiction,
    s.store_type || ' ' || s.name AS resource,
    CASE
        WHEN s.cut_reason IS NOT NULL THEN 'Store ' || s.name || ': ' || s.cut_reason
        WHEN s.regions_named = '' THEN 'Store ' || s.name || ' (' || s.store_type || ') announces no ' || t.region_label
            || ' label: it is attributable to no region of the estate'
        WHEN s.region IS NULL THEN 'Store ' || s.name || ' (' || s.store_type || ') names several regions (' || s.regions_named
            || '): what it serves is attributable to no single region'
        WHEN NOT EXISTS (SELECT 1 FROM run_region r WHERE r.run_id = s.run_id AND r.region = s.region)
            THEN 'Store ' || s.name || ' (' || s.store_type || ') serves region ' || s.region || ', which is not in the estate'
        WHEN s.last_error IS NOT NULL THEN 'Store ' || s.name || ' (' || s.store_type || ') of ' || s.region
            || ' cannot be reached by the querier: ' || s.last_error
        ELSE 'Store ' || s.name || ' (' || s.store_type || ') serves ' || s.region
    END
    || CASE
        WHEN s.store_type <> 'store' OR s.region IS NULL
             OR NOT EXISTS (SELECT 1 FROM run_region r WHERE r.run_id = s.run_id AND r.region = s.region) THEN ''
        WHEN COALESCE(o.buckets, 0) = 0 THEN '; no thanos-objstore source in ' || s.region || ': which bucket this store gateway reads was not checked'
        WHEN o.buckets = 1 THEN '; its region''s store gateways read ' || o.bucket || ' (source ' || o.source_id || ')'
        ELSE '; its region''s thanos-objstore sources name ' || CAST(o.buckets AS VARCHAR(20)) || ' buckets, e.g. ' || o.bucket
    END AS message,
    s.store_type,
    s.name AS store,
    s.label_sets,
    s.regions_named,
    s.min_time,
    s.max_time,
    s.last_error,
    CASE WHEN s.store_type = 'store' THEN o.bucket END AS objstore_bucket,
    CASE WHEN s.store_type = 'store' THEN o.source_id END AS objstore_source
FROM querier_store_fact s
JOIN querier_topology_fact t ON t.run_id = s.run_id
LEFT JOIN run_jurisdiction_region j ON j.run_id = s.run_id AND j.region = s.region
LEFT JOIN (
    SELECT e.run_id, e.region, COUNT(DISTINCT e.endpoint) AS buckets, MIN(e.endpoint) AS bucket, MIN(e.source_id) AS source_id
    FROM egress_fact e
    WHERE e.component = 'thanos-objstore' AND e.direction = 'store'
    GROUP BY e.run_id, e.region
) o ON o.run_id = s.run_id AND o.region = s.region
WHERE s.run_id = :runId

UNION ALL

-- The stores could not be read, or the querier named none: nothing is attributable.
SELECT
    'UNVERIFIED',
    CAST(NULL AS VARCHAR(64)),
    CAST(NULL AS VARCHAR(64)),
    'central Thanos Querier stores',
    CASE WHEN t.stores_status <> 'OK' THEN 'The querier''s stores could not be read: ' || COALESCE(t.stores_reason, 'no reason given')
         ELSE 'The querier names no store API: where its series come from is not known' END,
    CAST(NULL AS VARCHAR(32)), CAST(NULL AS VARCHAR(512)), CAST(NULL AS VARCHAR(4096)), CAST(NULL AS VARCHAR(1024)),
    CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(1024)), CAST(NULL AS VARCHAR(512)), CAST(NULL AS VARCHAR(256))
FROM querier_topology_fact t
WHERE t.run_id = :runId
  AND (t.stores_status <> 'OK' OR NOT EXISTS (SELECT 1 FROM querier_store_fact s WHERE s.run_id = t.run_id))

UNION ALL

-- A region of the estate whose series reach the querier while no store announces it: its series come
-- through a store labelled otherwise, so the stores' labels do not account for them.
SELECT
    'UNVERIFIED',
    scan.region,
    j.jurisdiction,
    'stores of ' || scan.region,
    'Region ' || scan.region || ' has series at the querier but no store announces ' || t.region_label || '=' || scan.region,
    CAST(NULL AS VARCHAR(32)), CAST(NULL AS VARCHAR(512)), CAST(NULL AS VARCHAR(4096)), CAST(NULL AS VARCHAR(1024)),
    CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(1024)), CAST(NULL AS VARCHAR(512)), CAST(NULL AS VARCHAR(256))
FROM series_scan_fact scan
JOIN querier_topology_fact t ON t.run_id = scan.run_id AND t.stores_status = 'OK'
LEFT JOIN run_jurisdiction_region j ON j.run_id = scan.run_id AND j.region = scan.region
WHERE scan.run_id = :runId
  AND scan.status = 'OK'
  AND NOT EXISTS (SELECT 1 FROM querier_store_fact s WHERE s.run_id = scan.run_id AND s.region = scan.region)
