package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvExpanderTest {

    private static final String SECRET = "wJalrXUtnFEMI-K7MDENG";

    private static EnvExpander withEveryVariableSetToTheSecret() {
        return new EnvExpander(name -> SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY_ID", "SPRING_DATASOURCE_PASSWORD",
            "SPRING_DATASOURCE_URL", "RESIDENCY_HMAC_KEY", "RESIDENCY_SIGNING_KEY", "S3_SECRET", "db_password", "LDAP_PASSWD",
            "GRAFANA_TOKEN", "GOOGLE_APPLICATION_CREDENTIALS", "PRIVATE_KEY_PEM", "DD_API_KEY", "NEW_RELIC_APIKEY",
            "MINIO_ACCESS_KEY", "BASIC_AUTH_USER", "OAUTH_CLIENT", "LICENSE_KEY", "DB_PASS", "SMTP_PWD", "KEY"})
    void secretLookingVariablesExpandToTheirNameNeverTheirValue(String name) throws Exception {
        String expanded = withEveryVariableSetToTheSecret().expand("value: ${" + name + "}\nother: ${" + name + ":-fallback}\n");
        assertThat(expanded).isEqualTo("value: <redacted:" + name + ">\nother: <redacted:" + name + ">\n").doesNotContain(SECRET);
        assertThat(EnvExpander.isSecretName(name)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LOKI_BUCKET", "AWS_REGION", "S3_ENDPOINT", "RETENTION", "MONKEY", "KEYSPACE_NAME", "PASSTHROUGH_MODE", "HOSTNAME"})
    void otherVariablesExpandAsTheComponentWouldExpandThem(String name) throws Exception {
        assertThat(new EnvExpander(Map.of(name, "eu-west-1")::get).expand("x: ${" + name + "}")).isEqualTo("x: eu-west-1");
        assertThat(EnvExpander.isSecretName(name)).isFalse();
    }

    @Test
    void anUnsetSecretIsRedactedRatherThanAnErrorSoTheVerdictDoesNotDependOnTheAuditorsMachine() throws Exception {
        EnvExpander nothingSet = new EnvExpander(name -> null);
        assertThat(nothingSet.expand("k: ${AWS_SECRET_ACCESS_KEY}")).isEqualTo("k: <redacted:AWS_SECRET_ACCESS_KEY>");
    }

    @Test
    void secretsNeverReachTheParsedConfigAndItStillParses() throws Exception {
        String loki = """
                storage_config:
                  aws:
                    s3: s3://${AWS_ACCESS_KEY_ID}:${AWS_SECRET_ACCESS_KEY}@eu-west-1/${LOKI_BUCKET}
                    http_config: {headers: [${GRAFANA_TOKEN}]}
                """;
        EnvExpander expander = new EnvExpander(Map.of("LOKI_BUCKET", "logs-eu", "AWS_ACCESS_KEY_ID", SECRET,
                "AWS_SECRET_ACCESS_KEY", SECRET, "GRAFANA_TOKEN", SECRET)::get);
        String expanded = expander.expand(loki);
        assertThat(expanded).doesNotContain(SECRET).contains("<redacted:AWS_SECRET_ACCESS_KEY>@eu-west-1/logs-eu");
        String facts = ConfigCollectorProbe.read("loki", expanded);
        assertThat(facts).startsWith("facts:").contains("logs-eu").doesNotContain(SECRET);
    }

    // Loki and Tempo (-config.expand-env): drone/envsubst v1.0.3's grammar.

    private static final EnvExpander LOKI_ENV = new EnvExpander(Map.of("BUCKET", "logs-eu", "EMPTY", "")::get);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "b: ${BUCKET}|b: logs-eu",
            "b: ${NOT_SET}|b: <unset:NOT_SET>",
            "b: ${EMPTY}|'b: '",
            "b: ${NOT_SET:-d}|b: d", "b: ${NOT_SET:=d}|b: d", "b: ${NOT_SET=d}|b: d", "b: ${NOT_SET:?d}|b: d", "b: ${NOT_SET:+d}|b: d",
            "b: ${EMPTY:-d}|b: d", "b: ${EMPTY=d}|b: d",
            "b: ${BUCKET:-d}|b: logs-eu", "b: ${BUCKET:+d}|b: logs-eu",
            "b: ${NOT_SET:-}|b: <unset:NOT_SET>",
            "b: ${NOT_SET:-${BUCKET}-x}|b: logs-eu-x",
            "b: ${NOT_SET:-${OTHER}}|b: <unset:OTHER>",
            "b: ${1}|b: <unset:1>",
            "b: ${BUCKET}${BUCKET}|b: logs-eulogs-eu"})
    void lokiAndTempoExpandBracedReferencesAndEveryDefaultFormAsEnvsubstDoes(String config, String expanded) throws Exception {
        assertThat(LOKI_ENV.expandLenient(config)).isEqualTo(expanded);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "b: $BUCKET|b: $BUCKET",
            "b: $NOT_SET|b: $NOT_SET",
            "b: $1|b: $1",
            "b: cost$|b: cost$",
            "b: $$BUCKET|b: $BUCKET",
            "b: $${BUCKET}|b: ${BUCKET}",
            "b: $$${BUCKET}|b: $logs-eu",
            "b: $$$|b: $$",
            "b: a$ {BUCKET}|b: a$ {BUCKET}",
            "b: https://minio.eu.example/$x?y=${BUCKET}|b: https://minio.eu.example/$x?y=logs-eu",
            "'p: \\\\host\\share \\/x \\n'|'p: \\host\\share /x \\n'"})
    void aBareDollarIsNotAReferenceAndDoubledDollarsAndBackslashesUnescapeAsEnvsubstDoes(String config, String expanded) throws Exception {
        assertThat(LOKI_ENV.expandLenient(config)).isEqualTo(expanded);
    }

    @Test
    void aDollarAtTheEndOfALineOrTheTextStaysAndTheNextLineIsStillExpanded() throws Exception {
        assertThat(LOKI_ENV.expandLenient("a: x$\nb: ${BUCKET}\nc: $")).isEqualTo("a: x$\nb: logs-eu\nc: $");
    }

    @Test
    void aSecretLookingNameIsRedactedInLokiConfigsWhetherSetOrDefaultedAndADollarInAQuotedPasswordStaysLiteral() throws Exception {
        String expanded = withEveryVariableSetToTheSecret().expandLenient(
                "password: \"pa$$w$rd-${DB_PASSWORD}\"\nkey: ${S3_SECRET:-fallback}\nbare: $AWS_SECRET_ACCESS_KEY\n");
        assertThat(expanded).doesNotContain(SECRET)
                .isEqualTo("password: \"pa$w$rd-<redacted:DB_PASSWORD>\"\nkey: <redacted:S3_SECRET>\nbare: $AWS_SECRET_ACCESS_KEY\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"${BUCKET-default}", "${}", "${BUCKET", "${BUCKET:-unclosed", "${BUCKET?x}", "${-x}"})
    void aReferenceEnvsubstRefusesMakesTheSourceUnreadableNamingTheLineAndTheFix(String reference) {
        assertThatThrownBy(() -> LOKI_ENV.expandLenient("a: 1\nb: " + reference + "\n"))
                .isInstanceOf(SourceReadException.class)
                .hasMessageStartingWith("line 2 column 4: ")
                .hasMessageContaining("refuse to start").hasMessageContaining("expandEnv: false");
    }

    @Test
    void aRefusedReferenceInsideAPasswordNeverQuotesThePassword() {
        assertThatThrownBy(() -> LOKI_ENV.expandLenient("s3:\n  secret_access_key: \"hunter2-${oops\"\n"))
                .isInstanceOf(SourceReadException.class).hasMessageStartingWith("line 2 column 31: ")
                .message().doesNotContain("hunter2").doesNotContain("oops");
    }

    @Test
    void envsubstReadsCommentsTooSoAReferenceItRefusesInACommentIsRefused() {
        assertThatThrownBy(() -> LOKI_ENV.expandLenient("# set ${BUCKET-logs}\nb: x\n")).isInstanceOf(SourceReadException.class)
                .hasMessageStartingWith("line 1 column 7: ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"${#BUCKET}", "${BUCKET,,}", "${BUCKET^}", "${BUCKET:1:2}", "${BUCKET/a/b}", "${BUCKET#x}", "${BUCKET%x}"})
    void anEnvsubstStringFunctionIsRefusedByNameRatherThanGuessed(String reference) {
        assertThatThrownBy(() -> LOKI_ENV.expandLenient("b: " + reference)).isInstanceOf(SourceReadException.class)
                .hasMessageContaining("string function").hasMessageContaining("does not evaluate");
    }

    @Test
    void theUnsetMarkerOfANameWithADigitFirstIsStillRecognisedSoItsFieldIsUnverified() throws Exception {
        assertThat(UnsetVariables.variable(LOKI_ENV.expandLenient("${9LIVES}"))).contains("9LIVES");
    }

    @Test
    void theCollectorsStrictExpansionIsUnchangedAndStillRefusesAnUnsetVariable() {
        assertThatThrownBy(() -> LOKI_ENV.expand("b: ${NOT_SET}")).isInstanceOf(SourceReadException.class)
                .hasMessageContaining("${NOT_SET} is not set and has no default");
    }
}
