package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import tools.jackson.databind.JsonNode;

/**
 * Real upstream collector configs (see upstream/otel-collector/SOURCES.md), each the only source of
 * eu-west-1, through the real CLI, job and controls; expected.csv holds the verdicts a reader of the
 * collector's rules gives each file. Several files joined by {@code +} are one source with {@code files:}.
 */
class OtelCollectorCorpusTest {

    private static final String CORPUS = "upstream/otel-collector/";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} ({1})")
    @CsvFileSource(resources = "/" + CORPUS + "expected.csv", numLinesToSkip = 1, delimiterString = "|")
    void verdictsAreTheCollectorsReading(String files, String format, String sourceStatus, int pass, int fail, int unverified,
                                         String messageContains) throws IOException {
        List<String> names = Arrays.asList(files.split("\\+"));
        for (String name : names) {
            Files.copy(TestPaths.resource(CORPUS + name), work.resolve(name));
        }
        String where = names.size() == 1 ? "file: " + names.get(0)
                : "files: [" + names.stream().collect(Collectors.joining(", ")) + "]";
        Path estate = work.resolve("estate.yaml");
        Files.writeString(estate, "regions:\n  - name: eu-west-1\n    sources:\n      - kind: otel-collector\n        " + where
                + "\n        format: " + format + "\n");
        Path out = work.resolve("out");

        CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", out.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID());

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<JsonNode> findings = EvidenceBundles.findings(out);
        List<JsonNode> egress = of(findings, "RES-EGRESS");
        assertThat(of(findings, "RES-SOURCE")).singleElement().satisfies(f -> assertThat(f.get("status").asString()).as(f.toString())
                .isEqualTo(sourceStatus));
        assertThat(List.of(count(egress, "PASS"), count(egress, "FAIL"), count(egress, "UNVERIFIED"))).as(egress.toString())
                .containsExactly(pass, fail, unverified);
        if (messageContains != null) {
            assertThat(findings).as(findings.toString()).anySatisfy(f -> assertThat(f.get("message").asString()).contains(messageContains));
        }
    }

    private static List<JsonNode> of(List<JsonNode> findings, String control) {
        return findings.stream().filter(f -> f.get("control").asString().equals(control)).toList();
    }

    private static int count(List<JsonNode> findings, String status) {
        return (int) findings.stream().filter(f -> f.get("status").asString().equals(status)).count();
    }
}
