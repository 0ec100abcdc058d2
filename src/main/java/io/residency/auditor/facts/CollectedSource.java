package io.residency.auditor.facts;

import java.util.List;

/** What one collector learned from one source: the source itself and the storage facts in it. */
public record CollectedSource(SourceFact source, List<StorageFact> storage) {

    public CollectedSource {
        storage = List.copyOf(storage);
    }

    public static CollectedSource failed(SourceFact source) {
        return new CollectedSource(source, List.of());
    }
}
