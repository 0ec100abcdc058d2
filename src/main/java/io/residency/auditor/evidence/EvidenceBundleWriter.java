package io.residency.auditor.evidence;

import io.residency.auditor.evidence.signing.BundlePredicate;
import io.residency.auditor.evidence.signing.BundleSigner;
import io.residency.auditor.evidence.signing.SigningKey;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.findings.Finding;
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
import java.util.List;
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
    private final EvidencePdfRenderer pdfRenderer = new EvidencePdfRenderer();
    private final SarifWriter sarifWriter = new SarifWriter();
    private final JunitWriter junitWriter = new JunitWriter();

    /** An unsigned bundle. @param formats the reports to render; the manifest is written whatever is asked */
    public Path write(Path outDir, EvidenceModel model, Set<ReportFormat> formats) throws IOException {
        return write(outDir, model, formats, null);
    }

    /**
     * @param formats    the reports to render; the manifest (and the signature) is written whatever is asked
     * @param signingKey {@code null} for an unsigned bundle
     */
    public Path write(Path outDir, EvidenceModel model, Set<ReportFormat> formats, SigningKey signingKey) throws IOException {
        Files.createDirectories(outDir);
        String runId = model.run().runId();
        Path target = outDir.resolve(runId);
        Path staging = outDir.resolve("." + runId + ".partial");
        deleteRecursively(staging);
        Files.createDirectories(staging);

        if (formats.contains(ReportFormat.JSON)) {
            try (OutputStream out = Files.newOutputStream(staging.resolve("findings.json"))) {
                jsonWriter.write(model, out);
            }
        }
        // One CSV and one PDF per framework the run's policy applies, named by its definition file.
        for (String framework : model.reportedFrameworks()) {
            String prefix = model.frameworkCatalog().framework(framework).orElseThrow().reportFile();
            if (formats.contains(ReportFormat.CSV)) {
                writeCsv(staging.resolve(prefix + "-findings.csv"), framework(model.findings(), framework));
            }
            // Laying out a PDF is the costliest part of a run: only when asked for.
            if (formats.contains(ReportFormat.PDF)) {
                try (OutputStream out = Files.newOutputStream(staging.resolve(prefix + "-evidence.pdf"))) {
                    pdfRenderer.render(model, framework, out);
                }
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

    private void writeCsv(Path file, List<Finding> findings) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            csvWriter.write(findings, out);
        }
    }

    private static List<Finding> framework(List<Finding> findings, String framework) {
        return findings.stream().filter(f -> f.frameworks().contains(framework)).toList();
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
