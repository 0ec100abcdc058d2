package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.controls.ControlCatalog;
import io.residency.auditor.controls.FrameworkCatalog;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Severity;
import io.residency.auditor.findings.Status;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsCsvWriterTest {

    @TempDir
    Path estate;

    private static Finding finding(String resource, String message) {
        return new Finding("RES-LOKI-STORAGE", Status.FAIL, Severity.CRITICAL, List.of("GDPR"), "eu-west-1", "EU",
                resource, message, Map.of("bucket", "b"), "f".repeat(32), Instant.parse("2026-11-24T06:00:00Z"), "new");
    }

    private static EvidenceModel model(List<Finding> findings) {
        Instant now = Instant.parse("2026-11-24T06:00:00Z");
        AuditRun run = new AuditRun("run-1", "estate", "audit", "e".repeat(64), "p".repeat(64), "bundled", null, "test", now, now, "COMPLETED");
        return new EvidenceModel(run, findings, List.of(), List.of(), List.of(), List.of(), ControlCatalog.load().controls(),
                FrameworkCatalog.bundled(ControlCatalog.load()), Map.of("EU", List.of("eu-west-1")), Map.of("EU", List.of("GDPR")),
                "estate.yaml", null);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly(FindingsCsvWriter.HEADER);
            return parser.getRecords();
        }
    }

    private static String csv(EvidenceModel model, String framework) {
        StringWriter out = new StringWriter();
        new FindingsCsvWriter().write(model, framework, out);
        return out.toString();
    }

    @Test
    void roundTripsThroughACsvParserWithCommasQuotesAndNewlines() throws IOException {
        String csv = csv(model(List.of(finding("eu-west-1/loki a,b", "said \"no\"\nthen left"))), "GDPR");

        List<CSVRecord> records = parse(csv);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("resource")).isEqualTo("eu-west-1/loki a,b");
        assertThat(records.get(0).get("message")).isEqualTo("said \"no\"\nthen left");
        assertThat(records.get(0).get("evidence")).isEqualTo("bucket=b");
        assertThat(csv).contains("\r\n");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
        assertThat(FindingsCsvWriter.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(FindingsCsvWriter.cell("+1")).isEqualTo("'+1");
        assertThat(FindingsCsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FindingsCsvWriter.cell("eu-west-1")).isEqualTo("eu-west-1");
    }

    @Test
    void everyRowNamesTheRunLifecycleFirstSeenInIsoUtcTheArticleTheExceptionAndTheKeys() throws IOException {
        List<CSVRecord> rows = parse(csv(ReportModels.everyStatus(estate), "GDPR"));

        CSVRecord loki = rows.stream().filter(r -> r.get("control").equals("RES-LOKI-STORAGE")).findFirst().orElseThrow();
        assertThat(loki.get("run_id")).isEqualTo(ReportModels.RUN_ID);
        assertThat(loki.get("lifecycle")).isEqualTo("new");
        assertThat(loki.get("first_seen")).isEqualTo("2026-11-23T06:00:00.123Z");
        assertThat(loki.get("framework_article")).contains("Art. 44").doesNotContain("SOX");
        assertThat(loki.get("signing_key")).isEqualTo(ReportModels.SIGNING_KEY_ID);
        assertThat(loki.get("hash_key")).isEqualTo("4320e2a01beedad9 (per run)");
        CSVRecord waived = rows.stream().filter(r -> r.get("exception_id").equals("EX-12")).findFirst().orElseThrow();
        assertThat(waived.get("status")).as("an excepted failure reads as a failure, never as a pass").isEqualTo("FAIL - excepted (EX-12)");
        CSVRecord pii = rows.stream().filter(r -> r.get("control").equals("RES-METRICS-PII")).findFirst().orElseThrow();
        assertThat(pii.get("message")).startsWith("'=HYPERLINK");
    }

    @Test
    void theAllFindingsCsvHoldsEveryFindingThoseOfNoFrameworkIncludedAndFrameworkCsvsOnlyTheirOwn() throws IOException {
        EvidenceModel model = ReportModels.everyStatus(estate);

        List<CSVRecord> all = parse(csv(model, null));
        List<CSVRecord> gdpr = parse(csv(model, "GDPR"));

        assertThat(all).hasSize(ReportModels.findingsOf(model).size());
        assertThat(all).anySatisfy(r -> assertThat(r.get("control") + " " + r.get("status") + " " + r.get("framework"))
                .isEqualTo("RES-SOURCE UNVERIFIED "));
        assertThat(all).filteredOn(r -> r.get("control").equals("RES-LOKI-STORAGE")).singleElement()
                .satisfies(r -> assertThat(r.get("framework_article")).contains("GDPR Art. 44", "SOX "));
        assertThat(gdpr).allSatisfy(r -> assertThat(r.get("framework")).contains("GDPR"));
        assertThat(gdpr.size()).isLessThan(all.size());
    }

    @Test
    void anUnsignedRunWithNoHashedValueSaysSoInEveryRow() throws IOException {
        List<CSVRecord> rows = parse(csv(model(List.of(finding("r", "m"))), "GDPR"));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("signing_key")).isEqualTo("unsigned");
            assertThat(r.get("hash_key")).isEqualTo("none");
        });
    }
}
