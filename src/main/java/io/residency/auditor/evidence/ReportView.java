package io.residency.auditor.evidence;

import io.residency.auditor.controls.Framework;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The view of one framework's evidence report, as plain maps and lists for the Mustache template:
 * what the auditor reads, in the order they read it. Each section comes from its own small view,
 * so a change to one section touches one class.
 */
final class ReportView {

    private ReportView() {
    }

    static Map<String, Object> of(EvidenceModel model, String framework) {
        ReportScope scope = ReportScope.of(model, framework);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("framework", framework);
        view.put("title", model.frameworkCatalog().framework(framework).map(Framework::reportTitle).orElse(framework + " data residency evidence"));
        view.put("scope", scope.jurisdictions().stream()
                .map(j -> j + " (" + String.join(", ", model.jurisdictions().getOrDefault(j, List.of())) + ")")
                .collect(Collectors.joining("; ")));
        view.put("run", RunFactsView.of(model));
        view.putAll(SummaryView.of(scope));
        view.putAll(ChangesView.of(model, scope));
        view.put("diagram", DataFlowDiagramView.of(model, scope));
        view.put("controls", ControlsView.of(model, scope));
        view.putAll(WaiversView.of(model, framework));
        view.put("inputs", InputsView.of(model));
        view.putAll(FrameworkMappingView.of(model, framework));
        NotTestedView.addTo(view, model, framework);
        return view;
    }
}
