package io.residency.auditor.facts;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes a run's facts. Each write first removes what the same run wrote before, so a restarted
 * step replaces its rows instead of duplicating them.
 */
@Repository
public class FactRepository {

    /** The source id of the S3 API itself. */
    public static final String S3_SOURCE = "aws/s3";

    private final JdbcClient jdbc;

    public FactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SourceFact> sources(String runId) {
        return jdbc.sql("SELECT * FROM source_fact WHERE run_id = ? ORDER BY region, source_id")
                .param(runId)
                .query((row, index) -> new SourceFact(row.getString("source_id"), row.getString("region"), row.getString("kind"),
                        row.getString("location"), SourceStatus.valueOf(row.getString("status")), row.getString("reason"),
                        row.getString("content_sha256")))
                .list();
    }

    public List<EgressFact> egress(String runId) {
        return jdbc.sql("SELECT * FROM egress_fact WHERE run_id = ? ORDER BY region, source_id, config_path")
                .param(runId)
                .query((row, index) -> new EgressFact(row.getString("source_id"), row.getString("region"), row.getString("component"),
                        row.getString("config_path"), row.getString("data_class"), row.getString("direction"), row.getString("endpoint"),
                        row.getString("origin_region"), row.getString("destination_region"), row.getString("region_basis"),
                        (Integer) row.getObject("line", Integer.class)))
                .list();
    }

    /** The S3 buckets the run's configs write to (stores in effect and bucket destinations). */
    public List<String> bucketsNamedByConfigs(String runId) {
        return jdbc.sql("""
                        SELECT bucket FROM storage_fact WHERE run_id = ? AND backend = 's3' AND bucket <> '' AND in_effect = TRUE
                        UNION
                        SELECT SUBSTRING(endpoint, 6) FROM egress_fact WHERE run_id = ? AND direction = 'store' AND endpoint LIKE 's3://_%'
                        ORDER BY 1""")
                .params(runId, runId)
                .query(String.class)
                .list();
    }

    /** Replaces the S3 inventory of the run, recorded as the source {@code aws/s3} so RES-SOURCE covers the API too. */
    public void replaceBucketFacts(String runId, String region, BucketInventory inventory) {
        jdbc.sql("DELETE FROM replication_rule_fact WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM bucket_fact WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM source_fact WHERE run_id = ? AND source_id = ?").params(runId, S3_SOURCE).update();
        jdbc.sql("""
                INSERT INTO source_fact (run_id, source_id, region, kind, location, status, reason, content_sha256)
                VALUES (?, ?, ?, 's3', 'S3 API', ?, ?, NULL)""")
                .params(runId, S3_SOURCE, region, inventory.listingError() == null ? "OK" : "ERROR", inventory.listingError())
                .update();
        for (BucketFact bucket : inventory.buckets()) {
            jdbc.sql("""
                    INSERT INTO bucket_fact (run_id, bucket, region, status, reason, replication_error, encryption, tags)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, bucket.bucket(), bucket.region(), bucket.status(), bucket.reason(), bucket.replicationError(),
                            bucket.encryption(), bucket.tags())
                    .update();
        }
        for (ReplicationRuleFact rule : inventory.rules()) {
            jdbc.sql("""
                    INSERT INTO replication_rule_fact (run_id, bucket, rule_id, status, filter, destination_bucket, destination_account,
                                                       storage_class, destination_region, destination_basis)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, rule.bucket(), rule.ruleId(), rule.status(), rule.filter(), rule.destinationBucket(),
                            rule.destinationAccount(), rule.storageClass(), rule.destinationRegion(), rule.destinationBasis())
                    .update();
        }
    }

    public void replaceSeriesFacts(String runId, List<SeriesScanFact> scans, List<SeriesLabelFact> labels) {
        jdbc.sql("DELETE FROM series_label_fact WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM series_scan_fact WHERE run_id = ?").param(runId).update();
        for (SeriesScanFact scan : scans) {
            jdbc.sql("""
                    INSERT INTO series_scan_fact (run_id, region, status, reason, labels_scanned, values_scanned)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(runId, scan.region(), scan.status(), scan.reason(), scan.labelsScanned(), scan.valuesScanned())
                    .update();
        }
        for (SeriesLabelFact label : labels) {
            jdbc.sql("""
                    INSERT INTO series_label_fact (run_id, region, label, detector, distinct_values, matching_values, series_count,
                                                   series_count_complete, metrics, samples, sample_hashes, set_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, label.region(), label.label(), label.detector(), label.distinctValues(), label.matchingValues(),
                            label.seriesCount(), label.seriesCountComplete(), label.metrics(), label.samples(), label.sampleHashes(), label.setHash())
                    .update();
        }
    }

    public void replaceConfigFacts(String runId, List<CollectedSource> collected) {
        for (String table : List.of("storage_fact", "egress_fact", "retention_fact")) {
            jdbc.sql("DELETE FROM " + table + " WHERE run_id = ?").param(runId).update();
        }
        jdbc.sql("DELETE FROM source_fact WHERE run_id = ? AND source_id <> ?").params(runId, S3_SOURCE).update();
        for (CollectedSource item : collected) {
            SourceFact source = item.source();
            jdbc.sql("""
                    INSERT INTO source_fact (run_id, source_id, region, kind, location, status, reason, content_sha256)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, source.sourceId(), source.region(), source.kind(), source.location(),
                            source.status().name(), source.reason(), source.contentSha256())
                    .update();
            item.storage().forEach(fact -> jdbc.sql("""
                            INSERT INTO storage_fact (run_id, source_id, region, component, data_class, config_path, backend,
                                                      bucket, declared_region, region_basis, endpoint, in_effect, used_by, line)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, fact.sourceId(), fact.region(), fact.component(), fact.dataClass(), fact.configPath(),
                            fact.backend(), fact.bucket(), fact.declaredRegion(), fact.regionBasis(), fact.endpoint(),
                            fact.inEffect(), fact.usedBy(), fact.line())
                    .update());
            item.egress().forEach(fact -> jdbc.sql("""
                            INSERT INTO egress_fact (run_id, source_id, region, component, config_path, data_class, direction,
                                                     endpoint, origin_region, destination_region, region_basis, line)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, fact.sourceId(), fact.region(), fact.component(), fact.configPath(), fact.dataClass(),
                            fact.direction(), fact.endpoint(), fact.originRegion(), fact.destinationRegion(), fact.regionBasis(),
                            fact.line())
                    .update());
            item.retention().forEach(fact -> jdbc.sql("""
                            INSERT INTO retention_fact (run_id, source_id, region, component, config_path, tenant, scope, hours, enforced)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, fact.sourceId(), fact.region(), fact.component(), fact.configPath(), fact.tenant(),
                            fact.scope(), fact.hours(), fact.enforced())
                    .update());
        }
    }
}
