package io.residency.auditor.facts;

import java.util.List;

/**
 * What the central Thanos Querier said about itself: its replica labels, whether its stores could be
 * read, and which regions its series carry.
 *
 * @param flagsStatus           OK, or UNVERIFIED when {@code /api/v1/status/flags} gave no complete answer
 * @param replicaLabels         the {@code query.replica-label} elements, comma-joined in the querier's order; "" for none
 * @param regionLabel           the estate's region label
 * @param regionLabelIsReplica  one replica label is exactly the region label: deduplication strips the region
 * @param storesStatus          OK, or UNVERIFIED when {@code /api/v1/stores} gave no complete answer
 * @param seriesRegionsStatus   OK, or UNVERIFIED when the region label's values in the series gave no complete answer
 * @param seriesRegions         the distinct region label values seen in the series, sorted; empty when not read
 */
public record QuerierTopologyFact(String flagsStatus, String flagsReason, String replicaLabels, String regionLabel,
                                  boolean regionLabelIsReplica, String storesStatus, String storesReason,
                                  String seriesRegionsStatus, String seriesRegionsReason, List<String> seriesRegions) {

    public QuerierTopologyFact {
        seriesRegions = List.copyOf(seriesRegions);
    }
}
