package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.ResolvedFinding;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What changed since the estate's previous run: the new, reopened and resolved problems, and those
 * no longer audited because their source left the estate. The first run of an estate says it has
 * no previous run rather than "nothing changed". New and reopened problems are listed up to
 * {@value ControlsView#PROBLEMS_LISTED} each and then counted, as the findings pass.
 */
final class ChangesView implements Consumer<Finding> {

    private final EvidenceModel model;
    private final ReportScope scope;
    private final BoundedRows<Finding> newFindings = new BoundedRows<>(ControlsView.PROBLEMS_LISTED);
    private final BoundedRows<Finding> reopened = new BoundedRows<>(ControlsView.PROBLEMS_LISTED);
    /** The fingerprints of the previous run's problems that this run has as problems again. */
    private final Set<String> problemAgain = new HashSet<>();
    private final Set<String> previous;

    ChangesView(EvidenceModel model, ReportScope scope) {
        this.model = model;
        this.scope = scope;
        this.previous = new HashSet<>(Stream.concat(model.resolved().stream(), model.sourceRemoved().stream())
                .map(ResolvedFinding::fingerprint).toList());
    }

    @Override
    public void accept(Finding finding) {
        if ("new".equals(finding.lifecycle())) {
            newFindings.add(finding);
        } else if ("reopened".equals(finding.lifecycle())) {
            reopened.add(finding);
        }
        if (finding.status().isProblem() && previous.contains(finding.fingerprint())) {
            problemAgain.add(finding.fingerprint());
        }
    }

    Map<String, Object> view() {
        List<Map<String, Object>> newRows = rows(newFindings);
        List<Map<String, Object>> reopenedRows = rows(reopened);
        List<Map<String, Object>> resolved = ofFramework(model.resolved());
        List<Map<String, Object>> sourceRemoved = ofFramework(model.sourceRemoved());
        Map<String, Object> view = new LinkedHashMap<>();
        boolean firstRun = model.previousRunId() == null;
        view.put("firstRun", firstRun);
        view.put("previousRun", model.previousRunId());
        view.put("changesIntro", firstRun
                ? "First run of this estate: there is no previous run to compare with, so every problem below is new."
                : "Compared with the previous completed run of this estate, " + model.previousRunId() + ".");
        view.put("newFindings", newRows);
        view.put("moreNew", more(newFindings));
        view.put("reopened", reopenedRows);
        view.put("moreReopened", more(reopened));
        view.put("resolved", resolved);
        view.put("sourceRemoved", sourceRemoved);
        view.put("hasNew", !newRows.isEmpty());
        view.put("hasReopened", !reopenedRows.isEmpty());
        view.put("hasResolved", !resolved.isEmpty());
        view.put("hasSourceRemoved", !sourceRemoved.isEmpty());
        view.put("hasChanges", !firstRun && (!resolved.isEmpty() || !newRows.isEmpty() || !reopenedRows.isEmpty() || !sourceRemoved.isEmpty()));
        return view;
    }

    private static List<Map<String, Object>> rows(BoundedRows<Finding> findings) {
        return findings.shown().stream().map(FindingRows::row).toList();
    }

    private static String more(BoundedRows<Finding> findings) {
        return findings.more() == 0 ? null : findings.more() + " more: the framework's findings CSV lists each one";
    }

    /** The framework's entries that no problem of this run reopened under the same fingerprint. */
    private List<Map<String, Object>> ofFramework(List<ResolvedFinding> entries) {
        return entries.stream()
                .filter(r -> !problemAgain.contains(r.fingerprint()))
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
