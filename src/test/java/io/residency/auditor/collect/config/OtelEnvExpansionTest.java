package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The collector's confmap expansion: ${env:VAR}, ${VAR}, :-default and $$, and what an unset variable leaves unverified. */
class OtelEnvExpansionTest {

    private static final String AMP = "https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-x/api/v1/remote_write";
    private static final Map<String, String> ENV = Map.of("AMP", AMP, "EMPTY", "", "HOST", "collector.eu-west-1.observe.internal");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "e: ${env:HOST}|e: collector.eu-west-1.observe.internal",
            "e: ${HOST}|e: collector.eu-west-1.observe.internal",
            "e: ${env:UNSET:-fallback.example:4317}|e: fallback.example:4317",
            "e: ${UNSET:-x}|e: x",
            "e: ${env:EMPTY:-x}|e: ''",
            "e: ${env:UNSET}|e: <unset:UNSET>",
            "e: $${env:HOST}|e: ${env:HOST}",
            "e: $$HOST|e: $HOST",
            "e: a$$$${HOST}|e: a$${HOST}",
            "e: ${file:/etc/endpoint}|e: <unresolved:file:/etc/endpoint>",
            "e: ${env:DD_API_KEY}|e: <redacted:DD_API_KEY>",
            "e: x # ${env:UNSET}|e: x # ${env:UNSET}"})
    void expandsAsTheCollectorsConfmapDoes(String text, String expanded) {
        assertThat(new EnvExpander(ENV::get).expandConfmap(text)).isEqualTo(expanded.replace("''", ""));
    }

    @Test
    void aSetVariablePointingAtAnAmpWorkspaceInUsEast1IsJudged() throws Exception {
        String yaml = "exporters:\n  prometheusremotewrite:\n    endpoint: ${env:AMP}\n"
                + "service:\n  pipelines:\n    metrics: {receivers: [otlp], exporters: [prometheusremotewrite]}\n";

        List<EgressTarget> egress = OtelTestConfigs.egress(yaml, "raw", ENV::get);

        assertThat(egress).singleElement().satisfies(e -> {
            assertThat(e.endpoint()).isEqualTo("aps-workspaces.us-east-1.amazonaws.com");
            assertThat(e.destinationRegion()).isEqualTo("us-east-1");
        });
    }

    @Test
    void anUnsetVariableLeavesOnlyThatEndpointUnverifiedNamingIt() throws Exception {
        String yaml = """
                exporters:
                  prometheusremotewrite:
                    endpoint: ${env:AWS_PROMETHEUS_ENDPOINT}
                  otlp:
                    endpoint: ${env:HOST}:4317
                service:
                  pipelines:
                    metrics: {receivers: [otlp], exporters: [prometheusremotewrite]}
                    traces: {receivers: [otlp], exporters: [otlp]}
                """;

        List<EgressTarget> egress = OtelTestConfigs.egress(yaml, "raw", ENV::get);

        assertThat(egress).hasSize(2);
        assertThat(egress.get(0).endpoint()).isEqualTo("${env:AWS_PROMETHEUS_ENDPOINT}");
        assertThat(egress.get(0).destinationRegion()).isNull();
        assertThat(egress.get(0).regionBasis()).startsWith("environment variable AWS_PROMETHEUS_ENDPOINT is not set for the auditor")
                .contains("expected AWS_PROMETHEUS_ENDPOINT set in the auditor's environment");
        assertThat(egress.get(1).destinationRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void theLokiSyntaxStillRefusesAnUnsetVariableForOtherKinds() {
        assertThatThrownBy(() -> new EnvExpander(name -> null).expand("x: ${UNSET}"))
                .isInstanceOf(SourceReadException.class).hasMessageContaining("${UNSET} is not set");
    }
}
