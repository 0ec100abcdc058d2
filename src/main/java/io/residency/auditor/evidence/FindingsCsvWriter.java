package io.residency.auditor.evidence;

import io.residency.auditor.controls.Framework;
import io.residency.auditor.findings.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes findings as RFC 4180 CSV with a header row, safe to open in a spreadsheet: one file per
 * framework and {@code findings.csv} with every finding (those of no framework included). Columns
 * added later come after the first ones, so scripts that read columns by position keep working.
 */
public final class FindingsCsvWriter {

    static final String[] HEADER = {"control", "status", "severity", "framework", "region", "jurisdiction", "resource",
            "message", "evidence", "fingerprint", "first_seen", "run_id", "lifecycle", "framework_article", "exception_id",
            "signing_key", "hash_key"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    /**
     * @param framework the framework whose findings to write and whose articles to cite; {@code null}
     *                  for every finding of the run, citing each framework's articles. Written row by row
     *                  as the findings are read: none is held.
     */
    public void write(EvidenceModel model, String framework, Writer out) {
        String signingKey = model.keys().signed() ? model.keys().signingKeyId() : "unsigned";
        String hashKey = model.keys().hmacKeyId() == null ? "none" : model.keys().hmacKeyId() + (model.keys().hmacComparable() ? "" : " (per run)");
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            model.findings().forEach(finding -> {
                if (framework == null || finding.frameworks().contains(framework)) {
                    printRow(printer, model, framework, finding, signingKey, hashKey);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printRow(CSVPrinter printer, EvidenceModel model, String framework, Finding finding, String signingKey,
                                 String hashKey) {
        try {
            // WAIVED reads as people read it, "FAIL - excepted (EX-12)"; findings.json keeps the status itself.
            printer.printRecord(finding.controlId(), finding.statusLabel(), finding.severity().label(),
                    String.join(",", finding.frameworks()), cell(finding.region()), cell(finding.jurisdiction()),
                    cell(finding.resource()), cell(finding.message()), cell(evidence(finding)), finding.fingerprint(),
                    FindingRows.iso(finding.firstSeen()), model.run().runId(), cell(finding.lifecycle()),
                    cell(articles(model, framework, finding)), cell(finding.exceptionId()), signingKey, hashKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provisions the finding's control supports: of the one framework, or of each, prefixed by its id. */
    private static String articles(EvidenceModel model, String framework, Finding finding) {
        if (framework != null) {
            return String.join("; ", model.frameworkCatalog().framework(framework).map(f -> f.refsOf(finding.controlId())).orElse(List.of()));
        }
        return finding.frameworks().stream().sorted()
                .flatMap(id -> model.frameworkCatalog().framework(id).stream())
                .flatMap(f -> refs(f, finding.controlId()).stream())
                .collect(Collectors.joining("; "));
    }

    private static List<String> refs(Framework framework, String controlId) {
        return framework.refsOf(controlId).stream().map(ref -> framework.id() + " " + ref).toList();
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
