package io.residency.auditor.findings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
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

    /** Rows per round trip when findings are streamed: enough to be quick, few enough to stay small. */
    static final int FETCH_SIZE = 500;

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

    /**
     * Passes the run's findings (of one control, or all when {@code controlId} is {@code null}) to
     * {@code each} one row at a time, in a total order: control, region, resource, then fingerprint,
     * unique within a run. Rows are fetched {@value #FETCH_SIZE} at a time and never held together,
     * so a report over any number of findings needs the memory of one.
     */
    public void forEach(String runId, String controlId, Consumer<Finding> each) {
        String sql = "SELECT * FROM finding WHERE run_id = ?" + (controlId == null ? "" : " AND control_id = ?")
                + " ORDER BY control_id, region, resource, fingerprint";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).withFetchSize(FETCH_SIZE).param(runId);
        if (controlId != null) {
            statement = statement.param(controlId);
        }
        int[] index = {0};
        statement.query((RowCallbackHandler) row -> each.accept(toFinding(row, index[0]++)));
    }

    /** Control id to status to how many findings: counted by the database, sorted by control id. */
    public Map<String, Map<Status, Long>> countsByControl(String runId) {
        Map<String, Map<Status, Long>> counts = new TreeMap<>();
        jdbc.sql("SELECT control_id, status, COUNT(*) AS n FROM finding WHERE run_id = ? GROUP BY control_id, status")
                .param(runId)
                .query((RowCallbackHandler) row -> counts.computeIfAbsent(row.getString("control_id"), id -> new EnumMap<>(Status.class))
                        .put(Status.valueOf(row.getString("status")), row.getLong("n")));
        return counts;
    }

    /** (control, status, severity, region or "") to how many findings: the run's metrics, counted by the database. */
    public Map<List<String>, Long> countsByLabels(String runId) {
        Map<List<String>, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT control_id, status, severity, COALESCE(region, '') AS region, COUNT(*) AS n FROM finding WHERE run_id = ?
                GROUP BY control_id, status, severity, COALESCE(region, '') ORDER BY 1, 2, 3, 4""")
                .param(runId)
                .query((RowCallbackHandler) row -> counts.put(List.of(row.getString("control_id"), row.getString("status"),
                        Severity.parse(row.getString("severity")).label(), row.getString("region")), row.getLong("n")));
        return counts;
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
