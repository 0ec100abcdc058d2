package io.residency.auditor.collect.config;

/**
 * A span attribute that a collector connector ({@code spanmetrics}, {@code servicegraph}) turns into a
 * label of the metrics it emits.
 *
 * @param configPath      where the attribute is named, e.g. {@code connectors.spanmetrics.dimensions[2].name}
 * @param connector       the connector id, type/name
 * @param attribute       the attribute copied
 * @param personalPattern the policy's label-name pattern it matches, or {@code null}
 * @param exportedBy      the exporters that send the connector's metrics on, sorted and comma-joined; "" for none
 */
public record ConnectorDimension(String configPath, String connector, String attribute, String personalPattern, String exportedBy) {
}
