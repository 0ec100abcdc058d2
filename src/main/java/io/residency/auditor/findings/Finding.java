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
 * @param lifecycle against the previous run of the estate: {@code new} or {@code open} for a problem; {@code null} for a pass
 */
public record Finding(String controlId, Status status, Severity severity, List<String> frameworks,
                      String region, String jurisdiction, String resource, String message,
                      Map<String, Object> evidence, String fingerprint, Instant firstSeen, String lifecycle) {

    public Finding {
        frameworks = List.copyOf(frameworks);
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence)); // keeps the query's column order
    }

    public Finding withFirstSeen(Instant when) {
        return new Finding(controlId, status, severity, frameworks, region, jurisdiction, resource, message, evidence, fingerprint, when, lifecycle);
    }

    public Finding withJudgement(Status newStatus, Map<String, Object> newEvidence) {
        return new Finding(controlId, newStatus, severity, frameworks, region, jurisdiction, resource, message, newEvidence, fingerprint, firstSeen, lifecycle);
    }
}
