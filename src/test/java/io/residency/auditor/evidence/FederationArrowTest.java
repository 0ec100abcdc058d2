package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.controls.ControlCatalog;
import io.residency.auditor.controls.FrameworkCatalog;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.EgressFact;
import io.residency.auditor.facts.SourceFact;
import io.residency.auditor.facts.SourceStatus;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Severity;
import io.residency.auditor.findings.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The data-flow picture's federation arrow tells what RES-METRICS-PII found for the region, not just that federation is allowed. */
class FederationArrowTest {

    @ParameterizedTest(name = "RES-METRICS-PII {0}: arrow {1}")
    @CsvSource({
            "PASS,       federation, ALLOWED,    central Thanos Querier",
            "FAIL,       fail,       FAIL,       the series carry personal data",
            "UNVERIFIED, unverified, UNVERIFIED, personal data not checked",
            "WAIVED,     waived,     WAIVED,     'personal data in the series, waived'"})
    void theFederationArrowShowsThePersonalDataResult(Status pii, String css, String status, String label) {
        Map<String, Object> arrow = federationArrow(model(pii));

        assertThat(arrow).containsEntry("from", "eu-west-1").containsEntry("to", "us-east-1")
                .containsEntry("css", css).containsEntry("status", status);
        assertThat((String) arrow.get("label")).startsWith("federation of aggregated metrics").endsWith(label);
    }

    @Test
    void withoutAnyPersonalDataFindingForTheRegionTheArrowSaysNotTestedNeverAllowed() {
        Map<String, Object> arrow = federationArrow(model(null));

        assertThat(arrow).containsEntry("css", "unverified").containsEntry("status", "NOT TESTED");
        assertThat((String) arrow.get("label")).endsWith("personal data not checked in this run");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> federationArrow(EvidenceModel model) {
        Map<String, Object> diagram = (Map<String, Object>) ReportView.of(model, "GDPR").get("diagram");
        return ((List<Map<String, Object>>) diagram.get("arrows")).stream()
                .filter(a -> ((String) a.get("label")).startsWith("federation")).findFirst().orElseThrow();
    }

    /** @param pii the RES-METRICS-PII status for eu-west-1, or {@code null} when the run has no such finding */
    private static EvidenceModel model(Status pii) {
        Instant now = Instant.parse("2026-11-24T00:00:00Z");
        AuditRun run = new AuditRun("run-1", "estate", "audit", "e".repeat(64), "p".repeat(64), "bundled", null, "test", now, now, "COMPLETED");
        List<Finding> findings = new ArrayList<>(List.of(finding("RES-LOKI-STORAGE", Status.PASS, "eu-west-1/loki s3://logs-eu",
                Map.of("origin_region", "eu-west-1", "destination_region", "eu-west-1"))));
        if (pii != null) {
            findings.add(finding("RES-METRICS-PII", pii, "federated series of eu-west-1", Map.of()));
        }
        List<SourceFact> sources = List.of(
                new SourceFact("eu-west-1/prometheus", "eu-west-1", "prometheus", "prometheus.yml", SourceStatus.OK, null, "a".repeat(64)),
                new SourceFact("central/grafana", "us-east-1", "grafana-datasources", "datasources.yaml", SourceStatus.OK, null, "b".repeat(64)));
        List<EgressFact> egress = List.of(new EgressFact("central/grafana", "us-east-1", "grafana", "datasources[0]", "metrics-aggregate",
                "query", "http://thanos-query:10902", "us-east-1", "us-east-1", "endpoint", 3));
        return new EvidenceModel(run, findings, List.of(), List.of(), sources, egress, List.of(), FrameworkCatalog.bundled(ControlCatalog.load()),
                Map.of("EU", List.of("eu-west-1"), "US", List.of("us-east-1")), Map.of("EU", List.of("GDPR")), "estate.yaml", null);
    }

    private static Finding finding(String control, Status status, String resource, Map<String, Object> evidence) {
        return new Finding(control, status, Severity.HIGH, List.of("GDPR"), "eu-west-1", "EU", resource, "message", evidence,
                control + resource, Instant.parse("2026-11-24T00:00:00Z"), "new");
    }
}
