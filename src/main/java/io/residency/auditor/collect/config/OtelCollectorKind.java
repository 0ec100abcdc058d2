package io.residency.auditor.collect.config;

import io.residency.auditor.collect.config.OtelExporterType.Reach;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code otel-collector} source kind: where an OpenTelemetry Collector sends each signal: the
 * destinations of every exporter that a pipeline uses, read by {@link OtelExporterTypes}. Exporters
 * no pipeline uses send nothing and are skipped; an exporter type not in the table is UNVERIFIED.
 * What its connectors copy into metrics and how its processors redact is read by {@link OtelPrivacyPaths}.
 */
public final class OtelCollectorKind implements HelmChartKind {

    static final String CHART = "open-telemetry/opentelemetry-collector";
    /**
     * The part of the chart's default {@code config:} that decides egress: every pipeline exports to
     * debug only. The user's {@code config:} merges over it as the chart merges it; presets are not modelled.
     */
    private static final String CHART_DEFAULT_CONFIG = """
            {"exporters": {"debug": {}},
             "service": {"pipelines": {
               "logs": {"receivers": ["otlp"], "exporters": ["debug"]},
               "metrics": {"receivers": ["otlp", "prometheus"], "exporters": ["debug"]},
               "traces": {"receivers": ["otlp", "jaeger", "zipkin"], "exporters": ["debug"]}}}}""";
    private static final List<DataClassName> SIGNAL_CLASSES = List.of(DataClassName.LOGS, DataClassName.TRACES, DataClassName.METRICS_RAW);

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

    /** The fields per exporter type are the rows of {@link OtelExporterTypes}, the README's OpenTelemetry Collector table. */
    @Override
    public List<String> destinationFields() {
        return List.of("service.pipelines.<signal>.exporters", "connectors.<id>", "exporters.<type/name>.<field>");
    }

    @Override
    public List<String> helmCharts() {
        return List.of(CHART);
    }

    /**
     * The chart renders its default config with the values' {@code config:} merged over it (a key set
     * to null removed), or the values' {@code alternateConfig:} alone when that is set.
     */
    @Override
    public JsonNode fromHelmValues(JsonNode values) {
        JsonNode alternate = values.get("alternateConfig");
        if (alternate != null && alternate.isObject() && !alternate.isEmpty()) {
            return alternate;
        }
        JsonNode defaults = JsonMapper.shared().readTree(CHART_DEFAULT_CONFIG);
        return OtelConfigMerge.mergeHelm(defaults, values.get("config"));
    }

    @Override
    public ParsedConfig parse(ConfigTree config, ParseContext context) {
        ConfigTree pipelines = config.child("service").child("pipelines");
        if (pipelines.entries().isEmpty()) {
            return new ParsedConfig(List.of(), incomplete(config, context), List.of());
        }
        Map<String, ConfigTree> exporters = config.child("exporters").entries();
        Map<String, ConfigTree> connectors = config.child("connectors").entries();
        Map<String, String> routes = routes(pipelines.entries(), connectors);
        // Keyed as egress_fact is: one exporter used by two pipelines of one signal is one flow, never a duplicate row.
        Map<List<String>, EgressTarget> egress = new LinkedHashMap<>();
        pipelines.entries().forEach((pipeline, definition) -> {
            DataClassName dataClass = dataClass(pipeline);
            if (definition.items("exporters").isEmpty()) {
                // The collector refuses a pipeline without exporters: this file is not all of the config.
                EgressTarget target = unlocated(definition.at("exporters"), dataClass, "(no exporters)", "pipeline " + pipeline
                        + " lists no exporters, and the collector refuses such a pipeline: this file is a fragment or an overlay;"
                        + " expected the complete config, or the estate's files: [base.yaml, overlay.yaml] so the files merge as"
                        + " the collector's --config flags do", context);
                egress.putIfAbsent(List.of(target.configPath(), target.endpoint(), target.dataClass()), target);
            }
            for (ConfigTree used : definition.items("exporters")) {
                String id = used.value().orElse("");
                if (connectors.containsKey(id)) {
                    continue;
                }
                ConfigTree exporter = exporters.get(id);
                if (exporter == null) {
                    throw new ConfigShapeException(used.path(), "pipeline " + pipeline + " uses exporter '" + id
                            + "', which is not defined under exporters (nor connectors); expected it defined in this file, or, for an"
                            + " overlay, the estate's files: [base.yaml, overlay.yaml] so the files merge as the collector's --config flags do");
                }
                for (EgressTarget target : targets(id, exporter, dataClass, routes.get(pipeline), context)) {
                    egress.putIfAbsent(List.of(target.configPath(), target.endpoint(), target.dataClass()), target);
                }
            }
        });
        return new ParsedConfig(List.of(), List.copyOf(egress.values()), List.of(),
                OtelPrivacyPaths.dimensions(config, context.personalAttributes()), OtelPrivacyPaths.redactingProcessors(config));
    }

    /**
     * How each pipeline is fed when only connectors feed it ("traces via connector spanmetrics"), found
     * by walking from the pipelines that have a receiver of their own. Each pipeline is visited once,
     * so a cycle of connectors ends the walk instead of looping. A connector's output is the signal of
     * the pipeline it feeds (spanmetrics turns traces into metrics), so that pipeline's signal decides
     * the data class of its exporters.
     */
    private static Map<String, String> routes(Map<String, ConfigTree> pipelines, Map<String, ConfigTree> connectors) {
        Map<String, List<String>> receivers = new LinkedHashMap<>();
        pipelines.forEach((pipeline, definition) -> receivers.put(pipeline,
                definition.items("receivers").stream().map(r -> r.value().orElse("")).toList()));
        Map<String, String> routes = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        receivers.forEach((pipeline, ids) -> {
            if (ids.isEmpty() || ids.stream().anyMatch(id -> !connectors.containsKey(id))) {
                routes.put(pipeline, null);
                queue.add(pipeline);
            }
        });
        while (!queue.isEmpty()) {
            String from = queue.poll();
            for (ConfigTree used : pipelines.get(from).items("exporters")) {
                String connector = used.value().orElse("");
                if (!connectors.containsKey(connector)) {
                    continue;
                }
                receivers.forEach((to, ids) -> {
                    if (ids.contains(connector) && !routes.containsKey(to)) {
                        String upstream = routes.get(from);
                        routes.put(to, (upstream == null ? from : upstream) + " via connector " + connector);
                        queue.add(to);
                    }
                });
            }
        }
        return routes;
    }

    private static List<EgressTarget> targets(String id, ConfigTree exporter, DataClassName dataClass, String route, ParseContext context) {
        Optional<OtelExporterType> known = OtelExporterTypes.of(id);
        if (known.isEmpty()) {
            String type = OtelExporterTypes.typeOf(id);
            return List.of(unlocated(exporter, dataClass, "(exporter type " + type + ")", "exporter type " + type
                    + " not understood: found exporters." + id + " used by a pipeline; the auditor reads only the types of the README's"
                    + " OpenTelemetry Collector table, so where it sends is unknown; expected a listed type (or the type added to OtelExporterTypes)",
                    context));
        }
        OtelExporterType type = known.get();
        List<EgressTarget> targets = switch (type.reach()) {
            case LOCAL, LISTENER -> List.of();
            case NOT_LOCATABLE -> List.of(unlocated(exporter, dataClass, "(" + type.type() + " API)", type.note(), context));
            case S3 -> List.of(s3(exporter, dataClass, context));
            case AWS_REGIONAL -> List.of(awsRegional(id, exporter, dataClass, context));
            case SEND -> sends(id, type, exporter, dataClass, context);
        };
        if (route == null) {
            return targets;
        }
        return targets.stream().map(t -> new EgressTarget(t.configPath(), t.dataClass(), t.direction(), t.endpoint(), t.originRegion(),
                t.destinationRegion(), t.regionBasis() + " (data from pipeline " + route + ")")).toList();
    }

    private static List<EgressTarget> sends(String id, OtelExporterType type, ConfigTree exporter, DataClassName dataClass, ParseContext context) {
        List<EgressTarget> targets = new ArrayList<>();
        for (String field : type.destinationFields()) {
            for (ConfigTree value : values(exporter, field)) {
                for (String endpoint : value.value().orElse("").split(",")) {
                    if (!endpoint.isBlank()) {
                        targets.add(send(value, dataClass, endpoint.strip(), context));
                    }
                }
            }
        }
        if (targets.isEmpty() && type.defaultEndpoint() != null) {
            targets.add(Egress.send(exporter, dataClass, type.defaultEndpoint(), context));
        }
        if (targets.isEmpty()) {
            targets.add(unlocated(exporter, dataClass, "(none)", "exporters." + id + " sets none of " + type.destinationFields()
                    + "; expected the destination in one of them", context));
        }
        return targets;
    }

    /** awss3 writes to a bucket: a custom s3uploader.endpoint wins, otherwise s3uploader.region (default us-east-1). */
    private static EgressTarget s3(ConfigTree exporter, DataClassName dataClass, ParseContext context) {
        ConfigTree uploader = exporter.child("s3uploader");
        String bucket = "s3://" + uploader.text("s3_bucket").orElse("");
        Optional<String> endpoint = uploader.text("endpoint");
        if (endpoint.isPresent()) {
            EgressTarget sent = send(uploader.at("endpoint"), dataClass, endpoint.get(), context);
            return new EgressTarget(sent.configPath(), sent.dataClass(), "store", bucket + " at " + sent.endpoint(), sent.originRegion(),
                    sent.destinationRegion(), sent.regionBasis());
        }
        String region = uploader.text("region").orElse(null);
        if (region == null) {
            return new EgressTarget(uploader.pathText(), dataClass.policyName(), "store", bucket, context.stackRegion(), "us-east-1",
                    "s3uploader.region is not set: the awss3 exporter's default region us-east-1");
        }
        return regional(uploader.at("region"), dataClass, "store", bucket, region, context);
    }

    /** An AWS service client (X-Ray, EMF, CloudWatch Logs): endpoint wins; region alone locates it. */
    private static EgressTarget awsRegional(String id, ConfigTree exporter, DataClassName dataClass, ParseContext context) {
        if (!exporter.isMapping()) {
            return unlocated(exporter, dataClass, "(" + OtelExporterTypes.typeOf(id) + " service)", noRegion(id), context);
        }
        Optional<String> endpoint = exporter.text("endpoint");
        if (endpoint.isPresent()) {
            return send(exporter.at("endpoint"), dataClass, endpoint.get(), context);
        }
        Optional<String> region = exporter.text("region");
        if (region.isEmpty()) {
            return unlocated(exporter, dataClass, "(" + OtelExporterTypes.typeOf(id) + " service)", noRegion(id), context);
        }
        return regional(exporter.at("region"), dataClass, "send", OtelExporterTypes.typeOf(id) + " in " + region.get(), region.get(), context);
    }

    private static String noRegion(String id) {
        return "exporters." + id + " sets neither region nor endpoint, so it sends to the region of the collector's AWS"
                + " environment (AWS_REGION or instance metadata), which a config does not prove; expected region: <region> on the exporter";
    }

    private static EgressTarget regional(ConfigTree at, DataClassName dataClass, String direction, String endpoint, String region,
                                         ParseContext context) {
        Matcher unset = EnvExpander.UNSET.matcher(region);
        if (unset.find()) {
            return unlocated(at, dataClass, "${env:" + unset.group(1) + "}", unsetReason(unset.group(1), at), context);
        }
        boolean known = EndpointRegions.isRegion(region);
        return new EgressTarget(at.pathText(), dataClass.policyName(), direction, endpoint, context.stackRegion(), known ? region : null,
                known ? at.pathText() : at.pathText() + " is '" + region + "', not an AWS region name; expected a region such as eu-west-1");
    }

    /** One endpoint, unless it holds a variable the auditor cannot see or another confmap provider's reference. */
    private static EgressTarget send(ConfigTree at, DataClassName dataClass, String endpoint, ParseContext context) {
        Matcher unset = EnvExpander.UNSET.matcher(endpoint);
        if (unset.find()) {
            return unlocated(at, dataClass, "${env:" + unset.group(1) + "}", unsetReason(unset.group(1), at), context);
        }
        Matcher unresolved = EnvExpander.UNRESOLVED.matcher(endpoint);
        if (unresolved.find()) {
            return unlocated(at, dataClass, "${" + unresolved.group(1) + "}", at.pathText() + " is read from ${" + unresolved.group(1)
                    + "}, a confmap provider the auditor does not fetch; expected the endpoint written out in the config", context);
        }
        return Egress.send(at, dataClass, endpoint, context);
    }

    private static String unsetReason(String variable, ConfigTree at) {
        return "environment variable " + variable + " is not set for the auditor, and " + at.pathText() + " is read from it"
                + " (the collector would send to whatever it holds when it runs); expected " + variable
                + " set in the auditor's environment to the collector's value, or the endpoint written out in the config";
    }

    private static EgressTarget unlocated(ConfigTree at, DataClassName dataClass, String endpoint, String reason, ParseContext context) {
        return new EgressTarget(at.pathText(), dataClass.policyName(), "send", endpoint, context.stackRegion(), null, reason);
    }

    /** A file without pipelines sends nothing the auditor can see: never a PASS, for every signal. */
    private static List<EgressTarget> incomplete(ConfigTree config, ParseContext context) {
        boolean chartValues = config.at("config").isMapping() || config.at("mode").exists();
        String found = String.join(", ", config.entries().keySet());
        String reason = chartValues
                ? "this looks like chart values (top-level " + (config.at("config").isMapping() ? "config:" : "mode:")
                + "), not a collector config; expected service.pipelines: use format helm-values with chart " + CHART
                : "no service.pipelines: found only " + (found.isEmpty() ? "nothing" : found) + "; a collector config names each pipeline's"
                + " exporters under service.pipelines; expected a complete config, or for a fragment or overlay the estate's"
                + " files: [base.yaml, overlay.yaml] so the files merge as the collector's --config flags do";
        ConfigTree at = config.at("service").at("pipelines");
        return SIGNAL_CLASSES.stream().map(dataClass -> unlocated(at, dataClass, "(no pipelines)", reason, context)).toList();
    }

    /** The leaves a dotted field holds: one value, or each item of a list. */
    private static List<ConfigTree> values(ConfigTree exporter, String field) {
        String[] keys = field.split("\\.");
        ConfigTree parent = exporter;
        for (int i = 0; i < keys.length - 1; i++) {
            parent = parent.child(keys[i]);
        }
        ConfigTree leaf = parent.at(keys[keys.length - 1]);
        if (!leaf.exists()) {
            return List.of();
        }
        return leaf.node().isArray() ? parent.items(keys[keys.length - 1]) : List.of(leaf);
    }

    /** Pipelines are typed logs, traces or metrics; anything else (profiles) is judged as strictly as raw metrics. */
    private static DataClassName dataClass(String pipeline) {
        return switch (OtelExporterTypes.typeOf(pipeline)) {
            case "logs" -> DataClassName.LOGS;
            case "traces" -> DataClassName.TRACES;
            default -> DataClassName.METRICS_RAW;
        };
    }
}
