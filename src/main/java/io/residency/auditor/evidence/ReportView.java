package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.controls.Framework;
import io.residency.auditor.findings.Finding;
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
        // One pass over the findings; each section keeps only what it shows.
        SummaryView summary = new SummaryView();
        ChangesView changes = new ChangesView(model, scope);
        DataFlowDiagramView diagram = new DataFlowDiagramView(model, scope);
        ControlsView controls = new ControlsView(model, framework);
        BoundedRows<Finding> unframed = new BoundedRows<>(ControlsView.PROBLEMS_LISTED);
        scope.read(model, List.of(summary, changes, diagram, controls), unframed::add);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("framework", framework);
        view.put("title", model.frameworkCatalog().framework(framework).map(Framework::reportTitle).orElse(framework + " data residency evidence"));
        view.put("scope", scope.jurisdictions().stream()
                .map(j -> j + " (" + String.join(", ", model.jurisdictions().getOrDefault(j, List.of())) + ")")
                .collect(Collectors.joining("; ")));
        view.put("run", RunFactsView.of(model));
        view.putAll(summary.view());
        view.putAll(changes.view());
        view.put("diagram", diagram.view());
        view.put("controls", controls.view());
        view.putAll(WaiversView.of(model, framework));
        view.put("inputs", InputsView.of(model));
        view.putAll(FrameworkMappingView.of(model, framework));
        NotTestedView.addTo(view, model, framework, unframed);
        view.put("scopeLines", summaryScope(model, view));
        view.put("footer", "Run " + model.run().runId() + " \u00b7 " + (model.keys().signed()
                ? "signed, key " + model.keys().signingKeyId().substring(0, 16) + "\u2026" : "UNSIGNED bundle"));
        view.put("passesListed", ControlsView.PASSES_LISTED);
        view.put("problemsListed", ControlsView.PROBLEMS_LISTED);
        view.put("findingsCsv", ReportScope.findingsCsv(model, framework));
        view.put("appendix", appendix(model, framework));
        return view;
    }

    /** The first page's scope: the run's scope statement, with the NOT TESTED checks of this framework counted. */
    private static List<Map<String, String>> summaryScope(EvidenceModel model, Map<String, Object> view) {
        Object count = view.get("notTested") instanceof Map<?, ?> section ? section.get("count") : 0;
        return ScopeStatement.of(model).stream().map(line -> Map.of("label", line.label(), "text",
                line.key().equals("notTested") ? (Integer.valueOf(0).equals(count) ? "none: every check of this framework could be made"
                        : count + " of this framework's checks (listed under Not tested)") : line.text())).toList();
    }

    /** Each query file of the framework's controls once, with the controls that run it and their parameters: two controls may share one query. */
    private static List<Map<String, String>> appendix(EvidenceModel model, String framework) {
        Map<String, List<ControlDefinition>> byFile = new LinkedHashMap<>();
        model.controls().stream().filter(c -> model.frameworkCatalog().maps(framework, c.id())).forEach(c -> byFile.computeIfAbsent(c.queryFile(), f -> new java.util.ArrayList<>()).add(c));
        return byFile.entrySet().stream().map(e -> Map.of("file", e.getKey(), "query", e.getValue().get(0).query().strip(),
                "controls", e.getValue().stream().map(c -> c.id() + (c.parameters().isEmpty() ? "" : " " + new java.util.TreeMap<>(c.parameters())))
                        .collect(Collectors.joining("; ")))).toList();
    }
}
