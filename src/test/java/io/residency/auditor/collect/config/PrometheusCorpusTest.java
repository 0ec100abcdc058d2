package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import tools.jackson.databind.JsonNode;

/**
 * Real upstream Prometheus files (see upstream/prometheus/SOURCES.md), each the only source of eu-west-1,
 * through the real CLI, job and controls; expected.csv holds the verdicts decided by reading each
 * file as Prometheus reads it, with and without an estate endpoints map that places its hosts;
 * external-labels.csv the verdict on the region label each file's external labels give.
 */
class PrometheusCorpusTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} ({1}, endpoints {3})")
    @CsvFileSource(resources = "/upstream/prometheus/expected.csv", numLinesToSkip = 1, delimiterString = "|")
    void verdictsAreWhatPrometheusReads(String file, String format, String options, String endpoints, String sourceStatus, int pass, int fail,
                                   int unverified, String messageContains) throws IOException {
        UpstreamCorpus.check(work, new UpstreamCorpus.Row("prometheus", "prometheus", file, format, options, endpoints,
                sourceStatus, pass, fail, unverified, messageContains));
    }

    @ParameterizedTest(name = "{0} ({1}): region label {2}")
    @CsvFileSource(resources = "/upstream/prometheus/external-labels.csv", numLinesToSkip = 1, delimiterString = "|")
    void theRegionLabelOfEachExternalLabelsIsJudgedAgainstTheStacksRegion(String file, String options, String status, String messageContains)
            throws IOException {
        List<JsonNode> findings = UpstreamCorpus.of(UpstreamCorpus.audit(work, "prometheus", "prometheus", file, "raw", options, null),
                "RES-PROMETHEUS-REGION-LABEL");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.get("status").asString()).as(f.toString()).isEqualTo(status);
            assertThat(f.get("resource").asString()).isEqualTo("eu-west-1/prometheus global.external_labels.region");
            assertThat(f.get("message").asString()).contains(messageContains);
        });
    }
}
