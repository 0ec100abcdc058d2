package io.residency.auditor.collect.config;

import io.residency.auditor.input.YamlErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The configuration a chart renders from its values, as far as the auditor models it, and for each
 * part the values path it came from: a finding on a rendered store points at the value's line.
 */
final class RenderedChart implements ConfigLines {

    private final HelmValues values;
    private final ObjectNode config = HelmValues.NODES.objectNode();
    /** Config path → the values path it was rendered from; the longest prefix of a config path decides. */
    private final Map<List<Object>, List<Object>> from = new LinkedHashMap<>();
    private final Set<String> inClusterStores = new TreeSet<>();

    RenderedChart(HelmValues values) {
        this.values = values;
    }

    ObjectNode config() {
        return config;
    }

    Set<String> inClusterStores() {
        return Set.copyOf(inClusterStores);
    }

    /** An S3 endpoint the chart deploys in the stack's own cluster. */
    void inClusterStore(String endpoint) {
        inClusterStores.add(endpoint);
    }

    /** Sets a config path to a value, remembering the values path it came from (null: the chart's own text). */
    void set(List<Object> configPath, JsonNode value, List<Object> valuesPath) {
        ObjectNode parent = config;
        for (Object key : configPath.subList(0, configPath.size() - 1)) {
            JsonNode next = parent.get((String) key);
            parent = next instanceof ObjectNode object ? object : parent.putObject((String) key);
        }
        parent.set((String) configPath.get(configPath.size() - 1), value.deepCopy());
        forget(configPath);
        if (valuesPath != null) {
            from.put(List.copyOf(configPath), List.copyOf(valuesPath));
        }
    }

    /** Copies a value across when it is set. */
    void copy(List<Object> valuesPath, List<Object> configPath) {
        if (values.has(valuesPath.toArray())) {
            set(configPath, values.at(valuesPath.toArray()), valuesPath);
        }
    }

    /** Helm's mergeOverwrite of a values mapping over the config: mappings merge key by key, anything else replaces. */
    void merge(List<Object> configPath, List<Object> valuesPath) {
        JsonNode overlay = values.at(valuesPath.toArray());
        if (!overlay.isObject()) {
            return;
        }
        overlay.properties().forEach(entry -> {
            List<Object> childConfig = with(configPath, entry.getKey());
            List<Object> childValues = with(valuesPath, entry.getKey());
            JsonNode existing = config.at(pointer(childConfig));
            if (existing.isObject() && entry.getValue().isObject()) {
                merge(childConfig, childValues);
            } else {
                set(childConfig, entry.getValue(), childValues);
            }
        });
    }

    @Override
    public int lineOf(List<Object> configPath) {
        int line = lineOfRendered(configPath);
        if (line > 0) {
            return line;
        }
        // A block the chart assembles from several values (common.storage.s3): the first line of those values.
        return from.keySet().stream().filter(key -> key.size() > configPath.size() && key.subList(0, configPath.size()).equals(configPath))
                .mapToInt(this::lineOfRendered).filter(found -> found > 0).min().orElse(-1);
    }

    private int lineOfRendered(List<Object> configPath) {
        for (int length = configPath.size(); length > 0; length--) {
            List<Object> valuesPath = from.get(configPath.subList(0, length));
            if (valuesPath != null) {
                List<Object> full = new ArrayList<>(valuesPath);
                full.addAll(configPath.subList(length, configPath.size()));
                // The deepest part of the path the values file has: a key the chart adds itself has no line.
                for (int keep = full.size(); keep >= valuesPath.size() && keep > 0; keep--) {
                    int line = values.line(full.subList(0, keep));
                    if (line > 0) {
                        return line;
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    @Override
    public String place(List<Object> configPath) {
        for (int length = configPath.size(); length > 0; length--) {
            List<Object> valuesPath = from.get(configPath.subList(0, length));
            if (valuesPath != null) {
                List<Object> full = new ArrayList<>(valuesPath);
                full.addAll(configPath.subList(length, configPath.size()));
                int line = lineOf(configPath);
                return (line > 0 ? "line " + line + ", " : "") + "values " + YamlErrors.readable(full)
                        + " (rendered to " + YamlErrors.readable(configPath) + ")";
            }
        }
        return YamlErrors.readable(configPath) + " (rendered by the chart itself, not from a value)";
    }

    private void forget(List<Object> configPath) {
        from.keySet().removeIf(key -> key.size() > configPath.size() && key.subList(0, configPath.size()).equals(configPath));
    }

    static List<Object> with(List<Object> path, Object key) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(key);
        return longer;
    }

    private static tools.jackson.core.JsonPointer pointer(List<Object> path) {
        tools.jackson.core.JsonPointer pointer = tools.jackson.core.JsonPointer.empty();
        for (Object key : path) {
            pointer = key instanceof Integer index ? pointer.appendIndex(index) : pointer.appendProperty((String) key);
        }
        return pointer;
    }
}
