package io.residency.auditor.collect.config;

import io.residency.auditor.collect.config.OtelExporterType.Reach;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a collector's own processing does with personal data before it leaves: the span attributes
 * that {@code spanmetrics} and {@code servicegraph} connectors copy into metric labels (and which
 * exporters then send those metrics on), and the {@code transform} and {@code redaction} processors
 * that redact, with the settings that make them fail open. Only components a pipeline uses count.
 */
final class OtelPrivacyPaths {

    /**
     * OTTL functions that delete, mask or hash a value: a transform processor calling one of them redacts.
     * Truncation and renaming are not redaction.
     */
    static final List<String> REDACTING_FUNCTIONS = List.of("delete_key", "delete_matching_keys", "keep_keys", "keep_matching_keys",
            "replace_pattern", "replace_all_patterns", "replace_match", "replace_all_matches", "SHA1", "SHA256", "SHA512", "MD5", "FNV",
            "Murmur3Hash", "Murmur3Hash128", "XXH3", "XXH128");
    private static final Pattern REDACTING_CALL = Pattern.compile("(?<![A-Za-z0-9_.])(" + String.join("|", REDACTING_FUNCTIONS) + ")\\s*\\(");
    /** The transform processor's error modes that skip a failing statement instead of failing the data. */
    static final Set<String> FAIL_OPEN_MODES = Set.of("ignore", "silent");

    private OtelPrivacyPaths() {
    }

    /** Every attribute a used spanmetrics or servicegraph connector turns into a metric label. */
    static List<ConnectorDimension> dimensions(ConfigTree config, PersonalAttributes personal) {
        Map<String, ConfigTree> pipelines = config.child("service").child("pipelines").entries();
        Map<String, ConfigTree> connectors = config.child("connectors").entries();
        Set<String> used = new TreeSet<>();
        pipelines.values().forEach(p -> p.items("exporters").forEach(e -> e.value().filter(connectors::containsKey).ifPresent(used::add)));
        List<ConnectorDimension> dimensions = new ArrayList<>();
        for (String id : used) {
            ConfigTree connector = config.child("connectors").at(id);
            List<ConfigTree> named = switch (OtelExporterTypes.typeOf(id)) {
                case "spanmetrics", "span_metrics" -> {
                    List<ConfigTree> names = new ArrayList<>(connector.items("dimensions"));
                    names.addAll(connector.child("events").items("dimensions"));
                    yield names;
                }
                case "servicegraph", "service_graph" -> connector.items("dimensions");
                default -> List.of();
            };
            if (named.isEmpty()) {
                continue;
            }
            String exportedBy = String.join(", ", exportersDownstream(id, pipelines, connectors));
            for (ConfigTree item : named) {
                ConfigTree name = item.isMapping() ? item.at("name") : item;
                Optional<String> attribute = name.exists() ? name.value() : Optional.empty();
                attribute.filter(a -> !a.isBlank()).ifPresent(a -> dimensions.add(new ConnectorDimension(name.pathText(), id, a,
                        personal.patternFor(a).orElse(null), exportedBy)));
            }
        }
        return dimensions;
    }

    /**
     * The exporters that send on what a connector emits: those of every pipeline that receives from it,
     * following further connectors, each pipeline once. Local exporters (debug, file, nop) send nothing
     * on; an exporter of a type the auditor does not know is counted, since where it sends is unknown.
     */
    static Set<String> exportersDownstream(String connector, Map<String, ConfigTree> pipelines, Map<String, ConfigTree> connectors) {
        Set<String> exporters = new TreeSet<>();
        Set<String> visited = new HashSet<>();
        Deque<String> fed = new ArrayDeque<>(List.of(connector));
        while (!fed.isEmpty()) {
            String from = fed.poll();
            pipelines.forEach((pipeline, definition) -> {
                boolean receives = definition.items("receivers").stream().anyMatch(r -> r.value().orElse("").equals(from));
                if (!receives || !visited.add(pipeline)) {
                    return;
                }
                for (ConfigTree used : definition.items("exporters")) {
                    String id = used.value().orElse("");
                    if (connectors.containsKey(id)) {
                        fed.add(id);
                    } else if (OtelExporterTypes.of(id).map(t -> t.reach() != Reach.LOCAL).orElse(true)) {
                        exporters.add(id);
                    }
                }
            });
        }
        return exporters;
    }

    /** Every transform and redaction processor a pipeline uses, sorted by id. */
    static List<RedactingProcessor> redactingProcessors(ConfigTree config) {
        Map<String, Set<String>> pipelinesOf = new TreeMap<>();
        config.child("service").child("pipelines").entries().forEach((pipeline, definition) -> definition.items("processors")
                .forEach(p -> p.value().ifPresent(id -> pipelinesOf.computeIfAbsent(id, k -> new TreeSet<>()).add(pipeline))));
        List<RedactingProcessor> processors = new ArrayList<>();
        pipelinesOf.forEach((id, pipelines) -> {
            ConfigTree processor = config.child("processors").at(id);
            String usedBy = String.join(",", pipelines);
            switch (OtelExporterTypes.typeOf(id)) {
                case "transform" -> processors.add(transform(id, processor, usedBy));
                case "redaction" -> processors.add(new RedactingProcessor(processor.pathText(), id, "redaction", usedBy, true, "", null,
                        processor.isMapping() && processor.flag("allow_all_keys")));
                default -> {
                }
            }
        });
        return processors;
    }

    /**
     * A transform processor: its statements come in groups ({@code context}, {@code statements}, an
     * optional {@code error_mode} of the group that overrides the processor's) or as plain strings;
     * the error mode the redacting statements run with is the one that fails open if any does.
     */
    private static RedactingProcessor transform(String id, ConfigTree processor, String pipelines) {
        String processorMode = processor.isMapping() ? processor.text("error_mode").orElse("propagate") : "propagate";
        Set<String> calls = new TreeSet<>();
        String redactingMode = null;
        for (Map.Entry<String, ConfigTree> entry : processor.entries().entrySet()) {
            if (!entry.getKey().endsWith("_statements")) {
                continue;
            }
            for (ConfigTree group : processor.items(entry.getKey())) {
                String mode = group.isMapping() ? group.text("error_mode").orElse(processorMode) : processorMode;
                List<ConfigTree> statements = group.isMapping() ? group.items("statements") : List.of(group);
                Set<String> found = new TreeSet<>();
                statements.forEach(s -> found.addAll(redactingCalls(s.value().orElse(""))));
                if (!found.isEmpty()) {
                    calls.addAll(found);
                    if (redactingMode == null || FAIL_OPEN_MODES.contains(mode)) {
                        redactingMode = mode;
                    }
                }
            }
        }
        return new RedactingProcessor(processor.pathText(), id, "transform", pipelines, !calls.isEmpty(), String.join(",", calls),
                redactingMode == null ? processorMode : redactingMode, null);
    }

    static Set<String> redactingCalls(String statement) {
        Set<String> calls = new TreeSet<>();
        Matcher matcher = REDACTING_CALL.matcher(statement);
        while (matcher.find()) {
            calls.add(matcher.group(1));
        }
        return calls;
    }
}
