package io.residency.auditor.evidence;

import io.residency.auditor.facts.EgressFact;
import io.residency.auditor.facts.SourceFact;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The data-flow picture: a box per region with the stores it writes to, and an arrow for each
 * flow that leaves a region, coloured by the control's result. Federation of aggregated metrics
 * to the central querier is drawn too, as an allowed flow.
 */
final class DataFlowDiagramView implements Consumer<Finding> {

    private static final Set<String> FLOW_CONTROLS = Set.of("RES-LOKI-STORAGE", "RES-TEMPO-STORAGE", "RES-EGRESS", "RES-BUCKET-REPLICATION");
    private static final Set<String> METRIC_SOURCES = Set.of("prometheus", "thanos-objstore");
    private static final int BOXES_PER_ROW = 3;
    private static final int FLOWS_IN_BOX = 6;

    private final EvidenceModel model;
    private final ReportScope scope;
    private final Set<String> regions = new LinkedHashSet<>();
    /** Arrows grouped by origin, destination and status as the findings pass: the picture keeps its size at scale. */
    private final Map<String, ArrowGroup> arrows = new LinkedHashMap<>();
    /** Region to the first flows inside it, enough to draw; {@link BoundedRows#total()} counts them all. */
    private final Map<String, BoundedRows<Map<String, Object>>> inside = new LinkedHashMap<>();
    /** Region to the statuses RES-METRICS-PII gave its series. */
    private final Map<String, Set<Status>> personalData = new LinkedHashMap<>();

    DataFlowDiagramView(EvidenceModel model, ReportScope scope) {
        this.model = model;
        this.scope = scope;
    }

    /** The first arrow of a group, and how many fell into it. */
    private static final class ArrowGroup {
        final Map<String, Object> first;
        int count;

        ArrowGroup(Map<String, Object> first) {
            this.first = first;
        }
    }

    @Override
    public void accept(Finding finding) {
        if (finding.controlId().equals("RES-METRICS-PII") && finding.region() != null) {
            personalData.computeIfAbsent(finding.region(), r -> EnumSet.noneOf(Status.class)).add(finding.status());
        }
        if (!FLOW_CONTROLS.contains(finding.controlId()) || finding.region() == null) {
            return;
        }
        String from = text(finding.evidence().getOrDefault("origin_region", finding.region()));
        String to = text(finding.evidence().getOrDefault("destination_region", finding.evidence().get("declared_region")));
        String label = label(finding);
        regions.add(from == null ? finding.region() : from);
        if (to != null) {
            regions.add(to);
        }
        if (to != null && to.equals(from)) {
            inside.computeIfAbsent(from, r -> new BoundedRows<>(FLOWS_IN_BOX)).add(Map.of("label", label, "css", FindingRows.css(finding.status())));
        } else {
            add(arrow(from == null ? "?" : from, to == null ? "?" : to, label, FindingRows.css(finding.status()), finding.status().name()));
        }
    }

    Map<String, Object> view() {
        List<String> jurisdictions = scope.jurisdictions();
        Map<String, String> jurisdictionOf = new LinkedHashMap<>();
        model.jurisdictions().forEach((j, regions) -> regions.forEach(r -> jurisdictionOf.put(r, j)));
        // Federation: each region whose metrics the central querier reads sends it aggregated series.
        model.egress().stream().filter(flow -> "metrics-aggregate".equals(flow.dataClass()) && flow.originRegion() != null)
                .map(EgressFact::originRegion).distinct().forEach(querierRegion -> model.sources().stream()
                        .filter(s -> METRIC_SOURCES.contains(s.kind()) && !s.region().equals(querierRegion) && regions.contains(s.region()))
                        .map(SourceFact::region).distinct()
                        .forEach(region -> add(federationArrow(region, querierRegion, personalData.getOrDefault(region, Set.of())))));
        List<Map<String, Object>> drawn = grouped();
        List<Map<String, Object>> boxes = new ArrayList<>();
        for (String region : regions) {
            Map<String, Object> box = new LinkedHashMap<>();
            box.put("region", region);
            box.put("jurisdiction", jurisdictionOf.getOrDefault(region, "no jurisdiction"));
            box.put("inScope", jurisdictions.contains(jurisdictionOf.get(region)));
            String stacks = model.sources().stream().filter(s -> s.region().equals(region))
                    .map(SourceFact::kind).distinct().sorted().collect(Collectors.joining(", "));
            box.put("stacks", stacks.isEmpty() ? "none audited (a destination only)" : stacks);
            box.put("flows", capped(inside.get(region)));
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
        diagram.put("arrows", drawn);
        diagram.put("empty", boxes.isEmpty());
        diagram.put("hasArrows", !drawn.isEmpty());
        return diagram;
    }

    private void add(Map<String, Object> arrow) {
        arrows.computeIfAbsent(arrow.get("from") + "\n" + arrow.get("to") + "\n" + arrow.get("status"), k -> new ArrowGroup(arrow)).count++;
    }

    /**
     * Federation of aggregated metrics is allowed, but the arrow says ALLOWED only where RES-METRICS-PII
     * examined the region's series and found no personal data. Otherwise it shows what was found:
     * personal data, series that could not be checked, a waiver, or no check at all in this run.
     */
    private static Map<String, Object> federationArrow(String region, String querierRegion, Set<Status> pii) {
        String label = "federation of aggregated metrics to the central Thanos Querier";
        if (pii.isEmpty()) {
            return arrow(region, querierRegion, label + "; personal data not checked in this run", "unverified", "NOT TESTED");
        }
        Optional<Status> worst = pii.stream().filter(s -> s != Status.PASS).min(Comparator.naturalOrder()); // FAIL, UNVERIFIED, WAIVED
        if (worst.isEmpty()) {
            return arrow(region, querierRegion, label, "federation", "ALLOWED");
        }
        String why = switch (worst.get()) {
            case FAIL -> "; the series carry personal data";
            case UNVERIFIED -> "; personal data not checked";
            default -> "; personal data in the series, waived";
        };
        return arrow(region, querierRegion, label + why, FindingRows.css(worst.get()), worst.get().name());
    }

    /**
     * One arrow per origin, destination and status, so the picture keeps its size at scale: several
     * flows on the same arrow are counted and the first named (each one is listed under its control).
     */
    private List<Map<String, Object>> grouped() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (ArrowGroup group : arrows.values()) {
            Map<String, Object> first = group.first;
            if (group.count == 1) {
                result.add(first);
            } else {
                result.add(arrow((String) first.get("from"), (String) first.get("to"),
                        group.count + " flows, e.g. " + first.get("label"), (String) first.get("css"), (String) first.get("status")));
            }
        }
        return result;
    }

    /** At most {@value #FLOWS_IN_BOX} flows named inside a region's box; the rest are counted. */
    private static List<Map<String, Object>> capped(BoundedRows<Map<String, Object>> flows) {
        if (flows == null) {
            return List.of();
        }
        if (flows.total() <= FLOWS_IN_BOX) {
            return flows.shown();
        }
        List<Map<String, Object>> shown = new ArrayList<>(flows.shown().subList(0, FLOWS_IN_BOX - 1));
        shown.add(Map.of("label", "and " + (flows.total() - FLOWS_IN_BOX + 1) + " more flows inside the region", "css", "pass"));
        return shown;
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
        String target = bucket != null ? store(finding.evidence().get("backend"), bucket, endpoint)
                : endpoint != null ? endpoint.toString() : finding.resource();
        return component + " -> " + target;
    }

    /** A store as the storage controls write it (StorageLocation.target): never s3:// for a store that is not S3. */
    private static String store(Object backend, Object bucket, Object endpoint) {
        String kind = backend == null ? "s3" : backend.toString();
        return switch (kind) {
            case "s3", "aws" -> "s3://" + bucket;
            case "gcs" -> "gs://" + bucket;
            case "azure" -> endpoint == null ? "azure container " + bucket : "https://" + endpoint + "/" + bucket;
            default -> kind + "://" + bucket;
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
