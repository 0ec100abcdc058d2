package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code tempo} source kind: where Tempo stores traces (storage.trace), how long (compactor),
 * and where its metrics-generator writes raw metrics.
 */
public final class TempoKind implements SourceKind {

    @Override
    public String name() {
        return "tempo";
    }

    @Override
    public Set<DataClassName> dataClasses() {
        return EnumSet.of(DataClassName.TRACES, DataClassName.METRICS_RAW);
    }

    @Override
    public Optional<DataClassName> storedDataClass() {
        return Optional.of(DataClassName.TRACES);
    }

    @Override
    public List<String> configMapKeys() {
        return List.of("tempo.yaml");
    }

    @Override
    public List<String> destinationFields() {
        return List.of("storage.trace", "metrics_generator.storage.remote_write");
    }

    @Override
    public ParsedConfig parse(ConfigTree config, ParseContext context) {
        ConfigTree trace = config.child("storage", "trace");
        List<StorageLocation> storage = new ArrayList<>();
        if (trace.exists()) {
            String backend = trace.text("backend").orElse("");
            if (backend.isEmpty()) {
                storage.add(StorageLocation.unlocated(trace.pathText() + ".backend", "unknown", "", "storage.trace.backend is not set"));
            } else {
                ConfigTree block = trace.child(backend.equals("aws") ? "s3" : backend);
                storage.addAll(context.objectStores().bucketStyle(backend, block, context.stackRegion(), "bucket").stream()
                        .map(l -> l.withUse(true, "storage.trace")).toList());
            }
        } else {
            storage.add(StorageLocation.unlocated("storage.trace", "unknown", "", "the config sets no storage.trace"));
        }

        List<EgressTarget> egress = new ArrayList<>();
        for (ConfigTree remoteWrite : config.child("metrics_generator", "storage").items("remote_write")) {
            String url = remoteWrite.text("url").orElseThrow(() -> new ConfigShapeException(remoteWrite.path(), "expected a url"));
            egress.add(Egress.send(remoteWrite, DataClassName.METRICS_RAW, url, context));
        }

        List<RetentionSetting> retention = new ArrayList<>();
        ConfigTree compaction = config.child("compactor", "compaction");
        compaction.text("block_retention").ifPresent(value -> retention.add(new RetentionSetting(
                compaction.pathText() + ".block_retention", "*", "tenant",
                Durations.hours(value, compaction.at("block_retention").path()), true)));
        return new ParsedConfig(storage, egress, retention);
    }
}
