package io.residency.auditor.facts;

/** A transform or redaction processor an OpenTelemetry Collector pipeline uses (otel_processor_fact). */
public record OtelProcessorFact(String sourceId, String region, String configPath, String processor, String processorType,
                                String pipelines, boolean redacts, String redactionCalls, String errorMode, Boolean allowAllKeys,
                                Integer line) {
}
