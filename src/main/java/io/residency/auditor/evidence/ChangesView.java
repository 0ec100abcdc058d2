package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.ResolvedFinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changed since the estate's previous run: the new problems and the resolved ones. */
final class ChangesView {

    private ChangesView() {
    }

    static Map<String, Object> of(EvidenceModel model, ReportScope scope) {
        List<Finding> findings = scope.findings();
        List<Map<String, Object>> newFindings = findings.stream().filter(f -> "new".equals(f.lifecycle())).map(FindingRows::row).toList();
        List<ResolvedFinding> resolved = model.resolved().stream()
                .filter(r -> findings.stream().noneMatch(f -> f.fingerprint().equals(r.fingerprint()) && f.status().isProblem()))
                .filter(r -> model.frameworkCatalog().maps(scope.framework(), r.controlId()))
                .toList();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("newFindings", newFindings);
        view.put("resolved", resolved.stream().map(r -> Map.of("control", r.controlId(), "region", Objects.toString(r.region(), "-"),
                "resource", r.resource(), "was", r.previousStatus(), "now", r.nowStatus() == null ? "gone" : r.nowStatus())).toList());
        view.put("hasNew", !newFindings.isEmpty());
        view.put("hasResolved", !resolved.isEmpty());
        view.put("hasChanges", !resolved.isEmpty() || !newFindings.isEmpty());
        return view;
    }
}
