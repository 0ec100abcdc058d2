package io.residency.auditor.collect.config;

/**
 * What a parser needs to know besides the config.
 *
 * @param stackRegion the region the component runs in
 * @param thanosHost  the central Thanos Querier's host, or {@code null}: data sources that reach it see aggregated metrics
 */
public record ParseContext(String stackRegion, EndpointRegions endpointRegions, String thanosHost) {
}
