package io.residency.auditor.controls;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Fingerprint;
import io.residency.auditor.findings.Status;
import io.residency.auditor.policy.Policy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs each control's query over a run's facts and turns the rows into findings. No network or
 * file I/O happens here: controls judge what the collectors recorded.
 */
@Component
public class ControlRunner {

    private static final Set<String> FINDING_COLUMNS = Set.of("status", "region", "jurisdiction", "resource", "message");

    private final JdbcClient jdbc;
    private final ControlCatalog catalog = ControlCatalog.load();
    private final FrameworkCatalog bundledFrameworks = FrameworkCatalog.bundled(catalog);

    public ControlRunner(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ControlCatalog catalog() {
        return catalog;
    }

    /** One finding per control and resource; where a query yields a resource twice, the worse result stands. */
    public List<Finding> evaluate(String runId, Policy policy, Instant now) {
        Map<String, Finding> byFingerprint = new LinkedHashMap<>();
        FrameworkCatalog frameworks = bundledFrameworks.forPolicy(policy);
        for (ControlDefinition control : catalog.controls()) {
            Map<String, Object> parameters = new LinkedHashMap<>(control.parameters());
            parameters.put("runId", runId);
            List<Finding> rows = jdbc.sql(control.query())
                    .params(parameters)
                    .query((row, index) -> toFinding(control, policy, frameworks, row, now))
                    .list();
            for (Finding finding : rows) {
                byFingerprint.merge(finding.fingerprint(), finding,
                        (kept, other) -> other.status().badness() > kept.status().badness() ? other : kept);
            }
        }
        return new ArrayList<>(byFingerprint.values());
    }

    /**
     * A finding concerns the frameworks that apply in its jurisdiction and map its control; one with no
     * jurisdiction (a source not read, a flow to nowhere known) concerns every framework of the policy that maps it.
     */
    private static Finding toFinding(ControlDefinition control, Policy policy, FrameworkCatalog catalog, ResultSet row, Instant now)
            throws SQLException {
        String jurisdiction = row.getString("jurisdiction");
        String resource = row.getString("resource");
        List<String> applying = jurisdiction == null
                ? policy.jurisdictions().values().stream().flatMap(j -> j.frameworks().stream()).distinct().sorted().toList()
                : policy.frameworksOf(jurisdiction);
        List<String> frameworks = applying.stream().filter(f -> catalog.maps(f, control.id())).toList();
        return new Finding(control.id(), Status.valueOf(row.getString("status")), control.severity(), frameworks,
                row.getString("region"), jurisdiction, resource, row.getString("message"), evidence(row),
                Fingerprint.of(control.id(), resource), now, null);
    }

    /** Every column beyond the finding's own becomes evidence; empty values are left out. */
    private static Map<String, Object> evidence(ResultSet row) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (int column = 1; column <= meta.getColumnCount(); column++) {
            String name = meta.getColumnLabel(column).toLowerCase(Locale.ROOT);
            Object value = row.getObject(column);
            if (!FINDING_COLUMNS.contains(name) && value != null && !"".equals(value)) {
                evidence.put(name, value instanceof Number || value instanceof Boolean ? value : String.valueOf(value));
            }
        }
        return evidence;
    }
}
