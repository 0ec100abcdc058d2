package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.TestPaths;
import io.residency.auditor.estate.SourceSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code format: otel-operator}: the OpenTelemetry Operator's OpenTelemetryCollector resource, whose
 * spec.config is a YAML string in v1alpha1 and a mapping in v1beta1, read from the operator's own samples.
 */
class OtelOperatorFormatTest {

    private static String upstream(String name) throws IOException {
        return Files.readString(TestPaths.resource("upstream/otel-operator/" + name));
    }

    private static List<String> flows(String resource) throws SourceReadException {
        return OtelTestConfigs.egress(resource, "otel-operator", name -> null).stream()
                .map(e -> e.configPath() + " " + e.dataClass() + " " + e.endpoint() + " " + e.destinationRegion()).toList();
    }

    @Test
    void theV1alpha1StringAndTheV1beta1MappingOfTheSameSampleAreReadAlike() throws IOException, SourceReadException {
        String alpha = upstream("core_v1alpha1_opentelemetrycollector.yaml");
        String beta = upstream("core_v1beta1_opentelemetrycollector.yaml");

        // Both samples export traces to debug only: no egress at all, and the same reading from both shapes.
        assertThat(flows(alpha)).isEmpty();
        assertThat(flows(beta)).isEqualTo(flows(alpha));
        SourceReadException notAString = readError(alpha.replace("v1alpha1", "v1beta1"));
        assertThat(notAString.getMessage()).contains("opentelemetry.io/v1beta1", "a single value", "expected in opentelemetry.io/v1beta1");
    }

    @Test
    void aV1alpha1ResourceAmongOtherDocumentsIsFoundAndItsExporterRead() throws IOException, SourceReadException {
        assertThat(flows(upstream("exporter-with-tls.yaml")))
                .containsExactly("exporters.otlp.endpoint traces simplest-collector-headless.default.svc null");
    }

    @Test
    void aV1beta1ResourceAfterRbacDocumentsIsReadWithItsPipelines() throws IOException, SourceReadException {
        assertThat(flows(upstream("e2e-openshift-export-to-cluster-logging-lokistack-otel-collector.yaml")))
                .containsExactly("exporters.otlphttp.endpoint logs logging-loki-gateway-http.openshift-logging.svc.cluster.local null");
    }

    @Test
    void aFileWithoutTheResourceOrWithAnUnknownApiVersionIsAClearErrorNamingWhatWasExpected() throws IOException, SourceReadException {
        assertThat(readError("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n").getMessage())
                .contains("holds no OpenTelemetryCollector resource (found ConfigMap)", "opentelemetry.io/v1alpha1");
        assertThat(readError(upstream("core_v1beta1_opentelemetrycollector.yaml").replace("v1beta1", "v2")).getMessage())
                .contains("apiVersion 'opentelemetry.io/v2'", "expected opentelemetry.io/v1alpha1 or opentelemetry.io/v1beta1");
        String two = upstream("core_v1alpha1_opentelemetrycollector.yaml") + "---\n" + upstream("core_v1beta1_opentelemetrycollector.yaml");
        assertThat(readError(two).getMessage()).contains("holds 2 OpenTelemetryCollector resources [otel, otel]", "set 'object'");
    }

    @Test
    void aV1alpha1ConfigStringThatIsNotYamlNamesTheResource() {
        String broken = """
                apiVersion: opentelemetry.io/v1alpha1
                kind: OpenTelemetryCollector
                metadata: {name: broken}
                spec:
                  config: |
                    exporters: [
                """;
        assertThat(readError(broken).getMessage()).contains("spec.config of OpenTelemetryCollector broken (opentelemetry.io/v1alpha1)");
    }

    /** The line the reader gives a config path of the resource file, as findings carry it. */
    private static int lineOf(String resource, String... path) throws SourceReadException {
        SourceSpec spec = new SourceSpec(null, "otel-collector", "otel.yaml", null, "otel-operator", null, null, null, null, null);
        ConfigDocument document = new ConfigDocumentReader(new EnvExpander(name -> null))
                .read(resource.getBytes(StandardCharsets.UTF_8), spec, new OtelCollectorKind());
        return document.lines().lineOf(List.of((Object[]) path));
    }

    @Test
    void aV1beta1ConfigMappingsPathsHaveTheirLinesInTheResourceFileAfterOtherDocuments() throws IOException, SourceReadException {
        String resource = upstream("e2e-openshift-export-to-cluster-logging-lokistack-otel-collector.yaml");

        assertThat(lineOf(resource, "exporters", "otlphttp", "endpoint")).isEqualTo(79);
        assertThat(lineOf(resource, "service", "pipelines", "logs", "exporters")).isEqualTo(93);
        assertThat(lineOf(resource, "exporters", "otlp", "endpoint")).as("a path the config does not hold").isEqualTo(-1);
    }

    @Test
    void aV1alpha1LiteralBlockMapsLineForLineAndAQuotedStringHasNoLines() throws IOException, SourceReadException {
        String resource = upstream("exporter-with-tls.yaml");

        assertThat(lineOf(resource, "exporters", "otlp", "endpoint")).isEqualTo(38);
        assertThat(lineOf(resource, "receivers", "jaeger")).isEqualTo(29);
        String quoted = """
                apiVersion: opentelemetry.io/v1alpha1
                kind: OpenTelemetryCollector
                metadata: {name: quoted}
                spec:
                  config: '{exporters: {otlp: {endpoint: "collector.eu-west-1.observe.internal:4317"}}}'
                """;
        assertThat(lineOf(quoted, "exporters", "otlp", "endpoint")).as("no file line holds a line of a quoted string").isEqualTo(-1);
    }

    @Test
    void aFindingOfAV1beta1CollectorPointsAtItsLineInTheResourceFile() throws IOException, SourceReadException {
        String resource = upstream("e2e-openshift-export-to-cluster-logging-lokistack-otel-collector.yaml");
        SourceSpec spec = new SourceSpec(null, "otel-collector", "otel.yaml", null, "otel-operator", null, null, null, null, null);
        OtelCollectorKind kind = new OtelCollectorKind();
        ConfigDocument document = new ConfigDocumentReader(new EnvExpander(name -> null)).read(resource.getBytes(StandardCharsets.UTF_8), spec, kind);
        EgressTarget flow = ConfigCollector.parse(kind, document, new ParseContext("eu-west-1", OtelTestConfigs.ENDPOINTS, null)).egress().get(0);

        assertThat(document.lines().place(io.residency.auditor.input.YamlErrors.parse(flow.configPath())))
                .isEqualTo("line 79, exporters.otlphttp.endpoint");
    }

    private static SourceReadException readError(String resource) {
        return (SourceReadException) org.assertj.core.api.Assertions.catchThrowable(() -> flows(resource));
    }
}
