package io.residency.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db:5432/audit?user=auditor&password=s3cr3t-Pw",
            "jdbc:postgresql://auditor:s3cr3t-Pw@db:5432/audit",
            "jdbc:postgresql://db/audit?sslpassword=s3cr3t-Pw&ssl=true",
            "jdbc:h2:file:./audit;USER=sa;PASSWORD=s3cr3t-Pw",
            "jdbc:h2:mem:x;pwd=s3cr3t-Pw"})
    void redactedUrlKeepsNoPassword(String url) {
        assertThat(JdbcUrls.redact(url)).doesNotContain("s3cr3t-Pw").contains("***");
    }

    @Test
    void redactedUrlStillSaysWhichServerAndDatabase() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://auditor:pw123@db.internal:5432/audit?password=pw123&connectTimeout=2"))
                .isEqualTo("jdbc:postgresql://***@db.internal:5432/audit?password=***&connectTimeout=2");
    }

    @Test
    void aDriverMessageQuotingThePasswordAloneIsRedacted() {
        String url = "jdbc:postgresql://auditor:s3cr3t-Pw@db/audit";

        String message = JdbcUrls.redactIn("FATAL: password \"s3cr3t-Pw\" rejected for auditor:s3cr3t-Pw@db", url);

        assertThat(message).doesNotContain("s3cr3t-Pw").contains("FATAL: password \"***\" rejected");
    }

    @Test
    void aMessageAlreadyRedactedIsLeftAsItIs() {
        String url = "jdbc:h2:mem:x;PASSWORD=topsecret";
        String message = "could not open the findings database " + JdbcUrls.redact(url) + ": Duplicate property";

        assertThat(JdbcUrls.redactIn(message, url)).isEqualTo(message)
                .isEqualTo("could not open the findings database jdbc:h2:mem:x;PASSWORD=***: Duplicate property");
    }
}
