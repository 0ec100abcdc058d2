package io.residency.auditor.collect.series;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The querier's bearer token comes from a file or the environment; a named token that is missing leaves the series unverified. */
class QuerierTokenTest {

    private static final String TOKEN = "querier-token-7f3a9c";

    @TempDir
    Path dir;

    @Test
    void theTokenFromAFileIsSentAndNeverPrinted() throws IOException {
        Files.writeString(dir.resolve("token"), TOKEN + "\n");
        try (FakeQuerier fake = new FakeQuerier(FakeQuerier.Mode.OK)) {
            CliRun run = audit("url: \"" + fake.url() + "\", tokenFile: \"" + dir.resolve("token") + "\"");

            assertThat(fake.authorizations()).isNotEmpty().allMatch(("Bearer " + TOKEN)::equals);
            assertThat(seriesFinding("eu-west-1").get("status").asString()).isEqualTo("PASS");
            assertThat(run.output()).doesNotContain(TOKEN);
        }
    }

    @Test
    void anUnsetTokenVariableLeavesTheSeriesUnverifiedWithoutAsking() throws IOException {
        String variable = "RESIDENCY_TEST_TOKEN_" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        try (FakeQuerier fake = new FakeQuerier(FakeQuerier.Mode.OK)) {
            CliRun run = audit("url: \"" + fake.url() + "\", tokenEnv: " + variable);

            assertThat(fake.authorizations()).as("asking without the token would only earn a 401").isEmpty();
            JsonNode finding = seriesFinding("eu-west-1");
            assertThat(finding.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(finding.get("message").asString()).contains("environment variable " + variable + " (the bearer token) is not set");
        }
    }

    private CliRun audit(String thanos) throws IOException {
        Files.writeString(dir.resolve("estate.yaml"), """
                regions:
                  - name: eu-west-1
                  - name: us-east-1
                central:
                  region: us-east-1
                  thanos: {%s}
                """.formatted(thanos));
        CliRun run = CliRun.of("audit", "--estate", dir.resolve("estate.yaml").toString(), "--out", dir.resolve("out").toString(),
                "--db", "jdbc:h2:mem:" + UUID.randomUUID());
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run;
    }

    private JsonNode seriesFinding(String region) throws IOException {
        return EvidenceBundles.findings(dir.resolve("out")).stream().filter(f -> f.get("control").asString().equals("RES-METRICS-PII"))
                .filter(f -> f.get("region").asString().equals(region)).findFirst().orElseThrow();
    }
}
