package io.residency.auditor.findings;

/**
 * A problem of the previous run that this run no longer has.
 *
 * @param nowStatus PASS, or {@code null} when the resource is gone
 */
public record ResolvedFinding(String fingerprint, String previousRunId, String controlId, String previousStatus,
                              String region, String resource, String nowStatus) {
}
