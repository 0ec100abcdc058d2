package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code prometheus} source kind: where a Prometheus sends raw samples, its remote_write URLs. */
public final class PrometheusKind implements SourceKind {

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public Set<DataClassName> dataClasses() {
        return EnumSet.of(DataClassName.METRICS_RAW);
    }

    @Override
    public Optional<DataClassName> storedDataClass() {
        return Optional.empty();
    }

    @Override
    public List<String> configMapKeys() {
        return List.of("prometheus.yml", "prometheus.yaml");
    }

    @Override
    public List<String> destinationFields() {
        return List.of("remote_write[].url");
    }

    @Override
    public ParsedConfig parse(ConfigTree config, ParseContext context) {
        List<EgressTarget> egress = new ArrayList<>();
        for (ConfigTree remoteWrite : config.items("remote_write")) {
            String url = remoteWrite.text("url").orElseThrow(() -> new ConfigShapeException(remoteWrite.path(), "expected a url"));
            egress.add(Egress.send(remoteWrite, DataClassName.METRICS_RAW, url, context));
        }
        return new ParsedConfig(List.of(), egress, List.of());
    }
}
