package io.residency.auditor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.residency.auditor.CliRun;
import io.residency.auditor.TestPaths;
import io.residency.auditor.cli.ExitCode;
import io.residency.auditor.collect.config.ConfigCollectorProbe;
import io.residency.auditor.collect.series.PartialResponseException;
import io.residency.auditor.collect.series.QuerierClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile policies, estates, configurations and API answers. Each ends as exit 2
 * naming the file, or as an unreadable source / UNVERIFIED answer with a message: never a stack
 * trace, never a hang, never an out-of-memory.
 */
class HostileInputsTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String VALID_POLICY_HEAD = "version: 1\n";

    @TempDir
    static Path dir;

    // ---- policies and estates: exit 2 with the file named ----

    static Stream<HostileInputs.Case> policies() {
        List<HostileInputs.Case> cases = new ArrayList<>(HostileInputs.yamlAttacks());
        String jurisdictions = "jurisdictions:\n  EU: {frameworks: [GDPR], regions: [eu-west-1]}\n";
        String classes = "dataClasses:\n  logs: {personalData: true}\n";
        String frameworks = "frameworks:\n  GDPR: {storageInJurisdiction: [logs]}\n";
        cases.add(HostileInputs.text("version as text", "version: one\n" + jurisdictions + classes + frameworks));
        cases.add(HostileInputs.text("version 2", "version: 2\n" + jurisdictions + classes + frameworks));
        cases.add(HostileInputs.text("version absurd", "version: 99999999999999999999\n" + jurisdictions + classes + frameworks));
        cases.add(HostileInputs.text("no jurisdictions", VALID_POLICY_HEAD + classes + frameworks));
        cases.add(HostileInputs.text("jurisdictions as a list", VALID_POLICY_HEAD + "jurisdictions: [EU]\n" + classes + frameworks));
        cases.add(HostileInputs.text("regions as a string", VALID_POLICY_HEAD + "jurisdictions:\n  EU: {frameworks: [GDPR], regions: eu-west-1}\n" + classes + frameworks));
        for (String region : List.of("EU-WEST-1", "eu_west_1", "", "eu-west-1 x", "12345", "europe", "eu-west", "eu-west-1; DROP TABLE x", "\u00e9u-west-1")) {
            cases.add(HostileInputs.text("invalid region '" + region + "'", VALID_POLICY_HEAD
                    + "jurisdictions:\n  EU: {frameworks: [GDPR], regions: [\"" + region + "\"]}\n" + classes + frameworks));
        }
        cases.add(HostileInputs.text("region in two jurisdictions", VALID_POLICY_HEAD
                + "jurisdictions:\n  EU: {frameworks: [GDPR], regions: [eu-west-1]}\n  XX: {frameworks: [GDPR], regions: [eu-west-1]}\n" + classes + frameworks));
        cases.add(HostileInputs.text("unknown framework", VALID_POLICY_HEAD + "jurisdictions:\n  EU: {frameworks: [HIPAA], regions: [eu-west-1]}\n" + classes + frameworks));
        cases.add(HostileInputs.text("unknown data class", VALID_POLICY_HEAD + jurisdictions + classes + "frameworks:\n  GDPR: {storageInJurisdiction: [blobs]}\n"));
        cases.add(HostileInputs.text("negative retention", VALID_POLICY_HEAD + jurisdictions + classes + "frameworks:\n  GDPR: {minimumLogRetentionDays: -5}\n"));
        cases.add(HostileInputs.text("absurd retention", VALID_POLICY_HEAD + jurisdictions + classes + "frameworks:\n  GDPR: {minimumLogRetentionDays: 1e30}\n"));
        cases.add(HostileInputs.text("unknown top-level key", VALID_POLICY_HEAD + jurisdictions + classes + frameworks + "shadow: true\n"));
        cases.add(HostileInputs.text("personalData as text", VALID_POLICY_HEAD + jurisdictions + "dataClasses:\n  logs: {personalData: maybe}\n" + frameworks));
        cases.add(HostileInputs.text("null jurisdiction", VALID_POLICY_HEAD + "jurisdictions:\n  EU:\n" + classes + frameworks));
        cases.add(HostileInputs.huge("a 5 MiB policy", 5));
        return cases.stream();
    }

    @ParameterizedTest(name = "policy: {0}")
    @MethodSource("policies")
    void aHostilePolicyIsBadInputNamingTheFile(HostileInputs.Case hostile) throws IOException {
        Path policy = dir.resolve("policy-" + UUID.randomUUID() + ".yaml");
        Files.write(policy, hostile.bytes());

        CliRun run = timed(() -> CliRun.of("gate", "--offline", "--estate", TestPaths.resource("estates/compliant/estate.yaml").toString(),
                "--policy", policy.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID(), "--out", dir.resolve("out").toString()));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).startsWith("error: ").contains(policy.getFileName().toString());
        assertClean(run);
    }

    static Stream<HostileInputs.Case> estates() {
        List<HostileInputs.Case> cases = new ArrayList<>(HostileInputs.yamlAttacks());
        String source = "    sources: [{kind: loki, file: loki.yaml}]\n";
        cases.add(HostileInputs.text("no regions", "name: x\n"));
        cases.add(HostileInputs.text("regions as a mapping", "regions: {eu-west-1: {}}\n"));
        cases.add(HostileInputs.text("region name missing", "regions:\n  - sources: []\n"));
        for (String region : List.of("EU-WEST-1", "eu_west_1", "mars-north-1x", "", "../../etc")) {
            cases.add(HostileInputs.text("invalid region '" + region + "'", "regions:\n  - name: \"" + region + "\"\n" + source));
        }
        cases.add(HostileInputs.text("region listed twice", "regions:\n  - name: eu-west-1\n" + source + "  - name: eu-west-1\n" + source));
        cases.add(HostileInputs.text("source with file and url", "regions:\n  - name: eu-west-1\n    sources: [{kind: loki, file: a.yaml, url: http://x}]\n"));
        cases.add(HostileInputs.text("source with neither file nor url", "regions:\n  - name: eu-west-1\n    sources: [{kind: loki}]\n"));
        cases.add(HostileInputs.text("source without kind", "regions:\n  - name: eu-west-1\n    sources: [{file: a.yaml}]\n"));
        cases.add(HostileInputs.text("unknown source kind", "regions:\n  - name: eu-west-1\n    sources: [{kind: jaeger, file: a.yaml}]\n"));
        cases.add(HostileInputs.text("unknown format", "regions:\n  - name: eu-west-1\n    sources: [{kind: loki, file: a.yaml, format: xml}]\n"));
        cases.add(HostileInputs.text("concurrency zero", "regions:\n  - name: eu-west-1\n" + source + "aws: {concurrency: 0}\n"));
        cases.add(HostileInputs.text("concurrency absurd", "regions:\n  - name: eu-west-1\n" + source + "aws: {concurrency: 1000000}\n"));
        cases.add(HostileInputs.text("buckets as a number", "regions:\n  - name: eu-west-1\n" + source + "aws: {buckets: 5}\n"));
        cases.add(HostileInputs.text("aws region invalid", "regions:\n  - name: eu-west-1\n" + source + "aws: {region: earth}\n"));
        cases.add(HostileInputs.text("central sources without region", "regions:\n  - name: eu-west-1\n" + source
                + "central:\n  sources: [{kind: grafana-datasources, file: d.yaml}]\n"));
        cases.add(HostileInputs.text("thanos without url", "regions:\n  - name: eu-west-1\n" + source + "central: {region: us-east-1, thanos: {regionLabel: r}}\n"));
        cases.add(HostileInputs.text("series count limit negative", "regions:\n  - name: eu-west-1\n" + source
                + "central: {region: us-east-1, thanos: {url: http://q, seriesCountLimit: -1}}\n"));
        cases.add(HostileInputs.text("series count limit as text", "regions:\n  - name: eu-west-1\n" + source
                + "central: {region: us-east-1, thanos: {url: http://q, seriesCountLimit: lots}}\n"));
        cases.add(HostileInputs.text("tenant without id", "regions:\n  - name: eu-west-1\n" + source + "tenants: [{sox: true}]\n"));
        cases.add(HostileInputs.text("sox as text", "regions:\n  - name: eu-west-1\n" + source + "tenants: [{id: t, sox: perhaps}]\n"));
        cases.add(HostileInputs.text("unknown key", "regions:\n  - name: eu-west-1\n" + source + "secrets: {aws_secret_access_key: x}\n"));
        cases.add(HostileInputs.text("endpoints with bad region", "regions:\n  - name: eu-west-1\n" + source + "endpoints: {nowhere: [\"*\"]}\n"));
        cases.add(HostileInputs.huge("a 5 MiB estate", 5));
        return cases.stream();
    }

    @ParameterizedTest(name = "estate: {0}")
    @MethodSource("estates")
    void aHostileEstateIsBadInputNamingTheFile(HostileInputs.Case hostile) throws IOException {
        Path estate = dir.resolve("estate-" + UUID.randomUUID() + ".yaml");
        Files.write(estate, hostile.bytes());

        CliRun run = timed(() -> CliRun.of("gate", "--offline", "--estate", estate.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID(),
                "--out", dir.resolve("out").toString()));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).startsWith("error: ").contains(estate.getFileName().toString());
        assertClean(run);
    }

    // ---- configurations: an unreadable source with a message, the audit goes on ----

    static Stream<HostileInputs.Case> configs() {
        List<HostileInputs.Case> cases = new ArrayList<>(HostileInputs.yamlAttacks());
        cases.add(HostileInputs.text("storage_config.aws as a list", "storage_config:\n  aws: [1, 2]\n"));
        cases.add(HostileInputs.text("bucketnames as a mapping", "storage_config:\n  aws: {bucketnames: {a: b}}\n"));
        cases.add(HostileInputs.text("s3 URL without scheme", "storage_config:\n  aws: {s3: eu-west-1/bucket}\n"));
        cases.add(HostileInputs.text("schema configs as a mapping", "schema_config:\n  configs: {from: x}\n"));
        cases.add(HostileInputs.text("retention not a duration", "limits_config: {retention_period: forever}\ncommon: {storage: {s3: {s3: s3://eu-west-1/b}}}\n"));
        cases.add(HostileInputs.text("retention absurd", "limits_config: {retention_period: 99999999999999999999y}\ncommon: {storage: {s3: {s3: s3://eu-west-1/b}}}\n"));
        cases.add(HostileInputs.text("retention overflowing", "limits_config: {retention_period: 9223372036854775807y}\ncommon: {storage: {s3: {s3: s3://eu-west-1/b}}}\n"));
        cases.add(HostileInputs.text("stream rule without selector", "limits_config: {retention_stream: [{period: 24h}]}\ncommon: {storage: {s3: {s3: s3://eu-west-1/b}}}\n"));
        cases.add(HostileInputs.text("named store not a mapping", "storage_config: {named_stores: {aws: {x: 5}}}\n"));
        cases.add(HostileInputs.text("unset variable", "storage_config:\n  aws: {bucketnames: ${NOT_SET_ANYWHERE}}\n"));
        cases.add(HostileInputs.huge("a 17 MiB config", 17));
        return cases.stream();
    }

    /**
     * Refused with a message (an unreadable source), read as a config that names no storage, or read
     * with every store unlocated (an unset variable under -config.expand-env makes its field unknown):
     * RES-LOKI-STORAGE records the last two as UNVERIFIED; never a pass, and in bounded time.
     */
    @ParameterizedTest(name = "loki config: {0}")
    @MethodSource("configs")
    void aHostileConfigIsAnUnreadableSourceWithAMessage(HostileInputs.Case hostile) {
        String outcome = timed(() -> ConfigCollectorProbe.read("loki", "raw", hostile.bytes()));

        assertThat(outcome).satisfiesAnyOf(
                refused -> assertThat(refused).startsWith("refused: ").hasSizeLessThan(600).doesNotContain("\tat ", "Exception"),
                noStorage -> assertThat(noStorage).startsWith("facts: ParsedConfig[storage=[], egress=[]"),
                unlocated -> assertThat(unlocated).startsWith("facts: ParsedConfig[storage=[StorageLocation[")
                        .satisfies(o -> assertThat(count(o, "declaredRegion=null")).isEqualTo(count(o, "StorageLocation["))));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    static Stream<HostileInputs.Case> manifests() {
        return Stream.of(
                HostileInputs.text("no ConfigMap in the manifest", "apiVersion: v1\nkind: Service\nmetadata: {name: loki}\n"),
                HostileInputs.text("two ConfigMaps and no object named", "kind: ConfigMap\nmetadata: {name: a}\ndata: {x: 'a: 1'}\n---\nkind: ConfigMap\nmetadata: {name: b}\ndata: {x: 'a: 1'}\n"),
                HostileInputs.text("Secret with broken base64", "kind: Secret\nmetadata: {name: s}\ndata: {config.yaml: '!!!not base64!!!'}\n"),
                HostileInputs.text("ConfigMap with several unusual keys", "kind: ConfigMap\nmetadata: {name: a}\ndata: {one: 'a: 1', two: 'b: 2'}\n"),
                HostileInputs.text("embedded config is a list", "kind: ConfigMap\nmetadata: {name: a}\ndata: {config.yaml: '- a'}\n"),
                HostileInputs.text("manifest is binary", new String(HostileInputs.binary(), StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest(name = "configmap: {0}")
    @MethodSource("manifests")
    void aHostileManifestIsAnUnreadableSourceWithAMessage(HostileInputs.Case hostile) {
        String outcome = timed(() -> ConfigCollectorProbe.read("loki", "configmap", hostile.bytes()));

        assertThat(outcome).startsWith("refused: ").doesNotContain("\tat ", "Exception");
    }

    // ---- API answers of the querier: partial or failed, never a pass ----

    private static HttpServer api;
    private static volatile byte[] answer = new byte[0];

    @BeforeAll
    static void startApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, answer.length);
                out.write(answer);
            }
        });
        api.start();
    }

    @AfterAll
    static void stopApi() {
        api.stop(0);
    }

    static Stream<HostileInputs.Case> answers() {
        return Stream.of(
                HostileInputs.text("empty body", ""),
                HostileInputs.text("HTML error page", "<html><body>502</body></html>"),
                HostileInputs.text("JSON list instead of envelope", "[\"a\"]"),
                HostileInputs.text("status error", "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"x\"}"),
                HostileInputs.text("data is an object", "{\"status\":\"success\",\"data\":{\"a\":1}}"),
                HostileInputs.text("no data", "{\"status\":\"success\"}"),
                HostileInputs.text("warnings after data", "{\"status\":\"success\",\"data\":[\"a\"],\"warnings\":[\"partial\"]}"),
                HostileInputs.text("cut off in a string", "{\"status\":\"success\",\"data\":[\"ab"),
                HostileInputs.text("deeply nested data", "{\"status\":\"success\",\"data\":[" + "[".repeat(5000) + "]".repeat(5000) + "]}"),
                HostileInputs.text("numbers instead of names", "{\"status\":\"success\",\"data\":[1e999999]}"),
                HostileInputs.text("binary", new String(HostileInputs.binary(), StandardCharsets.ISO_8859_1)),
                HostileInputs.text("trailing garbage", "{\"status\":\"success\",\"data\":[\"a\"]} {{{"));
    }

    @ParameterizedTest(name = "querier answer: {0}")
    @MethodSource("answers")
    void aHostileQuerierAnswerIsNeverTakenAsComplete(HostileInputs.Case hostile) {
        answer = hostile.bytes();
        QuerierClient client = new QuerierClient("http://127.0.0.1:" + api.getAddress().getPort(), Duration.ofSeconds(2), Duration.ofSeconds(5), null);

        String outcome = timed(() -> {
            try {
                return "complete: " + client.labels("{region=\"eu-west-1\"}");
            } catch (PartialResponseException | IOException e) {
                return "refused: " + e.getMessage();
            }
        });

        assertThat(outcome).startsWith("refused: /api/v1/labels: ");
    }

    private static <T> T timed(java.util.function.Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded time").isLessThan(BOUND);
        return result;
    }

    private static void assertClean(CliRun run) {
        assertThat(run.output()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.stderr().lines().count()).as("one clear line, not a dump: " + run.stderr()).isLessThan(4);
    }
}
