package io.residency.auditor.facts;

/**
 * One replication rule of a bucket, with where its destination really is.
 *
 * @param status            Enabled or Disabled
 * @param filter            the rule's prefix or tag filter, or empty for the whole bucket
 * @param destinationRegion {@code null} when the destination's location could not be read
 * @param destinationBasis  how the destination region was found, or why not
 */
public record ReplicationRuleFact(String bucket, String ruleId, String status, String filter, String destinationBucket,
                                  String destinationAccount, String storageClass, String destinationRegion,
                                  String destinationBasis) {
}
