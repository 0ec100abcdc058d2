package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.facts.EgressFact;
import io.residency.auditor.facts.SourceFact;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.ResolvedFinding;
import io.residency.auditor.findings.Status;
import io.residency.auditor.findings.WaiverOutcome;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The view of one framework's evidence report, as plain maps and lists for the Mustache template:
 * what the auditor reads, in the order they read it.
 */
final class ReportView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Set<String> FLOW_CONTROLS = Set.of("RES-LOKI-STORAGE", "RES-TEMPO-STORAGE", "RES-EGRESS", "RES-BUCKET-REPLICATION");
    private static final Set<String> METRIC_SOURCES = Set.of("prometheus", "thanos-objstore");
    private static final int BOXES_PER_ROW = 3;

    private ReportView() {
    }

    static Map<String, Object> of(EvidenceModel model, String framework) {
        List<Finding> findings = model.findings().stream().filter(f -> f.frameworks().contains(framework)).toList();
        List<String> jurisdictions = model.frameworksOf().entrySet().stream()
                .filter(e -> e.getValue().contains(framework)).map(Map.Entry::getKey).sorted().toList();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("framework", framework);
        view.put("title", framework + " data residency evidence");
        view.put("scope", jurisdictions.stream()
                .map(j -> j + " (" + String.join(", ", model.jurisdictions().getOrDefault(j, List.of())) + ")")
                .collect(Collectors.joining("; ")));
        view.put("run", runFacts(model));
        view.put("summary", summary(findings));
        view.put("totals", totals(findings));
        view.put("newFindings", findings.stream().filter(f -> "new".equals(f.lifecycle())).map(ReportView::findingRow).toList());
        List<ResolvedFinding> resolved = model.resolved().stream()
                .filter(r -> findings.stream().noneMatch(f -> f.fingerprint().equals(r.fingerprint()) && f.status().isProblem()))
                .filter(r -> controlFrameworks(model, r.controlId()).contains(framework))
                .toList();
        view.put("resolved", resolved.stream().map(r -> Map.of("control", r.controlId(), "region", Objects.toString(r.region(), "-"),
                "resource", r.resource(), "was", r.previousStatus(), "now", r.nowStatus() == null ? "gone" : r.nowStatus())).toList());
        view.put("hasNew", findings.stream().anyMatch(f -> "new".equals(f.lifecycle())));
        view.put("hasResolved", !resolved.isEmpty());
        view.put("hasWaivers", !model.waivers().isEmpty());
        view.put("hasChanges", !resolved.isEmpty() || findings.stream().anyMatch(f -> "new".equals(f.lifecycle())));
        view.put("diagram", diagram(model, findings, jurisdictions));
        view.put("controls", controls(model, findings, framework));
        view.put("waivers", model.waivers().stream().map(ReportView::waiverRow).toList());
        view.put("inputs", inputs(model));
        model.frameworkCatalog().framework(framework).ifPresent(f -> {
            view.put("frameworkName", f.name());
            view.put("frameworkSource", f.source());
            view.put("provisions", f.provisions().stream().map(p -> Map.of("ref", p.ref(), "title", p.title(), "why", p.why(),
                    "controls", model.controls().stream().filter(c -> c.frameworks().getOrDefault(framework, List.of()).contains(p.ref()))
                            .map(ControlDefinition::id).collect(Collectors.collectingAndThen(Collectors.joining(", "),
                                    ids -> ids.isEmpty() ? "-" : ids)))).toList());
        });
        NotTestedView.addTo(view, model, framework);
        return view;
    }

    private static Map<String, Object> runFacts(EvidenceModel model) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", model.run().runId());
        run.put("estate", model.run().estateId());
        run.put("mode", model.run().mode());
        run.put("started", TIME.format(model.run().startedAt()));
        run.put("version", model.run().auditorVersion());
        run.put("policy", model.run().policySource());
        run.put("policySha", model.run().policySha256());
        run.put("estateSha", model.run().estateSha256());
        run.put("waivers", model.waiversSource() == null ? "none" : model.waiversSource());
        run.put("waiversSha", model.run().waiversSha256());
        run.put("hasWaivers", model.run().waiversSha256() != null);
        run.put("keys", KeyStatements.forReport(model.keys()));
        return run;
    }

    /** One row per region: how many findings of each status. */
    private static List<Map<String, Object>> summary(List<Finding> findings) {
        Map<String, List<Finding>> byRegion = findings.stream()
                .collect(Collectors.groupingBy(f -> Objects.toString(f.region(), "-"), java.util.TreeMap::new, Collectors.toList()));
        List<Map<String, Object>> rows = new ArrayList<>();
        byRegion.forEach((region, list) -> {
            Map<String, Object> row = new LinkedHashMap<>(counts(list));
            row.put("region", region);
            rows.add(row);
        });
        return rows;
    }

    private static Map<String, Object> totals(List<Finding> findings) {
        Map<String, Object> totals = new LinkedHashMap<>(counts(findings));
        totals.put("verdict", findings.stream().anyMatch(f -> f.status() == Status.FAIL) ? "violations found"
                : findings.stream().anyMatch(f -> f.status() == Status.UNVERIFIED) ? "not fully verified" : "compliant");
        totals.put("verdictClass", findings.stream().anyMatch(f -> f.status() == Status.FAIL) ? "fail"
                : findings.stream().anyMatch(f -> f.status() == Status.UNVERIFIED) ? "unverified" : "pass");
        return totals;
    }

    private static Map<String, Object> counts(List<Finding> findings) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            counts.put(status.name().toLowerCase(), findings.stream().filter(f -> f.status() == status).count());
        }
        return counts;
    }

    /**
     * The data-flow picture: a box per region with the stores it writes to, and an arrow for each
     * flow that leaves a region, coloured by the control's result. Federation of aggregated metrics
     * to the central querier is drawn too, as an allowed flow.
     */
    private static Map<String, Object> diagram(EvidenceModel model, List<Finding> findings, List<String> jurisdictions) {
        Map<String, String> jurisdictionOf = new LinkedHashMap<>();
        model.jurisdictions().forEach((j, regions) -> regions.forEach(r -> jurisdictionOf.put(r, j)));
        Set<String> regions = new LinkedHashSet<>();
        List<Map<String, Object>> arrows = new ArrayList<>();
        Map<String, List<Map<String, Object>>> inside = new LinkedHashMap<>();
        for (Finding finding : findings) {
            if (!FLOW_CONTROLS.contains(finding.controlId()) || finding.region() == null) {
                continue;
            }
            String from = text(finding.evidence().getOrDefault("origin_region", finding.region()));
            String to = text(finding.evidence().getOrDefault("destination_region", finding.evidence().get("declared_region")));
            String label = label(finding);
            regions.add(from == null ? finding.region() : from);
            if (to != null) {
                regions.add(to);
            }
            if (to != null && to.equals(from)) {
                inside.computeIfAbsent(from, r -> new ArrayList<>()).add(Map.of("label", label, "css", css(finding.status())));
            } else {
                arrows.add(arrow(from == null ? "?" : from, to == null ? "?" : to, label, css(finding.status()), finding.status().name()));
            }
        }
        // Federation: each region whose metrics the central querier reads sends it aggregated series.
        model.egress().stream().filter(flow -> "metrics-aggregate".equals(flow.dataClass()) && flow.originRegion() != null)
                .map(EgressFact::originRegion).distinct().forEach(querierRegion -> model.sources().stream()
                        .filter(s -> METRIC_SOURCES.contains(s.kind()) && !s.region().equals(querierRegion) && regions.contains(s.region()))
                        .map(SourceFact::region).distinct()
                        .forEach(region -> arrows.add(federationArrow(region, querierRegion, findings))));
        List<Map<String, Object>> boxes = new ArrayList<>();
        for (String region : regions) {
            Map<String, Object> box = new LinkedHashMap<>();
            box.put("region", region);
            box.put("jurisdiction", jurisdictionOf.getOrDefault(region, "no jurisdiction"));
            box.put("inScope", jurisdictions.contains(jurisdictionOf.get(region)));
            String stacks = model.sources().stream().filter(s -> s.region().equals(region))
                    .map(SourceFact::kind).distinct().sorted().collect(Collectors.joining(", "));
            box.put("stacks", stacks.isEmpty() ? "none audited (a destination only)" : stacks);
            box.put("flows", inside.getOrDefault(region, List.of()));
            boxes.add(box);
        }
        Map<String, Object> diagram = new LinkedHashMap<>();
        // At most three region boxes side by side, so each stays readable on an A4 page.
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i += BOXES_PER_ROW) {
            List<Map<String, Object>> cells = boxes.subList(i, Math.min(boxes.size(), i + BOXES_PER_ROW));
            rows.add(Map.of("cells", cells, "width", (100 / cells.size()) + "%"));
        }
        diagram.put("rows", rows);
        diagram.put("arrows", arrows);
        diagram.put("empty", boxes.isEmpty());
        diagram.put("hasArrows", !arrows.isEmpty());
        return diagram;
    }

    /**
     * Federation of aggregated metrics is allowed, unless the region's federated series were found
     * carrying personal data (or could not be checked, or the finding is waived): then the arrow shows that result.
     */
    private static Map<String, Object> federationArrow(String region, String querierRegion, List<Finding> findings) {
        Optional<Status> pii = findings.stream()
                .filter(f -> f.controlId().equals("RES-METRICS-PII") && region.equals(f.region()))
                .map(Finding::status).filter(s -> s != Status.PASS)
                .min(Comparator.naturalOrder()); // FAIL before UNVERIFIED before WAIVED
        String label = "federation of aggregated metrics to the central Thanos Querier";
        if (pii.isEmpty()) {
            return arrow(region, querierRegion, label, "federation", "ALLOWED");
        }
        String why = switch (pii.get()) {
            case FAIL -> "; the series carry personal data";
            case UNVERIFIED -> "; personal data not checked";
            default -> "; personal data in the series, waived";
        };
        return arrow(region, querierRegion, label + why, css(pii.get()), pii.get().name());
    }

    private static Map<String, Object> arrow(String from, String to, String label, String css, String status) {
        return Map.of("from", from, "to", to, "label", label, "css", css, "status", status);
    }

    private static String label(Finding finding) {
        if (finding.evidence().containsKey("destination_bucket")) {
            return "replication " + finding.resource();
        }
        Object bucket = finding.evidence().get("bucket");
        Object endpoint = finding.evidence().get("endpoint");
        String component = finding.resource().contains(" ") ? finding.resource().substring(0, finding.resource().indexOf(' ')) : finding.resource();
        String target = bucket != null ? "s3://" + bucket : endpoint != null ? endpoint.toString() : finding.resource();
        return component + " -> " + target;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String css(Status status) {
        return status.name().toLowerCase();
    }

    private static List<Map<String, Object>> controls(EvidenceModel model, List<Finding> findings, String framework) {
        List<Map<String, Object>> controls = new ArrayList<>();
        for (ControlDefinition control : model.controls()) {
            List<String> articles = control.frameworks().get(framework);
            if (articles == null) {
                continue;
            }
            List<Finding> own = findings.stream().filter(f -> f.controlId().equals(control.id())).toList();
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
            view.put("counts", counts(own));
            view.put("result", own.stream().anyMatch(f -> f.status() == Status.FAIL) ? "FAIL"
                    : own.stream().anyMatch(f -> f.status() == Status.UNVERIFIED) ? "UNVERIFIED"
                    : own.isEmpty() ? "NOT APPLICABLE" : own.stream().anyMatch(f -> f.status() == Status.WAIVED) ? "PASS (with waivers)" : "PASS");
            view.put("findings", own.stream().map(ReportView::findingRow).toList());
            view.put("hasFindings", !own.isEmpty());
            controls.add(view);
        }
        return controls;
    }

    private static Map<String, Object> findingRow(Finding finding) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("control", finding.controlId());
        row.put("status", finding.status().name());
        row.put("css", css(finding.status()));
        row.put("region", Objects.toString(finding.region(), "-"));
        row.put("resource", finding.resource());
        row.put("message", finding.message());
        row.put("lifecycle", Objects.toString(finding.lifecycle(), ""));
        row.put("firstSeen", TIME.format(finding.firstSeen()));
        row.put("fingerprint", finding.fingerprint());
        row.put("evidence", finding.evidence().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        return row;
    }

    private static Map<String, Object> waiverRow(WaiverOutcome outcome) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("control", outcome.waiver().control());
        row.put("scope", outcome.waiver().fingerprint() != null ? "fingerprint " + outcome.waiver().fingerprint() : outcome.waiver().resource());
        row.put("reason", outcome.waiver().reason());
        row.put("approver", outcome.waiver().approver());
        row.put("expires", outcome.waiver().expires().toString());
        row.put("state", outcome.expired() ? "EXPIRED: no longer applied" : "in force");
        row.put("css", outcome.expired() ? "fail" : "waived");
        row.put("matched", outcome.matched());
        return row;
    }

    private static List<Map<String, Object>> inputs(EvidenceModel model) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        inputs.add(Map.of("name", "estate " + model.run().estateId(), "location", model.estateSource(), "sha", model.run().estateSha256(),
                "status", "read"));
        inputs.add(Map.of("name", "policy", "location", model.run().policySource(), "sha", model.run().policySha256(), "status", "read"));
        if (model.waiversSource() != null) {
            inputs.add(Map.of("name", "waivers", "location", model.waiversSource(), "sha", model.run().waiversSha256(), "status", "read"));
        }
        for (SourceFact source : model.sources()) {
            inputs.add(Map.of("name", source.sourceId() + " (" + source.kind() + ")", "location", source.location(),
                    "sha", Objects.toString(source.contentSha256(), "-"),
                    "status", source.reason() == null ? "read" : "NOT READ: " + source.reason()));
        }
        return inputs;
    }

    private static Set<String> controlFrameworks(EvidenceModel model, String controlId) {
        return model.controls().stream().filter(c -> c.id().equals(controlId)).findFirst()
                .map(c -> c.frameworks().keySet()).orElse(Set.of());
    }
}
