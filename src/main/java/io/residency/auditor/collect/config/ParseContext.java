package io.residency.auditor.collect.config;

/**
 * What a source kind needs to know besides the config.
 *
 * @param stackRegion        the region the component runs in
 * @param thanosHost         the central Thanos Querier's host, or {@code null}: data sources that reach it see aggregated metrics
 * @param personalAttributes which attribute names the policy counts as personal data
 */
public record ParseContext(String stackRegion, EndpointRegions endpointRegions, String thanosHost, PersonalAttributes personalAttributes) {

    /** Without the policy's PII settings: no attribute is judged personal. */
    public ParseContext(String stackRegion, EndpointRegions endpointRegions, String thanosHost) {
        this(stackRegion, endpointRegions, thanosHost, PersonalAttributes.NONE);
    }

    /** Reads object-store blocks, locating S3 endpoints by the estate's endpoints map. */
    ObjectStoreBlocks objectStores() {
        return new ObjectStoreBlocks(new S3Settings(endpointRegions));
    }
}
