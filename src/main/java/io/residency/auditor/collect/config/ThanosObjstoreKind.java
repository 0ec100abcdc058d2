package io.residency.auditor.collect.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code thanos-objstore} source kind: where a region's Thanos (sidecar, store gateway,
 * compactor) keeps metric blocks, its objstore.yml. Recorded as a flow of raw metrics to a store.
 */
public final class ThanosObjstoreKind implements SourceKind {

    @Override
    public String name() {
        return "thanos-objstore";
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
        return List.of("objstore.yml", "objstore.yaml");
    }

    @Override
    public List<String> destinationFields() {
        return List.of("type", "config.bucket", "config.endpoint", "config.region");
    }

    @Override
    public ParsedConfig parse(ConfigTree config, ParseContext context) {
        String type = config.text("type").orElseThrow(() -> new ConfigShapeException(List.of("type"), "expected the store type, e.g. S3"));
        List<EgressTarget> egress = context.objectStores()
                .bucketStyle(type.toLowerCase(Locale.ROOT), config.child("config"), context.stackRegion(), "bucket")
                .stream()
                .map(location -> Egress.store(location, DataClassName.METRICS_RAW, context))
                .toList();
        return new ParsedConfig(List.of(), egress, List.of());
    }
}
