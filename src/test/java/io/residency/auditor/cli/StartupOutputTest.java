package io.residency.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.ResidencyAuditor;
import io.residency.auditor.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees on stderr when the real entry point starts a gate in a JVM of its own, with its
 * start-up work on two threads: the job's step lines and nothing from the logging set-up itself (no
 * "SLF4J(W): ... replayed" warning), which an in-process test cannot see because its logging is long set up.
 */
class StartupOutputTest {

    @TempDir
    Path dir;

    @Test
    void aGateStartedFromTheEntryPointPrintsNoLoggingSetUpWarnings() throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Process gate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ResidencyAuditor.class.getName(),
                "gate", "--offline", "--estate", TestPaths.resource("estates/compliant/estate.yaml").toString(),
                "--out", dir.resolve("out").toString(), "--db", "jdbc:h2:mem:startup")
                .redirectError(stderr.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile()).start();

        assertThat(gate.waitFor(3, TimeUnit.MINUTES)).as("the gate finished").isTrue();
        String errors = Files.readString(stderr);
        assertThat(gate.exitValue()).as(errors).isZero();
        assertThat(errors).contains("evaluateControls COMPLETED").doesNotContain("SLF4J");
    }
}
