package io.residency.auditor.collect.config;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges collector configs as the collector merges repeated {@code --config} flags (confmap's
 * Merge): mappings merge key by key, deeply; for anything else (a value, a list) the later
 * config wins whole, so a pipeline's {@code exporters} list is replaced, never appended.
 */
final class OtelConfigMerge {

    private OtelConfigMerge() {
    }

    /** {@code later} over {@code earlier}, as confmap merges {@code --config} files; neither is changed. */
    static JsonNode merge(JsonNode earlier, JsonNode later) {
        return merge(earlier, later, false);
    }

    /** As Helm merges user values over a chart's defaults: a key set to null is removed. */
    static JsonNode mergeHelm(JsonNode defaults, JsonNode values) {
        return merge(defaults, values, true);
    }

    private static JsonNode merge(JsonNode earlier, JsonNode later, boolean nullRemoves) {
        if (later == null || later.isMissingNode()) {
            return earlier == null ? null : earlier.deepCopy();
        }
        if (earlier == null || !earlier.isObject() || !later.isObject()) {
            return later.deepCopy();
        }
        ObjectNode merged = (ObjectNode) earlier.deepCopy();
        for (String name : later.propertyNames()) {
            if (nullRemoves && later.get(name).isNull()) {
                merged.remove(name);
            } else {
                merged.set(name, merge(merged.get(name), later.get(name), nullRemoves));
            }
        }
        return merged;
    }
}
