package io.residency.auditor.collect.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The config template a chart ships in its own values ({@code loki.config}, {@code config}). Values
 * that hold this very template (the chart's values.yaml does) are modelled by the chart's class; any
 * other text replaces what the chart renders: read as the config when it is plain YAML, refused as
 * not rendered when it holds {@code {{ }}}.
 */
final class ChartTemplates {

    private ChartTemplates() {
    }

    /**
     * The config written in the values' own template key, or empty when the chart's template stands.
     *
     * @param resource the bundled default template, under helm-chart-templates/
     */
    static Optional<String> override(HelmValues values, String resource, Object... key) throws SourceReadException {
        JsonNode node = values.at(key);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw new SourceReadException(values.where(key) + " is not a string; expected the config template as text");
        }
        String text = node.asString();
        if (normalized(text).equals(normalized(bundled(resource)))) {
            return Optional.empty();
        }
        if (text.contains("{{")) {
            throw new SourceReadException(values.where(key) + " replaces the chart's config template and holds {{ }}: not rendered."
                    + " Render the chart (helm template) and audit the rendered ConfigMap with format: configmap");
        }
        return Optional.of(text);
    }

    private static String normalized(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static String bundled(String resource) {
        try (InputStream in = ChartTemplates.class.getResourceAsStream("/helm-chart-templates/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled chart template " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
