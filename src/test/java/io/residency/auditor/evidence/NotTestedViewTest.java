package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.controls.ControlCatalog;
import io.residency.auditor.controls.FrameworkCatalog;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.RunMode;
import io.residency.auditor.facts.RunScope;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.NotTested;
import io.residency.auditor.findings.Severity;
import io.residency.auditor.findings.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A report's verdict and Not tested section, from what the run recorded. */
class NotTestedViewTest {

    private static final RunScope EVERYTHING = new RunScope(new RunMode(false, true, true), List.of("eu-west-1", "us-east-1"),
            Map.of("loki", 2L), 4, 1, 1);

    private static EvidenceModel model(List<NotTested> notTested) {
        Instant now = Instant.parse("2026-11-24T00:00:00Z");
        AuditRun run = new AuditRun("run-1", "estate", "audit", "e".repeat(64), "p".repeat(64), "bundled", null, "test", now, now, "COMPLETED");
        List<Finding> findings = List.of(new Finding("RES-LOKI-STORAGE", Status.PASS, Severity.CRITICAL, List.of("GDPR"), "eu-west-1", "EU",
                "eu-west-1/loki common.storage.s3 s3://logs-eu", "stored inside EU", Map.of(), "0".repeat(32), now, null));
        return new EvidenceModel(run, findings, List.of(), List.of(), List.of(), List.of(), ControlCatalog.load().controls(),
                FrameworkCatalog.bundled(ControlCatalog.load()), Map.of("EU", List.of("eu-west-1"), "US", List.of("us-east-1")),
                Map.of("EU", List.of("GDPR"), "US", List.of("SOX")), "estate.yaml", null, null, EVERYTHING, notTested);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> view, String key) {
        return (Map<String, Object>) view.get(key);
    }

    @Test
    void aReportOfARunThatTestedEverythingAndPassesSaysCompliant() {
        Map<String, Object> view = ReportView.of(model(List.of()), "GDPR");

        assertThat(section(view, "totals")).containsEntry("verdict", "compliant").containsEntry("verdictClass", "pass");
        assertThat(section(view, "notTested")).containsEntry("has", false);
        assertThat((String) section(view, "notTested").get("examined")).contains("regions eu-west-1, us-east-1", "2 loki",
                "buckets inspected: 4", "central querier: scanned", "tenants: 1 (1 SOX)");
    }

    @Test
    void aReportListsOnlyItsFrameworksNotTestedChecksAndNeverSaysCompliantThen() {
        List<NotTested> notTested = List.of(
                new NotTested("RES-BUCKET-LOCATION", "-", "offline run"),
                new NotTested("RES-TEMPO-STORAGE", "eu-west-1", "no Tempo source in eu-west-1"),
                new NotTested("RES-SOX-RETENTION", "us-east-1", "no Loki retention setting read"));

        Map<String, Object> gdpr = ReportView.of(model(notTested), "GDPR");
        Map<String, Object> sox = ReportView.of(model(notTested), "SOX");

        assertThat(section(gdpr, "totals")).containsEntry("verdict", "no violation found in what was tested; 2 checks not tested");
        assertThat(section(gdpr, "notTested")).containsEntry("count", 2);
        assertThat(section(sox, "notTested")).containsEntry("count", 2); // the bucket check and SOX retention
        assertThat((List<Map<String, Object>>) gdpr.get("controls")).filteredOn(c -> c.get("id").equals("RES-TEMPO-STORAGE"))
                .singleElement().satisfies(c -> assertThat(c).containsEntry("result", "NOT TESTED"));
    }
}
