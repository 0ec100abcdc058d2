package io.residency.auditor.facts;

/**
 * A flow of one data class between regions that a config sets up.
 *
 * @param direction send, store or query
 * @param endpoint  the host or s3://bucket, never credentials
 * @param line      where configPath starts in the source file, or {@code null}
 */
public record EgressFact(String sourceId, String region, String component, String configPath, String dataClass,
                         String direction, String endpoint, String originRegion, String destinationRegion,
                         String regionBasis, Integer line) {
}
