package io.residency.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only an embedded H2 file database is made to write at commit; other URLs, and an explicit choice, are kept. */
class DurableCommitsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:h2:file:./residency-auditor            | jdbc:h2:file:./residency-auditor;WRITE_DELAY=0",
            "jdbc:h2:file:/data/a;USER=sa;PASSWORD=      | jdbc:h2:file:/data/a;USER=sa;PASSWORD=;WRITE_DELAY=0",
            "jdbc:h2:file:/data/a;write_delay=500        | jdbc:h2:file:/data/a;write_delay=500",
            "jdbc:h2:mem:test                            | jdbc:h2:mem:test",
            "jdbc:h2:tcp://db:9092/audit                 | jdbc:h2:tcp://db:9092/audit",
            "jdbc:postgresql://db:5432/audit?user=a      | jdbc:postgresql://db:5432/audit?user=a"})
    void onlyAnEmbeddedH2FileWritesAtCommit(String given, String used) {
        assertThat(AuditLauncher.withDurableCommits(given)).isEqualTo(used);
    }
}
