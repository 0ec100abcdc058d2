package io.residency.auditor.cli;

import io.residency.auditor.text.SafeText;
import ch.qos.logback.classic.Level;
import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.evidence.signing.Ed25519Keys;
import io.residency.auditor.evidence.signing.SigningKey;
import io.residency.auditor.findings.LoadedWaivers;
import io.residency.auditor.job.AuditInputs;
import io.residency.auditor.job.AuditInputsLoader;
import io.residency.auditor.job.AuditRequest;
import io.residency.auditor.policy.LoadedPolicy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code audit} or {@code gate}: validates the inputs first (exit 2 before anything is
 * recorded), runs the job, prints the result and decides the exit code.
 */
final class AuditRunner {

    private final RunOptions options;
    private final FailOn failOn;
    private final String mode;
    private final boolean offline;
    private final Set<String> formats;
    private final PrintStream out = System.out;
    private SigningKey signingKey;

    AuditRunner(RunOptions options, FailOn failOn, String mode, boolean offline, Set<String> formats) {
        this.options = options;
        this.failOn = failOn;
        this.mode = mode;
        this.offline = offline;
        this.formats = formats;
    }

    int run() {
        // Set on every run, so one --verbose run does not leave a later one verbose in the same JVM.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.residency")).setLevel(options.verbose ? Level.DEBUG : Level.INFO);
        if (options.restart != null && (options.signingKey != null || options.requireSigned)) {
            // The key path is one of the run's stored inputs: a restart signs with the key the run started with.
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(options),
                    "--restart takes the run's own inputs, its signing key included; leave out --signing-key and --require-signed");
        }
        RunOutcome outcome;
        try {
            outcome = options.restart != null ? new AuditLauncher().restart(options.restart, options.db, options.verbose) : startNew();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(AuditLauncher.rootMessage(e), e);
        }
        if (!outcome.completed()) {
            System.err.println("error: run " + outcome.runId() + " did not complete: "
                    + SafeText.escape(JdbcUrls.redactIn(outcome.failure(), options.db)));
            System.err.println("Nothing already recorded is lost. After fixing the cause, resume it with: --restart " + outcome.runId()
                    + " --db <the same database>");
            return ExitCode.RUN_FAILED;
        }
        new RunReport(out).print(outcome, failOn);
        if (signingKey != null) {
            out.println("Signed with Ed25519 key " + signingKey.keyId() + " (bundle.dsse.json)");
        } else if (options.restart == null) {
            out.println("Bundle NOT signed: no --signing-key and no " + RunOptions.SIGNING_KEY_ENV + "; verify can check its manifest only");
        }
        return failOn.failingCount(outcome.findings().problemsBySeverity()) == 0 ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private RunOutcome startNew() throws Exception {
        if (options.estate == null) {
            throw new picocli.CommandLine.ParameterException(options.command.commandLine(), "Missing required option: '--estate=FILE'");
        }
        if (options.kubeconfig != null && !java.nio.file.Files.isRegularFile(options.kubeconfig)) {
            throw new picocli.CommandLine.ParameterException(options.command.commandLine(),
                    "--kubeconfig " + options.kubeconfig + ": not a file; expected a kubeconfig (kubectl config view --raw)");
        }
        Path keyFile = options.signingKeyFile(System::getenv);
        if (keyFile == null && options.requireSigned) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(options),
                    "--require-signed: no signing key; give --signing-key PEM or set " + RunOptions.SIGNING_KEY_ENV + " to the key file");
        }
        // Read now, so a bad key is exit 2 before anything is recorded; the render step reads it again to sign.
        signingKey = keyFile == null ? null : Ed25519Keys.readPrivate(keyFile);
        AuditInputsLoader loader = new AuditInputsLoader();
        LoadedEstate estate = loader.loadEstate(options.estate);
        LoadedPolicy policy = loader.loadPolicy(options.policy);
        LoadedWaivers waivers = loader.loadWaivers(options.waivers, policy, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        AuditRequest request = new AuditRequest(RunIds.next(Instant.now()), options.estate, options.policy, options.waivers,
                estate.sha256(), policy.sha256(), waivers.sha256(), options.out, mode, offline, formats, keyFile,
                options.allowFilesOutsideEstate, options.kubeconfig);
        return new AuditLauncher().launch(new AuditInputs(request, estate, policy, waivers), options.db, options.verbose);
    }
}
