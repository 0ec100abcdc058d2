package io.residency.auditor.facts;

/**
 * What the central Thanos Querier said about itself: its replica labels and whether its stores could be read.
 *
 * @param flagsStatus           OK, or UNVERIFIED when {@code /api/v1/status/flags} gave no complete answer
 * @param replicaLabels         the {@code query.replica-label} elements, comma-joined in the querier's order; "" for none
 * @param regionLabel           the estate's region label
 * @param regionLabelIsReplica  one replica label is exactly the region label: deduplication strips the region
 * @param storesStatus          OK, or UNVERIFIED when {@code /api/v1/stores} gave no complete answer
 */
public record QuerierTopologyFact(String flagsStatus, String flagsReason, String replicaLabels, String regionLabel,
                                  boolean regionLabelIsReplica, String storesStatus, String storesReason) {
}
