package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Each control the framework maps: its result, the provisions it supports, every problem (FAIL,
 * UNVERIFIED, WAIVED) and its passes. Passes are listed while they are few; past
 * {@value #PASSES_LISTED} they are counted by region, so the PDF stays readable at scale (the CSV and
 * JSON list every one). The query that judged them is quoted in the appendix.
 */
final class ControlsView {

    /** Above this many passes, a control's passes are summarised by region instead of listed. */
    static final int PASSES_LISTED = 12;

    private ControlsView() {
    }

    static List<Map<String, Object>> of(EvidenceModel model, ReportScope scope) {
        String framework = scope.framework();
        List<Map<String, Object>> controls = new ArrayList<>();
        for (ControlDefinition control : model.controls()) {
            List<String> articles = model.frameworkCatalog().framework(framework).map(f -> f.refsOf(control.id())).orElse(List.of());
            if (articles.isEmpty()) {
                continue;
            }
            List<Finding> own = scope.findings().stream().filter(f -> f.controlId().equals(control.id())).toList();
            List<Finding> problems = own.stream().filter(f -> f.status() != Status.PASS).toList();
            List<Finding> passes = own.stream().filter(f -> f.status() == Status.PASS).toList();
            boolean listPasses = passes.size() <= PASSES_LISTED;
            List<Map<String, Object>> rows = new ArrayList<>(problems.stream().map(f -> FindingRows.row(f, LegalReading.of(model, framework, f))).toList());
            if (listPasses) {
                passes.stream().map(FindingRows::row).forEach(rows::add);
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", control.id());
            view.put("title", control.title());
            view.put("severity", control.severity().label());
            view.put("articles", articles.stream()
                    .map(ref -> model.frameworkCatalog().provision(framework, ref).map(p -> ref + " (" + p.title() + ")").orElse(ref))
                    .collect(Collectors.joining("; ")));
            view.put("rationale", control.rationale());
            view.put("remediation", control.remediation());
            view.put("query", control.query().strip());
            view.put("queryFile", control.queryFile());
            view.put("parameters", control.parameters().toString());
            view.put("hasParameters", !control.parameters().isEmpty());
            view.put("counts", StatusCounts.of(own));
            view.put("result", result(own));
            view.put("findings", rows);
            view.put("hasFindings", !rows.isEmpty());
            view.put("passSummary", listPasses ? null : passesByRegion(passes));
            view.put("hasPassSummary", !listPasses);
            view.put("noResource", own.isEmpty());
            controls.add(view);
        }
        return controls;
    }

    /** Excepted problems are still problems: "FAIL - excepted (EX-1, EX-2)", never a pass. */
    private static String excepted(List<Finding> own) {
        List<Finding> waived = own.stream().filter(f -> f.status() == Status.WAIVED).toList();
        String original = waived.stream().anyMatch(f -> !Status.UNVERIFIED.name().equals(f.evidence().get("waived_status")))
                ? Status.FAIL.name() : Status.UNVERIFIED.name();
        String ids = waived.stream().map(Finding::exceptionId).filter(Objects::nonNull).distinct().sorted()
                .collect(Collectors.joining(", "));
        return original + " - excepted" + (ids.isEmpty() ? "" : " (" + ids + ")");
    }

    private static String passesByRegion(List<Finding> passes) {
        Map<String, Long> byRegion = passes.stream()
                .collect(Collectors.groupingBy(f -> Objects.toString(f.region(), "-"), TreeMap::new, Collectors.counting()));
        return passes.size() + " resources passed (" + byRegion.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String result(List<Finding> own) {
        return own.stream().anyMatch(f -> f.status() == Status.FAIL) ? "FAIL"
                : own.stream().anyMatch(f -> f.status() == Status.UNVERIFIED) ? "UNVERIFIED"
                : own.isEmpty() ? "NOT APPLICABLE" : own.stream().anyMatch(f -> f.status() == Status.WAIVED) ? excepted(own) : "PASS";
    }
}
