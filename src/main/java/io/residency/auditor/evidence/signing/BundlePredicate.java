package io.residency.auditor.evidence.signing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The predicate of a bundle's in-toto statement (type {@link BundleStatement#PREDICATE_TYPE},
 * documented in reports/README.md): which run produced the bundle, from which inputs.
 *
 * @param waiversSha256 {@code null} when the run had no waivers
 * @param endedAt       when the bundle was sealed: the run's last act
 * @param scope         what the run covered; a small map, so new scope facts need no new version
 */
public record BundlePredicate(String runId, String estate, String mode, String auditorVersion, String estateSha256,
                              String policySha256, String waiversSha256, Instant startedAt, Instant endedAt,
                              Map<String, Object> scope) {

    public BundlePredicate {
        scope = scope == null ? Map.of() : Map.copyOf(scope);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", runId);
        json.put("estate", estate);
        json.put("mode", mode);
        json.put("auditorVersion", auditorVersion);
        json.put("estateSha256", estateSha256);
        json.put("policySha256", policySha256);
        json.put("waiversSha256", waiversSha256);
        json.put("startedAt", startedAt.toString());
        json.put("endedAt", endedAt.toString());
        json.put("scope", new java.util.TreeMap<>(scope));
        return json;
    }
}
