package io.residency.auditor.cli;

import io.residency.auditor.text.SafeText;
import io.residency.auditor.evidence.signing.BundleVerification;
import io.residency.auditor.evidence.signing.BundleVerifier;
import io.residency.auditor.evidence.signing.Ed25519Keys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = AuditorCommandLine.Version.class, description = {
        "Check an evidence bundle: its files against MANIFEST.sha256 and its run id; with --public-key also its Ed25519 "
                + "signature (bundle.dsse.json) and that the signed files are exactly the files in the folder.",
        "Exit 0 when every check holds, 1 when any fails (an unsigned bundle with --public-key included), 2 when DIR is not a folder."})
public class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "An evidence bundle folder, e.g. reports/<run-id>.")
    Path bundle;

    @Option(names = "--public-key", paramLabel = "PEM",
            description = "The signer's Ed25519 public key (PEM, as 'openssl pkey -pubout' writes it). Without it the signature is NOT checked.")
    Path publicKey;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BundleFolder.require(bundle);
        PublicKey key = publicKey == null ? null : Ed25519Keys.readPublic(publicKey);
        BundleVerification result = BundleVerifier.verify(bundle, key);
        PrintWriter out = spec.commandLine().getOut();
        String shown = SafeText.escape(bundle.toString());
        out.println("Checking bundle " + shown + (key == null ? " (no public key: signature NOT checked)" : " with key " + result.keyId()));
        result.lines().forEach(line -> out.println("  " + SafeText.escape(line)));
        if (!result.intact()) {
            out.println("Bundle " + shown + " is NOT intact: it does NOT match " + (key == null ? "its manifest" : "its manifest and signature")
                    + "; see the FAIL lines above.");
            return ExitCode.FINDINGS;
        }
        out.println(result.signatureChecked()
                ? "Bundle " + shown + " is intact and signed by key " + result.keyId() + "."
                : "Bundle " + shown + " is intact as far as its manifest shows (hashes and file set); signature NOT checked.");
        return ExitCode.OK;
    }
}
