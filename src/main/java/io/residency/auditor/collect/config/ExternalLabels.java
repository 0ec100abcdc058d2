package io.residency.auditor.collect.config;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Prometheus's {@code global.external_labels}: every series it sends on (remote_write, federation,
 * the Thanos sidecar's store API) carries them, and Thanos attributes the series to a region by one of
 * them. Labels whose value is empty are left out, as Prometheus drops them.
 *
 * @param labels label name to value, sorted by name so the same config always records the same text
 */
public record ExternalLabels(SortedMap<String, String> labels) {

    /** Where they are set in a Prometheus config. */
    public static final String CONFIG_PATH = "global.external_labels";

    public ExternalLabels {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
