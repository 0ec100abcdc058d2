package io.residency.auditor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor writes only to its output folder, its database and the temp folder, so it runs with
 * a read-only root filesystem. (Tests run as root here, where a read-only folder cannot be made to
 * refuse writes, so the test proves it writes nothing into its working folder instead.)
 */
class WorkingFolderTest {

    @TempDir
    Path workingFolder;

    @TempDir
    Path elsewhere;

    @Test
    void anAuditWritesNothingIntoItsWorkingFolder() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.residency.auditor.ResidencyAuditor",
                "audit", "--estate", TestPaths.resource("estates/compliant/estate.yaml").toString(),
                "--out", elsewhere.resolve("evidence").toString(),
                "--db", "jdbc:h2:file:" + elsewhere.resolve("db") + ";USER=sa;PASSWORD=")
                .directory(workingFolder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(elsewhere.resolve("output.txt").toFile())
                .start();

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(elsewhere.resolve("output.txt"))).isZero();
        try (Stream<Path> files = Files.list(workingFolder)) {
            assertThat(files.toList()).isEmpty();
        }
        try (Stream<Path> bundles = Files.list(elsewhere.resolve("evidence"))) {
            assertThat(bundles.toList()).hasSize(1);
        }
        assertThat(Files.readString(elsewhere.resolve("output.txt"))).contains("Evidence bundle:");
    }
}
