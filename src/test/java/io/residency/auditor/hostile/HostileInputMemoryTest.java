package io.residency.auditor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.EvidenceBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Memory stays bounded on hostile configuration: one audit reads every YAML attack and a 17 MiB
 * file as Loki sources in a separate JVM whose heap is capped, and which dies on the first
 * OutOfMemoryError instead of letting anything catch it.
 */
class HostileInputMemoryTest {

    /**
     * This run needs 40 MiB of heap here and fails at 32 MiB (measured 2026-11-24); 64 MiB leaves room
     * for another JVM's garbage collector, and is far below what an unbounded parse of these inputs takes.
     */
    private static final String HEAP = "-Xmx64m";

    @TempDir
    Path dir;

    @Test
    void everyHostileConfigIsReadWithinACappedHeap() throws Exception {
        List<HostileInputs.Case> cases = new ArrayList<>(HostileInputs.yamlAttacks());
        cases.add(HostileInputs.huge("a 17 MiB config", 17));
        StringBuilder estate = new StringBuilder("regions:\n  - name: eu-west-1\n    sources:\n");
        for (int i = 0; i < cases.size(); i++) {
            Files.write(dir.resolve("loki-" + i + ".yaml"), cases.get(i).bytes());
            estate.append("      - {kind: loki, file: loki-").append(i).append(".yaml}\n");
        }
        Files.writeString(dir.resolve("estate.yaml"), estate);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Process process = new ProcessBuilder(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                "io.residency.auditor.ResidencyAuditor", "audit", "--estate", dir.resolve("estate.yaml").toString(),
                "--out", dir.resolve("out").toString(), "--db", "jdbc:h2:mem:memory")
                .redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile()).start();

        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("finished within 180 s").isTrue();
        String output = Files.readString(dir.resolve("output.txt"));
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(sourceFindings()).as("every hostile source is judged, none crashed the run").hasSize(cases.size());
    }

    private List<JsonNode> sourceFindings() throws Exception {
        return EvidenceBundles.findings(dir.resolve("out")).stream().filter(f -> f.get("control").asString().equals("RES-SOURCE")).toList();
    }
}
