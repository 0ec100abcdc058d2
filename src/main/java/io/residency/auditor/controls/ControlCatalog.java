package io.residency.auditor.controls;

import io.residency.auditor.findings.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The controls the auditor runs, read from {@code sql/controls/} (carried in the jar). */
public final class ControlCatalog {

    private static final String FOLDER = "/sql/controls/";

    private final List<ControlDefinition> controls;

    private ControlCatalog(List<ControlDefinition> controls) {
        this.controls = List.copyOf(controls);
    }

    /** Read once per process: the jar's catalog cannot change, and several parts of a run ask for it. */
    private static ControlCatalog bundled;

    public static synchronized ControlCatalog load() {
        if (bundled == null) {
            bundled = read();
        }
        return bundled;
    }

    private static ControlCatalog read() {
        ObjectMapper yaml = YAMLMapper.builder().build();
        JsonNode root = yaml.readTree(resource("catalog.yaml"));
        List<ControlDefinition> controls = new ArrayList<>();
        for (JsonNode node : root.get("controls")) {
            String queryFile = node.get("query").asString();
            Map<String, String> parameters = new LinkedHashMap<>();
            node.path("parameters").properties().forEach(entry -> parameters.put(entry.getKey(), entry.getValue().asString()));
            controls.add(new ControlDefinition(node.get("id").asString(), node.get("title").asString(),
                    Severity.parse(node.get("severity").asString()),
                    parameters,
                    node.get("rationale").asString(), node.get("remediation").asString(),
                    queryFile, new String(resource(queryFile), StandardCharsets.UTF_8)));
        }
        return new ControlCatalog(controls);
    }

    /** The catalog file as the jar holds it, for the evidence bundle. */
    public static byte[] catalogYaml() {
        return resource("catalog.yaml");
    }

    public List<ControlDefinition> controls() {
        return controls;
    }

    private static byte[] resource(String name) {
        try (InputStream in = ControlCatalog.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + FOLDER + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
