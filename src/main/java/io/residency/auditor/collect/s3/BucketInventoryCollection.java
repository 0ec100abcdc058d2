package io.residency.auditor.collect.s3;

import io.residency.auditor.estate.AwsSettings;
import io.residency.auditor.facts.BucketInventory;
import java.time.Duration;
import java.util.Collection;
import software.amazon.awssdk.services.s3.S3Client;

/** Takes the inventory of the estate's AWS account with a client of its own, closed when done. */
public final class BucketInventoryCollection {

    private final Duration callTimeout;

    /** @param callTimeout how long one S3 call may take, per attempt */
    public BucketInventoryCollection(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** @param namedByConfigs the buckets the configs write to: inspected whatever {@code aws.buckets} selects */
    public BucketInventory collect(AwsSettings aws, Collection<String> namedByConfigs) {
        try (S3Client s3 = S3ClientFactory.create(aws.region(), aws.endpoint(), aws.concurrencyOrDefault(), callTimeout)) {
            return new BucketCollector(s3, aws.concurrencyOrDefault()).collect(aws.bucketNames(), namedByConfigs);
        }
    }
}
