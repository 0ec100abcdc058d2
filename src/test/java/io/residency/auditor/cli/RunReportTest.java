package io.residency.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Severity;
import io.residency.auditor.findings.Status;
import io.residency.auditor.findings.Waivers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console keeps only what it prints: a bounded list of the findings that need attention, and counts. */
class RunReportTest {

    @Test
    void printsTheFirstFindingsThatNeedAttentionThenCountsTheRestAndStillCountsEveryOneForFailOn() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < ConsoleFindings.LISTED + 5; i++) {
            findings.add(finding("s3://bucket-" + i, Status.FAIL, Severity.HIGH));
        }
        findings.add(finding("s3://passing", Status.PASS, Severity.HIGH));
        findings.add(finding("s3://low", Status.UNVERIFIED, Severity.LOW));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new RunReport(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .print(new RunOutcome("run-1", null, Path.of("/tmp/bundle"), findings), FailOn.parse("high"));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Run run-1: 107 findings (1 PASS, 105 FAIL, 1 UNVERIFIED, 0 WAIVED)")
                .contains("s3://bucket-" + (ConsoleFindings.LISTED - 1)).doesNotContain("s3://bucket-" + ConsoleFindings.LISTED + "\n")
                .contains("  ... and 6 more; see the bundle")
                .contains("Verdict: violations found")
                .contains("Fail-on high: 105 findings at or above it");
        assertThat(out.lines().filter(line -> line.startsWith("  FAIL"))).hasSize(ConsoleFindings.LISTED);
    }

    @Test
    void anExceptedFailureReadsAsTheReportsReadItNotAsABareWaived() {
        Finding excepted = new Finding("RES-BUCKET-LOCATION", Status.WAIVED, Severity.HIGH, List.of("GDPR"), "eu-west-1", "EU",
                "s3://excepted", "the bucket is elsewhere", Map.of(Waivers.WAIVED_STATUS, "FAIL", Waivers.EXCEPTION_ID, "EX-7"),
                "e".repeat(32), Instant.parse("2026-12-02T06:00:00Z"), "new");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new RunReport(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .print(new RunOutcome("run-2", null, Path.of("/tmp/bundle"), List.of(excepted)), FailOn.parse("high"));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.lines().filter(line -> line.contains("s3://excepted")))
                .singleElement().asString().startsWith("  FAIL - excepted (EX-7) high");
    }

    private static Finding finding(String resource, Status status, Severity severity) {
        return new Finding("RES-BUCKET-LOCATION", status, severity, List.of("GDPR"), "eu-west-1", "EU", resource, "the bucket is elsewhere",
                Map.of(), "f".repeat(32), Instant.parse("2026-12-02T06:00:00Z"), status == Status.PASS ? null : "new");
    }
}
