package io.residency.auditor.facts;

/**
 * A label of a region's federated series that carries personal data, as evidence without the data:
 * counts, at most three redacted samples and keyed hashes.
 *
 * @param detector     the value detector, or "label name" when the name matched a personal-data pattern
 * @param seriesCountComplete false when counting stopped at the limit: there are more than {@code seriesCount}
 * @param metrics      the metric names that carry the label (at most 20, comma-separated)
 * @param samples      at most three redacted samples, e.g. {@code a***@e***.com}
 * @param sampleHashes HMAC-SHA256 of those samples' values
 * @param setHash      XOR of the HMAC-SHA256 of every matching value: equal across runs when the set is equal
 */
public record SeriesLabelFact(String region, String label, String detector, long distinctValues, long matchingValues,
                              long seriesCount, boolean seriesCountComplete, String metrics, String samples, String sampleHashes, String setHash) {
}
