-- The regions the central querier's series carry (label values of the region label, asked with
-- dedup=false and partial_response=false), so RES-THANOS-STORES can compare them with the regions the
-- stores' external labels announce. Portable between H2 and PostgreSQL.

-- OK | UNVERIFIED; NULL in rows of runs made before this migration (their regions were not asked).
ALTER TABLE querier_topology_fact ADD COLUMN series_regions_status VARCHAR(16);
ALTER TABLE querier_topology_fact ADD COLUMN series_regions_reason VARCHAR(1024);

-- One row per distinct region label value seen in the querier's series.
CREATE TABLE querier_series_region_fact (
    run_id  VARCHAR(64)  NOT NULL,
    region  VARCHAR(256) NOT NULL,
    PRIMARY KEY (run_id, region),
    FOREIGN KEY (run_id) REFERENCES querier_topology_fact (run_id)
);
