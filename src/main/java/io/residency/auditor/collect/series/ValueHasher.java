package io.residency.auditor.collect.series;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
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

    private final Mac mac;
    private final boolean comparableAcrossRuns;

    private ValueHasher(byte[] key, boolean comparableAcrossRuns) {
        // One initialised MAC, reused: creating one per value costs more than hashing it.
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
        this.comparableAcrossRuns = comparableAcrossRuns;
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

    public synchronized String hash(String value) {
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }
}
