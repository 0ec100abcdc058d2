package io.residency.auditor.findings;

/**
 * A problem of the previous run that this run no longer has.
 *
 * @param nowStatus PASS; {@code null} when the resource is gone from a source this run read; or
 *                  {@link #SOURCE_REMOVED} when its source is no longer in the estate (not re-checked, so not resolved)
 */
public record ResolvedFinding(String fingerprint, String previousRunId, String controlId, String previousStatus,
                              String region, String resource, String nowStatus) {

    public static final String SOURCE_REMOVED = "SOURCE_REMOVED";

    /** Re-checked and passing, or gone from a source that was read. */
    public boolean isResolved() {
        return !SOURCE_REMOVED.equals(nowStatus);
    }
}
