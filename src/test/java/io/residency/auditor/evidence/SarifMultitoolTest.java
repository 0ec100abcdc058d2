package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Microsoft's SARIF multitool ({@code @microsoft/sarif-multitool} from npm) accepts findings.sarif
 * under its SARIF and GitHub rules ({@code validate --rule-kind "Gh;Sarif"}) with no error.
 * The tool is found at {@code $SARIF_MULTITOOL}, or where {@code .ci/run} installs it. Without it the
 * test is skipped and surefire lists it as skipped with the reason; under CI ({@code CI} set) a
 * missing tool fails the test instead, so CI can never pass without running it.
 */
class SarifMultitoolTest {

    /** Where .ci/run installs the npm package (npm install --prefix). */
    static final Path CI_PREFIX = Path.of(System.getProperty("user.home"), ".cache", "residency-auditor", "sarif-multitool");

    @TempDir
    Path dir;

    @Test
    void theMultitoolReportsNoErrorUnderItsSarifAndGitHubRules() throws Exception {
        Optional<Path> tool = multitool();
        if (tool.isEmpty()) {
            assertThat(System.getenv("CI")).as("CI must install the SARIF multitool (.ci/run); set SARIF_MULTITOOL to its binary").isNull();
            Assumptions.abort("SARIF multitool not installed: set SARIF_MULTITOOL or run .ci/run's npm install");
        }
        Path sarif = dir.resolve("findings.sarif");
        Files.writeString(sarif, SarifReportTest.sarif(ReportModels.everyStatus(dir.resolve("estate"))));
        Path log = dir.resolve("validation.sarif");

        Process process = new ProcessBuilder(tool.get().toString(), "validate", sarif.toString(), "--rule-kind", "Gh;Sarif",
                "--output", log.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(100, TimeUnit.SECONDS)).as("the multitool finished").isTrue();

        assertThat(log).as(output).exists();
        List<String> errors = JsonMapper.builder().build().readTree(log.toFile()).at("/runs/0/results").valueStream()
                .filter(r -> r.path("level").asString("warning").equals("error"))
                .map(r -> r.path("ruleId").asString() + ": " + r.at("/message/text").asString()).toList();
        assertThat(errors).as(output).isEmpty();
        assertThat(output).doesNotContain(": error ");
    }

    /** The native binary: npm's bin script runs it through a shell, which would split "Gh;Sarif" at the semicolon. */
    static Optional<Path> multitool() throws IOException {
        String configured = System.getenv("SARIF_MULTITOOL");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        Path nativeTool = CI_PREFIX.resolve("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
        if (Files.isRegularFile(nativeTool)) {
            nativeTool.toFile().setExecutable(true, true);
            return Optional.of(nativeTool);
        }
        return Optional.empty();
    }
}
