package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.ResolvedFinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed since the estate's previous run: the new, reopened and resolved problems, and those
 * no longer audited because their source left the estate. The first run of an estate says it has
 * no previous run rather than "nothing changed".
 */
final class ChangesView {

    private ChangesView() {
    }

    static Map<String, Object> of(EvidenceModel model, ReportScope scope) {
        List<Finding> findings = scope.findings();
        List<Map<String, Object>> newFindings = lifecycle(findings, "new");
        List<Map<String, Object>> reopened = lifecycle(findings, "reopened");
        List<Map<String, Object>> resolved = ofFramework(model, scope, model.resolved());
        List<Map<String, Object>> sourceRemoved = ofFramework(model, scope, model.sourceRemoved());
        Map<String, Object> view = new LinkedHashMap<>();
        boolean firstRun = model.previousRunId() == null;
        view.put("firstRun", firstRun);
        view.put("previousRun", model.previousRunId());
        view.put("changesIntro", firstRun
                ? "First run of this estate: there is no previous run to compare with, so every problem below is new."
                : "Compared with the previous completed run of this estate, " + model.previousRunId() + ".");
        view.put("newFindings", newFindings);
        view.put("reopened", reopened);
        view.put("resolved", resolved);
        view.put("sourceRemoved", sourceRemoved);
        view.put("hasNew", !newFindings.isEmpty());
        view.put("hasReopened", !reopened.isEmpty());
        view.put("hasResolved", !resolved.isEmpty());
        view.put("hasSourceRemoved", !sourceRemoved.isEmpty());
        view.put("hasChanges", !firstRun && (!resolved.isEmpty() || !newFindings.isEmpty() || !reopened.isEmpty() || !sourceRemoved.isEmpty()));
        return view;
    }

    private static List<Map<String, Object>> lifecycle(List<Finding> findings, String lifecycle) {
        return findings.stream().filter(f -> lifecycle.equals(f.lifecycle())).map(FindingRows::row).toList();
    }

    /** The framework's entries that no problem of this run reopened under the same fingerprint. */
    private static List<Map<String, Object>> ofFramework(EvidenceModel model, ReportScope scope, List<ResolvedFinding> entries) {
        return entries.stream()
                .filter(r -> scope.findings().stream().noneMatch(f -> f.fingerprint().equals(r.fingerprint()) && f.status().isProblem()))
                .filter(r -> model.frameworkCatalog().maps(scope.framework(), r.controlId()))
                .map(r -> Map.<String, Object>of("control", r.controlId(), "region", Objects.toString(r.region(), "-"),
                        "resource", r.resource(), "was", r.previousStatus(), "now", now(r)))
                .toList();
    }

    private static String now(ResolvedFinding resolved) {
        if (resolved.nowStatus() == null) {
            return "gone from a source that was read";
        }
        return ResolvedFinding.SOURCE_REMOVED.equals(resolved.nowStatus()) ? "not re-checked: its source is no longer in the estate"
                : resolved.nowStatus();
    }
}
