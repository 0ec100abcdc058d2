package io.residency.auditor.collect.config;

import io.residency.auditor.estate.SourceSpec;
import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlErrors;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Turns a source's bytes into a configuration tree, whatever the format it was shipped in. */
public final class ConfigDocumentReader {

    private final ObjectMapper yaml = YAMLMapper.builder()
            // Loki and Tempo refuse a key set twice; so does the auditor, rather than guess which one counts.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final EnvExpander envExpander;
    private final ConfigMapExtractor configMaps = new ConfigMapExtractor();

    public ConfigDocumentReader(EnvExpander envExpander) {
        this.envExpander = envExpander;
    }

    /** @param kind the registered kind of {@code spec}: it knows its ConfigMap keys and its Helm charts */
    public ConfigDocument read(byte[] raw, SourceSpec spec, SourceKind kind) throws SourceReadException {
        String sha256 = Sha256.hex(raw);
        String text = utf8(raw);
        return switch (spec.formatOrDefault()) {
            case "configmap" -> {
                ConfigMapExtractor.Embedded embedded = configMaps.extract(text, spec, kind);
                String config = expand(embedded.text(), spec, kind);
                yield new ConfigDocument(ConfigTree.root(mapping(config, embedded.origin())), sha256,
                        config.getBytes(StandardCharsets.UTF_8), embedded.origin());
            }
            case "helm-values" -> {
                if (!(kind instanceof HelmChartKind chart)) {
                    throw new SourceReadException("format helm-values is not read for kind " + kind.name() + "; expected format raw or configmap");
                }
                JsonNode values = mapping(expand(text, spec, kind), "");
                yield new ConfigDocument(ConfigTree.root(chart.fromHelmValues(values)), sha256, null,
                        "Helm values of the " + kind.name() + " chart");
            }
            default -> {
                String config = expand(text, spec, kind);
                yield new ConfigDocument(ConfigTree.root(mapping(config, "")), sha256, config.getBytes(StandardCharsets.UTF_8), "");
            }
        };
    }

    private String expand(String text, SourceSpec spec, SourceKind kind) throws SourceReadException {
        if (!spec.expandEnvOrDefault()) {
            return text;
        }
        // The collector's confmap has its own syntax and leaves an unset variable empty rather than failing.
        return kind instanceof OtelCollectorKind ? envExpander.expandConfmap(text) : envExpander.expand(text);
    }

    /** Parses one YAML document that must be a mapping. */
    JsonNode mapping(String text, String origin) throws SourceReadException {
        String where = origin.isEmpty() ? "" : " (" + origin + ")";
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JacksonException e) {
            String place = YamlErrors.place(text.getBytes(StandardCharsets.UTF_8), e);
            throw new SourceReadException((place.isEmpty() ? "" : place + ": ") + YamlErrors.problem(e) + where + "; expected YAML", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new SourceReadException("empty" + where + "; expected a YAML mapping");
        }
        if (!root.isObject()) {
            throw new SourceReadException("top level is a " + root.getNodeType().name().toLowerCase() + where + "; expected a YAML mapping");
        }
        return root;
    }

    private static String utf8(byte[] raw) throws SourceReadException {
        if (!InputFiles.isUtf8(raw)) {
            throw new SourceReadException("not UTF-8 text; expected a YAML configuration");
        }
        return new String(raw, StandardCharsets.UTF_8);
    }
}
