package io.residency.auditor.evidence.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

class DsseTest {

    @Test
    void paeMatchesTheSpecTestVector() {
        // protocol.md of github.com/secure-systems-lab/dsse, "Test Vectors".
        byte[] pae = Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void paeCountsBytesNotCharacters() {
        byte[] pae = Dsse.pae("t", "é".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 1 t 2 é");
    }

    @Test
    void aSignatureBindsBothPayloadAndType() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] sig = Dsse.sign(pair.getPrivate(), Dsse.IN_TOTO_PAYLOAD_TYPE, body);

        assertThat(Dsse.verify(pair.getPublic(), Dsse.IN_TOTO_PAYLOAD_TYPE, body, sig)).isTrue();
        assertThat(Dsse.verify(pair.getPublic(), "application/json", body, sig)).isFalse();
        assertThat(Dsse.verify(pair.getPublic(), Dsse.IN_TOTO_PAYLOAD_TYPE, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
    }
}
