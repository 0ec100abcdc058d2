package io.residency.auditor.collect.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueDetectorsTest {

    private static Optional<String> find(String detector, String value) {
        return ValueDetectors.named(List.of(detector)).get(0).find(value);
    }

    private static String redact(String detector, String value) {
        ValueDetector d = ValueDetectors.named(List.of(detector)).get(0);
        return d.redact(d.find(value).orElseThrow());
    }

    @Test
    void emailsAlsoInsidePathsAndUrls() {
        assertThat(find("email", "alice.smith@example.com")).contains("alice.smith@example.com");
        assertThat(find("email", "/api/users/bob@example.org/orders")).contains("bob@example.org");
        assertThat(find("email", "https://x.example/?u=carol%2Bx@mail.example.co.uk")).isPresent();
        assertThat(find("email", "api-server@v2")).isEmpty();
        assertThat(redact("email", "alice.smith@example.com")).isEqualTo("a***@e***.com");
    }

    @Test
    void ipAddressesButNotVersionsOrTimes() {
        assertThat(find("ipv4", "203.0.113.7")).contains("203.0.113.7");
        assertThat(find("ipv4", "client 198.51.100.23 retried")).isPresent();
        assertThat(find("ipv4", "1.2.3.4.5")).isEmpty();
        assertThat(find("ipv4", "999.1.1.1")).isEmpty();
        assertThat(redact("ipv4", "203.0.113.7")).isEqualTo("203.***.***.***");
        assertThat(find("ipv6", "2001:db8::8a2e:370:7334")).isPresent();
        assertThat(find("ipv6", "fe80::1")).isPresent();
        assertThat(find("ipv6", "12:30:45")).isEmpty();
    }

    @Test
    void phoneNumbersInE164() {
        assertThat(find("e164-phone", "+447911123456")).contains("+447911123456");
        assertThat(find("e164-phone", "build+1234")).isEmpty();
        assertThat(redact("e164-phone", "+447911123456")).isEqualTo("+44********56");
    }

    @Test
    void paymentCardsOnlyWhenTheLuhnChecksumHolds() {
        assertThat(find("payment-card", "4111111111111111")).isPresent();
        assertThat(find("payment-card", "4111 1111 1111 1111")).isPresent();
        assertThat(find("payment-card", "4111111111111112")).isEmpty();
        assertThat(find("payment-card", "20261124061736")).isEmpty();
        assertThat(redact("payment-card", "4111111111111111")).isEqualTo("****1111");
    }

    @Test
    void ibansOnlyWhenTheMod97ChecksumHolds() {
        assertThat(find("iban", "DE89370400440532013000")).isPresent();
        assertThat(find("iban", "GB82 WEST 1234 5698 7654 32")).isPresent();
        assertThat(find("iban", "DE89370400440532013001")).isEmpty();
        assertThat(redact("iban", "DE89370400440532013000")).isEqualTo("DE89****");
    }

    @Test
    void anUnknownDetectorIsAClearError() {
        assertThatThrownBy(() -> ValueDetectors.named(List.of("ssn"))).hasMessageContaining("unknown value detector 'ssn'");
    }

    @Test
    void hashesAreKeyedAndStable() {
        ValueHasher a = ValueHasher.withKey("k1");
        ValueHasher b = ValueHasher.withKey("k2");
        assertThat(a.hash("alice@example.com")).isEqualTo(ValueHasher.withKey("k1").hash("alice@example.com")).hasSize(64);
        assertThat(a.hash("alice@example.com")).isNotEqualTo(b.hash("alice@example.com"));
        assertThat(ValueHasher.withKey(null).comparableAcrossRuns()).isFalse();
    }
}
