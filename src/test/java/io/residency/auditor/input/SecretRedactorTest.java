package io.residency.auditor.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    @Test
    void removesSecretsInPlaceKeepingEveryLineAndListingWhereAndWhatKind() {
        String config = """
                storage_config:
                  aws:
                    s3: s3://AKIAEXAMPLE:planted-secret@eu-west-1/bucket
                    secret_access_key: planted-secret
                    access_key_id: ${AWS_ACCESS_KEY_ID}
                  tempo: {bucket: t, secret_key: "planted-secret", region: eu-west-1}
                url: https://host/config?token=planted-secret
                broken: "secret_access_key: "planted-secret
                """;

        SecretRedactor.Redacted redacted = SecretRedactor.redact(config.getBytes(StandardCharsets.UTF_8));

        String text = new String(redacted.content(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("planted-secret", "AKIAEXAMPLE")
                .contains("s3://<redacted>@eu-west-1/bucket", "secret_access_key: <redacted>", "access_key_id: ${AWS_ACCESS_KEY_ID}",
                        "region: eu-west-1}", "https://host/config?<redacted>");
        assertThat(text.split("\n", -1)).hasSameSizeAs(config.split("\n", -1));
        assertThat(redacted.redactions()).extracting(SecretRedactor.Redaction::line).containsExactly(3, 4, 6, 7, 8);
        assertThat(redacted.redactions().toString()).doesNotContain("planted");
    }
}
