package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.collect.series.PrometheusServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Sources read through a component's own API ({@code api:}): a real Prometheus answering its
 * /api/v1/status/config and flags, and a stand-in Grafana answering /api/datasources in the shape the
 * Grafana HTTP API documents, secrets included, which must never reach the bundle.
 */
class ComponentApiSourcesTest {

    /** As Grafana's data source API documents its list, with the secret fields older versions still return. */
    private static final String GRAFANA_DATASOURCES = """
            [{"id":1,"uid":"loki-eu","orgId":1,"name":"Loki EU","type":"loki","typeName":"Loki","typeLogoUrl":"public/app/plugins/datasource/loki/img/loki_icon.svg",
              "access":"proxy","url":"https://logs-prod-eu-west-0.grafana.net","password":"grafana-db-password-1","user":"admin",
              "database":"","basicAuth":true,"basicAuthUser":"123456","basicAuthPassword":"basic-auth-password-2","isDefault":false,
              "jsonData":{"httpHeaderName1":"X-Scope-OrgID"},"secureJsonData":{"httpHeaderValue1":"tenant-token-3"},"readOnly":false},
             {"id":2,"uid":"tempo-us","orgId":1,"name":"Tempo US","type":"tempo","typeName":"Tempo","access":"proxy",
              "url":"http://tempo.us-east-1.observe.internal:3200","user":"","database":"","basicAuth":false,"isDefault":false,
              "jsonData":{},"readOnly":false}]""";

    @TempDir
    Path dir;

    private HttpServer grafana;

    @AfterEach
    void stop() {
        if (grafana != null) {
            grafana.stop(0);
        }
        System.clearProperty("residency.sources.read-timeout");
    }

    private Path audit(String region, String source) throws IOException {
        Path estate = dir.resolve("estate-" + UUID.randomUUID() + ".yaml");
        Files.writeString(estate, """
                regions:
                  - name: %s
                    sources:
                      - %s
                endpoints:
                  eu-west-1: ["*.eu-west-1.observe.internal"]
                  us-east-1: ["*.us-east-1.observe.internal"]
                """.formatted(region, source));
        Path out = dir.resolve("out-" + UUID.randomUUID());
        CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", out.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("grafana-db-password-1", "basic-auth-password-2", "tenant-token-3", "service-account-token-4");
        return out;
    }

    private static List<JsonNode> of(Path out, String control) throws IOException {
        return EvidenceBundles.findings(out).stream().filter(f -> f.get("control").asString().equals(control)).toList();
    }

    private static String everyFile(Path out) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Test
    void aRealPrometheusIsReadThroughItsStatusConfigAndFlagsAndItsRemoteWriteJudged() throws Exception {
        assumeTrue(PrometheusServer.available(), "prometheus is not installed");
        String config = """
                global:
                  scrape_interval: 1m
                  external_labels: {region: eu-west-1}
                remote_write:
                  - url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write
                    basic_auth: {username: writer, password: remote-write-password-5}
                """;
        try (PrometheusServer prometheus = PrometheusServer.startWithConfig(dir, config)) {
            Path out = audit("eu-west-1", "{kind: prometheus, api: \"" + prometheus.url() + "\"}");

            assertThat(of(out, "RES-EGRESS")).singleElement().satisfies(f -> {
                assertThat(f.get("status").asString()).isEqualTo("FAIL");
                assertThat(f.get("message").asString()).contains("sent to us-east-1");
            });
            assertThat(of(out, "RES-SOURCE")).singleElement().satisfies(f -> {
                assertThat(f.get("status").asString()).isEqualTo("PASS");
                assertThat(f.at("/evidence/file").asString()).isEqualTo(prometheus.url());
            });
            assertThat(everyFile(out)).doesNotContain("remote-write-password-5");
        }
    }

    @Test
    void aPrometheusApiThatIsNotPrometheusIsUnverifiedNamingTheEndpointAndTheExpectedAnswer() throws IOException {
        grafana = stub("/api/v1/status/config", 200, "<html>login</html>", null);

        Path out = audit("eu-west-1", "{kind: prometheus, api: \"http://127.0.0.1:" + grafana.getAddress().getPort() + "\"}");

        assertThat(of(out, "RES-SOURCE")).singleElement().satisfies(f -> {
            assertThat(f.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(f.get("message").asString()).contains("GET /api/v1/status/config: the answer is not JSON",
                    "expected {\"status\":\"success\",\"data\":{\"yaml\"");
        });
    }

    @Test
    void grafanasDataSourcesAreReadWithTheServiceAccountTokenAndNoSecretIsKept() throws IOException {
        AtomicReference<String> authorization = new AtomicReference<>();
        grafana = stub("/api/datasources", 200, GRAFANA_DATASOURCES, authorization);
        Files.writeString(dir.resolve("grafana.token"), "service-account-token-4\n");

        Path out = audit("us-east-1", "{kind: grafana-datasources, api: \"http://127.0.0.1:" + grafana.getAddress().getPort()
                + "\", tokenFile: \"" + dir.resolve("grafana.token") + "\"}");

        assertThat(authorization.get()).isEqualTo("Bearer service-account-token-4");
        // The EU Loki is a host no rule places; the US Tempo, in the Grafana's own region, is no flow out of it.
        assertThat(of(out, "RES-EGRESS")).extracting(f -> f.get("status").asString() + " " + f.get("resource").asString())
                .containsExactly("UNVERIFIED us-east-1/grafana-datasources datasources[0] logs -> logs-prod-eu-west-0.grafana.net");
        assertThat(everyFile(out)).doesNotContain("grafana-db-password-1", "basic-auth-password-2", "tenant-token-3",
                "service-account-token-4", "X-Scope-OrgID");
    }

    @Test
    void aRejectedGrafanaTokenIsUnverifiedNamingTheEndpoint() throws IOException {
        grafana = stub("/api/datasources", 401, "{\"message\":\"Unauthorized\"}", null);

        Path out = audit("us-east-1", "{kind: grafana-datasources, api: \"http://127.0.0.1:" + grafana.getAddress().getPort() + "\"}");

        assertThat(of(out, "RES-SOURCE")).singleElement().satisfies(f -> {
            assertThat(f.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(f.get("message").asString()).contains("GET /api/datasources: HTTP 401", "check the bearer token");
        });
    }

    @Test
    void aGrafanaAnswerThatIsAnObjectNotAListIsUnverified() throws IOException {
        grafana = stub("/api/datasources", 200, "{\"message\":\"Permission denied\"}", null);

        Path out = audit("us-east-1", "{kind: grafana-datasources, api: \"http://127.0.0.1:" + grafana.getAddress().getPort() + "\"}");

        assertThat(of(out, "RES-SOURCE")).singleElement().satisfies(f -> assertThat(f.get("message").asString())
                .contains("GET /api/datasources: the answer is an object with a message", "expected a JSON list of data sources"));
    }

    @Test
    void apiOnAKindWithoutAnApiIsABadEstate() throws IOException {
        Path estate = dir.resolve("estate.yaml");
        Files.writeString(estate, "regions:\n  - name: eu-west-1\n    sources:\n      - {kind: loki, api: \"http://loki:3100\"}\n");

        CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", dir.resolve("out").toString(),
                "--db", "jdbc:h2:mem:" + UUID.randomUUID());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("estate.yaml", "'api' is read only for kinds prometheus and grafana-datasources");
    }

    /** A JDK HttpServer answering one path with the given status and body, remembering the Authorization header. */
    private static HttpServer stub(String path, int status, String body, AtomicReference<String> authorization) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (authorization != null) {
                    authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                }
                boolean known = exchange.getRequestURI().getPath().equals(path);
                byte[] bytes = (known ? body : "404 page not found").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(known ? status : 404, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
        return server;
    }
}
