package io.residency.auditor.collect.config;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Real upstream Thanos files (see upstream/thanos/SOURCES.md), each the only source of eu-west-1,
 * through the real CLI, job and controls; expected.csv holds the verdicts decided by reading each
 * file as Thanos reads it, with and without an estate endpoints map that places its hosts.
 */
class ThanosObjstoreCorpusTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} ({1}, endpoints {3})")
    @CsvFileSource(resources = "/upstream/thanos/expected.csv", numLinesToSkip = 1, delimiterString = "|")
    void verdictsAreWhatThanosReads(String file, String format, String options, String endpoints, String sourceStatus, int pass, int fail,
                                   int unverified, String messageContains) throws IOException {
        UpstreamCorpus.check(work, new UpstreamCorpus.Row("thanos", "thanos-objstore", file, format, options, endpoints,
                sourceStatus, pass, fail, unverified, messageContains));
    }
}
