package io.residency.auditor.evidence.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.residency.auditor.TestKeys;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys as OpenSSL writes them, read with the JDK alone; bad key files are refused without showing their content. */
class Ed25519KeysSignTest {

    @TempDir
    Path dir;

    @Test
    void thePublicKeyDerivedFromAnOpensslPrivateKeyIsTheOneOpensslDerives() throws IOException {
        assumeTrue(TestKeys.opensslAvailable(), "openssl is not on PATH: the OpenSSL interop of key derivation is not tested here");
        TestKeys.Pair pair = TestKeys.generate(dir, "signer");
        Path der = dir.resolve("pub.der");
        TestKeys.openssl(List.of("openssl", "pkey", "-in", pair.privatePem().toString(), "-pubout", "-outform", "DER", "-out", der.toString()));

        SigningKey key = Ed25519Keys.readPrivate(pair.privatePem());
        PublicKey opensslPublic = Ed25519Keys.readPublic(pair.publicPem());

        assertThat(key.publicKey().getEncoded()).isEqualTo(opensslPublic.getEncoded()).isEqualTo(Files.readAllBytes(der));
        assertThat(key.keyId()).isEqualTo(Sha256.hex(Files.readAllBytes(der))).matches("[0-9a-f]{64}");
        assertThat(key.toString()).doesNotContain("PRIVATE").contains(key.keyId());
    }

    @Test
    void opensslVerifiesWhatTheAuditorSigns() throws IOException {
        assumeTrue(TestKeys.opensslAvailable(), "openssl is not on PATH: OpenSSL's verification of our signatures is not tested here");
        TestKeys.Pair pair = TestKeys.generate(dir, "signer");
        byte[] body = "{\"_type\":\"https://in-toto.io/Statement/v1\"}".getBytes(StandardCharsets.UTF_8);
        Path pae = Files.write(dir.resolve("pae.bin"), Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, body));
        Path sig = Files.write(dir.resolve("sig.bin"), Dsse.sign(Ed25519Keys.readPrivate(pair.privatePem()).privateKey(), Dsse.IN_TOTO_PAYLOAD_TYPE, body));

        TestKeys.openssl(List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pair.publicPem().toString(), "-rawin",
                "-in", pae.toString(), "-sigfile", sig.toString()));
    }

    @Test
    void aJdkWrittenKeyPairReadsBackWithTheSameKeyId() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path privatePem = Files.writeString(dir.resolve("k.pem"), TestKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

        assertThat(Ed25519Keys.readPrivate(privatePem).keyId()).isEqualTo(Sha256.hex(pair.getPublic().getEncoded()));
    }

    @Test
    void aFileThatIsNotPemIsRefusedByNameWithoutQuotingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hunter2-secret-material\n");

        assertThatThrownBy(() -> Ed25519Keys.readPrivate(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("not a PEM file").hasMessageNotContaining("hunter2");
    }

    @Test
    void aKeyOfAnotherAlgorithmIsRefused() throws Exception {
        var ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        Path file = Files.writeString(dir.resolve("ec.pem"), TestKeys.pem("PRIVATE KEY", ec.getPrivate().getEncoded()));

        assertThatThrownBy(() -> Ed25519Keys.readPrivate(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ec.pem").hasMessageContaining("not an Ed25519 key");
    }

    @Test
    void aPublicKeyGivenAsTheSigningKeyIsRefused() throws IOException {
        TestKeys.Pair pair = TestKeys.generate(dir, "signer");

        assertThatThrownBy(() -> Ed25519Keys.readPrivate(pair.publicPem())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("signer.pub.pem").hasMessageContaining("is not a 'PRIVATE KEY'");
        assertThatThrownBy(() -> Ed25519Keys.readPublic(pair.privatePem())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a 'PUBLIC KEY'");
    }

    @Test
    void aMissingKeyFileIsNamed() {
        assertThatThrownBy(() -> Ed25519Keys.readPrivate(dir.resolve("absent.pem"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("absent.pem").hasMessageContaining("file not found");
    }
}
