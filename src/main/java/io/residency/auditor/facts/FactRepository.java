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

    public List<StorageFact> storage(String runId) {
        return jdbc.sql("SELECT * FROM storage_fact WHERE run_id = ? ORDER BY region, source_id, config_path, bucket")
                .param(runId)
                .query((row, index) -> new StorageFact(row.getString("source_id"), row.getString("region"), row.getString("component"),
                        row.getString("data_class"), row.getString("config_path"), row.getString("backend"), row.getString("bucket"),
                        row.getString("declared_region"), row.getString("region_basis"), row.getString("endpoint"),
                        row.getBoolean("in_effect"), row.getString("used_by")))
                .list();
    }

    public List<EgressFact> egress(String runId) {
        return jdbc.sql("SELECT * FROM egress_fact WHERE run_id = ? ORDER BY region, source_id, config_path")
                .param(runId)
                .query((row, index) -> new EgressFact(row.getString("source_id"), row.getString("region"), row.getString("component"),
                        row.getString("config_path"), row.getString("data_class"), row.getString("direction"), row.getString("endpoint"),
                        row.getString("origin_region"), row.getString("destination_region"), row.getString("region_basis")))
                .list();
    }

    public void replaceConfigFacts(String runId, List<CollectedSource> collected) {
        for (String table : List.of("storage_fact", "egress_fact", "retention_fact", "source_fact")) {
            jdbc.sql("DELETE FROM " + table + " WHERE run_id = ?").param(runId).update();
        }
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
                                                      bucket, declared_region, region_basis, endpoint, in_effect, used_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, fact.sourceId(), fact.region(), fact.component(), fact.dataClass(), fact.configPath(),
                            fact.backend(), fact.bucket(), fact.declaredRegion(), fact.regionBasis(), fact.endpoint(),
                            fact.inEffect(), fact.usedBy())
                    .update());
            item.egress().forEach(fact -> jdbc.sql("""
                            INSERT INTO egress_fact (run_id, source_id, region, component, config_path, data_class, direction,
                                                     endpoint, origin_region, destination_region, region_basis)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, fact.sourceId(), fact.region(), fact.component(), fact.configPath(), fact.dataClass(),
                            fact.direction(), fact.endpoint(), fact.originRegion(), fact.destinationRegion(), fact.regionBasis())
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
