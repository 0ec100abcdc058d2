package io.residency.auditor.collect.config;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the Helm chart translations of the source kinds share: copying a value across and Helm's
 * merge of {@code structuredConfig}. Each kind rebuilds its own config from its chart's values.
 */
final class HelmValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HelmValues() {
    }

    static void copy(JsonNode from, String fromKey, ObjectNode to, String toKey) {
        JsonNode value = from.path(fromKey);
        if (!value.isMissingNode() && !value.isNull()) {
            to.set(toKey, value.deepCopy());
        }
    }

    /** Helm's merge of structuredConfig: mappings merge key by key, anything else replaces. */
    static void merge(ObjectNode target, JsonNode overlay) {
        overlay.properties().forEach(entry -> {
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject && entry.getValue().isObject()) {
                merge(existingObject, entry.getValue());
            } else {
                target.set(entry.getKey(), entry.getValue().deepCopy());
            }
        });
    }
}
