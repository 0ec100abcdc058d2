package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code prometheus} source kind: where a Prometheus sends raw samples ({@code remote_write})
 * and where it reads them back from ({@code remote_read}: the remote's samples come into this
 * Prometheus), and the external labels every series it sends on carries ({@code global.external_labels}).
 * The checks Prometheus itself makes before it starts and that decide where data goes
 * (an empty entry, no url, two queues of one name) make the file unreadable with Prometheus's words,
 * as Prometheus refuses to load it.
 */
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
        return List.of("remote_write[].url", "remote_read[].url");
    }

    @Override
    public ParsedConfig parse(ConfigTree config, ParseContext context) {
        List<EgressTarget> egress = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (ConfigTree remoteWrite : config.items("remote_write")) {
            String url = url(remoteWrite, "remote write", "remote_write");
            remoteWrite.text("name").ifPresent(name -> {
                String first = names.putIfAbsent(name, remoteWrite.pathText());
                if (first != null) {
                    throw new ConfigShapeException(remoteWrite.at("name").path(), "found multiple remote write configs named " + name
                            + " (also at " + first + "), which Prometheus refuses to load; expected each remote_write name once");
                }
            });
            egress.add(Egress.http(remoteWrite, DataClassName.METRICS_RAW, "send", url, "Prometheus", context));
        }
        for (ConfigTree remoteRead : config.items("remote_read")) {
            String url = url(remoteRead, "remote read", "remote_read");
            egress.add(Egress.http(remoteRead, DataClassName.METRICS_RAW, "query", url, "Prometheus", context));
        }
        return new ParsedConfig(List.of(), egress, List.of(), List.of(), List.of(), externalLabels(config));
    }

    /**
     * {@code global.external_labels} as Prometheus loads it: a mapping of label names to single
     * values (numbers read as their text); anything else makes Prometheus refuse the file. An empty
     * value is left out, as Prometheus drops a label without a value.
     */
    static ExternalLabels externalLabels(ConfigTree config) {
        ConfigTree labels = config.child("global").at("external_labels");
        Map<String, String> found = new TreeMap<>();
        if (!labels.exists()) {
            return new ExternalLabels(new TreeMap<>());
        }
        if (!labels.isMapping()) {
            throw new ConfigShapeException(labels.path(), "global.external_labels is not a mapping, which Prometheus refuses to load;"
                    + " expected label names with their values, e.g. external_labels: {region: <the stack's region>}");
        }
        for (Map.Entry<String, ConfigTree> label : labels.entries().entrySet()) {
            if (label.getValue().exists() && !label.getValue().node().isValueNode()) {
                throw new ConfigShapeException(label.getValue().path(), "external label " + label.getKey()
                        + " is not a single value, which Prometheus refuses to load; expected " + label.getKey() + ": <value>");
            }
            labels.text(label.getKey()).ifPresent(value -> found.put(label.getKey(), value));
        }
        return new ExternalLabels(new TreeMap<>(found));
    }

    /** The entry's url, refused with Prometheus's own message where Prometheus refuses the file. */
    private static String url(ConfigTree entry, String words, String key) {
        // A bare "-" reads as null or as an empty scalar, depending on the YAML reader's view of it.
        boolean empty = !entry.exists() || (!entry.isMapping() && entry.value().map(String::isEmpty).orElse(true));
        if (empty) {
            throw new ConfigShapeException(entry.path(), "empty or null " + words + " config section, which Prometheus refuses to load;"
                    + " expected a mapping with url");
        }
        if (!entry.isMapping()) {
            throw new ConfigShapeException(entry.path(), "expected a mapping with url under " + key);
        }
        return entry.text("url").orElseThrow(() -> new ConfigShapeException(entry.at("url").path(), "url for " + key
                + " is empty, which Prometheus refuses to load; expected url: http(s)://host[:port]/path"));
    }
}
