package io.residency.auditor.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * What a report lists of a stream of findings (a PDF section, the console): the first {@code limit} it is given, and how
 * many came in all, so the section can say how many more the CSV holds. Memory stays within the bound.
 */
public final class BoundedRows<T> {

    private final int limit;
    private final List<T> shown = new ArrayList<>();
    private long total;

    public BoundedRows(int limit) {
        this.limit = limit;
    }

    public void add(T item) {
        total++;
        if (shown.size() < limit) {
            shown.add(item);
        }
    }

    public List<T> shown() {
        return shown;
    }

    public long total() {
        return total;
    }

    /** How many were given but not kept. */
    public long more() {
        return total - shown.size();
    }

    public boolean isEmpty() {
        return total == 0;
    }
}
