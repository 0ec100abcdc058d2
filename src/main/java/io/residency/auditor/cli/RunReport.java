package io.residency.auditor.cli;

import io.residency.auditor.text.SafeText;
import io.residency.auditor.evidence.StatusCounts;
import io.residency.auditor.evidence.Verdict;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a person reads on stdout after a run: the counts, the findings that need attention (the first
 * {@value ConsoleFindings#LISTED}, then how many more the bundle holds), and the bundle.
 */
final class RunReport {

    private final PrintStream out;

    RunReport(PrintStream out) {
        this.out = out;
    }

    void print(RunOutcome outcome, FailOn failOn) {
        ConsoleFindings findings = outcome.findings();
        StatusCounts statusCounts = findings.counts();
        String counts = Arrays.stream(Status.values())
                .map(status -> statusCounts.count(status) + " " + status)
                .collect(Collectors.joining(", "));
        out.println("Run " + SafeText.escape(outcome.runId()) + ": " + statusCounts.total() + " findings (" + counts + ")");
        for (Finding finding : findings.listed()) {
            // Each line opens with our own indent; what the configs said is escaped onto it. An excepted
            // failure reads as the reports read it, "FAIL - excepted (id)", never as a bare WAIVED.
            out.printf("  %-10s %-8s %-22s %-10s %s%n", SafeText.escape(finding.statusLabel()), finding.severity().label(), SafeText.escape(finding.controlId()),
                    finding.region() == null ? "-" : SafeText.escape(finding.region()), SafeText.escape(finding.resource()));
            out.println("             " + SafeText.escape(finding.message()));
        }
        if (findings.unlisted() > 0) {
            out.println("  ... and " + findings.unlisted() + " more; see the bundle");
        }
        if (!outcome.notTested().isEmpty()) {
            out.println("Not tested: " + outcome.notTested().size() + " checks (they change no exit code)");
            outcome.notTested().forEach(n -> out.printf("  %-22s %-10s %s%n", n.control(), n.region(), n.reason()));
        }
        out.println("Verdict: " + Verdict.of(statusCounts, outcome.notTested().size()));
        long failing = failOn.failingCount(findings.problemsBySeverity());
        out.println("Fail-on " + failOn + ": " + (failing == 0 ? "nothing at or above it" : failing + " findings at or above it"));
        out.println("Evidence bundle: " + SafeText.escape(display(outcome.bundle())));
    }

    private static String display(Path bundle) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = bundle.toAbsolutePath();
        return (absolute.startsWith(here) ? here.relativize(absolute) : absolute) + "/";
    }
}
