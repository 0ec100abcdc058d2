package io.residency.auditor.collect.config;

import io.residency.auditor.input.YamlErrors;
import io.residency.auditor.input.YamlLocator;
import java.util.List;

/**
 * Where a path of the parsed configuration is in the file the source came from, so that a finding
 * or an error names the line a person opens: the line itself in a raw file, the line inside the
 * manifest for a config embedded in a ConfigMap, the line of the Helm value the chart rendered it from.
 */
public interface ConfigLines {

    /** The 1-based line in the source file, or -1 when no line of the file holds it. */
    int lineOf(List<Object> configPath);

    /** How a message names the place: "line 12, storage_config.aws" or, for Helm values, the values path too. */
    default String place(List<Object> configPath) {
        int line = lineOf(configPath);
        String readable = YamlErrors.readable(configPath);
        return line < 1 ? readable : readable.isEmpty() ? "line " + line : "line " + line + ", " + readable;
    }

    /** A translated tree without lines (several files merged). */
    static ConfigLines none() {
        return path -> -1;
    }

    /**
     * A YAML document that starts {@code offset} lines into the file (0 for a raw file; the lines
     * before a ConfigMap's block scalar for an embedded config).
     */
    static ConfigLines yaml(byte[] document, int offset) {
        return path -> {
            int line = YamlLocator.lineOf(document, path);
            return line < 1 ? -1 : line + offset;
        };
    }
}
