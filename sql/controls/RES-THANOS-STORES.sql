-- RES-THANOS-STORES: every store API the central querier fans out to is attributable, through the
-- region label among its external labels, to exactly one region of the estate. A store in no region,
-- in several, or in a region the estate does not list is UNVERIFIED: what it serves cannot be
-- accounted to a jurisdiction. So is a store the querier cannot currently reach, a stores answer that
-- was not complete, a region the querier's series carry that no store names, a region a store names
-- that no series carries, and a run whose series regions could not be read.
-- A store gateway's evidence names the bucket its region's thanos-objstore source points at.
-- querier_answer names the querier answer that decided the row (inputs/querier/<it>.json in the bundle).
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
    CASE WHEN s.store_type = 'store' THEN o.source_id END AS objstore_source,
    'stores' AS querier_answer
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
    CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(1024)), CAST(NULL AS VARCHAR(512)), CAST(NULL AS VARCHAR(256)), 'stores'
FROM querier_topology_fact t
WHERE t.run_id = :runId
  AND (t.stores_status <> 'OK' OR NOT EXISTS (SELECT 1 FROM querier_store_fact s WHERE s.run_id = t.run_id))

UNION ALL

-- A region the querier's series carry (asked with dedup=false, so deduplication cannot hide it) that
-- no store announces among its external labels: those series come through a store labelled otherwise,
-- so the stores' labels do not account for them. UNVERIFIED, not FAIL: where that data is kept is
-- unknown, not known to be wrong.
SELECT
    'UNVERIFIED',
    seen.region,
    j.jurisdiction,
    'stores of ' || seen.region,
    'Region ' || seen.region
        || CASE WHEN NOT EXISTS (SELECT 1 FROM run_region r WHERE r.run_id = seen.run_id AND r.region = seen.region)
                THEN ' (not in the estate)' ELSE '' END
        || ' has series at the querier but no store announces ' || t.region_label || '=' || seen.region,
    CAST(NULL AS VARCHAR(32)), CAST(NULL AS VARCHAR(512)), CAST(NULL AS VARCHAR(4096)), CAST(NULL AS VARCHAR(1024)),
    CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(1024)), CAST(NULL AS VARCHAR(512)), CAST(NULL AS VARCHAR(256)), 'series-regions'
FROM querier_series_region_fact seen
JOIN querier_topology_fact t ON t.run_id = seen.run_id AND t.stores_status = 'OK' AND t.series_regions_status = 'OK'
LEFT JOIN run_jurisdiction_region j ON j.run_id = seen.run_id AND j.region = seen.region
WHERE seen.run_id = :runId
  AND NOT EXISTS (SELECT 1 FROM querier_store_fact s WHERE s.run_id = seen.run_id AND s.region = seen.region)

UNION ALL

-- A region some store announces while no series at the querier carries it: that store's data does not
-- reach the querier's answers (an empty or unreachable store, or a region label set only on some of its
-- series), so what the store serves for the region was not seen.
SELECT
    'UNVERIFIED',
    s.region,
    j.jurisdiction,
    'series of ' || s.region,
    CASE WHEN COUNT(*) > 1 THEN 'Stores ' || MIN(s.name) || ' and ' || CAST(COUNT(*) - 1 AS VARCHAR(20)) || ' more announce '
         ELSE 'Store ' || MIN(s.name) || ' announces ' END
        || t.region_label || '=' || s.region || ' but no series at the querier carries it (asked with dedup=false)',
    CAST(NULL AS VARCHAR(32)), CAST(NULL AS VARCHAR(512)), CAST(NULL AS VARCHAR(4096)), CAST(NULL AS VARCHAR(1024)),
    CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(1024)), CAST(NULL AS VARCHAR(512)), CAST(NULL AS VARCHAR(256)), 'series-regions'
FROM querier_store_fact s
JOIN querier_topology_fact t ON t.run_id = s.run_id AND t.stores_status = 'OK' AND t.series_regions_status = 'OK'
LEFT JOIN run_jurisdiction_region j ON j.run_id = s.run_id AND j.region = s.region
WHERE s.run_id = :runId
  AND s.region IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM querier_series_region_fact seen WHERE seen.run_id = s.run_id AND seen.region = s.region)
GROUP BY s.region, j.jurisdiction, t.region_label

UNION ALL

-- The regions in the series could not be read: the stores' regions are not compared with them.
SELECT
    'UNVERIFIED',
    CAST(NULL AS VARCHAR(64)),
    CAST(NULL AS VARCHAR(64)),
    'regions of the querier''s series',
    'The regions the querier''s series carry could not be read, so the stores'' regions were not compared with them: '
        || COALESCE(t.series_regions_reason, 'not asked by the run that made these facts'),
    CAST(NULL AS VARCHAR(32)), CAST(NULL AS VARCHAR(512)), CAST(NULL AS VARCHAR(4096)), CAST(NULL AS VARCHAR(1024)),
    CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(1024)), CAST(NULL AS VARCHAR(512)), CAST(NULL AS VARCHAR(256)), 'series-regions'
FROM querier_topology_fact t
WHERE t.run_id = :runId
  AND t.stores_status = 'OK'
  AND COALESCE(t.series_regions_status, 'UNVERIFIED') <> 'OK'
