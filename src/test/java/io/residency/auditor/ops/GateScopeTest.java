package io.residency.auditor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.CliRun;
import io.residency.auditor.TestPaths;
import io.residency.auditor.cli.ExitCode;
import io.residency.auditor.job.EvidenceLifecycleContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Nothing is compliant that was not examined: regions without sources, and checks a run could not make. */
class GateScopeTest {

    @TempDir
    Path out;

    private CliRun gate(String estate, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("gate", "--offline", "--estate", TestPaths.resource(estate).toString(),
                "--out", out.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID(), "--format", "json,csv,pdf,sarif,junit"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path bundle() throws IOException {
        try (Stream<Path> bundles = Files.list(out)) {
            return bundles.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private JsonNode findingsJson() throws IOException {
        return JsonMapper.builder().build().readTree(bundle().resolve("findings.json").toFile());
    }

    private static List<String> notTested(JsonNode document) {
        return document.at("/scope/notTested").valueStream()
                .map(n -> n.get("control").asString() + " " + n.get("region").asString()).toList();
    }

    @Test
    void aRegionWithNoSourceIsUnverifiedAndFailsTheGate() throws IOException {
        CliRun run = gate("estates/region-without-source/estate.yaml");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.stdout()).contains("UNVERIFIED", "RES-SOURCE", "Region us-east-1 has no source: nothing of it was examined")
                .doesNotContain("Verdict: compliant");
        JsonNode finding = findingsJson().get("findings").valueStream()
                .filter(f -> f.get("resource").asString().equals("region us-east-1")).findFirst().orElseThrow();
        assertThat(finding.get("control").asString()).isEqualTo("RES-SOURCE");
        assertThat(finding.get("status").asString()).isEqualTo("UNVERIFIED");
        assertThat(finding.get("jurisdiction").asString()).isEqualTo("US");
    }

    @Test
    void anOfflineGateListsTheBucketSeriesAndLiveSourceChecksItDidNotMake() throws IOException {
        CliRun run = gate("estates/offline-scope/estate.yaml");

        JsonNode document = findingsJson();
        assertThat(notTested(document)).contains("RES-BUCKET-LOCATION -", "RES-BUCKET-REPLICATION -", "RES-METRICS-PII -",
                "RES-SOURCE eu-west-1");
        assertThat(document.at("/scope/notTested").valueStream().map(n -> n.get("reason").asString()))
                .anyMatch(reason -> reason.startsWith("offline run: S3 was not asked"))
                .anyMatch(reason -> reason.contains("live source eu-west-1/otel-collector not read"));
        assertThat(document.at("/scope/regions").valueStream().map(JsonNode::asString)).containsExactly("eu-west-1");
        assertThat(document.at("/scope/sources/loki").asLong()).isEqualTo(1);
        assertThat(document.at("/scope/querier").asBoolean()).isFalse();
        assertThat(document.at("/scope/offline").asBoolean()).isTrue();
        assertThat(run.stdout()).contains("Not tested: ", "RES-BUCKET-LOCATION");
    }

    @Test
    void anOfflineGateWithNothingFailingSaysWhatWasNotTestedInsteadOfCompliant() throws IOException {
        CliRun run = gate("estates/compliant/estate.yaml", "--fail-on", "low");

        assertThat(run.exitCode()).as("NOT TESTED changes no exit code: " + run.output()).isEqualTo(ExitCode.OK);
        JsonNode document = findingsJson();
        int count = document.at("/scope/notTested").size();
        String expected = "no violation found in what was tested; " + count + " checks not tested";
        assertThat(count).isGreaterThanOrEqualTo(2);
        assertThat(document.at("/scope/verdict").asString()).isEqualTo(expected);
        assertThat(run.stdout()).contains("Verdict: " + expected).doesNotContainPattern("\\bcompliant\\b");
        for (String pdf : List.of("gdpr-evidence.pdf", "sox-evidence.pdf")) {
            String text = EvidenceBundles.pdfText(bundle().resolve(pdf));
            assertThat(text).as(pdf).contains("Not tested", "RES-BUCKET-LOCATION", "no violation found in what was tested")
                    .doesNotContain("Verdict: compliant");
        }
    }

    @Test
    void anEuRegionWithoutLokiLeavesLokiStorageNotTestedThere() throws IOException {
        gate("estates/eu-without-loki/estate.yaml");

        JsonNode document = findingsJson();
        assertThat(notTested(document)).contains("RES-LOKI-STORAGE eu-west-1", "RES-SOX-RETENTION us-east-1")
                .doesNotContain("RES-TEMPO-STORAGE eu-west-1", "RES-LOKI-STORAGE us-east-1");
        assertThat(EvidenceBundles.pdfText(bundle().resolve("gdpr-evidence.pdf")))
                .contains("no Loki source in eu-west-1: where its logs are stored was not tested");
    }
}
