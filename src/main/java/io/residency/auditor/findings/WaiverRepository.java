package io.residency.auditor.findings;

import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exceptions register a run was given and how each exception fared. */
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
                    INSERT INTO run_waiver (run_id, waiver_index, control_id, resource, fingerprint, reason, approver, expires, state, matched,
                                            exception_id, framework, listed_under, legal_basis, legal_basis_ref, compensating_control,
                                            risk_owner, approval_date, ticket, covers)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, outcome.index(), waiver.control(), waiver.resource(), waiver.fingerprint(), waiver.reason(),
                            waiver.approver(), Date.valueOf(waiver.expires()), outcome.expired() ? "EXPIRED" : "ACTIVE", outcome.matched(),
                            waiver.id(), waiver.framework(), String.join(",", outcome.frameworks()),
                            waiver.basis() == null ? null : waiver.basis().label(), waiver.legalBasisReference(), waiver.compensatingControl(),
                            waiver.riskOwner(), waiver.approvalDate() == null ? null : Date.valueOf(waiver.approvalDate()), waiver.ticket(),
                            String.join(",", waiver.covers().stream().map(Status::name).toList()))
                    .update();
        }
    }

    public List<WaiverOutcome> outcomes(String runId) {
        return jdbc.sql("SELECT * FROM run_waiver WHERE run_id = ? ORDER BY waiver_index")
                .param(runId)
                .query((row, index) -> {
                    Date approved = row.getDate("approval_date");
                    String covers = row.getString("covers");
                    String listed = row.getString("listed_under");
                    String id = row.getString("exception_id");
                    Waiver waiver = new Waiver(id != null ? id : "waiver-" + (row.getInt("waiver_index") + 1), row.getString("control_id"), row.getString("framework"),
                            row.getString("resource"), row.getString("fingerprint"), row.getString("reason"), row.getString("legal_basis"),
                            row.getString("legal_basis_ref"), row.getString("compensating_control"), row.getString("risk_owner"),
                            row.getString("approver"), approved == null ? null : approved.toLocalDate(), row.getDate("expires").toLocalDate(),
                            row.getString("ticket"), covers == null || covers.isEmpty() ? null
                            : Arrays.stream(covers.split(",")).map(Status::valueOf).toList());
                    return new WaiverOutcome(row.getInt("waiver_index"), waiver, "EXPIRED".equals(row.getString("state")),
                            row.getInt("matched"), listed == null || listed.isEmpty() ? List.of() : List.of(listed.split(",")));
                })
                .list();
    }
}
