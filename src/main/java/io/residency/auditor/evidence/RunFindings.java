package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A run's findings as the reports read them: passed one at a time, in one fixed order (control,
 * region, resource, fingerprint), each time a report asks, and never held whole. Memory stays flat
 * in the number of findings: each report writes a finding as it receives it, and counts come from
 * {@link #counts()} (an aggregate) rather than from a list.
 */
public interface RunFindings {

    /** Passes every finding of the run to {@code each}, in the fixed order. */
    void forEach(Consumer<Finding> each);

    /** Passes the findings of one control to {@code each}, in the fixed order. */
    void forEachOfControl(String controlId, Consumer<Finding> each);

    /** Control id to the counts of its findings by status, sorted by control id. */
    Map<String, StatusCounts> countsByControl();

    /** The counts of every finding of the run by status. */
    default StatusCounts counts() {
        StatusCounts total = new StatusCounts();
        countsByControl().values().forEach(total::add);
        return total;
    }

    /** The counts of one control's findings by status; zeros for a control with none. */
    default StatusCounts countsOf(String controlId) {
        return countsByControl().getOrDefault(controlId, new StatusCounts());
    }

    /** Findings already in memory (a test, a small run), in the order given. */
    static RunFindings of(List<Finding> findings) {
        List<Finding> held = List.copyOf(findings);
        return new RunFindings() {
            @Override
            public void forEach(Consumer<Finding> each) {
                held.forEach(each);
            }

            @Override
            public void forEachOfControl(String controlId, Consumer<Finding> each) {
                held.stream().filter(f -> f.controlId().equals(controlId)).forEach(each);
            }

            @Override
            public Map<String, StatusCounts> countsByControl() {
                Map<String, StatusCounts> counts = new TreeMap<>();
                held.forEach(f -> counts.computeIfAbsent(f.controlId(), id -> new StatusCounts()).add(f));
                return counts;
            }
        };
    }
}
