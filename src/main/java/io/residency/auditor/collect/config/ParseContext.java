package io.residency.auditor.collect.config;

import java.util.Set;

/**
 * What a source kind needs to know besides the config.
 *
 * @param stackRegion        the region the component runs in
 * @param thanosHost         the central Thanos Querier's host, or {@code null}: data sources that reach it see aggregated metrics
 * @param personalAttributes which attribute names the policy counts as personal data
 * @param inClusterStores    S3 endpoints that the source's Helm chart deploys inside the stack's cluster (its MinIO)
 */
public record ParseContext(String stackRegion, EndpointRegions endpointRegions, String thanosHost, PersonalAttributes personalAttributes,
                           Set<String> inClusterStores) {

    public ParseContext {
        inClusterStores = Set.copyOf(inClusterStores);
    }

    /** Without the policy's PII settings: no attribute is judged personal. */
    public ParseContext(String stackRegion, EndpointRegions endpointRegions, String thanosHost) {
        this(stackRegion, endpointRegions, thanosHost, PersonalAttributes.NONE, Set.of());
    }

    public ParseContext(String stackRegion, EndpointRegions endpointRegions, String thanosHost, PersonalAttributes personalAttributes) {
        this(stackRegion, endpointRegions, thanosHost, personalAttributes, Set.of());
    }

    /** The same stack, with the stores a chart deploys in its cluster. */
    ParseContext withInClusterStores(Set<String> stores) {
        return new ParseContext(stackRegion, endpointRegions, thanosHost, personalAttributes, stores);
    }

    /** Reads object-store blocks, locating S3 endpoints by the estate's endpoints map. */
    ObjectStoreBlocks objectStores() {
        return new ObjectStoreBlocks(new S3Settings(endpointRegions, inClusterStores, stackRegion));
    }
}
