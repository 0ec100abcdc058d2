package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import tools.jackson.databind.JsonNode;

/**
 * Real upstream Loki and Tempo configs and Helm chart values (see upstream/helm, upstream/loki and
 * upstream/tempo, each with its SOURCES.md), each the only source of eu-west-1, through the real CLI,
 * job and controls. Each folder's expected.csv holds the verdicts a reader of Loki's, Tempo's or the
 * chart's rules gives the file: RES-SOURCE, then the storage control's PASS, FAIL and UNVERIFIED counts.
 */
class LokiTempoCorpusTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} ({1}, {2})")
    @CsvFileSource(resources = "/upstream/helm/expected.csv", numLinesToSkip = 1, delimiterString = "|")
    void chartValuesReadAsTheChartRendersThem(String file, String kind, String chart, String sourceStatus, int pass, int fail,
                                              int unverified, String messageContains) throws IOException {
        verdicts("upstream/helm/", file, kind, "helm-values", chart, sourceStatus, pass, fail, unverified, messageContains);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/upstream/loki/expected.csv", numLinesToSkip = 1, delimiterString = "|")
    void lokiConfigsReadAsLokiReadsThem(String file, String kind, String chart, String sourceStatus, int pass, int fail,
                                        int unverified, String messageContains) throws IOException {
        verdicts("upstream/loki/", file, kind, "raw", chart, sourceStatus, pass, fail, unverified, messageContains);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/upstream/tempo/expected.csv", numLinesToSkip = 1, delimiterString = "|")
    void tempoConfigsReadAsTempoReadsThem(String file, String kind, String chart, String sourceStatus, int pass, int fail,
                                          int unverified, String messageContains) throws IOException {
        verdicts("upstream/tempo/", file, kind, "raw", chart, sourceStatus, pass, fail, unverified, messageContains);
    }

    private void verdicts(String corpus, String file, String kind, String format, String chart, String sourceStatus, int pass, int fail,
                          int unverified, String messageContains) throws IOException {
        Files.copy(TestPaths.resource(corpus + file), work.resolve(file));
        Path estate = work.resolve("estate.yaml");
        Files.writeString(estate, "regions:\n  - name: eu-west-1\n    sources:\n      - kind: " + kind + "\n        file: " + file
                + "\n        format: " + format + (chart == null ? "" : "\n        chart: " + chart) + "\n");
        Path out = work.resolve("out");

        CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", out.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID());

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<JsonNode> findings = EvidenceBundles.findings(out);
        List<JsonNode> storage = of(findings, kind.equals("tempo") ? "RES-TEMPO-STORAGE" : "RES-LOKI-STORAGE");
        assertThat(of(findings, "RES-SOURCE")).singleElement().satisfies(f -> assertThat(f.get("status").asString()).as(f.toString())
                .isEqualTo(sourceStatus));
        assertThat(List.of(count(storage, "PASS"), count(storage, "FAIL"), count(storage, "UNVERIFIED"))).as(storage.toString())
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
