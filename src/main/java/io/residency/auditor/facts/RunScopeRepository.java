package io.residency.auditor.facts;

import io.residency.auditor.policy.FrameworkRules;
import io.residency.auditor.policy.Policy;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes the policy as the run saw it, in the shape control queries join on. */
@Repository
public class RunScopeRepository {

    private final JdbcClient jdbc;

    public RunScopeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void replacePolicy(String runId, Policy policy) {
        jdbc.sql("DELETE FROM run_jurisdiction_region WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM run_residency_rule WHERE run_id = ?").param(runId).update();
        policy.jurisdictions().forEach((jurisdiction, definition) -> {
            for (String region : definition.regions()) {
                jdbc.sql("INSERT INTO run_jurisdiction_region (run_id, jurisdiction, region) VALUES (?, ?, ?)")
                        .params(runId, jurisdiction, region).update();
            }
            for (String framework : definition.frameworks()) {
                FrameworkRules rules = policy.frameworks().get(framework);
                insertRules(runId, jurisdiction, framework, "storage", rules.storageInJurisdiction());
                insertRules(runId, jurisdiction, framework, "replication", rules.replicationInJurisdiction());
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
}
