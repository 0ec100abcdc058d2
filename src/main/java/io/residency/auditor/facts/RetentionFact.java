package io.residency.auditor.facts;

/**
 * How long a component keeps a tenant's (or a stream's) data.
 *
 * @param hours    {@code null} when kept without limit
 * @param enforced whether anything deletes data after that time
 */
public record RetentionFact(String sourceId, String region, String component, String configPath, String tenant,
                            String scope, Long hours, boolean enforced) {
}
