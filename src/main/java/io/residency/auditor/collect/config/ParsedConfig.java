package io.residency.auditor.collect.config;

import java.util.List;

/**
 * What a parser found in one configuration.
 *
 * @param dimensions attributes a collector's connectors copy into metrics (OpenTelemetry Collector only)
 * @param processors a collector's transform and redaction processors (OpenTelemetry Collector only)
 */
public record ParsedConfig(List<StorageLocation> storage, List<EgressTarget> egress, List<RetentionSetting> retention,
                           List<ConnectorDimension> dimensions, List<RedactingProcessor> processors) {

    public ParsedConfig {
        storage = List.copyOf(storage);
        egress = List.copyOf(egress);
        retention = List.copyOf(retention);
        dimensions = List.copyOf(dimensions);
        processors = List.copyOf(processors);
    }

    /** A component with no processing of its own to judge. */
    public ParsedConfig(List<StorageLocation> storage, List<EgressTarget> egress, List<RetentionSetting> retention) {
        this(storage, egress, retention, List.of(), List.of());
    }
}
