package io.residency.auditor.facts;

import io.residency.auditor.input.SecretRedactor;
import io.residency.auditor.input.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes a run's facts. Each write first removes what the same run wrote before, so a restarted
 * step replaces its rows instead of duplicating them.
 */
@Repository
public class FactRepository {

    /** The source id of the S3 API itself; an audited account's is {@code aws/s3/<account id>}. */
    public static final String S3_SOURCE = "aws/s3";

    /** The S3 and Organizations sources, which the bucket inventory writes and the config collection leaves alone. */
    private static final String AWS_SOURCES = "(source_id = 'aws/s3' OR source_id LIKE 'aws/s3/%' OR source_id = 'aws/organizations')";

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

    /**
     * Replaces the S3 inventory of the run: each S3 source (the API itself as {@code aws/s3}, or each
     * audited account and the organization's listing) so RES-SOURCE covers them, the buckets with
     * their account, replication rules, bucket retention and the raw answers for the bundle.
     */
    public void replaceBucketFacts(String runId, BucketInventory inventory) {
        jdbc.sql("DELETE FROM replication_rule_fact WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM retention_fact WHERE run_id = ? AND bucket IS NOT NULL").param(runId).update();
        jdbc.sql("DELETE FROM bucket_fact WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM source_fact WHERE run_id = ? AND " + AWS_SOURCES).param(runId).update();
        for (SourceFact source : inventory.sources()) {
            ColumnFit fit = new ColumnFit();
            jdbc.sql("""
                    INSERT INTO source_fact (run_id, source_id, region, kind, location, status, reason, content_sha256)
                    VALUES (?, ?, ?, ?, ?, ?, ?, NULL)""")
                    .params(runId, source.sourceId(), source.region(), source.kind(), fit.fit(source.location(), 1024, "location"),
                            source.status().name(), fit.fit(source.reason(), 2048, "reason"))
                    .update();
        }
        for (BucketFact bucket : inventory.buckets()) {
            ColumnFit fit = new ColumnFit();
            Object[] values = {runId, fit.fit(bucket.bucket(), 256, "bucket"), fit.fit(bucket.region(), 64, "region"), bucket.status(),
                    fit.fit(bucket.reason(), 1024, "reason"), fit.fit(bucket.replicationError(), 1024, "replication_error"),
                    fit.fit(bucket.encryption(), 256, "encryption"), fit.fit(bucket.tags(), 2048, "tags"), bucket.accountId(),
                    fit.fit(bucket.lifecycleError(), 1024, "lifecycle_error"), fit.fit(bucket.objectLockError(), 1024, "object_lock_error"),
                    fit.fit(bucket.answerFile(), 512, "answer_file")};
            if (fit.cut()) {
                values[3] = "ERROR";
                values[4] = fit.reason();
            }
            jdbc.sql("""
                    INSERT INTO bucket_fact (run_id, bucket, region, status, reason, replication_error, encryption, tags, account_id,
                                             lifecycle_error, object_lock_error, answer_file)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values)
                    .update();
        }
        for (ReplicationRuleFact rule : inventory.rules()) {
            ColumnFit fit = new ColumnFit();
            Object[] values = {runId, fit.fit(rule.bucket(), 256, "bucket"), fit.fit(rule.ruleId(), 256, "rule_id"), fit.fit(rule.status(), 16, "status"),
                    fit.fit(rule.filter(), 1024, "filter"), fit.fit(rule.destinationBucket(), 256, "destination_bucket"),
                    fit.fit(rule.destinationAccount(), 64, "destination_account"), fit.fit(rule.storageClass(), 64, "storage_class"),
                    fit.fit(rule.destinationRegion(), 64, "destination_region"), fit.fit(rule.destinationBasis(), 1024, "destination_basis")};
            if (fit.cut()) {
                // An unknown destination region is what the controls treat as not verified.
                values[8] = null;
                values[9] = fit.reason();
            }
            jdbc.sql("""
                    INSERT INTO replication_rule_fact (run_id, bucket, rule_id, status, filter, destination_bucket, destination_account,
                                                       storage_class, destination_region, destination_basis)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values)
                    .update();
        }
        for (RetentionFact fact : inventory.retention()) {
            ColumnFit fit = new ColumnFit();
            Object[] values = {runId, fact.sourceId(), fact.region(), fact.component(), fit.fit(fact.configPath(), 256, "config_path"),
                    fact.tenant(), fit.fit(fact.scope(), 512, "scope"), fact.hours(), fact.enforced(), fit.fit(fact.bucket(), 256, "bucket"),
                    fit.fit(fact.prefix(), 1024, "prefix")};
            if (fit.cut()) {
                // A rule whose prefix was cut cannot be matched against the logs: treated as one that filters on tags.
                values[10] = null;
            }
            jdbc.sql("""
                    INSERT INTO retention_fact (run_id, source_id, region, component, config_path, tenant, scope, hours, enforced, bucket, prefix)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values)
                    .update();
        }
        replaceInputAnswers(runId, List.of(AnswerFiles.INPUTS + "s3/"), inventory.answers());
    }

    /**
     * Replaces the answers a step recorded under its folders of inputs/ (a restarted step writes them
     * again); an answer outside those folders is a bug of the step.
     */
    public void replaceInputAnswers(String runId, List<String> folders, List<InputAnswer> answers) {
        for (String folder : folders) {
            jdbc.sql("DELETE FROM input_answer WHERE run_id = ? AND answer_file LIKE ?").params(runId, folder + "%").update();
        }
        for (InputAnswer answer : answers) {
            if (folders.stream().noneMatch(answer.answerFile()::startsWith) || answer.answerFile().length() > 512) {
                throw new IllegalStateException("an answer recorded outside " + folders + ": " + answer.answerFile());
            }
            StringBuilder redactions = new StringBuilder();
            answer.redactions().forEach(r -> redactions.append(r.line()).append(' ').append(r.kind()).append('\n'));
            jdbc.sql("INSERT INTO input_answer (run_id, answer_file, content, sha256_as_read, redactions) VALUES (?, ?, ?, ?, ?)")
                    // Text as PostgreSQL keeps it: no NUL character (an answer that has one is not a config anyway).
                    .params(runId, answer.answerFile(), new String(answer.content(), StandardCharsets.UTF_8).replace('\u0000', '\uFFFD'),
                            answer.sha256AsRead(), redactions.toString())
                    .update();
        }
    }

    /** Every answer the run recorded, in bundle path order, for the bundle's inputs/. */
    public List<InputAnswer> inputAnswers(String runId) {
        return jdbc.sql("SELECT answer_file, content, sha256_as_read, redactions FROM input_answer WHERE run_id = ? ORDER BY answer_file")
                .param(runId)
                .query((row, index) -> {
                    byte[] content = row.getString("content").getBytes(StandardCharsets.UTF_8);
                    String redactions = row.getString("redactions");
                    List<SecretRedactor.Redaction> removed = redactions == null ? List.of() : redactions.lines()
                            .map(line -> line.split(" ", 2))
                            .map(parts -> new SecretRedactor.Redaction(Integer.parseInt(parts[0]), parts[1])).toList();
                    String sha = row.getString("sha256_as_read");
                    // An answer recorded before V29 (S3's) was kept as received: its hash is its content's.
                    return new InputAnswer(row.getString("answer_file"), content, sha == null ? Sha256.hex(content) : sha.trim(), removed);
                })
                .list();
    }

    public void replaceSeriesFacts(String runId, List<SeriesScanFact> scans, List<SeriesLabelFact> labels) {
        jdbc.sql("DELETE FROM series_label_fact WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM series_scan_fact WHERE run_id = ?").param(runId).update();
        // Scans go first (labels refer to them); a label cut to fit makes its region's scan not verified.
        java.util.Map<String, String> cutInRegion = new java.util.HashMap<>();
        for (SeriesLabelFact label : labels) {
            ColumnFit fit = new ColumnFit();
            fit.fit(label.label(), 256, "label");
            fit.fit(label.detector(), 64, "detector");
            fit.fit(label.metrics(), 2048, "metrics");
            fit.fit(label.samples(), 512, "samples");
            fit.fit(label.sampleHashes(), 256, "sample_hashes");
            if (fit.cut()) {
                cutInRegion.putIfAbsent(label.region(), fit.reason());
            }
        }
        for (SeriesScanFact scan : scans) {
            ColumnFit fit = new ColumnFit();
            String reason = fit.fit(scan.reason(), 1024, "reason");
            String status = scan.status();
            if (cutInRegion.containsKey(scan.region())) {
                status = "UNVERIFIED";
                reason = fit.fit(cutInRegion.get(scan.region()), 1024, "reason");
            }
            jdbc.sql("""
                    INSERT INTO series_scan_fact (run_id, region, status, reason, labels_scanned, values_scanned)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(runId, scan.region(), status, reason, scan.labelsScanned(), scan.valuesScanned())
                    .update();
        }
        for (SeriesLabelFact label : labels) {
            ColumnFit fit = new ColumnFit();
            Object[] values = {runId, label.region(), fit.fit(label.label(), 256, "label"), fit.fit(label.detector(), 64, "detector"),
                    label.distinctValues(), label.matchingValues(), label.seriesCount(), label.seriesCountComplete(),
                    fit.fit(label.metrics(), 2048, "metrics"), fit.fit(label.samples(), 512, "samples"),
                    fit.fit(label.sampleHashes(), 256, "sample_hashes"), label.setHash()};
            jdbc.sql("""
                    INSERT INTO series_label_fact (run_id, region, label, detector, distinct_values, matching_values, series_count,
                                                   series_count_complete, metrics, samples, sample_hashes, set_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values)
                    .update();
        }
    }

    /** The central querier's replica labels and stores; a value cut to fit makes its store not verified. */
    public void replaceQuerierTopology(String runId, QuerierTopologyFact topology, List<QuerierStoreFact> stores) {
        jdbc.sql("DELETE FROM querier_store_fact WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM querier_series_region_fact WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM querier_topology_fact WHERE run_id = ?").param(runId).update();
        ColumnFit topologyFit = new ColumnFit();
        String replicaLabels = topologyFit.fit(topology.replicaLabels(), 1024, "replica_labels");
        String flagsStatus = topology.flagsStatus();
        String flagsReason = topologyFit.fit(topology.flagsReason(), 1024, "flags_reason");
        if (topologyFit.cut()) {
            flagsStatus = "UNVERIFIED";
            flagsReason = topologyFit.reason();
        }
        ColumnFit reasonFit = new ColumnFit();
        // A region value too long for its column cannot be compared with the stores: the regions are then not verified.
        ColumnFit regionsFit = new ColumnFit();
        List<String> seriesRegions = topology.seriesRegions().stream().map(r -> regionsFit.fit(r, 256, "region")).distinct().toList();
        String regionsStatus = regionsFit.cut() ? "UNVERIFIED" : topology.seriesRegionsStatus();
        String regionsReason = regionsFit.cut() ? regionsFit.reason() : reasonFit.fit(topology.seriesRegionsReason(), 1024, "series_regions_reason");
        jdbc.sql("""
                INSERT INTO querier_topology_fact (run_id, flags_status, flags_reason, replica_labels, region_label,
                                                   region_label_is_replica, stores_status, stores_reason,
                                                   series_regions_status, series_regions_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(runId, flagsStatus, flagsReason, replicaLabels, reasonFit.fit(topology.regionLabel(), 256, "region_label"),
                        topology.regionLabelIsReplica(), topology.storesStatus(), reasonFit.fit(topology.storesReason(), 1024, "stores_reason"),
                        regionsStatus, regionsReason)
                .update();
        if ("OK".equals(regionsStatus)) {
            seriesRegions.forEach(region -> jdbc.sql("INSERT INTO querier_series_region_fact (run_id, region) VALUES (?, ?)")
                    .params(runId, region).update());
        }
        int ordinal = 0;
        for (QuerierStoreFact store : stores) {
            ColumnFit fit = new ColumnFit();
            Object[] values = {runId, ordinal++, fit.fit(store.type(), 32, "store_type"), fit.fit(store.name(), 512, "name"),
                    fit.fit(store.labelSets(), 4096, "label_sets"), fit.fit(store.regionsNamed(), 1024, "regions_named"),
                    fit.fit(store.region(), 64, "region"), store.minTime(), store.maxTime(), fit.fit(store.lastError(), 1024, "last_error"), null};
            values[10] = fit.cut() ? fit.reason() : null;
            jdbc.sql("""
                    INSERT INTO querier_store_fact (run_id, ordinal, store_type, name, label_sets, regions_named, region,
                                                    min_time, max_time, last_error, cut_reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values)
                    .update();
        }
    }

    public void replaceConfigFacts(String runId, List<CollectedSource> collected) {
        replaceInputAnswers(runId, List.of(AnswerFiles.SOURCES, AnswerFiles.API),
                collected.stream().flatMap(item -> item.answers().stream()).toList());
        for (String table : List.of("storage_fact", "egress_fact", "otel_dimension_fact", "otel_processor_fact",
                "prometheus_external_labels_fact")) {
            jdbc.sql("DELETE FROM " + table + " WHERE run_id = ?").param(runId).update();
        }
        jdbc.sql("DELETE FROM retention_fact WHERE run_id = ? AND bucket IS NULL").param(runId).update();
        jdbc.sql("DELETE FROM source_fact WHERE run_id = ? AND NOT " + AWS_SOURCES).param(runId).update();
        for (CollectedSource item : collected) {
            SourceFact source = item.source();
            // One fit per source: a value cut in any of its facts makes the whole source not verified.
            ColumnFit fit = new ColumnFit();
            List<Object[]> storage = item.storage().stream().map(fact -> new Object[] {runId, fit.fit(fact.sourceId(), 256, "source_id"),
                    fact.region(), fit.fit(fact.component(), 32, "component"), fit.fit(fact.dataClass(), 32, "data_class"),
                    fit.fit(fact.configPath(), 256, "config_path"), fit.fit(fact.backend(), 32, "backend"), fit.fit(fact.bucket(), 256, "bucket"),
                    fit.fit(fact.declaredRegion(), 64, "declared_region"), fit.fit(fact.regionBasis(), 1024, "region_basis"),
                    fit.fit(fact.endpoint(), 512, "endpoint"), fact.inEffect(), fit.fit(fact.usedBy(), 1024, "used_by"), fact.line()}).toList();
            List<Object[]> egress = item.egress().stream().map(fact -> new Object[] {runId, fit.fit(fact.sourceId(), 256, "source_id"),
                    fact.region(), fit.fit(fact.component(), 32, "component"), fit.fit(fact.configPath(), 256, "config_path"),
                    fit.fit(fact.dataClass(), 32, "data_class"), fit.fit(fact.direction(), 16, "direction"), fit.fit(fact.endpoint(), 512, "endpoint"),
                    fit.fit(fact.originRegion(), 64, "origin_region"), fit.fit(fact.destinationRegion(), 64, "destination_region"),
                    fit.fit(fact.regionBasis(), 1024, "region_basis"), fact.line()}).toList();
            List<Object[]> retention = item.retention().stream().map(fact -> new Object[] {runId, fit.fit(fact.sourceId(), 256, "source_id"),
                    fact.region(), fit.fit(fact.component(), 32, "component"), fit.fit(fact.configPath(), 256, "config_path"),
                    fit.fit(fact.tenant(), 128, "tenant"), fit.fit(fact.scope(), 512, "scope"), fact.hours(), fact.enforced(),
                    fact.line()}).toList();
            List<Object[]> dimensions = item.dimensions().stream().map(fact -> new Object[] {runId, fit.fit(fact.sourceId(), 256, "source_id"),
                    fit.fit(fact.configPath(), 256, "config_path"), fact.region(), fit.fit(fact.connector(), 256, "connector"),
                    fit.fit(fact.attribute(), 256, "attribute"), fit.fit(fact.personalPattern(), 256, "personal_pattern"),
                    fit.fit(fact.exportedBy(), 1024, "exported_by"), fact.line()}).toList();
            List<Object[]> processors = item.processors().stream().map(fact -> new Object[] {runId, fit.fit(fact.sourceId(), 256, "source_id"),
                    fit.fit(fact.configPath(), 256, "config_path"), fact.region(), fit.fit(fact.processor(), 256, "processor"),
                    fit.fit(fact.processorType(), 32, "processor_type"), fit.fit(fact.pipelines(), 1024, "pipelines"), fact.redacts(),
                    fit.fit(fact.redactionCalls(), 512, "redaction_calls"), fit.fit(fact.errorMode(), 32, "error_mode"),
                    fact.allowAllKeys(), fact.line()}).toList();
            List<Object[]> externalLabels = item.externalLabels().stream().map(fact -> new Object[] {runId,
                    fit.fit(fact.sourceId(), 256, "source_id"), fact.region(), fit.fit(fact.externalLabels(), 4096, "external_labels"),
                    fit.fit(fact.regionLabel(), 256, "region_label"), fit.fit(fact.regionValue(), 256, "region_value"), fact.line()}).toList();
            Object[] sourceRow = {runId, fit.fit(source.sourceId(), 256, "source_id"), source.region(), fit.fit(source.kind(), 32, "kind"),
                    fit.fit(source.location(), 1024, "location"), source.status().name(), fit.fit(source.reason(), 2048, "reason"),
                    source.contentSha256(), fit.fit(item.answerRef(), 1024, "answer_ref")};
            if (fit.cut()) {
                sourceRow[5] = SourceStatus.ERROR.name();
                sourceRow[6] = fit.reason();
            }
            jdbc.sql("""
                    INSERT INTO source_fact (run_id, source_id, region, kind, location, status, reason, content_sha256, answer_ref)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(sourceRow)
                    .update();
            storage.forEach(values -> jdbc.sql("""
                            INSERT INTO storage_fact (run_id, source_id, region, component, data_class, config_path, backend,
                                                      bucket, declared_region, region_basis, endpoint, in_effect, used_by, line)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values)
                    .update());
            egress.forEach(values -> jdbc.sql("""
                            INSERT INTO egress_fact (run_id, source_id, region, component, config_path, data_class, direction,
                                                     endpoint, origin_region, destination_region, region_basis, line)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values)
                    .update());
            retention.forEach(values -> jdbc.sql("""
                            INSERT INTO retention_fact (run_id, source_id, region, component, config_path, tenant, scope, hours, enforced,
                                                        line)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values)
                    .update());
            dimensions.forEach(values -> jdbc.sql("""
                            INSERT INTO otel_dimension_fact (run_id, source_id, config_path, region, connector, attribute, personal_pattern,
                                                             exported_by, line)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values)
                    .update());
            processors.forEach(values -> jdbc.sql("""
                            INSERT INTO otel_processor_fact (run_id, source_id, config_path, region, processor, processor_type, pipelines,
                                                             redacts, redaction_calls, error_mode, allow_all_keys, line)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values)
                    .update());
            // A cut value makes the source ERROR above, which the control reads before any label.
            externalLabels.forEach(values -> jdbc.sql("""
                            INSERT INTO prometheus_external_labels_fact (run_id, source_id, region, external_labels, region_label,
                                                                         region_value, line)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(values)
                    .update());
        }
    }
}
