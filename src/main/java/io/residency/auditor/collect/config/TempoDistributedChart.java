package io.residency.auditor.collect.config;

import static io.residency.auditor.collect.config.HelmValues.path;

import io.residency.auditor.estate.VersionRange;
import java.util.Optional;

/**
 * The grafana/tempo-distributed chart (grafana/helm-charts 1.x): its config template writes the
 * top-level storage.trace (backend and that backend's block), compactor.config.compaction and,
 * with metricsGenerator.enabled, metricsGenerator.config.storage.
 */
final class TempoDistributedChart implements HelmChart {

    @Override
    public String name() {
        return "grafana/tempo-distributed";
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
        if (values.has("tempo", "storage")) {
            return Optional.of(values.where("tempo", "storage") + " is read by grafana/tempo; grafana/tempo-distributed reads the top-level storage");
        }
        if (values.has("loki")) {
            return Optional.of("the values set loki, which the Loki charts read");
        }
        return Optional.empty();
    }

    @Override
    public RenderedChart render(HelmValues values) throws SourceReadException {
        RenderedChart out = new RenderedChart(values);
        Optional<String> replaced = ChartTemplates.override(values, "grafana-tempo-distributed.config.tpl", "config");
        if (replaced.isPresent()) {
            ChartConfigText.into(out, replaced.get(), path("config"));
            return out;
        }
        String backend = values.text("storage", "trace", "backend").orElse("local");
        out.set(path("storage", "trace", "backend"), HelmValues.NODES.stringNode(backend),
                values.has("storage", "trace", "backend") ? path("storage", "trace", "backend") : null);
        if (backend.equals("local")) {
            out.set(path("storage", "trace", "local", "path"), HelmValues.NODES.stringNode("/var/tempo/traces"), null);
        } else {
            out.copy(path("storage", "trace", backend), path("storage", "trace", backend));
        }
        out.copy(path("compactor", "config", "compaction"), path("compactor", "compaction"));
        if (ConfigTree.isTrue(values.at("metricsGenerator", "enabled"))) {
            out.copy(path("metricsGenerator", "config", "storage"), path("metrics_generator", "storage"));
        }
        return out;
    }
}
