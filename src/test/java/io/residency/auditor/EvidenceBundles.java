package io.residency.auditor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what one audit wrote into its own output folder. */
public final class EvidenceBundles {

    private EvidenceBundles() {
    }

    /** The evidence bundle folder of the run that wrote into {@code out}. */
    public static Path only(Path out) throws IOException {
        try (Stream<Path> bundles = Files.list(out)) {
            return bundles.filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("no evidence bundle in " + out));
        }
    }

    /** Every finding in that bundle's findings.json. */
    public static List<JsonNode> findings(Path out) throws IOException {
        JsonNode document = JsonMapper.builder().build().readTree(only(out).resolve("findings.json").toFile());
        return document.get("findings").valueStream().toList();
    }

    /**
     * Everything a reader or a search could find in the files under {@code folder}, in path order: what
     * a leak test looks through. A PDF gives its extracted text and its raw bytes as Latin-1 (metadata,
     * uncompressed strings); every other file its bytes as UTF-8, malformed ones replaced, never refused.
     */
    public static String everyText(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                text.append(file.toString().endsWith(".pdf")
                        ? pdfText(file) + new String(bytes, StandardCharsets.ISO_8859_1)
                        : new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    /** A PDF's text, with the line breaks of wrapped table cells folded into spaces. */
    public static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
