package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code loki} source kind: every place a Loki configuration stores logs, and how long it keeps them.
 *
 * <p>Stores are read wherever Loki lets them be set (common.storage, storage_config and its
 * named stores, the Thanos-style object_store blocks, ruler storage). Each schema period names
 * the store it writes to; a store that no period and no ruler uses is recorded but not in effect.
 * Old periods count: their data stays in their buckets until retention deletes it.
 */
public final class LokiKind implements HelmChartKind {

    /** A classic store: the name schema periods use, its key under storage_config and under common.storage. */
    private record ClassicStore(String name, String storageConfigKey, String commonKey) {
    }

    private static final List<ClassicStore> CLASSIC = List.of(
            new ClassicStore("s3", "aws", "s3"),
            new ClassicStore("gcs", "gcs", "gcs"),
            new ClassicStore("azure", "azure", "azure"),
            new ClassicStore("filesystem", "filesystem", "filesystem"),
            new ClassicStore("swift", "swift", "swift"),
            new ClassicStore("bos", "bos", "bos"),
            new ClassicStore("cos", "cos", "cos"),
            new ClassicStore("alibabacloud", "alibabacloud", "alibabacloud"));

    @Override
    public String name() {
        return "loki";
    }

    @Override
    public Set<DataClassName> dataClasses() {
        return EnumSet.of(DataClassName.LOGS);
    }

    @Override
    public Optional<DataClassName> storedDataClass() {
        return Optional.of(DataClassName.LOGS);
    }

    @Override
    public List<String> configMapKeys() {
        return List.of("loki.yaml");
    }

    @Override
    public List<String> destinationFields() {
        return List.of("common.storage", "storage_config", "storage_config.named_stores", "storage_config.object_store",
                "common.storage.object_store", "ruler_storage", "ruler.storage", "schema_config.configs[]");
    }

    @Override
    public List<String> helmCharts() {
        return List.of("grafana/loki");
    }

    @Override
    public ParsedConfig parse(ConfigTree config, ParseContext context) {
        ObjectStoreBlocks blocks = context.objectStores();
        Stores stores = new Stores();
        String region = context.stackRegion();
        ConfigTree storageConfig = config.child("storage_config");
        ConfigTree common = config.child("common").child("storage");
        boolean thanos = storageConfig.flag("use_thanos_objstore");

        // Classic clients: storage_config.<backend> wins over common.storage.<backend>, as Loki merges them.
        for (ClassicStore store : CLASSIC) {
            ConfigTree own = storageConfig.child(store.storageConfigKey());
            ConfigTree shared = common.child(store.commonKey());
            ConfigTree chosen = own.exists() ? own : shared;
            if (!chosen.exists()) {
                continue;
            }
            List<StorageLocation> found = blocks.classic(store.name(), chosen, region);
            if (thanos) {
                stores.addDormant(found, "classic client, unused: use_thanos_objstore is true");
            } else {
                stores.add(store.name(), found);
            }
        }
        // Named stores: storage_config.named_stores.<backend>.<name>.
        storageConfig.child("named_stores").entries().forEach((backend, named) ->
                named.entries().forEach((name, block) -> stores.add(name, blocks.classic(backend, requireMapping(block), region))));
        // Thanos-style clients, in effect only with use_thanos_objstore: true.
        for (ConfigTree objectStore : List.of(storageConfig.child("object_store"), common.child("object_store"))) {
            objectStore.entries().forEach((backend, block) -> {
                if (block.isMapping() && !backend.equals("named_stores")) {
                    List<StorageLocation> found = blocks.bucketStyle(backend, block, region, "bucket_name");
                    if (thanos) {
                        stores.add(backend, found);
                    } else {
                        stores.addDormant(found, "Thanos-style client, unused: use_thanos_objstore is not true");
                    }
                }
            });
        }

        List<ConfigTree> periods = config.child("schema_config").items("configs");
        for (ConfigTree period : periods) {
            String from = period.text("from").orElse("?");
            String use = period.pathText() + " (from " + from + ")";
            Optional<String> objectStore = period.text("object_store");
            if (objectStore.isEmpty()) {
                stores.useMissing(period.pathText() + ".object_store", "", use + " names no object_store", use);
            } else if (!stores.use(objectStore.get(), use)) {
                stores.useMissing(period.pathText() + ".object_store", objectStore.get(),
                        use + " writes to store '" + objectStore.get() + "', which is not configured", use);
            }
        }
        rulerStorage(blocks, config, common, region, stores);
        List<StorageLocation> storage = stores.locations(periods.isEmpty());
        return new ParsedConfig(storage, List.of(), LokiRetention.of(config));
    }

    /** ruler_storage (Thanos-style) or the deprecated ruler.storage; without either the ruler shares common.storage. */
    private static void rulerStorage(ObjectStoreBlocks blocks, ConfigTree config, ConfigTree common, String region, Stores stores) {
        ConfigTree rulerStorage = config.child("ruler_storage");
        ConfigTree legacy = config.child("ruler").child("storage");
        if (rulerStorage.exists()) {
            String backend = rulerStorage.text("backend").orElse("filesystem");
            stores.addUsed(blocks.bucketStyle(backend, rulerStorage.child(backend.equals("aws") ? "s3" : backend), region, "bucket_name"),
                    "ruler");
        } else if (legacy.exists()) {
            String type = legacy.text("type").orElse("local");
            ConfigTree block = legacy.child(type.equals("aws") ? "s3" : type);
            stores.addUsed(blocks.classic(type, block, region), "ruler");
        } else if (common.child("s3").exists()) {
            stores.use("s3", "ruler (common.storage)");
        }
    }

    private static ConfigTree requireMapping(ConfigTree block) {
        if (!block.isMapping()) {
            throw new ConfigShapeException(block.path(), "expected a mapping with the store's settings");
        }
        return block;
    }

    /** The grafana/loki chart: loki.storage → common.storage and ruler storage; structuredConfig merged last. */
    @Override
    public JsonNode fromHelmValues(JsonNode values) {
        JsonNode loki = values.path("loki");
        JsonNode storage = loki.path("storage");
        JsonNode buckets = storage.path("bucketNames");
        ObjectNode config = HelmValues.NODES.objectNode();
        String type = storage.path("type").asString("s3");
        switch (type) {
            case "s3" -> {
                JsonNode s3 = storage.path("s3");
                config.putObject("common").putObject("storage").set("s3", helmS3Block(s3, buckets.path("chunks")));
                ObjectNode ruler = config.putObject("ruler").putObject("storage");
                ruler.put("type", "s3");
                ruler.set("s3", helmS3Block(s3, buckets.path("ruler")));
            }
            case "gcs" -> config.putObject("common").putObject("storage").putObject("gcs").set("bucket_name", buckets.path("chunks"));
            case "azure" -> config.putObject("common").putObject("storage").putObject("azure").set("container_name", buckets.path("chunks"));
            case "filesystem" -> config.putObject("common").putObject("storage").putObject("filesystem").put("chunks_directory", "/var/loki/chunks");
            default -> config.putObject("common").putObject("storage").putObject(type);
        }
        if (ConfigTree.isTrue(storage.path("use_thanos_objstore"))) {
            ObjectNode storageConfig = config.putObject("storage_config");
            storageConfig.put("use_thanos_objstore", true);
            JsonNode objectStore = storage.path("object_store");
            if (objectStore.path("s3").isObject()) {
                ObjectNode s3 = (ObjectNode) objectStore.path("s3").deepCopy();
                if (!s3.has("bucket_name") && buckets.has("chunks")) {
                    s3.set("bucket_name", buckets.get("chunks"));
                }
                storageConfig.putObject("object_store").set("s3", s3);
            }
        }
        HelmValues.copy(loki, "schemaConfig", config, "schema_config");
        if (loki.path("storage_config").isObject()) {
            ObjectNode storageConfig = config.has("storage_config") ? (ObjectNode) config.get("storage_config") : config.putObject("storage_config");
            HelmValues.merge(storageConfig, loki.get("storage_config"));
        }
        HelmValues.copy(loki, "limits_config", config, "limits_config");
        HelmValues.copy(loki, "compactor", config, "compactor");
        HelmValues.copy(loki.path("runtimeConfig"), "overrides", config, "overrides");
        if (loki.path("structuredConfig").isObject()) {
            HelmValues.merge(config, loki.get("structuredConfig"));
        }
        return config;
    }

    private static ObjectNode helmS3Block(JsonNode s3, JsonNode bucket) {
        ObjectNode block = HelmValues.NODES.objectNode();
        HelmValues.copy(s3, "s3", block, "s3");
        HelmValues.copy(s3, "endpoint", block, "endpoint");
        HelmValues.copy(s3, "region", block, "region");
        if (!bucket.isMissingNode() && !bucket.isNull()) {
            block.set("bucketnames", bucket);
        }
        return block;
    }

    /** The stores found, by the name a schema period would use, and who uses them. */
    private static final class Stores {
        private final Map<String, List<StorageLocation>> byName = new LinkedHashMap<>();
        private final Map<StorageLocation, List<String>> users = new LinkedHashMap<>();
        private final Map<StorageLocation, String> dormantWhy = new LinkedHashMap<>();

        void add(String name, List<StorageLocation> locations) {
            byName.computeIfAbsent(name.equals("aws") ? "s3" : name, k -> new ArrayList<>()).addAll(locations);
            locations.forEach(l -> users.putIfAbsent(l, new ArrayList<>()));
        }

        void addDormant(List<StorageLocation> locations, String why) {
            locations.forEach(l -> {
                users.putIfAbsent(l, new ArrayList<>());
                dormantWhy.put(l, why);
            });
        }

        void addUsed(List<StorageLocation> locations, String use) {
            locations.forEach(l -> users.computeIfAbsent(l, k -> new ArrayList<>()).add(use));
        }

        boolean use(String name, String use) {
            List<StorageLocation> found = byName.get(name.equals("aws") ? "s3" : name);
            if (found == null || found.isEmpty()) {
                return false;
            }
            found.forEach(l -> users.get(l).add(use));
            return true;
        }

        void useMissing(String configPath, String backend, String why, String use) {
            users.put(StorageLocation.unlocated(configPath, backend.isEmpty() ? "unknown" : backend, "", why), new ArrayList<>(List.of(use)));
        }

        /** Without schema periods (a partial config) every configured store counts as in effect. */
        List<StorageLocation> locations(boolean noPeriods) {
            List<StorageLocation> result = new ArrayList<>();
            users.forEach((location, uses) -> {
                List<String> named = uses.stream().filter(u -> !u.isEmpty()).toList();
                if (!uses.isEmpty()) {
                    result.add(location.withUse(true, String.join(", ", named)));
                } else if (noPeriods && !dormantWhy.containsKey(location)) {
                    result.add(location.withUse(true, "no schema_config: every configured store counts"));
                } else {
                    String why = dormantWhy.getOrDefault(location, "");
                    result.add(location.withUse(false, why.isEmpty() ? "not used by any schema period or the ruler" : why));
                }
            });
            return result;
        }
    }
}
