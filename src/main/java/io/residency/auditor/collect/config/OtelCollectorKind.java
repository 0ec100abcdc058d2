package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code otel-collector} source kind: where an OpenTelemetry Collector sends each signal: the endpoints of every exporter that a
 * pipeline uses. Exporters no pipeline uses send nothing and are skipped.
 */
public final class OtelCollectorKind implements SourceKind {

    /** Exporters that write to the collector's own stdout or disk: no data leaves the stack. */
    private static final Set<String> LOCAL_EXPORTERS = Set.of("debug", "logging", "file", "nop");
    private static final List<String> ENDPOINT_KEYS = List.of("endpoint", "logs_endpoint", "traces_endpoint", "metrics_endpoint");

    @Override
    public String name() {
        return "otel-collector";
    }

    @Override
    public Set<DataClassName> dataClasses() {
        return EnumSet.of(DataClassName.LOGS, DataClassName.TRACES, DataClassName.METRICS_RAW);
    }

    @Override
    public Optional<DataClassName> storedDataClass() {
        return Optional.empty();
    }

    @Override
    public List<String> configMapKeys() {
        return List.of("relay", "otel-collector-config.yaml");
    }

    @Override
    public List<String> destinationFields() {
        return List.of("service.pipelines.<signal>.exporters", "exporters.<name>.endpoint", "exporters.<name>.<signal>_endpoint",
                "exporters.<name>.endpoints", "exporters.awss3.s3uploader");
    }

    @Override
    public ParsedConfig parse(ConfigTree config, ParseContext context) {
        Map<String, ConfigTree> exporters = config.child("exporters").entries();
        Set<String> connectors = config.child("connectors").entries().keySet();
        List<EgressTarget> egress = new ArrayList<>();
        config.child("service", "pipelines").entries().forEach((pipeline, definition) -> {
            DataClassName dataClass = dataClass(pipeline);
            for (ConfigTree used : definition.items("exporters")) {
                String name = used.value().orElse("");
                if (connectors.contains(name) || LOCAL_EXPORTERS.contains(type(name))) {
                    continue;
                }
                ConfigTree exporter = exporters.get(name);
                if (exporter == null) {
                    throw new ConfigShapeException(used.path(), "pipeline " + pipeline + " uses exporter '" + name + "', which is not defined under exporters");
                }
                egress.addAll(targets(name, exporter, dataClass, context));
            }
        });
        return new ParsedConfig(List.of(), egress, List.of());
    }

    private static List<EgressTarget> targets(String name, ConfigTree exporter, DataClassName dataClass, ParseContext context) {
        List<EgressTarget> targets = new ArrayList<>();
        if (!exporter.isMapping()) {
            targets.add(Egress.send(exporter, dataClass, "", context));
            return targets;
        }
        if (type(name).equals("awss3")) {
            ConfigTree uploader = exporter.child("s3uploader");
            String region = uploader.text("region").orElse(null);
            String bucket = uploader.text("s3_bucket").orElse("");
            targets.add(new EgressTarget(uploader.pathText(), dataClass.policyName(), "store", "s3://" + bucket, context.stackRegion(),
                    EndpointRegions.isRegion(region) ? region : null, region == null ? "s3uploader.region is not set" : "s3uploader.region"));
            return targets;
        }
        for (String key : ENDPOINT_KEYS) {
            exporter.text(key).ifPresent(endpoint -> targets.add(Egress.send(exporter.at(key), dataClass, endpoint, context)));
        }
        for (ConfigTree endpoint : exporter.items("endpoints")) {
            targets.add(Egress.send(endpoint, dataClass, endpoint.value().orElse(""), context));
        }
        if (targets.isEmpty()) {
            targets.add(Egress.send(exporter, dataClass, "", context));
        }
        return targets;
    }

    /** "otlphttp/eu" is an exporter of type otlphttp named eu. */
    private static String type(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** Pipelines are typed logs, traces or metrics; anything else is judged as strictly as raw metrics. */
    private static DataClassName dataClass(String pipeline) {
        return switch (type(pipeline)) {
            case "logs" -> DataClassName.LOGS;
            case "traces" -> DataClassName.TRACES;
            default -> DataClassName.METRICS_RAW;
        };
    }
}
