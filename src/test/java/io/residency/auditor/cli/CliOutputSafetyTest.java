package io.residency.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What configs say reaches the console escaped and never at a line's start; the database password never reaches it. */
class CliOutputSafetyTest {

    /**
     * A newline, a CI workflow command, a terminal control sequence (CSI, the one-character form of
     * ESC [) and a right-to-left override, in an exporter's name.
     */
    private static final String HOSTILE_NAME = "otlp/x\\n::error::pwned\\u009b31m\\u202egnp.exe";

    @TempDir
    Path dir;

    @Test
    void anExporterNamedLikeAWorkflowCommandCannotStartALineOrEscapeTheTerminal() throws IOException {
        Files.writeString(dir.resolve("estate.yaml"), """
                regions:
                  - name: eu-west-1
                    sources:
                      - {kind: otel-collector, file: defined.yaml}
                      - {kind: otel-collector, file: undefined.yaml}
                """);
        // One exporter sends outside the EU (a FAIL naming it), one pipeline names an undefined one (UNVERIFIED).
        Files.writeString(dir.resolve("defined.yaml"), """
                exporters:
                  "%s": {endpoint: "https://otlp.us-east-1.amazonaws.com:4317"}
                service:
                  pipelines:
                    traces: {receivers: [otlp], exporters: ["%s"]}
                """.formatted(HOSTILE_NAME, HOSTILE_NAME));
        Files.writeString(dir.resolve("undefined.yaml"), """
                exporters:
                  debug: {}
                service:
                  pipelines:
                    logs: {receivers: [otlp], exporters: ["%s"]}
                """.formatted(HOSTILE_NAME));

        CliRun run = CliRun.of("audit", "--estate", dir.resolve("estate.yaml").toString(), "--out", dir.resolve("out").toString(),
                "--db", "jdbc:h2:mem:" + UUID.randomUUID());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.stdout()).as("the name is shown, escaped").contains("otlp/x\\u000a::error::pwned\\u009b31m\\u202egnp.exe");
        assertThat(run.output().lines()).as(run.output()).noneMatch(line -> line.startsWith("::"));
        assertThat(run.output()).doesNotContain("\u009b", "\u202e", "\r");
    }

    @Test
    void anEscapeCharacterInAConfigIsShownEscapedInThePdfAndNeverStopsTheRun() throws IOException {
        Files.writeString(dir.resolve("estate.yaml"), """
                regions:
                  - name: eu-west-1
                    sources:
                      - {kind: otel-collector, file: collector.yaml}
                """);
        // ESC, which XML cannot hold, and a right-to-left override, which would show the name reversed.
        String name = "otlp/a\\u001b[31mb\\u202ec";
        Files.writeString(dir.resolve("collector.yaml"), """
                exporters:
                  "%s": {endpoint: "https://otlp.us-east-1.amazonaws.com:4317"}
                service:
                  pipelines:
                    traces: {receivers: [otlp], exporters: ["%s"]}
                """.formatted(name, name));

        CliRun run = CliRun.of("audit", "--estate", dir.resolve("estate.yaml").toString(), "--out", dir.resolve("out").toString(),
                "--db", "jdbc:h2:mem:" + UUID.randomUUID(), "--format", "json,pdf");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        String pdf = EvidenceBundles.pdfText(EvidenceBundles.only(dir.resolve("out")).resolve("gdpr-evidence.pdf"));
        // A long name may wrap inside its table cell (at the '['): compare without the line breaks.
        assertThat(pdf.replaceAll("\\s", "")).contains("otlp/a\\u001b[31mb\\u202ec");
        assertThat(pdf).doesNotContain("\u001b", "\u202e");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://auditor:Hunter2-Secret@127.0.0.1:1/audit?connectTimeout=1",
            "jdbc:postgresql://127.0.0.1:1/audit?user=auditor&password=Hunter2-Secret&connectTimeout=1",
            "jdbc:h2:mem:cli;USER=sa;PASSWORD=Hunter2-Secret"})
    void theDatabasePasswordIsNeverPrintedWhenTheDatabaseCannotBeOpened(String url) {
        CliRun run = CliRun.of("audit", "--verbose", "--estate", TestPaths.resource("estates/compliant/estate.yaml").toString(),
                "--out", dir.toString(), "--db", url);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(run.stderr()).contains("could not open the findings database", "***");
        assertThat(run.output()).doesNotContain("Hunter2-Secret");
    }
}
