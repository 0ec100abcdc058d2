package io.residency.auditor.collect.config;

/**
 * One place a config sends stored data to, before it is tied to a source and region.
 *
 * @param backend  s3, gcs, azure, filesystem, or another provider's backend name (bos, alibabacloud, cos, swift, ...)
 * @param bucket   the bucket (Azure: the container), or {@code ""} when the config names none
 * @param endpoint the storage host (no credentials, no path), or {@code null}; for Azure the account's blob host
 * @param inEffect whether the running component writes there (a schema period, the ruler, or the only store)
 * @param usedBy   what uses the store, e.g. "schema_config.configs[0] (from 2020-10-24)"
 * @see io.residency.auditor.facts.StorageFact
 */
public record StorageLocation(String configPath, String backend, String bucket, String declaredRegion,
                              String regionBasis, String endpoint, boolean inEffect, String usedBy) {

    /** Azure's public blob domain, the default of Loki's {@code endpoint_suffix} and Thanos's {@code endpoint}. */
    static final String AZURE_BLOB_DOMAIN = "blob.core.windows.net";

    /** A location whose region is unknown, with the reason. */
    public static StorageLocation unlocated(String configPath, String backend, String bucket, String why) {
        return new StorageLocation(configPath, backend, bucket, null, why, null, true, "");
    }

    /** A GCS bucket: its location is a setting of the bucket, never in the config. */
    public static StorageLocation gcs(String configPath, String bucket) {
        return unlocated(configPath, "gcs", bucket, "gs://" + bucket + " is a GCS bucket, whose location is a setting of the bucket and"
                + " not in the config; expected the bucket's location from `gcloud storage buckets describe gs://" + bucket
                + " --format='value(location)'`: the auditor does not read GCS, so record a waiver naming that location");
    }

    /**
     * An Azure container of a storage account. The account's host ({@code <account>.blob.core.windows.net},
     * or the suffix the config sets) is one endpoint, so the estate's {@code endpoints} map can place it.
     */
    public static StorageLocation azure(String configPath, String account, String container, String domain, EndpointRegions regions) {
        if (account == null || account.isBlank()) {
            return unlocated(configPath, "azure", container == null ? "" : container, "the Azure store names no storage account"
                    + " (account_name / storage_account); expected the account, whose blob host the estate's endpoints map can place");
        }
        String host = account.strip() + "." + (domain == null || domain.isBlank() ? AZURE_BLOB_DOMAIN : domain.strip());
        EndpointLocation found = regions.resolve(host);
        String basis = found.isLocated() ? found.explanation()
                : "an Azure storage account's region is a setting of the account, not part of its host; " + found.explanation();
        return new StorageLocation(configPath, "azure", container == null ? "" : container, found.region(), basis,
                found.host().isEmpty() ? null : found.host(), true, "");
    }

    public StorageLocation withUse(boolean inEffect, String usedBy) {
        return new StorageLocation(configPath, backend, bucket, declaredRegion, regionBasis, endpoint, inEffect, usedBy);
    }

    /**
     * The store as people write it: {@code s3://bucket}, {@code gs://bucket},
     * {@code https://<account>.blob.core.windows.net/<container>}, {@code <backend>://bucket} for other
     * providers, {@code filesystem}; never {@code s3://} for a store that is not S3. The SQL of
     * RES-LOKI-STORAGE and RES-TEMPO-STORAGE renders a storage fact the same way.
     */
    public String target() {
        return render(backend, bucket, endpoint);
    }

    static String render(String backend, String bucket, String endpoint) {
        if (bucket == null || bucket.isEmpty()) {
            return backend;
        }
        return switch (backend) {
            case "s3", "aws" -> "s3://" + bucket;
            case "gcs" -> "gs://" + bucket;
            case "azure" -> endpoint == null ? "azure container " + bucket : "https://" + endpoint + "/" + bucket;
            default -> backend + "://" + bucket;
        };
    }
}
