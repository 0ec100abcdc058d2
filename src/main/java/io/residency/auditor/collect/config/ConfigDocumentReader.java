package io.residency.auditor.collect.config;

import io.residency.auditor.estate.SourceSpec;
import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlErrors;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Turns a source's bytes into a configuration tree, whatever the format it was shipped in. */
public final class ConfigDocumentReader {

    private final ObjectMapper yaml = io.residency.auditor.input.YamlParsers.mapper().build();
    /** Helm reads values with sigs.k8s.io/yaml (go-yaml v2, not strict): a repeated key is allowed and the last one wins. */
    private final ObjectMapper helmYaml = io.residency.auditor.input.YamlParsers.mapper()
            .disable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final EnvExpander envExpander;
    private final ConfigMapExtractor configMaps = new ConfigMapExtractor();
    private final OtelOperatorResource operatorResources = new OtelOperatorResource();
    private final HelmCharts charts = new HelmCharts();

    public ConfigDocumentReader(EnvExpander envExpander) {
        this.envExpander = envExpander;
    }

    /** @param kind the registered kind of {@code spec}: it knows its ConfigMap keys and its Helm charts */
    public ConfigDocument read(byte[] raw, SourceSpec spec, SourceKind kind) throws SourceReadException {
        String sha256 = Sha256.hex(raw);
        String text = utf8(raw);
        return switch (spec.formatOrDefault()) {
            case "configmap" -> {
                refuseTemplate(text);
                ConfigMapExtractor.Embedded embedded = configMaps.extract(text, spec, kind);
                String config = expand(embedded.text(), spec, kind);
                byte[] bytes = config.getBytes(StandardCharsets.UTF_8);
                ConfigLines lines = embedded.firstLine() > 0 ? ConfigLines.yaml(bytes, embedded.firstLine() - 1) : ConfigLines.none();
                yield new ConfigDocument(ConfigTree.root(mapping(config, embedded.origin())), sha256, bytes, embedded.origin(), lines,
                        java.util.Set.of());
            }
            case "helm-values" -> {
                // Values may hold templates the chart renders with tpl; only a template where the auditor reads is refused.
                HelmChart chart = charts.chartFor(kind.name(), spec.chart());
                String expanded = expand(text, spec, kind);
                HelmValues values = new HelmValues(mapping(helmYaml, expanded, ""), expanded.getBytes(StandardCharsets.UTF_8));
                Optional<String> misfit = chart.misfit(values);
                if (misfit.isPresent()) {
                    throw new SourceReadException("these values do not fit chart " + chart.name()
                            + (spec.chart() == null ? " (the default for kind " + kind.name() + ")" : "") + ": " + misfit.get()
                            + "; name the chart in the estate (chart: one of " + String.join(", ", charts.names()) + ")");
                }
                RenderedChart rendered = chart.render(values);
                yield new ConfigDocument(ConfigTree.root(rendered.config()), sha256, null,
                        "Helm values of chart " + chart.name(), rendered, rendered.inClusterStores());
            }
            case "otel-operator" -> {
                if (!(kind instanceof OtelCollectorKind)) {
                    throw new SourceReadException("format otel-operator is read only for kind otel-collector; expected format raw or configmap");
                }
                // The collector expands ${env:...} in whatever the operator hands it, in either API version.
                OtelOperatorResource.Embedded embedded = operatorResources.extract(expand(text, spec, kind), spec);
                if (embedded.text() != null) {
                    yield new ConfigDocument(ConfigTree.root(mapping(embedded.text(), embedded.origin())), sha256,
                            embedded.text().getBytes(StandardCharsets.UTF_8), embedded.origin(), embedded.lines(), java.util.Set.of());
                }
                yield new ConfigDocument(ConfigTree.root(embedded.tree()), sha256, null, embedded.origin(), embedded.lines(), java.util.Set.of());
            }
            default -> {
                refuseTemplate(text);
                String config = expand(text, spec, kind);
                yield new ConfigDocument(ConfigTree.root(mapping(config, "")), sha256, config.getBytes(StandardCharsets.UTF_8), "");
            }
        };
    }

    private String expand(String text, SourceSpec spec, SourceKind kind) throws SourceReadException {
        if (!spec.expandEnvOrDefault()) {
            return text;
        }
        // The collector's confmap has its own syntax; Loki and Tempo expand an unset variable to empty,
        // which only the field holding it is unverified for; other kinds refuse an unset variable.
        if (kind instanceof OtelCollectorKind) {
            return envExpander.expandConfmap(text);
        }
        return kind instanceof LokiKind || kind instanceof TempoKind ? envExpander.expandLenient(text) : envExpander.expand(text);
    }

    /** Parses one YAML document that must be a mapping. */
    JsonNode mapping(String text, String origin) throws SourceReadException {
        return mapping(yaml, text, origin);
    }

    private static JsonNode mapping(ObjectMapper yaml, String text, String origin) throws SourceReadException {
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
