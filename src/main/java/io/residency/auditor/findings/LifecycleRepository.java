package io.residency.auditor.findings;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Compares a run with the previous completed run of the same estate: each problem is new or still
 * open, and the previous run's problems that are gone are recorded as resolved.
 */
@Repository
public class LifecycleRepository {

    private final JdbcClient jdbc;

    public LifecycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> previousRun(String runId) {
        return jdbc.sql("""
                        SELECT p.run_id FROM audit_run p JOIN audit_run r ON r.estate_id = p.estate_id
                        WHERE r.run_id = ? AND p.run_id <> r.run_id AND p.status = 'COMPLETED' AND p.started_at < r.started_at
                        ORDER BY p.started_at DESC FETCH FIRST 1 ROWS ONLY""")
                .param(runId)
                .query(String.class)
                .optional();
    }

    /** @param previousRunId {@code null} for the first run of an estate: every problem is new */
    public void compare(String runId, String previousRunId) {
        jdbc.sql("""
                        UPDATE finding SET lifecycle = CASE WHEN EXISTS (
                                SELECT 1 FROM finding p WHERE p.run_id = :previous AND p.fingerprint = finding.fingerprint AND p.status <> 'PASS')
                            THEN 'open' ELSE 'new' END
                        WHERE run_id = :run AND status <> 'PASS'""")
                .param("previous", previousRunId == null ? "" : previousRunId)
                .param("run", runId)
                .update();
        jdbc.sql("DELETE FROM resolved_finding WHERE run_id = ?").param(runId).update();
        if (previousRunId == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO resolved_finding (run_id, fingerprint, previous_run_id, control_id, previous_status, region, resource, now_status)
                        SELECT :run, p.fingerprint, p.run_id, p.control_id, p.status, p.region, p.resource, c.status
                        FROM finding p LEFT JOIN finding c ON c.run_id = :run AND c.fingerprint = p.fingerprint
                        WHERE p.run_id = :previous AND p.status <> 'PASS' AND (c.fingerprint IS NULL OR c.status = 'PASS')""")
                .param("run", runId)
                .param("previous", previousRunId)
                .update();
    }

    public List<ResolvedFinding> resolved(String runId) {
        return jdbc.sql("SELECT * FROM resolved_finding WHERE run_id = ? ORDER BY control_id, resource")
                .param(runId)
                .query((row, index) -> new ResolvedFinding(row.getString("fingerprint"), row.getString("previous_run_id"),
                        row.getString("control_id"), row.getString("previous_status"), row.getString("region"),
                        row.getString("resource"), row.getString("now_status")))
                .list();
    }
}
