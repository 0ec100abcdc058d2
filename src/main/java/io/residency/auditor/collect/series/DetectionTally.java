package io.residency.auditor.collect.series;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What one detector found in one label's values, in constant memory: a count, three redacted
 * samples with their keyed hashes, and an order-independent digest of all matches.
 */
final class DetectionTally {

    private static final int SAMPLES = 3;

    private long matches;
    private final List<String> samples = new ArrayList<>();
    private final List<String> sampleHashes = new ArrayList<>();
    private final byte[] setDigest = new byte[32];

    void add(String redacted, String hash) {
        matches++;
        if (samples.size() < SAMPLES) {
            samples.add(redacted);
            sampleHashes.add(hash);
        }
        byte[] bytes = HexFormat.of().parseHex(hash);
        for (int i = 0; i < setDigest.length; i++) {
            setDigest[i] ^= bytes[i];
        }
    }

    long matches() {
        return matches;
    }

    String samples() {
        return String.join("; ", samples);
    }

    String sampleHashes() {
        return String.join(" ", sampleHashes);
    }

    String setHash() {
        return HexFormat.of().formatHex(setDigest);
    }
}
