package io.residency.auditor.collect.config;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A source kind whose configuration can also be read from the values of its Helm charts ({@code format: helm-values}). */
public interface HelmChartKind extends SourceKind {

    /** The charts whose values it understands, e.g. {@code grafana/loki}. */
    List<String> helmCharts();

    /** Rebuilds the parts of the config that the charts generate from these values, for {@link #parse}. */
    JsonNode fromHelmValues(JsonNode values);
}
