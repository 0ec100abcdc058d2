package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.residency.auditor.estate.Estate;
import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.estate.RegionStack;
import io.residency.auditor.estate.SourceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The table of source kinds: every kind declares its data classes, and nothing falls back to a default. */
class SourceKindsTest {

    private static final EndpointRegions NO_ENDPOINTS = new EndpointRegions(Map.of());

    private final SourceKinds registered = SourceKinds.registered();

    @TempDir
    Path dir;

    @Test
    void everyRegisteredKindDeclaresAtLeastOneDataClass() {
        assertThat(registered.all()).isNotEmpty().allSatisfy(kind ->
                assertThat(kind.dataClasses()).as("data classes of %s", kind.name()).isNotEmpty());
    }

    @Test
    void everyRegisteredKindThatStoresDataStoresOneOfItsDeclaredClasses() {
        assertThat(registered.all()).allSatisfy(kind -> kind.storedDataClass().ifPresent(stored ->
                assertThat(kind.dataClasses()).as("data classes of %s", kind.name()).contains(stored)));
    }

    @Test
    void everyDataClassAKindCanDeclareIsNamedInTheBundledPolicy() throws IOException {
        JsonNode policy;
        try (InputStream in = SourceKindsTest.class.getResourceAsStream("/policy/default-policy.yaml")) {
            policy = new YAMLMapper().readTree(in);
        }
        List<String> policyClasses = policy.path("dataClasses").properties().stream().map(Map.Entry::getKey).toList();

        assertThat(Arrays.stream(DataClassName.values()).map(DataClassName::policyName)).containsExactlyInAnyOrderElementsOf(policyClasses);
    }

    @Test
    void everyRegisteredKindHasRealWorldFixtures() throws URISyntaxException, IOException {
        Path configs = Path.of(SourceKindsTest.class.getResource("/configs").toURI());
        for (SourceKind kind : registered.all()) {
            Path fixtures = configs.resolve(kind.name());
            assertThat(fixtures).as("fixtures of %s", kind.name()).isDirectory();
            try (Stream<Path> files = Files.list(fixtures)) {
                assertThat(files.filter(f -> f.toString().endsWith(".yaml"))).as("fixtures of %s", kind.name()).isNotEmpty();
            }
        }
    }

    @Test
    void theReadmeTableDescribesEveryRegisteredKindAsItDeclaresItself() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<String> rows = lines.subList(lines.indexOf("### What is read where"), lines.size()).stream()
                .dropWhile(line -> !line.startsWith("|---"))
                .skip(1)
                .takeWhile(line -> line.startsWith("|"))
                .toList();

        assertThat(rows).as("rows of 'What is read where'").hasSameSizeAs(registered.all());
        for (SourceKind kind : registered.all()) {
            String row = rows.stream().filter(r -> r.startsWith("| `" + kind.name() + "` |")).findFirst().orElse("");
            assertThat(row).as("README row of %s", kind.name()).isNotEmpty();
            kind.dataClasses().forEach(dataClass -> assertThat(row).as("README row of %s", kind.name()).contains(dataClass.policyName()));
            kind.destinationFields().forEach(field -> assertThat(row).as("README row of %s", kind.name()).contains("`" + field + "`"));
            kind.configMapKeys().forEach(key -> assertThat(row).as("README row of %s", kind.name()).contains("`" + key + "`"));
            if (kind instanceof HelmChartKind chart) {
                chart.helmCharts().forEach(name -> assertThat(row).as("README row of %s", kind.name()).contains("`" + name + "`"));
            }
        }
    }

    @Test
    void theEstateNamesAreTheRegisteredKindsSorted() {
        assertThat(registered.names()).isSorted()
                .containsExactlyInAnyOrderElementsOf(registered.all().stream().map(SourceKind::name).toList());
    }

    @Test
    void aKindWithoutADataClassCannotBeRegistered() {
        SourceKind undeclared = new ToyKind("undeclared", EnumSet.noneOf(DataClassName.class), Optional.empty(), nothing());

        assertThatThrownBy(() -> new SourceKinds(List.of(undeclared)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("source kind undeclared declares no data class");
    }

    @Test
    void aKindStoringAClassItDoesNotDeclareCannotBeRegistered() {
        SourceKind inconsistent = new ToyKind("inconsistent", EnumSet.of(DataClassName.LOGS), Optional.of(DataClassName.TRACES), nothing());

        assertThatThrownBy(() -> new SourceKinds(List.of(inconsistent)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stores TRACES, which is not among its declared data classes");
    }

    @Test
    void aKindCannotBeRegisteredTwice() {
        assertThatThrownBy(() -> new SourceKinds(List.of(new LokiKind(), new LokiKind())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("source kind loki is registered twice");
    }

    @Test
    void theStoredDataClassOfAKindIsItsOwnDeclaration() {
        assertThat(registered.storedDataClassOf("loki")).isEqualTo(DataClassName.LOGS);
        assertThat(registered.storedDataClassOf("tempo")).isEqualTo(DataClassName.TRACES);
    }

    @Test
    void theStoredDataClassLookupNeverFallsBackToLogs() {
        assertThatThrownBy(() -> registered.storedDataClassOf("prometheus"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prometheus declares no stored data class");
        assertThatThrownBy(() -> registered.storedDataClassOf("jaeger"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown source kind 'jaeger'; expected one of " + registered.names());
    }

    @Test
    void storageFromAKindThatDeclaresNoStoredClassStopsTheCollectionInsteadOfBecomingLogs() throws IOException {
        ParsedConfig storesSomething = new ParsedConfig(
                List.of(new StorageLocation("storage", "s3", "b", "eu-west-1", "test", null, true, "")), List.of(), List.of());
        SourceKind silent = new ToyKind("silent", EnumSet.of(DataClassName.METRICS_RAW), Optional.empty(), storesSomething);
        Files.writeString(dir.resolve("silent.yaml"), "storage: {}\n");
        LoadedEstate estate = new LoadedEstate(new Estate(null, List.of(new RegionStack("eu-west-1", List.of(
                new SourceSpec(null, "silent", "silent.yaml", null, null, null, null, null, null, null)))),
                null, null, null, null, null, null), dir.resolve("estate.yaml"), "0");
        ConfigCollector collector = new ConfigCollector(new SourceFetcher(Duration.ofSeconds(1), Duration.ofSeconds(1), name -> null),
                new EnvExpander(name -> null), new SourceKinds(List.of(silent)));

        assertThatThrownBy(() -> collector.collect(estate, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("silent declares no stored data class");
    }

    @Test
    void aFlowOfAClassTheKindDoesNotDeclareIsABugOfTheKindNotAFact() {
        ParsedConfig sendsMetrics = new ParsedConfig(List.of(),
                List.of(new EgressTarget("remote_write[0]", "metrics-raw", "send", "x", "eu-west-1", null, "test")), List.of());
        SourceKind logsOnly = new ToyKind("logs-only", EnumSet.of(DataClassName.LOGS), Optional.of(DataClassName.LOGS), sendsMetrics);
        ConfigDocument document = new ConfigDocument(ConfigTree.root(new YAMLMapper().readTree("a: 1")), "0",
                "a: 1".getBytes(StandardCharsets.UTF_8), "");

        assertThatThrownBy(() -> ConfigCollector.parse(logsOnly, document, new ParseContext("eu-west-1", NO_ENDPOINTS, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("logs-only reported a flow of metrics-raw at remote_write[0] but declares only [logs]");
    }

    @Test
    void onlyKindsWithHelmChartsReadHelmValues() {
        SourceSpec spec = new SourceSpec(null, "prometheus", "values.yaml", null, "helm-values", null, null, null, null, null);
        ConfigDocumentReader reader = new ConfigDocumentReader(new EnvExpander(name -> null));

        assertThat(registered.get("prometheus")).isNotInstanceOf(HelmChartKind.class);
        assertThatThrownBy(() -> reader.read("server: {}\n".getBytes(StandardCharsets.UTF_8), spec, registered.get("prometheus")))
                .isInstanceOf(SourceReadException.class)
                .hasMessage("format helm-values is not read for kind prometheus; expected format raw or configmap");
    }

    @Test
    void aConfigMapKeyOfTheKindsOwnChartIsChosenAmongSeveral() throws SourceReadException {
        String manifest = "kind: ConfigMap\nmetadata: {name: stack}\ndata:\n  rules.yaml: 'groups: []'\n  prometheus.yml: 'remote_write: []'\n";
        SourceSpec spec = new SourceSpec(null, "prometheus", "cm.yaml", null, "configmap", null, null, null, null, null);

        ConfigDocument document = new ConfigDocumentReader(new EnvExpander(name -> null))
                .read(manifest.getBytes(StandardCharsets.UTF_8), spec, registered.get("prometheus"));

        assertThat(document.origin()).isEqualTo("key prometheus.yml of ConfigMap stack");
    }

    private static ParsedConfig nothing() {
        return new ParsedConfig(List.of(), List.of(), List.of());
    }

    /** A kind made up for the test, declaring what the test needs and parsing every config into {@code result}. */
    private record ToyKind(String name, Set<DataClassName> dataClasses, Optional<DataClassName> storedDataClass, ParsedConfig result)
            implements SourceKind {

        @Override
        public List<String> configMapKeys() {
            return List.of();
        }

        @Override
        public List<String> destinationFields() {
            return List.of("storage");
        }

        @Override
        public ParsedConfig parse(ConfigTree config, ParseContext context) {
            return result;
        }
    }
}
