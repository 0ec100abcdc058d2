package io.residency.auditor.collect.config;

import io.residency.auditor.input.YamlLocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Where a Kubernetes object is among the documents of a manifest file, so that a config embedded in
 * it (a ConfigMap's key, an OpenTelemetryCollector's spec.config) is given the file's own lines.
 */
final class ManifestDocuments {

    /** A literal block scalar header ({@code key: |}, {@code |-}, {@code |2}), after which the value's lines are the file's. */
    private static final Pattern LITERAL_BLOCK = Pattern.compile("\\|[-+0-9]*(\\s+#.*)?");

    /**
     * One document of the file.
     *
     * @param offset the number of file lines before the document's first line
     */
    record Document(int offset, String text) {

        byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        /** The file line of a path inside this document, or -1. */
        int lineOf(List<Object> path) {
            int line = YamlLocator.lineOf(bytes(), path);
            return line < 1 ? -1 : offset + line;
        }

        /**
         * The file line that holds the first line of the string at {@code path}, when it is a literal
         * block scalar (whose lines are the file's, line for line); -1 otherwise (quoted, folded, inline).
         */
        int literalBlockStart(List<Object> path) {
            int line = YamlLocator.lineOf(bytes(), path);
            if (line < 1) {
                return -1;
            }
            String header = text.lines().skip(line - 1).findFirst().orElse("");
            String key = String.valueOf(path.get(path.size() - 1));
            int colon = header.indexOf(':', Math.max(0, header.indexOf(key) + key.length()));
            return colon >= 0 && LITERAL_BLOCK.matcher(header.substring(colon + 1).strip()).matches() ? offset + line + 1 : -1;
        }
    }

    private final ObjectMapper yaml = io.residency.auditor.input.YamlParsers.mapper().build();

    /** The first document of {@code manifest} whose kind and metadata.name are these, or {@code null}. */
    Document find(String manifest, String kind, String name) {
        List<String> lines = manifest.lines().toList();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || lines.get(i).startsWith("---")) {
                Document document = new Document(start, String.join("\n", lines.subList(start, i)));
                if (is(document, kind, name)) {
                    return document;
                }
                start = i + 1;
            }
        }
        return null;
    }

    private boolean is(Document document, String kind, String name) {
        try {
            JsonNode node = yaml.readTree(document.text());
            return node != null && kind.equals(node.path("kind").asString("")) && name.equals(node.path("metadata").path("name").asString("?"));
        } catch (JacksonException e) {
            return false;
        }
    }

    /** For a path's lines: the file line of {@code prefix} + path inside the document, or -1. */
    static ConfigLines under(Document document, List<Object> prefix) {
        return path -> {
            List<Object> full = new ArrayList<>(prefix);
            full.addAll(path);
            return document.lineOf(full);
        };
    }
}
