package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A node of a parsed configuration that knows its path. Reading a value of the wrong shape
 * throws {@link ConfigShapeException} with that path, so the error names the line in the file.
 */
public final class ConfigTree {

    private final JsonNode node;
    private final List<Object> path;

    private ConfigTree(JsonNode node, List<Object> path) {
        this.node = node;
        this.path = List.copyOf(path);
    }

    public static ConfigTree root(JsonNode node) {
        return new ConfigTree(node, List.of());
    }

    public boolean exists() {
        return !node.isMissingNode() && !node.isNull();
    }

    public List<Object> path() {
        return path;
    }

    public String pathText() {
        return io.residency.auditor.input.YamlErrors.readable(path);
    }

    /** A child mapping; missing when absent; an error when present but not a mapping. */
    public ConfigTree child(String key) {
        ConfigTree child = at(key);
        if (child.exists() && !child.node.isObject()) {
            throw new ConfigShapeException(child.path, "expected a mapping, got " + kind(child.node));
        }
        return child;
    }

    /** Follows several keys, each expected to be a mapping. */
    public ConfigTree child(String... keys) {
        ConfigTree current = this;
        for (String key : keys) {
            current = current.child(key);
        }
        return current;
    }

    /** A scalar as text (numbers and booleans included); empty when absent or blank. */
    public Optional<String> text(String key) {
        ConfigTree child = at(key);
        if (!child.exists()) {
            return Optional.empty();
        }
        if (isPlaceholder(child.node)) {
            throw new ConfigShapeException(child.path, "holds {" + child.node.propertyNames().iterator().next()
                    + "}, a YAML flow mapping where a value belongs: a placeholder, not rendered; expected the value itself");
        }
        if (!child.node.isValueNode()) {
            throw new ConfigShapeException(child.path, "expected a single value, got " + kind(child.node));
        }
        String value = child.node.asString().strip();
        int open = value.indexOf("{{");
        if (open >= 0 && value.indexOf("}}", open) > open) {
            throw new ConfigShapeException(child.path, "holds a template ({{ }}), not rendered; render it first (helm template)"
                    + " and audit the rendered config (format: configmap)");
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * A boolean as Go's yaml.v2 reads it, and yaml.v3 into a bool field: YAML 1.1's y, yes, on are
     * true too (Loki takes {@code use_thanos_objstore: yes} as true), in the three spellings Go accepts.
     */
    public boolean flag(String key) {
        return text(key).map(ConfigTree::goTrue).orElse(false);
    }

    /** The same reading for a node outside a tree (Helm values, read by Helm's Go YAML too). */
    public static boolean isTrue(JsonNode node) {
        return node != null && node.isValueNode() && goTrue(node.asString().strip());
    }

    static boolean goTrue(String value) {
        return switch (value) {
            case "true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON" -> true;
            default -> false;
        };
    }

    /** The items of a list; empty when absent. */
    public List<ConfigTree> items(String key) {
        ConfigTree child = at(key);
        if (!child.exists()) {
            return List.of();
        }
        if (!child.node.isArray()) {
            throw new ConfigShapeException(child.path, "expected a list, got " + kind(child.node));
        }
        List<ConfigTree> items = new ArrayList<>();
        for (int i = 0; i < child.node.size(); i++) {
            List<Object> itemPath = new ArrayList<>(child.path);
            itemPath.add(i);
            items.add(new ConfigTree(child.node.get(i), itemPath));
        }
        return items;
    }

    /** The entries of this mapping, in file order. */
    public Map<String, ConfigTree> entries() {
        Map<String, ConfigTree> entries = new LinkedHashMap<>();
        if (node.isObject()) {
            node.propertyNames().forEach(name -> entries.put(name, at(name)));
        }
        return entries;
    }

    public boolean isMapping() {
        return node.isObject();
    }

    /** The value itself as text, for list items that are scalars. */
    public Optional<String> value() {
        if (!exists()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw new ConfigShapeException(path, "expected a single value, got " + kind(node));
        }
        return Optional.of(node.asString().strip());
    }

    public JsonNode node() {
        return node;
    }

    /** The node under {@code key}, whatever its shape (for naming a place, not for reading it). */
    public ConfigTree at(String key) {
        List<Object> childPath = new ArrayList<>(path);
        childPath.add(key);
        JsonNode child = node.isObject() ? node.get(key) : null;
        return new ConfigTree(child == null ? MissingNode.getInstance() : child, childPath);
    }

    /** {@code {YOUR_BUCKET}}: a one-key mapping without a value, as a placeholder in braces parses. */
    private static boolean isPlaceholder(JsonNode node) {
        return node.isObject() && node.size() == 1 && node.iterator().next().isNull();
    }

    /** The same place holding another node (a block merged with the defaults it overrides). */
    ConfigTree withNode(JsonNode other) {
        return new ConfigTree(other, path);
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        // Never the value itself: it could be a secret in the wrong place.
        return "a single value";
    }
}
