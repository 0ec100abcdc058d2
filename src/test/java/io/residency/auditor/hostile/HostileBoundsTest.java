package io.residency.auditor.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.residency.auditor.TestPaths;
import io.residency.auditor.collect.BearerToken;
import io.residency.auditor.collect.config.ConfigCollectorProbe;
import io.residency.auditor.collect.config.SourceFetcher;
import io.residency.auditor.collect.config.SourceReadException;
import io.residency.auditor.collect.series.PartialResponseException;
import io.residency.auditor.collect.series.QuerierClient;
import io.residency.auditor.collect.series.SeriesScan;
import io.residency.auditor.collect.series.SeriesScanner;
import io.residency.auditor.collect.series.ValueDetector;
import io.residency.auditor.collect.series.ValueDetectors;
import io.residency.auditor.collect.series.ValueHasher;
import io.residency.auditor.facts.DatabaseErrors;
import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.YamlErrors;
import io.residency.auditor.input.YamlParsers;
import io.residency.auditor.policy.PiiDetection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.ObjectMapper;

/**
 * Bounds in size, time and memory; YAML as the real tools read it; tokens and errors that never
 * quote what they refuse. Each case asserts the promised outcome, without sleeping or timing.
 */
class HostileBoundsTest {

    static final String SECRET = "S3CR3T-PLANTED-7f3a";
    /** Generous: a hang is minutes or for ever, a bounded refusal is milliseconds. */
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final SourceFetcher fetcher = new SourceFetcher(Duration.ofSeconds(1), Duration.ofSeconds(1), name -> null);

    // ---- §4 files: refused before reading ----

    @Test
    void aDeviceAsAConfigIsRefusedBeforeReading() {
        String refusal = assertTimeoutPreemptively(HANG, () -> refusal(Path.of("/dev/zero")));
        assertThat(refusal).contains("not a regular file");
    }

    @Test
    void aFifoAsAConfigIsRefusedWithoutHanging() throws Exception {
        Path fifo = fifo();
        String refusal = assertTimeoutPreemptively(HANG, () -> refusal(fifo));
        assertThat(refusal).contains("not a regular file");
    }

    @Test
    void aFolderAsAConfigIsRefused() {
        assertThat(refusal(dir)).contains("is a folder");
    }

    @Test
    void aConfigOverTheLimitIsRefusedBeforeParsing() throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.write(big, HostileInputs.huge("17 MiB", 17).bytes());
        assertThat(refusal(big)).contains("larger than 16 MiB");
    }

    @Test
    void theLimitIsAppliedToWhatIsReadNotOnlyToTheSizeAnnounced() throws IOException {
        Path file = dir.resolve("eleven.yaml");
        Files.writeString(file, "a: 12345678");
        assertThatThrownBy(() -> InputFiles.readRegular(file, 10)).isInstanceOf(InputFiles.RefusedException.class)
                .hasMessage("is larger than 10 bytes");
        assertThat(InputFiles.readRegular(file, 11)).hasSize(11);
    }

    @Test
    void aSymbolicLinkToADeviceIsRefusedAsADevice() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        assertThat(refusal(link)).contains("not a regular file");
    }

    // ---- §4 YAML limits, explicit and with clear messages ----

    @Test
    void anAliasBombIsRefusedWithAMessageAboutAliases() {
        String outcome = ConfigCollectorProbe.read("loki", "raw", HostileInputs.yamlAttacks().get(0).bytes());
        assertThat(outcome).startsWith("refused: ").containsIgnoringCase("too many").doesNotContain("lol");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedNamingTheLimit() {
        String deep = "a: " + "[".repeat(YamlParsers.MAX_NESTING_DEPTH + 5) + "]".repeat(YamlParsers.MAX_NESTING_DEPTH + 5) + "\n";
        assertThat(ConfigCollectorProbe.readLoki(deep)).startsWith("refused: ").contains("nesting depth");
    }

    @Test
    void theLimitsAreSetExplicitlyOnTheOneSharedReader() {
        ObjectMapper mapper = YamlParsers.mapper().build();
        assertThat(mapper.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(YamlParsers.MAX_NESTING_DEPTH);
        assertThat(mapper.tokenStreamFactory().streamReadConstraints().getMaxStringLength()).isEqualTo(YamlParsers.MAX_STRING_LENGTH);
        assertThat(mapper.tokenStreamFactory().streamReadConstraints().getMaxDocumentLength()).isEqualTo(InputFiles.maxBytes());
    }

    // ---- §6 YAML as the real tools read it ----

    @Test
    void mergeKeysAndAnchorsAreResolvedAsGoResolvesThem() throws IOException {
        String outcome = ConfigCollectorProbe.readLoki(Files.readString(TestPaths.resource("hostile/loki-merge-keys.yaml")));
        assertThat(outcome).startsWith("facts: ").contains("logs-merged");
    }

    @Test
    void yesIsTrueToLokiAsYamlV2ReadsIt() throws IOException {
        String outcome = ConfigCollectorProbe.readLoki(Files.readString(TestPaths.resource("hostile/loki-yes.yaml")));
        assertThat(outcome).startsWith("facts: ").contains("logs-thanos-style");
        assertThat(inEffect(outcome, "logs-thanos-style")).isTrue();
        assertThat(inEffect(outcome, "logs-classic-unused")).isFalse();
    }

    @ParameterizedTest(name = "use_thanos_objstore: {0} is true")
    @ValueSource(strings = {"on", "Y", "YES", "True"})
    void everyYaml11SpellingOfTrueIsTrue(String spelling) {
        String outcome = ConfigCollectorProbe.readLoki("storage_config:\n  use_thanos_objstore: " + spelling
                + "\n  object_store:\n    s3: {bucket_name: tb, region: eu-west-1}\n");
        assertThat(inEffect(outcome, "tb")).as(outcome).isTrue();
    }

    @Test
    void noAndOffStayFalse() {
        String outcome = ConfigCollectorProbe.readLoki("storage_config:\n  use_thanos_objstore: off\n  object_store:\n    s3: {bucket_name: tb, region: eu-west-1}\n");
        assertThat(inEffect(outcome, "tb")).as(outcome).isFalse();
    }

    @Test
    void aHelmTemplateIsAnUnreadableSourceNamingTheLine() throws IOException {
        String outcome = ConfigCollectorProbe.readLoki(Files.readString(TestPaths.resource("hostile/loki-template.yaml")));
        assertThat(outcome).isEqualTo("refused: line 7: template: render it first (helm template / nomad); expected a rendered configuration");
    }

    @Test
    void aTemplatedConfigMapIsRefusedToo() {
        String manifest = "kind: ConfigMap\nmetadata: {name: loki}\ndata:\n  config.yaml: |\n    common: {{- toYaml .Values.common | nindent 4 }}\n";
        assertThat(ConfigCollectorProbe.read("loki", "configmap", manifest.getBytes(StandardCharsets.UTF_8)))
                .startsWith("refused: line 5: template: render it first");
    }

    @Test
    void bracesInACommentAreNotATemplate() {
        assertThat(ConfigCollectorProbe.readLoki("# rendered from {{ .Values }}\ncommon: {storage: {s3: {s3: s3://eu-west-1/b}}}\n"))
                .startsWith("facts: ");
    }

    // ---- §7 a file that is not a config is never quoted ----

    @Test
    void aYamlErrorNamesLineAndColumnButNotTheSnippet() {
        String outcome = ConfigCollectorProbe.readLoki("common:\n  password: \"" + SECRET + "\n  other: 1\n");
        assertThat(outcome).startsWith("refused: line ").contains("column").doesNotContain(SECRET);
    }

    @Test
    void aTabErrorDoesNotQuoteTheLine() {
        String outcome = ConfigCollectorProbe.readLoki("a:\n\tsecret: " + SECRET + "\n");
        assertThat(outcome).startsWith("refused: line 2, column 1: ").doesNotContain(SECRET);
    }

    @Test
    void aPasswdFileReadAsAConfigIsNotQuoted() throws IOException {
        String outcome = ConfigCollectorProbe.read("loki", "raw", Files.readAllBytes(TestPaths.resource("hostile/not-a-policy.txt")));
        assertThat(outcome).startsWith("refused: ").doesNotContain(SECRET).doesNotContain("root:");
    }

    @Test
    void jacksonMessagesLoseEveryQuotedValue() {
        assertThat(YamlErrors.withoutContent("Cannot deserialize value of type `java.lang.Integer` from String \"" + SECRET + "\": not a valid value"))
                .doesNotContain(SECRET).contains("`java.lang.Integer`");
        assertThat(YamlErrors.withoutContent("Unrecognized token '" + SECRET + "': was expecting")).doesNotContain(SECRET);
    }

    // ---- §3 bearer tokens ----

    @Test
    void aTokenFileThatIsNotATokenIsRefusedWithoutQuotingIt() {
        Path passwd = TestPaths.resource("hostile/token-passwd.txt");
        assertThatThrownBy(() -> BearerToken.read(passwd.toString(), null, name -> null))
                .isInstanceOf(BearerToken.UnavailableException.class)
                .hasMessageContaining("does not hold a valid bearer token (it contains a line break)")
                .hasMessageNotContaining(SECRET).hasMessageNotContaining("root");
    }

    @ParameterizedTest(name = "token with {0}")
    @ValueSource(strings = {"line feed", "carriage return", "space", "tab", "NUL", "non-ASCII"})
    void aTokenWithAnInvalidHeaderCharacterIsRefused(String what) {
        String bad = switch (what) {
            case "line feed" -> SECRET + "\nX-Injected: 1";
            case "carriage return" -> SECRET + "\rX";
            case "space" -> SECRET + " more";
            case "tab" -> SECRET + "\tmore";
            case "NUL" -> SECRET + "\0";
            default -> SECRET + "\u00e9";
        };
        assertThatThrownBy(() -> BearerToken.read(null, "TOKEN", name -> bad))
                .isInstanceOf(BearerToken.UnavailableException.class)
                .hasMessageStartingWith("environment variable TOKEN does not hold a valid bearer token")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aTokenFileThatIsADeviceIsRefusedBeforeReading() {
        String message = assertTimeoutPreemptively(HANG, () -> tokenRefusal("/dev/zero"));
        assertThat(message).contains("not a regular file");
    }

    @Test
    void aTokenFileThatIsAFifoDoesNotHang() throws Exception {
        Path fifo = fifo();
        String message = assertTimeoutPreemptively(HANG, () -> tokenRefusal(fifo.toString()));
        assertThat(message).contains("not a regular file");
    }

    @Test
    void aHugeTokenFileIsRefused() throws IOException {
        Path big = dir.resolve("token");
        Files.writeString(big, SECRET.repeat(10_000));
        assertThat(tokenRefusal(big.toString())).contains("larger than").doesNotContain(SECRET);
    }

    @Test
    void aValidTokenIsRead() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl\n");
        assertThat(BearerToken.read(token.toString(), null, name -> null)).isEqualTo("eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl");
    }

    // ---- §4 querier answers: bounded, streamed ----

    @Test
    void aSixMillionNameAnswerEndsUnverifiedAfterTheBound() {
        AtomicInteger requests = new AtomicInteger();
        try (StreamingQuerier querier = new StreamingQuerier((path, out) -> {
            requests.incrementAndGet();
            StreamingQuerier.names(out, 6_000_000);
        })) {
            SeriesScan scan = assertTimeoutPreemptively(HANG, () -> scanner(querier, Clock.systemUTC(), Duration.ofHours(1)).scan("eu-west-1"));
            assertThat(scan.scan().status()).isEqualTo("UNVERIFIED");
            assertThat(scan.scan().reason()).isEqualTo("/api/v1/labels: more than " + QuerierClient.MAX_LABEL_NAMES
                    + " elements in the answer; not examined, expected fewer");
            assertThat(requests).hasValue(1);
        }
    }

    @Test
    void aLabelValueOverTheStringBoundIsAPartialAnswer() {
        try (StreamingQuerier querier = new StreamingQuerier((path, out) ->
                StreamingQuerier.body(out, "{\"status\":\"success\",\"data\":[\"" + "v".repeat(2 * 1024 * 1024) + "\"]}"))) {
            QuerierClient client = new QuerierClient(querier.url(), Duration.ofSeconds(5), Duration.ofSeconds(30), null);
            assertThatThrownBy(() -> client.labelValues("user", "{region=\"eu-west-1\"}", value -> { }))
                    .isInstanceOf(PartialResponseException.class).hasMessageStartingWith("/api/v1/label/user/values: ")
                    .hasMessageContaining("length");
        }
    }

    @Test
    void aSeriesWithThousandsOfLabelsIsRefused() {
        StringBuilder series = new StringBuilder("{\"status\":\"success\",\"data\":[{");
        for (int i = 0; i < 1_500; i++) {
            series.append(i == 0 ? "" : ",").append("\"l").append(i).append("\":\"v\"");
        }
        series.append("}]}");
        try (StreamingQuerier querier = new StreamingQuerier((path, out) -> StreamingQuerier.body(out, series.toString()))) {
            QuerierClient client = new QuerierClient(querier.url(), Duration.ofSeconds(5), Duration.ofSeconds(30), null);
            assertThatThrownBy(() -> client.series("{a=\"b\"}", labels -> true))
                    .isInstanceOf(PartialResponseException.class).hasMessageContaining("more than 1000 labels");
        }
    }

    // ---- §4 detectors: linear time on bounded input, over-long values never pass silently ----

    @Test
    void aThreeHundredThousandCharacterValueIsUnverifiedNotAPass() {
        String longValue = "a".repeat(300_000);
        try (StreamingQuerier querier = new StreamingQuerier((path, out) -> StreamingQuerier.body(out, path.endsWith("/labels")
                ? "{\"status\":\"success\",\"data\":[\"region\",\"comment\"]}"
                : "{\"status\":\"success\",\"data\":[\"" + longValue + "\"]}"))) {
            SeriesScan scan = assertTimeoutPreemptively(HANG, () -> scanner(querier, Clock.systemUTC(), Duration.ofHours(1)).scan("eu-west-1"));
            assertThat(scan.scan().status()).isEqualTo("UNVERIFIED");
            assertThat(scan.scan().reason()).isEqualTo("1 label values longer than 4096 characters (over-long value, not examined in full), "
                    + "first under label comment");
        }
    }

    @Test
    void everyDetectorExaminesAtMostTheBoundedWindow() {
        String longValue = "a".repeat(300_000) + "alice@example.com";
        for (ValueDetector detector : ValueDetectors.named(PiiDetection.DETECTORS)) {
            assertThat(assertTimeoutPreemptively(HANG, () -> detector.find(longValue))).as(detector.name()).isEmpty();
        }
        assertThat(ValueDetectors.overLong(longValue)).isTrue();
    }

    @Test
    void theEmailDetectorStillFindsAnAddressInsideALongRun() {
        ValueDetector email = ValueDetectors.named(List.of("email")).get(0);
        assertThat(email.find("x".repeat(4000) + " bob@example.org")).contains("bob@example.org");
        assertThat(email.find("/users/alice.smith@example.com/profile")).contains("alice.smith@example.com");
    }

    // ---- §4 one deadline for the whole series scan ----

    @Test
    void theScanDeadlineEndsTheRemainingRegionsAsUnverified() {
        AtomicInteger calls = new AtomicInteger();
        MutableClock clock = new MutableClock();
        try (StreamingQuerier querier = new StreamingQuerier((path, out) -> {
            calls.incrementAndGet();
            clock.advance(Duration.ofSeconds(29));
            StreamingQuerier.body(out, path.endsWith("/labels")
                    ? "{\"status\":\"success\",\"data\":[\"region\",\"a\",\"b\",\"c\"]}" : "{\"status\":\"success\",\"data\":[\"x\"]}");
        })) {
            SeriesScanner scanner = scanner(querier, clock, Duration.ofSeconds(50));
            SeriesScan first = scanner.scan("eu-west-1");
            SeriesScan second = scanner.scan("eu-central-1");

            assertThat(first.scan().status()).isEqualTo("UNVERIFIED");
            assertThat(first.scan().reason()).isEqualTo("scan deadline reached (50 s for the whole series scan); label b and the labels after it not examined");
            assertThat(second.scan().status()).isEqualTo("UNVERIFIED");
            assertThat(second.scan().reason()).startsWith("scan deadline reached").endsWith("the series of eu-central-1 not examined");
            assertThat(calls).as("no call after the deadline").hasValue(2);
        }
    }

    // ---- §3/§4 database errors never show the values they refuse ----

    @Test
    void anH2ValueTooLongErrorIsShownWithoutItsValue() {
        SQLException h2 = new SQLException("Value too long for column \"ENDPOINT CHARACTER VARYING(512)\": \"'https://x.example.com/?token="
                + SECRET + "' (600)\"; SQL statement:\nINSERT INTO egress_fact VALUES ('" + SECRET + "')", "22001");
        String shown = DatabaseErrors.safeMessage(new RuntimeException("PreparedStatementCallback; bad SQL " + SECRET, h2));
        assertThat(shown).doesNotContain(SECRET).contains("Value too long for column").contains("SQLState 22001");
    }

    @Test
    void aPostgresErrorLosesItsDetailLine() {
        SQLException postgres = new SQLException("ERROR: value too long for type character varying(512)\n  Detail: Failing row contains ("
                + SECRET + ")", "22001");
        assertThat(DatabaseErrors.safeMessage(postgres)).doesNotContain(SECRET).contains("value too long");
    }

    // ---- helpers ----

    private SeriesScanner scanner(StreamingQuerier querier, Clock clock, Duration deadline) {
        QuerierClient client = new QuerierClient(querier.url(), Duration.ofSeconds(5), Duration.ofSeconds(60), null);
        return new SeriesScanner(client, "region", new PiiDetection(List.of("(?i).*mail.*"), PiiDetection.DETECTORS, List.of()),
                ValueHasher.withKey("k"), 100, clock, deadline);
    }

    private String refusal(Path file) {
        try {
            fetcher.fetchFile(file);
            return "read";
        } catch (SourceReadException e) {
            return e.getMessage();
        }
    }

    private static String tokenRefusal(String file) {
        try {
            BearerToken.read(file, null, name -> null);
            return "read";
        } catch (BearerToken.UnavailableException e) {
            return e.getMessage();
        }
    }

    private static boolean inEffect(String outcome, String bucket) {
        int at = outcome.indexOf("bucket=" + bucket);
        assertThat(at).as("bucket " + bucket + " in " + outcome).isPositive();
        int inEffect = outcome.indexOf("inEffect=", at);
        return outcome.startsWith("true", inEffect + "inEffect=".length());
    }

    private Path fifo() throws IOException, InterruptedException {
        Path fifo = dir.resolve("fifo-" + System.nanoTime());
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        return fifo;
    }

    /** A clock the fake querier moves forward by each call's duration: the deadline without sleeping. */
    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T02:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

}
