package io.residency.auditor.facts;

/**
 * The external labels a Prometheus source sets (prometheus_external_labels_fact).
 *
 * @param externalLabels every label as a JSON object, names sorted
 * @param regionLabel    the label Thanos attributes regions by (the estate's central.thanos.regionLabel)
 * @param regionValue    its value, or {@code null} when the config does not set it
 */
public record ExternalLabelsFact(String sourceId, String region, String externalLabels, String regionLabel, String regionValue,
                                 Integer line) {
}
