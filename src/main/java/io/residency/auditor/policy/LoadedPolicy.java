package io.residency.auditor.policy;

/** A validated policy with where it came from and the SHA-256 of its bytes, for the evidence. */
public record LoadedPolicy(Policy policy, String source, String sha256) {
}
