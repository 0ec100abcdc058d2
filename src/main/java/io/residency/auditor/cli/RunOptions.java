package io.residency.auditor.cli;

import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options {@code audit} and {@code gate} share. */
public class RunOptions {

    /** The command these options belong to, so a usage error names it ("residency-auditor audit"). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    static final String SIGNING_KEY_ENV = "RESIDENCY_SIGNING_KEY";

    @Option(names = "--estate", paramLabel = "FILE", description = "The estate: what to audit and where it is (YAML). Required unless --restart.")
    Path estate;

    @Option(names = "--restart", paramLabel = "RUN_ID",
            description = "Restart a run that failed or was killed: completed steps are kept, the rest run again. Takes the run's own inputs.")
    String restart;

    @Option(names = "--policy", paramLabel = "FILE", description = "The residency policy (YAML). Default: the bundled policy that encodes the residency table.")
    Path policy;

    @Option(names = "--waivers", paramLabel = "FILE", description = "Exceptions register (YAML): matching FAIL findings (UNVERIFIED too with covers: [FAIL, UNVERIFIED]) become WAIVED, shown as FAIL - excepted (id), until their expiry.")
    Path waivers;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "Where evidence bundles go, one folder per run. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:RESIDENCY_DB_URL:-jdbc:h2:file:./residency-auditor}",
            description = "The findings database. Default: $RESIDENCY_DB_URL, else an H2 file in the working folder. "
                    + "Credentials: SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.")
    String db;

    @Option(names = "--signing-key", paramLabel = "PEM",
            description = "Ed25519 private key (PEM, as 'openssl genpkey -algorithm ed25519' writes it) that signs the bundle "
                    + "(bundle.dsse.json). Default: the file named by $" + SIGNING_KEY_ENV + "; without either the bundle is unsigned and says so.")
    Path signingKey;

    @Option(names = "--require-signed", description = "Refuse to run (exit 2) without a signing key.")
    boolean requireSigned;

    @Option(names = "--allow-files-outside-estate",
            description = "Let the estate name config files outside its own folder (by default '..' and symbolic links leading out are refused).")
    boolean allowFilesOutsideEstate;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig whose contexts the estate's k8s sources name. Default: the first file of $KUBECONFIG, else ~/.kube/config; "
                    + "a k8s source without a context reads the cluster the auditor runs in (its service account).")
    Path kubeconfig;

    @Option(names = "--verbose", description = "Log details, including stack traces of errors, to stderr.")
    boolean verbose;

    /** The signing key file: --signing-key, else the path in RESIDENCY_SIGNING_KEY, else {@code null}. */
    Path signingKeyFile(Function<String, String> env) {
        if (signingKey != null) {
            return signingKey;
        }
        String fromEnv = env.apply(SIGNING_KEY_ENV);
        return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv.strip());
    }
}
