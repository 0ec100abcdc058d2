package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads an S3 block of the Loki/Cortex shape ({@code s3}, {@code bucketnames}, {@code region},
 * {@code endpoint}) into storage locations, one per bucket, with the region the settings point at.
 * Explicit {@code endpoint}/{@code region} keys override the URL, as in Loki.
 */
public final class S3Settings {

    private final EndpointRegions endpointRegions;

    public S3Settings(EndpointRegions endpointRegions) {
        this.endpointRegions = endpointRegions;
    }

    public List<StorageLocation> read(String configPath, JsonNode block) {
        S3Url url = block.hasNonNull("s3") ? S3Url.parse(block.get("s3").asString()) : null;
        List<String> buckets = block.hasNonNull("bucketnames")
                ? S3Url.splitBuckets(block.get("bucketnames").asString())
                : url == null ? List.of() : url.buckets();
        String endpoint = text(block, "endpoint");
        if (endpoint == null && url != null && url.hostIsEndpoint()) {
            endpoint = url.host();
        }
        String regionKey = text(block, "region");
        String urlRegion = url != null && !url.hostIsEndpoint() && !url.host().isEmpty() ? url.host() : null;
        RegionClaim claim = declaredRegion(endpoint, regionKey, urlRegion);
        String endpointHost = endpoint == null ? null : EndpointRegions.hostOf(endpoint);

        List<StorageLocation> locations = new ArrayList<>();
        for (String bucket : buckets.isEmpty() ? List.of("") : buckets) {
            locations.add(new StorageLocation(configPath, "s3", bucket, claim.region(), claim.basis(), endpointHost));
        }
        return locations;
    }

    private record RegionClaim(String region, String basis) {
    }

    /** The endpoint decides where bytes go; a region key or URL region only counts without a specific endpoint. */
    private RegionClaim declaredRegion(String endpoint, String regionKey, String urlRegion) {
        if (endpoint != null && !EndpointRegions.isAwsGlobalEndpoint(endpoint)) {
            return endpointRegions.resolve(endpoint)
                    .map(found -> new RegionClaim(found.region(), found.basis()))
                    .orElse(new RegionClaim(null, "endpoint " + EndpointRegions.hostOf(endpoint)
                            + " belongs to no known region (add it to the estate's endpoints map)"));
        }
        if (regionKey != null) {
            return EndpointRegions.isRegion(regionKey)
                    ? new RegionClaim(regionKey, "region key")
                    : new RegionClaim(null, "region key '" + regionKey + "' is not a cloud region");
        }
        if (urlRegion != null) {
            return EndpointRegions.isRegion(urlRegion)
                    ? new RegionClaim(urlRegion, "region in s3 URL")
                    : new RegionClaim(null, "s3 URL host '" + urlRegion + "' is neither a region nor an endpoint");
        }
        return new RegionClaim(null, "no region or endpoint set (the SDK would fall back to AWS_REGION)");
    }

    private static String text(JsonNode block, String key) {
        JsonNode value = block.get(key);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString().strip();
    }
}
