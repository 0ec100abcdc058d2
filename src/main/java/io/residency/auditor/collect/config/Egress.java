package io.residency.auditor.collect.config;

/** Builds egress targets, locating each endpoint's region the one way the estate defines. */
final class Egress {

    private Egress() {
    }

    /** Data of {@code dataClass} pushed from the stack to {@code endpoint}. */
    static EgressTarget send(ConfigTree at, DataClassName dataClass, String endpoint, ParseContext context) {
        Located located = locate(endpoint, context);
        return new EgressTarget(at.pathText(), dataClass.policyName(), "send", located.host(), context.stackRegion(), located.region(), located.basis());
    }

    /** Data of {@code dataClass} pulled from {@code endpoint} into the stack (a Grafana data source). */
    static EgressTarget query(ConfigTree at, DataClassName dataClass, String endpoint, ParseContext context) {
        Located located = locate(endpoint, context);
        return new EgressTarget(at.pathText(), dataClass.policyName(), "query", located.host(), located.region(), context.stackRegion(), located.basis());
    }

    /** Data written to a bucket whose region the storage settings declare. */
    static EgressTarget store(StorageLocation location, DataClassName dataClass, ParseContext context) {
        String target = location.bucket().isEmpty() ? location.backend() : "s3://" + location.bucket();
        return new EgressTarget(location.configPath(), dataClass.policyName(), "store", target, context.stackRegion(),
                location.declaredRegion(), location.regionBasis());
    }

    private record Located(String host, String region, String basis) {
    }

    private static Located locate(String endpoint, ParseContext context) {
        EndpointLocation found = context.endpointRegions().resolve(endpoint);
        if (found.host().isEmpty()) {
            return new Located(endpoint.isBlank() ? "(none)" : "(unparsable)", null, found.explanation());
        }
        return new Located(found.host(), found.isLocal() ? context.stackRegion() : found.region(), found.explanation());
    }
}
