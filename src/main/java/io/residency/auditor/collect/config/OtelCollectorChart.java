package io.residency.auditor.collect.config;

import static io.residency.auditor.collect.config.HelmValues.path;

import io.residency.auditor.estate.VersionRange;
import java.util.Optional;

/**
 * The open-telemetry/opentelemetry-collector chart: {@link OtelCollectorKind#fromHelmValues} renders
 * it (config over the chart's default pipelines, or alternateConfig); lines point at config: or alternateConfig:.
 */
final class OtelCollectorChart implements HelmChart {

    private final OtelCollectorKind kind = new OtelCollectorKind();

    @Override
    public String name() {
        return OtelCollectorKind.CHART;
    }

    @Override
    public String kind() {
        return kind.name();
    }

    @Override
    public VersionRange modelled() {
        return VersionRange.between(0, 0, 0, 1, 0, 0);
    }

    @Override
    public Optional<String> misfit(HelmValues values) {
        for (String other : new String[] {"loki", "tempo"}) {
            if (values.has(other)) {
                return Optional.of(values.where(other) + " is read by the " + other + " charts, not the collector's");
            }
        }
        return Optional.empty();
    }

    @Override
    public RenderedChart render(HelmValues values) {
        RenderedChart out = new RenderedChart(values);
        boolean alternate = values.at("alternateConfig").isObject() && !values.at("alternateConfig").isEmpty();
        kind.fromHelmValues(values.root()).properties().forEach(entry ->
                out.set(path(entry.getKey()), entry.getValue(), path(alternate ? "alternateConfig" : "config", entry.getKey())));
        return out;
    }
}
