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

    private static List<StorageLocation> common(String backend, ConfigTree block, String stackRegion) {
        String path = block.pathText();
        return switch (backend) {
            case "filesystem", "local", "inmemory" -> List.of(new StorageLocation(path, "filesystem", "", stackRegion,
                    "local volume of the stack", null, true, ""));
            case "gcs" -> List.of(StorageLocation.unlocated(path, "gcs", block.text("bucket_name").or(() -> block.text("bucket")).orElse(""),
                    "a GCS bucket's location is not in the config (check the bucket itself)"));
            case "azure" -> List.of(StorageLocation.unlocated(path, "azure",
                    block.text("container_name").orElse(block.text("account_name").orElse("")),
                    "an Azure storage account's region is not in the config (check the account itself)"));
            default -> List.of(StorageLocation.unlocated(path, backend, block.text("bucket_name").or(() -> block.text("container_name")).orElse(""),
                    "backend '" + backend + "' is not located by this version"));
        };
    }
}
