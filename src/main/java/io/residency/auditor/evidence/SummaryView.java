package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The verdict and the counts by status, per region and in total. */
final class SummaryView {

    private SummaryView() {
    }

    static Map<String, Object> of(ReportScope scope) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("summary", byRegion(scope.findings()));
        view.put("totals", totals(scope.findings()));
        return view;
    }

    /** One row per region: how many findings of each status. */
    private static List<Map<String, Object>> byRegion(List<Finding> findings) {
        Map<String, List<Finding>> byRegion = findings.stream()
                .collect(Collectors.groupingBy(f -> Objects.toString(f.region(), "-"), TreeMap::new, Collectors.toList()));
        List<Map<String, Object>> rows = new ArrayList<>();
        byRegion.forEach((region, list) -> {
            Map<String, Object> row = new LinkedHashMap<>(StatusCounts.of(list));
            row.put("region", region);
            rows.add(row);
        });
        return rows;
    }

    private static Map<String, Object> totals(List<Finding> findings) {
        Map<String, Object> totals = new LinkedHashMap<>(StatusCounts.of(findings));
        totals.put("verdict", findings.stream().anyMatch(f -> f.status() == Status.FAIL) ? "violations found"
                : findings.stream().anyMatch(f -> f.status() == Status.UNVERIFIED) ? "not fully verified" : "compliant");
        totals.put("verdictClass", findings.stream().anyMatch(f -> f.status() == Status.FAIL) ? "fail"
                : findings.stream().anyMatch(f -> f.status() == Status.UNVERIFIED) ? "unverified" : "pass");
        return totals;
    }
}
