package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence PDF as an auditor gets it: fonts embedded (PDF/A-2b), a one-page summary first,
 * every page's footer naming the run, the signature and the page, every problem's id readable as
 * one word, the queries in an appendix, the data-flow picture on one page, and a bounded number of
 * pages however many passes the run has. Text is read back with poppler's pdftotext.
 */
class EvidencePdfTest {

    @TempDir
    static Path dir;

    private static EvidenceModel model;
    private static Path gdpr;
    private static Path sox;

    @BeforeAll
    static void render() throws IOException {
        model = ReportModels.everyStatus(dir.resolve("estate"));
        gdpr = render(model, "GDPR", "gdpr-evidence.pdf");
        sox = render(model, "SOX", "sox-evidence.pdf");
    }

    static Path render(EvidenceModel model, String framework, String name) throws IOException {
        Path pdf = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new EvidencePdfRenderer().render(model, framework, out);
        }
        // Set -Dreport.samples=DIR to keep the PDFs for looking at them (pdftoppm -r 60 -png).
        String samples = System.getProperty("report.samples");
        if (samples != null) {
            Files.createDirectories(Path.of(samples));
            Files.copy(pdf, Path.of(samples, name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return pdf;
    }

    @Test
    void everyFontIsEmbeddedAndTheFileDeclaresPdfA2b() throws IOException {
        for (Path pdf : List.of(gdpr, sox)) {
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                List<String> fonts = new ArrayList<>();
                for (PDPage page : document.getPages()) {
                    PDResources resources = page.getResources();
                    for (COSName name : resources.getFontNames()) {
                        PDFont font = resources.getFont(name);
                        fonts.add(font.getName() + (font.isEmbedded() ? "" : " NOT EMBEDDED"));
                    }
                }
                assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font).contains("DejaVu").doesNotContain("NOT EMBEDDED"));
                String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
                assertThat(xmp).containsPattern("pdfaid:part[^0-9]{1,3}2").containsPattern("pdfaid:conformance[^A-Z]{1,3}B");
            }
        }
    }

    @Test
    void everyProblemFindingsIdAndEveryStatusAndControlIdReadAsWholeWords() throws Exception {
        String text = Pdftotext.text(gdpr);

        List<Finding> problems = ReportModels.findingsOf(model).stream()
                .filter(f -> f.status() != Status.PASS && f.frameworks().contains("GDPR")).toList();
        assertThat(problems).hasSizeGreaterThan(3);
        for (Finding problem : problems) {
            assertThat(text).as("id of " + problem.controlId()).contains(problem.fingerprint());
        }
        assertThat(text).contains("FAIL - excepted (EX-12)", "UNVERIFIED", "RES-BUCKET-REPLICATION", "RES-METRICS-PII", ReportModels.RUN_ID);
        // A word cut inside a table cell reads as two fragments on two lines: none of the status words may.
        assertThat(text).doesNotContainPattern("(?m)^(F|FA|FAI|U|UN|UNV|UNVE|UNVER|UNVERI|UNVERIF|UNVERIFI|UNVERIFIE|W|WA|WAI|WAIV|WAIVE|P|PA|PAS)$");
    }

    @Test
    void theFirstPageIsASummaryAndEveryPageNamesTheRunTheSignatureAndItsNumberOfTheTotal() throws Exception {
        List<String> pages = Pdftotext.pages(gdpr);

        assertThat(pages.get(0)).contains("Verdict:", "Regions", "Sources by kind", "S3 buckets", "Central querier", "Tenants",
                "Policy parameters", "PII detectors", "Waivers file", "Signature", "Hash key", "NOT TESTED", "RES-LOKI-STORAGE")
                .doesNotContain("SELECT");
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).as("page " + (i + 1)).contains("Run " + ReportModels.RUN_ID, "signed, key 5f5f5f5f5f5f5f5f",
                    "Page " + (i + 1) + " of " + pages.size());
        }
    }

    @Test
    void theQueriesAreInTheAppendixAfterEveryControl() throws Exception {
        List<String> pages = Pdftotext.pages(gdpr);
        int appendix = indexOf(pages, "Appendix: the controls' queries");
        int lastControl = indexOf(pages, "RES-METRICS-PII: ");

        assertThat(appendix).isGreaterThan(lastControl);
        for (int i = 0; i < appendix; i++) {
            assertThat(pages.get(i)).as("page " + (i + 1)).doesNotContain("FROM storage_fact");
        }
        assertThat(String.join("\n", pages.subList(appendix, pages.size()))).contains("FROM storage_fact");
    }

    @Test
    void theDataFlowPictureIsOnOnePage() throws Exception {
        List<String> pages = Pdftotext.pages(gdpr);
        int heading = indexOf(pages, "Data flows");

        assertThat(pages.get(heading).replaceAll("\\s+", " ")).contains("allowed federation of aggregated metrics", "eu-west-1/loki -> s3://acme-loki-archive");
    }

    @Test
    void thousandsOfPassesRenderABoundedNumberOfPagesThatSummarisePassesAndListEveryProblem() throws Exception {
        EvidenceModel large = ReportModels.withPasses(dir.resolve("large-estate"), 6_000);
        Path pdf = render(large, "GDPR", "gdpr-large-evidence.pdf");
        List<String> pages = Pdftotext.pages(pdf);

        assertThat(pages.size()).as("pages at 6,000 passes").isLessThanOrEqualTo(Pdftotext.pages(gdpr).size() + 3);
        String text = String.join("\n", pages).replaceAll("\\s+", " ");
        assertThat(text).contains("too many to list here; findings.csv and findings.json list each one");
        ReportModels.findingsOf(large).stream().filter(f -> f.status() != Status.PASS && f.frameworks().contains("GDPR"))
                .forEach(problem -> assertThat(text).contains(problem.fingerprint()));
    }

    @Test
    void aControlsProblemsAreListedUpToTheBoundAndTheRestCountedWithThePointerToItsCsv() throws Exception {
        EvidenceModel many = ReportModels.withExtra(dir.resolve("many-failures"), 0, 120);
        Path pdf = render(many, "GDPR", "gdpr-many-failures-evidence.pdf");
        String text = String.join("\n", Pdftotext.pages(pdf)).replaceAll("\\s+", " ");

        // RES-EGRESS: the waived finding and 120 failures, of which the first 50 are listed.
        assertThat(text).contains("71 more findings of this control: see gdpr-findings.csv (covered by the manifest)")
                .contains("up to " + ControlsView.PROBLEMS_LISTED + " per control");
        List<Finding> egress = ReportModels.findingsOf(many).stream().filter(f -> f.controlId().equals("RES-EGRESS")).toList();
        egress.subList(0, ControlsView.PROBLEMS_LISTED).forEach(listed -> assertThat(text).contains(listed.fingerprint()));
        egress.subList(ControlsView.PROBLEMS_LISTED, egress.size()).forEach(counted -> assertThat(text).doesNotContain(counted.fingerprint()));
    }

    @Test
    void noPageEndsWithAFindingsTableHeaderWhoseRowsAreAllOnTheNextPage() throws Exception {
        // Each extra pass moves what follows it down the pages; between them, these runs put a control's
        // findings table at the foot of a page several times (before the fix, 8 pages of 5 of these 26 PDFs ended on its header).
        List<Path> pdfs = new ArrayList<>();
        for (int extra = 0; extra <= ControlsView.PASSES_LISTED; extra++) {
            EvidenceModel shifted = ReportModels.withPasses(dir.resolve("orphans-" + extra), extra);
            pdfs.add(render(shifted, "GDPR", "gdpr-orphans-" + extra + "-evidence.pdf"));
            pdfs.add(render(shifted, "SOX", "sox-orphans-" + extra + "-evidence.pdf"));
        }
        List<String> header = List.of("Status", "Region", "Resource and finding", "Evidence");
        List<String> orphans = new ArrayList<>();
        for (Path pdf : pdfs) {
            List<String> pages = Pdftotext.pages(pdf);
            for (int i = 0; i < pages.size(); i++) {
                // The page's own lines, without the running header and footer that pdftotext puts among them.
                List<String> lines = pages.get(i).lines().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("Run " + ReportModels.RUN_ID) && !line.matches("Page \\d+ of \\d+"))
                        .toList();
                if (lines.subList(Math.max(0, lines.size() - header.size()), lines.size()).equals(header)) {
                    orphans.add(pdf.getFileName() + " page " + (i + 1));
                }
            }
        }
        assertThat(orphans).as("pages that end with a findings table's header").isEmpty();
    }

    private static int indexOf(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no page holds " + text);
    }

    /** poppler's pdftotext, as CI installs it (.ci/run: poppler-utils). */
    static final class Pdftotext {

        static String text(Path pdf) throws Exception {
            return run(pdf, List.of());
        }

        /** Each page's text; pdftotext ends each page with a form feed. */
        static List<String> pages(Path pdf) throws Exception {
            List<String> pages = new ArrayList<>(List.of(text(pdf).split("\f", -1)));
            if (pages.get(pages.size() - 1).isBlank()) {
                pages.remove(pages.size() - 1);
            }
            return pages;
        }

        private static String run(Path pdf, List<String> options) throws Exception {
            List<String> command = new ArrayList<>(List.of("pdftotext", "-enc", "UTF-8"));
            command.addAll(options);
            command.addAll(List.of(pdf.toString(), "-"));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("pdftotext " + pdf).isZero();
            return text;
        }
    }
}
