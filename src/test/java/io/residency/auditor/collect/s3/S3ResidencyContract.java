package io.residency.auditor.collect.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
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

/**
 * The bucket checks end to end through the CLI against a real S3 API: one subclass per server
 * (the in-JVM emulator here, LocalStack where Docker runs).
 */
abstract class S3ResidencyContract {

    @TempDir
    Path dir;

    /** The S3 endpoint the audit talks to, with the scenario's buckets already created. */
    abstract String endpoint();

    @BeforeEach
    void credentials() {
        // The SDK's default chain reads these system properties first, as it would read the environment.
        System.setProperty("aws.accessKeyId", S3Scenario.KEY);
        System.setProperty("aws.secretAccessKey", S3Scenario.SECRET);
    }

    @AfterEach
    void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    protected List<JsonNode> audit(String endpoint) throws IOException {
        Files.writeString(dir.resolve("loki-eu.yaml"), S3Scenario.EU_LOKI);
        Files.writeString(dir.resolve("loki-us.yaml"), S3Scenario.US_LOKI);
        Path estate = dir.resolve("estate.yaml");
        Files.writeString(estate, """
                regions:
                  - {name: eu-west-1, sources: [{kind: loki, file: loki-eu.yaml}]}
                  - {name: us-east-1, sources: [{kind: loki, file: loki-us.yaml}]}
                aws:
                  region: us-east-1
                  endpoint: %s
                  buckets: all
                  concurrency: 4
                """.formatted(endpoint));
        Path out = dir.resolve("out-" + UUID.randomUUID());
        CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", out.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID());
        assertThat(run.exitCode()).as(run.output()).isZero();
        return EvidenceBundles.findings(out);
    }

    protected static JsonNode finding(List<JsonNode> findings, String control, String resourceStart) {
        return findings.stream()
                .filter(f -> f.get("control").asString().equals(control) && f.get("resource").asString().startsWith(resourceStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + control + " finding on " + resourceStart + " in " + findings));
    }

    protected static String status(List<JsonNode> findings, String control, String resourceStart) {
        return finding(findings, control, resourceStart).get("status").asString();
    }

    @Test
    void bucketLocationsAreJudgedAgainstWhatTheConfigDeclares() throws IOException {
        List<JsonNode> findings = audit(endpoint());

        assertThat(status(findings, "RES-BUCKET-LOCATION", "s3://logs-eu for")).isEqualTo("PASS");
        assertThat(status(findings, "RES-BUCKET-LOCATION", "s3://logs-us for")).isEqualTo("PASS");
        JsonNode moved = finding(findings, "RES-BUCKET-LOCATION", "s3://logs-eu-moved for");
        assertThat(moved.get("status").asString()).isEqualTo("FAIL");
        assertThat(moved.get("message").asString()).isEqualTo("The config declares eu-west-1 but bucket logs-eu-moved is in us-east-1");
        JsonNode missing = finding(findings, "RES-BUCKET-LOCATION", "s3://logs-eu-missing for");
        assertThat(missing.get("status").asString()).isEqualTo("FAIL");
        assertThat(missing.get("message").asString()).contains("does not exist");
    }

    @Test
    void replicationRulesAreJudgedAgainstTheBucketsJurisdiction() throws IOException {
        List<JsonNode> findings = audit(endpoint());

        assertThat(status(findings, "RES-BUCKET-REPLICATION", "s3://logs-eu rule eu-backup")).isEqualTo("PASS");
        JsonNode disabled = finding(findings, "RES-BUCKET-REPLICATION", "s3://logs-eu rule old-us-copy");
        assertThat(disabled.get("status").asString()).isEqualTo("PASS");
        assertThat(disabled.get("message").asString()).isEqualTo("Rule old-us-copy is Disabled: nothing is replicated");
        JsonNode toUs = finding(findings, "RES-BUCKET-REPLICATION", "s3://logs-eu-archive rule to-us-archive");
        assertThat(toUs.get("status").asString()).isEqualTo("FAIL");
        assertThat(toUs.get("message").asString()).isEqualTo("Rule to-us-archive replicates the whole bucket to us-west-2, outside EU");
        assertThat(status(findings, "RES-BUCKET-REPLICATION", "s3://logs-us rule us-dr")).isEqualTo("PASS");
        JsonNode unknown = finding(findings, "RES-BUCKET-REPLICATION", "s3://logs-eu-prefixed rule audit-prefix");
        assertThat(unknown.get("status").asString()).isEqualTo("UNVERIFIED");
        assertThat(unknown.get("message").asString()).contains("partner-bucket", "NoSuchBucket");
        assertThat(unknown.get("evidence").get("filter").asString()).isEqualTo("prefix audit/");
    }
}
