package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.collect.series.PrometheusServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * RES-PROMETHEUS-REGION-LABEL on the external labels a Prometheus reports about itself: a real
 * Prometheus read through {@code /api/v1/status/config}, an API that refuses, the estate's own region
 * label, and the facts a bundle carries for a re-performance.
 */
class PrometheusExternalLabelsTest {

    private static final String CONTROL = "RES-PROMETHEUS-REGION-LABEL";

    @TempDir
    Path dir;

    private Path run(String command, String estateText) throws IOException {
        Path estate = dir.resolve("estate-" + UUID.randomUUID() + ".yaml");
        Files.writeString(estate, estateText);
        Path out = dir.resolve("out-" + UUID.randomUUID());
        CliRun run = "gate".equals(command)
                ? CliRun.of("gate", "--offline", "--format", "json", "--estate", estate.toString(), "--out", out.toString(),
                        "--db", "jdbc:h2:mem:" + UUID.randomUUID())
                : CliRun.of("audit", "--estate", estate.toString(), "--out", out.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID(),
                "--format", "json");
        assertThat(run.exitCode()).as(run.output()).isIn(0, 1);
        return out;
    }

    private static JsonNode only(Path out) throws IOException {
        List<JsonNode> findings = EvidenceBundles.findings(out).stream().filter(f -> f.get("control").asString().equals(CONTROL)).toList();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void aRealPrometheusApiAnswerIsJudgedByTheRegionLabelItHasLoaded() throws Exception {
        assumeTrue(PrometheusServer.available(), "prometheus is not installed");
        String config = """
                global:
                  scrape_interval: 1m
                  external_labels: {region: eu-west-1, replica: a}
                """;
        try (PrometheusServer prometheus = PrometheusServer.startWithConfig(dir, config)) {
            String source = "{kind: prometheus, api: \"" + prometheus.url() + "\"}";

            JsonNode home = only(run("audit", "regions:\n  - name: eu-west-1\n    sources: [" + source + "]\n"));
            JsonNode elsewhere = only(run("audit", "regions:\n  - name: us-east-1\n    sources: [" + source + "]\n"));

            assertThat(home.get("status").asString()).as(home.toString()).isEqualTo("PASS");
            assertThat(home.get("message").asString()).isEqualTo("Prometheus eu-west-1/prometheus labels its series region=eu-west-1, its stack's region");
            assertThat(home.at("/evidence/external_labels").asString()).isEqualTo("{\"region\":\"eu-west-1\",\"replica\":\"a\"}");
            assertThat(elsewhere.get("status").asString()).as(elsewhere.toString()).isEqualTo("FAIL");
            assertThat(elsewhere.get("message").asString()).contains("labels its series region=eu-west-1, which is not a region of the estate",
                    "set global: external_labels: {region: us-east-1}");
        }
    }

    @Test
    void aPrometheusApiThatRefusesLeavesTheRegionLabelUnverifiedWithTheFix() throws IOException {
        HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        refusing.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"error\",\"errorType\":\"unauthorized\",\"error\":\"forbidden\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(403, body.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        refusing.start();
        try {
            JsonNode finding = only(run("audit", "regions:\n  - name: eu-west-1\n    sources: [{kind: prometheus, api: \"http://127.0.0.1:"
                    + refusing.getAddress().getPort() + "\"}]\n"));

            assertThat(finding.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(finding.get("message").asString()).startsWith("The external labels of eu-west-1/prometheus could not be read (")
                    .contains("403").endsWith("); once it is readable, it must set global: external_labels: {region: eu-west-1}");
        } finally {
            refusing.stop(0);
        }
    }

    @Test
    void theEstatesRegionLabelIsTheOneJudgedAndNamedInTheResource() throws IOException {
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  external_labels:
                    region: eu-west-1
                    geo: us-east-1
                """);

        JsonNode finding = only(run("gate", """
                regions:
                  - name: eu-west-1
                    sources: [{kind: prometheus, file: prometheus.yml}]
                central:
                  region: us-east-1
                  thanos: {url: "http://thanos-query.central.observe.internal:10902", regionLabel: geo}
                """));

        assertThat(finding.get("status").asString()).isEqualTo("FAIL");
        assertThat(finding.get("resource").asString()).isEqualTo("eu-west-1/prometheus global.external_labels.geo");
        assertThat(finding.get("message").asString()).contains("labels its series geo=us-east-1", "{geo: eu-west-1}");
        assertThat(finding.at("/evidence/line").asInt()).isEqualTo(4);
    }

    @Test
    void theSameConfigGivesTheSameFactsAndFingerprintsAndTheBundleReperformsThem() throws IOException {
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  external_labels: {replica: b, region: us-east-1, cluster: eu-prod}
                """);
        String estate = "regions:\n  - name: eu-west-1\n    sources: [{kind: prometheus, file: prometheus.yml}]\n";

        Path first = run("gate", estate);
        Path second = run("gate", estate);

        Path facts = EvidenceBundles.only(first).resolve("facts/prometheus_external_labels_fact.jsonl");
        assertThat(Files.readString(facts)).contains("\"external_labels\":\"{\\\"cluster\\\":\\\"eu-prod\\\",\\\"region\\\":\\\"us-east-1\\\","
                + "\\\"replica\\\":\\\"b\\\"}\"", "\"region_value\":\"us-east-1\"", "\"line\":2");
        assertThat(Files.readString(facts).replace(EvidenceBundles.only(first).getFileName().toString(), ""))
                .isEqualTo(Files.readString(EvidenceBundles.only(second).resolve("facts/prometheus_external_labels_fact.jsonl"))
                        .replace(EvidenceBundles.only(second).getFileName().toString(), ""));
        assertThat(only(first).get("fingerprint").asString()).isEqualTo(only(second).get("fingerprint").asString());

        CliRun rejudge = CliRun.of("rejudge", EvidenceBundles.only(first).toString());
        assertThat(rejudge.exitCode()).as(rejudge.output()).isZero();
        assertThat(rejudge.stdout()).contains("reproduces its findings.json");
    }
}
