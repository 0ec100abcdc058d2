package io.residency.auditor.collect.config;

/**
 * One place a config sends stored data to, before it is tied to a source and region.
 *
 * @param inEffect whether the running component writes there (a schema period, the ruler, or the only store)
 * @param usedBy   what uses the store, e.g. "schema_config.configs[0] (from 2020-10-24)"
 * @see io.residency.auditor.facts.StorageFact
 */
public record StorageLocation(String configPath, String backend, String bucket, String declaredRegion,
                              String regionBasis, String endpoint, boolean inEffect, String usedBy) {

    /** A location whose region is unknown, with the reason. */
    public static StorageLocation unlocated(String configPath, String backend, String bucket, String why) {
        return new StorageLocation(configPath, backend, bucket, null, why, null, true, "");
    }

    public StorageLocation withUse(boolean inEffect, String usedBy) {
        return new StorageLocation(configPath, backend, bucket, declaredRegion, regionBasis, endpoint, inEffect, usedBy);
    }
}
