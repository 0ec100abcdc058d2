package io.residency.auditor.collect.config;

import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.estate.RegionStack;
import io.residency.auditor.estate.SourceSpec;
import io.residency.auditor.facts.CollectedSource;
import io.residency.auditor.facts.SourceFact;
import io.residency.auditor.facts.SourceStatus;
import io.residency.auditor.facts.StorageFact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every configuration source of the estate into facts. A source that cannot be read
 * becomes an ERROR source fact with the reason; it never stops the collection of the others.
 */
public final class ConfigCollector {

    private static final Logger log = LoggerFactory.getLogger(ConfigCollector.class);

    private final ConfigFileReader reader = new ConfigFileReader();

    public List<CollectedSource> collect(LoadedEstate loaded) {
        EndpointRegions endpointRegions = new EndpointRegions(loaded.estate().endpoints());
        LokiStorageParser loki = new LokiStorageParser(new S3Settings(endpointRegions));
        Map<String, Integer> idCounts = new HashMap<>();
        List<CollectedSource> collected = new ArrayList<>();
        for (RegionStack stack : loaded.estate().regions()) {
            for (SourceSpec spec : stack.sources()) {
                String sourceId = uniqueId(spec, stack.name(), idCounts);
                collected.add(collectOne(loaded, stack.name(), sourceId, spec, loki));
            }
        }
        return collected;
    }

    private CollectedSource collectOne(LoadedEstate loaded, String region, String sourceId, SourceSpec spec, LokiStorageParser loki) {
        String location = spec.file() != null ? spec.file() : EndpointRegions.hostOf(spec.url());
        try {
            if (spec.url() != null) {
                throw new SourceReadException("live endpoints are not read by this version; expected 'file'");
            }
            if (!"raw".equals(spec.formatOrDefault())) {
                throw new SourceReadException("format '" + spec.formatOrDefault() + "' is not read by this version; expected raw");
            }
            if (!"loki".equals(spec.kind())) {
                throw new SourceReadException("no collector for kind '" + spec.kind() + "' in this version; expected loki");
            }
            ConfigDocument document = reader.read(loaded.resolve(spec.file()));
            List<StorageFact> storage = loki.parse(document.root(), region).stream()
                    .map(at -> new StorageFact(sourceId, region, "loki", "logs", at.configPath(), at.backend(), at.bucket(),
                            at.declaredRegion(), at.regionBasis(), at.endpoint()))
                    .toList();
            log.debug("Source {} ({}): {} storage locations", sourceId, location, storage.size());
            return new CollectedSource(new SourceFact(sourceId, region, spec.kind(), location, SourceStatus.OK, null, document.sha256()), storage);
        } catch (SourceReadException e) {
            log.warn("Source {} ({}) not read: {}", sourceId, location, e.getMessage());
            return CollectedSource.failed(new SourceFact(sourceId, region, spec.kind(), location, SourceStatus.ERROR, e.getMessage(), null));
        }
    }

    /** Sources without an id are named region/kind, numbered when a region has several of a kind. */
    private static String uniqueId(SourceSpec spec, String region, Map<String, Integer> counts) {
        String base = spec.id() != null ? spec.id() : region + "/" + spec.kind();
        int seen = counts.merge(base, 1, Integer::sum);
        return seen == 1 ? base : base + "#" + seen;
    }
}
