package io.residency.auditor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.collect.config.ConfigCollectorProbe;
import io.residency.auditor.collect.config.S3Url;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/** Properties of the parsers over generated input: they accept or refuse clearly, and never leak credentials. */
class ParserPropertiesTest {

    @Property(tries = 500)
    void s3UrlsNeverKeepTheirCredentials(@ForAll @AlphaChars @NumericChars @Chars({'/', '+', '=', '@', ':'}) @StringLength(min = 1, max = 40) String secret,
                                         @ForAll @AlphaChars @Chars({'-', '.'}) @StringLength(min = 1, max = 30) String host,
                                         @ForAll @AlphaChars @Chars({'-', ',', '/'}) @StringLength(max = 30) String path) {
        String url = "s3://KEYID:" + secret + "@" + host + "/" + path;
        S3Url parsed = S3Url.parse(url);

        assertThat(parsed.hadCredentials()).isTrue();
        assertThat(parsed.host() + parsed.buckets()).doesNotContain("KEYID");
        if (secret.length() >= 6 && !host.contains(secret) && !path.contains(secret)) {
            assertThat(parsed.toString()).doesNotContain(secret);
        }
    }

    @Property(tries = 500)
    void anyS3UrlTextIsParsedOrRefusedWithAMessage(@ForAll @StringLength(max = 80) String text) {
        try {
            S3Url.parse(text);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).contains("expected a URL such as s3://");
        }
    }

    @Property(tries = 400)
    void anyTextAsALokiConfigIsReadOrRefusedAsAnUnreadableSource(@ForAll @StringLength(max = 300) @Chars({'a', 'b', ':', ' ', '\n', '-',
            '[', ']', '{', '}', '"', '\'', '&', '*', '!', '|', '>', '#', '$', '%', '@', '1', '\t', ','}) String text) {
        // Only a SourceReadException (an UNVERIFIED source with a message) may come out: nothing else.
        String outcome = ConfigCollectorProbe.readLoki(text);
        assertThat(outcome).matches("(?s)(facts:.*|refused: .+)");
    }

    @Property(tries = 300)
    void anyTextAsAnyKindOfConfigIsReadOrRefused(@ForAll("kinds") String kind, @ForAll @StringLength(max = 200) String text) {
        assertThat(ConfigCollectorProbe.read(kind, text)).matches("(?s)(facts:.*|refused: .+)");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> kinds() {
        return net.jqwik.api.Arbitraries.of("loki", "tempo", "otel-collector", "prometheus", "grafana-datasources", "thanos-objstore");
    }
}
