package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Severity;
import io.residency.auditor.findings.Status;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class FindingsCsvWriterTest {

    private static Finding finding(String resource, String message) {
        return new Finding("RES-LOKI-STORAGE", Status.FAIL, Severity.CRITICAL, List.of("GDPR"), "eu-west-1", "EU",
                resource, message, Map.of("bucket", "b"), "f".repeat(32), Instant.parse("2026-11-24T06:00:00Z"), "new");
    }

    @Test
    void roundTripsThroughACsvParserWithCommasQuotesAndNewlines() throws IOException {
        StringWriter out = new StringWriter();
        new FindingsCsvWriter().write(List.of(finding("eu-west-1/loki a,b", "said \"no\"\nthen left")), out);

        try (CSVParser parser = CSVParser.parse(new StringReader(out.toString()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly(FindingsCsvWriter.HEADER);
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).get("resource")).isEqualTo("eu-west-1/loki a,b");
            assertThat(records.get(0).get("message")).isEqualTo("said \"no\"\nthen left");
            assertThat(records.get(0).get("evidence")).isEqualTo("bucket=b");
        }
        assertThat(out.toString()).contains("\r\n");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
        assertThat(FindingsCsvWriter.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(FindingsCsvWriter.cell("+1")).isEqualTo("'+1");
        assertThat(FindingsCsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FindingsCsvWriter.cell("eu-west-1")).isEqualTo("eu-west-1");
    }
}
