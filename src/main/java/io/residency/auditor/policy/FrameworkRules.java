package io.residency.auditor.policy;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.util.List;

/**
 * What a framework demands of the data classes it covers: where they are stored, where they may
 * be replicated, what may be federated out, and how long SOX logs must be kept.
 *
 * @param definition the framework's definition file (provisions and the controls that support them), for a
 *                   framework the auditor does not bundle; relative to the policy file's folder
 */
public record FrameworkRules(
        List<String> storageInJurisdiction,
        List<String> replicationInJurisdiction,
        List<String> federationAllowed,
        @Min(value = 1, message = "expected a number of days of at least 1") Integer minimumLogRetentionDays,
        String definition) {

    public FrameworkRules {
        storageInJurisdiction = storageInJurisdiction == null ? List.of() : List.copyOf(storageInJurisdiction);
        replicationInJurisdiction = replicationInJurisdiction == null ? List.of() : List.copyOf(replicationInJurisdiction);
        federationAllowed = federationAllowed == null ? List.of() : List.copyOf(federationAllowed);
    }

    /** The same rules with the definition file resolved against the policy file's folder. */
    FrameworkRules withDefinitionIn(Path folder) {
        return definition == null ? this : new FrameworkRules(storageInJurisdiction, replicationInJurisdiction, federationAllowed,
                minimumLogRetentionDays, folder.resolve(definition).normalize().toString());
    }
}
