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
 * @param accountId        the audited account that listed the bucket; {@code null} for the default credentials or no account
 * @param lifecycleError   why the lifecycle rules could not be read (naming the permission), or {@code null}
 * @param objectLockError  why the Object Lock configuration could not be read, or {@code null}
 * @param answerFile       where the bundle keeps the raw S3 answers about the bucket
 */
public record BucketFact(String bucket, String region, String status, String reason, String replicationError,
                         String encryption, String tags, String accountId, String lifecycleError, String objectLockError,
                         String answerFile) {

    /** A bucket of the default credentials' account, without retention evidence (the shape before many accounts). */
    public BucketFact(String bucket, String region, String status, String reason, String replicationError, String encryption, String tags) {
        this(bucket, region, status, reason, replicationError, encryption, tags, null, null, null, null);
    }
}
