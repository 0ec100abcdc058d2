package io.residency.auditor.collect.config;

import java.util.List;
import java.util.Locale;

/** Where a region's Thanos (sidecar, store gateway, compactor) keeps metric blocks: its objstore.yml. */
public final class ThanosObjstoreParser implements ConfigParser {

    private final ObjectStoreBlocks blocks;

    public ThanosObjstoreParser(S3Settings s3) {
        this.blocks = new ObjectStoreBlocks(s3);
    }

    @Override
    public ParsedConfig parse(ConfigTree config, ParseContext context) {
        String type = config.text("type").orElseThrow(() -> new ConfigShapeException(List.of("type"), "expected the store type, e.g. S3"));
        List<EgressTarget> egress = blocks.bucketStyle(type.toLowerCase(Locale.ROOT), config.child("config"), context.stackRegion(), "bucket")
                .stream()
                .map(location -> Egress.store(location, "metrics-raw", context))
                .toList();
        return new ParsedConfig(List.of(), egress, List.of());
    }
}
