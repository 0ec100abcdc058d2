package io.residency.auditor.findings;

/** How one waiver fared in a run: in force or expired, and how many findings it matched. */
public record WaiverOutcome(int index, Waiver waiver, boolean expired, int matched) {
}
