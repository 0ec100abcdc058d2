package io.residency.auditor.job;

import static io.residency.auditor.EvidenceBundles.pdfText;
import static io.residency.auditor.job.AuditJobDatabaseContract.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.CliRun;
import io.residency.auditor.TestPaths;
import io.residency.auditor.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Findings lifecycle, waivers and the evidence bundle, on every supported database (one subclass each). */
public abstract class EvidenceLifecycleContract {

    private static final String VIOLATION = "eu-west-1/loki storage_config.aws s3://logs-ch";

    @TempDir
    Path dir;

    private Path estate;
    private Path loki;
    private Path lastBundle;

    abstract String jdbcUrl();

    @BeforeEach
    void copyViolatingEstate() throws IOException {
        Path source = TestPaths.resource("controls/loki-violating");
        for (String name : List.of("estate.yaml", "loki.yaml")) {
            Files.copy(source.resolve(name), dir.resolve(name));
        }
        estate = dir.resolve("estate.yaml");
        loki = dir.resolve("loki.yaml");
    }

    private CliRun audit(String db, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "--estate", estate.toString(), "--out",
                dir.resolve("out").toString(), "--db", db));
        args.addAll(List.of(extra));
        Set<Path> before = bundles();
        CliRun run = CliRun.of(args.toArray(String[]::new));
        Set<Path> written = bundles();
        written.removeAll(before);
        lastBundle = written.size() == 1 ? written.iterator().next() : null;
        return run;
    }

    private Set<Path> bundles() throws IOException {
        if (!Files.isDirectory(dir.resolve("out"))) {
            return new HashSet<>();
        }
        try (Stream<Path> bundles = Files.list(dir.resolve("out"))) {
            return bundles.filter(Files::isDirectory).collect(Collectors.toCollection(HashSet::new));
        }
    }

    /** The bundle the last audit wrote: found by what it added, so runs need not differ in their second. */
    private Path latestBundle() {
        assertThat(lastBundle).as("the one bundle written by the last audit").isNotNull();
        return lastBundle;
    }

    private JsonNode findingsJson() throws IOException {
        return JsonMapper.builder().build().readTree(latestBundle().resolve("findings.json").toFile());
    }

    private static JsonNode violation(JsonNode document) {
        return document.get("findings").valueStream().filter(f -> f.get("resource").asString().equals(VIOLATION)).findFirst().orElseThrow();
    }

    @Test
    void aProblemIsNewThenStillOpenThenResolvedOverThreeRuns() throws IOException, SQLException {
        String db = jdbcUrl();

        audit(db);
        JsonNode first = violation(findingsJson());
        audit(db);
        JsonNode second = violation(findingsJson());
        Files.writeString(loki, Files.readString(loki).replace("s3.eu-central-2.amazonaws.com", "s3.eu-central-1.amazonaws.com"));
        audit(db);
        JsonNode third = findingsJson();

        assertThat(first.get("lifecycle").asString()).isEqualTo("new");
        assertThat(second.get("lifecycle").asString()).isEqualTo("open");
        assertThat(second.get("firstSeen").asString()).isEqualTo(first.get("firstSeen").asString());
        assertThat(violation(third).get("status").asString()).isEqualTo("PASS");
        assertThat(violation(third).get("lifecycle").isNull()).isTrue();
        assertThat(third.get("resolved")).singleElement().satisfies(r -> {
            assertThat(r.get("resource").asString()).isEqualTo(VIOLATION);
            assertThat(r.get("previousStatus").asString()).isEqualTo("FAIL");
            assertThat(r.get("nowStatus").asString()).isEqualTo("PASS");
        });
        assertThat(strings(db, "SELECT COUNT(*) FROM resolved_finding")).containsExactly("1");
        assertThat(pdfText(latestBundle().resolve("gdpr-evidence.pdf"))).contains("Resolved", VIOLATION);
    }

    /** The bundle the run printed, so runs in the same second need no waiting to be told apart. */
    private static JsonNode findingsJson(CliRun run) throws IOException {
        String line = run.stdout().lines().filter(l -> l.startsWith("Evidence bundle: ")).findFirst().orElseThrow(() -> new AssertionError(run.output()));
        Path bundle = Path.of(line.substring("Evidence bundle: ".length()).replaceAll("/$", ""));
        return JsonMapper.builder().build().readTree(bundle.resolve("findings.json").toFile());
    }

    private static List<String> resolvedResources(JsonNode document) {
        return document.get("resolved").valueStream().map(r -> r.get("resource").asString()).toList();
    }

    @Test
    void aProblemWhoseSourceCannotBeReadStaysOpenAsUnverifiedUntilItIsRecheckedAndPasses() throws IOException, SQLException {
        String db = jdbcUrl();
        String original = Files.readString(loki);

        JsonNode first = violation(findingsJson(audit(db)));
        Files.delete(loki);
        CliRun unreadable = audit(db, "--fail-on", "critical");
        JsonNode second = findingsJson(unreadable);
        Files.writeString(loki, original.replace("s3.eu-central-2.amazonaws.com", "s3.eu-central-1.amazonaws.com"));
        JsonNode third = findingsJson(audit(db));

        assertThat(first.get("status").asString()).isEqualTo("FAIL");
        JsonNode carried = violation(second);
        assertThat(carried.get("status").asString()).isEqualTo("UNVERIFIED");
        assertThat(carried.get("message").asString()).startsWith("Could not be re-checked: ").contains("last judged FAIL");
        assertThat(carried.get("fingerprint").asString()).isEqualTo(first.get("fingerprint").asString());
        assertThat(carried.get("firstSeen").asString()).isEqualTo(first.get("firstSeen").asString());
        assertThat(carried.get("lifecycle").asString()).isEqualTo("open");
        assertThat(carried.get("evidence").get("source_id").asString()).isEqualTo("eu-west-1/loki");
        assertThat(resolvedResources(second)).doesNotContain(VIOLATION);
        assertThat(unreadable.exitCode()).as(unreadable.output()).isEqualTo(ExitCode.FINDINGS);
        assertThat(unreadable.stdout()).contains("Could not be re-checked");
        assertThat(strings(db, "SELECT source_id FROM finding WHERE status = 'UNVERIFIED' AND resource = '" + VIOLATION + "'"))
                .containsExactly("eu-west-1/loki");

        assertThat(violation(third).get("status").asString()).isEqualTo("PASS");
        assertThat(third.get("resolved").valueStream().filter(r -> r.get("resource").asString().equals(VIOLATION)))
                .singleElement().satisfies(r -> assertThat(r.get("nowStatus").asString()).isEqualTo("PASS"));
    }

    @Test
    void aProblemWhoseResourceIsGoneFromASourceThatWasReadIsResolved() throws IOException {
        String db = jdbcUrl();

        audit(db);
        Files.writeString(loki, Files.readString(loki).replace("bucketnames: logs-ch, endpoint: s3.eu-central-2.amazonaws.com",
                "bucketnames: logs-eu, endpoint: s3.eu-central-1.amazonaws.com"));
        JsonNode second = findingsJson(audit(db));

        assertThat(second.get("findings").valueStream().map(f -> f.get("resource").asString())).doesNotContain(VIOLATION);
        assertThat(second.get("resolved").valueStream().filter(r -> r.get("resource").asString().equals(VIOLATION)))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("previousStatus").asString()).isEqualTo("FAIL");
                    assertThat(r.get("nowStatus").isNull()).as("gone").isTrue();
                });
    }

    @Test
    void aProblemOfACheckThisRunDidNotTestIsNotResolved() throws IOException {
        String db = jdbcUrl();

        audit(db);
        Files.writeString(estate, "regions:\n  - name: eu-west-1\n    sources: []\n");
        JsonNode second = findingsJson(audit(db));

        assertThat(second.at("/scope/notTested").valueStream().map(n -> n.get("control").asString() + " " + n.get("region").asString()))
                .contains("RES-LOKI-STORAGE eu-west-1");
        assertThat(resolvedResources(second)).doesNotContain(VIOLATION);
    }

    @Test
    void aWaiverInForceWaivesTheFailureAndTheGatePasses() throws IOException, SQLException {
        String db = jdbcUrl();
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, """
                waivers:
                  - control: RES-LOKI-STORAGE
                    resource: "eu-west-1/loki storage_config.aws *"
                    reason: Swiss bucket covered by the adequacy decision for Switzerland (ticket SEC-142)
                    approver: dpo@example.com
                    expires: %s
                """.formatted(withinAYear()));

        CliRun run = audit(db, "--waivers", waivers.toString(), "--fail-on", "low");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        JsonNode waived = violation(findingsJson());
        assertThat(waived.get("status").asString()).isEqualTo("WAIVED");
        assertThat(waived.get("evidence").get("waived_status").asString()).isEqualTo("FAIL");
        assertThat(waived.get("evidence").get("waiver_approver").asString()).isEqualTo("dpo@example.com");
        assertThat(strings(db, "SELECT state || ':' || matched FROM run_waiver")).containsExactly("ACTIVE:1");
        assertThat(waived.get("exceptionId").asString()).isEqualTo("waiver-1");
        assertThat(pdfText(latestBundle().resolve("gdpr-evidence.pdf"))).contains("SEC-142", "active", "FAIL - excepted (waiver-1)")
                .doesNotContain("PASS (with waivers)");
    }

    /** An expiry inside the default one-year term from today, whatever day the test runs. */
    private static String withinAYear() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(6).toString();
    }

    @Test
    void anExpiredWaiverNoLongerAppliesAndTheReportSaysSo() throws IOException, SQLException {
        String db = jdbcUrl();
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, """
                waivers:
                  - control: RES-LOKI-STORAGE
                    fingerprint: %s
                    reason: Temporary during the 2024 migration
                    approver: ciso@example.com
                    expires: 2025-01-31
                """.formatted(io.residency.auditor.findings.Fingerprint.of("RES-LOKI-STORAGE", VIOLATION)));

        CliRun run = audit(db, "--waivers", waivers.toString(), "--fail-on", "low");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.FINDINGS);
        JsonNode failed = violation(findingsJson());
        assertThat(failed.get("status").asString()).isEqualTo("FAIL");
        assertThat(failed.get("evidence").get("expired_waiver").asString()).startsWith("expired 2025-01-31");
        assertThat(findingsJson().get("waivers")).singleElement()
                .satisfies(w -> assertThat(w.get("state").asString()).isEqualTo("expired"));
        assertThat(strings(db, "SELECT state FROM run_waiver")).containsExactly("EXPIRED");
        assertThat(pdfText(latestBundle().resolve("gdpr-evidence.pdf"))).contains("EXPIRED: no longer applied");
    }

    @Test
    void theGdprReportHasEverySectionAnAuditorNeeds() throws IOException {
        audit(jdbcUrl());

        String text = pdfText(latestBundle().resolve("gdpr-evidence.pdf"));

        assertThat(text).contains("GDPR data residency evidence", "Verdict: violations found",
                "Scope and run", "Jurisdictions in scope", "EU (eu-central-1", "Auditor version",
                "Summary by region", "Changes since the last run", "Data flows", "eu-central-2",
                "Controls", "RES-LOKI-STORAGE: Loki stores each region's logs", "Art. 44", "FROM storage_fact",
                "Exceptions register", "Inputs", "loki.yaml");
        assertThat(text).contains(findingsJson().get("run").get("estateSha256").asString());
    }

    @Test
    void theBundleVerifiesAndItsCsvHasAHeaderAndOneRowPerFinding() throws IOException {
        audit(jdbcUrl());
        Path bundle = latestBundle();

        CliRun verify = CliRun.of("verify", bundle.toString());
        List<String> csv = Files.readAllLines(bundle.resolve("gdpr-findings.csv"));
        long gdprFindings = findingsJson().get("findings").valueStream().filter(f -> f.get("framework").asString().contains("GDPR")).count();

        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(csv.get(0)).startsWith("control,status,severity,framework");
        assertThat(csv).hasSize((int) gdprFindings + 1);
        assertThat(Files.list(bundle).map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder(
                "findings.json", "gdpr-findings.csv", "sox-findings.csv", "gdpr-evidence.pdf", "sox-evidence.pdf", "findings.sarif",
                "junit.xml", "findings.csv", "findings.ocsf.json", "MANIFEST.sha256", "inputs", "facts", "controls");
    }

    private void setLokiEndpoint(String endpoint) throws IOException {
        Files.writeString(loki, Files.readString(loki).replaceAll("s3\\.eu-central-[12]\\.amazonaws\\.com", endpoint));
    }

    @Test
    void aProblemResolvedAndSeenAgainIsReopenedAndDatesFromTheRunItFirstAppearedNotAnEarlierPass() throws IOException {
        String db = jdbcUrl();

        setLokiEndpoint("s3.eu-central-1.amazonaws.com");
        JsonNode passing = findingsJson(audit(db));
        setLokiEndpoint("s3.eu-central-2.amazonaws.com");
        JsonNode appeared = findingsJson(audit(db));
        setLokiEndpoint("s3.eu-central-1.amazonaws.com");
        JsonNode resolved = findingsJson(audit(db));
        setLokiEndpoint("s3.eu-central-2.amazonaws.com");
        JsonNode again = findingsJson(audit(db));

        assertThat(violation(passing).get("status").asString()).isEqualTo("PASS");
        assertThat(violation(appeared).get("lifecycle").asString()).isEqualTo("new");
        assertThat(violation(appeared).get("firstSeen").asString()).as("the run it appeared in, not the earlier PASS")
                .isEqualTo(appeared.at("/run/startedAt").asString())
                .isNotEqualTo(passing.at("/run/startedAt").asString());
        assertThat(resolvedResources(resolved)).containsExactly(VIOLATION);
        assertThat(violation(again).get("lifecycle").asString()).isEqualTo("reopened");
        assertThat(violation(again).get("firstSeen").asString()).isEqualTo(appeared.at("/run/startedAt").asString());
        assertThat(pdfText(latestBundle().resolve("gdpr-evidence.pdf"))).contains("Reopened", VIOLATION);
    }

    @Test
    void theFirstRunOfAnEstateClaimsNoPreviousRunInAnyReport() throws IOException {
        audit(jdbcUrl());

        for (String report : List.of("gdpr-evidence.pdf", "sox-evidence.pdf")) {
            String text = pdfText(latestBundle().resolve(report));
            assertThat(text).as(report).contains("First run of this estate").doesNotContain("since the previous run of this estate");
        }
    }

    @Test
    void aProblemWhoseSourceLeftTheEstateIsNotResolvedButListedAsNoLongerAudited() throws IOException {
        String db = jdbcUrl();

        audit(db);
        setLokiEndpoint("s3.eu-central-1.amazonaws.com");
        Files.writeString(estate, "regions:\n  - name: eu-west-1\n    sources: [{id: eu-west-1/loki-v2, kind: loki, file: loki.yaml}]\n");
        JsonNode second = findingsJson(audit(db));

        assertThat(resolvedResources(second)).doesNotContain(VIOLATION);
        assertThat(pdfText(latestBundle().resolve("gdpr-evidence.pdf"))).contains("No longer audited", "its source is no longer in the estate");
    }

    @Test
    void anExceptionWithALegalBasisReadsAsATransferOnThatBasisInTheGdprReportOnly() throws IOException {
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, """
                exceptions:
                  - id: EX-12
                    control: RES-LOKI-STORAGE
                    resource: "eu-west-1/loki storage_config.aws s3://logs-*"
                    legalBasis: SCC
                    legalBasisReference: SCC 2021/914 module 3 with the Swiss processor, contract CH-9
                    approver: dpo@example.com
                    expires: %s
                    ticket: SEC-142
                """.formatted(withinAYear()));

        CliRun run = audit(jdbcUrl(), "--waivers", waivers.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        JsonNode excepted = violation(findingsJson());
        assertThat(excepted.get("status").asString()).isEqualTo("WAIVED");
        assertThat(excepted.get("exceptionId").asString()).isEqualTo("EX-12");
        assertThat(pdfText(latestBundle().resolve("gdpr-evidence.pdf"))).contains("FAIL - excepted (EX-12)",
                "transfer outside the EEA, legal basis SCC (EX-12)", "Exceptions register", "active");
        assertThat(pdfText(latestBundle().resolve("sox-evidence.pdf"))).doesNotContain("EX-12");
    }

    @Test
    void aProblemNoFrameworkMapsAppearsInBothReportsLimitations() throws IOException {
        Files.writeString(estate, Files.readString(estate) + "  - name: us-east-1\n    sources: [{kind: tempo, file: missing-tempo.yaml}]\n");

        audit(jdbcUrl());

        JsonNode unframed = findingsJson().get("findings").valueStream()
                .filter(f -> f.get("control").asString().equals("RES-TEMPO-STORAGE") && f.get("region").asString().equals("us-east-1"))
                .findFirst().orElseThrow();
        assertThat(unframed.get("status").asString()).isEqualTo("UNVERIFIED");
        assertThat(unframed.get("framework").asString()).isEmpty();
        for (String report : List.of("gdpr-evidence.pdf", "sox-evidence.pdf")) {
            assertThat(pdfText(latestBundle().resolve(report))).as(report).contains("mapped to no framework", "us-east-1/tempo");
        }
    }
}
