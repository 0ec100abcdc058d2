package io.residency.auditor.findings;

import java.sql.Date;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The waivers a run was given and how each fared. */
@Repository
public class WaiverRepository {

    private final JdbcClient jdbc;

    public WaiverRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(String runId, List<WaiverOutcome> outcomes) {
        jdbc.sql("DELETE FROM run_waiver WHERE run_id = ?").param(runId).update();
        for (WaiverOutcome outcome : outcomes) {
            Waiver waiver = outcome.waiver();
            jdbc.sql("""
                    INSERT INTO run_waiver (run_id, waiver_index, control_id, resource, fingerprint, reason, approver, expires, state, matched)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, outcome.index(), waiver.control(), waiver.resource(), waiver.fingerprint(), waiver.reason(),
                            waiver.approver(), Date.valueOf(waiver.expires()), outcome.expired() ? "EXPIRED" : "ACTIVE", outcome.matched())
                    .update();
        }
    }

    public List<WaiverOutcome> outcomes(String runId) {
        return jdbc.sql("SELECT * FROM run_waiver WHERE run_id = ? ORDER BY waiver_index")
                .param(runId)
                .query((row, index) -> new WaiverOutcome(row.getInt("waiver_index"),
                        new Waiver(row.getString("control_id"), row.getString("resource"), row.getString("fingerprint"),
                                row.getString("reason"), row.getString("approver"), row.getDate("expires").toLocalDate()),
                        "EXPIRED".equals(row.getString("state")), row.getInt("matched")))
                .list();
    }
}
