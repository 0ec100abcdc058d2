package io.residency.auditor.collect.config;

import io.residency.auditor.estate.SourceSpec;
import io.residency.auditor.input.YamlErrors;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;

/**
 * The collector config inside an OpenTelemetry Operator {@code OpenTelemetryCollector} resource
 * ({@code format: otel-operator}): {@code spec.config} is a YAML string in {@code opentelemetry.io/v1alpha1}
 * and a mapping in {@code v1beta1}. The resource may sit among other documents (a ServiceAccount, RBAC);
 * {@code object:} picks one by name where there are several.
 */
final class OtelOperatorResource {

    static final String KIND = "OpenTelemetryCollector";
    static final String V1ALPHA1 = "opentelemetry.io/v1alpha1";
    static final String V1BETA1 = "opentelemetry.io/v1beta1";

    /**
     * The config found: {@code text} for v1alpha1 (a document of its own), or {@code tree} for v1beta1
     * (part of the resource); {@code lines} place its paths in the resource's file: a v1beta1 mapping's
     * under spec.config, a v1alpha1 string's only when it is a literal block ({@code config: |}), whose
     * lines are the file's line for line (a quoted or folded string has no line of the file per line).
     */
    record Embedded(String text, JsonNode tree, String origin, ConfigLines lines) {
    }

    private static final List<Object> SPEC_CONFIG = List.of("spec", "config");

    private final ObjectMapper yaml = io.residency.auditor.input.YamlParsers.mapper().build();
    private final ManifestDocuments documents = new ManifestDocuments();

    Embedded extract(String manifest, SourceSpec spec) throws SourceReadException {
        List<JsonNode> collectors = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(manifest)) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document != null && document.isObject()) {
                    String kind = document.path("kind").asString("");
                    kinds.add(kind.isEmpty() ? "(no kind)" : kind);
                    if (kind.equals(KIND)) {
                        collectors.add(document);
                    }
                }
            }
        } catch (JacksonException e) {
            throw new SourceReadException("not a valid Kubernetes resource (" + YamlErrors.problem(e) + "); expected an " + KIND
                    + " resource as YAML", e);
        }
        JsonNode resource = select(collectors, kinds, spec);
        String apiVersion = resource.path("apiVersion").asString("");
        String name = resource.path("metadata").path("name").asString("?");
        String origin = "spec.config of " + KIND + " " + name + " (" + apiVersion + ")";
        JsonNode config = resource.path("spec").path("config");
        ManifestDocuments.Document document = documents.find(manifest, KIND, name);
        switch (apiVersion) {
            case V1ALPHA1 -> {
                if (!config.isString()) {
                    throw new SourceReadException(origin + " is " + shape(config) + "; expected in " + V1ALPHA1
                            + " the collector config as a YAML string (config: |)");
                }
                int first = document == null ? -1 : document.literalBlockStart(SPEC_CONFIG);
                ConfigLines lines = first > 0 ? ConfigLines.yaml(config.asString().getBytes(java.nio.charset.StandardCharsets.UTF_8), first - 1)
                        : ConfigLines.none();
                return new Embedded(config.asString(), null, origin, lines);
            }
            case V1BETA1 -> {
                if (!config.isObject()) {
                    throw new SourceReadException(origin + " is " + shape(config) + "; expected in " + V1BETA1
                            + " the collector config as a mapping (receivers, exporters, service)");
                }
                return new Embedded(null, config, origin, document == null ? ConfigLines.none() : ManifestDocuments.under(document, SPEC_CONFIG));
            }
            default -> throw new SourceReadException(KIND + " " + name + " has apiVersion '" + apiVersion + "'; expected "
                    + V1ALPHA1 + " or " + V1BETA1);
        }
    }

    private static JsonNode select(List<JsonNode> collectors, List<String> kinds, SourceSpec spec) throws SourceReadException {
        List<String> names = collectors.stream().map(c -> c.path("metadata").path("name").asString("?")).toList();
        if (spec.object() != null) {
            return collectors.stream().filter(c -> spec.object().equals(c.path("metadata").path("name").asString()))
                    .findFirst().orElseThrow(() -> new SourceReadException("no " + KIND + " named '" + spec.object() + "'; found " + names));
        }
        if (collectors.size() != 1) {
            throw new SourceReadException(collectors.isEmpty()
                    ? "holds no " + KIND + " resource (found " + (kinds.isEmpty() ? "nothing" : String.join(", ", kinds))
                    + "); expected the operator's custom resource, apiVersion " + V1ALPHA1 + " or " + V1BETA1
                    : "holds " + collectors.size() + " " + KIND + " resources " + names + "; set 'object' in the estate to choose one");
        }
        return collectors.get(0);
    }

    private static String shape(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "missing";
        }
        return node.isObject() ? "a mapping" : node.isArray() ? "a list" : "a single value";
    }
}
