package io.residency.auditor.collect.s3;

import io.residency.auditor.facts.RetentionFact;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What in S3 itself deletes or protects a bucket's objects: lifecycle expirations (of current and
 * of noncurrent versions; GetBucketLifecycleConfiguration) and Object Lock's default retention
 * (GetObjectLockConfiguration). "None configured" (NoSuchLifecycleConfiguration,
 * ObjectLockConfigurationNotFoundError) is an answer: nothing deletes early, or nothing protects;
 * any other error (access denied first) is recorded, naming the permission, never read as "none".
 */
final class BucketRetention {

    static final String LIFECYCLE = "s3-lifecycle";
    static final String OBJECT_LOCK = "s3-object-lock";
    private static final long HOURS_PER_DAY = 24;
    /** S3 Object Lock counts a year as 365 days. */
    private static final long DAYS_PER_YEAR = 365;

    private final S3Client s3;
    private final String sourceId;
    private final String bucket;
    private final String region;
    private final S3Answers answers;
    private String lifecycleError;
    private String objectLockError;

    BucketRetention(S3Client s3, String sourceId, String bucket, String region, S3Answers answers) {
        this.s3 = s3;
        this.sourceId = sourceId;
        this.bucket = bucket;
        this.region = region;
        this.answers = answers;
    }

    List<RetentionFact> read() {
        List<RetentionFact> facts = new ArrayList<>();
        lifecycle(facts);
        objectLock(facts);
        return facts;
    }

    String lifecycleError() {
        return lifecycleError;
    }

    String objectLockError() {
        return objectLockError;
    }

    private void lifecycle(List<RetentionFact> facts) {
        GetBucketLifecycleConfigurationResponse response;
        try {
            response = s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket));
        } catch (SdkException e) {
            answers.failed("GetBucketLifecycleConfiguration", e);
            if (!isCode(e, "NoSuchLifecycleConfiguration")) {
                lifecycleError = S3Errors.describe(e, "GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration");
            }
            return;
        }
        answers.answered("GetBucketLifecycleConfiguration", response);
        if (response.rules().isEmpty()) {
            // S3 keeps no empty lifecycle configuration (it answers NoSuchLifecycleConfiguration): this answer is not S3's shape.
            lifecycleError = "GetBucketLifecycleConfiguration: the answer holds no Rule; expected at least one, "
                    + "or the error NoSuchLifecycleConfiguration";
            return;
        }
        for (int index = 0; index < response.rules().size(); index++) {
            LifecycleRule rule = response.rules().get(index);
            String name = "s3://" + bucket + " lifecycle rule " + (rule.id() == null || rule.id().isEmpty() ? "#" + (index + 1) : rule.id());
            boolean enabled = "Enabled".equals(rule.statusAsString());
            String prefix = prefix(rule);
            String scope = prefix == null ? "objects matching tags or sizes" : prefix.isEmpty() ? "whole bucket" : "prefix " + prefix;
            if (rule.expiration() != null && rule.expiration().days() != null) {
                facts.add(fact(name + " Expiration.Days", scope, rule.expiration().days() * HOURS_PER_DAY, enabled, prefix));
            }
            if (rule.expiration() != null && rule.expiration().date() != null) {
                // A date deletes every matching object on that day, however young: no minimum age holds.
                facts.add(fact(name + " Expiration.Date " + rule.expiration().date(), scope, 0L, enabled, prefix));
            }
            if (rule.noncurrentVersionExpiration() != null && rule.noncurrentVersionExpiration().noncurrentDays() != null) {
                facts.add(fact(name + " NoncurrentVersionExpiration.NoncurrentDays", "noncurrent versions, " + scope,
                        rule.noncurrentVersionExpiration().noncurrentDays() * HOURS_PER_DAY, enabled, prefix));
            }
        }
    }

    private void objectLock(List<RetentionFact> facts) {
        GetObjectLockConfigurationResponse response;
        try {
            response = s3.getObjectLockConfiguration(r -> r.bucket(bucket));
        } catch (SdkException e) {
            answers.failed("GetObjectLockConfiguration", e);
            if (!isCode(e, "ObjectLockConfigurationNotFoundError")) {
                objectLockError = S3Errors.describe(e, "GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration");
            }
            return;
        }
        answers.answered("GetObjectLockConfiguration", response);
        ObjectLockConfiguration lock = response.objectLockConfiguration();
        if (lock == null) {
            // S3 answers ObjectLockConfigurationNotFoundError when there is none; an answer without it is not S3's shape.
            objectLockError = "GetObjectLockConfiguration: the answer holds no ObjectLockConfiguration; expected one, "
                    + "or the error ObjectLockConfigurationNotFoundError";
            return;
        }
        if (!"Enabled".equals(lock.objectLockEnabledAsString())) {
            return;
        }
        DefaultRetention retention = lock.rule() == null ? null : lock.rule().defaultRetention();
        if (retention == null) {
            facts.add(fact("s3://" + bucket + " object lock", "enabled, no default retention", null, true, ""));
            return;
        }
        Long days = retention.days() != null ? Long.valueOf(retention.days())
                : retention.years() != null ? retention.years() * DAYS_PER_YEAR : null;
        facts.add(fact("s3://" + bucket + " object lock", "mode " + retention.modeAsString(), days == null ? null : days * HOURS_PER_DAY, true, ""));
    }

    private RetentionFact fact(String configPath, String scope, Long hours, boolean enforced, String prefix) {
        String component = configPath.endsWith(" object lock") ? OBJECT_LOCK : LIFECYCLE;
        return new RetentionFact(sourceId, region, component, configPath, "*", scope, hours, enforced, bucket, prefix);
    }

    /** The key prefix a rule applies to: '' for the whole bucket, {@code null} when tags or object sizes narrow it. */
    private static String prefix(LifecycleRule rule) {
        LifecycleRuleFilter filter = rule.filter();
        if (filter == null) {
            return rule.prefix() == null ? "" : rule.prefix();
        }
        if (filter.tag() != null || filter.objectSizeGreaterThan() != null || filter.objectSizeLessThan() != null) {
            return null;
        }
        LifecycleRuleAndOperator and = filter.and();
        if (and != null) {
            boolean narrowed = !and.tags().isEmpty() || and.objectSizeGreaterThan() != null || and.objectSizeLessThan() != null;
            return narrowed ? null : and.prefix() == null ? "" : and.prefix();
        }
        return filter.prefix() == null ? "" : filter.prefix();
    }

    private static boolean isCode(SdkException e, String code) {
        return e instanceof S3Exception s3e && code.equals(S3Errors.code(s3e));
    }
}
