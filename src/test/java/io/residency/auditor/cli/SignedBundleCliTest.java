package io.residency.auditor.cli;

import static io.residency.auditor.EvidenceBundles.pdfText;
import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.TestKeys;
import io.residency.auditor.TestPaths;
import io.residency.auditor.evidence.signing.Dsse;
import io.residency.auditor.evidence.signing.Ed25519Keys;
import io.residency.auditor.evidence.signing.SigningKey;
import io.residency.auditor.input.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** audit and gate sign their bundle when given a key, say "unsigned" when not, and refuse bad keys with exit 2. */
class SignedBundleCliTest {

    @TempDir
    Path dir;

    private final String db = "jdbc:h2:mem:sign-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private CliRun audit(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "--estate", TestPaths.resource("estates/compliant/estate.yaml").toString(),
                "--out", dir.resolve("out").toString(), "--db", db));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aSignedBundleHoldsAnInTotoStatementOverEveryFile() throws IOException {
        TestKeys.Pair keys = TestKeys.generate(dir.resolve("keys"), "auditor");
        SigningKey key = Ed25519Keys.readPrivate(keys.privatePem());

        CliRun run = audit("--signing-key", keys.privatePem().toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.stdout()).contains("Signed with Ed25519 key " + key.keyId());
        Path bundle = EvidenceBundles.only(dir.resolve("out"));
        JsonNode envelope = json(Files.readAllBytes(bundle.resolve("bundle.dsse.json")));
        assertThat(envelope.get("payloadType").asString()).isEqualTo("application/vnd.in-toto+json");
        assertThat(envelope.at("/signatures/0/keyid").asString()).isEqualTo(key.keyId());
        byte[] payload = Base64.getDecoder().decode(envelope.get("payload").asString());
        assertThat(Dsse.verify(key.publicKey(), Dsse.IN_TOTO_PAYLOAD_TYPE, payload,
                Base64.getDecoder().decode(envelope.at("/signatures/0/sig").asString()))).isTrue();

        JsonNode statement = json(payload);
        assertThat(statement.get("_type").asString()).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(statement.get("predicateType").asString()).isEqualTo("https://residency-auditor.dev/evidence-bundle/v1");
        List<String> names = statement.get("subject").valueStream().map(s -> s.get("name").asString()).toList();
        assertThat(names).isSorted().contains("MANIFEST.sha256", "findings.json", "gdpr-evidence.pdf").doesNotContain("bundle.dsse.json");
        try (Stream<Path> files = Files.walk(bundle)) {
            assertThat(names).hasSize((int) files.filter(Files::isRegularFile).count() - 1);
        }
        for (JsonNode subject : statement.get("subject")) {
            assertThat(subject.at("/digest/sha256").asString()).as(subject.get("name").asString())
                    .isEqualTo(Sha256.hex(Files.readAllBytes(bundle.resolve(subject.get("name").asString()))));
        }
        JsonNode predicate = statement.get("predicate");
        assertThat(predicate.get("runId").asString()).isEqualTo(bundle.getFileName().toString());
        assertThat(predicate.get("estate").asString()).isNotBlank();
        assertThat(predicate.get("mode").asString()).isEqualTo("audit");
        assertThat(predicate.get("policySha256").asString()).matches("[0-9a-f]{64}");
        assertThat(predicate.get("auditorVersion").asString()).isNotBlank();
        assertThat(predicate.get("startedAt").asString()).endsWith("Z");
        assertThat(predicate.get("endedAt").asString()).endsWith("Z");
        assertThat(predicate.at("/scope/offline").asBoolean()).isFalse();
        assertThat(predicate.at("/scope/jurisdictions").isObject()).isTrue();

        JsonNode runSection = json(Files.readAllBytes(bundle.resolve("findings.json"))).get("run");
        assertThat(runSection.at("/signature/status").asString()).isEqualTo("signed");
        assertThat(runSection.at("/signature/keyId").asString()).isEqualTo(key.keyId());
        assertThat(pdfText(bundle.resolve("gdpr-evidence.pdf"))).contains("Bundle signed: bundle.dsse.json, Ed25519 key");
        assertThat(CliRun.of("verify", bundle.toString(), "--public-key", keys.publicPem().toString()).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void withoutAKeyTheRunWorksAndEveryReportSaysUnsigned() throws IOException {
        CliRun run = audit();

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.stdout()).contains("Bundle NOT signed");
        Path bundle = EvidenceBundles.only(dir.resolve("out"));
        assertThat(bundle.resolve("bundle.dsse.json")).doesNotExist();
        JsonNode runSection = json(Files.readAllBytes(bundle.resolve("findings.json"))).get("run");
        assertThat(runSection.at("/signature/status").asString()).isEqualTo("unsigned");
        assertThat(runSection.at("/signature/keyId").isNull()).isTrue();
        assertThat(pdfText(bundle.resolve("sox-evidence.pdf"))).contains("UNSIGNED");
    }

    @Test
    void requireSignedWithoutAKeyRefusesToRun() throws IOException {
        CliRun run = CliRun.of("gate", "--offline", "--estate", TestPaths.resource("estates/compliant/estate.yaml").toString(),
                "--out", dir.resolve("out").toString(), "--db", db, "--require-signed");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("--require-signed", "--signing-key", "RESIDENCY_SIGNING_KEY").doesNotContain("\tat ");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aSigningKeyFileThatIsNotPemIsExitTwoNamingItNeverQuotingIt() throws IOException {
        Path notAKey = Files.writeString(dir.resolve("signing.pem"), "password=hunter2-do-not-print\n");

        CliRun run = audit("--signing-key", notAKey.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("signing.pem", "not a PEM file", "expected an Ed25519 private key");
        assertThat(run.output()).doesNotContain("hunter2");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aSigningKeyOfAnotherAlgorithmIsExitTwo() throws Exception {
        var ec = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
        Path ecKey = Files.writeString(dir.resolve("ec.pem"), TestKeys.pem("PRIVATE KEY", ec.getPrivate().getEncoded()));

        CliRun run = audit("--signing-key", ecKey.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("ec.pem", "not an Ed25519 key");
    }

    @Test
    void aRestartKeepsTheKeyTheRunStartedWith() {
        CliRun run = CliRun.of("audit", "--restart", "20260101T000000Z-000000", "--db", db, "--signing-key", dir.resolve("k.pem").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("--restart takes the run's own inputs, its signing key included");
    }

    @Test
    void theKeyFileMayComeFromTheEnvironment() {
        RunOptions options = new RunOptions();
        Path fromEnv = Path.of("/etc/residency/signing/signing-key.pem");

        assertThat(options.signingKeyFile(name -> "RESIDENCY_SIGNING_KEY".equals(name) ? fromEnv.toString() : null)).isEqualTo(fromEnv);
        assertThat(options.signingKeyFile(name -> "  ")).isNull();
        options.signingKey = Path.of("given.pem");
        assertThat(options.signingKeyFile(name -> fromEnv.toString())).isEqualTo(Path.of("given.pem"));
    }

    private static JsonNode json(byte[] bytes) {
        return JsonMapper.builder().build().readTree(bytes);
    }

}
