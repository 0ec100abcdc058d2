package io.residency.auditor.collect.config;

import io.residency.auditor.input.YamlErrors;
import io.residency.auditor.input.YamlParsers;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A config written as plain YAML text in a chart value (loki.config, config), read as the chart's rendered config. */
final class ChartConfigText {

    private ChartConfigText() {
    }

    static void into(RenderedChart out, String text, List<Object> valuesPath) throws SourceReadException {
        JsonNode config;
        try {
            config = YamlParsers.mapper().build().readTree(text);
        } catch (JacksonException e) {
            throw new SourceReadException("values " + YamlErrors.readable(valuesPath) + ": " + YamlErrors.problem(e) + "; expected a YAML config");
        }
        if (config == null || !config.isObject()) {
            throw new SourceReadException("values " + YamlErrors.readable(valuesPath) + " is not a YAML mapping; expected the component's config");
        }
        config.properties().forEach(entry -> out.set(List.of(entry.getKey()), entry.getValue(), valuesPath));
    }
}
