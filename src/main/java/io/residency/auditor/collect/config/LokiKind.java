package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code loki} source kind: every place a Loki configuration stores logs, and how long it keeps them.
 *
 * <p>Stores are read wherever Loki lets them be set (common.storage, storage_config and its
 * named stores, the Thanos-style object_store blocks, ruler storage). Each schema period names
 * the store it writes to; a store that no period and no ruler uses is recorded but not in effect.
 * Old periods count: their data stays in their buckets until retention deletes it.
 */
public final class LokiKind implements SourceKind {

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

    private static final Set<String> LOCAL_STORES = Set.of("filesystem", "local");

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
            indexStore(period, use, storageConfig, region, stores);
            Optional<String> objectStore = period.text("object_store");
            Optional<String> unset = objectStore.flatMap(UnsetVariables::variable);
            if (unset.isPresent()) {
                stores.useMissing(period.pathText() + ".object_store", "unknown",
                        UnsetVariables.message(period.pathText() + ".object_store", unset.get()), use);
            } else if (objectStore.isEmpty()) {
                stores.useMissing(period.pathText() + ".object_store", "", use + " names no object_store", use);
            } else if (!stores.use(objectStore.get(), use) && LOCAL_STORES.contains(objectStore.get())) {
                // Loki's filesystem client with its default directory (under common.path_prefix): the ingesters' own disk.
                stores.addUsed(List.of(new StorageLocation(period.pathText() + ".object_store", "filesystem", "", region,
                        "filesystem store with Loki's default directory: local volume of the stack", null, true, "")), use);
            } else if (!stores.use(objectStore.get(), use)) {
                stores.useMissing(period.pathText() + ".object_store", objectStore.get(),
                        use + " writes to store '" + objectStore.get() + "', which is not configured", use);
            }
        }
        rulerStorage(blocks, config, common, region, stores);
        List<StorageLocation> storage = stores.locations(periods.isEmpty());
        return new ParsedConfig(storage, List.of(), LokiRetention.of(config));
    }

    /**
     * The period's index store. tsdb and boltdb-shipper keep the index in the period's object store,
     * judged there; boltdb keeps it on the ingesters' local disk; the others (DynamoDB, Bigtable,
     * Cassandra, a gRPC store) keep it in a database whose place this version does not read.
     */
    private static void indexStore(ConfigTree period, String use, ConfigTree storageConfig, String region, Stores stores) {
        String store = period.text("store").orElse("");
        String at = period.pathText() + ".store";
        switch (store) {
            case "tsdb", "boltdb-shipper" -> {
            }
            case "boltdb" -> stores.addUsed(List.of(new StorageLocation(at, "boltdb", "", region,
                    "boltdb index on the ingesters' local volume (" + storageConfig.child("boltdb").text("directory").orElse("storage_config.boltdb.directory")
                            + ") of the stack", null, true, "")), use);
            case "" -> stores.useMissing(at, "unknown", use + " names no index store (store); expected tsdb, boltdb-shipper or another Loki index store", use);
            default -> stores.useMissing(at, store, use + " keeps its index in index store '" + store + "' ("
                    + switch (store) {
                        case "aws", "aws-dynamo" -> "DynamoDB tables";
                        case "bigtable", "bigtable-hashed", "gcp", "gcp-columnkey" -> "Bigtable";
                        case "cassandra" -> "Cassandra";
                        case "grpc", "grpc-store" -> "a gRPC store";
                        default -> "not a store this version knows";
                    } + "), whose location the auditor does not read; expected the index in tsdb or boltdb-shipper"
                    + " (judged by the object store), or check that database's region by hand", use);
        }
    }

    /**
     * The ruler's store, as Loki chooses it: with use_thanos_objstore, ruler_storage (ruler.storage
     * ignored); otherwise ruler.storage (ruler_storage ignored), whose fields override the common
     * storage of its type field by field, as Loki applies common.storage; without either, common.storage.
     */
    private static void rulerStorage(ObjectStoreBlocks blocks, ConfigTree config, ConfigTree common, String region, Stores stores) {
        ConfigTree rulerStorage = config.child("ruler_storage");
        ConfigTree legacy = config.child("ruler").child("storage");
        boolean thanos = config.child("storage_config").flag("use_thanos_objstore");
        if (thanos && legacy.exists()) {
            stores.addDormant(blocks.classic(legacy.text("type").orElse("local"), legacy.child(legacy.text("type").orElse("local")
                    .replace("aws", "s3")), region), "ruler.storage, unused: use_thanos_objstore is true, so the ruler reads ruler_storage");
        } else if (!thanos && rulerStorage.exists()) {
            String backend = rulerStorage.text("backend").orElse("filesystem");
            stores.addDormant(blocks.bucketStyle(backend, rulerStorage.child(backend.equals("aws") ? "s3" : backend), region, "bucket_name"),
                    "ruler_storage, unused: use_thanos_objstore is not true, so the ruler reads ruler.storage");
        }
        if (thanos && rulerStorage.exists()) {
            String backend = rulerStorage.text("backend").orElse("filesystem");
            stores.addUsed(blocks.bucketStyle(backend, rulerStorage.child(backend.equals("aws") ? "s3" : backend), region, "bucket_name"),
                    "ruler (ruler_storage)");
        } else if (!thanos && legacy.exists()) {
            String type = legacy.text("type").orElse("local");
            String key = type.equals("aws") ? "s3" : type;
            ConfigTree block = legacy.child(key);
            ConfigTree shared = common.child(key);
            if (shared.isMapping() && block.isMapping()) {
                block = block.withNode(merged(shared.node(), block.node()));
            }
            stores.addUsed(type.equals("local") ? List.of(new StorageLocation(legacy.pathText(), "filesystem", "", region,
                    "local volume of the stack", null, true, "")) : blocks.classic(type, block, region), "ruler (ruler.storage)");
        } else if (!thanos) {
            for (ClassicStore store : CLASSIC) {
                if (common.child(store.commonKey()).exists()) {
                    stores.use(store.name(), "ruler (common.storage)");
                }
            }
        }
    }

    private static tools.jackson.databind.JsonNode merged(tools.jackson.databind.JsonNode base, tools.jackson.databind.JsonNode over) {
        tools.jackson.databind.node.ObjectNode result = (tools.jackson.databind.node.ObjectNode) base.deepCopy();
        over.properties().forEach(e -> result.set(e.getKey(), e.getValue().deepCopy()));
        return result;
    }

    private static ConfigTree requireMapping(ConfigTree block) {
        if (!block.isMapping()) {
            throw new ConfigShapeException(block.path(), "expected a mapping with the store's settings");
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
