package io.residency.auditor.evidence.signing;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * An Ed25519 private key with its public key and key id. {@link #toString()} names the key id
 * only, so the key never reaches a log or an error message by accident.
 *
 * @param keyId hex SHA-256 of the DER SubjectPublicKeyInfo of {@code publicKey}
 */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey, String keyId) {

    @Override
    public String toString() {
        return "Ed25519 signing key " + keyId;
    }
}
