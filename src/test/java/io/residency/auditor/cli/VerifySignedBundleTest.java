package io.residency.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.TestKeys;
import io.residency.auditor.TestPaths;
import io.residency.auditor.evidence.Manifest;
import io.residency.auditor.evidence.signing.Ed25519Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle signed by the auditor, tampered with in each way an auditor must catch: every one
 * fails {@code verify --public-key} with exit 1, and only the intact bundle passes.
 */
class VerifySignedBundleTest {

    /** Every report, so that tampering can be tried on each kind of file. */
    private static final String ALL_FORMATS = "json,csv,pdf,sarif,junit";

    @TempDir
    static Path shared;

    /** Signed with {@link #keys}; each test works on its own copy. */
    private static Path signedBundle;
    /** Another run of the same estate, unsigned. */
    private static Path otherRunBundle;
    private static TestKeys.Pair keys;
    private static TestKeys.Pair strangerKeys;

    @TempDir
    Path work;

    @BeforeAll
    static void twoRuns() throws IOException {
        keys = TestKeys.generate(shared.resolve("keys"), "auditor");
        strangerKeys = TestKeys.generate(shared.resolve("keys"), "stranger");
        String db = "jdbc:h2:mem:verify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String estate = TestPaths.resource("estates/violating/estate.yaml").toString();
        CliRun signed = CliRun.of("gate", "--offline", "--estate", estate, "--out", shared.resolve("signed").toString(), "--db", db,
                "--format", ALL_FORMATS, "--signing-key", keys.privatePem().toString(), "--require-signed");
        assertThat(signed.exitCode()).as(signed.output()).isEqualTo(ExitCode.FINDINGS);
        CliRun unsigned = CliRun.of("gate", "--offline", "--estate", estate, "--out", shared.resolve("unsigned").toString(), "--db", db,
                "--format", ALL_FORMATS);
        assertThat(unsigned.exitCode()).as(unsigned.output()).isEqualTo(ExitCode.FINDINGS);
        signedBundle = EvidenceBundles.only(shared.resolve("signed"));
        otherRunBundle = EvidenceBundles.only(shared.resolve("unsigned"));
        assertThat(signedBundle.getFileName()).isNotEqualTo(otherRunBundle.getFileName());
    }

    private Path copyOfSigned() throws IOException {
        return copy(signedBundle, work.resolve(signedBundle.getFileName().toString()));
    }

    private static CliRun verify(Path bundle, TestKeys.Pair with) {
        return with == null ? CliRun.of("verify", bundle.toString()) : CliRun.of("verify", bundle.toString(), "--public-key", with.publicPem().toString());
    }

    private static void assertFails(CliRun run, String why) {
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.stdout()).contains("FAIL", why, "is NOT intact").doesNotContain("is intact");
    }

    @Test
    void theIntactSignedBundlePassesAndSaysWhatWasChecked() throws IOException {
        Path bundle = copyOfSigned();
        String keyId = Ed25519Keys.readPrivate(keys.privatePem()).keyId();

        CliRun run = verify(bundle, keys);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.stdout()).contains(
                "ok    files: ",
                "ok    MANIFEST.sha256: lists exactly those files",
                "ok    run id in findings.json " + bundle.getFileName() + " agrees with the folder name",
                "ok    signature: Ed25519 over the DSSE envelope (PAE) verifies with key " + keyId,
                "ok    signed subjects: ",
                "ok    signed run id " + bundle.getFileName() + " agrees with the run id in findings.json",
                "is intact and signed by key " + keyId).doesNotContain("FAIL");
    }

    @Test
    void withoutAKeyTheSignatureIsNotCheckedAndItSaysSo() throws IOException {
        CliRun run = verify(copyOfSigned(), null);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.stdout()).contains("signature NOT checked", "is intact as far as its manifest shows (hashes and file set)");
    }

    @Test
    void aChangedFileWithARecomputedManifestFails() throws IOException {
        Path bundle = copyOfSigned();
        Files.writeString(bundle.resolve("gdpr-findings.csv"), "RES-LOKI-STORAGE,PASS\n", StandardOpenOption.APPEND);
        Manifest.write(bundle);

        assertFails(verify(bundle, keys), "gdpr-findings.csv changed since it was signed");
        // The manifest alone cannot tell: that is why the key is needed, and why verify says so.
        assertThat(verify(bundle, null).stdout()).contains("signature NOT checked");
    }

    @Test
    void aFileAddedInASubfolderFails() throws IOException {
        Path bundle = copyOfSigned();
        Files.createDirectories(bundle.resolve("inputs/extra"));
        Files.writeString(bundle.resolve("inputs/extra/note.txt"), "all compliant");

        assertFails(verify(bundle, keys), "inputs/extra/note.txt");
        assertFails(verify(bundle, null), "inputs/extra/note.txt: not in the manifest");
        Manifest.write(bundle);
        assertFails(verify(bundle, keys), "inputs/extra/note.txt is in the folder but was not signed");
    }

    @Test
    void aRemovedFileFails() throws IOException {
        Path bundle = copyOfSigned();
        Files.delete(bundle.resolve("sox-findings.csv"));
        Manifest.write(bundle);

        assertFails(verify(bundle, keys), "sox-findings.csv is signed but missing from the folder");
    }

    @Test
    void aFileSwappedInFromAnotherRunFails() throws IOException {
        Path bundle = copyOfSigned();
        Files.copy(otherRunBundle.resolve("gdpr-evidence.pdf"), bundle.resolve("gdpr-evidence.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Manifest.write(bundle);

        assertFails(verify(bundle, keys), "gdpr-evidence.pdf changed since it was signed");
    }

    @Test
    void anotherRunsFindingsFail() throws IOException {
        Path bundle = copyOfSigned();
        Files.copy(otherRunBundle.resolve("findings.json"), bundle.resolve("findings.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Manifest.write(bundle);

        CliRun run = verify(bundle, keys);
        assertFails(run, "findings.json changed since it was signed");
        assertThat(run.stdout()).contains("run id in findings.json '" + otherRunBundle.getFileName() + "' differs from the folder name");
    }

    @Test
    void aBundleUnderAnotherRunsNameFails() throws IOException {
        Path bundle = copy(signedBundle, work.resolve(otherRunBundle.getFileName().toString()));

        assertFails(verify(bundle, keys), "differs from the folder name");
    }

    @Test
    void anEmptyFolderFails() throws IOException {
        Path empty = Files.createDirectories(work.resolve("empty"));

        assertFails(verify(empty, keys), "not an evidence bundle");
        assertFails(verify(empty, null), "not an evidence bundle");
    }

    @Test
    void aFolderWithOnlyAnEmptyManifestFails() throws IOException {
        Path folder = Files.createDirectories(work.resolve("manifest-only"));
        Files.writeString(folder.resolve(Manifest.FILE_NAME), "");

        assertFails(verify(folder, keys), "lists no file");
        assertFails(verify(folder, null), "lists no file");
    }

    @Test
    void aForeignFolderWithItsOwnManifestFails() throws IOException {
        Path folder = Files.createDirectories(work.resolve("holiday-photos"));
        Files.writeString(folder.resolve("beach.txt"), "sand");
        Manifest.write(folder);

        assertFails(verify(folder, null), "findings.json: missing");
        assertFails(verify(folder, keys), "the bundle is unsigned");
    }

    @Test
    void theWrongKeyFails() throws IOException {
        String strangerId = Ed25519Keys.keyId(Ed25519Keys.readPublic(strangerKeys.publicPem()));
        String signerId = Ed25519Keys.readPrivate(keys.privatePem()).keyId();

        CliRun run = verify(copyOfSigned(), strangerKeys);

        assertFails(run, "no signature in bundle.dsse.json verifies with key " + strangerId + " (it names key " + signerId + ")");
    }

    @Test
    void anUnsignedBundleFailsWhenAKeyIsGiven() throws IOException {
        Path bundle = copy(otherRunBundle, work.resolve(otherRunBundle.getFileName().toString()));

        assertFails(verify(bundle, keys), "the bundle is unsigned (no bundle.dsse.json)");
        assertThat(verify(bundle, null).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aForgedEnvelopeFails() throws IOException {
        Path bundle = copyOfSigned();
        String envelope = Files.readString(bundle.resolve("bundle.dsse.json"));
        // Same signature, a payload naming a different run: the signature no longer covers it.
        String forged = envelope.replaceFirst("\"payload\" : \"[^\"]+\"", "\"payload\" : \"e30=\"");
        assertThat(forged).isNotEqualTo(envelope);
        Files.writeString(bundle.resolve("bundle.dsse.json"), forged);

        assertFails(verify(bundle, keys), "no signature in bundle.dsse.json verifies");
    }

    @Test
    void aPathThatIsMissingOrNotAFolderIsBadUsage() throws IOException {
        CliRun missing = verify(work.resolve("nowhere"), keys);
        CliRun file = verify(Files.writeString(work.resolve("file.txt"), "x"), null);

        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.stderr()).contains("nowhere", "no such folder");
        assertThat(file.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(file.stderr()).contains("file.txt", "not a folder");
    }

    @Test
    void aBadPublicKeyFileIsBadUsageNamingIt() throws IOException {
        Path notAKey = Files.writeString(work.resolve("key.pem"), "SECRET-CONTENT-42");

        CliRun run = CliRun.of("verify", copyOfSigned().toString(), "--public-key", notAKey.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("key.pem", "expected an Ed25519 public key").doesNotContain("SECRET-CONTENT-42");
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
