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
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("control", finding.controlId());
        row.put("status", finding.status().name());
        row.put("statusLabel", label(finding));
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

    /**
     * The id of the exception (today: the waiver) that covers a WAIVED finding, or {@code null}. The
     * exceptions register records it in the finding's evidence as {@code exception_id}.
     */
    static String exceptionId(Finding finding) {
        Object id = finding.evidence().get("exception_id");
        return id == null ? null : id.toString();
    }

    /** How a status reads in a PDF: a WAIVED finding is a failure that an exception covers, never a pass. */
    static String label(Finding finding) {
        if (finding.status() != Status.WAIVED) {
            return finding.status().name();
        }
        String id = exceptionId(finding);
        return "FAIL - excepted" + (id == null ? "" : " (" + id + ")");
    }

    static String css(Status status) {
        return status.name().toLowerCase();
    }
}
