package io.residency.auditor.collect.series;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.policy.PiiDetection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What only Thanos does, through an in-JVM stand-in: every partial or broken answer is UNVERIFIED, never PASS. */
class QuerierFaultsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "WARNINGS, the querier warned the answer is partial",
            "HTTP_422, HTTP 422",
            "HTTP_500, HTTP 500; expected 200",
            "HANG, no answer within 1 s (timeout)",
            "TRUNCATED, answer not complete within 1 s (timeout)",
            "NOT_JSON, the answer was cut off or is not JSON"})
    void aPartialOrBrokenAnswerLeavesTheRegionUnverified(FakeQuerier.Mode mode, String reason) throws IOException {
        try (FakeQuerier fake = new FakeQuerier(mode)) {
            QuerierClient client = new QuerierClient(fake.url(), Duration.ofSeconds(1), Duration.ofSeconds(1), null);
            SeriesScanner scanner = new SeriesScanner(client, "region",
                    new PiiDetection(List.of("(?i).*user.*"), List.of("email"), List.of("job")), ValueHasher.withKey("k"), Long.MAX_VALUE);
            long start = System.nanoTime();

            SeriesScan scan = scanner.scan("eu-west-1");

            assertThat(scan.scan().status()).isEqualTo("UNVERIFIED");
            assertThat(scan.scan().reason()).contains(reason);
            assertThat(scan.labels()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the timeout").isLessThan(Duration.ofSeconds(10));
        }
    }

    @org.junit.jupiter.api.Test
    void anUnreachableQuerierLeavesTheRegionUnverified() {
        QuerierClient client = new QuerierClient("http://127.0.0.1:1", Duration.ofSeconds(1), Duration.ofSeconds(1), null);
        SeriesScanner scanner = new SeriesScanner(client, "region", new PiiDetection(List.of(), List.of("email"), List.of()), ValueHasher.withKey("k"), Long.MAX_VALUE);

        SeriesScan scan = scanner.scan("eu-west-1");

        assertThat(scan.scan().status()).isEqualTo("UNVERIFIED");
        assertThat(scan.scan().reason()).contains("cannot connect");
    }

    @org.junit.jupiter.api.Test
    void stoppingEarlyStillChecksAnAnswerWhoseStatusComesLast() throws Exception {
        try (FakeQuerier fake = new FakeQuerier(FakeQuerier.Mode.STATUS_LAST)) {
            QuerierClient client = new QuerierClient(fake.url(), Duration.ofSeconds(1), Duration.ofSeconds(1), null);
            int[] seen = {0};

            boolean readAll = client.series("{a=\"b\"}", series -> ++seen[0] < 2);

            assertThat(readAll).isFalse();
            assertThat(seen[0]).as("no series is passed on after the stop").isEqualTo(2);
        }
    }

    @org.junit.jupiter.api.Test
    void anAnswerReadToTheEndSaysSo() throws Exception {
        try (FakeQuerier fake = new FakeQuerier(FakeQuerier.Mode.STATUS_LAST)) {
            QuerierClient client = new QuerierClient(fake.url(), Duration.ofSeconds(10), Duration.ofSeconds(10), null);
            int[] seen = {0};

            assertThat(client.series("{a=\"b\"}", series -> ++seen[0] > 0)).isTrue();
            assertThat(seen[0]).isEqualTo(3);
        }
    }
}
