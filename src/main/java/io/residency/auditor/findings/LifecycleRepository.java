package io.residency.auditor.findings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Compares a run with the previous completed run of the same estate: each problem is new, still
 * open or reopened, and the previous run's problems that are gone are recorded as resolved.
 *
 * <p>Resolved means re-checked: a problem judged from a source that this run could not read is
 * carried over as an UNVERIFIED finding of this run ("could not be re-checked"), with its
 * fingerprint, so it stays open and counts for {@code --fail-on}. A problem whose resource is gone
 * from a source that was read is resolved. A problem of a control this run did NOT TEST (for its
 * region or the whole run, e.g. bucket checks offline) is not resolved either: it is simply not
 * re-judged, and the run's Not tested list says why.
 */
@Repository
public class LifecycleRepository {

    /** Keeps a carried-over message within the finding's column however long the reasons are. */
    private static final int MAX_MESSAGE = 2000;

    private final JdbcClient jdbc;
    private final FindingRepository findings;

    public LifecycleRepository(JdbcClient jdbc, FindingRepository findings) {
        this.jdbc = jdbc;
        this.findings = findings;
    }

    /**
     * The previous run's problems that this run could not re-check because their source could not
     * be read now, as UNVERIFIED findings of this run with their original fingerprint and first
     * sighting. Problems this run judged again (under the same fingerprint) are left out.
     *
     * @param judged the findings this run's controls produced
     */
    public List<Finding> carriedOver(String runId, List<Finding> judged) {
        Optional<String> previous = previousRun(runId);
        if (previous.isEmpty()) {
            return List.of();
        }
        Set<String> rechecked = judged.stream().map(Finding::fingerprint).collect(Collectors.toSet());
        return jdbc.sql("""
                        SELECT p.*, s.reason AS unread_reason FROM finding p
                        JOIN source_fact s ON s.run_id = :run AND s.source_id = p.source_id AND s.status = 'ERROR'
                        WHERE p.run_id = :previous AND p.status <> 'PASS'
                        ORDER BY p.control_id, p.region, p.resource""")
                .param("run", runId)
                .param("previous", previous.get())
                .query((row, index) -> notRechecked(findings.toFinding(row, index), previous.get(), row.getString("unread_reason")))
                .list().stream()
                .filter(f -> !rechecked.contains(f.fingerprint()))
                .toList();
    }

    /** What was last judged stays in the evidence; a problem carried over again keeps its original judgement. */
    private static Finding notRechecked(Finding previous, String previousRunId, String reason) {
        Map<String, Object> evidence = new LinkedHashMap<>(previous.evidence());
        evidence.putIfAbsent("last_judged_status", previous.status().name());
        evidence.putIfAbsent("last_judged_run", previousRunId);
        evidence.putIfAbsent("last_judged_message", previous.message());
        evidence.put("recheck_error", Objects.toString(reason, "unknown"));
        String message = "Could not be re-checked: " + Objects.toString(reason, "the source could not be read") + " (last judged "
                + evidence.get("last_judged_status") + " in run " + evidence.get("last_judged_run") + ": "
                + evidence.get("last_judged_message") + ")";
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 3) + "...";
        }
        return new Finding(previous.controlId(), Status.UNVERIFIED, previous.severity(), previous.frameworks(), previous.region(),
                previous.jurisdiction(), previous.resource(), message, evidence, previous.fingerprint(), previous.firstSeen(), null);
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

    /**
     * When each problem of this run first appeared, and each pass was first seen: the start of the
     * earliest completed run of the estate in which the fingerprint was a problem (a pass before it
     * does not count), else the start of this run. A problem resolved and seen again keeps the date
     * it first appeared; its lifecycle says it was reopened.
     */
    public List<Finding> dated(String runId, String estateId, List<Finding> judged, Instant now) {
        Instant thisRun = jdbc.sql("SELECT started_at FROM audit_run WHERE run_id = ?").param(runId)
                .query((row, index) -> row.getTimestamp(1).toInstant()).optional().orElse(now);
        Map<String, Instant> problemSince = new HashMap<>();
        Map<String, Instant> seenSince = new HashMap<>();
        jdbc.sql("""
                        SELECT f.fingerprint, MIN(CASE WHEN f.status <> 'PASS' THEN r.started_at END) AS problem_since,
                               MIN(r.started_at) AS seen_since
                        FROM finding f JOIN audit_run r ON r.run_id = f.run_id
                        WHERE r.estate_id = ? AND f.run_id <> ? AND r.status = 'COMPLETED'
                        GROUP BY f.fingerprint""")
                .params(estateId, runId)
                .query(row -> {
                    Timestamp problem = row.getTimestamp("problem_since");
                    if (problem != null) {
                        problemSince.put(row.getString("fingerprint"), problem.toInstant());
                    }
                    seenSince.put(row.getString("fingerprint"), row.getTimestamp("seen_since").toInstant());
                });
        return judged.stream()
                .map(f -> f.withFirstSeen((f.status() == Status.PASS ? seenSince : problemSince).getOrDefault(f.fingerprint(), thisRun)))
                .toList();
    }

    /**
     * Marks each problem of the run against the estate's history, and records what the previous run
     * had that this one resolved. A problem is {@code open} when the previous run had it too (or an
     * earlier one did and it was never resolved), {@code reopened} when it had been resolved, and
     * {@code new} otherwise. Resolved means re-checked: passing now, or gone from a source this run
     * read. A problem whose source left the estate is recorded as {@link ResolvedFinding#SOURCE_REMOVED},
     * not as resolved: nothing re-checked it.
     *
     * @param previousRunId {@code null} for the first run of an estate: every problem is new
     */
    public void compare(String runId, String previousRunId) {
        jdbc.sql("""
                        UPDATE finding SET lifecycle = CASE
                            WHEN EXISTS (SELECT 1 FROM finding p WHERE p.run_id = :previous AND p.fingerprint = finding.fingerprint
                                         AND p.status <> 'PASS') THEN 'open'
                            WHEN EXISTS (SELECT 1 FROM resolved_finding x JOIN audit_run xr ON xr.run_id = x.run_id
                                         WHERE x.fingerprint = finding.fingerprint AND x.run_id <> :run
                                           AND xr.estate_id = (SELECT estate_id FROM audit_run WHERE run_id = :run)
                                           AND (x.now_status IS NULL OR x.now_status = 'PASS')) THEN 'reopened'
                            WHEN EXISTS (SELECT 1 FROM finding e JOIN audit_run er ON er.run_id = e.run_id
                                         WHERE e.fingerprint = finding.fingerprint AND e.run_id <> :run AND e.status <> 'PASS'
                                           AND er.status = 'COMPLETED'
                                           AND er.estate_id = (SELECT estate_id FROM audit_run WHERE run_id = :run)) THEN 'open'
                            ELSE 'new' END
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
                        SELECT :run, p.fingerprint, p.run_id, p.control_id, p.status, p.region, p.resource,
                               CASE WHEN c.fingerprint IS NULL AND p.source_id IS NOT NULL AND NOT EXISTS (
                                        SELECT 1 FROM source_fact s WHERE s.run_id = :run AND s.source_id = p.source_id)
                                    THEN 'SOURCE_REMOVED' ELSE c.status END
                        FROM finding p LEFT JOIN finding c ON c.run_id = :run AND c.fingerprint = p.fingerprint
                        WHERE p.run_id = :previous AND p.status <> 'PASS' AND (c.fingerprint IS NULL OR c.status = 'PASS')
                          AND NOT EXISTS (SELECT 1 FROM not_tested n WHERE n.run_id = :run AND n.control_id = p.control_id
                                          AND (n.region = '-' OR n.region = p.region))""")
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
