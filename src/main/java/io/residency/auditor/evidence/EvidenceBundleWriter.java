package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlCatalog;
import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.evidence.signing.BundlePredicate;
import io.residency.auditor.evidence.signing.BundleSigner;
import io.residency.auditor.evidence.signing.SigningKey;
import io.residency.auditor.facts.AuditRun;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Writes a run's evidence bundle into {@code <out>/<run-id>/}. The files are written into a
 * hidden temporary folder that is renamed into place at the end, so a crash never leaves a half bundle.
 */
@Component
public class EvidenceBundleWriter {

    private final FindingsJsonWriter jsonWriter = new FindingsJsonWriter();
    private final FindingsCsvWriter csvWriter = new FindingsCsvWriter();
    // Made by the first run that asks for a PDF: its fonts, colour profile and template would only slow
    // down the start of every gate, which asks for none.
    private EvidencePdfRenderer pdfRenderer;
    private final SarifWriter sarifWriter = new SarifWriter();
    private final JunitWriter junitWriter = new JunitWriter();
    private final OcsfWriter ocsfWriter = new OcsfWriter();

    /**
     * @param formats    the reports to render; findings.json, the manifest (and the signature) are written whatever is asked
     * @param signingKey {@code null} for an unsigned bundle
     * @param contents   the inputs and facts of the run, written whatever {@code formats} asks, before
     *                   the manifest and the signature so that both cover them
     */
    public Path write(Path outDir, EvidenceModel model, Set<ReportFormat> formats, SigningKey signingKey, BundleContents contents)
            throws IOException {
        Files.createDirectories(outDir);
        String runId = model.run().runId();
        Path target = outDir.resolve(runId);
        Path staging = outDir.resolve("." + runId + ".partial");
        deleteRecursively(staging);
        Files.createDirectories(staging);

        // Whatever --format asks: findings.json is the bundle's record of its findings, the file whose run id
        // verify checks against the folder and the signature, and whose findings rejudge re-performs.
        try (OutputStream out = Files.newOutputStream(staging.resolve("findings.json"))) {
            jsonWriter.write(model, out);
        }
        // One CSV and one PDF per framework the run's policy applies, named by its definition file.
        for (String framework : model.reportedFrameworks()) {
            String prefix = model.frameworkCatalog().framework(framework).orElseThrow().reportFile();
            if (formats.contains(ReportFormat.CSV)) {
                writeCsv(staging.resolve(prefix + "-findings.csv"), model, framework);
            }
            // Laying out a PDF is the costliest part of a run: only when asked for.
            if (formats.contains(ReportFormat.PDF)) {
                try (OutputStream out = Files.newOutputStream(staging.resolve(prefix + "-evidence.pdf"))) {
                    pdfRenderer().render(model, framework, out);
                }
            }
        }
        if (formats.contains(ReportFormat.CSV)) {
            writeCsv(staging.resolve("findings.csv"), model, null); // every finding, those of no framework too
        }
        if (formats.contains(ReportFormat.OCSF)) {
            try (OutputStream out = Files.newOutputStream(staging.resolve("findings.ocsf.json"))) {
                ocsfWriter.write(model, out);
            }
        }
        if (formats.contains(ReportFormat.SARIF)) {
            try (OutputStream out = Files.newOutputStream(staging.resolve("findings.sarif"))) {
                sarifWriter.write(model, out);
            }
        }
        if (formats.contains(ReportFormat.JUNIT)) {
            try (OutputStream out = Files.newOutputStream(staging.resolve("junit.xml"))) {
                junitWriter.write(model, out);
            }
        }
        writeAll(staging.resolve("inputs"), contents.inputs());
        writeAll(staging.resolve("facts"), contents.facts());
        writeControls(staging.resolve("controls"));
        Manifest.write(staging);
        if (signingKey != null) {
            // Last, over every file including the manifest, so nothing can be added after it unnoticed.
            BundleSigner.sign(staging, predicate(model, formats), signingKey);
        }

        // A restarted run renders again: the earlier complete bundle of the same run is replaced whole.
        deleteRecursively(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private synchronized EvidencePdfRenderer pdfRenderer() {
        if (pdfRenderer == null) {
            pdfRenderer = new EvidencePdfRenderer();
        }
        return pdfRenderer;
    }

    /** What the signature attests: which run made the bundle, from which inputs, and what it covered. */
    private static BundlePredicate predicate(EvidenceModel model, Set<ReportFormat> formats) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("offline", model.scope() != null && model.scope().mode().offline());
        scope.put("extraFormats", formats.stream().map(ReportFormat::label).collect(Collectors.toCollection(TreeSet::new)));
        scope.put("jurisdictions", model.jurisdictions());
        scope.put("waivers", model.run().waiversSha256() != null);
        scope.put("notTested", model.notTested().size());
        AuditRun run = model.run();
        return new BundlePredicate(run.runId(), run.estateId(), run.mode(), run.auditorVersion(), run.estateSha256(),
                run.policySha256(), run.waiversSha256(), run.startedAt(), Instant.now(), scope);
    }

    /** Each name is a relative path chosen by the run; one that would leave its folder is refused. */
    private static void writeAll(Path folder, Map<String, byte[]> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey()).normalize();
            if (!target.startsWith(folder) || target.equals(folder)) {
                throw new IllegalArgumentException("a bundle file outside its folder: " + file.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    /** The SQL of each control as the run ran it, and the catalog that names them. */
    private static void writeControls(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("catalog.yaml"), ControlCatalog.catalogYaml());
        for (ControlDefinition control : ControlCatalog.load().controls()) {
            Files.writeString(folder.resolve(control.queryFile()), control.query(), StandardCharsets.UTF_8);
        }
    }

    private void writeCsv(Path file, EvidenceModel model, String framework) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            csvWriter.write(model, framework, out);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
