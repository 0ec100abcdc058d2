package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.residency.auditor.CliRun;
import io.residency.auditor.ConfigServer;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.H2Scripts;
import io.residency.auditor.TestPaths;
import io.residency.auditor.collect.k8s.ClusterStandIns;
import io.residency.auditor.collect.s3.S3Scenario;
import io.residency.auditor.collect.series.PrometheusServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * Every finding points at its evidence in the bundle: a line of a source's copy that exists, or an
 * API call and its answer file, or (only where there is no answer) a fact table; the file is in the
 * bundle and in its manifest. Proven on an estate with every status (offline) and on a live estate
 * read from real servers: a url: Loki, a cluster's ConfigMap, a real Prometheus through its API, a
 * Grafana's data source API, S3 in the JVM and a real Prometheus standing in for the Thanos Querier.
 */
class EvidenceRefsInBundleTest {

    private static final Pattern LINE_REF = Pattern.compile("(inputs/sources/.+\\.yaml):([0-9]+)");

    /** Planted secrets and personal data: none may appear anywhere in the bundle or the database. */
    private static final List<String> PLANTED = List.of("AKIAPLANTEDURLKEY09", "plantedUrlSecret09", "plantedUrlToken09",
            "remote-write-password-09", "grafana-db-password-09", "basic-auth-password-09", "tenant-token-09",
            "alice.planted09@example.com", "grafanaUrlSecret09", "grafanaUrlToken09", ClusterStandIns.TOKEN, S3Scenario.SECRET);

    private static final String GRAFANA_DATASOURCES = """
            [{"id":1,"uid":"loki-eu","orgId":1,"name":"Loki EU","type":"loki","access":"proxy",
              "url":"https://loki.eu-west-1.observe.internal:3100","password":"grafana-db-password-09","user":"admin",
              "basicAuth":true,"basicAuthUser":"123456","basicAuthPassword":"basic-auth-password-09","isDefault":true,
              "jsonData":{"httpHeaderName1":"X-Scope-OrgID"},"secureJsonData":{"httpHeaderValue1":"tenant-token-09"}},
             {"id":2,"uid":"tempo-eu","orgId":1,"name":"Tempo EU","type":"tempo","access":"proxy",
              "url":"https://reader:grafanaUrlSecret09@tempo.eu-west-1.observe.internal:3200/?token=grafanaUrlToken09","isDefault":false}]""";

    @TempDir
    Path dir;

    private LocalS3 emulator;
    private HttpServer grafana;

    @BeforeEach
    void credentials() {
        System.setProperty("aws.accessKeyId", S3Scenario.KEY);
        System.setProperty("aws.secretAccessKey", S3Scenario.SECRET);
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (emulator != null) {
            emulator.shutdown();
        }
        if (grafana != null) {
            grafana.stop(0);
        }
    }

    @Test
    void everyFindingOfAnEstateWithEveryStatusPointsAtAFileOfTheBundle() throws IOException {
        Files.writeString(dir.resolve("loki.yaml"), """
                common:
                  storage:
                    s3:
                      bucketnames: logs-eu
                      region: eu-west-1
                storage_config:
                  aws:
                    bucketnames: logs-ch
                    region: eu-central-2
                  named_stores:
                    aws:
                      us:
                        bucketnames: logs-us
                        region: us-east-1
                limits_config:
                  retention_period: 24h
                compactor:
                  retention_enabled: true
                schema_config:
                  configs:
                    - {from: 2020-10-24, store: tsdb, object_store: s3, schema: v13}
                    - {from: 2024-01-01, store: tsdb, object_store: us, schema: v13}
                """);
        Files.writeString(dir.resolve("otel.yaml"), """
                exporters:
                  otlphttp/eu: {endpoint: "https://collector.eu-west-1.observe.internal"}
                  otlphttp/vendor: {endpoint: "https://vendor.example.com"}
                service:
                  pipelines:
                    logs: {receivers: [otlp], exporters: [otlphttp/eu, otlphttp/vendor]}
                """);
        Files.writeString(dir.resolve("broken.yaml"), "storage_config:\n  aws: [\n");
        Files.writeString(dir.resolve("waivers.yaml"), """
                waivers:
                  - control: RES-LOKI-STORAGE
                    resource: "eu-west-1/loki storage_config.aws *"
                    reason: covered by the adequacy decision for Switzerland (ticket SEC-142)
                    approver: dpo@example.com
                    expires: %s
                """.formatted(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(6)));
        Path estate = Files.writeString(dir.resolve("estate.yaml"), """
                name: every-status
                regions:
                  - name: eu-west-1
                    sources:
                      - {id: eu-west-1/loki, kind: loki, file: loki.yaml}
                      - {id: eu-west-1/otel, kind: otel-collector, file: otel.yaml}
                      - {id: eu-west-1/broken, kind: loki, file: broken.yaml}
                  - name: us-east-1
                    sources: []
                tenants:
                  - {id: acme-finance, sox: true, home: eu-west-1}
                endpoints:
                  eu-west-1: ["*.eu-west-1.observe.internal"]
                """);
        Path out = dir.resolve("out");

        CliRun gate = CliRun.of("gate", "--offline", "--estate", estate.toString(), "--out", out.toString(),
                "--waivers", dir.resolve("waivers.yaml").toString(), "--format", "json", "--db", "jdbc:h2:mem:" + UUID.randomUUID());

        assertThat(gate.exitCode()).as(gate.output()).isIn(0, 1);
        assertThat(EvidenceBundles.findings(out).stream().map(f -> f.get("status").asString()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("PASS", "FAIL", "UNVERIFIED", "WAIVED");
        assertEveryFindingPointsIntoTheBundle(EvidenceBundles.only(out));
    }

    @Test
    void everyFindingOfTheDemoEstatePointsAtAFileOfTheBundle() throws IOException {
        Path out = dir.resolve("out");

        CliRun gate = CliRun.of("gate", "--offline", "--estate", TestPaths.demoEstate().toString(), "--out", out.toString(),
                "--format", "json", "--db", "jdbc:h2:mem:" + UUID.randomUUID());

        assertThat(gate.exitCode()).as(gate.output()).isIn(0, 1);
        assertEveryFindingPointsIntoTheBundle(EvidenceBundles.only(out));
    }

    @Test
    void aLiveEstateKeepsEveryAnswerItWasJudgedFromAndNoSecretOrPersonalData() throws Exception {
        assumeTrue(PrometheusServer.available(), "prometheus and promtool are not on PATH (.ci/run installs them)");
        emulator = LocalS3.builder().port(-1).mode(LocalS3Mode.IN_MEMORY).build();
        emulator.start();
        String s3 = "http://127.0.0.1:" + emulator.getPort();
        try (S3Client client = S3Scenario.client(s3)) {
            S3Scenario.create(client, true);
        }
        grafana = grafanaStandIn();
        long t = PrometheusServer.recentSeconds();
        Files.createDirectories(dir.resolve("querier"));
        Files.createDirectories(dir.resolve("prometheus"));
        try (ConfigServer loki = new ConfigServer("/config", S3Scenario.EU_LOKI + """
                common:
                  storage:
                    s3:
                      s3: s3://AKIAPLANTEDURLKEY09:plantedUrlSecret09@eu-west-1/logs-eu
                ruler:
                  alertmanager_url: http://alertmanager.eu-west-1.observe.internal/?token=plantedUrlToken09
                """, "loki-token");
             PrometheusServer querier = PrometheusServer.start(dir.resolve("querier"), """
                     # TYPE logins gauge
                     logins{region="eu-west-1",job="auth",customer_email="alice.planted09@example.com"} 3 %1$d
                     logins{region="us-east-1",job="auth",instance="10.1.0.1:9090"} 3 %1$d
                     # EOF
                     """.formatted(t));
             PrometheusServer prometheus = PrometheusServer.startWithConfig(dir.resolve("prometheus"), """
                     global:
                       scrape_interval: 1m
                       external_labels: {region: eu-west-1}
                     remote_write:
                       - url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write
                         basic_auth: {username: writer, password: remote-write-password-09}
                     """);
             ClusterStandIns clusters = new ClusterStandIns()) {
            KubernetesClient us = clusters.cluster("us-prod");
            ClusterStandIns.configMap(us, "logging", "loki", Map.of("config.yaml", S3Scenario.US_LOKI));
            Path kubeconfig = clusters.kubeconfig(dir.resolve("kubeconfig"));
            Files.writeString(dir.resolve("loki.token"), "loki-token\n");
            Path estate = Files.writeString(dir.resolve("estate.yaml"), """
                    regions:
                      - name: eu-west-1
                        sources:
                          - {id: eu-west-1/loki, kind: loki, url: "%s", tokenFile: "%s"}
                          - {id: eu-west-1/prometheus, kind: prometheus, api: "%s"}
                      - name: us-east-1
                        sources:
                          - {id: us-east-1/loki, kind: loki, k8s: {context: us-prod, namespace: logging, configMap: loki}}
                    central:
                      region: us-east-1
                      thanos: {url: "%s", regionLabel: region}
                      sources:
                        - {id: central/grafana, kind: grafana-datasources, api: "http://127.0.0.1:%d"}
                    aws:
                      region: us-east-1
                      endpoint: %s
                      buckets: all
                    tenants:
                      - {id: acme-finance, sox: true, home: eu-west-1}
                    endpoints:
                      eu-west-1: ["*.eu-west-1.observe.internal"]
                    """.formatted(loki.url("/config"), dir.resolve("loki.token"), prometheus.url(), querier.url(), grafana.getAddress().getPort(), s3));
            Path out = dir.resolve("out");
            String db = "jdbc:h2:file:" + dir.resolve("db") + ";USER=sa;PASSWORD=";

            CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--kubeconfig", kubeconfig.toString(), "--out", out.toString(),
                    "--db", db, "--format", "json,csv", "--verbose");

            assertThat(run.exitCode()).as(run.output()).isIn(0, 1);
            Path bundle = EvidenceBundles.only(out);
            List<JsonNode> findings = EvidenceBundles.findings(out);

            // url: and k8s: sources: the text as served, redacted in place, where their findings' lines point.
            assertThat(Files.readString(bundle.resolve("inputs/sources/eu-west-1/loki.yaml")))
                    .contains("bucketnames: logs-eu,logs-eu-archive,logs-eu-prefixed", "s3://<redacted>@eu-west-1/logs-eu");
            assertThat(Files.readString(bundle.resolve("inputs/sources/us-east-1/loki.yaml"))).isEqualTo(S3Scenario.US_LOKI);
            assertThat(Files.readString(bundle.resolve("inputs/redactions.json")))
                    .contains("\"file\" : \"inputs/sources/eu-west-1/loki.yaml\"", "url credentials");
            assertThat(ref(findings, "RES-LOKI-STORAGE", "eu-west-1/loki")).startsWith("inputs/sources/eu-west-1/loki.yaml:");
            assertThat(ref(findings, "RES-LOKI-STORAGE", "us-east-1/loki")).startsWith("inputs/sources/us-east-1/loki.yaml:");

            // api: sources: each answer per endpoint; Grafana only in the reduced form.
            assertThat(Files.readString(bundle.resolve("inputs/api/eu-west-1/prometheus/status-config.json")))
                    .contains("\"status\":\"success\"", "remote_write", "basic_auth", "password: <redacted>")
                    .doesNotContain("remote-write-password-09");
            assertThat(Files.readString(bundle.resolve("inputs/api/eu-west-1/prometheus/status-flags.json"))).contains("config.file");
            assertThat(ref(findings, "RES-EGRESS", "eu-west-1/prometheus"))
                    .isEqualTo("GET /api/v1/status/config -> inputs/api/eu-west-1/prometheus/status-config.json");
            String datasources = Files.readString(bundle.resolve("inputs/api/central/grafana/datasources.json"));
            assertThat(datasources).contains("\"name\" : \"Loki EU\"", "\"uid\" : \"loki-eu\"", "\"isDefault\" : true")
                    .doesNotContain("password", "basicAuth", "jsonData", "secureJsonData", "X-Scope-OrgID", "\"user\"");
            assertThat(ref(findings, "RES-SOURCE", "central/grafana"))
                    .isEqualTo("GET /api/datasources -> inputs/api/central/grafana/datasources.json");

            // The querier: its answers as received, a note for the call Prometheus does not serve, the scan without values.
            assertThat(Files.readString(bundle.resolve("inputs/querier/flags.json"))).contains("\"status\":\"success\"");
            assertThat(Files.readString(bundle.resolve("inputs/querier/stores.json")))
                    .contains("\"call\" : \"GET /api/v1/stores\"", "\"received\" : null", "HTTP 404");
            assertThat(Files.readString(bundle.resolve("inputs/querier/series-regions.json"))).contains("eu-west-1", "us-east-1");
            assertThat(Files.readString(bundle.resolve("inputs/querier/series-scan.json")))
                    .contains("\"label\" : \"customer_email\"", "\"valueSetHmac\"", "\"labelsScanned\"");
            assertThat(findings.stream().filter(f -> f.get("control").asString().equals("RES-THANOS-DEDUP")))
                    .singleElement().satisfies(f -> assertThat(f.get("evidenceRef").asString())
                            .isEqualTo("GET /api/v1/status/flags -> inputs/querier/flags.json"));
            assertThat(findings.stream().filter(f -> f.get("control").asString().equals("RES-METRICS-PII")
                    && f.get("status").asString().equals("FAIL"))).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.get("evidenceRef").asString()).endsWith("-> inputs/querier/series-scan.json"));
            assertThat(findings.stream().filter(f -> f.get("control").asString().equals("RES-THANOS-STORES"))).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.get("evidenceRef").asString()).startsWith("GET /api/v1/"));
            assertThat(findings.stream().filter(f -> f.get("control").asString().equals("RES-BUCKET-LOCATION"))).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.get("evidenceRef").asString()).startsWith("inputs/s3/"));

            assertEveryFindingPointsIntoTheBundle(bundle);
            String everything = EvidenceBundles.everyText(out) + databaseDump(db) + run.output();
            for (String planted : PLANTED) {
                assertThat(everything).as("the bundle, the database and the output").doesNotContain(planted);
            }
            CliRun verify = CliRun.of("verify", bundle.toString());
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            CliRun rejudge = CliRun.of("rejudge", bundle.toString());
            assertThat(rejudge.exitCode()).as(rejudge.output()).isZero();
            assertThat(loki.requests()).as("the url: source was read once, not again to render the bundle").isEqualTo(1);
        }
    }

    @Test
    void anAnswerCutOffIsKeptAsFarAsItCameAndItsSourceIsUnverified() throws IOException {
        String prefix = "storage_config:\n  aws:\n    bucketnames: logs-eu\n    secret_access_key: plantedCutSecret09\n";
        HttpServer cutting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cutting.createContext("/config", exchange -> {
            try (exchange) {
                // Announces far more than it sends, then hangs up: the answer is cut off.
                exchange.sendResponseHeaders(200, 100_000);
                exchange.getResponseBody().write(prefix.getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
            } catch (IOException expected) {
                // closing short of the announced length is refused by the server: that is the point
            }
        });
        cutting.start();
        try {
            Path estate = Files.writeString(dir.resolve("estate.yaml"), """
                    regions:
                      - name: eu-west-1
                        sources:
                          - {id: eu-west-1/loki, kind: loki, url: "http://127.0.0.1:%d/config"}
                    """.formatted(cutting.getAddress().getPort()));
            Path out = dir.resolve("out");

            CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", out.toString(), "--db", "jdbc:h2:mem:cut-" + dir.hashCode(),
                    "--format", "json");

            assertThat(run.exitCode()).as(run.output()).isIn(0, 1);
            JsonNode source = EvidenceBundles.findings(out).stream().filter(f -> f.get("control").asString().equals("RES-SOURCE"))
                    .findFirst().orElseThrow();
            assertThat(source.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(source.get("message").asString()).contains("answer cut off");
            assertThat(source.get("evidenceRef").asString()).isEqualTo("inputs/sources/eu-west-1/loki.yaml");
            Path bundle = EvidenceBundles.only(out);
            assertThat(Files.readString(bundle.resolve("inputs/sources/eu-west-1/loki.yaml")))
                    .startsWith("storage_config:\n  aws:\n    bucketnames: logs-eu\n    secret_access_key: <redacted>");
            assertThat(EvidenceBundles.everyText(out)).doesNotContain("plantedCutSecret09");
            assertEveryFindingPointsIntoTheBundle(bundle);
        } finally {
            cutting.stop(0);
        }
    }

    /** For every finding: an evidenceRef naming a file of the bundle that the manifest lists, and a line of it that exists. */
    private static void assertEveryFindingPointsIntoTheBundle(Path bundle) throws IOException {
        Set<String> manifest = Files.readAllLines(bundle.resolve(Manifest.FILE_NAME)).stream()
                .map(line -> line.split("  ", 2)[1]).collect(Collectors.toSet());
        List<JsonNode> findings = EvidenceBundles.findings(bundle.getParent());
        assertThat(findings).isNotEmpty();
        for (JsonNode finding : findings) {
            String name = finding.get("control").asString() + " " + finding.get("status").asString() + " " + finding.get("resource").asString();
            assertThat(finding.path("evidenceRef").isString()).as(name + " has an evidenceRef").isTrue();
            String ref = finding.get("evidenceRef").asString();
            String file = ref.contains(" -> ") ? ref.substring(ref.indexOf(" -> ") + 4) : ref.split(" ", 2)[0];
            Matcher line = LINE_REF.matcher(file);
            if (line.matches()) {
                file = line.group(1);
            }
            assertThat(bundle.resolve(file)).as(name + ": " + ref).isRegularFile();
            assertThat(manifest).as(name + ": " + ref + " in the manifest").contains(file);
            if (line.matches()) {
                List<String> lines = Files.readAllLines(bundle.resolve(file));
                assertThat(lines.size()).as(name + ": line of " + ref).isGreaterThanOrEqualTo(Integer.parseInt(line.group(2)));
                assertThat(lines.get(Integer.parseInt(line.group(2)) - 1)).as(name + ": line of " + ref).isNotBlank();
            }
        }
    }

    private static String ref(List<JsonNode> findings, String control, String sourceId) {
        return findings.stream()
                .filter(f -> control.equals(f.path("control").asString()) && sourceId.equals(f.path("evidence").path("source_id").asString()))
                .map(f -> f.path("evidenceRef").asString())
                .findFirst().orElseThrow(() -> new AssertionError("no " + control + " finding for " + sourceId + " in " + findings));
    }

    /** A Grafana answering /api/datasources as its HTTP API documents, secrets included. */
    private static HttpServer grafanaStandIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/datasources", exchange -> {
            try (exchange) {
                byte[] bytes = GRAFANA_DATASOURCES.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
        return server;
    }



    private String databaseDump(String db) throws SQLException, IOException {
        String dump = H2Scripts.dump(db, dir.resolve("dump.sql"));
        assertThat(dump).as("the dump holds the recorded answers").contains("inputs/querier/series-scan.json");
        return dump;
    }
}
