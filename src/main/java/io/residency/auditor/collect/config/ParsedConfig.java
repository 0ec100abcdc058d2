package io.residency.auditor.collect.config;

import java.util.List;

/**
 * What a parser found in one configuration.
 *
 * @param dimensions attributes a collector's connectors copy into metrics (OpenTelemetry Collector only)
 * @param processors a collector's transform and redaction processors (OpenTelemetry Collector only)
 * @param externalLabels a Prometheus's global.external_labels (Prometheus only); {@code null} for other kinds
 */
public record ParsedConfig(List<StorageLocation> storage, List<EgressTarget> egress, List<RetentionSetting> retention,
                           List<ConnectorDimension> dimensions, List<RedactingProcessor> processors, ExternalLabels externalLabels) {

    public ParsedConfig {
        storage = List.copyOf(storage);
        egress = List.copyOf(egress);
        retention = List.copyOf(retention);
        dimensions = List.copyOf(dimensions);
        processors = List.copyOf(processors);
    }

    /** A component that sets no external labels. */
    public ParsedConfig(List<StorageLocation> storage, List<EgressTarget> egress, List<RetentionSetting> retention,
                        List<ConnectorDimension> dimensions, List<RedactingProcessor> processors) {
        this(storage, egress, retention, dimensions, processors, null);
    }

    /** A component with no processing of its own to judge. */
    public ParsedConfig(List<StorageLocation> storage, List<EgressTarget> egress, List<RetentionSetting> retention) {
        this(storage, egress, retention, List.of(), List.of());
    }
}
