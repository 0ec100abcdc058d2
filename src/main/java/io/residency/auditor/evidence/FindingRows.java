package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** How a finding, a time and a status look in a report, the same in every section. */
final class FindingRows {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private FindingRows() {
    }

    static Map<String, Object> row(Finding finding) {
        return row(finding, null);
    }

    /**
     * @param reading what the problem is in the report's framework's law ({@link LegalReading}), or {@code null}
     */
    static Map<String, Object> row(Finding finding, String reading) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("control", finding.controlId());
        // WAIVED reads "FAIL - excepted (EX-12)", never as a pass; findings.json keeps the status itself.
        row.put("status", finding.statusLabel());
        row.put("exceptionId", finding.exceptionId());
        row.put("reading", reading);
        row.put("css", css(finding.status()));
        row.put("region", Objects.toString(finding.region(), "-"));
        row.put("resource", finding.resource());
        row.put("message", finding.message());
        row.put("lifecycle", Objects.toString(finding.lifecycle(), ""));
        row.put("firstSeen", TIME.format(finding.firstSeen()));
        row.put("fingerprint", finding.fingerprint());
        row.put("evidence", finding.evidence().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        return row;
    }

    /** ISO 8601 in UTC with its zone, as every report but JUnit (which fixes its own) writes times. */
    static String iso(java.time.Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static String css(Status status) {
        return status.name().toLowerCase();
    }
}
