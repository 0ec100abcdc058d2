package io.residency.auditor.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * What a PDF section lists of a stream of findings: the first {@code limit} it is given, and how
 * many came in all, so the section can say how many more the CSV holds. Memory stays within the bound.
 */
final class BoundedRows<T> {

    private final int limit;
    private final List<T> shown = new ArrayList<>();
    private long total;

    BoundedRows(int limit) {
        this.limit = limit;
    }

    void add(T item) {
        total++;
        if (shown.size() < limit) {
            shown.add(item);
        }
    }

    List<T> shown() {
        return shown;
    }

    long total() {
        return total;
    }

    /** How many were given but not kept. */
    long more() {
        return total - shown.size();
    }

    boolean isEmpty() {
        return total == 0;
    }
}
