package io.residency.auditor.cli;

import io.residency.auditor.evidence.BoundedRows;
import io.residency.auditor.evidence.StatusCounts;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Severity;
import io.residency.auditor.findings.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the console keeps of a run's findings as they stream past: the counts, the problems at each
 * severity (for {@code --fail-on}), and the first {@value #LISTED} findings that need attention,
 * the ones it prints. Its size does not grow with the run; the bundle lists every finding.
 */
public final class ConsoleFindings implements Consumer<Finding> {

    /** Findings that need attention printed on the console; the rest are counted. */
    static final int LISTED = 100;

    private final StatusCounts counts = new StatusCounts();
    private final Map<Severity, Long> problemsBySeverity = new EnumMap<>(Severity.class);
    private final BoundedRows<Finding> listed = new BoundedRows<>(LISTED);

    public static ConsoleFindings of(List<Finding> findings) {
        ConsoleFindings console = new ConsoleFindings();
        findings.forEach(console);
        return console;
    }

    @Override
    public void accept(Finding finding) {
        counts.add(finding);
        if (finding.status().isProblem()) {
            problemsBySeverity.merge(finding.severity(), 1L, Long::sum);
        }
        if (finding.status() != Status.PASS) {
            listed.add(finding);
        }
    }

    public StatusCounts counts() {
        return counts;
    }

    /** FAIL and UNVERIFIED findings by severity. */
    Map<Severity, Long> problemsBySeverity() {
        return problemsBySeverity;
    }

    /** The first findings that need attention (every status but PASS), in the run's order. */
    List<Finding> listed() {
        return listed.shown();
    }

    /** The findings that need attention beyond those listed. */
    long unlisted() {
        return listed.more();
    }
}
