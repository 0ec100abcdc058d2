package io.residency.auditor.facts;

/** An attribute an OpenTelemetry Collector connector copies into metric labels (otel_dimension_fact). */
public record OtelDimensionFact(String sourceId, String region, String configPath, String connector, String attribute,
                                String personalPattern, String exportedBy, Integer line) {
}
