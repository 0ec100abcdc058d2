package io.residency.auditor.cli;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.NotTested;
import java.nio.file.Path;
import java.util.List;

/**
 * How a run ended.
 *
 * @param failure {@code null} when the job completed; else which step failed and why
 * @param bundle  the evidence bundle, or {@code null} when none was written
 * @param findings  what the console shows of the run's findings (counts and the first problems), never all of them
 * @param notTested the checks the run could not make
 */
public record RunOutcome(String runId, String failure, Path bundle, ConsoleFindings findings, List<NotTested> notTested) {

    public RunOutcome(String runId, String failure, Path bundle, List<Finding> findings, List<NotTested> notTested) {
        this(runId, failure, bundle, ConsoleFindings.of(findings), notTested);
    }

    public RunOutcome(String runId, String failure, Path bundle, List<Finding> findings) {
        this(runId, failure, bundle, findings, List.of());
    }

    public boolean completed() {
        return failure == null;
    }
}
