package io.residency.auditor.collect.series;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) of personal data values, so runs can be compared without storing
 * the values. The key comes from the environment; without one, a random key serves one run only.
 */
public final class ValueHasher {

    private static final String KEY_ID_CONTEXT = "residency-hmac-key-id:";

    private final Mac mac;
    private final boolean comparableAcrossRuns;
    private final String keyId;

    private ValueHasher(byte[] key, boolean comparableAcrossRuns) {
        // One initialised MAC, reused: creating one per value costs more than hashing it.
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
        this.comparableAcrossRuns = comparableAcrossRuns;
        this.keyId = keyId(key);
    }

    /**
     * Names the key in reports without revealing it: the first 16 hex of SHA-256 over a fixed
     * context and the key, so two runs' hashes are comparable exactly when their key ids agree.
     */
    static String keyId(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(KEY_ID_CONTEXT.getBytes(StandardCharsets.UTF_8));
            digest.update(key);
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** @param configuredKey the key from the environment, or {@code null} */
    public static ValueHasher withKey(String configuredKey) {
        if (configuredKey == null || configuredKey.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new ValueHasher(random, false);
        }
        return new ValueHasher(configuredKey.getBytes(StandardCharsets.UTF_8), true);
    }

    public boolean comparableAcrossRuns() {
        return comparableAcrossRuns;
    }

    /** The id of the key (never the key): see {@link #keyId(byte[])}. */
    public String keyId() {
        return keyId;
    }

    public synchronized String hash(String value) {
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }
}
