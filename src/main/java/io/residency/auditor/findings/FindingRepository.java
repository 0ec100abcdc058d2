package io.residency.auditor.findings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Stores and reads a run's findings. */
@Repository
public class FindingRepository {

    private static final TypeReference<Map<String, Object>> EVIDENCE = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json = JsonMapper.builder().build();

    public FindingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces what this run recorded before, so a restarted evaluation never duplicates findings. */
    public void replace(String runId, List<Finding> findings) {
        jdbc.sql("DELETE FROM finding WHERE run_id = ?").param(runId).update();
        for (Finding finding : findings) {
            jdbc.sql("""
                    INSERT INTO finding (run_id, fingerprint, control_id, status, severity, frameworks, region, jurisdiction,
                                         resource, message, evidence_json, first_seen, lifecycle)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, finding.fingerprint(), finding.controlId(), finding.status().name(), finding.severity().label(),
                            String.join(",", finding.frameworks()), finding.region(), finding.jurisdiction(), finding.resource(),
                            finding.message(), json.writeValueAsString(finding.evidence()), Timestamp.from(finding.firstSeen()),
                            finding.lifecycle())
                    .update();
        }
    }

    /** When this estate first had a finding with this fingerprint, in any earlier run. */
    public Instant firstSeen(String estateId, String runId, String fingerprint, Instant now) {
        return jdbc.sql("""
                        SELECT MIN(f.first_seen) FROM finding f JOIN audit_run r ON r.run_id = f.run_id
                        WHERE r.estate_id = ? AND f.fingerprint = ? AND f.run_id <> ?""")
                .params(estateId, fingerprint, runId)
                .query((row, index) -> row.getTimestamp(1))
                .list().stream()
                .filter(Objects::nonNull)
                .map(Timestamp::toInstant)
                .findFirst()
                .orElse(now);
    }

    public List<Finding> findings(String runId) {
        return jdbc.sql("SELECT * FROM finding WHERE run_id = ? ORDER BY control_id, region, resource")
                .param(runId)
                .query(this::toFinding)
                .list();
    }

    private Finding toFinding(ResultSet row, int index) throws SQLException {
        String frameworks = row.getString("frameworks");
        return new Finding(row.getString("control_id"), Status.valueOf(row.getString("status")),
                Severity.parse(row.getString("severity")),
                frameworks.isEmpty() ? List.of() : Arrays.asList(frameworks.split(",")),
                row.getString("region"), row.getString("jurisdiction"), row.getString("resource"), row.getString("message"),
                json.readValue(row.getString("evidence_json"), EVIDENCE), row.getString("fingerprint"),
                row.getTimestamp("first_seen").toInstant(), row.getString("lifecycle"));
    }
}
