package io.residency.auditor.controls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The frameworks' provisions that controls cite ({@code sql/controls/frameworks.yaml}), with their sources. */
public final class FrameworkCatalog {

    /** A framework's full name and where its text is published. */
    public record Framework(String id, String name, String source, List<Provision> provisions) {
    }

    private final Map<String, Framework> frameworks;

    private FrameworkCatalog(Map<String, Framework> frameworks) {
        this.frameworks = Map.copyOf(frameworks);
    }

    public static FrameworkCatalog load() {
        JsonNode root;
        try (InputStream in = FrameworkCatalog.class.getResourceAsStream("/sql/controls/frameworks.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks /sql/controls/frameworks.yaml");
            }
            root = YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Framework> frameworks = new LinkedHashMap<>();
        root.get("frameworks").properties().forEach(entry -> {
            List<Provision> provisions = new ArrayList<>();
            for (JsonNode provision : entry.getValue().get("provisions")) {
                provisions.add(new Provision(entry.getKey(), provision.get("ref").asString(), provision.get("title").asString(),
                        provision.get("why").asString()));
            }
            frameworks.put(entry.getKey(), new Framework(entry.getKey(), entry.getValue().get("name").asString(),
                    entry.getValue().get("source").asString(), provisions));
        });
        return new FrameworkCatalog(frameworks);
    }

    public Optional<Framework> framework(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    public Optional<Provision> provision(String framework, String ref) {
        return framework(framework).flatMap(f -> f.provisions().stream().filter(p -> p.ref().equals(ref)).findFirst());
    }
}
