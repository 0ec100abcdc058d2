package io.residency.auditor.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an exception does to the findings of a run: which it covers, and how each fares in the register. */
class ExceptionsRegisterApplyTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");
    private static final String VENDOR = "eu-west-1/otel-collector exporters.otlphttp/vendor logs -> https://vendor.example.com";

    private static Finding finding(Status status, String resource, List<String> frameworks) {
        return new Finding("RES-EGRESS", status, Severity.HIGH, frameworks, "eu-west-1", "EU", resource, "sent outside EU",
                Map.of("destination_region", "us-east-1"), Fingerprint.of("RES-EGRESS", resource), Instant.EPOCH, null);
    }

    private static Waiver exception(String id, String framework, String basis, LocalDate expires, List<Status> covers) {
        return new Waiver(id, "RES-EGRESS", framework, "eu-west-1/otel-collector exporters.otlphttp/vendor*", null,
                basis == null ? "accepted for the migration" : null, basis, basis == null ? null : "contract VEN-7", null, null,
                "dpo@example.com", null, expires, "SEC-142", covers);
    }

    @Test
    void anExceptionInForceExceptsAFailWhichReadsFailExceptedWithItsIdNeverAsAPass() {
        Waivers.Applied applied = Waivers.apply(List.of(finding(Status.FAIL, VENDOR, List.of("GDPR"))),
                List.of(exception("EX-12", "GDPR", "SCC", TODAY.plusMonths(3), null)), TODAY);

        Finding excepted = applied.findings().get(0);
        assertThat(excepted.status()).isEqualTo(Status.WAIVED);
        assertThat(excepted.exceptionId()).isEqualTo("EX-12");
        assertThat(excepted.statusLabel()).isEqualTo("FAIL - excepted (EX-12)");
        assertThat(excepted.evidence()).containsEntry("waived_status", "FAIL").containsEntry("legal_basis", "SCC")
                .containsEntry("legal_basis_reference", "contract VEN-7").containsEntry("ticket", "SEC-142");
        assertThat(applied.outcomes().get(0).state()).isEqualTo(WaiverOutcome.State.ACTIVE);
        assertThat(applied.outcomes().get(0).frameworks()).containsExactly("GDPR");
    }

    @Test
    void anUnverifiedFindingIsExceptedOnlyWhenTheExceptionCoversUnverified() {
        Finding unverified = finding(Status.UNVERIFIED, VENDOR, List.of("GDPR"));

        Waivers.Applied failOnly = Waivers.apply(List.of(unverified), List.of(exception("EX-1", null, null, TODAY, null)), TODAY);
        Waivers.Applied both = Waivers.apply(List.of(unverified),
                List.of(exception("EX-1", null, null, TODAY, List.of(Status.FAIL, Status.UNVERIFIED))), TODAY);

        assertThat(failOnly.findings().get(0).status()).isEqualTo(Status.UNVERIFIED);
        assertThat(failOnly.findings().get(0).evidence().get("exception_not_applied").toString()).contains("EX-1 covers [FAIL] only");
        assertThat(failOnly.outcomes().get(0).state()).isEqualTo(WaiverOutcome.State.UNUSED);
        assertThat(both.findings().get(0).statusLabel()).isEqualTo("UNVERIFIED - excepted (EX-1)");
    }

    @Test
    void anExpiredExceptionLeavesTheFindingFailingAndIsRegisteredExpired() {
        Waivers.Applied applied = Waivers.apply(List.of(finding(Status.FAIL, VENDOR, List.of("GDPR"))),
                List.of(exception("EX-3", null, null, TODAY.minusDays(1), null)), TODAY);

        assertThat(applied.findings().get(0).status()).isEqualTo(Status.FAIL);
        assertThat(applied.findings().get(0).evidence().get("expired_waiver").toString()).startsWith("expired 2026-12-01 (EX-3");
        assertThat(applied.outcomes().get(0).state()).isEqualTo(WaiverOutcome.State.EXPIRED);
    }

    @Test
    void anExceptionOfOneFrameworkDoesNotExceptAnotherFrameworksFinding() {
        Finding sox = finding(Status.FAIL, VENDOR, List.of("SOX"));

        Waivers.Applied applied = Waivers.apply(List.of(sox), List.of(exception("EX-12", "GDPR", "SCC", TODAY, null)), TODAY);

        assertThat(applied.findings().get(0).status()).isEqualTo(Status.FAIL);
        assertThat(applied.outcomes().get(0).state()).isEqualTo(WaiverOutcome.State.UNUSED);
        assertThat(applied.outcomes().get(0).frameworks()).containsExactly("GDPR");
    }

    @Test
    void anExceptionNamingNoFrameworkIsListedUnderTheFrameworksOfWhatItCovered() {
        Waivers.Applied applied = Waivers.apply(List.of(finding(Status.FAIL, VENDOR, List.of("SOX"))),
                List.of(exception("EX-4", null, null, TODAY, null)), TODAY);

        assertThat(applied.outcomes().get(0).frameworks()).containsExactly("SOX");
        assertThat(applied.findings().get(0).statusLabel()).isEqualTo("FAIL - excepted (EX-4)");
    }
}
