package io.residency.auditor.facts;

/**
 * How a run was asked to look, which decides the checks it can make at all.
 *
 * @param offline    configuration files only: no S3 and no querier calls, live sources not read
 * @param awsSection the estate has an {@code aws} section, so buckets are inspected
 * @param querier    the estate names a central Thanos Querier, so federated series are scanned
 */
public record RunMode(boolean offline, boolean awsSection, boolean querier) {

    public boolean bucketsInspected() {
        return awsSection && !offline;
    }

    public boolean seriesScanned() {
        return querier && !offline;
    }
}
