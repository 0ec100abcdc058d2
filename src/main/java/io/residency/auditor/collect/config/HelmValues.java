package io.residency.auditor.collect.config;

import io.residency.auditor.input.YamlErrors;
import io.residency.auditor.input.YamlLocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One Helm values file as a chart reads it: values by path, with the line each one is on, so that
 * what a chart renders from a value can point back at it.
 *
 * @param root the parsed values
 * @param text the file's bytes (after variable expansion), for lines
 */
record HelmValues(JsonNode root, byte[] text) {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The value at a path; missing when absent. */
    JsonNode at(Object... path) {
        JsonNode node = root;
        for (Object key : path) {
            node = key instanceof Integer index ? node.path(index) : node.path((String) key);
        }
        return node;
    }

    boolean has(Object... path) {
        JsonNode node = at(path);
        return !node.isMissingNode() && !node.isNull();
    }

    /** Helm's truthiness: false, 0, "", null, an empty map or list are false. */
    boolean truthy(Object... path) {
        JsonNode node = at(path);
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (node.isContainer()) {
            return !node.isEmpty();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNumber()) {
            return node.asDouble() != 0;
        }
        return !node.asString().isEmpty();
    }

    /** A scalar as text, empty when absent or blank. */
    Optional<String> text(Object... path) {
        JsonNode node = at(path);
        if (!node.isValueNode() || node.isNull()) {
            return Optional.empty();
        }
        String value = node.asString().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The line of a values path, or -1. */
    int line(List<Object> path) {
        return YamlLocator.lineOf(text, path);
    }

    /** "values loki.storage.type (line 12)" for messages. */
    String where(Object... path) {
        List<Object> list = List.of(path);
        int line = line(list);
        return "values " + YamlErrors.readable(list) + (line > 0 ? " (line " + line + ")" : "");
    }

    static List<Object> path(Object... keys) {
        return new ArrayList<>(List.of(keys));
    }
}
