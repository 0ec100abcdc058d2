package io.residency.auditor.collect.s3;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the S3 client: credentials from the SDK's default chain (environment, profile, web
 * identity for IRSA), adaptive retries for throttling, and path-style access to a custom endpoint
 * (LocalStack or another S3-compatible API).
 */
public final class S3ClientFactory {

    private S3ClientFactory() {
    }

    /**
     * @param region   the client's region; buckets are located one by one whatever it is
     * @param endpoint an S3-compatible endpoint, or {@code null} for AWS
     */
    public static S3Client create(String region, String endpoint, int concurrency, Duration callTimeout) {
        return create(region, endpoint, concurrency, callTimeout, DefaultCredentialsProvider.builder().build());
    }

    /** @param credentials the default chain, or an assumed role's session in an audited account */
    public static S3Client create(String region, String endpoint, int concurrency, Duration callTimeout, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region == null ? "us-east-1" : region))
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(Math.max(10, concurrency * 2)))
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy())
                        .apiCallAttemptTimeout(callTimeout)
                        .apiCallTimeout(callTimeout.multipliedBy(4)));
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        } else {
            // Replication and encryption calls must reach the bucket's own region.
            builder.crossRegionAccessEnabled(true);
        }
        return builder.build();
    }
}
