package io.residency.auditor.findings;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judgement of one control on one resource in one run.
 *
 * @param evidence  the facts behind the judgement, already redacted
 * @param firstSeen when a finding with this fingerprint first appeared for this estate
 * @param lifecycle against the previous run of the estate: {@code new}, {@code open} or {@code reopened} for a problem; {@code null} for a pass
 */
public record Finding(String controlId, Status status, Severity severity, List<String> frameworks,
                      String region, String jurisdiction, String resource, String message,
                      Map<String, Object> evidence, String fingerprint, Instant firstSeen, String lifecycle) {

    public Finding {
        frameworks = List.copyOf(frameworks);
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence)); // keeps the query's column order
    }

    /** The id of the exception that covers this finding (status WAIVED); {@code null} otherwise. */
    public String exceptionId() {
        Object id = status == Status.WAIVED ? evidence.get(Waivers.EXCEPTION_ID) : null;
        return id == null ? null : id.toString();
    }

    /**
     * The status as people read it: a WAIVED finding is still a failure, excepted by the register
     * ("FAIL - excepted (EX-12)"), never a pass. findings.json keeps {@link #status()}.
     */
    public String statusLabel() {
        if (status != Status.WAIVED) {
            return status.name();
        }
        Object original = evidence.getOrDefault(Waivers.WAIVED_STATUS, Status.FAIL.name());
        String id = exceptionId();
        return original + " - excepted" + (id == null ? "" : " (" + id + ")");
    }

    /** A copy with its lifecycle against the previous run. */
    public Finding withLifecycle(String newLifecycle) {
        return new Finding(controlId, status, severity, frameworks, region, jurisdiction, resource, message, evidence, fingerprint, firstSeen, newLifecycle);
    }

    public Finding withFirstSeen(Instant when) {
        return new Finding(controlId, status, severity, frameworks, region, jurisdiction, resource, message, evidence, fingerprint, when, lifecycle);
    }

    public Finding withJudgement(Status newStatus, Map<String, Object> newEvidence) {
        return new Finding(controlId, newStatus, severity, frameworks, region, jurisdiction, resource, message, newEvidence, fingerprint, firstSeen, lifecycle);
    }
}
