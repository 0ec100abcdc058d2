package io.residency.auditor.findings;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores and reads the checks a run could not make. */
@Repository
public class NotTestedRepository {

    private final JdbcClient jdbc;

    public NotTestedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces what this run recorded before, so a restarted evaluation never duplicates entries. */
    public void replace(String runId, List<NotTested> entries) {
        jdbc.sql("DELETE FROM not_tested WHERE run_id = ?").param(runId).update();
        for (NotTested entry : entries) {
            jdbc.sql("INSERT INTO not_tested (run_id, control_id, region, reason) VALUES (?, ?, ?, ?)")
                    .params(runId, entry.control(), entry.region(), entry.reason())
                    .update();
        }
    }

    public List<NotTested> notTested(String runId) {
        return jdbc.sql("SELECT control_id, region, reason FROM not_tested WHERE run_id = ? ORDER BY control_id, region")
                .param(runId)
                .query((row, index) -> new NotTested(row.getString(1), row.getString(2), row.getString(3)))
                .list();
    }
}
