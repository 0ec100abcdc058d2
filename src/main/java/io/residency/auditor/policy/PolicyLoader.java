package io.residency.auditor.policy;

import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlInputReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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
        return load(file.toString(), InputFiles.read(file, EXPECTED));
    }

    private LoadedPolicy load(String name, byte[] content) {
        Policy policy = reader.read(name, content, Policy.class, EXPECTED);
        checkReferences(name, policy);
        return new LoadedPolicy(policy, name, Sha256.hex(content));
    }

    /** Cross-references that annotations cannot express. */
    private static void checkReferences(String name, Policy policy) {
        if (policy.version() != 1) {
            throw new InvalidInputException(name, "version", "expected 1, got " + policy.version());
        }
        Map<String, String> regionOwner = new HashMap<>();
        policy.jurisdictions().forEach((jurisdiction, definition) -> {
            for (int i = 0; i < definition.regions().size(); i++) {
                String region = definition.regions().get(i);
                String other = regionOwner.putIfAbsent(region, jurisdiction);
                if (other != null) {
                    throw new InvalidInputException(name, "jurisdictions." + jurisdiction + ".regions[" + i + "]",
                            "region " + region + " is already in jurisdiction " + other + "; expected each region in one jurisdiction only");
                }
            }
            for (int i = 0; i < definition.frameworks().size(); i++) {
                if (!policy.frameworks().containsKey(definition.frameworks().get(i))) {
                    throw new InvalidInputException(name, "jurisdictions." + jurisdiction + ".frameworks[" + i + "]",
                            "unknown framework '" + definition.frameworks().get(i) + "'; expected one of " + policy.frameworks().keySet());
                }
            }
        });
        policy.frameworks().forEach((framework, rules) -> {
            checkDataClasses(name, policy, "frameworks." + framework + ".storageInJurisdiction", rules.storageInJurisdiction());
            checkDataClasses(name, policy, "frameworks." + framework + ".replicationInJurisdiction", rules.replicationInJurisdiction());
            checkDataClasses(name, policy, "frameworks." + framework + ".federationAllowed", rules.federationAllowed());
        });
    }

    private static void checkDataClasses(String name, Policy policy, String place, List<String> classes) {
        for (int i = 0; i < classes.size(); i++) {
            if (!policy.dataClasses().containsKey(classes.get(i))) {
                throw new InvalidInputException(name, place + "[" + i + "]",
                        "unknown data class '" + classes.get(i) + "'; expected one of " + policy.dataClasses().keySet());
            }
        }
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
