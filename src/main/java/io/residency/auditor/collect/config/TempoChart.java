package io.residency.auditor.collect.config;

import static io.residency.auditor.collect.config.HelmValues.path;

import io.residency.auditor.estate.VersionRange;
import java.util.Optional;

/**
 * The grafana/tempo chart (single binary, grafana/helm-charts 1.x): its config template writes
 * tempo.storage as storage, tempo.retention as compactor.compaction.block_retention and, with
 * tempo.metricsGenerator.enabled, its storage.remote_write (else one remote write to remoteWriteUrl).
 */
final class TempoChart implements HelmChart {

    static final String NAME = "grafana/tempo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String kind() {
        return "tempo";
    }

    @Override
    public VersionRange modelled() {
        return VersionRange.between(1, 0, 0, 2, 0, 0);
    }

    @Override
    public Optional<String> misfit(HelmValues values) {
        if (values.has("storage", "trace")) {
            return Optional.of(values.where("storage", "trace") + " is read by grafana/tempo-distributed; grafana/tempo reads tempo.storage");
        }
        if (values.has("loki")) {
            return Optional.of("the values set loki, which the Loki charts read");
        }
        return Optional.empty();
    }

    @Override
    public RenderedChart render(HelmValues values) throws SourceReadException {
        RenderedChart out = new RenderedChart(values);
        Optional<String> replaced = ChartTemplates.override(values, "grafana-tempo.config.tpl", "config");
        if (replaced.isPresent()) {
            ChartConfigText.into(out, replaced.get(), path("config"));
            return out;
        }
        if (values.has("tempo", "storage")) {
            out.copy(path("tempo", "storage"), path("storage"));
        } else {
            // The chart's default: traces on the pod's local volume.
            out.set(path("storage", "trace", "backend"), HelmValues.NODES.stringNode("local"), null);
            out.set(path("storage", "trace", "local", "path"), HelmValues.NODES.stringNode("/var/tempo/traces"), null);
        }
        out.copy(path("tempo", "retention"), path("compactor", "compaction", "block_retention"));
        if (ConfigTree.isTrue(values.at("tempo", "metricsGenerator", "enabled"))) {
            if (values.truthy("tempo", "metricsGenerator", "storage", "remote_write")) {
                out.copy(path("tempo", "metricsGenerator", "storage", "remote_write"), path("metrics_generator", "storage", "remote_write"));
            } else {
                out.set(path("metrics_generator", "storage", "remote_write"), HelmValues.NODES.arrayNode().add(HelmValues.NODES.objectNode()
                        .put("url", values.text("tempo", "metricsGenerator", "remoteWriteUrl")
                                .orElse("http://prometheus.monitoring:9090/api/v1/write"))),
                        path("tempo", "metricsGenerator", "remoteWriteUrl"));
            }
        }
        return out;
    }
}
