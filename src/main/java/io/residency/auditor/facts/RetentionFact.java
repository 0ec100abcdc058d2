package io.residency.auditor.facts;

/**
 * How long a component keeps a tenant's (or a stream's) data, or how long a bucket's own rules keep
 * (S3 lifecycle expiration) or protect (S3 Object Lock) its objects.
 *
 * @param hours    {@code null} when kept without limit
 * @param enforced whether anything deletes data after that time (for Object Lock: whether the lock is on)
 * @param bucket   the bucket whose rule this is; {@code null} for a component's own setting
 * @param prefix   the key prefix a bucket rule applies to ('' for all); {@code null} when it filters on tags or sizes
 * @param line     the setting's line in its source; {@code null} when the source does not hold it (a default) or for a bucket's rule
 */
public record RetentionFact(String sourceId, String region, String component, String configPath, String tenant,
                            String scope, Long hours, boolean enforced, String bucket, String prefix, Integer line) {

    /** A bucket's own rule: it has no line in any config. */
    public RetentionFact(String sourceId, String region, String component, String configPath, String tenant, String scope, Long hours,
                         boolean enforced, String bucket, String prefix) {
        this(sourceId, region, component, configPath, tenant, scope, hours, enforced, bucket, prefix, null);
    }

    /** A component's own retention setting, for every bucket it writes to. */
    public RetentionFact(String sourceId, String region, String component, String configPath, String tenant, String scope, Long hours,
                         boolean enforced) {
        this(sourceId, region, component, configPath, tenant, scope, hours, enforced, null, null, null);
    }
}
