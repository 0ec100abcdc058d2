package io.residency.auditor.collect.config;

/**
 * One place a config sends data to, before it is tied to a source and region.
 *
 * @see io.residency.auditor.facts.StorageFact
 */
public record StorageLocation(String configPath, String backend, String bucket, String declaredRegion,
                              String regionBasis, String endpoint) {
}
