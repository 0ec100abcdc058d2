package io.residency.auditor.cli;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.FindingCounts;
import io.residency.auditor.findings.NotTested;
import java.nio.file.Path;
import java.util.List;

/**
 * How a run ended.
 *
 * @param failure {@code null} when the job completed; else which step failed and why
 * @param bundle  the evidence bundle, or {@code null} when none was written
 * @param notPassed every finding that did not PASS (FAIL, UNVERIFIED, WAIVED), in report order: what the console lists
 * @param counts  the findings counted by status (and control, region); passes are counted, not held
 * @param notTested the checks the run could not make
 */
public record RunOutcome(String runId, String failure, Path bundle, List<Finding> notPassed, FindingCounts counts,
                         List<NotTested> notTested) {

    /** A run that did not complete: nothing judged. */
    static RunOutcome failed(String runId, String failure) {
        return new RunOutcome(runId, failure, null, List.of(), new FindingCounts(List.of()), List.of());
    }

    public boolean completed() {
        return failure == null;
    }
}
