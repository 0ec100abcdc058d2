package io.residency.auditor.evidence;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.residency.auditor.text.SafeText;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.fontbox.ttf.GlyphSubstitutionTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders a framework's evidence report: the Mustache template (HTML-escaped by default) fills an
 * XHTML page that openhtmltopdf lays out on PDFBox as PDF/A-2b, with the DejaVu fonts the jar
 * carries embedded (subset), so the PDF reads the same everywhere and needs no system fonts.
 */
public final class EvidencePdfRenderer {

    static final String SANS = "DejaVu Sans";
    static final String MONO = "DejaVu Sans Mono";

    private final Template template;
    private final byte[] sans = resource("/fonts/DejaVuSans.ttf");
    private final byte[] sansBold = resource("/fonts/DejaVuSans-Bold.ttf");
    private final byte[] mono = resource("/fonts/DejaVuSansMono.ttf");
    // PDF/A requires an output intent; the JDK carries the sRGB profile.
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    public EvidencePdfRenderer() {
        // openhtmltopdf logs its timings through its own console logger by default: silence it,
        // so stderr keeps one line per step.
        XRLog.setLoggingEnabled(false);
        try (Reader reader = new InputStreamReader(EvidencePdfRenderer.class.getResourceAsStream("/templates/evidence-report.mustache"),
                StandardCharsets.UTF_8)) {
            // HTML-escaped as always, and first made safe: a control character from a config would
            // otherwise end the render (XML cannot hold it) or, as a bidi override, disguise a line.
            template = Mustache.compiler().withEscaper(text -> Escapers.HTML.escape(SafeText.escapeForDocument(text))).compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void render(EvidenceModel model, String framework, OutputStream out) throws IOException {
        String html = template.execute(ReportView.of(model, framework));
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
            builder.useColorProfile(srgb);
            builder.useFont(font(document, sans), SANS, 400, FontStyle.NORMAL, true);
            builder.useFont(font(document, sansBold), SANS, 700, FontStyle.NORMAL, true);
            builder.useFont(font(document, mono), MONO, 400, FontStyle.NORMAL, true);
            builder.withProducer("residency-auditor");
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        }
    }

    /**
     * The font, embedded as a subset, without its glyph substitutions: PDFBox would otherwise set
     * "fi" as one ligature glyph, and the text an auditor copies or searches would read "ﬁ".
     */
    private static PDFontSupplier font(PDDocument document, byte[] ttf) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
        font.getTableMap().remove(GlyphSubstitutionTable.TAG);
        return new PDFontSupplier(PDType0Font.load(document, font, true));
    }

    private static byte[] resource(String name) {
        try (InputStream in = EvidencePdfRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
