package io.residency.auditor.job;

import static io.residency.auditor.job.AuditJobDatabaseContract.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.TestPaths;
import io.residency.auditor.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
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

    private CliRun audit(String db, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "--estate", estate.toString(), "--out",
                dir.resolve("out").toString(), "--db", db));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path latestBundle() throws IOException {
        try (Stream<Path> bundles = Files.list(dir.resolve("out"))) {
            return bundles.filter(Files::isDirectory).max(Comparator.comparing(Path::getFileName)).orElseThrow();
        }
    }

    private JsonNode findingsJson() throws IOException {
        return JsonMapper.builder().build().readTree(latestBundle().resolve("findings.json").toFile());
    }

    private static JsonNode violation(JsonNode document) {
        return document.get("findings").valueStream().filter(f -> f.get("resource").asString().equals(VIOLATION)).findFirst().orElseThrow();
    }

    @Test
    void aProblemIsNewThenStillOpenThenResolvedOverThreeRuns() throws IOException, SQLException, InterruptedException {
        String db = jdbcUrl();

        audit(db);
        JsonNode first = violation(findingsJson());
        Thread.sleep(1100); // run ids and start times order runs by the second
        audit(db);
        JsonNode second = violation(findingsJson());
        Files.writeString(loki, Files.readString(loki).replace("s3.eu-central-2.amazonaws.com", "s3.eu-central-1.amazonaws.com"));
        Thread.sleep(1100);
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
                    expires: 2099-12-31
                """);

        CliRun run = audit(db, "--waivers", waivers.toString(), "--fail-on", "low");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        JsonNode waived = violation(findingsJson());
        assertThat(waived.get("status").asString()).isEqualTo("WAIVED");
        assertThat(waived.get("evidence").get("waived_status").asString()).isEqualTo("FAIL");
        assertThat(waived.get("evidence").get("waiver_approver").asString()).isEqualTo("dpo@example.com");
        assertThat(strings(db, "SELECT state || ':' || matched FROM run_waiver")).containsExactly("ACTIVE:1");
        assertThat(pdfText(latestBundle().resolve("gdpr-evidence.pdf"))).contains("SEC-142", "in force", "WAIVED");
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
                "Waivers", "Inputs", "loki.yaml");
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
                "junit.xml", "MANIFEST.sha256");
    }

    public static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            // Table cells wrap: compare text with line breaks folded into spaces.
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
