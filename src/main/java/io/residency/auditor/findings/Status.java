package io.residency.auditor.findings;

/**
 * A finding's result. UNVERIFIED means the auditor could not establish the fact (unreadable
 * source, access denied, partial answer): it is never a pass.
 */
public enum Status {
    PASS, FAIL, UNVERIFIED, WAIVED;

    /** FAIL and UNVERIFIED are what a gate can fail on. */
    public boolean isProblem() {
        return this == FAIL || this == UNVERIFIED;
    }

    /** Which of two results for the same resource wins: the worse one. */
    public int badness() {
        return switch (this) {
            case PASS -> 0;
            case WAIVED -> 1;
            case UNVERIFIED -> 2;
            case FAIL -> 3;
        };
    }
}
