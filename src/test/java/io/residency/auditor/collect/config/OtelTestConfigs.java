package io.residency.auditor.collect.config;

import io.residency.auditor.estate.SourceSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads a collector config through the real reader and kind, as ConfigCollector does, with a chosen environment. */
final class OtelTestConfigs {

    static final EndpointRegions ENDPOINTS = new EndpointRegions(Map.of("eu-west-1", List.of("*.eu-west-1.observe.internal")));

    private OtelTestConfigs() {
    }

    static List<EgressTarget> egress(String yaml) throws SourceReadException {
        return egress(yaml, "raw", name -> null);
    }

    static List<EgressTarget> egress(String yaml, String format, Function<String, String> environment) throws SourceReadException {
        SourceSpec spec = new SourceSpec(null, "otel-collector", "otel.yaml", null, format, null, null, null, null, null);
        OtelCollectorKind kind = new OtelCollectorKind();
        ConfigDocument document = new ConfigDocumentReader(new EnvExpander(environment)).read(yaml.getBytes(StandardCharsets.UTF_8), spec, kind);
        return ConfigCollector.distinctEgress(ConfigCollector.parse(kind, document, new ParseContext("eu-west-1", ENDPOINTS, null)).egress());
    }
}
