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

    /**
     * An HTTP URL a Go component (Prometheus, Grafana) sends to or reads from. Go's URL parser takes
     * {@code localhost:9090} as scheme {@code localhost} and {@code foo} as a path, so a URL without
     * {@code http://} or {@code https://} reaches no host as written: it is never located, not even
     * when its host looks local, and the reason says it is a schemeless URL.
     */
    static EgressTarget http(ConfigTree at, DataClassName dataClass, String direction, String url, String component, ParseContext context) {
        boolean isQuery = "query".equals(direction);
        EgressTarget target = isQuery ? query(at, dataClass, url, context) : send(at, dataClass, url, context);
        boolean schemeless = EndpointUrl.parse(url).map(parsed -> parsed.scheme() == null).orElse(false);
        if (!schemeless) {
            return target;
        }
        String shown = SafeUrls.redact(url);
        String reason = at.pathText() + ".url '" + shown + "' is a schemeless URL: " + component + " reads it with Go's URL parser, which"
                + " takes no host from it, so nothing reaches that host as written; expected http://" + shown + " or https://" + shown
                + " (then its host is located like any other)";
        return new EgressTarget(target.configPath(), target.dataClass(), target.direction(), target.endpoint(),
                isQuery ? null : context.stackRegion(), isQuery ? context.stackRegion() : null, reason);
    }

    /** Data written to a bucket whose region the storage settings declare. */
    static EgressTarget store(StorageLocation location, DataClassName dataClass, ParseContext context) {
        return new EgressTarget(location.configPath(), dataClass.policyName(), "store", location.target(), context.stackRegion(),
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
