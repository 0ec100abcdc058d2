package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import java.util.List;
import java.util.Map;

/**
 * What one framework's report covers: the framework, its findings and the jurisdictions it applies to.
 * Worked out once per report, so each section of the view filters the same way.
 */
record ReportScope(String framework, List<Finding> findings, List<String> jurisdictions) {

    static ReportScope of(EvidenceModel model, String framework) {
        List<Finding> findings = model.findings().stream().filter(f -> f.frameworks().contains(framework)).toList();
        List<String> jurisdictions = model.frameworksOf().entrySet().stream()
                .filter(e -> e.getValue().contains(framework)).map(Map.Entry::getKey).sorted().toList();
        return new ReportScope(framework, findings, jurisdictions);
    }
}
