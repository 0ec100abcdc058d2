package io.residency.auditor.policy;

import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * What a framework demands of the data classes it covers: where they are stored, where they may
 * be replicated, what may be federated out, and how long SOX logs must be kept.
 */
public record FrameworkRules(
        List<String> storageInJurisdiction,
        List<String> replicationInJurisdiction,
        List<String> federationAllowed,
        @Min(value = 1, message = "expected a number of days of at least 1") Integer minimumLogRetentionDays) {

    public FrameworkRules {
        storageInJurisdiction = storageInJurisdiction == null ? List.of() : List.copyOf(storageInJurisdiction);
        replicationInJurisdiction = replicationInJurisdiction == null ? List.of() : List.copyOf(replicationInJurisdiction);
        federationAllowed = federationAllowed == null ? List.of() : List.copyOf(federationAllowed);
    }
}
