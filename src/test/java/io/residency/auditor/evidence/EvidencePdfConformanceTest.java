package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The evidence PDFs claim PDF/A-2b in their metadata; veraPDF, the PDF Association's reference
 * validator, checks that they are: every rule of the PDF/A-2b profile, on both frameworks' reports
 * of a run with every status. A file that merely declares the part is not enough.
 */
class EvidencePdfConformanceTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void registerValidator() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @ParameterizedTest(name = "{0} evidence PDF conforms to PDF/A-2b")
    @ValueSource(strings = {"GDPR", "SOX"})
    void theEvidencePdfConformsToPdfA2b(String framework) throws Exception {
        Path pdf = dir.resolve(framework + ".pdf");
        EvidenceModel model = ReportModels.everyStatus(dir.resolve("estate-" + framework));
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new EvidencePdfRenderer().render(model, framework, out);
        }

        ValidationResult result = validate(pdf);

        assertThat(result.getTotalAssertions()).as("rules checked").isPositive();
        assertThat(failures(result)).as("PDF/A-2b rules the %s report breaks", framework).isEmpty();
        assertThat(result.isCompliant()).isTrue();
    }

    /** The validator can say no: a plain PDF with no PDF/A metadata or embedded colour profile fails it. */
    @Test
    void aPdfThatIsNotPdfAIsRefused() throws Exception {
        Path plain = dir.resolve("plain.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(plain.toFile());
        }

        ValidationResult result = validate(plain);

        assertThat(result.isCompliant()).isFalse();
        assertThat(failures(result)).isNotEmpty();
    }

    private static ValidationResult validate(Path pdf) throws Exception {
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_2_B)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false);
            return validator.validate(parser);
        }
    }

    /** Each broken rule once, as "clause-test: description", so a failure says what to fix. */
    private static List<String> failures(ValidationResult result) {
        return result.getTestAssertions().stream()
                .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": " + assertion.getMessage())
                .distinct().sorted().collect(Collectors.toList());
    }
}
