package io.residency.auditor.facts;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run examined: the estate's regions, the sources by kind, the buckets S3 was asked about,
 * whether the querier was scanned, and the tenants.
 *
 * @param sourcesByKind source kind → how many sources of it the estate names (read or not)
 * @param buckets       buckets whose facts S3 gave (or refused) in this run
 */
public record RunScope(RunMode mode, List<String> regions, Map<String, Long> sourcesByKind, long buckets,
                       long tenants, long soxTenants) {

    public RunScope {
        regions = List.copyOf(regions);
        sourcesByKind = Collections.unmodifiableMap(new TreeMap<>(sourcesByKind)); // sorted: same input, same output
    }
}
