package io.residency.auditor.demo;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;

/** The demo estate's buckets, each in its region, and one replication rule that leaves the EU. */
final class DemoBuckets {

    static final String KEY = "demo-access-key";
    static final String SECRET = "demo-secret-key";

    private DemoBuckets() {
    }

    static void create(String endpoint) {
        // The auditor finds credentials through the SDK's default chain; the emulator accepts any.
        System.setProperty("aws.accessKeyId", KEY);
        System.setProperty("aws.secretAccessKey", SECRET);
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET))).build()) {
            String[][] buckets = {
                    {"acme-loki-chunks-eu", "eu-west-1"}, {"acme-loki-archive", "us-east-1"}, {"acme-tempo-traces-eu", "eu-west-1"},
                    {"acme-thanos-eu", "eu-west-1"}, {"acme-loki-chunks-us", "us-east-1"}, {"acme-loki-ruler-us", "us-east-1"},
                    {"acme-tempo-traces-us", "us-east-1"}, {"acme-thanos-us", "us-east-1"}, {"acme-dr-eu", "eu-central-1"},
                    {"acme-dr-us", "us-east-2"}};
            for (String[] bucket : buckets) {
                s3.createBucket(r -> r.bucket(bucket[0]).createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(bucket[1]))));
            }
            replicate(s3, "acme-tempo-traces-eu", "eu-dr", "acme-dr-eu");
            // The forbidden rule: EU log chunks copied to a disaster-recovery bucket in the US.
            replicate(s3, "acme-loki-chunks-eu", "dr-copy", "acme-dr-us");
            replicate(s3, "acme-loki-chunks-us", "us-dr", "acme-dr-us");
        }
    }

    private static void replicate(S3Client s3, String bucket, String ruleId, String destination) {
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        s3.putBucketReplication(r -> r.bucket(bucket).replicationConfiguration(c -> c
                .role("arn:aws:iam::111122223333:role/s3-replication")
                .rules(rule -> rule.id(ruleId).status("Enabled").priority(1).filter(f -> f.prefix(""))
                        .deleteMarkerReplication(d -> d.status("Disabled"))
                        .destination(d -> d.bucket("arn:aws:s3:::" + destination)))));
    }
}
