package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.ConfigServer;
import io.residency.auditor.EvidenceBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Reading Loki's live /config endpoint over HTTP, with a bearer token, a wrong token and a hang. */
class LiveEndpointTest {

    /** The shape Loki's /config serves: the whole effective config, secrets shown as <secret>. */
    private static final String LOKI_CONFIG = """
            target: all
            auth_enabled: true
            common:
              path_prefix: /var/loki
              storage:
                s3:
                  s3: ""
                  bucketnames: live-chunks-eu
                  region: eu-west-1
                  secret_access_key: <secret>
            schema_config:
              configs:
              - from: "2024-04-01"
                store: tsdb
                object_store: s3
                schema: v13
                index: {prefix: index_, period: 24h}
            """;

    @TempDir
    Path dir;

    private ConfigServer server;

    @BeforeEach
    void start() throws IOException {
        server = new ConfigServer("/config", LOKI_CONFIG, "good-token-123");
        Files.writeString(dir.resolve("good.token"), "good-token-123\n");
        Files.writeString(dir.resolve("bad.token"), "wrong");
    }

    @AfterEach
    void stop() {
        server.close();
        System.clearProperty("residency.sources.read-timeout");
    }

    private List<JsonNode> auditLive(String url, String tokenFile) throws IOException {
        Path estate = dir.resolve("estate-" + UUID.randomUUID() + ".yaml");
        Files.writeString(estate, """
                regions:
                  - name: eu-west-1
                    sources:
                      - kind: loki
                        url: %s
                        tokenFile: %s
                """.formatted(url, dir.resolve(tokenFile)));
        Path out = dir.resolve("out-" + UUID.randomUUID());
        CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", out.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID());
        assertThat(run.exitCode()).as(run.output()).isZero();
        return EvidenceBundles.findings(out);
    }

    private static JsonNode finding(List<JsonNode> findings, String control) {
        return findings.stream().filter(f -> f.get("control").asString().equals(control)).findFirst().orElseThrow();
    }

    @Test
    void readsLokiConfigFromTheLiveEndpointWithABearerToken() throws IOException {
        List<JsonNode> findings = auditLive(server.url("/config"), "good.token");

        JsonNode storage = finding(findings, "RES-LOKI-STORAGE");
        assertThat(storage.get("status").asString()).isEqualTo("PASS");
        assertThat(storage.get("resource").asString()).isEqualTo("eu-west-1/loki common.storage.s3 s3://live-chunks-eu");
        assertThat(finding(findings, "RES-SOURCE").get("evidence").get("file").asString())
                .isEqualTo(server.url("/config"));
    }

    @Test
    void aRejectedTokenLeavesTheStackUnverified() throws IOException {
        List<JsonNode> findings = auditLive(server.url("/config"), "bad.token");

        JsonNode storage = finding(findings, "RES-LOKI-STORAGE");
        assertThat(storage.get("status").asString()).isEqualTo("UNVERIFIED");
        assertThat(storage.get("message").asString()).contains("HTTP 401", "check the bearer token");
    }

    @Test
    void gateOfflineReadsNoLiveEndpoint() throws IOException {
        Path estate = dir.resolve("estate.yaml");
        Files.writeString(estate, "regions:\n  - name: eu-west-1\n    sources:\n      - {kind: loki, url: \"%s\"}\n"
                .formatted(server.url("/config")));

        CliRun run = CliRun.of("gate", "--offline", "--estate", estate.toString(), "--out", dir.resolve("out").toString(),
                "--db", "jdbc:h2:mem:" + UUID.randomUUID());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("UNVERIFIED", "a live endpoint is not read offline");
        assertThat(server.requests()).isZero();
    }

    @Test
    void anEndpointThatNeverAnswersTimesOutAsUnverified() throws IOException {
        System.setProperty("residency.sources.read-timeout", "1s");
        long start = System.nanoTime();

        List<JsonNode> findings = auditLive(server.url("/hang"), "good.token");

        assertThat(finding(findings, "RES-SOURCE").get("message").asString()).contains("no answer within 1 s (timeout)");
        assertThat(finding(findings, "RES-LOKI-STORAGE").get("status").asString()).isEqualTo("UNVERIFIED");
        assertThat((System.nanoTime() - start) / 1_000_000_000.0).as("seconds").isLessThan(20);
    }
}
