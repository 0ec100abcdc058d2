package io.residency.auditor.collect.config;

import static io.residency.auditor.collect.config.HelmValues.path;

import io.residency.auditor.estate.VersionRange;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The grafana/loki-distributed chart (grafana/helm-charts, 0.x): its loki.config template writes
 * loki.schemaConfig as schema_config and loki.storageConfig as storage_config, keeps the ruler on
 * local storage (/etc/loki/rules), and loki.structuredConfig is merged over the result.
 */
final class LokiDistributedChart implements HelmChart {

    @Override
    public String name() {
        return "grafana/loki-distributed";
    }

    @Override
    public String kind() {
        return "loki";
    }

    @Override
    public VersionRange modelled() {
        return VersionRange.between(0, 0, 0, 1, 0, 0);
    }

    @Override
    public Optional<String> misfit(HelmValues values) {
        if (values.has("loki", "storage") || values.has("loki", "storage_config")) {
            return Optional.of(values.where("loki", values.has("loki", "storage") ? "storage" : "storage_config")
                    + " is read by grafana/loki, not grafana/loki-distributed (which reads loki.storageConfig)");
        }
        if (values.has("tempo") || values.has("storage", "trace")) {
            return Optional.of("the values set " + (values.has("tempo") ? "tempo" : "storage.trace") + ", which the Tempo charts read");
        }
        return Optional.empty();
    }

    @Override
    public RenderedChart render(HelmValues values) throws SourceReadException {
        RenderedChart out = new RenderedChart(values);
        Optional<String> replaced = ChartTemplates.override(values, "grafana-loki-distributed.loki.config.tpl", "loki", "config");
        if (replaced.isPresent()) {
            ChartConfigText.into(out, replaced.get(), path("loki", "config"));
        } else {
            out.set(path("ruler", "storage", "type"), HelmValues.NODES.stringNode("local"), null);
            out.set(path("ruler", "storage", "local", "directory"), HelmValues.NODES.stringNode("/etc/loki/rules"), null);
            // Absent keys keep the chart's defaults (values.yaml of 0.80.6): boltdb-shipper on the local filesystem.
            if (values.truthy("loki", "schemaConfig")) {
                out.copy(path("loki", "schemaConfig"), path("schema_config"));
            } else if (values.at("loki", "schemaConfig").isMissingNode()) {
                ObjectNode period = HelmValues.NODES.objectNode().put("from", "2020-09-07").put("store", "boltdb-shipper")
                        .put("object_store", "filesystem").put("schema", "v11");
                period.putObject("index").put("prefix", "loki_index_").put("period", "24h");
                out.set(path("schema_config"), HelmValues.NODES.objectNode().set("configs", HelmValues.NODES.arrayNode().add(period)), null);
            }
            if (values.truthy("loki", "storageConfig")) {
                out.copy(path("loki", "storageConfig"), path("storage_config"));
            } else if (values.at("loki", "storageConfig").isMissingNode()) {
                out.set(path("storage_config", "boltdb_shipper", "shared_store"), HelmValues.NODES.stringNode("filesystem"), null);
                out.set(path("storage_config", "filesystem", "directory"), HelmValues.NODES.stringNode("/var/loki/chunks"), null);
            }
        }
        out.merge(path(), path("loki", "structuredConfig"));
        return out;
    }
}
