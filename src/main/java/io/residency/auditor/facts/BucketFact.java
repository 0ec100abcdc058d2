package io.residency.auditor.facts;

/**
 * What S3 says about one bucket.
 *
 * @param region           the real location (GetBucketLocation, normalised); {@code null} when it could not be read
 * @param status           OK, ABSENT (NoSuchBucket) or ERROR (access denied, unreachable, ...)
 * @param reason           why the status is not OK
 * @param replicationError why the replication rules could not be read, or {@code null}
 * @param encryption       the default encryption (AES256, aws:kms, none) or why it is unknown
 * @param tags             the bucket's tags as {@code key=value; ...}, supporting evidence only
 */
public record BucketFact(String bucket, String region, String status, String reason, String replicationError,
                         String encryption, String tags) {
}
