package io.residency.auditor.collect.k8s;

import io.residency.auditor.input.YamlParsers;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A resource as the API served it (JSON), written as the YAML text {@code kubectl get -o yaml}
 * shows: multi-line strings (a v1alpha1 collector's {@code spec.config}) as literal blocks, so a
 * finding's line points at a readable line of the bundled copy.
 */
final class ResourceYaml {

    private static final YAMLMapper YAML = YamlParsers.mapper()
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();

    private ResourceYaml() {
    }

    static byte[] of(String json) {
        JsonNode tree = JsonMapper.builder().build().readTree(json);
        return YAML.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
    }
}
