package io.residency.auditor.facts;

/**
 * How the scan of one region's federated series went.
 *
 * @param status OK, or UNVERIFIED when the querier's answer was partial, failed or empty
 */
public record SeriesScanFact(String region, String status, String reason, int labelsScanned, long valuesScanned) {
}
