package io.residency.auditor.collect.config;

import java.util.List;
import java.util.Optional;

/**
 * Stores of providers other than AWS, GCS and Azure (Baidu BOS, Alibaba Cloud OSS, IBM or Tencent
 * COS, Oracle OCI, Huawei OBS, OpenStack Swift, ...). Their region ids are their own (Alibaba's
 * {@code eu-west-1} is London), so a {@code region} key here is never compared with the policy's
 * regions: only the store's endpoint host, placed by the estate's {@code endpoints} map, locates it.
 */
final class ProviderStores {

    private final EndpointRegions regions;

    ProviderStores(EndpointRegions regions) {
        this.regions = regions;
    }

    StorageLocation read(String backend, ConfigTree block) {
        String path = block.pathText();
        String bucket = first(block, "bucket", "bucket_name", "container_name", "container")
                .or(() -> block.text("bucketnames").map(S3Url::splitBuckets).filter(list -> !list.isEmpty()).map(list -> list.get(0)))
                .orElse("");
        String regionNote = block.text("region").or(() -> block.text("region_name"))
                .map(region -> "; its region key '" + region + "' is " + backend + "'s own region id, never compared with the policy's regions")
                .orElse("");
        Optional<String> endpoint = block.text("endpoint");
        if (endpoint.isEmpty()) {
            return StorageLocation.unlocated(path, backend, bucket, "backend " + backend + " at " + path + " names no endpoint"
                    + regionNote + "; expected " + path + ".endpoint set to the store's host, placed by the estate's endpoints map");
        }
        EndpointLocation found = regions.resolve(endpoint.get());
        String host = found.host().isEmpty() ? null : found.host();
        if (found.isLocated()) {
            return new StorageLocation(path, backend, bucket, found.region(), found.explanation(), host, true, "");
        }
        return new StorageLocation(path, backend, bucket, null, found.explanation() + regionNote, host, true, "");
    }

    private static Optional<String> first(ConfigTree block, String... keys) {
        for (String key : keys) {
            Optional<String> value = block.text(key);
            if (value.isPresent() && !value.get().isBlank()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
