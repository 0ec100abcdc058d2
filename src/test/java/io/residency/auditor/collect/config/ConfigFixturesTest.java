package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.residency.auditor.estate.SourceSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code configs/<kind>/} (a registered kind's name) is a real-world configuration shape with its expected
 * facts written in comments at its top:
 * <pre>
 * # format: configmap            (optional; raw by default)
 * # chart: grafana/tempo-distributed  (optional, with format helm-values)
 * # env: S3_BUCKET=logs-eu        (optional; the environment for ${VAR} expansion)
 * # expect storage: &lt;config path&gt; &lt;backend&gt;:&lt;bucket&gt; &lt;region or ?&gt; &lt;in-effect|dormant&gt;
 * # expect egress: &lt;config path&gt; &lt;data class&gt; &lt;direction&gt; &lt;endpoint&gt; &lt;origin or ?&gt;-&gt;&lt;destination or ?&gt;
 * # expect retention: &lt;config path&gt; &lt;tenant&gt; &lt;scope&gt; &lt;hours or unlimited&gt; &lt;enforced|not-enforced&gt;
 * # expect error: &lt;text the error message contains&gt;
 * </pre>
 * The facts found must be exactly the facts expected. Fixtures are read as from the eu-west-1 stack.
 */
class ConfigFixturesTest {

    private static final String STACK_REGION = "eu-west-1";
    private static final EndpointRegions ENDPOINTS = new EndpointRegions(Map.of(
            "eu-west-1", List.of("*.eu-west-1.observe.internal"),
            "us-east-1", List.of("*.us-east-1.observe.internal"),
            "eu-central-1", List.of("thanos-query.central.observe.internal")));
    private static final String THANOS_HOST = "thanos-query.central.observe.internal";

    static Stream<Path> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(ConfigFixturesTest.class.getResource("/configs").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureYieldsExactlyItsExpectedFacts(Path fixture) throws Exception {
        List<String> header = Files.readAllLines(fixture).stream().takeWhile(line -> line.startsWith("#")).toList();
        String kind = fixture.getParent().getFileName().toString();
        Map<String, String> env = new HashMap<>();
        String format = "raw";
        String chart = null;
        List<String> expected = new ArrayList<>();
        String expectedError = null;
        for (String line : header) {
            String text = line.substring(1).strip();
            if (text.startsWith("format:")) {
                format = text.substring("format:".length()).strip();
            } else if (text.startsWith("chart:")) {
                chart = text.substring("chart:".length()).strip();
            } else if (text.startsWith("env:")) {
                String[] pair = text.substring("env:".length()).strip().split("=", 2);
                env.put(pair[0], pair[1]);
            } else if (text.startsWith("expect error:")) {
                expectedError = text.substring("expect error:".length()).strip();
            } else if (text.startsWith("expect ")) {
                expected.add(text.substring("expect ".length()).replaceAll("\\s+", " "));
            }
        }
        assertThat(expected.isEmpty() && expectedError == null).as("fixture %s states no expectation", fixture).isFalse();

        SourceSpec spec = new SourceSpec(null, kind, fixture.toString(), null, format, null, null, null, null, null, null, null, null, chart);
        ConfigDocumentReader reader = new ConfigDocumentReader(new EnvExpander(env::get));
        SourceFetcher fetcher = new SourceFetcher(Duration.ofSeconds(1), Duration.ofSeconds(1), env::get);
        SourceKind sourceKind = SourceKinds.registered().get(kind);
        ParseContext context = new ParseContext(STACK_REGION, ENDPOINTS, THANOS_HOST);

        if (expectedError != null) {
            String error = expectedError;
            assertThatThrownBy(() -> ConfigCollector.parse(sourceKind, reader.read(fetcher.fetchFile(fixture), spec, sourceKind), context))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessageContaining(error);
            return;
        }
        ConfigDocument document = reader.read(fetcher.fetchFile(fixture), spec, sourceKind);
        ParsedConfig parsed = ConfigCollector.parse(sourceKind, document, context.withInClusterStores(document.inClusterStores()));
        assertThat(describe(parsed)).as(fixture.getFileName().toString()).containsExactlyInAnyOrderElementsOf(expected);
    }

    static List<String> describe(ParsedConfig parsed) {
        List<String> facts = new ArrayList<>();
        parsed.storage().forEach(s -> facts.add("storage: " + s.configPath() + " " + s.backend() + ":" + s.bucket() + " "
                + orUnknown(s.declaredRegion()) + " " + (s.inEffect() ? "in-effect" : "dormant")));
        parsed.egress().forEach(e -> facts.add("egress: " + e.configPath() + " " + e.dataClass() + " " + e.direction() + " "
                + e.endpoint() + " " + orUnknown(e.originRegion()) + "->" + orUnknown(e.destinationRegion())));
        parsed.retention().forEach(r -> facts.add("retention: " + r.configPath() + " " + r.tenant() + " " + r.scope() + " "
                + (r.hours() == null ? "unlimited" : r.hours()) + " " + (r.enforced() ? "enforced" : "not-enforced")));
        return facts.stream().map(f -> f.replaceAll("\\s+", " ")).toList();
    }

    private static String orUnknown(String region) {
        return region == null ? "?" : region;
    }
}
