package io.residency.auditor.facts;

import java.util.List;

/**
 * What one collector learned from one source: the source itself, the facts in it and, for a live
 * source, what it answered.
 *
 * @param answers   what a url:, k8s: or api: source answered, as received (as far as read when cut), for inputs/
 * @param answerRef how findings name that answer (source_fact.answer_ref); {@code null} when nothing was received
 */
public record CollectedSource(SourceFact source, List<StorageFact> storage, List<EgressFact> egress, List<RetentionFact> retention,
                              List<OtelDimensionFact> dimensions, List<OtelProcessorFact> processors,
                              List<ExternalLabelsFact> externalLabels, List<InputAnswer> answers, String answerRef) {

    public CollectedSource {
        storage = List.copyOf(storage);
        egress = List.copyOf(egress);
        retention = List.copyOf(retention);
        dimensions = List.copyOf(dimensions);
        processors = List.copyOf(processors);
        externalLabels = List.copyOf(externalLabels);
        answers = List.copyOf(answers);
    }

    /** A source that sets no external labels and answered nothing kept. */
    public CollectedSource(SourceFact source, List<StorageFact> storage, List<EgressFact> egress, List<RetentionFact> retention,
                           List<OtelDimensionFact> dimensions, List<OtelProcessorFact> processors) {
        this(source, storage, egress, retention, dimensions, processors, List.of(), List.of(), null);
    }

    /** A source whose config has no collector processing of its own and that answered nothing kept. */
    public CollectedSource(SourceFact source, List<StorageFact> storage, List<EgressFact> egress, List<RetentionFact> retention) {
        this(source, storage, egress, retention, List.of(), List.of(), List.of(), List.of(), null);
    }

    public static CollectedSource failed(SourceFact source) {
        return new CollectedSource(source, List.of(), List.of(), List.of());
    }

    /** The same source with what it answered. */
    public CollectedSource withAnswers(List<InputAnswer> received, String ref) {
        return new CollectedSource(source, storage, egress, retention, dimensions, processors, externalLabels, received,
                received.isEmpty() ? null : ref);
    }

    public int factCount() {
        return storage.size() + egress.size() + retention.size() + dimensions.size() + processors.size() + externalLabels.size();
    }
}
