package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What one framework's report covers: the framework and the jurisdictions it applies to. Its
 * findings are not held: {@link #read} passes them once, in the run's order, to each section that
 * keeps what it shows (counts, and bounded lists), so a report's memory does not grow with the run.
 */
record ReportScope(String framework, List<String> jurisdictions) {

    static ReportScope of(EvidenceModel model, String framework) {
        List<String> jurisdictions = model.frameworksOf().entrySet().stream()
                .filter(e -> e.getValue().contains(framework)).map(Map.Entry::getKey).sorted().toList();
        return new ReportScope(framework, jurisdictions);
    }

    /** The framework's CSV in the bundle, which lists every finding a report only counts. */
    static String findingsCsv(EvidenceModel model, String framework) {
        return model.frameworkCatalog().framework(framework).map(f -> f.reportFile() + "-findings.csv").orElse("findings.csv");
    }

    /**
     * One pass over the run's findings: those of the framework go to {@code sections}, the problems
     * no framework maps to {@code unframed} (every report lists them among its limitations).
     */
    void read(EvidenceModel model, List<Consumer<Finding>> sections, Consumer<Finding> unframed) {
        model.findings().forEach(finding -> {
            if (finding.frameworks().contains(framework)) {
                sections.forEach(section -> section.accept(finding));
            } else if (EvidenceModel.isUnframedProblem(finding)) {
                unframed.accept(finding);
            }
        });
    }
}
