package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The verdict and the counts by status, per region and in total: counted as the findings pass. */
final class SummaryView implements Consumer<Finding> {

    private final StatusCounts totals = new StatusCounts();
    private final Map<String, StatusCounts> byRegion = new TreeMap<>();

    @Override
    public void accept(Finding finding) {
        totals.add(finding);
        byRegion.computeIfAbsent(Objects.toString(finding.region(), "-"), region -> new StatusCounts()).add(finding);
    }

    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("summary", byRegion());
        view.put("totals", totals());
        return view;
    }

    /** One row per region: how many findings of each status. */
    private List<Map<String, Object>> byRegion() {
        List<Map<String, Object>> rows = new ArrayList<>();
        byRegion.forEach((region, counts) -> {
            Map<String, Object> row = counts.asMap();
            row.put("region", region);
            rows.add(row);
        });
        return rows;
    }

    private Map<String, Object> totals() {
        Map<String, Object> view = totals.asMap();
        String verdict = Verdict.unqualified(totals);
        view.put("verdict", verdict);
        view.put("verdictClass", switch (verdict) {
            case "violations found" -> "fail";
            case "not fully verified" -> "unverified";
            default -> "pass";
        });
        return view;
    }
}
