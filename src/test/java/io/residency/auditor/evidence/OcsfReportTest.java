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

/** findings.ocsf.json holds OCSF 1.7.0 Compliance Finding events that validate against the OCSF attributes they use. */
class OcsfReportTest {

    private static final String SCHEMA = "ocsf-1.7.0-compliance-finding.schema.json";

    @TempDir
    Path estate;

    private static String ocsf(EvidenceModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OcsfWriter().write(model, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> events() throws Exception {
        return JsonMapper.builder().build().readTree(ocsf(ReportModels.everyStatus(estate))).valueStream().toList();
    }

    @Test
    void everyEventIsValidAgainstTheOcsfComplianceFindingSchema() throws Exception {
        assertThat(JsonSchemas.violations(SCHEMA, SpecificationVersion.DRAFT_2020_12, ocsf(ReportModels.everyStatus(estate)))).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesATimeInSecondsAsTextAndAWrongClass() throws Exception {
        String document = ocsf(ReportModels.everyStatus(estate));
        String textTime = document.replaceFirst("\"time\" : (\\d+)", "\"time\" : \"$1\"");
        String wrongClass = document.replaceFirst("\"class_uid\" : 2003", "\"class_uid\" : 2001");

        assertThat(JsonSchemas.violations(SCHEMA, SpecificationVersion.DRAFT_2020_12, textTime)).isNotEmpty();
        assertThat(JsonSchemas.violations(SCHEMA, SpecificationVersion.DRAFT_2020_12, wrongClass)).isNotEmpty();
    }

    @Test
    void anEventPerFindingAndPerCheckNotTestedWithTimeInEpochMillisecondsAndItsIsoSibling() throws Exception {
        List<JsonNode> events = events();

        assertThat(events).hasSize(8 + 2);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("class_uid").asInt()).isEqualTo(2003);
            assertThat(event.get("time").asLong()).isEqualTo(ReportModels.STARTED.toEpochMilli());
            assertThat(event.get("time_dt").asString()).isEqualTo("2026-11-24T06:00:00.123Z");
            assertThat(event.at("/unmapped/run_id").asString()).isEqualTo(ReportModels.RUN_ID);
            assertThat(event.at("/unmapped/signing_key_id").asString()).isEqualTo(ReportModels.SIGNING_KEY_ID);
            assertThat(event.at("/unmapped/hash_key_id").asString()).isEqualTo("4320e2a01beedad9");
        });
    }

    @Test
    void statusesMapToOcsfComplianceAndFindingStatuses() throws Exception {
        List<JsonNode> events = events();

        JsonNode fail = event(events, "FAIL", "RES-LOKI-STORAGE");
        assertThat(fail.at("/compliance/status_id").asInt()).isEqualTo(3);
        assertThat(fail.get("status").asString()).isEqualTo("New");
        assertThat(fail.get("severity_id").asInt()).isEqualTo(5);
        assertThat(fail.at("/compliance/requirements").valueStream().map(JsonNode::asString)).contains("GDPR Art. 44");
        assertThat(fail.at("/finding_info/first_seen_time").asLong()).isEqualTo(ReportModels.STARTED.minusSeconds(86_400).toEpochMilli());
        assertThat(event(events, "UNVERIFIED", "RES-BUCKET-REPLICATION").at("/compliance/status_id").asInt()).isEqualTo(2);
        JsonNode waived = event(events, "WAIVED", "RES-EGRESS");
        assertThat(waived.get("status").asString()).isEqualTo("Suppressed");
        assertThat(waived.at("/unmapped/exception_id").asString()).isEqualTo("EX-12");
        JsonNode notTested = event(events, "NOT TESTED", "RES-TEMPO-STORAGE");
        assertThat(notTested.at("/compliance/status_id").asInt()).isEqualTo(2);
        assertThat(notTested.at("/compliance/status_detail").asString()).startsWith("NOT TESTED: no Tempo source");
        assertThat(event(events, "PASS", "RES-SOX-RETENTION").at("/compliance/status_id").asInt()).isEqualTo(1);
    }

    private static JsonNode event(List<JsonNode> events, String status, String control) {
        return events.stream().filter(e -> e.at("/unmapped/residency_status").asString().equals(status)
                && e.at("/compliance/control").asString().equals(control)).findFirst().orElseThrow();
    }
}
