package io.residency.auditor.estate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import io.residency.auditor.policy.Policy;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * How to reach S3. Credentials never come from here: the SDK's default provider chain supplies them,
 * and for {@code accounts} or {@code organization} STS turns them into each account's role session.
 *
 * @param buckets               {@code all}, or an explicit list of bucket names
 * @param concurrency           how many buckets are inspected at once (default 16)
 * @param accounts              accounts audited through their audit role; empty: the default credentials' own account
 * @param organization          audit every active account of the organization instead of listing them
 * @param stsEndpoint           an STS endpoint (a VPC endpoint, or a stand-in in tests); {@code null} for AWS's own
 * @param organizationsEndpoint an Organizations endpoint, likewise
 */
public record AwsSettings(
        @Pattern(regexp = Policy.CLOUD_REGION, message = "expected a cloud region such as us-east-1") String region,
        String endpoint,
        JsonNode buckets,
        @jakarta.validation.constraints.Min(value = 1, message = "expected at least 1")
        @jakarta.validation.constraints.Max(value = 256, message = "expected at most 256") Integer concurrency,
        List<@Valid AwsAccount> accounts,
        @Valid AwsOrganization organization,
        String stsEndpoint,
        String organizationsEndpoint) {

    /** Buckets inspected at once by default: enough to hide S3's latency, few enough to stay far from its rate limits. */
    public static final int DEFAULT_CONCURRENCY = 16;

    public AwsSettings {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    public int concurrencyOrDefault() {
        return concurrency == null ? DEFAULT_CONCURRENCY : concurrency;
    }

    public String regionOrDefault() {
        return region == null ? "us-east-1" : region;
    }

    /** Whether buckets are read through roles in several accounts rather than with the default credentials alone. */
    public boolean manyAccounts() {
        return !accounts.isEmpty() || organization != null;
    }

    /** The bucket names to inspect; empty means every bucket the listing returns. */
    public List<String> bucketNames() {
        if (buckets == null || buckets.isString()) {
            return List.of();
        }
        return buckets.valueStream().map(JsonNode::asString).toList();
    }

    @jakarta.validation.constraints.AssertTrue(message = "expected 'all' or a list of bucket names")
    public boolean isBucketsValid() {
        return buckets == null
                || (buckets.isString() && "all".equals(buckets.asString()))
                || (buckets.isArray() && buckets.valueStream().allMatch(JsonNode::isString));
    }
}
