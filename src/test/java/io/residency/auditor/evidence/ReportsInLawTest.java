package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.controls.ControlCatalog;
import io.residency.auditor.controls.FrameworkCatalog;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.RunKeys;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Fingerprint;
import io.residency.auditor.findings.Severity;
import io.residency.auditor.findings.Status;
import io.residency.auditor.findings.Waiver;
import io.residency.auditor.findings.WaiverOutcome;
import io.residency.auditor.findings.Waivers;
import io.residency.auditor.policy.FrameworkRules;
import io.residency.auditor.policy.Jurisdiction;
import io.residency.auditor.policy.Policy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reports read as a data-protection officer and an IT auditor would: GDPR transfers and their
 * bases, SOX as IT general controls and company policy, the exceptions register per framework, and
 * problems no framework maps listed in every report.
 */
class ReportsInLawTest {

    private static final Instant NOW = Instant.parse("2026-12-02T02:30:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

    /** The EU and Norway (EEA, not EU) apply GDPR; the US applies SOX with a seven-year retention. */
    private static final Policy POLICY = new Policy(1, Map.of(
            "EU", new Jurisdiction(List.of("GDPR"), List.of("eu-west-1")),
            "NO", new Jurisdiction(List.of("GDPR"), List.of("no-east-1"), true),
            "US", new Jurisdiction(List.of("SOX"), List.of("us-east-1"))),
            Map.of(), Map.of("GDPR", new FrameworkRules(List.of("logs"), List.of("logs"), null, null, null),
            "SOX", new FrameworkRules(List.of("logs"), List.of("logs"), null, 2557, null)), null);

    private static Finding finding(String control, Status status, List<String> frameworks, String region, String jurisdiction,
                                   String resource, Map<String, Object> evidence) {
        return new Finding(control, status, Severity.HIGH, frameworks, region, jurisdiction, resource, "judged", evidence,
                Fingerprint.of(control, resource), NOW, status == Status.PASS ? null : "new");
    }

    private static Waiver exception(String id, String framework, String basis, LocalDate expires) {
        return new Waiver(id, "RES-EGRESS", framework, "eu-west-1/otel vendor*", null, basis == null ? "accepted" : null, basis,
                basis == null ? null : "contract VEN-7", null, null, "dpo@example.com", null, expires, null, null);
    }

    private static EvidenceModel model() {
        List<Finding> judged = List.of(
                finding("RES-EGRESS", Status.FAIL, List.of("GDPR"), "eu-west-1", "EU", "eu-west-1/otel vendor-a logs -> us",
                        Map.of("destination_region", "us-east-1")),
                finding("RES-EGRESS", Status.FAIL, List.of("GDPR"), "eu-west-1", "EU", "eu-west-1/otel other logs -> us",
                        Map.of("destination_region", "us-east-1")),
                finding("RES-LOKI-STORAGE", Status.FAIL, List.of("GDPR"), "eu-west-1", "EU", "eu-west-1/loki storage_config.aws s3://logs-no",
                        Map.of("declared_region", "no-east-1")),
                finding("RES-TEMPO-STORAGE", Status.UNVERIFIED, List.of(), "us-east-1", "US", "us-east-1/tempo",
                        Map.of("source_id", "us-east-1/tempo")));
        Waivers.Applied applied = Waivers.apply(judged, List.of(exception("EX-12", null, "SCC", TODAY.plusMonths(6)),
                exception("EX-20", "SOX", null, TODAY.minusDays(1)), exception("EX-30", "GDPR", null, TODAY.plusMonths(1))), TODAY);
        // EX-30 names the same resources as EX-12, which comes first and covers them, so EX-30 matched them too;
        // a register entry covering nothing is made here by pointing it elsewhere.
        List<WaiverOutcome> outcomes = List.of(applied.outcomes().get(0), applied.outcomes().get(1),
                new WaiverOutcome(2, applied.outcomes().get(2).waiver(), false, 0, List.of("GDPR")));
        AuditRun run = new AuditRun("run-1", "estate", "audit", "e".repeat(64), "p".repeat(64), "bundled", null, "test", NOW, NOW, "COMPLETED");
        Map<String, List<String>> jurisdictions = new LinkedHashMap<>();
        POLICY.jurisdictions().forEach((name, j) -> jurisdictions.put(name, j.regions()));
        return new EvidenceModel(run, applied.findings(), List.of(), outcomes, List.of(), List.of(), ControlCatalog.load().controls(),
                FrameworkCatalog.bundled(ControlCatalog.load()), jurisdictions,
                Map.of("EU", List.of("GDPR"), "NO", List.of("GDPR"), "US", List.of("SOX")), "estate.yaml", null,
                RunKeys.NONE, null, List.of(), null, List.of(), POLICY);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findingRows(Map<String, Object> view, String control) {
        return ((List<Map<String, Object>>) view.get("controls")).stream().filter(c -> c.get("id").equals(control))
                .flatMap(c -> ((List<Map<String, Object>>) c.get("findings")).stream()).toList();
    }

    private static Map<String, Object> row(Map<String, Object> view, String control, String resourcePart) {
        return findingRows(view, control).stream().filter(r -> r.get("resource").toString().contains(resourcePart)).findFirst().orElseThrow();
    }

    @Test
    void aFlowOutOfTheEeaWithoutABasisReadsAsATransferWithNoRecordedLegalBasisNotAsAViolationOfGdpr() {
        Map<String, Object> gdpr = ReportView.of(model(), "GDPR");

        Map<String, Object> failed = row(gdpr, "RES-EGRESS", "other");
        assertThat(failed.get("status")).isEqualTo("FAIL");
        assertThat(failed.get("reading")).isEqualTo("transfer outside the EEA with no recorded legal basis (Chapter V, Art. 44-49)");
        assertThat(gdpr.toString()).doesNotContainIgnoringCase("violation of GDPR");
    }

    @Test
    void anExceptionWithALegalBasisReadsAsATransferOnThatBasisAndStaysAnExceptedFailure() {
        Map<String, Object> gdpr = ReportView.of(model(), "GDPR");

        Map<String, Object> excepted = row(gdpr, "RES-EGRESS", "vendor-a");
        assertThat(excepted.get("status")).isEqualTo("FAIL - excepted (EX-12)");
        assertThat(excepted.get("reading")).isEqualTo("transfer outside the EEA, legal basis SCC (EX-12)");
        assertThat(gdpr.toString()).doesNotContain("PASS (with waivers)");
    }

    @Test
    void aStoreInNorwayBreaksTheCompanysEuRuleButIsNoTransferOutsideTheEea() {
        Map<String, Object> gdpr = ReportView.of(model(), "GDPR");

        Map<String, Object> norway = row(gdpr, "RES-LOKI-STORAGE", "logs-no");
        assertThat(norway.get("status")).isEqualTo("FAIL");
        assertThat(norway.get("reading")).isEqualTo("destination no-east-1 is inside the EEA (NO): no transfer under Chapter V");
    }

    @Test
    void eachReportListsOnlyItsFrameworksExceptionsAsActiveExpiredOrUnused() {
        Map<String, Object> gdpr = ReportView.of(model(), "GDPR");
        Map<String, Object> sox = ReportView.of(model(), "SOX");

        assertThat(ids(gdpr, "activeExceptions")).containsExactly("EX-12");
        assertThat(ids(gdpr, "unusedExceptions")).containsExactly("EX-30");
        assertThat(ids(gdpr, "expiredExceptions")).isEmpty();
        assertThat(ids(sox, "expiredExceptions")).containsExactly("EX-20");
        assertThat(ids(sox, "activeExceptions")).isEmpty();
        assertThat(ids(sox, "waivers")).containsExactly("EX-20");
        assertThat(gdpr.get("registerSummary")).isEqualTo("1 active, 1 unused.");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Map<String, Object> view, String key) {
        return ((List<Map<String, Object>>) view.get(key)).stream().map(r -> r.get("id")).toList();
    }

    @Test
    void aProblemNoFrameworkMapsIsListedInBothReportsLimitations() {
        for (String framework : List.of("GDPR", "SOX")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> limitations = (Map<String, Object>) ReportView.of(model(), framework).get("notTested");

            assertThat(limitations.get("hasUnframed")).as(framework).isEqualTo(true);
            assertThat(limitations.get("unframed").toString()).as(framework).contains("RES-TEMPO-STORAGE", "us-east-1/tempo", "UNVERIFIED");
        }
    }

    @Test
    void theSoxReportNamesRetentionAsCompanyPolicyWithItsParameterAndCitesNeitherSection802NorRule206() {
        Map<String, Object> sox = ReportView.of(model(), "SOX");

        assertThat(sox.get("provisions").toString())
                .contains("Company policy, not a requirement of the statute: frameworks.SOX.minimumLogRetentionDays = 2557 days")
                .contains("ITGC - change management", "ITGC - logical access", "ITGC - computer operations")
                .doesNotContain("802").doesNotContain("2-06");
    }

    @Test
    void theFirstRunOfAnEstateSaysItHasNoPreviousRun() {
        Map<String, Object> sox = ReportView.of(model(), "SOX");

        assertThat(sox.get("firstRun")).isEqualTo(true);
        assertThat(sox.get("changesIntro").toString()).startsWith("First run of this estate: there is no previous run");
        assertThat(sox.get("hasChanges")).isEqualTo(false);
    }
}
