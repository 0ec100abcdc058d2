package io.residency.auditor.policy;

import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlInputReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
        return load(file.toString(), InputFiles.read(file, EXPECTED));
    }

    private LoadedPolicy load(String name, byte[] content) {
        Policy policy = reader.read(name, content, Policy.class, EXPECTED);
        new PolicyReferences(name, content).check(policy);
        return new LoadedPolicy(policy, name, Sha256.hex(content));
    }

    private static byte[] bundledBytes() {
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
