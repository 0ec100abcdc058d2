package io.residency.auditor.collect.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/** The bucket checks against the in-JVM S3 emulator over HTTP, and S3's failure modes through a fault-injecting front. */
class S3ResidencyOnEmulatorTest extends S3ResidencyContract {

    private static LocalS3 emulator;

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

    @Override
    String endpoint() {
        return emulatorUrl();
    }

    @Test
    void accessDeniedOnALocationIsUnverifiedNeverAPass() throws IOException {
        try (FaultyS3Front front = new FaultyS3Front(emulatorUrl()).fail("logs-eu", "location", 403, "AccessDenied", Integer.MAX_VALUE)) {
            List<JsonNode> findings = audit(front.url());

            JsonNode denied = finding(findings, "RES-BUCKET-LOCATION", "s3://logs-eu for");
            assertThat(denied.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(denied.get("message").asString()).contains("AccessDenied (HTTP 403)");
        }
    }

    @Test
    void accessDeniedOnAnotherAccountsDestinationIsUnverified() throws IOException {
        try (FaultyS3Front front = new FaultyS3Front(emulatorUrl()).fail("archive-us", "location", 403, "AccessDenied", Integer.MAX_VALUE)) {
            List<JsonNode> findings = audit(front.url());

            JsonNode rule = finding(findings, "RES-BUCKET-REPLICATION", "s3://logs-eu-archive rule to-us-archive");
            assertThat(rule.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(rule.get("message").asString()).contains("archive-us", "AccessDenied");
        }
    }

    @Test
    void throttlingIsRetriedByTheSdkUntilS3Answers() throws IOException {
        try (FaultyS3Front front = new FaultyS3Front(emulatorUrl()).fail("logs-us", "location", 503, "SlowDown", 2)) {
            List<JsonNode> findings = audit(front.url());

            assertThat(status(findings, "RES-BUCKET-LOCATION", "s3://logs-us for")).isEqualTo("PASS");
            assertThat(front.hits("logs-us", "location")).isEqualTo(3);
        }
    }

    @Test
    void throttlingThatNeverEndsIsUnverified() throws IOException {
        try (FaultyS3Front front = new FaultyS3Front(emulatorUrl()).fail("logs-us", "location", 503, "SlowDown", Integer.MAX_VALUE)) {
            List<JsonNode> findings = audit(front.url());

            JsonNode throttled = finding(findings, "RES-BUCKET-LOCATION", "s3://logs-us for");
            assertThat(throttled.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(throttled.get("message").asString()).contains("SlowDown");
        }
    }

    @Test
    void aDroppedConnectionOnReplicationIsUnverified() throws IOException {
        try (FaultyS3Front front = new FaultyS3Front(emulatorUrl()).reset("logs-us", "replication")) {
            List<JsonNode> findings = audit(front.url());

            JsonNode replication = finding(findings, "RES-BUCKET-REPLICATION", "s3://logs-us replication");
            assertThat(replication.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(replication.get("message").asString()).contains("cannot reach S3");
        }
    }
}
