package io.residency.auditor.collect.config;

import java.util.List;

/**
 * Reads one object-store block of a given backend into storage locations. Backends whose
 * configuration does not say where the data is (GCS, Azure, Swift, ...) give locations with an
 * unknown region and the reason, never a guess.
 */
final class ObjectStoreBlocks {

    private final S3Settings s3;

    ObjectStoreBlocks(S3Settings s3) {
        this.s3 = s3;
    }

    /** Loki's classic blocks: aws/s3 with URL and bucketnames. */
    List<StorageLocation> classic(String backend, ConfigTree block, String stackRegion) {
        return switch (backend) {
            case "aws", "s3" -> s3.readClassic(block);
            default -> common(backend, block, stackRegion);
        };
    }

    /** Thanos-style blocks (Tempo, Thanos objstore, Loki's new clients): one bucket key, endpoint, region. */
    List<StorageLocation> bucketStyle(String backend, ConfigTree block, String stackRegion, String s3BucketKey) {
        return switch (backend) {
            case "aws", "s3" -> s3.readBucketStyle(block, s3BucketKey);
            default -> common(backend, block, stackRegion);
        };
    }

    private List<StorageLocation> common(String backend, ConfigTree block, String stackRegion) {
        String path = block.pathText();
        return switch (backend) {
            case "filesystem", "local", "inmemory" -> List.of(new StorageLocation(path, "filesystem", "", stackRegion,
                    "local volume of the stack", null, true, ""));
            case "gcs" -> List.of(StorageLocation.gcs(path, block.text("bucket_name").or(() -> block.text("bucket")).orElse("")));
            case "azure" -> List.of(StorageLocation.azure(path, block.text("account_name").or(() -> block.text("storage_account")).orElse(null),
                    block.text("container_name").or(() -> block.text("container")).orElse(""),
                    block.text("endpoint_suffix").or(() -> block.text("endpoint")).orElse(null), s3.endpointRegions()));
            default -> List.of(new ProviderStores(s3.endpointRegions()).read(backend, block));
        };
    }
}
