package io.residency.auditor.evidence;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.residency.auditor.text.SafeText;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Renders a framework's evidence report: the Mustache template (HTML-escaped by default) fills an
 * XHTML page that openhtmltopdf lays out on PDFBox with the built-in PDF fonts, so no system fonts
 * are needed where the job runs.
 */
public final class EvidencePdfRenderer {

    private final Template template;

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
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        builder.run();
    }
}
