package io.residency.auditor.facts;

import io.residency.auditor.estate.Tenant;
import io.residency.auditor.policy.FrameworkRules;
import io.residency.auditor.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes the policy and tenants as the run saw them, in the shape control queries join on. */
@Repository
public class RunScopeRepository {

    private final JdbcClient jdbc;

    public RunScopeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the policy's jurisdictions and rules and the estate's tenants for this run. */
    public void replaceScope(String runId, Policy policy, List<Tenant> tenants) {
        for (String table : List.of("run_jurisdiction_region", "run_residency_rule", "run_retention_rule", "run_tenant")) {
            jdbc.sql("DELETE FROM " + table + " WHERE run_id = ?").param(runId).update();
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

    /** Jurisdiction → the frameworks that have rules there. */
    public Map<String, List<String>> frameworks(String runId) {
        Map<String, List<String>> frameworks = new TreeMap<>();
        jdbc.sql("""
                        SELECT DISTINCT jurisdiction, framework FROM run_residency_rule WHERE run_id = ?
                        UNION SELECT jurisdiction, framework FROM run_retention_rule WHERE run_id = ?
                        ORDER BY 1, 2""")
                .params(runId, runId)
                .query((row, index) -> frameworks.computeIfAbsent(row.getString(1), j -> new ArrayList<>()).add(row.getString(2)))
                .list();
        return frameworks;
    }
}
