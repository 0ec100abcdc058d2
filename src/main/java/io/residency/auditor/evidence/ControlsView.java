package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Each control the framework maps: its result, the provisions it supports, its findings and the query that judged them. */
final class ControlsView {

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
            view.put("findings", own.stream().map(f -> FindingRows.row(f, LegalReading.of(model, framework, f))).toList());
            view.put("hasFindings", !own.isEmpty());
            controls.add(view);
        }
        return controls;
    }

    /** Excepted problems are still problems: "FAIL - excepted (EX-1, EX-2)", never a pass. */
    private static String excepted(List<Finding> own) {
        List<Finding> waived = own.stream().filter(f -> f.status() == Status.WAIVED).toList();
        String original = waived.stream().anyMatch(f -> !Status.UNVERIFIED.name().equals(f.evidence().get("waived_status")))
                ? Status.FAIL.name() : Status.UNVERIFIED.name();
        String ids = waived.stream().map(Finding::exceptionId).filter(java.util.Objects::nonNull).distinct().sorted()
                .collect(Collectors.joining(", "));
        return original + " - excepted" + (ids.isEmpty() ? "" : " (" + ids + ")");
    }

    private static String result(List<Finding> own) {
        return own.stream().anyMatch(f -> f.status() == Status.FAIL) ? "FAIL"
                : own.stream().anyMatch(f -> f.status() == Status.UNVERIFIED) ? "UNVERIFIED"
                : own.isEmpty() ? "NOT APPLICABLE" : own.stream().anyMatch(f -> f.status() == Status.WAIVED) ? excepted(own) : "PASS";
    }
}
