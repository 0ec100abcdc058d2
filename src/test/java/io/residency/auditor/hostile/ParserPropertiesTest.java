package io.residency.auditor.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.residency.auditor.collect.config.ConfigCollectorProbe;
import io.residency.auditor.collect.config.S3Url;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the parsers over generated input: they accept or refuse clearly, the same way on
 * every run, and never leak credentials. Inputs come from fixed seeds, so a failing case is
 * reproduced by its index alone.
 */
class ParserPropertiesTest {

    private static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    private static final String YAML_TEXT = "ab: -[]{}\"'&*!|>#$%@1\t,\n";
    private static final List<String> KINDS = List.of("loki", "tempo", "otel-collector", "prometheus", "grafana-datasources", "thanos-objstore");

    /** Up to {@code max} characters drawn from {@code alphabet}, at least {@code min}. */
    private static String text(Random random, String alphabet, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Any Unicode text: printable ASCII, controls, other scripts, astral code points and lone surrogates. */
    private static String anyText(Random random, int max) {
        int length = random.nextInt(max + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0, 1 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 2 -> text.append((char) random.nextInt(0x20));
                case 3 -> text.append((char) random.nextInt(0x10000));
                default -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
            }
        }
        return text.toString();
    }

    static Stream<Arguments> s3UrlsWithCredentials() {
        Random random = new Random(0x5e_c2e7L);
        return IntStream.range(0, 500).mapToObj(i -> Arguments.of(
                text(random, ALPHA + DIGITS + "/+=@:", 1, 40), text(random, ALPHA + "-.", 1, 30), text(random, ALPHA + "-,/", 0, 30)));
    }

    @ParameterizedTest(name = "case {index}")
    @MethodSource("s3UrlsWithCredentials")
    void s3UrlsNeverKeepTheirCredentials(String secret, String host, String path) {
        S3Url parsed = S3Url.parse("s3://KEYID:" + secret + "@" + host + "/" + path);

        assertThat(parsed.hadCredentials()).isTrue();
        assertThat(parsed.host() + parsed.buckets()).doesNotContain("KEYID");
        if (secret.length() >= 6 && !host.contains(secret) && !path.contains(secret)) {
            assertThat(parsed.toString()).doesNotContain(secret);
        }
    }

    static Stream<String> s3UrlTexts() {
        Random random = new Random(0x53_0b1L);
        // Half start like a URL, so the parsing path is taken as often as the refusal.
        return IntStream.range(0, 500).mapToObj(i -> (random.nextBoolean() ? "s3://" : "")
                + (random.nextInt(4) == 0 ? anyText(random, 40) : text(random, ALPHA + DIGITS + ":/@,.?- ", 0, 60)));
    }

    /** Was: "parsed or refused", with no check of what was parsed; now the parse itself is checked. */
    @ParameterizedTest(name = "case {index}")
    @MethodSource("s3UrlTexts")
    void anS3UrlIsRefusedOnlyWithoutASchemeAndOtherwiseSplitsIntoAHostAndCleanBucketNames(String text) {
        if (!text.contains("://")) {
            IllegalArgumentException refused = catchThrowableOfType(IllegalArgumentException.class, () -> S3Url.parse(text));
            assertThat(refused).as("refused").isNotNull();
            assertThat(refused.getMessage()).contains("expected a URL such as s3://");
            return;
        }
        S3Url parsed = S3Url.parse(text);
        String afterScheme = text.strip().substring(text.strip().indexOf("://") + 3);

        assertThat(parsed.hadCredentials()).isEqualTo(afterScheme.contains("@"));
        assertThat(parsed.host()).doesNotContain("/", "@");
        assertThat(parsed.buckets()).allSatisfy(bucket -> assertThat(bucket).isNotBlank().isEqualTo(bucket.strip()).doesNotContain(",", "/", "?"));
    }

    static Stream<String> yamlishTexts() {
        Random random = new Random(0x10c1L);
        return IntStream.range(0, 400).mapToObj(i -> text(random, YAML_TEXT, 0, 300));
    }

    /**
     * Was: a pattern that every outcome of the probe matches. Now: only a refusal with something
     * to say may come out (the probe turns anything else into an error), and the same text gives
     * the same outcome every time.
     */
    @ParameterizedTest(name = "case {index}")
    @MethodSource("yamlishTexts")
    void anyTextAsALokiConfigIsReadOrRefusedWithAMessageTheSameWayEveryTime(String text) {
        String outcome = ConfigCollectorProbe.readLoki(text);

        assertRefusalSaysWhy(outcome);
        assertThat(ConfigCollectorProbe.readLoki(text)).isEqualTo(outcome);
    }

    static Stream<Arguments> textsOfEveryKind() {
        Random random = new Random(0xc0f1aL);
        return IntStream.range(0, 300).mapToObj(i -> Arguments.of(KINDS.get(i % KINDS.size()), anyText(random, 200)));
    }

    @ParameterizedTest(name = "case {index}: {0}")
    @MethodSource("textsOfEveryKind")
    void anyTextAsAnyKindOfConfigIsReadOrRefusedWithAMessageTheSameWayEveryTime(String kind, String text) {
        String outcome = ConfigCollectorProbe.read(kind, text);

        assertRefusalSaysWhy(outcome);
        assertThat(ConfigCollectorProbe.read(kind, text)).isEqualTo(outcome);
    }

    private static void assertRefusalSaysWhy(String outcome) {
        if (outcome.startsWith("refused: ")) {
            String message = outcome.substring("refused: ".length());
            assertThat(message).as("the refusal's message").isNotBlank().isNotEqualTo("null");
        } else {
            assertThat(outcome).startsWith("facts: ");
        }
    }
}
