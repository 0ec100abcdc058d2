package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeUrlsTest {

    private static final String SECRET = "S3cr3tV4lue";

    static Stream<Arguments> endpointsWithCredentials() {
        return Stream.of(
                Arguments.of("https://collector.example.com/v1/logs?api_key=" + SECRET, "https://collector.example.com/v1/logs"),
                Arguments.of("https://collector.example.com?apikey=" + SECRET, "https://collector.example.com"),
                Arguments.of("https://collector.example.com#token=" + SECRET, "https://collector.example.com"),
                Arguments.of("http://loki:3100/config?token=" + SECRET + "&x=1", "http://loki:3100/config"),
                Arguments.of("http://loki:3100/config?ACCESS_TOKEN=" + SECRET, "http://loki:3100/config"),
                Arguments.of("https://b.s3.eu-west-1.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA" + SECRET
                        + "%2F20260101&X-Amz-Signature=" + SECRET + "&X-Amz-Security-Token=" + SECRET, "https://b.s3.eu-west-1.amazonaws.com/k"),
                Arguments.of("https://blob.example.net/c?sv=2024&sig=" + SECRET, "https://blob.example.net/c"),
                Arguments.of("https://x.example.com/p?signature=" + SECRET, "https://x.example.com/p"),
                Arguments.of("https://x.example.com/p?password=" + SECRET + "&secret=" + SECRET + "&key=" + SECRET, "https://x.example.com/p"),
                Arguments.of("https://user:" + SECRET + "@x.example.com:8443/p", "https://x.example.com:8443/p"),
                Arguments.of("https://" + SECRET + "@x.example.com", "https://x.example.com"),
                Arguments.of("user:" + SECRET + "@minio:9000", "minio:9000"),
                Arguments.of("user:" + SECRET + "@minio:9000/bucket?token=" + SECRET, "minio:9000/bucket"),
                Arguments.of("minio?token=" + SECRET, "minio"),
                Arguments.of("http://u:p@ss" + SECRET + "@[::1]:9000/x?sig=" + SECRET, "http://[::1]:9000/x"),
                Arguments.of("https://x.example.com/app;jsessionid=" + SECRET + "?a=b", "https://x.example.com/app"),
                Arguments.of("HTTPS://X.Example.COM:443/Path", "https://x.example.com:443/Path"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("endpointsWithCredentials")
    void credentialsInUserInfoQueryAndFragmentAreNeverKept(String endpoint, String safe) {
        assertThat(SafeUrls.redact(endpoint)).isEqualTo(safe).doesNotContain(SECRET);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"http://" + SECRET + " x", "https://" + SECRET + ":notaport", "\u001b[31m" + SECRET, "", "http://[" + SECRET + "]"})
    void anEndpointWithoutAReadableHostIsNeverEchoed(String endpoint) {
        assertThat(SafeUrls.redact(endpoint)).isEqualTo(SafeUrls.UNPARSABLE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://x.example.com/caf\u00e9", "https://x.example.com/a%1b[2J"})
    void pathsKeepOnlyVisibleAscii(String endpoint) {
        assertThat(SafeUrls.redact(endpoint)).matches("[\\x21-\\x7e]+");
    }
}
