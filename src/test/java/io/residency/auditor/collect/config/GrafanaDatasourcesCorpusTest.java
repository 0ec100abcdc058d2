package io.residency.auditor.collect.config;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Real upstream Grafana files (see upstream/grafana/SOURCES.md), each the only source of eu-west-1,
 * through the real CLI, job and controls; expected.csv holds the verdicts decided by reading each
 * file as Grafana reads it, with and without an estate endpoints map that places its hosts.
 */
class GrafanaDatasourcesCorpusTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} ({1}, endpoints {3})")
    @CsvFileSource(resources = "/upstream/grafana/expected.csv", numLinesToSkip = 1, delimiterString = "|")
    void verdictsAreWhatGrafanaReads(String file, String format, String options, String endpoints, String sourceStatus, int pass, int fail,
                                   int unverified, String messageContains) throws IOException {
        UpstreamCorpus.check(work, new UpstreamCorpus.Row("grafana", "grafana-datasources", file, format, options, endpoints,
                sourceStatus, pass, fail, unverified, messageContains));
    }
}
