package io.residency.auditor.findings;

/**
 * A check the run could not make: skipped by the run's mode, or a rule that no source in scope
 * could test. It changes no exit code, but the run may then not call itself compliant.
 *
 * @param region the region it concerns, or {@code -} for the whole run
 */
public record NotTested(String control, String region, String reason) {

    public static final String WHOLE_RUN = "-";
}
