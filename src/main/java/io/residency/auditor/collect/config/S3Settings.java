package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads S3 settings into storage locations, one per bucket, with the region they point at. Two
 * shapes exist: Loki's classic one ({@code s3} URL, {@code bucketnames}, {@code region},
 * {@code endpoint}; explicit keys override the URL) and the Thanos one used by Tempo, Thanos and
 * Loki's new clients (one bucket key, {@code endpoint}, {@code region}).
 */
public final class S3Settings {

    private final EndpointRegions endpointRegions;
    private final Set<String> inClusterStores;
    private final String stackRegion;

    public S3Settings(EndpointRegions endpointRegions) {
        this(endpointRegions, Set.of(), null);
    }

    /**
     * @param inClusterStores endpoints (host:port) that the source's chart deploys in the stack's own cluster
     * @param stackRegion     the region of that cluster
     */
    public S3Settings(EndpointRegions endpointRegions, Set<String> inClusterStores, String stackRegion) {
        this.endpointRegions = endpointRegions;
        this.inClusterStores = Set.copyOf(inClusterStores);
        this.stackRegion = stackRegion;
    }

    /** The one resolver of endpoint hosts, for the other backends' blocks. */
    EndpointRegions endpointRegions() {
        return endpointRegions;
    }

    /** Loki's classic {@code aws}/{@code s3} block. */
    public List<StorageLocation> readClassic(ConfigTree block) {
        Optional<String> urlText = block.text("s3");
        Optional<StorageLocation> unset = UnsetVariables.location(block, List.of("s3", "bucketnames", "endpoint", "region"), "s3");
        if (unset.isPresent()) {
            return List.of(unset.get());
        }
        S3Url url = null;
        if (urlText.isPresent()) {
            try {
                url = S3Url.parse(urlText.get());
            } catch (IllegalArgumentException e) {
                throw new ConfigShapeException(block.child("s3").path(), e.getMessage());
            }
        }
        List<String> buckets = block.text("bucketnames").map(S3Url::splitBuckets)
                .orElse(url == null ? List.of() : url.buckets());
        String endpoint = block.text("endpoint").orElse(url != null && url.hostIsEndpoint() ? url.host() : null);
        String urlRegion = url != null && !url.hostIsEndpoint() && !url.host().isEmpty() ? url.host() : null;
        return locations(block.pathText(), buckets, endpoint, block.text("region").orElse(null), urlRegion);
    }

    /** A Thanos-style block with a single bucket under {@code bucketKey}. */
    public List<StorageLocation> readBucketStyle(ConfigTree block, String bucketKey) {
        Optional<StorageLocation> unset = UnsetVariables.location(block, List.of(bucketKey, "endpoint", "region"), "s3");
        if (unset.isPresent()) {
            return List.of(unset.get());
        }
        List<String> buckets = block.text(bucketKey).map(List::of).orElse(List.of());
        return locations(block.pathText(), buckets, block.text("endpoint").orElse(null), block.text("region").orElse(null), null);
    }

    private List<StorageLocation> locations(String configPath, List<String> buckets, String endpoint, String regionKey, String urlRegion) {
        RegionClaim claim = declaredRegion(endpoint, regionKey, urlRegion);
        String endpointHost = endpoint == null ? null : EndpointRegions.hostOf(endpoint);
        List<StorageLocation> locations = new ArrayList<>();
        for (String bucket : buckets.isEmpty() ? List.of("") : buckets) {
            locations.add(new StorageLocation(configPath, "s3", bucket, claim.region(),
                    bucket.isEmpty() ? claim.basis() + "; no bucket named" : claim.basis(), endpointHost, true, ""));
        }
        return locations;
    }

    private record RegionClaim(String region, String basis) {
    }

    /** The endpoint decides where bytes go; a region key or URL region only counts without a specific endpoint. */
    private RegionClaim declaredRegion(String endpoint, String regionKey, String urlRegion) {
        if (endpoint != null && inClusterStores.contains(endpoint)) {
            return new RegionClaim(stackRegion, "the chart's own MinIO (minio.enabled) at " + endpoint
                    + ": a service of the stack's cluster, storing on that cluster's volumes in " + stackRegion);
        }
        if (endpoint != null && !EndpointRegions.isAwsGlobalEndpoint(endpoint)) {
            EndpointLocation found = endpointRegions.resolve(endpoint);
            return new RegionClaim(found.region(), found.explanation());
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
        return new RegionClaim(null, endpoint != null ? endpointRegions.resolve(endpoint).explanation()
                : "no region or endpoint set (the SDK would fall back to AWS_REGION)");
    }
}
