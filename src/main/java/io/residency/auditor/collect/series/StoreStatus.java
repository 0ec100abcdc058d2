package io.residency.auditor.collect.series;

import java.util.List;
import java.util.Map;

/**
 * One store API the Thanos Querier fans out to, as {@code /api/v1/stores} lists it.
 *
 * @param type      the component type the querier files it under: store, sidecar, rule, receive, ...
 * @param labelSets the external label sets it announces
 * @param minTime   the oldest sample it serves (ms), {@code null} when not said
 * @param lastError the querier's last error reaching it, {@code null} when none
 */
public record StoreStatus(String type, String name, List<Map<String, String>> labelSets, Long minTime, Long maxTime, String lastError) {

    public StoreStatus {
        labelSets = List.copyOf(labelSets);
    }
}
