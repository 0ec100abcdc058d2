package io.residency.auditor;

import io.residency.auditor.cli.AuditorCommandLine;

/** Entry point of {@code residency-auditor}: the CLI decides what runs and maps outcomes to exit codes. */
public final class ResidencyAuditor {

    private ResidencyAuditor() {
    }

    public static void main(String[] args) {
        System.exit(AuditorCommandLine.execute(args));
    }
}
