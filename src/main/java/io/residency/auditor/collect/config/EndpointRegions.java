package io.residency.auditor.collect.config;

import io.residency.auditor.policy.Policy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds which region an endpoint belongs to from its host alone (DESIGN section 2): never its
 * scheme, user info, port, path, query or fragment. In order:
 * <ol>
 *   <li>the estate's {@code endpoints} map: the most specific matching pattern wins (an exact host
 *       over a glob, then the pattern with more literal characters); equally specific patterns of
 *       two regions locate nothing, and the reason names both;</li>
 *   <li>loopback literals (127.0.0.0/8, ::1) and exactly {@code localhost} are local;</li>
 *   <li>the cloud provider's own host names, read where the provider puts the region
 *       ({@link ProviderHostPatterns}); anything else is not located.</li>
 * </ol>
 * Same input, same answer: no map or set iteration order takes part in a decision.
 */
public final class EndpointRegions {

    /** One glob of the estate's endpoints map. {@code *} matches any characters, dots included. */
    private record EstatePattern(String region, String pattern, Pattern matcher) {

        static EstatePattern of(String region, String pattern) {
            String glob = pattern.strip().toLowerCase(Locale.ROOT);
            String regex = Pattern.quote(glob).replace("*", "\\E.*\\Q");
            return new EstatePattern(region, glob, Pattern.compile(regex));
        }

        boolean isExact() {
            return pattern.indexOf('*') < 0;
        }

        int literalCharacters() {
            return pattern.length() - (int) pattern.chars().filter(c -> c == '*').count();
        }

        /** Higher is more specific: exact hosts first, then more literal characters. */
        static final Comparator<EstatePattern> MOST_SPECIFIC_FIRST = Comparator
                .comparing(EstatePattern::isExact).reversed()
                .thenComparing(Comparator.comparingInt(EstatePattern::literalCharacters).reversed())
                .thenComparing(EstatePattern::region)
                .thenComparing(EstatePattern::pattern);

        boolean sameSpecificity(EstatePattern other) {
            return isExact() == other.isExact() && literalCharacters() == other.literalCharacters();
        }
    }

    private final List<EstatePattern> patterns;

    public EndpointRegions(Map<String, List<String>> patternsByRegion) {
        List<EstatePattern> all = new ArrayList<>();
        if (patternsByRegion != null) {
            patternsByRegion.forEach((region, globs) -> globs.forEach(glob -> all.add(EstatePattern.of(region, glob))));
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
                    : "no host can be read from the endpoint (expected scheme://host[:port][/path] or host[:port])");
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
        List<EstatePattern> matching = patterns.stream().filter(p -> p.matcher().matcher(host).matches()).toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        EstatePattern best = matching.get(0);
        List<EstatePattern> tied = matching.stream().filter(best::sameSpecificity).toList();
        List<String> regions = tied.stream().map(EstatePattern::region).distinct().toList();
        if (regions.size() > 1) {
            String named = tied.stream().map(p -> p.region() + " (pattern " + p.pattern() + ")").collect(Collectors.joining(" and "));
            return Optional.of(EndpointLocation.notLocated(host, "host " + host + " matches estate endpoints patterns of "
                    + regions.size() + " regions equally: " + named + "; make one pattern more specific in the estate's endpoints map"));
        }
        return Optional.of(EndpointLocation.located(host, best.region(), "endpoint " + host + " matches estate endpoints pattern " + best.pattern()));
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
