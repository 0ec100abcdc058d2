package io.residency.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.TestPaths;
import io.residency.auditor.collect.series.FakeQuerier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every report names the HMAC key of the run's redacted-value hashes by id, and says when they are per-run. */
class HmacKeyReportedTest {

    @TempDir
    Path dir;

    @Test
    void aRunThatScansSeriesWithoutAConfiguredKeySaysItsHashesArePerRun() throws IOException {
        assumeTrue(System.getenv("RESIDENCY_HMAC_KEY") == null, "RESIDENCY_HMAC_KEY is set in this environment: the per-run case cannot be tested");
        Path compliant = TestPaths.resource("estates/compliant/estate.yaml").getParent();
        Files.copy(compliant.resolve("loki-eu.yaml"), dir.resolve("loki-eu.yaml"));
        Files.copy(compliant.resolve("loki-us.yaml"), dir.resolve("loki-us.yaml"));
        try (FakeQuerier querier = new FakeQuerier(FakeQuerier.Mode.OK)) {
            Path estate = Files.writeString(dir.resolve("estate.yaml"), """
                    name: scanned
                    regions:
                      - name: eu-west-1
                        sources: [{kind: loki, file: loki-eu.yaml}]
                      - name: us-east-1
                        sources: [{kind: loki, file: loki-us.yaml}]
                    central:
                      region: us-east-1
                      thanos: {url: "%s", regionLabel: region}
                    """.formatted(querier.url()));

            CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", dir.resolve("out").toString(),
                    "--db", "jdbc:h2:mem:hmac-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        }
        Path bundle = EvidenceBundles.only(dir.resolve("out"));
        JsonNode hmacKey = JsonMapper.builder().build().readTree(bundle.resolve("findings.json").toFile()).at("/run/hmacKey");
        String keyId = hmacKey.get("id").asString();
        assertThat(keyId).matches("[0-9a-f]{16}");
        assertThat(hmacKey.get("comparableAcrossRuns").asBoolean()).isFalse();
        assertThat(hmacKey.get("note").asString()).contains("per-run", "NOT comparable across runs");
        try (PDDocument pdf = Loader.loadPDF(bundle.resolve("gdpr-evidence.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains(keyId, "NOT comparable across runs");
        }
    }
}
