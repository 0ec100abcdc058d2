package io.residency.auditor.facts;

import java.util.List;

/** What one collector learned from one source: the source itself and the facts in it. */
public record CollectedSource(SourceFact source, List<StorageFact> storage, List<EgressFact> egress, List<RetentionFact> retention,
                              List<OtelDimensionFact> dimensions, List<OtelProcessorFact> processors,
                              List<ExternalLabelsFact> externalLabels) {

    public CollectedSource {
        storage = List.copyOf(storage);
        egress = List.copyOf(egress);
        retention = List.copyOf(retention);
        dimensions = List.copyOf(dimensions);
        processors = List.copyOf(processors);
        externalLabels = List.copyOf(externalLabels);
    }

    /** A source that sets no external labels. */
    public CollectedSource(SourceFact source, List<StorageFact> storage, List<EgressFact> egress, List<RetentionFact> retention,
                           List<OtelDimensionFact> dimensions, List<OtelProcessorFact> processors) {
        this(source, storage, egress, retention, dimensions, processors, List.of());
    }

    /** A source whose config has no collector processing of its own. */
    public CollectedSource(SourceFact source, List<StorageFact> storage, List<EgressFact> egress, List<RetentionFact> retention) {
        this(source, storage, egress, retention, List.of(), List.of());
    }

    public static CollectedSource failed(SourceFact source) {
        return new CollectedSource(source, List.of(), List.of(), List.of());
    }

    public int factCount() {
        return storage.size() + egress.size() + retention.size() + dimensions.size() + processors.size() + externalLabels.size();
    }
}
