package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.TestPaths;
import io.residency.auditor.input.YamlParsers;
import io.residency.auditor.policy.PiiDetection;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What a collector's connectors copy into metrics and how its processors redact, read as the collector runs them. */
class OtelPrivacyPathsTest {

    /** The bundled policy's PII settings. */
    private static final PersonalAttributes POLICY = PersonalAttributes.of(new PiiDetection(
            List.of("(?i).*e?mail.*", "(?i).*user.*", "(?i).*customer.*", "(?i)(.*_)?ip(_.*)?", "(?i).*addr.*", "(?i).*phone.*",
                    "(?i).*msisdn.*", "(?i).*(first|last|full|user)_?name.*", "(?i).*iban.*", "(?i).*card.*"),
            List.of("email"), List.of("__name__", "instance", "job", "pod", "namespace", "container", "node", "le", "quantile", "region",
                    "cluster", "service", "endpoint")));

    private static ConfigTree tree(String yaml) {
        return ConfigTree.root(YamlParsers.mapper().build().readTree(yaml));
    }

    @ParameterizedTest(name = "{0} is personal by the policy: {1}")
    @CsvSource({"user.email, true", "enduser.id, true", "client.address, true", "http.client_ip, true", "user.id, true", "user.name, true",
            "customer.phone, true", "net.peer.ip, true", "http.method, false", "service.name, false", "span.kind, false", "http.route, false",
            "cluster, false"})
    void theAttributeIsJudgedByThePolicysPatternsOnItsNameAndItsLabelForm(String attribute, boolean personal) {
        assertThat(POLICY.patternFor(attribute).isPresent()).isEqualTo(personal);
    }

    @Test
    void aPersonalDimensionOfAConnectorWhoseMetricsOnlyReachDebugIsNotExported() {
        ConfigTree config = tree("""
                exporters: {debug: {}, otlp: {endpoint: "tempo:4317"}}
                connectors:
                  spanmetrics: {dimensions: [{name: user.email}]}
                service:
                  pipelines:
                    traces: {receivers: [otlp], exporters: [otlp, spanmetrics]}
                    metrics: {receivers: [spanmetrics], exporters: [debug]}
                """);

        assertThat(OtelPrivacyPaths.dimensions(config, POLICY)).singleElement().satisfies(d -> {
            assertThat(d.personalPattern()).isEqualTo("(?i).*e?mail.*");
            assertThat(d.exportedBy()).isEmpty();
            assertThat(d.configPath()).isEqualTo("connectors.spanmetrics.dimensions[0].name");
        });
    }

    @Test
    void metricsAreFollowedThroughFurtherConnectorsAndACycleEndsAndAnUnknownExporterCountsAsSending() {
        ConfigTree config = tree("""
                exporters: {debug: {}, vendorx/eu: {endpoint: "x:1"}}
                connectors:
                  span_metrics: {dimensions: [{name: enduser.id}], events: {enabled: true, dimensions: [{name: client.address}]}}
                  forward: {}
                service:
                  pipelines:
                    traces: {receivers: [otlp], exporters: [span_metrics]}
                    metrics/a: {receivers: [span_metrics, forward], exporters: [forward, debug]}
                    metrics/b: {receivers: [forward], exporters: [forward, vendorx/eu]}
                """);

        assertThat(OtelPrivacyPaths.dimensions(config, POLICY)).extracting(d -> d.attribute() + " " + d.exportedBy())
                .containsExactly("enduser.id vendorx/eu", "client.address vendorx/eu");
    }

    @Test
    void aConnectorNoPipelineUsesAndServicegraphListsAreRead() {
        ConfigTree config = tree("""
                connectors:
                  spanmetrics/unused: {dimensions: [{name: user.email}]}
                  servicegraph: {dimensions: [user.id, k8s.cluster.name]}
                exporters: {prometheus: {endpoint: "0.0.0.0:8889"}}
                service:
                  pipelines:
                    traces: {receivers: [otlp], exporters: [servicegraph]}
                    metrics: {receivers: [servicegraph], exporters: [prometheus]}
                """);

        // The prometheus exporter is a pull listener: its metrics are scraped and federated, so they leave.
        assertThat(OtelPrivacyPaths.dimensions(config, POLICY)).extracting(d -> d.connector() + " " + d.attribute() + " "
                + (d.personalPattern() != null) + " " + d.exportedBy())
                .containsExactly("servicegraph user.id true prometheus", "servicegraph k8s.cluster.name false prometheus");
    }

    @Test
    void aTransformGroupsErrorModeOverridesTheProcessorsAndTheFailOpenModeWins() {
        ConfigTree config = tree("""
                processors:
                  transform/closed:
                    error_mode: ignore
                    log_statements:
                      - {context: log, error_mode: propagate, statements: ['delete_key(attributes, "user.email")']}
                      - {context: log, statements: ['set(attributes["x"], "y")']}
                  transform/open:
                    trace_statements:
                      - {context: span, statements: ['replace_pattern(attributes["http.url"], "t=.*", "t=***")']}
                      - {context: span, error_mode: silent, statements: ['set(attributes["h"], SHA256(attributes["user.id"]))']}
                  transform/flat:
                    error_mode: ignore
                    trace_statements: ['set(span.attributes["x"], my_delete_key(span.attributes))', 'set(span.name, "x.SHA256(y)")']
                  transform/unused: {error_mode: ignore, trace_statements: ['delete_key(attributes, "a")']}
                  redaction: {allow_all_keys: true}
                  batch: {}
                service:
                  pipelines:
                    logs: {receivers: [otlp], processors: [transform/closed, batch], exporters: [debug]}
                    traces: {receivers: [otlp], processors: [transform/open, transform/flat, redaction], exporters: [debug]}
                """);

        assertThat(OtelPrivacyPaths.redactingProcessors(config)).extracting(p -> p.processor() + " " + p.redacts() + " "
                + p.redactionCalls() + " " + p.errorMode() + " " + p.allowAllKeys() + " " + p.pipelines())
                .containsExactly("redaction true  null true traces",
                        "transform/closed true delete_key propagate null logs",
                        "transform/flat false  ignore null traces",
                        "transform/open true SHA256,replace_pattern silent null traces");
    }

    @Test
    void theOpenTelemetryDemosRedactingTransformRunsWithErrorModeIgnore() throws IOException {
        ConfigTree config = tree(Files.readString(TestPaths.resource("upstream/otel-collector/demo-otelcol-config.yml")));

        assertThat(OtelPrivacyPaths.redactingProcessors(config)).filteredOn(p -> p.processor().equals("transform/redact_sensitive_data"))
                .singleElement().satisfies(p -> {
                    assertThat(p.redactionCalls()).isEqualTo("SHA256,delete_key,replace_pattern");
                    assertThat(p.errorMode()).isEqualTo("ignore");
                });
        // Its span_metrics connector has no dimensions of its own: the defaults (service.name, span.name, ...) are not personal.
        assertThat(OtelPrivacyPaths.dimensions(config, POLICY)).isEmpty();
    }
}
