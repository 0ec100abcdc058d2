package io.residency.auditor.collect.config;

import static io.residency.auditor.collect.config.HelmValues.path;

import io.residency.auditor.estate.VersionRange;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The grafana/loki chart (production/helm/loki of grafana/loki, chart 5 to 7), modelled on its
 * templates/_helpers.tpl: common.storage from loki.storage (the Thanos-style object_store with
 * use_thanos_objstore, else the MinIO subchart with minio.enabled, else the object store of
 * loki.storage.type with loki.storage.bucketNames.chunks, else filesystem), the ruler's storage
 * (bucketNames.ruler; ruler_storage too with use_thanos_objstore), loki.schemaConfig,
 * loki.storage_config, then loki.structuredConfig merged over everything. A loki.config that is not
 * the chart's own template replaces the template.
 */
final class LokiChart implements HelmChart {

    static final String NAME = "grafana/loki";
    private static final List<String> OBJECT_STORES = List.of("s3", "gcs", "azure", "swift", "alibabacloud", "cos", "bos");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String kind() {
        return "loki";
    }

    @Override
    public VersionRange modelled() {
        return VersionRange.between(5, 0, 0, 8, 0, 0);
    }

    @Override
    public Optional<String> misfit(HelmValues values) {
        if (values.has("loki", "storageConfig")) {
            return Optional.of(values.where("loki", "storageConfig") + " is read by grafana/loki-distributed, not grafana/loki");
        }
        if (values.has("tempo") || values.has("storage", "trace")) {
            return Optional.of("the values set " + (values.has("tempo") ? "tempo" : "storage.trace") + ", which the Tempo charts read");
        }
        if (values.at("config").isObject() && !values.has("loki")) {
            return Optional.of(values.where("config") + " holds a config mapping with no loki block: the layout of the old grafana/loki"
                    + " chart (2.x) or of another chart, not of grafana/loki 5+");
        }
        if (values.at("config").isObject() && values.at("config").has("receivers")) {
            return Optional.of(values.where("config") + " holds receivers: OpenTelemetry Collector chart values");
        }
        return Optional.empty();
    }

    @Override
    public RenderedChart render(HelmValues values) throws SourceReadException {
        RenderedChart out = new RenderedChart(values);
        Optional<String> replaced = ChartTemplates.override(values, "grafana-loki.loki.config.tpl", "loki", "config");
        if (replaced.isPresent()) {
            ChartConfigText.into(out, replaced.get(), path("loki", "config"));
        } else {
            validate(values);
            template(values, out);
        }
        out.merge(path(), path("loki", "structuredConfig"));
        return out;
    }

    /** The chart's templates/validate.yaml checks that bear on what is stored where: a failed check renders nothing. */
    private static void validate(HelmValues values) throws SourceReadException {
        if (values.truthy("config")) {
            throw refused(values, "Top level 'config' is not allowed", values.where("config"));
        }
        boolean schema = values.truthy("loki", "schemaConfig") || values.truthy("loki", "structuredConfig", "schema_config");
        boolean testSchema = ConfigTree.isTrue(values.at("loki", "useTestSchema"));
        if (schema && testSchema) {
            throw refused(values, "loki.useTestSchema must be false if loki.schemaConfig or loki.structuredConfig.schema_config are defined",
                    values.where("loki", "useTestSchema"));
        }
        if (!schema && !testSchema) {
            throw refused(values, "You must provide a schema_config for Loki", "the values set neither loki.schemaConfig,"
                    + " loki.structuredConfig.schema_config nor loki.useTestSchema");
        }
    }

    private static SourceReadException refused(HelmValues values, String chartMessage, String where) {
        return new SourceReadException("the chart would refuse these values (\"" + chartMessage + "\", templates/validate.yaml): " + where
                + "; expected values that " + NAME + " renders");
    }

    private static void template(HelmValues values, RenderedChart out) throws SourceReadException {
        boolean thanos = ConfigTree.isTrue(values.at("loki", "storage", "use_thanos_objstore"));
        boolean minio = ConfigTree.isTrue(values.at("minio", "enabled"));
        String type = values.text("loki", "storage", "type").orElse("s3");
        // The chart's default commonConfig is set; values that empty it leave common out of the template.
        boolean common = !values.at("loki", "commonConfig").isObject() || values.truthy("loki", "commonConfig");
        if (common) {
            if (thanos) {
                thanosStore(values, out, path("common", "storage", "object_store"), required(values, "chunks"));
            } else if (minio) {
                String endpoint = values.text("minio", "address").orElse("RELEASE-minio.NAMESPACE.svc:"
                        + values.text("minio", "service", "port").orElse("9000"));
                out.set(path("common", "storage", "s3", "endpoint"), HelmValues.NODES.stringNode(endpoint),
                        path("minio", values.has("minio", "address") ? "address" : "enabled"));
                out.set(path("common", "storage", "s3", "bucketnames"), HelmValues.NODES.stringNode("chunks"), path("minio", "enabled"));
                if (!values.has("minio", "address")) {
                    out.inClusterStore(endpoint);
                }
            } else if (OBJECT_STORES.contains(type)) {
                boolean ownBucket = values.has("loki", "storage_config", "aws", "s3") || values.has("loki", "storage_config", "aws", "bucketnames");
                objectStore(values, out, path("common", "storage"), type, ownBucket ? null : required(values, "chunks"));
            } else if (values.has("loki", "storage", "filesystem")) {
                out.set(path("common", "storage", "filesystem"), values.at("loki", "storage", "filesystem"), path("loki", "storage", "filesystem"));
            }
        }
        if (values.at("ruler", "enabled").isMissingNode() || ConfigTree.isTrue(values.at("ruler", "enabled"))) {
            ruler(values, out, thanos, minio, type);
        }
        out.copy(path("loki", "schemaConfig"), path("schema_config"));
        if (ConfigTree.isTrue(values.at("loki", "useTestSchema"))) {
            if (values.has("loki", "testSchemaConfig")) {
                out.copy(path("loki", "testSchemaConfig"), path("schema_config"));
            } else {
                // The chart's own testSchemaConfig; its object_store is loki.testSchemaObjectStore: s3 with MinIO, else filesystem.
                ObjectNode period = HelmValues.NODES.objectNode().put("from", "2024-04-01").put("store", "tsdb")
                        .put("object_store", minio ? "s3" : "filesystem").put("schema", "v13");
                period.putObject("index").put("prefix", "index_").put("period", "24h");
                out.set(path("schema_config"), HelmValues.NODES.objectNode().set("configs", HelmValues.NODES.arrayNode().add(period)),
                        path("loki", "useTestSchema"));
            }
        }
        // The chart's own values set storage_config (index gateway clients); only null removes it.
        if (values.truthy("loki", "storage_config") || values.at("loki", "storage_config").isMissingNode()) {
            if (!values.has("loki", "storage_config", "use_thanos_objstore")) {
                out.set(path("storage_config", "use_thanos_objstore"), HelmValues.NODES.booleanNode(thanos),
                        path("loki", "storage", "use_thanos_objstore"));
            }
            out.merge(path("storage_config"), path("loki", "storage_config"));
        }
        out.copy(path("loki", "limits_config"), path("limits_config"));
        out.copy(path("loki", "compactor"), path("compactor"));
        out.copy(path("loki", "runtimeConfig", "overrides"), path("overrides"));
    }

    /** ruler.storage as loki.rulerStorageConfig renders it, with loki.rulerConfig over it; ruler_storage with Thanos-style storage. */
    private static void ruler(HelmValues values, RenderedChart out, boolean thanos, boolean minio, String type) throws SourceReadException {
        String rulerType = values.text("loki", "rulerConfig", "storage", "type").orElse("");
        if (rulerType.equals("local")) {
            out.set(path("ruler", "storage", "type"), HelmValues.NODES.stringNode("local"), path("loki", "rulerConfig", "storage", "type"));
        } else if (minio) {
            out.set(path("ruler", "storage", "type"), HelmValues.NODES.stringNode("s3"), path("minio", "enabled"));
            out.set(path("ruler", "storage", "s3", "bucketnames"), HelmValues.NODES.stringNode("ruler"), path("minio", "enabled"));
        } else if (OBJECT_STORES.contains(type)) {
            out.set(path("ruler", "storage", "type"), HelmValues.NODES.stringNode(type), path("loki", "storage", "type"));
            objectStore(values, out, path("ruler", "storage"), type, required(values, "ruler"));
        } else {
            out.set(path("ruler", "storage", "type"), HelmValues.NODES.stringNode("local"), path("loki", "storage", "type"));
        }
        out.merge(path("ruler"), path("loki", "rulerConfig"));
        if (thanos) {
            out.set(path("ruler_storage", "backend"), HelmValues.NODES.stringNode(values.text("loki", "storage", "object_store", "type").orElse("")),
                    path("loki", "storage", "object_store", "type"));
            thanosStore(values, out, path("ruler_storage"), required(values, "ruler"));
        }
    }

    /** loki.thanosStorageConfig: object_store.&lt;type&gt; with the bucket name set. */
    private static void thanosStore(HelmValues values, RenderedChart out, List<Object> at, ChartBucket bucket) {
        String type = values.text("loki", "storage", "object_store", "type").orElse("");
        List<Object> block = RenderedChart.with(at, type);
        out.copy(path("loki", "storage", "object_store", type), block);
        out.set(RenderedChart.with(block, type.equals("azure") ? "container_name" : "bucket_name"), HelmValues.NODES.stringNode(bucket.name()),
                bucket.origin());
    }

    /** loki.lokiStorageConfig: the block of loki.storage.&lt;type&gt;, its keys renamed as the chart renames them. */
    private static void objectStore(HelmValues values, RenderedChart out, List<Object> at, String type, ChartBucket bucket) {
        List<Object> from = path("loki", "storage", type);
        List<Object> block = RenderedChart.with(at, type);
        switch (type) {
            case "s3" -> {
                for (String key : List.of("s3", "endpoint", "region")) {
                    out.copy(RenderedChart.with(from, key), RenderedChart.with(block, key));
                }
                setBucket(out, block, "bucketnames", bucket);
            }
            case "gcs" -> setBucket(out, block, "bucket_name", bucket);
            case "azure" -> {
                setBucket(out, block, "container_name", bucket);
                out.copy(RenderedChart.with(from, "accountName"), RenderedChart.with(block, "account_name"));
                out.copy(RenderedChart.with(from, "endpointSuffix"), RenderedChart.with(block, "endpoint_suffix"));
            }
            case "swift" -> {
                out.copy(from, block);
                setBucket(out, block, "container_name", bucket);
            }
            case "cos" -> {
                out.copy(from, block);
                setBucket(out, block, "bucketnames", bucket);
            }
            default -> {
                out.copy(from, block);
                setBucket(out, block, type.equals("bos") ? "bucket_name" : "bucket", bucket);
            }
        }
    }

    private static void setBucket(RenderedChart out, List<Object> block, String key, ChartBucket bucket) {
        if (bucket != null) {
            out.set(RenderedChart.with(block, key), HelmValues.NODES.stringNode(bucket.name()), bucket.origin());
        }
    }

    /** A bucket name the chart renders, and the values path it comes from, so its findings point at that line. */
    private record ChartBucket(String name, List<Object> origin) {
    }

    /** The chart's {@code required}: rendering fails without the bucket name. */
    private static ChartBucket required(HelmValues values, String bucket) throws SourceReadException {
        JsonNode node = values.at("loki", "storage", "bucketNames", bucket);
        if (node.isObject() || node.isArray()) {
            throw new SourceReadException(values.where("loki", "storage", "bucketNames", bucket) + " holds a mapping where the bucket name"
                    + " belongs (a placeholder such as {YOUR_BUCKET}, not rendered); expected the bucket's name");
        }
        String name = values.text("loki", "storage", "bucketNames", bucket).orElseThrow(() -> new SourceReadException(
                "the chart would refuse these values (\"Please define loki.storage.bucketNames." + bucket + "\"): "
                        + values.where("loki", "storage") + " uses object storage without loki.storage.bucketNames." + bucket
                        + "; expected the bucket name, or minio.enabled"));
        return new ChartBucket(name, path("loki", "storage", "bucketNames", bucket));
    }

}
