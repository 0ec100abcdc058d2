package io.residency.auditor.demo;

import io.residency.auditor.cli.AuditorCommandLine;

/**
 * Runs the audit on the bundled demo estate with the default H2 database. Demo-only code lives
 * in src/demo and is compiled only by the Maven {@code demo} profile, never into the product jar.
 */
public final class DemoAudit {

    private DemoAudit() {
    }

    public static void main(String[] args) {
        System.exit(AuditorCommandLine.execute("audit", "--estate", "src/demo/estate/estate.yaml", "--out", "reports"));
    }
}
