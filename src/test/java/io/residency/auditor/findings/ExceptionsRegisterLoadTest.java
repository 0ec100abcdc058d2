package io.residency.auditor.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.residency.auditor.CliRun;
import io.residency.auditor.TestPaths;
import io.residency.auditor.cli.ExitCode;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.YamlInputReader;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exceptions register is checked at load: what makes an exception auditable, else exit 2 naming the file and line. */
class ExceptionsRegisterLoadTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");
    private static final ExceptionRulesCheck RULES = new ExceptionRulesCheck(Set.of("RES-EGRESS", "RES-LOKI-STORAGE"),
            Set.of("GDPR", "SOX"), List.of(), Period.ofYears(1), TODAY);

    @TempDir
    Path dir;

    private final WaiverLoader loader = new WaiverLoader(new YamlInputReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator()));

    private LoadedWaivers load(String yaml, ExceptionRulesCheck rules) throws IOException {
        return loader.load(Files.writeString(dir.resolve("waivers.yaml"), yaml), rules);
    }

    private LoadedWaivers load(String yaml) throws IOException {
        return load(yaml, RULES);
    }

    private static String entry(String fields) {
        return "exceptions:\n  - {control: RES-EGRESS, approver: dpo@example.com, " + fields + "}\n";
    }

    @Test
    void aFirstGenerationWaiversFileStaysValidWithItsDefaults() throws IOException {
        LoadedWaivers loaded = load("""
                waivers:
                  - control: RES-EGRESS
                    resource: "eu-west-1/otel-collector exporters.otlphttp/vendor*"
                    reason: Vendor covered by standard contractual clauses, ticket SEC-142
                    approver: dpo@example.com
                    expires: 2027-03-31
                """);

        assertThat(loaded.waivers()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo("waiver-1");
            assertThat(w.covers()).containsExactly(Status.FAIL);
            assertThat(w.owner()).isEqualTo("dpo@example.com");
            assertThat(w.framework()).isNull();
            assertThat(w.justification()).isEqualTo("Vendor covered by standard contractual clauses, ticket SEC-142");
        });
    }

    @Test
    void anExceptionWithALegalBasisBelongsToGdprAndKeepsItsRegisterFields() throws IOException {
        LoadedWaivers loaded = load("""
                exceptions:
                  - id: EX-12
                    control: RES-EGRESS
                    resource: "eu-west-1/otel-collector exporters.otlphttp/vendor*"
                    legalBasis: scc
                    legalBasisReference: SCC 2021/914 module 2, contract VEN-2025-7
                    riskOwner: head-of-observability@example.com
                    approver: dpo@example.com
                    approvalDate: 2026-06-01
                    expires: 2027-05-31
                    ticket: SEC-142
                    covers: [FAIL, UNVERIFIED]
                """);

        Waiver ex12 = loaded.waivers().get(0);
        assertThat(ex12.id()).isEqualTo("EX-12");
        assertThat(ex12.framework()).isEqualTo("GDPR");
        assertThat(ex12.basis()).isEqualTo(LegalBasis.SCC);
        assertThat(ex12.owner()).isEqualTo("head-of-observability@example.com");
        assertThat(ex12.covers()).containsExactly(Status.FAIL, Status.UNVERIFIED);
        assertThat(ex12.justification()).startsWith("legal basis SCC (Art. 46(2)(c) standard contractual clauses): SCC 2021/914");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"*\"", "\"**\"", "\".*\"", "\"*/*\"", "\"*-*\""})
    void aPatternThatMatchesEveryResourceIsRefusedAtItsLine(String pattern) {
        assertThatThrownBy(() -> load("\n" + entry("resource: " + pattern + ", reason: r, expires: 2027-01-31")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 3, exceptions[0].resource")
                .hasMessageContaining("matches (nearly) every resource");
    }

    @Test
    void aPatternNamingWhatItExceptsIsAccepted() throws IOException {
        assertThat(load(entry("resource: \"vendor*\", reason: r, expires: 2027-01-31")).waivers()).hasSize(1);
    }

    @Test
    void anExpiryBeyondTheTermFromTheApprovalDateIsRefusedNamingTheLatestAllowedDay() {
        assertThatThrownBy(() -> load(entry("resource: \"vendor*\", reason: r, approvalDate: 2026-01-15, expires: 2027-01-16")))
                .hasMessageContaining("exceptions[0].expires")
                .hasMessageContaining("expected at most 2027-01-15");
    }

    @Test
    void withoutAnApprovalDateTheTermRunsFromToday() {
        assertThatThrownBy(() -> load(entry("resource: \"vendor*\", reason: r, expires: 2027-12-03")))
                .hasMessageContaining("today (2026-12-02; no approvalDate)")
                .hasMessageContaining("expected at most 2027-12-02");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "999999999-12-31", "2099-12-31"})
    void aFarFutureExpiryIsRefused(String expiry) {
        assertThatThrownBy(() -> load(entry("resource: \"vendor*\", reason: r, expires: \"" + expiry + "\"")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exceptions[0].expires");
    }

    @Test
    void theTermIsThePolicysWhenItSetsOne() {
        ExceptionRulesCheck sixMonths = new ExceptionRulesCheck(RULES.controlIds(), RULES.frameworks(), List.of(), Period.ofMonths(6), TODAY);

        assertThatThrownBy(() -> load(entry("resource: \"vendor*\", reason: r, expires: 2027-06-03"), sixMonths))
                .hasMessageContaining("more than P6M after");
    }

    @Test
    void anExpiredExceptionStillLoadsSoTheReportCanSayItExpired() throws IOException {
        assertThat(load(entry("resource: \"vendor*\", reason: r, expires: 2025-01-31")).waivers()).hasSize(1);
    }

    @Test
    void anApproverNotOnThePolicysListIsRefused() {
        ExceptionRulesCheck approvers = new ExceptionRulesCheck(RULES.controlIds(), RULES.frameworks(), List.of("ciso@example.com"),
                Period.ofYears(1), TODAY);

        assertThatThrownBy(() -> load(entry("resource: \"vendor*\", reason: r, expires: 2027-01-31"), approvers))
                .hasMessageContaining("line 2, exceptions[0].approver")
                .hasMessageContaining("not on the policy's approvers list")
                .hasMessageContaining("ciso@example.com");
    }

    @Test
    void unknownControlsAndFrameworksAreRefused() {
        assertThatThrownBy(() -> load(entry("resource: \"vendor*\", reason: r, expires: 2027-01-31").replace("RES-EGRESS", "RES-NOPE")))
                .hasMessageContaining("exceptions[0].control").hasMessageContaining("unknown control id 'RES-NOPE'");
        assertThatThrownBy(() -> load(entry("framework: HIPAA, resource: \"vendor*\", reason: r, expires: 2027-01-31")))
                .hasMessageContaining("exceptions[0].framework").hasMessageContaining("unknown framework 'HIPAA'; expected one of [GDPR, SOX]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Art. 49", "derogation", "art49(1)(a)", "consent"})
    void anArt49DerogationIsRefusedAsABasisForAContinuousFlow(String basis) {
        assertThatThrownBy(() -> load(entry("resource: \"vendor*\", legalBasis: \"" + basis + "\", legalBasisReference: x, expires: 2027-01-31")))
                .hasMessageContaining("exceptions[0].legalBasis")
                .hasMessageContaining("Art. 49 derogation serves occasional transfers only")
                .hasMessageContaining("expected one of adequacy, DPF, SCC, BCR");
    }

    @Test
    void aLegalBasisNeedsItsReferenceAndIsGdprOnly() {
        assertThatThrownBy(() -> load(entry("resource: \"vendor*\", legalBasis: SCC, expires: 2027-01-31")))
                .hasMessageContaining("exceptions[0].legalBasisReference");
        assertThatThrownBy(() -> load(entry("framework: SOX, resource: \"vendor*\", legalBasis: DPF, legalBasisReference: x, expires: 2027-01-31")))
                .hasMessageContaining("exceptions[0].framework").hasMessageContaining("expected framework GDPR");
    }

    @Test
    void anExceptionWithoutAnyJustificationOrWithAPassCoverIsRefused() {
        assertThatThrownBy(() -> load(entry("resource: \"vendor*\", expires: 2027-01-31")))
                .hasMessageContaining("exceptions[0].reason").hasMessageContaining("compensatingControl");
        assertThatThrownBy(() -> load(entry("resource: \"vendor*\", reason: r, covers: [PASS], expires: 2027-01-31")))
                .hasMessageContaining("exceptions[0].covers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"covers: [~]", "covers: [WAIVED]", "covers: {a: b}", "approvalDate: +999999999-01-01"})
    void aMalformedCoverOrApprovalDateIsBadInputNotACrash(String field) {
        assertThatThrownBy(() -> load(entry("resource: \"vendor*\", reason: r, expires: 2027-01-31, " + field)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exceptions[0]");
    }

    @Test
    void twoExceptionsWithOneIdAreRefused() {
        assertThatThrownBy(() -> load("""
                exceptions:
                  - {id: EX-1, control: RES-EGRESS, resource: "vendor*", reason: r, approver: a, expires: 2027-01-31}
                  - {id: EX-1, control: RES-EGRESS, resource: "other*", reason: r, approver: a, expires: 2027-01-31}
                """)).hasMessageContaining("line 3, exceptions[1].id").hasMessageContaining("also entry 1");
    }

    @Test
    void theCommandLineExitsTwoNamingTheFileAndLineOfAnOverlongTerm() throws IOException {
        Path waivers = Files.writeString(dir.resolve("waivers.yaml"),
                entry("resource: \"vendor*\", reason: r, expires: 2999-01-01"));
        Path estate = TestPaths.resource("controls/loki-violating/estate.yaml");

        CliRun run = CliRun.of("gate", "--offline", "--estate", estate.toString(), "--waivers", waivers.toString(),
                "--out", dir.resolve("out").toString(), "--db", "jdbc:h2:mem:register-" + System.nanoTime());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains(waivers + ": line 2, exceptions[0].expires").contains("exceptions.maxTerm");
        assertThat(run.stderr()).doesNotContain("Exception");
    }
}
