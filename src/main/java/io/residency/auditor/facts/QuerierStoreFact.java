package io.residency.auditor.facts;

/**
 * One store API of the central querier and the region its external labels attribute it to.
 *
 * @param labelSets    its label sets as JSON, as announced
 * @param regionsNamed the distinct values of the region label across its label sets, sorted, comma-joined; "" for none
 * @param region       the one region named, {@code null} when none or more than one
 */
public record QuerierStoreFact(String type, String name, String labelSets, String regionsNamed, String region,
                               Long minTime, Long maxTime, String lastError) {
}
