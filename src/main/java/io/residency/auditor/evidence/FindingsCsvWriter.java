package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes one framework's findings as RFC 4180 CSV with a header row, safe to open in a spreadsheet. */
public final class FindingsCsvWriter {

    static final String[] HEADER = {"control", "status", "severity", "framework", "region", "jurisdiction", "resource",
            "message", "evidence", "fingerprint", "first_seen"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    public void write(List<Finding> findings, Writer out) {
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (Finding finding : findings) {
                printer.printRecord(finding.controlId(), finding.status().name(), finding.severity().label(),
                        String.join(",", finding.frameworks()), cell(finding.region()), cell(finding.jurisdiction()),
                        cell(finding.resource()), cell(finding.message()), cell(evidence(finding)), finding.fingerprint(),
                        finding.firstSeen().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String evidence(Finding finding) {
        return finding.evidence().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Spreadsheets run cells that start with = + - @ as formulas; a leading quote keeps them text (OWASP CSV injection). */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
