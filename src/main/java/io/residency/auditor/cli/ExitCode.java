package io.residency.auditor.cli;

/** The exit codes of DESIGN section 5; scripts depend on them. */
public final class ExitCode {

    /** Completed; nothing at or above the fail-on level. */
    public static final int OK = 0;
    /** Completed; findings at or above the fail-on level (or a bundle that does not verify). */
    public static final int FINDINGS = 1;
    /** Bad usage or bad input file. */
    public static final int BAD_INPUT = 2;
    /** The run could not complete. */
    public static final int RUN_FAILED = 3;

    private ExitCode() {
    }
}
