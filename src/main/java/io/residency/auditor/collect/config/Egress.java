package io.residency.auditor.collect.config;

import java.util.Optional;

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
        String host = EndpointRegions.hostOf(endpoint);
        if (host.isEmpty()) {
            return new Located(endpoint.isBlank() ? "(none)" : "(unparsable)", null, "no endpoint host");
        }
        if (isLoopbackOrLocal(host)) {
            return new Located(host, context.stackRegion(), "local endpoint " + host + " (same host or pod)");
        }
        Optional<EndpointRegions.Resolution> found = context.endpointRegions().resolve(endpoint);
        return found.map(r -> new Located(host, r.region(), r.basis()))
                .orElse(new Located(host, null, "endpoint " + host + " belongs to no known region (add it to the estate's endpoints map)"));
    }

    private static boolean isLoopbackOrLocal(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("0.0.0.0");
    }
}
