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
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Each control the framework maps: its result, the provisions it supports, its problems (FAIL,
 * UNVERIFIED, WAIVED) and its passes. Problems are listed up to {@value #PROBLEMS_LISTED} per control,
 * then counted with a pointer to the framework's CSV; passes are listed while they are few and past
 * {@value #PASSES_LISTED} counted by region. So the PDF keeps its size at scale (the CSV and JSON list
 * every finding), and the view keeps only what it lists as the findings pass. The query that judged
 * them is quoted in the appendix.
 */
final class ControlsView implements Consumer<Finding> {

    /** Above this many passes, a control's passes are summarised by region instead of listed. */
    static final int PASSES_LISTED = 12;
    /** A control's problems listed in the PDF; the rest are counted and found in the CSV. */
    static final int PROBLEMS_LISTED = 50;

    private final EvidenceModel model;
    private final String framework;
    private final Map<String, Control> controls = new LinkedHashMap<>();

    ControlsView(EvidenceModel model, String framework) {
        this.model = model;
        this.framework = framework;
    }

    /** What one control's section keeps: counts, and bounded lists. */
    private static final class Control {
        final StatusCounts counts = new StatusCounts();
        final BoundedRows<Finding> problems = new BoundedRows<>(PROBLEMS_LISTED);
        final BoundedRows<Finding> passes = new BoundedRows<>(PASSES_LISTED);
        final Map<String, Long> passesByRegion = new TreeMap<>();
        final TreeSet<String> exceptionIds = new TreeSet<>();
        boolean exceptedFailure;
    }

    @Override
    public void accept(Finding finding) {
        Control control = controls.computeIfAbsent(finding.controlId(), id -> new Control());
        control.counts.add(finding);
        if (finding.status() == Status.PASS) {
            control.passes.add(finding);
            control.passesByRegion.merge(Objects.toString(finding.region(), "-"), 1L, Long::sum);
            return;
        }
        control.problems.add(finding);
        if (finding.status() == Status.WAIVED) {
            control.exceptedFailure |= !Status.UNVERIFIED.name().equals(finding.evidence().get("waived_status"));
            if (finding.exceptionId() != null) {
                control.exceptionIds.add(finding.exceptionId());
            }
        }
    }

    List<Map<String, Object>> view() {
        String csv = ReportScope.findingsCsv(model, framework);
        List<Map<String, Object>> views = new ArrayList<>();
        for (ControlDefinition definition : model.controls()) {
            List<String> articles = model.frameworkCatalog().framework(framework).map(f -> f.refsOf(definition.id())).orElse(List.of());
            if (articles.isEmpty()) {
                continue;
            }
            Control own = controls.getOrDefault(definition.id(), new Control());
            boolean listPasses = own.passes.total() <= PASSES_LISTED;
            List<Map<String, Object>> rows = new ArrayList<>(own.problems.shown().stream()
                    .map(f -> FindingRows.row(f, LegalReading.of(model, framework, f))).toList());
            if (listPasses) {
                own.passes.shown().stream().map(FindingRows::row).forEach(rows::add);
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", definition.id());
            view.put("title", definition.title());
            view.put("severity", definition.severity().label());
            view.put("articles", articles.stream()
                    .map(ref -> model.frameworkCatalog().provision(framework, ref).map(p -> ref + " (" + p.title() + ")").orElse(ref))
                    .collect(Collectors.joining("; ")));
            view.put("rationale", definition.rationale());
            view.put("remediation", definition.remediation());
            view.put("query", definition.query().strip());
            view.put("queryFile", definition.queryFile());
            view.put("parameters", definition.parameters().toString());
            view.put("hasParameters", !definition.parameters().isEmpty());
            view.put("counts", own.counts.asMap());
            view.put("result", result(own));
            view.put("findings", rows);
            view.put("hasFindings", !rows.isEmpty());
            view.put("moreProblems", own.problems.more() == 0 ? null
                    : own.problems.more() + " more findings of this control: see " + csv + " (covered by the manifest)");
            view.put("passSummary", listPasses ? null : passesByRegion(own));
            view.put("hasPassSummary", !listPasses);
            view.put("noResource", own.counts.total() == 0);
            views.add(view);
        }
        return views;
    }

    /** Excepted problems are still problems: "FAIL - excepted (EX-1, EX-2)", never a pass. */
    private static String excepted(Control own) {
        String ids = String.join(", ", own.exceptionIds);
        return (own.exceptedFailure ? Status.FAIL.name() : Status.UNVERIFIED.name()) + " - excepted" + (ids.isEmpty() ? "" : " (" + ids + ")");
    }

    private static String passesByRegion(Control own) {
        return own.passes.total() + " resources passed (" + own.passesByRegion.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String result(Control own) {
        StatusCounts counts = own.counts;
        return counts.count(Status.FAIL) > 0 ? "FAIL"
                : counts.count(Status.UNVERIFIED) > 0 ? "UNVERIFIED"
                : counts.total() == 0 ? "NOT APPLICABLE" : counts.count(Status.WAIVED) > 0 ? excepted(own) : "PASS";
    }
}
