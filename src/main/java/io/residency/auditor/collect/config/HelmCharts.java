package io.residency.auditor.collect.config;

import io.residency.auditor.estate.ChartReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The charts whose values the auditor renders, and each kind's default chart (used when the estate
 * names none, so estates written before {@code chart:} read as they did). A chart not listed is
 * never guessed at: its values are refused with the way to audit them (render, then configmap).
 */
final class HelmCharts {

    private static final Map<String, String> DEFAULT_BY_KIND = Map.of(
            "loki", LokiChart.NAME,
            "tempo", TempoChart.NAME,
            "otel-collector", OtelCollectorKind.CHART);

    private final Map<String, HelmChart> byName = new LinkedHashMap<>();

    HelmCharts() {
        for (HelmChart chart : List.of(new LokiChart(), new LokiDistributedChart(), new TempoChart(), new TempoDistributedChart(),
                new OtelCollectorChart())) {
            byName.put(chart.name(), chart);
        }
    }

    /** The names, sorted, for messages and the README. */
    List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    /** The chart that renders these values of {@code kind}: the estate's, else the kind's default. */
    HelmChart chartFor(String kind, String estateChart) throws SourceReadException {
        if (estateChart == null) {
            String name = DEFAULT_BY_KIND.get(kind);
            if (name == null) {
                throw new SourceReadException("format helm-values is not read for kind " + kind + "; expected format raw or configmap");
            }
            return byName.get(name);
        }
        ChartReference reference;
        try {
            reference = ChartReference.parse(estateChart);
        } catch (IllegalArgumentException e) {
            throw new SourceReadException("chart: " + e.getMessage());
        }
        HelmChart chart = Optional.ofNullable(byName.get(reference.name())).orElseThrow(() -> new SourceReadException(
                "chart " + reference.name() + " not supported: render it (helm template) and use format configmap; the charts read"
                        + " from values are " + String.join(", ", names())));
        if (!chart.kind().equals(kind)) {
            throw new SourceReadException("chart " + chart.name() + " renders a " + chart.kind() + " config, not " + kind
                    + "; expected kind " + chart.kind() + " for it, or the chart of kind " + kind);
        }
        // Without a range the estate does not say which version: the modelled templates are read, as for the default chart.
        if (!reference.range().equals(io.residency.auditor.estate.VersionRange.ANY) && !reference.range().within(chart.modelled())) {
            throw new SourceReadException("chart " + reference + ": only " + chart.name() + " " + chart.modelled()
                    + " is modelled, and the estate's range reaches outside it; render that version (helm template) and use format configmap");
        }
        return chart;
    }
}
