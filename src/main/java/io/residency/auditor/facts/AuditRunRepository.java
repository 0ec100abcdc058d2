package io.residency.auditor.facts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Run bookkeeping rows. A restarted run keeps its original row and start time. */
@Repository
public class AuditRunRepository {

    private final JdbcClient jdbc;

    public AuditRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void startIfAbsent(AuditRun run) {
        if (find(run.runId()).isPresent()) {
            jdbc.sql("UPDATE audit_run SET status = 'RUNNING', ended_at = NULL WHERE run_id = ?").param(run.runId()).update();
            return;
        }
        jdbc.sql("""
                INSERT INTO audit_run (run_id, estate_id, mode, estate_sha256, policy_sha256, policy_source, waivers_sha256,
                                       auditor_version, started_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING')""")
                .params(run.runId(), run.estateId(), run.mode(), run.estateSha256(), run.policySha256(), run.policySource(),
                        run.waiversSha256(), run.auditorVersion(), Timestamp.from(run.startedAt()))
                .update();
    }

    public void finish(String runId, String status, Instant endedAt) {
        jdbc.sql("UPDATE audit_run SET status = ?, ended_at = ? WHERE run_id = ?")
                .params(status, Timestamp.from(endedAt), runId)
                .update();
    }

    public Optional<AuditRun> find(String runId) {
        return jdbc.sql("SELECT * FROM audit_run WHERE run_id = ?")
                .param(runId)
                .query((row, index) -> new AuditRun(row.getString("run_id"), row.getString("estate_id"), row.getString("mode"),
                        row.getString("estate_sha256"), row.getString("policy_sha256"), row.getString("policy_source"),
                        row.getString("waivers_sha256"), row.getString("auditor_version"), row.getTimestamp("started_at").toInstant(),
                        row.getTimestamp("ended_at") == null ? null : row.getTimestamp("ended_at").toInstant(),
                        row.getString("status")))
                .optional();
    }
}
