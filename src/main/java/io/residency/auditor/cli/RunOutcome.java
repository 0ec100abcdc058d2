package io.residency.auditor.cli;

import io.residency.auditor.findings.Finding;
import java.nio.file.Path;
import java.util.List;

/**
 * How a run ended.
 *
 * @param failure {@code null} when the job completed; else which step failed and why
 * @param bundle  the evidence bundle, or {@code null} when none was written
 */
public record RunOutcome(String runId, String failure, Path bundle, List<Finding> findings) {

    public boolean completed() {
        return failure == null;
    }
}
