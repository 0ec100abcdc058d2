package io.residency.auditor.collect.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.H2Scripts;
import io.residency.auditor.job.EvidenceLifecycleContract;
import io.residency.auditor.policy.PiiDetection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The series scan against a real Prometheus (Debian's package), which serves the same HTTP API as
 * the Thanos Querier. Series carry the region label as Thanos attaches it. Runs whenever
 * {@code prometheus} is on PATH; {@code .ci/run} installs it so CI always runs it.
 */
class SeriesOnPrometheusTest {

    /** Planted personal data: none of it may appear anywhere the auditor writes. */
    private static final List<String> PLANTED = List.of("alice.planted@example.com", "bob.planted@example.org",
            "203.0.113.77", "4111111111111111", "+447911123456", "DE89370400440532013000", "carol.planted");

    @TempDir
    static Path work;

    private static PrometheusServer prometheus;

    @BeforeAll
    static void startPrometheus() throws IOException, InterruptedException {
        assumeTrue(PrometheusServer.available(), "prometheus and promtool are not on PATH (.ci/run installs them)");
        long t = PrometheusServer.recentSeconds();
        String series = """
                # TYPE http_requests gauge
                http_requests{region="eu-west-1",job="api",instance="10.0.0.1:9090",path="/users/alice.planted@example.com/orders",le="0.5"} 1 %1$d
                http_requests{region="eu-west-1",job="api",instance="10.0.0.2:9090",path="/health",le="0.5"} 1 %1$d
                # TYPE logins gauge
                logins{region="eu-west-1",job="auth",customer_email="bob.planted@example.org"} 3 %1$d
                logins{region="eu-west-1",job="auth",client_ip="203.0.113.77"} 3 %1$d
                # TYPE checkouts gauge
                checkouts{region="eu-west-1",job="shop",card="4111111111111111",phone="+447911123456",iban="DE89370400440532013000"} 1 %1$d
                # TYPE sessions gauge
                sessions{region="eu-west-1",job="web",user_name="carol.planted"} 1 %1$d
                # TYPE http_requests_aggregate gauge
                http_requests_aggregate{region="us-east-1",job="api",instance="10.1.0.1:9090",le="0.5"} 5 %1$d
                http_requests_aggregate{region="us-east-1",job="api",instance="10.1.0.2:9090",le="+Inf"} 5 %1$d
                # EOF
                """.formatted(t);
        prometheus = PrometheusServer.start(work, series);
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static SeriesScanner scanner() {
        return scanner(Long.MAX_VALUE);
    }

    private static SeriesScanner scanner(long seriesCountLimit) {
        PiiDetection pii = new PiiDetection(List.of("(?i).*e?mail.*", "(?i).*user.*", "(?i).*customer.*", "(?i)(.*_)?ip(_.*)?"),
                List.of("email", "ipv4", "ipv6", "e164-phone", "payment-card", "iban"),
                List.of("__name__", "instance", "job", "le", "quantile", "region"));
        return new SeriesScanner(new QuerierClient(prometheus.url(), Duration.ofSeconds(2), Duration.ofSeconds(30), null), "region",
                pii, ValueHasher.withKey("test-key"), seriesCountLimit);
    }

    @Test
    void labelsCarryingPersonalDataAreFoundWithMetricsAndCountsButNoValues() {
        SeriesScan scan = scanner().scan("eu-west-1");

        assertThat(scan.scan().status()).isEqualTo("OK");
        assertThat(scan.labels()).extracting(l -> l.label() + ":" + l.detector()).containsExactlyInAnyOrder(
                "path:email", "customer_email:email", "client_ip:ipv4", "card:payment-card", "phone:e164-phone",
                "iban:iban", "user_name:label name");
        var path = scan.labels().stream().filter(l -> l.label().equals("path")).findFirst().orElseThrow();
        assertThat(path.distinctValues()).isEqualTo(2);
        assertThat(path.matchingValues()).isEqualTo(1);
        assertThat(path.seriesCount()).isEqualTo(2);
        assertThat(path.metrics()).isEqualTo("http_requests");
        assertThat(path.samples()).isEqualTo("a***@e***.com");
        assertThat(path.sampleHashes()).hasSize(64).isEqualTo(ValueHasher.withKey("test-key").hash("alice.planted@example.com"));
        assertThat(scan.labels().toString()).doesNotContain(PLANTED);
    }

    @Test
    void seriesAreCountedOnlyUpToTheLimitAndABoundedCountSaysSo() {
        SeriesScan scan = scanner(1).scan("eu-west-1");

        var path = scan.labels().stream().filter(l -> l.label().equals("path")).findFirst().orElseThrow();
        assertThat(path.seriesCount()).as("two series carry path; counting stopped past one").isEqualTo(1);
        assertThat(path.seriesCountComplete()).isFalse();
        var customer = scan.labels().stream().filter(l -> l.label().equals("customer_email")).findFirst().orElseThrow();
        assertThat(customer.seriesCount()).as("exactly at the limit is a complete count").isEqualTo(1);
        assertThat(customer.seriesCountComplete()).isTrue();
    }

    @Test
    void aRegionWithOnlyInfrastructureLabelsIsClean() {
        SeriesScan scan = scanner().scan("us-east-1");

        assertThat(scan.scan().status()).isEqualTo("OK");
        assertThat(scan.labels()).isEmpty();
    }

    @Test
    void aPlainPrometheusAnswersFlagsWithoutAReplicaLabelAndHasNoStoresToAttribute() {
        var result = new QuerierTopologyCollection(Duration.ofSeconds(30), name -> null)
                .collect(new io.residency.auditor.estate.Thanos(prometheus.url(), "region", null, null, null, null));

        assertThat(result.topology().flagsStatus()).as("Prometheus serves /api/v1/status/flags too").isEqualTo("OK");
        assertThat(result.topology().replicaLabels()).isEmpty();
        assertThat(result.topology().regionLabelIsReplica()).isFalse();
        assertThat(result.topology().storesStatus()).isEqualTo("UNVERIFIED");
        assertThat(result.topology().storesReason()).contains("/api/v1/stores", "HTTP 404");
        assertThat(result.stores()).isEmpty();
    }

    @Test
    void aRegionWithNoSeriesIsUnverified() {
        SeriesScan scan = scanner().scan("eu-central-1");

        assertThat(scan.scan().status()).isEqualTo("UNVERIFIED");
        assertThat(scan.scan().reason()).contains("no series with {region=\"eu-central-1\"}");
    }

    @Test
    void theAuditFailsTheEuSeriesAndStoresNoPlantedValue() throws IOException, SQLException {
        Files.writeString(work.resolve("estate.yaml"), """
                regions:
                  - name: eu-west-1
                  - name: us-east-1
                central:
                  region: us-east-1
                  thanos: {url: "%s", regionLabel: region, seriesCountLimit: 1}
                """.formatted(prometheus.url()));
        Path out = work.resolve("out");
        String db = "jdbc:h2:file:" + work.resolve("db") + ";USER=sa;PASSWORD=";

        CliRun run = CliRun.of("audit", "--estate", work.resolve("estate.yaml").toString(), "--out", out.toString(), "--db", db, "--verbose");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("FAIL", "RES-METRICS-PII", "label customer_email (email) in federated series of eu-west-1");
        Path bundle = EvidenceBundles.only(out);
        List<JsonNode> findings = EvidenceBundles.findings(out);
        assertThat(findings.stream().filter(f -> f.get("control").asString().equals("RES-METRICS-PII"))
                .map(f -> f.get("status").asString())).contains("FAIL").doesNotContain("PASS");
        JsonNode path = findings.stream().filter(f -> f.get("resource").asString().startsWith("label path ")).findFirst().orElseThrow();
        assertThat(path.get("message").asString()).endsWith("values detected as email in more than 1 series that reach the central querier");
        assertThat(path.get("evidence").get("series_count_complete").asBoolean()).isFalse();
        StringBuilder written = new StringBuilder(run.output());
        // Every file, facts/ and inputs/ included: the planted values must be in none of them.
        try (Stream<Path> files = Files.walk(bundle)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                written.append(file.toString().endsWith(".pdf") ? EvidenceBundles.pdfText(file) : Files.readString(file));
            }
        }
        written.append(H2Scripts.dump(db, work.resolve("dump.sql")));
        assertThat(written).contains("customer_email", "a***@e***.com");
        for (String value : PLANTED) {
            assertThat(written).as("the auditor wrote the planted value %s", value).doesNotContain(value);
        }
    }
}
