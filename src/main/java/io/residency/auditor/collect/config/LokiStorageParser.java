package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Finds every place a Loki configuration stores chunks and indexes. */
public final class LokiStorageParser {

    private final S3Settings s3Settings;

    public LokiStorageParser(S3Settings s3Settings) {
        this.s3Settings = s3Settings;
    }

    /** @param stackRegion the region of the stack this Loki runs in, where its local volumes are */
    public List<StorageLocation> parse(JsonNode config, String stackRegion) {
        List<StorageLocation> locations = new ArrayList<>();
        JsonNode common = config.path("common").path("storage");
        if (common.path("s3").isObject()) {
            locations.addAll(s3Settings.read("common.storage.s3", common.get("s3")));
        }
        if (common.path("filesystem").isObject()) {
            locations.add(local("common.storage.filesystem", stackRegion));
        }
        JsonNode storageConfig = config.path("storage_config");
        if (storageConfig.path("aws").isObject()) {
            locations.addAll(s3Settings.read("storage_config.aws", storageConfig.get("aws")));
        }
        if (storageConfig.path("filesystem").isObject()) {
            locations.add(local("storage_config.filesystem", stackRegion));
        }
        return locations;
    }

    /** Filesystem storage lives on the stack's own volumes, so it is in the stack's region. */
    private static StorageLocation local(String configPath, String stackRegion) {
        return new StorageLocation(configPath, "filesystem", "", stackRegion, "local volume of the stack", null);
    }
}
