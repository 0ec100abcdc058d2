package io.residency.auditor.collect.config;

import io.residency.auditor.policy.Policy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.PatternMatchUtils;

/**
 * Finds which region an endpoint host belongs to, in the order DESIGN section 2 fixes: the
 * estate's {@code endpoints} map, then AWS host names, then a region name inside the host.
 */
public final class EndpointRegions {

    private static final Pattern REGION_IN_HOST = Pattern.compile(
            "(?<![a-z0-9])([a-z]{2}(?:-gov)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-[0-9]{1,2})(?![0-9])");
    private static final Pattern AWS_HOST = Pattern.compile(".*\\.amazonaws\\.com(\\.cn)?");
    private static final List<String> AWS_GLOBAL_S3 = List.of("s3.amazonaws.com", "s3-external-1.amazonaws.com");

    private final Map<String, List<String>> patternsByRegion;

    public EndpointRegions(Map<String, List<String>> patternsByRegion) {
        this.patternsByRegion = Map.copyOf(patternsByRegion);
    }

    /** A region and how it was found. */
    public record Resolution(String region, String basis) {
    }

    public Optional<Resolution> resolve(String endpoint) {
        String host = hostOf(endpoint);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> entry : patternsByRegion.entrySet()) {
            for (String pattern : entry.getValue()) {
                if (PatternMatchUtils.simpleMatch(pattern.toLowerCase(Locale.ROOT), host)) {
                    return Optional.of(new Resolution(entry.getKey(), "endpoint " + host + " matches estate endpoints pattern " + pattern));
                }
            }
        }
        Matcher region = REGION_IN_HOST.matcher(host);
        boolean found = region.find();
        if (AWS_HOST.matcher(host).matches()) {
            return found ? Optional.of(new Resolution(region.group(1), "AWS endpoint " + host)) : Optional.empty();
        }
        return found ? Optional.of(new Resolution(region.group(1), "region name inside endpoint host " + host)) : Optional.empty();
    }

    /** AWS's global S3 endpoints route to any region: they say nothing about where the data is. */
    public static boolean isAwsGlobalEndpoint(String endpoint) {
        return AWS_GLOBAL_S3.contains(hostOf(endpoint));
    }

    public static boolean isRegion(String value) {
        return value != null && value.matches(Policy.CLOUD_REGION);
    }

    /** The bare host: no scheme, user info, port or path. User info is where URLs carry secrets. */
    public static String hostOf(String endpoint) {
        String rest = endpoint.strip();
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close < 0 ? authority : authority.substring(0, close + 1);
        }
        int colon = authority.indexOf(':');
        return (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
    }
}
