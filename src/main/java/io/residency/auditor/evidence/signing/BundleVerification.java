package io.residency.auditor.evidence.signing;

import java.util.List;

/**
 * What {@code verify} checked, one line per check, and whether the bundle held.
 *
 * @param signatureChecked {@code false} when no public key was given
 */
public record BundleVerification(List<String> lines, boolean intact, boolean signatureChecked, String keyId) {

    public BundleVerification {
        lines = List.copyOf(lines);
    }
}
