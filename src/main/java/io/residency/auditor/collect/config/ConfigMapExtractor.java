package io.residency.auditor.collect.config;

import io.residency.auditor.estate.SourceSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;

/**
 * Finds the configuration embedded in a Kubernetes manifest: a ConfigMap's {@code data}, or a
 * Secret's {@code stringData} or base64 {@code data}, in a file that may hold several documents.
 */
final class ConfigMapExtractor {

    /** Data keys any chart may use for the main config; each kind adds its charts' own keys after them. */
    private static final List<String> GENERIC_KEYS = List.of("config.yaml", "config.yml");

    /**
     * @param firstLine the manifest's line that holds the config's first line, when the config is a literal
     *                  block scalar ({@code key: |}) whose lines are the file's; -1 otherwise (base64, quoted)
     */
    record Embedded(String text, String origin, int firstLine) {
    }

    private final ObjectMapper yaml = io.residency.auditor.input.YamlParsers.mapper().build();
    private final ManifestDocuments documents = new ManifestDocuments();

    Embedded extract(String manifest, SourceSpec spec, SourceKind sourceKind) throws SourceReadException {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(manifest)) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document != null && document.isObject()) {
                    String kind = document.path("kind").asString("");
                    if (kind.equals("ConfigMap") || kind.equals("Secret")) {
                        objects.add(document);
                    }
                }
            }
        } catch (JacksonException e) {
            throw new SourceReadException("not a valid Kubernetes manifest (" + io.residency.auditor.input.YamlErrors.problem(e) + ")", e);
        }
        JsonNode object = select(objects, spec);
        String kind = object.path("kind").asString();
        String name = object.path("metadata").path("name").asString("?");
        Map<String, JsonNode> data = new java.util.LinkedHashMap<>();
        object.path("data").properties().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        Map<String, JsonNode> stringData = new java.util.LinkedHashMap<>();
        object.path("stringData").properties().forEach(entry -> stringData.put(entry.getKey(), entry.getValue()));

        List<String> keys = new ArrayList<>(stringData.keySet());
        keys.addAll(data.keySet());
        String key = chooseKey(keys, spec, sourceKind, kind + " " + name);
        String origin = "key " + key + " of " + kind + " " + name;
        if (stringData.containsKey(key)) {
            return new Embedded(stringData.get(key).asString(), origin, firstLine(manifest, kind, name, "stringData", key));
        }
        String value = data.get(key).asString();
        if (!kind.equals("Secret")) {
            return new Embedded(value, origin, firstLine(manifest, kind, name, "data", key));
        }
        try {
            value = new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SourceReadException(origin + " is not valid base64; expected Secret data to be base64-encoded");
        }
        return new Embedded(value, origin, -1);
    }

    /**
     * The line after {@code key: |} in the document of the manifest that holds this object: a literal
     * block scalar keeps the config's lines as they are, so line N of the config is that line + N - 1.
     */
    private int firstLine(String manifest, String kind, String name, String section, String key) {
        ManifestDocuments.Document document = documents.find(manifest, kind, name);
        return document == null ? -1 : document.literalBlockStart(List.of(section, key));
    }

    private static JsonNode select(List<JsonNode> objects, SourceSpec spec) throws SourceReadException {
        if (spec.object() != null) {
            return objects.stream()
                    .filter(o -> spec.object().equals(o.path("metadata").path("name").asString()))
                    .findFirst()
                    .orElseThrow(() -> new SourceReadException("no ConfigMap or Secret named '" + spec.object() + "'; found "
                            + objects.stream().map(o -> o.path("metadata").path("name").asString("?")).toList()));
        }
        if (objects.size() != 1) {
            throw new SourceReadException(objects.isEmpty()
                    ? "holds no ConfigMap or Secret; expected a Kubernetes manifest with the config under data or stringData"
                    : "holds " + objects.size() + " ConfigMaps/Secrets " + objects.stream().map(o -> o.path("metadata").path("name").asString("?")).toList()
                    + "; set 'object' in the estate to choose one");
        }
        return objects.get(0);
    }

    /** The data keys tried, in order, when a ConfigMap or Secret holds several and the estate names none. */
    static List<String> usualKeys(SourceKind sourceKind) {
        List<String> usual = new ArrayList<>(GENERIC_KEYS);
        usual.addAll(sourceKind.configMapKeys());
        return List.copyOf(usual);
    }

    private static String chooseKey(List<String> keys, SourceSpec spec, SourceKind sourceKind, String object) throws SourceReadException {
        if (spec.key() != null) {
            if (!keys.contains(spec.key())) {
                throw new SourceReadException(object + " has no key '" + spec.key() + "'; found " + keys);
            }
            return spec.key();
        }
        if (keys.size() == 1) {
            return keys.get(0);
        }
        return usualKeys(sourceKind).stream().filter(keys::contains).findFirst()
                .orElseThrow(() -> new SourceReadException(object + " has keys " + keys + "; set 'key' in the estate to choose one"));
    }
}
