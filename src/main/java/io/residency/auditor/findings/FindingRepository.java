package io.residency.auditor.findings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    /** The evidence key under which a control query names the source a finding was judged from. */
    static final String SOURCE_ID = "source_id";

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
                                         resource, message, evidence_json, first_seen, lifecycle, source_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, finding.fingerprint(), finding.controlId(), finding.status().name(), finding.severity().label(),
                            String.join(",", finding.frameworks()), finding.region(), finding.jurisdiction(), finding.resource(),
                            finding.message(), json.writeValueAsString(finding.evidence()), Timestamp.from(finding.firstSeen()),
                            finding.lifecycle(), sourceId(finding))
                    .update();
        }
    }

    /**
     * The estate source a finding was judged from, as its control query names it (column
     * {@code source_id}); {@code null} where no single source decides it, such as S3 or the querier.
     * Stored apart so a later run can tell which problems an unreadable source leaves unchecked.
     */
    static String sourceId(Finding finding) {
        Object source = finding.evidence().get(SOURCE_ID);
        return source == null ? null : source.toString();
    }

    public List<Finding> findings(String runId) {
        return jdbc.sql("SELECT * FROM finding WHERE run_id = ? ORDER BY control_id, region, resource")
                .param(runId)
                .query(this::toFinding)
                .list();
    }

    Finding toFinding(ResultSet row, int index) throws SQLException {
        String frameworks = row.getString("frameworks");
        return new Finding(row.getString("control_id"), Status.valueOf(row.getString("status")),
                Severity.parse(row.getString("severity")),
                frameworks.isEmpty() ? List.of() : Arrays.asList(frameworks.split(",")),
                row.getString("region"), row.getString("jurisdiction"), row.getString("resource"), row.getString("message"),
                json.readValue(row.getString("evidence_json"), EVIDENCE), row.getString("fingerprint"),
                row.getTimestamp("first_seen").toInstant(), row.getString("lifecycle"));
    }
}
