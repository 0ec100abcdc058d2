package io.residency.auditor.facts;

import java.util.List;

/**
 * The buckets and replication rules of one run.
 *
 * @param listingError why ListBuckets failed, or {@code null}; then only the buckets named by configs were inspected
 */
public record BucketInventory(List<BucketFact> buckets, List<ReplicationRuleFact> rules, String listingError) {

    public BucketInventory {
        buckets = List.copyOf(buckets);
        rules = List.copyOf(rules);
    }
}
