package io.residency.auditor.collect.config;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rebuilds the parts of a Loki or Tempo configuration that the Grafana Helm charts generate from
 * their values ({@code loki}, {@code tempo} and {@code tempo-distributed} charts), so the normal
 * parsers can judge them. Only storage, schema, retention and remote-write settings are rebuilt.
 */
final class HelmValuesTranslator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    JsonNode translate(String kind, JsonNode values) throws SourceReadException {
        return switch (kind) {
            case "loki" -> loki(values);
            case "tempo" -> values.path("tempo").isObject() ? tempoSingleBinary(values) : tempoDistributed(values);
            default -> throw new SourceReadException("format helm-values is read for the loki, tempo and tempo-distributed charts; expected kind loki or tempo");
        };
    }

    /** The grafana/loki chart: loki.storage → common.storage and ruler storage; structuredConfig merged last. */
    private static JsonNode loki(JsonNode values) {
        JsonNode loki = values.path("loki");
        JsonNode storage = loki.path("storage");
        JsonNode buckets = storage.path("bucketNames");
        ObjectNode config = NODES.objectNode();
        String type = storage.path("type").asString("s3");
        switch (type) {
            case "s3" -> {
                JsonNode s3 = storage.path("s3");
                config.putObject("common").putObject("storage").set("s3", s3Block(s3, buckets.path("chunks")));
                ObjectNode ruler = config.putObject("ruler").putObject("storage");
                ruler.put("type", "s3");
                ruler.set("s3", s3Block(s3, buckets.path("ruler")));
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
        copy(loki, "schemaConfig", config, "schema_config");
        if (loki.path("storage_config").isObject()) {
            ObjectNode storageConfig = config.has("storage_config") ? (ObjectNode) config.get("storage_config") : config.putObject("storage_config");
            merge(storageConfig, loki.get("storage_config"));
        }
        copy(loki, "limits_config", config, "limits_config");
        copy(loki, "compactor", config, "compactor");
        copy(loki.path("runtimeConfig"), "overrides", config, "overrides");
        if (loki.path("structuredConfig").isObject()) {
            merge(config, loki.get("structuredConfig"));
        }
        return config;
    }

    private static ObjectNode s3Block(JsonNode s3, JsonNode bucket) {
        ObjectNode block = NODES.objectNode();
        copy(s3, "s3", block, "s3");
        copy(s3, "endpoint", block, "endpoint");
        copy(s3, "region", block, "region");
        if (!bucket.isMissingNode() && !bucket.isNull()) {
            block.set("bucketnames", bucket);
        }
        return block;
    }

    /** The grafana/tempo chart: tempo.storage, tempo.retention, tempo.metricsGenerator.remoteWriteUrl. */
    private static JsonNode tempoSingleBinary(JsonNode values) {
        JsonNode tempo = values.path("tempo");
        ObjectNode config = NODES.objectNode();
        copy(tempo, "storage", config, "storage");
        if (tempo.hasNonNull("retention")) {
            config.putObject("compactor").putObject("compaction").set("block_retention", tempo.get("retention"));
        }
        JsonNode generator = tempo.path("metricsGenerator");
        if (ConfigTree.isTrue(generator.path("enabled")) && generator.hasNonNull("remoteWriteUrl")) {
            config.putObject("metrics_generator").putObject("storage").putArray("remote_write")
                    .addObject().set("url", generator.get("remoteWriteUrl"));
        }
        return config;
    }

    /** The grafana/tempo-distributed chart: storage, compactor.config, metricsGenerator.config. */
    private static JsonNode tempoDistributed(JsonNode values) {
        ObjectNode config = NODES.objectNode();
        copy(values, "storage", config, "storage");
        copy(values.path("compactor").path("config"), "compaction", config.putObject("compactor"), "compaction");
        JsonNode generator = values.path("metricsGenerator");
        if (ConfigTree.isTrue(generator.path("enabled"))) {
            copy(generator.path("config"), "storage", config.putObject("metrics_generator"), "storage");
        }
        return config;
    }

    private static void copy(JsonNode from, String fromKey, ObjectNode to, String toKey) {
        JsonNode value = from.path(fromKey);
        if (!value.isMissingNode() && !value.isNull()) {
            to.set(toKey, value.deepCopy());
        }
    }

    /** Helm's merge of structuredConfig: mappings merge key by key, anything else replaces. */
    private static void merge(ObjectNode target, JsonNode overlay) {
        overlay.properties().forEach(entry -> {
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject && entry.getValue().isObject()) {
                merge(existingObject, entry.getValue());
            } else {
                target.set(entry.getKey(), entry.getValue().deepCopy());
            }
        });
    }
}
