package io.residency.auditor.collect.config;

import io.residency.auditor.estate.SourceSpec;
import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlErrors;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Turns a source's bytes into a configuration tree, whatever the format it was shipped in. */
public final class ConfigDocumentReader {

    private final ObjectMapper yaml = io.residency.auditor.input.YamlParsers.mapper().build();
    private final EnvExpander envExpander;
    private final ConfigMapExtractor configMaps = new ConfigMapExtractor();
    private final OtelOperatorResource operatorResources = new OtelOperatorResource();

    public ConfigDocumentReader(EnvExpander envExpander) {
        this.envExpander = envExpander;
    }

    /** @param kind the registered kind of {@code spec}: it knows its ConfigMap keys and its Helm charts */
    public ConfigDocument read(byte[] raw, SourceSpec spec, SourceKind kind) throws SourceReadException {
        String sha256 = Sha256.hex(raw);
        String text = utf8(raw);
        refuseTemplate(text);
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
            case "otel-operator" -> {
                if (!(kind instanceof OtelCollectorKind)) {
                    throw new SourceReadException("format otel-operator is read only for kind otel-collector; expected format raw or configmap");
                }
                // The collector expands ${env:...} in whatever the operator hands it, in either API version.
                OtelOperatorResource.Embedded embedded = operatorResources.extract(expand(text, spec, kind), spec);
                if (embedded.text() != null) {
                    yield new ConfigDocument(ConfigTree.root(mapping(embedded.text(), embedded.origin())), sha256,
                            embedded.text().getBytes(StandardCharsets.UTF_8), embedded.origin());
                }
                yield new ConfigDocument(ConfigTree.root(embedded.tree()), sha256, null, embedded.origin());
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

    /**
     * A Helm, Go or Nomad template is not the config the component runs: its {@code {{ ... }}} are
     * rendered first. Read as YAML it would give a config that never ran, so it is refused.
     */
    static void refuseTemplate(String text) throws SourceReadException {
        int line = 0;
        for (String each : text.split("\n", -1)) {
            line++;
            int open = each.indexOf("{{");
            if (open >= 0 && each.indexOf("}}", open) > open && !each.strip().startsWith("#")) {
                throw new SourceReadException("line " + line + ": template: render it first (helm template / nomad); expected a rendered configuration");
            }
        }
    }

    private static String utf8(byte[] raw) throws SourceReadException {
        if (!InputFiles.isUtf8(raw)) {
            throw new SourceReadException("not UTF-8 text; expected a YAML configuration");
        }
        return new String(raw, StandardCharsets.UTF_8);
    }
}
