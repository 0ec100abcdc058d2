package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.facts.RunScope;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.NotTested;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The "Not tested" (limitations) section of a framework's report: the checks not made, and the
 * problems no framework maps (so each appears in every report rather than in none). What it changes elsewhere in the report:
 * the verdict may no longer say compliant, and a control with no finding that was not tested reads
 * NOT TESTED rather than NOT APPLICABLE. Kept apart from the report's other sections.
 */
final class NotTestedView {

    private NotTestedView() {
    }

    /** Adds the section to a report view built for {@code framework}, and qualifies its verdict and control results. */
    @SuppressWarnings("unchecked")
    static void addTo(Map<String, Object> view, EvidenceModel model, String framework, BoundedRows<Finding> unframedProblems) {
        List<NotTested> entries = relevant(model, framework);
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("has", !entries.isEmpty());
        section.put("count", entries.size());
        section.put("rows", entries.stream().map(e -> Map.of("control", e.control(), "region", e.region(), "reason", e.reason())).toList());
        section.put("examined", examined(model.scope()));
        List<Map<String, Object>> unframed = unframedProblems.shown().stream().map(FindingRows::row).toList();
        long count = unframedProblems.total();
        section.put("unframed", unframed);
        section.put("hasUnframed", !unframed.isEmpty());
        section.put("unframedIntro", count + (count == 1 ? " problem is" : " problems are")
                + " mapped to no framework (a source that could not be read, or a control no framework of its jurisdiction cites);"
                + (count == 1 ? " it is" : " they are") + " listed in every report, and none counts as a pass."
                + (unframedProblems.more() == 0 ? "" : " The first " + unframed.size() + " are shown here; findings.csv lists each one."));
        view.put("notTested", section);
        if (view.get("totals") instanceof Map<?, ?> totals) {
            Map<String, Object> amended = (Map<String, Object>) totals;
            String verdict = String.valueOf(amended.get("verdict"));
            String qualified = !unframed.isEmpty() && Verdict.COMPLIANT.equals(verdict) ? "not fully verified"
                    : Verdict.qualify(verdict, entries.size());
            if (!qualified.equals(verdict)) {
                amended.put("verdict", qualified);
                amended.put("verdictClass", "unverified");
            }
        }
        Set<String> untested = entries.stream().map(NotTested::control).collect(Collectors.toSet());
        if (view.get("controls") instanceof List<?> controls) {
            for (Object control : controls) {
                Map<String, Object> row = (Map<String, Object>) control;
                if ("NOT APPLICABLE".equals(row.get("result")) && untested.contains(row.get("id"))) {
                    row.put("result", "NOT TESTED");
                }
            }
        }
    }

    /** The entries of the framework's controls, for its jurisdictions' regions or the whole run. */
    static List<NotTested> relevant(EvidenceModel model, String framework) {
        Set<String> controls = model.controls().stream().filter(c -> model.frameworkCatalog().maps(framework, c.id()))
                .map(ControlDefinition::id).collect(Collectors.toSet());
        Map<String, String> jurisdictionOf = new LinkedHashMap<>();
        model.jurisdictions().forEach((j, regions) -> regions.forEach(r -> jurisdictionOf.put(r, j)));
        return model.notTested().stream()
                .filter(e -> controls.contains(e.control()))
                .filter(e -> NotTested.WHOLE_RUN.equals(e.region()) || !jurisdictionOf.containsKey(e.region())
                        || model.frameworksOf().getOrDefault(jurisdictionOf.get(e.region()), List.of()).contains(framework))
                .toList();
    }

    private static String examined(RunScope scope) {
        if (scope == null) {
            return "not recorded for this run";
        }
        String sources = scope.sourcesByKind().isEmpty() ? "no sources"
                : scope.sourcesByKind().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        return "regions " + (scope.regions().isEmpty() ? "none" : String.join(", ", scope.regions())) + "; sources: " + sources
                + "; buckets inspected: " + (scope.mode().bucketsInspected() ? scope.buckets() : "none (" + (scope.mode().offline()
                ? "offline" : "no aws section") + ")")
                + "; central querier: " + (scope.mode().seriesScanned() ? "scanned" : "not scanned")
                + "; tenants: " + scope.tenants() + " (" + scope.soxTenants() + " SOX)";
    }
}
