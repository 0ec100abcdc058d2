package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** findings.sarif is valid SARIF 2.1.0 and has what GitHub code scanning requires of every result. */
class SarifReportTest {

    @TempDir
    Path estate;

    static String sarif(EvidenceModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifWriter().write(model, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunWithEveryStatusIsValidAgainstTheOfficialSarif210Schema() throws Exception {
        String document = sarif(ReportModels.everyStatus(estate));

        assertThat(JsonSchemas.violations("sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_4, document)).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAnInvalidDocument() throws Exception {
        String broken = sarif(ReportModels.everyStatus(estate)).replace("\"version\" : \"2.1.0\"", "\"version\" : \"2.0\"");

        assertThat(JsonSchemas.violations("sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_4, broken)).isNotEmpty();
    }

    @Test
    void everyResultHasARelativePhysicalLocationWithAUriBaseIdAFingerprintAndARuleWithHelp() throws Exception {
        JsonNode run = JsonMapper.builder().build().readTree(sarif(ReportModels.everyStatus(estate))).get("runs").get(0);
        List<JsonNode> results = run.get("results").valueStream().toList();

        assertThat(results).hasSize(6); // every FAIL, UNVERIFIED and WAIVED finding, none of the passes
        assertThat(results).allSatisfy(result -> {
            JsonNode physical = result.at("/locations/0/physicalLocation");
            String uri = physical.at("/artifactLocation/uri").asString();
            assertThat(uri).isNotBlank().doesNotStartWith("/").doesNotContain("://", "..", "\\");
            assertThat(physical.at("/artifactLocation/uriBaseId").asString()).isEqualTo(SarifWriter.SRCROOT);
            assertThat(physical.at("/region/startLine").asInt()).isPositive();
            assertThat(result.at("/partialFingerprints/residencyFinding~1v1").asString()).hasSize(32);
            assertThat(result.at("/locations/0/logicalLocations/0/name").asString()).isNotBlank();
        });
        assertThat(run.at("/tool/driver/rules").valueStream()).allSatisfy(rule -> assertThat(rule.at("/help/text").asString()).isNotBlank());
        assertThat(run.at("/originalUriBaseIds").has(SarifWriter.SRCROOT)).isTrue();
    }

    @Test
    void aSettingInTheEstatesFolderPointsAtItsFileAndLineAndABucketAtTheEstateLineThatNamesIt() throws Exception {
        JsonNode run = JsonMapper.builder().build().readTree(sarif(ReportModels.everyStatus(estate))).get("runs").get(0);

        JsonNode loki = result(run, "RES-LOKI-STORAGE");
        assertThat(loki.at("/locations/0/physicalLocation/artifactLocation/uri").asString()).isEqualTo("eu/loki.yaml");
        assertThat(loki.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
        JsonNode bucket = result(run, "RES-BUCKET-REPLICATION");
        assertThat(bucket.at("/locations/0/physicalLocation/artifactLocation/uri").asString()).isEqualTo("estate.yaml");
        assertThat(bucket.at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(lineOf(ReportModels.ESTATE, "acme-loki-chunks-eu"));
        assertThat(bucket.at("/locations/0/logicalLocations/0/fullyQualifiedName").asString()).isEqualTo("s3-bucket:s3://acme-loki-chunks-eu");
        JsonNode series = result(run, "RES-METRICS-PII");
        assertThat(series.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(lineOf(ReportModels.ESTATE, "thanos:"));
        // A source outside what the estate's folder holds (unreadable here) still gets the estate line of its region.
        assertThat(result(run, "RES-SOURCE").at("/locations/0/physicalLocation/artifactLocation/uri").asString()).isEqualTo("estate.yaml");
    }

    @Test
    void theRunStatesItsScopeSigningKeyHashKeyAndWhatWasNotTested() throws Exception {
        JsonNode scope = JsonMapper.builder().build().readTree(sarif(ReportModels.everyStatus(estate))).at("/runs/0/properties/scope");

        assertThat(scope.get("signature").asString()).contains(ReportModels.SIGNING_KEY_ID);
        assertThat(scope.get("hashKey").asString()).contains("4320e2a01beedad9", "NOT comparable");
        assertThat(scope.get("notTested").asString()).contains("RES-TEMPO-STORAGE eu-west-1", "RES-SOX-RETENTION us-east-1");
        assertThat(scope.get("regions").asString()).isEqualTo("eu-west-1, us-east-1");
        assertThat(scope.get("detectors").asString()).contains("email", "iban");
        assertThat(scope.get("policy").asString()).contains("minimum log retention 2557 days");
    }

    private static JsonNode result(JsonNode run, String ruleId) {
        return run.get("results").valueStream().filter(r -> r.get("ruleId").asString().equals(ruleId)).findFirst().orElseThrow();
    }

    private static int lineOf(String text, String word) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(word)) {
                return i + 1;
            }
        }
        throw new AssertionError(word + " not in the estate");
    }
}
