package io.residency.auditor.evidence.signing;

import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Ed25519 keys as OpenSSL writes them ({@code openssl genpkey -algorithm ed25519} and
 * {@code openssl pkey -pubout}) with the JDK alone. Errors name the file and what was expected,
 * never anything read from it: the file may be a secret.
 */
public final class Ed25519Keys {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    /** Larger than any PEM key; keeps a wrong path (a log, a disk image) from being read whole. */
    private static final long MAX_KEY_FILE_BYTES = 64 * 1024;
    private static final String EXPECTED_PRIVATE =
            "expected an Ed25519 private key in PEM ('PRIVATE KEY', PKCS#8), as 'openssl genpkey -algorithm ed25519' writes it";
    private static final String EXPECTED_PUBLIC =
            "expected an Ed25519 public key in PEM ('PUBLIC KEY'), as 'openssl pkey -pubout' writes it";

    private Ed25519Keys() {
    }

    public static SigningKey readPrivate(Path file) {
        byte[] der = pemBlock(file, "PRIVATE KEY", EXPECTED_PRIVATE);
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidInputException(file.toString(), "", "not an Ed25519 key; " + EXPECTED_PRIVATE);
        }
        if (!(privateKey instanceof EdECPrivateKey edec) || !"Ed25519".equalsIgnoreCase(edec.getParams().getName())) {
            throw new InvalidInputException(file.toString(), "", "not an Ed25519 key; " + EXPECTED_PRIVATE);
        }
        PublicKey publicKey = derivePublic(edec, file);
        return new SigningKey(privateKey, publicKey, keyId(publicKey));
    }

    public static PublicKey readPublic(Path file) {
        byte[] der = pemBlock(file, "PUBLIC KEY", EXPECTED_PUBLIC);
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            if (key instanceof EdECPublicKey edec && "Ed25519".equalsIgnoreCase(edec.getParams().getName())) {
                return key;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // reported below, without the file's content
        }
        throw new InvalidInputException(file.toString(), "", "not an Ed25519 public key; " + EXPECTED_PUBLIC);
    }

    /** The key id of DESIGN section 6: hex SHA-256 of the DER SubjectPublicKeyInfo. */
    public static String keyId(PublicKey publicKey) {
        return Sha256.hex(publicKey.getEncoded());
    }

    /**
     * The JDK has no call that derives an Ed25519 public key from a private one, but its key-pair
     * generator takes the private key as 32 random bytes: handing it exactly our private key's
     * bytes makes it compute the matching public key (RFC 8032 5.1.5), with no extra library.
     */
    private static PublicKey derivePublic(EdECPrivateKey privateKey, Path file) {
        byte[] seed = privateKey.getBytes().orElseThrow(
                () -> new InvalidInputException(file.toString(), "", "the key's bytes cannot be read; " + EXPECTED_PRIVATE));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] regenerated = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!Arrays.equals(seed, regenerated)) {
                throw new IllegalStateException("this Java runtime's Ed25519 generator did not take the key's bytes; cannot derive its public key");
            }
            Arrays.fill(regenerated, (byte) 0);
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519 key-pair generator", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static byte[] pemBlock(Path file, String label, String expected) {
        String text;
        try {
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw new InvalidInputException(file.toString(), "", "too large for a key file; " + expected);
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "", "file not found; " + expected);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(file.toString(), "", "cannot be read as PEM text; " + expected);
        }
        Matcher matcher = PEM.matcher(text);
        if (!matcher.find()) {
            throw new InvalidInputException(file.toString(), "", "not a PEM file; " + expected);
        }
        if (matcher.group(1).startsWith("ENCRYPTED")) {
            throw new InvalidInputException(file.toString(), "", "the key is encrypted; " + expected + " without a passphrase");
        }
        if (!matcher.group(1).equals(label)) {
            throw new InvalidInputException(file.toString(), "", "its PEM block is not a '" + label + "'; " + expected);
        }
        try {
            return Base64.getMimeDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file.toString(), "", "its PEM block is not valid base64; " + expected);
        }
    }

    /** A "random" source that yields one given 32-byte value: the private key to derive from. */
    private static final class FixedBytes extends SecureRandom {

        private static final long serialVersionUID = 1L;
        private final transient byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void nextBytes(byte[] target) {
            if (target.length != bytes.length) {
                throw new IllegalStateException("expected a request for " + bytes.length + " bytes");
            }
            System.arraycopy(bytes, 0, target, 0, bytes.length);
        }
    }
}
