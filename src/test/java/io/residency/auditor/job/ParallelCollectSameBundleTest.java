package io.residency.auditor.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.collect.s3.S3Scenario;
import io.residency.auditor.collect.series.ThanosStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * The collect steps run side by side (configs then buckets, beside the querier scan), and the
 * configs are read several at a time: the same estate and world must still give the same bundle,
 * byte for byte, whichever finishes first. Run ids and times are the only allowed difference.
 */
class ParallelCollectSameBundleTest {

    private static LocalS3 emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEmulator() {
        emulator = LocalS3.builder().port(-1).mode(LocalS3Mode.IN_MEMORY).build();
        emulator.start();
        try (S3Client s3 = S3Scenario.client(emulatorUrl())) {
            S3Scenario.create(s3, true);
        }
    }

    @AfterAll
    static void stopEmulator() {
        emulator.shutdown();
    }

    private static String emulatorUrl() {
        return "http://127.0.0.1:" + emulator.getPort();
    }

    @BeforeEach
    void credentials() {
        System.setProperty("aws.accessKeyId", S3Scenario.KEY);
        System.setProperty("aws.secretAccessKey", S3Scenario.SECRET);
    }

    @AfterEach
    void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void twoRunsOfTheParallelJobWriteTheSameFindingsJson() throws IOException {
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica"), ThanosStandIn.Answer.ok("{\"store\":[]}"))) {
            Path estate = estate(querier.url());

            Run first = audit(estate);
            Run second = audit(estate);

            assertThat(first.findings()).as("both parallel flows contributed").contains("RES-BUCKET-LOCATION", "RES-THANOS-DEDUP",
                    "RES-LOKI-STORAGE", "RES-EGRESS");
            assertThat(second.findings()).isEqualTo(first.findings());
            assertThat(second.stderr()).contains("collectBuckets COMPLETED", "scanSeries COMPLETED");
        }
    }

    private record Run(String findings, String stderr) {
    }

    private Run audit(Path estate) throws IOException {
        Path out = dir.resolve("out-" + UUID.randomUUID());
        CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", out.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID(),
                "--format", "json");
        assertThat(run.exitCode()).as(run.output()).isIn(0, 1);
        Path bundle = EvidenceBundles.only(out);
        String runId = bundle.getFileName().toString();
        String json = Files.readString(bundle.resolve("findings.json"));
        // Without RESIDENCY_HMAC_KEY each run hashes with its own random key, named like the run id.
        String hmacKeyId = JsonMapper.builder().build().readTree(json).at("/run/hmacKey/id").asString();
        assertThat(hmacKeyId).as("the run names its hash key").isNotBlank();
        json = json.replace(runId, "<run>")
                .replace(hmacKeyId, "<random hmac key>")
                .replaceAll("\"(startedAt|firstSeen)\" : \"[^\"]+\"", "\"$1\" : \"<time>\"");
        return new Run(json, run.stderr());
    }

    /** Twelve config sources over two regions (more than are read at once), an S3 world and a querier. */
    private Path estate(String querierUrl) throws IOException {
        StringBuilder eu = new StringBuilder();
        StringBuilder us = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            Files.writeString(dir.resolve("loki-eu-" + i + ".yaml"), S3Scenario.EU_LOKI);
            Files.writeString(dir.resolve("loki-us-" + i + ".yaml"), S3Scenario.US_LOKI);
            Files.writeString(dir.resolve("otel-" + i + ".yaml"), """
                    exporters:
                      otlphttp/a: {endpoint: "https://collector-%d.eu-west-1.observe.internal"}
                      otlphttp/b: {endpoint: "https://vendor-%d.example.com"}
                    service:
                      pipelines:
                        logs: {receivers: [otlp], exporters: [otlphttp/a, otlphttp/b]}
                    """.formatted(i, i));
            eu.append("      - {kind: loki, file: loki-eu-").append(i).append(".yaml}\n");
            eu.append("      - {kind: otel-collector, file: otel-").append(i).append(".yaml}\n");
            us.append("      - {kind: loki, file: loki-us-").append(i).append(".yaml}\n");
        }
        Path estate = dir.resolve("estate.yaml");
        Files.writeString(estate, """
                regions:
                  - name: eu-west-1
                    sources:
                %s  - name: us-east-1
                    sources:
                %scentral:
                  region: us-east-1
                  thanos: {url: "%s", regionLabel: region}
                aws:
                  region: us-east-1
                  endpoint: %s
                  buckets: all
                  concurrency: 4
                endpoints:
                  eu-west-1: ["*.eu-west-1.observe.internal"]
                """.formatted(eu, us, querierUrl, emulatorUrl()));
        return estate;
    }
}
