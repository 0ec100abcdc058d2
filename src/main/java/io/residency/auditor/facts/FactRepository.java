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

    public void replaceConfigFacts(String runId, List<CollectedSource> collected) {
        jdbc.sql("DELETE FROM storage_fact WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM source_fact WHERE run_id = ?").param(runId).update();
        for (CollectedSource item : collected) {
            SourceFact source = item.source();
            jdbc.sql("""
                    INSERT INTO source_fact (run_id, source_id, region, kind, location, status, reason, content_sha256)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, source.sourceId(), source.region(), source.kind(), source.location(),
                            source.status().name(), source.reason(), source.contentSha256())
                    .update();
            for (StorageFact fact : item.storage()) {
                jdbc.sql("""
                        INSERT INTO storage_fact (run_id, source_id, region, component, data_class, config_path, backend,
                                                  bucket, declared_region, region_basis, endpoint)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(runId, fact.sourceId(), fact.region(), fact.component(), fact.dataClass(), fact.configPath(),
                                fact.backend(), fact.bucket(), fact.declaredRegion(), fact.regionBasis(), fact.endpoint())
                        .update();
            }
        }
    }

    public int countStorageFacts(String runId) {
        return jdbc.sql("SELECT COUNT(*) FROM storage_fact WHERE run_id = ?").param(runId).query(Integer.class).single();
    }
}
