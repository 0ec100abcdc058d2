package io.residency.auditor.facts;

import java.time.Instant;

/**
 * The bookkeeping of one run: what was audited, with which inputs, by which auditor version.
 *
 * @param estateId identifies the same estate across runs, for comparing findings
 * @param waiversSha256 {@code null} when the run had no waiver file
 * @param endedAt  {@code null} while the run is in progress
 */
public record AuditRun(String runId, String estateId, String mode, String estateSha256, String policySha256,
                       String policySource, String waiversSha256, String auditorVersion, Instant startedAt, Instant endedAt,
                       String status) {
}
