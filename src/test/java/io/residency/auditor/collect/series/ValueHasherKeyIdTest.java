package io.residency.auditor.collect.series;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The HMAC key is named by an id that tells runs apart without revealing the key. */
class ValueHasherKeyIdTest {

    @Test
    void theSameConfiguredKeyHasTheSameIdAndAnotherKeyAnother() {
        ValueHasher first = ValueHasher.withKey("nightly-hmac-key-7f3a");

        assertThat(first.keyId()).matches("[0-9a-f]{16}").isEqualTo(ValueHasher.withKey("nightly-hmac-key-7f3a").keyId())
                .isNotEqualTo(ValueHasher.withKey("nightly-hmac-key-7f3b").keyId());
        assertThat(first.comparableAcrossRuns()).isTrue();
    }

    @Test
    void theIdIsNotAPlainHashOfTheKey() {
        // A context prefix, so the id cannot be matched against an unsalted SHA-256 of a guessed key.
        assertThat(ValueHasher.withKey("k").keyId())
                .isNotEqualTo(io.residency.auditor.input.Sha256.hex("k").substring(0, 16))
                .isEqualTo(io.residency.auditor.input.Sha256.hex("residency-hmac-key-id:k").substring(0, 16));
    }

    @Test
    void withoutAConfiguredKeyEachRunHasItsOwnKeyAndId() {
        ValueHasher one = ValueHasher.withKey(null);
        ValueHasher two = ValueHasher.withKey(" ");

        assertThat(one.comparableAcrossRuns()).isFalse();
        assertThat(one.keyId()).matches("[0-9a-f]{16}").isNotEqualTo(two.keyId());
    }
}
