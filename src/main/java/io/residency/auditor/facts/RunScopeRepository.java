package io.residency.auditor.facts;

import io.residency.auditor.estate.Tenant;
import io.residency.auditor.policy.FrameworkRules;
import io.residency.auditor.policy.Policy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes the policy and tenants as the run saw them, in the shape control queries join on. */
@Repository
public class RunScopeRepository {

    private final JdbcClient jdbc;

    public RunScopeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the policy's jurisdictions and rules, the estate's regions and tenants, and how the run
     * looks (offline, with or without S3 and the querier) for this run.
     *
     * @param regions     the regions the estate lists, with or without sources
     * @param regionLabel the external label that names a series' region (the estate's central.thanos.regionLabel or its default)
     */
    public void replaceScope(String runId, Policy policy, List<Tenant> tenants, Collection<String> regions, RunMode mode,
                             String regionLabel) {
        for (String table : List.of("run_jurisdiction_region", "run_residency_rule", "run_retention_rule", "run_tenant",
                "run_region", "run_scope")) {
            jdbc.sql("DELETE FROM " + table + " WHERE run_id = ?").param(runId).update();
        }
        jdbc.sql("INSERT INTO run_scope (run_id, offline, aws_section, querier, region_label) VALUES (?, ?, ?, ?, ?)")
                .params(runId, mode.offline(), mode.awsSection(), mode.querier(), new ColumnFit().fit(regionLabel, 256, "region_label")).update();
        for (String region : new TreeSet<>(regions)) {
            jdbc.sql("INSERT INTO run_region (run_id, region) VALUES (?, ?)").params(runId, region).update();
        }
        for (Tenant tenant : tenants) {
            jdbc.sql("INSERT INTO run_tenant (run_id, tenant_id, sox, home_region) VALUES (?, ?, ?, ?)")
                    .params(runId, tenant.id(), tenant.sox(), tenant.home()).update();
        }
        policy.jurisdictions().forEach((jurisdiction, definition) -> {
            for (String region : definition.regions()) {
                jdbc.sql("INSERT INTO run_jurisdiction_region (run_id, jurisdiction, region) VALUES (?, ?, ?)")
                        .params(runId, jurisdiction, region).update();
            }
            for (String framework : definition.frameworks()) {
                FrameworkRules rules = policy.frameworks().get(framework);
                insertRules(runId, jurisdiction, framework, "storage", rules.storageInJurisdiction());
                insertRules(runId, jurisdiction, framework, "replication", rules.replicationInJurisdiction());
                insertRules(runId, jurisdiction, framework, "federation", rules.federationAllowed());
                if (rules.minimumLogRetentionDays() != null) {
                    jdbc.sql("INSERT INTO run_retention_rule (run_id, jurisdiction, framework, minimum_days) VALUES (?, ?, ?, ?)")
                            .params(runId, jurisdiction, framework, rules.minimumLogRetentionDays()).update();
                }
            }
        });
    }

    private void insertRules(String runId, String jurisdiction, String framework, String kind, List<String> dataClasses) {
        for (String dataClass : dataClasses) {
            jdbc.sql("""
                    INSERT INTO run_residency_rule (run_id, jurisdiction, framework, rule_kind, data_class)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(runId, jurisdiction, framework, kind, dataClass).update();
        }
    }

    /** Jurisdiction → its regions, as the run recorded them. */
    public Map<String, List<String>> jurisdictions(String runId) {
        Map<String, List<String>> regions = new TreeMap<>();
        jdbc.sql("SELECT jurisdiction, region FROM run_jurisdiction_region WHERE run_id = ? ORDER BY jurisdiction, region")
                .param(runId)
                .query((row, index) -> regions.computeIfAbsent(row.getString(1), j -> new ArrayList<>()).add(row.getString(2)))
                .list();
        return regions;
    }

    /** What the run examined; {@code null} for a run recorded before scope was (V4). */
    public RunScope scope(String runId) {
        RunMode mode = jdbc.sql("SELECT offline, aws_section, querier FROM run_scope WHERE run_id = ?")
                .param(runId)
                .query((row, index) -> new RunMode(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3)))
                .optional().orElse(null);
        if (mode == null) {
            return null;
        }
        List<String> regions = jdbc.sql("SELECT region FROM run_region WHERE run_id = ? ORDER BY region")
                .param(runId).query(String.class).list();
        Map<String, Long> sources = new TreeMap<>();
        jdbc.sql("SELECT kind, COUNT(*) FROM source_fact WHERE run_id = ? GROUP BY kind")
                .param(runId)
                .query((row, index) -> sources.put(row.getString(1), row.getLong(2)))
                .list();
        long buckets = jdbc.sql("SELECT COUNT(*) FROM bucket_fact WHERE run_id = ?").param(runId).query(Long.class).single();
        long tenants = jdbc.sql("SELECT COUNT(*) FROM run_tenant WHERE run_id = ?").param(runId).query(Long.class).single();
        long soxTenants = jdbc.sql("SELECT COUNT(*) FROM run_tenant WHERE run_id = ? AND sox = TRUE").param(runId).query(Long.class).single();
        return new RunScope(mode, regions, sources, buckets, tenants, soxTenants);
    }
}
