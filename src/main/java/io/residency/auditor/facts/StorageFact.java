package io.residency.auditor.facts;

/**
 * Where a component's configuration says it stores one data class.
 *
 * @param configPath     the place in the config, e.g. {@code common.storage.s3}
 * @param backend        s3, filesystem, gcs, azure, swift, ...
 * @param bucket         the bucket, or empty where the backend has none
 * @param declaredRegion the region the config points the data at, or {@code null} when it does not say
 * @param regionBasis    how {@code declaredRegion} was found (or why it could not be)
 * @param endpoint       the storage endpoint host, if the config names one
 * @param inEffect       whether the component writes there (used by a schema period, the ruler, ...)
 * @param usedBy         what uses it
 * @param line           where configPath starts in the source file, or {@code null}
 */
public record StorageFact(String sourceId, String region, String component, String dataClass,
                          String configPath, String backend, String bucket, String declaredRegion,
                          String regionBasis, String endpoint, boolean inEffect, String usedBy, Integer line) {
}
