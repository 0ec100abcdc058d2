package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many findings of each status, keyed as the template reads them (fail, unverified, waived, pass). */
final class StatusCounts {

    private StatusCounts() {
    }

    static Map<String, Object> of(List<Finding> findings) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            counts.put(status.name().toLowerCase(), findings.stream().filter(f -> f.status() == status).count());
        }
        return counts;
    }
}
