package io.residency.auditor.collect.config;

/**
 * A flow of one data class from one region to another that a config sets up.
 *
 * @param direction         send (an exporter or remote_write pushes data out) or query (a data source pulls it in)
 * @param originRegion      where the data lives; {@code null} when the endpoint's region is unknown
 * @param destinationRegion where the data ends up; {@code null} when unknown
 * @param endpoint          the endpoint host (no credentials, no path)
 */
public record EgressTarget(String configPath, String dataClass, String direction, String endpoint,
                           String originRegion, String destinationRegion, String regionBasis) {
}
