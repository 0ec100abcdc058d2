package io.residency.auditor.policy;

import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlInputReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads the residency policy from a file, or the bundled default that encodes the residency table. */
public final class PolicyLoader {

    public static final String BUNDLED = "bundled:default-policy.yaml";
    private static final String BUNDLED_RESOURCE = "/policy/default-policy.yaml";
    private static final String EXPECTED = "a residency policy (version, jurisdictions, dataClasses, frameworks)";

    private final YamlInputReader reader;

    public PolicyLoader(YamlInputReader reader) {
        this.reader = reader;
    }

    /** @param file the policy file, or {@code null} for the bundled default */
    public LoadedPolicy load(Path file) {
        if (file == null) {
            return load(BUNDLED, bundledBytes());
        }
        LoadedPolicy loaded = load(file.toString(), InputFiles.read(file, EXPECTED));
        // A framework's definition file is named relative to the policy, wherever the auditor runs.
        Path folder = file.toAbsolutePath().getParent();
        Map<String, FrameworkRules> frameworks = new LinkedHashMap<>();
        loaded.policy().frameworks().forEach((id, rules) -> frameworks.put(id, rules.withDefinitionIn(folder)));
        Policy policy = loaded.policy();
        return new LoadedPolicy(new Policy(policy.version(), policy.jurisdictions(), policy.dataClasses(), frameworks, policy.pii(),
                policy.exceptions()),
                loaded.source(), loaded.sha256());
    }

    private LoadedPolicy load(String name, byte[] content) {
        Policy policy = reader.read(name, content, Policy.class, EXPECTED);
        new PolicyReferences(name, content).check(policy);
        return new LoadedPolicy(policy, name, Sha256.hex(content));
    }

    /** The bundled default policy as the jar holds it: what a run without --policy judged by. */
    public static byte[] bundledBytes() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + BUNDLED_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
