package io.residency.auditor.collect.config;

/**
 * A data class as the residency policy names it ({@code dataClasses:} in the policy). Source kinds
 * declare theirs with these constants, so a kind cannot carry a class the policy has no rule for.
 */
public enum DataClassName {
    LOGS("logs"),
    TRACES("traces"),
    METRICS_RAW("metrics-raw"),
    METRICS_AGGREGATE("metrics-aggregate");

    private final String policyName;

    DataClassName(String policyName) {
        this.policyName = policyName;
    }

    /** The key of this class under the policy's {@code dataClasses}. */
    public String policyName() {
        return policyName;
    }
}
