package io.residency.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle's memory is flat in the number of findings: a run of {@value #FINDINGS} findings
 * (about 1 KB of text each: as objects, with their parsed evidence, more than the whole heap)
 * renders every format in a JVM whose whole heap is {@value #HEAP}, Spring, H2 and the PDF
 * layout included. A renderer that held the findings in a list could not fit here.
 */
class FlatMemoryRenderTest {

    static final int FINDINGS = 40_000;
    static final String HEAP = "72m";

    @TempDir
    Path dir;

    @Test
    void aBundleOfFortyThousandFindingsRendersInASmallHeap() throws Exception {
        Path log = dir.resolve("render.log");
        Process render = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ManyFindingsRender.class.getName(), dir.toString(), String.valueOf(FINDINGS))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(render.waitFor(10, TimeUnit.MINUTES)).as("the render finished").isTrue();
        String output = Files.readString(log);
        assertThat(render.exitValue()).as(output).isZero();
        assertThat(output).contains("RENDERED " + FINDINGS).doesNotContain("OutOfMemoryError");

        Path bundle = dir.resolve("out").resolve(ManyFindingsRender.RUN_ID);
        try (Stream<String> lines = Files.lines(bundle.resolve("findings.csv"))) {
            assertThat(lines.count()).as("the CSV holds every finding, and its header").isEqualTo(FINDINGS + 1);
        }
        try (java.io.InputStream junit = Files.newInputStream(bundle.resolve("junit.xml"))) {
            assertThat(new String(junit.readNBytes(400), java.nio.charset.StandardCharsets.UTF_8)).contains("tests=\"" + FINDINGS + "\"");
        }
        assertThat(bundle.resolve("gdpr-evidence.pdf")).isNotEmptyFile();
        assertThat(Files.size(bundle.resolve("gdpr-evidence.pdf"))).as("the PDF lists a bounded number of findings").isLessThan(2_000_000);
    }
}
