package io.residency.auditor.collect.config;

import io.residency.auditor.estate.EndpointPattern;
import io.residency.auditor.policy.Policy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds which region an endpoint belongs to from its host alone (DESIGN section 2): never its
 * scheme, user info, port, path, query or fragment. In order:
 * <ol>
 *   <li>the estate's {@code endpoints} map ({@link EndpointPattern}: an exact host or {@code *.<domain>}):
 *       the most specific matching pattern wins (an exact host over a wildcard, then the longer
 *       domain); the same pattern under two regions locates nothing, and the reason names both;</li>
 *   <li>loopback literals (127.0.0.0/8, ::1) and exactly {@code localhost} are local;</li>
 *   <li>the cloud provider's own host names, read where the provider puts the region
 *       ({@link ProviderHostPatterns}); anything else is not located.</li>
 * </ol>
 * Same input, same answer: no map or set iteration order takes part in a decision.
 */
public final class EndpointRegions {

    /** One pattern of the estate's endpoints map and the region it places hosts in. */
    private record EstatePattern(String region, EndpointPattern pattern) {

        static final Comparator<EstatePattern> MOST_SPECIFIC_FIRST = Comparator
                .comparing(EstatePattern::pattern, EndpointPattern.MOST_SPECIFIC_FIRST)
                .thenComparing(EstatePattern::region)
                .thenComparing(p -> p.pattern().pattern());

        boolean sameSpecificity(EstatePattern other) {
            return EndpointPattern.MOST_SPECIFIC_FIRST.compare(pattern, other.pattern) == 0;
        }
    }

    private final List<EstatePattern> patterns;

    /**
     * @throws IllegalArgumentException for a pattern that is neither an exact host nor {@code *.<domain>}
     *                                  (the estate loader refuses those first, naming the line)
     */
    public EndpointRegions(Map<String, List<String>> patternsByRegion) {
        List<EstatePattern> all = new ArrayList<>();
        if (patternsByRegion != null) {
            patternsByRegion.forEach((region, globs) -> globs.forEach(glob -> all.add(new EstatePattern(region, EndpointPattern.of(glob)))));
        }
        all.sort(EstatePattern.MOST_SPECIFIC_FIRST);
        this.patterns = List.copyOf(all);
    }

    /** Where the endpoint is, or why that cannot be told. */
    public EndpointLocation resolve(String endpoint) {
        Optional<EndpointUrl> parsed = EndpointUrl.parse(endpoint);
        if (parsed.isEmpty()) {
            // Never quote the endpoint: what could not be parsed may carry credentials.
            return EndpointLocation.notLocated("", endpoint == null || endpoint.isBlank() ? "no endpoint host"
                    : "no host can be read from the endpoint (a space, a bad port, a non-ASCII or over-long host);"
                    + " expected scheme://host[:port][/path] or host[:port]: write the endpoint out in that form");
        }
        EndpointUrl url = parsed.get();
        String host = url.host();
        Optional<EndpointLocation> fromEstate = fromEstate(host);
        if (fromEstate.isPresent()) {
            return fromEstate.get();
        }
        if (url.isLocal()) {
            return EndpointLocation.local(host);
        }
        return ProviderHostPatterns.locate(host);
    }

    private Optional<EndpointLocation> fromEstate(String host) {
        List<EstatePattern> matching = patterns.stream().filter(p -> p.pattern().matches(host)).toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        EstatePattern best = matching.get(0);
        List<EstatePattern> tied = matching.stream().filter(best::sameSpecificity).toList();
        List<String> regions = tied.stream().map(EstatePattern::region).distinct().toList();
        if (regions.size() > 1) {
            String named = tied.stream().map(p -> p.region() + " (pattern " + p.pattern().pattern() + ")").collect(Collectors.joining(" and "));
            return Optional.of(EndpointLocation.notLocated(host, "host " + host + " matches estate endpoints patterns of "
                    + regions.size() + " regions equally: " + named + "; make one pattern more specific in the estate's endpoints map"));
        }
        return Optional.of(EndpointLocation.located(host, best.region(), "endpoint " + host + " matches estate endpoints pattern " + best.pattern().pattern()));
    }

    /** AWS's global S3 endpoints route to any region: they say nothing about where the data is. */
    public static boolean isAwsGlobalEndpoint(String endpoint) {
        return EndpointUrl.parse(endpoint).map(url -> ProviderHostPatterns.isAwsGlobalS3(url.host())).orElse(false);
    }

    /** Loopback literals and exactly {@code localhost}; never a DNS name that starts like one. */
    public static boolean isLocal(String endpoint) {
        return EndpointUrl.parse(endpoint).map(EndpointUrl::isLocal).orElse(false);
    }

    public static boolean isRegion(String value) {
        return value != null && value.matches(Policy.CLOUD_REGION);
    }

    /** The bare host (IPv6 in brackets): no scheme, user info, port, path, query or fragment; {@code ""} when none can be read. */
    public static String hostOf(String endpoint) {
        return EndpointUrl.parse(endpoint).map(EndpointUrl::host).orElse("");
    }
}
