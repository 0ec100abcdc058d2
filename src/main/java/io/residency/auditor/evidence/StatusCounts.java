package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many findings of each status: counted as findings stream past (or taken from the database's
 * aggregate), so no report needs the findings themselves to count them.
 */
public final class StatusCounts {

    private final long[] counts = new long[Status.values().length];

    public static StatusCounts of(List<Finding> findings) {
        StatusCounts counts = new StatusCounts();
        findings.forEach(counts::add);
        return counts;
    }

    public void add(Finding finding) {
        add(finding.status(), 1);
    }

    public void add(Status status, long count) {
        counts[status.ordinal()] += count;
    }

    /** Adds another tally's counts, status by status. */
    public void add(StatusCounts other) {
        for (Status status : Status.values()) {
            add(status, other.count(status));
        }
    }

    public long count(Status status) {
        return counts[status.ordinal()];
    }

    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** FAIL and UNVERIFIED: what a gate fails on. */
    public long problems() {
        return count(Status.FAIL) + count(Status.UNVERIFIED);
    }

    /** Keyed as the template reads them (fail, unverified, waived, pass), in the order of {@link Status}. */
    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            map.put(status.name().toLowerCase(), count(status));
        }
        return map;
    }
}
