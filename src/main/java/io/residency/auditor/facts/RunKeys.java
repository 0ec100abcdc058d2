package io.residency.auditor.facts;

/**
 * The ids (never the keys) of the keys a run used.
 *
 * @param signingKeyId        hex SHA-256 of the signer's DER public key; {@code null}: the bundle is unsigned
 * @param hmacKeyId           id of the key of the redacted-value hashes; {@code null}: the run hashed no value
 * @param hmacComparable      {@code true} when that key came from RESIDENCY_HMAC_KEY, {@code false} for a random per-run key
 */
public record RunKeys(String signingKeyId, String hmacKeyId, boolean hmacComparable) {

    public static final RunKeys NONE = new RunKeys(null, null, false);

    public boolean signed() {
        return signingKeyId != null;
    }
}
