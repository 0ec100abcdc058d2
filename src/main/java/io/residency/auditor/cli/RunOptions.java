package io.residency.auditor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options {@code audit} and {@code gate} share. */
public class RunOptions {

    @Option(names = "--estate", paramLabel = "FILE", description = "The estate: what to audit and where it is (YAML). Required unless --restart.")
    Path estate;

    @Option(names = "--restart", paramLabel = "RUN_ID",
            description = "Restart a run that failed or was killed: completed steps are kept, the rest run again. Takes the run's own inputs.")
    String restart;

    @Option(names = "--policy", paramLabel = "FILE", description = "The residency policy (YAML). Default: the bundled policy that encodes the residency table.")
    Path policy;

    @Option(names = "--waivers", paramLabel = "FILE", description = "Accepted risks (YAML): matching FAIL/UNVERIFIED findings become WAIVED until their expiry.")
    Path waivers;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "Where evidence bundles go, one folder per run. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:RESIDENCY_DB_URL:-jdbc:h2:file:./residency-auditor}",
            description = "The findings database. Default: $RESIDENCY_DB_URL, else an H2 file in the working folder. "
                    + "Credentials: SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.")
    String db;

    @Option(names = "--allow-files-outside-estate",
            description = "Let the estate name config files outside its own folder (by default '..' and symbolic links leading out are refused).")
    boolean allowFilesOutsideEstate;

    @Option(names = "--verbose", description = "Log details, including stack traces of errors, to stderr.")
    boolean verbose;
}
