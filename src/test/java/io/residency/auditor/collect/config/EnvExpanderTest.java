package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
}
