package io.residency.auditor.collect.config;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Real upstream collector configs (see upstream/otel-collector/SOURCES.md), each the only source of
 * eu-west-1, through the real CLI, job and controls; expected.csv holds the verdicts a reader of the
 * collector's rules gives each file. Several files joined by {@code +} are one source with {@code files:}.
 */
class OtelCollectorCorpusTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} ({1})")
    @CsvFileSource(resources = "/upstream/otel-collector/expected.csv", numLinesToSkip = 1, delimiterString = "|")
    void verdictsAreTheCollectorsReading(String files, String format, String sourceStatus, int pass, int fail, int unverified,
                                         String messageContains) throws IOException {
        UpstreamCorpus.check(work, new UpstreamCorpus.Row("otel-collector", "otel-collector", files, format, null, null,
                sourceStatus, pass, fail, unverified, messageContains));
    }
}
