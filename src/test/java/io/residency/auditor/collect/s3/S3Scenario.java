package io.residency.auditor.collect.s3;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;

/**
 * The buckets of the residency scenario, created through the real S3 API of whichever server
 * the tests run against (the in-JVM emulator or LocalStack).
 */
public final class S3Scenario {

    public static final String KEY = "test-access-key";
    public static final String SECRET = "test-secret-key";

    private S3Scenario() {
    }

    public static S3Client client(String endpoint) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .build();
    }

    /**
     * eu-west-1 Loki writes to logs-eu (replicated EU to EU, plus a disabled rule to the US) and to
     * logs-eu-archive (replicated to the US: the violation); the config declares eu-west-1 for
     * logs-eu-moved, which S3 put in us-east-1; logs-eu-missing does not exist. The US stack's
     * logs-us replicates US to US. logs-eu-prefixed replicates a prefix to a bucket not in the listing.
     */
    /**
     * @param usEast1Explicit the in-JVM emulator answers "local" for a bucket created without a
     *                        location; AWS and LocalStack refuse an explicit us-east-1 instead
     */
    public static void create(S3Client s3, boolean usEast1Explicit) {
        for (String[] bucket : new String[][] {{"logs-eu", "eu-west-1"}, {"logs-eu-backup", "eu-central-1"},
                {"logs-eu-archive", "eu-west-1"}, {"archive-us", "us-west-2"}, {"logs-eu-moved", "us-east-1"},
                {"logs-us", "us-east-1"}, {"logs-us-dr", "us-west-2"}, {"logs-eu-prefixed", "eu-west-1"}}) {
            bucket(s3, bucket[0], bucket[1], usEast1Explicit);
        }
        replicate(s3, "logs-eu", List.of(
                rule("eu-backup", "logs-eu-backup", ReplicationRuleStatus.ENABLED, null),
                rule("old-us-copy", "archive-us", ReplicationRuleStatus.DISABLED, null)));
        replicate(s3, "logs-eu-archive", List.of(rule("to-us-archive", "archive-us", ReplicationRuleStatus.ENABLED, null)));
        replicate(s3, "logs-us", List.of(rule("us-dr", "logs-us-dr", ReplicationRuleStatus.ENABLED, null)));
        replicate(s3, "logs-eu-prefixed", List.of(rule("audit-prefix", "partner-bucket", ReplicationRuleStatus.ENABLED, "audit/")));
    }

    /** The Loki configs of the scenario's two stacks. */
    public static final String EU_LOKI = """
            schema_config:
              configs:
                - {from: 2023-01-01, store: tsdb, object_store: aws, schema: v13, index: {prefix: i_, period: 24h}}
                - {from: 2024-01-01, store: tsdb, object_store: moved, schema: v13, index: {prefix: i_, period: 24h}}
                - {from: 2025-01-01, store: tsdb, object_store: gone, schema: v13, index: {prefix: i_, period: 24h}}
            storage_config:
              aws:
                bucketnames: logs-eu,logs-eu-archive,logs-eu-prefixed
                region: eu-west-1
              named_stores:
                aws:
                  moved: {bucketnames: logs-eu-moved, region: eu-west-1}
                  gone: {bucketnames: logs-eu-missing, region: eu-west-1}
            """;

    public static final String US_LOKI = """
            storage_config:
              aws: {s3: "s3://us-east-1/logs-us"}
            """;

    public static void bucket(S3Client s3, String name, String region, boolean usEast1Explicit) {
        s3.createBucket(r -> {
            r.bucket(name);
            if (usEast1Explicit || !region.equals("us-east-1")) {
                r.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
            }
        });
    }

    private static ReplicationRule rule(String id, String destination, ReplicationRuleStatus status, String prefix) {
        return ReplicationRule.builder()
                .id(id)
                .status(status)
                .priority(1)
                .filter(f -> f.prefix(prefix == null ? "" : prefix))
                .deleteMarkerReplication(d -> d.status("Disabled"))
                .destination(d -> d.bucket("arn:aws:s3:::" + destination).storageClass("STANDARD_IA"))
                .build();
    }

    private static void replicate(S3Client s3, String bucket, List<ReplicationRule> rules) {
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        s3.putBucketReplication(r -> r.bucket(bucket).replicationConfiguration(c -> c
                .role("arn:aws:iam::111122223333:role/replication").rules(rules)));
    }
}
