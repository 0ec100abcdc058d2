package io.residency.auditor.collect.config;

/**
 * Where an endpoint is, as far as its host proves it: in a region, local to whoever calls it, or
 * not located. Not located always carries the reason (what was found, and how to fix it), because
 * it becomes the message of an UNVERIFIED finding.
 *
 * @param host        the endpoint's host (IPv6 in brackets), or {@code ""} when none could be read
 * @param kind        located, local or not located
 * @param region      the region when located, otherwise {@code null}
 * @param explanation the basis of a location, or the reason there is none
 */
public record EndpointLocation(String host, Kind kind, String region, String explanation) {

    /** The three answers the resolver gives. */
    public enum Kind {
        /** The host belongs to {@link #region()}. */
        LOCATED,
        /** A loopback literal or {@code localhost}: the data stays with the caller. */
        LOCAL,
        /** Nothing about the host proves a region; {@link #explanation()} says why. */
        NOT_LOCATED
    }

    static EndpointLocation located(String host, String region, String basis) {
        return new EndpointLocation(host, Kind.LOCATED, region, basis);
    }

    static EndpointLocation local(String host) {
        return new EndpointLocation(host, Kind.LOCAL, null, "local endpoint " + host + " (same host or pod)");
    }

    static EndpointLocation notLocated(String host, String reason) {
        return new EndpointLocation(host, Kind.NOT_LOCATED, null, reason);
    }

    public boolean isLocated() {
        return kind == Kind.LOCATED;
    }

    public boolean isLocal() {
        return kind == Kind.LOCAL;
    }
}
